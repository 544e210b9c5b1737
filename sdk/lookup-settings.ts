import * as pulumi from "@pulumi/pulumi";
import {
  checkedSetting,
  configNamespace,
  fromEnvironment,
  type SettingName,
  type SettingReader,
} from "../provider/config";

/**
 * Settings for lookups, which run in the program rather than in the provider: the value given
 * in the call, else the program's stack config (`identity:<name>`), else the environment.
 */
export function lookupSettings(
  explicit: Partial<Record<SettingName, string | undefined>>,
): SettingReader {
  const config = new pulumi.Config(configNamespace);
  return (name) =>
    checkedSetting(name, {
      value: explicit[name] || config.get(name) || fromEnvironment(name).value,
    });
}
