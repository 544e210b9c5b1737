import type { startEmulator } from "../../emulator";
import { configNamespace, configure, type SettingName, settings } from "../../provider/config";
import type { PulumiProgram } from "./pulumi-program";

type RunningEmulator = Awaited<ReturnType<typeof startEmulator>>;

/** The `identity:*` stack config that points every provider at the emulator; secrets marked as
 * the settings table marks them. */
export function emulatorConfig(emulator: RunningEmulator) {
  const { asa, secureframe, scaikey } = emulator.credentials;
  const values: Partial<Record<SettingName, string>> = {
    asaBaseUrl: emulator.asaUrl,
    asaTeam: asa.team,
    asaKeyId: asa.keyId,
    asaKeySecret: asa.keySecret,
    secureframeBaseUrl: emulator.secureframeUrl,
    secureframeApiKey: secureframe.apiKey,
    secureframeApiSecret: secureframe.apiSecret,
    scaikeyBaseUrl: emulator.scaikeyUrl,
    scaikeyClientId: scaikey.clientId,
    scaikeyClientSecret: scaikey.clientSecret,
    scaikeyTenant: scaikey.tenantId,
  };
  return Object.entries(values).map(([name, value]) => ({
    key: `${configNamespace}:${name}`,
    value: value as string,
    secret: settings[name as SettingName].secret,
  }));
}

/** Sets that config on a program's stack. */
export function configureForEmulator(program: PulumiProgram, emulator: RunningEmulator) {
  return program.setConfigs(emulatorConfig(emulator));
}

/**
 * Configures this process's providers for the emulator through `configure()`, as Pulumi's
 * dynamic-provider host does with the stack config (nothing from the environment).
 */
export function configureProvidersFor(emulator: RunningEmulator): Promise<void> {
  const config = new Map(emulatorConfig(emulator).map(({ key, value }) => [key, value]));
  const get = (key: string) => config.get(key);
  const require = (key: string) => {
    const value = config.get(key);
    if (value === undefined) throw new Error(`no ${key} in the emulator's config`);
    return value;
  };
  return configure({ config: { get, require } });
}
