import type { startEmulator } from "../../emulator";
import { configure } from "../../provider/config";
import type { PulumiProgram } from "./pulumi-program";

type RunningEmulator = Awaited<ReturnType<typeof startEmulator>>;

/** The `identity:*` stack config that points every provider at the emulator; secrets marked. */
export function emulatorConfig(emulator: RunningEmulator) {
  const { asa, secureframe, scaikey } = emulator.credentials;
  return [
    { key: "identity:asaBaseUrl", value: emulator.asaUrl },
    { key: "identity:asaTeam", value: asa.team },
    { key: "identity:asaKeyId", value: asa.keyId },
    { key: "identity:asaKeySecret", value: asa.keySecret, secret: true },
    { key: "identity:secureframeBaseUrl", value: emulator.secureframeUrl },
    { key: "identity:secureframeApiKey", value: secureframe.apiKey, secret: true },
    { key: "identity:secureframeApiSecret", value: secureframe.apiSecret, secret: true },
    { key: "identity:scaikeyBaseUrl", value: emulator.scaikeyUrl },
    { key: "identity:scaikeyClientId", value: scaikey.clientId },
    { key: "identity:scaikeyClientSecret", value: scaikey.clientSecret, secret: true },
    { key: "identity:scaikeyTenant", value: scaikey.tenantId },
  ];
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
