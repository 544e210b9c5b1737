import * as pulumi from "@pulumi/pulumi";
import { checkedSetting, configNamespace, type SettingName, settings } from "../provider/config";

/**
 * Settings for lookups, which run in the program rather than in the provider: the value given
 * in the call, else the program's stack config (`identity:<name>`), else the environment.
 */
export function lookupSettings<N extends SettingName>(
  explicit: Partial<Record<N, string | undefined>>,
): (name: N) => string | undefined {
  const config = new pulumi.Config(configNamespace);
  return (name) =>
    checkedSetting(
      name,
      explicit[name] || config.get(name) || process.env[settings[name].env] || undefined,
    );
}
