import { checkedSetting, type SettingName } from "../../provider/config";

/** Settings as the providers read them from stack config, checked as the providers check them. */
export function settingsReader(values: Partial<Record<SettingName, unknown>>) {
  return (name: SettingName) => {
    const value = values[name];
    const text = typeof value === "string" || value === undefined ? value : JSON.stringify(value);
    return checkedSetting(name, { value: text, source: "config" });
  };
}
