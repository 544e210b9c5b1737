import type * as pulumi from "@pulumi/pulumi";

/**
 * Every setting the providers read: the stack config key (`identity:<name>`) and the environment
 * variable used when the key is not set. Secrets are marked so they are never echoed anywhere.
 */
export const settings = {
  asaTeam: { env: "ASA_TEAM", secret: false },
  asaKeyId: { env: "ASA_KEY_ID", secret: false },
  asaKeySecret: { env: "ASA_KEY_SECRET", secret: true },
  asaBaseUrl: { env: "ASA_BASE_URL", secret: false },
  secureframeApiKey: { env: "SECUREFRAME_API_KEY", secret: true },
  secureframeApiSecret: { env: "SECUREFRAME_API_SECRET", secret: true },
  secureframeBaseUrl: { env: "SECUREFRAME_BASE_URL", secret: false },
  scaikeyBaseUrl: { env: "SCAIKEY_BASE_URL", secret: false },
  scaikeyClientId: { env: "SCAIKEY_CLIENT_ID", secret: false },
  scaikeyClientSecret: { env: "SCAIKEY_CLIENT_SECRET", secret: true },
  scaikeyTenant: { env: "SCAIKEY_TENANT", secret: false },
} as const;

export type SettingName = keyof typeof settings;
export const configNamespace = "identity";

// Process-wide: the dynamic-provider host calls configure() once per distinct serialized
// provider, and every resource kind shares this module through the require cache.
const fromStackConfig = new Map<SettingName, string>();

export async function configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
  for (const name of Object.keys(settings) as SettingName[]) {
    const value = req.config.get(`${configNamespace}:${name}`);
    if (value !== undefined && value !== "") fromStackConfig.set(name, value);
  }
}

export type SettingSource = "config" | "environment" | "missing";

/** Stack config first, then the environment variable, read at call time. */
export function readSetting(name: SettingName): { value?: string; source: SettingSource } {
  const configured = fromStackConfig.get(name);
  if (configured !== undefined) return { value: configured, source: "config" };
  const fromEnv = process.env[settings[name].env];
  if (fromEnv !== undefined && fromEnv !== "") return { value: fromEnv, source: "environment" };
  return { source: "missing" };
}

/** The value, or an error that names both ways of providing it (and never a value). */
export function requireSetting(name: SettingName): string {
  const { value } = readSetting(name);
  if (value !== undefined) return value;
  throw missingSettingError(name);
}

/** The error for a missing setting: it names the config key and the environment variable, never a value. */
export function missingSettingError(name: SettingName, hint = ""): Error {
  const secret = settings[name].secret ? " --secret" : "";
  return new Error(
    `Missing ${configNamespace}:${name}${hint}: set it with \`pulumi config set${secret} ${configNamespace}:${name} <value>\` or the environment variable ${settings[name].env}.`,
  );
}
