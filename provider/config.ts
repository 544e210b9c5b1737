import type * as pulumi from "@pulumi/pulumi";

/** What is wrong with a setting's value, if anything, and how it should look. */
type SettingCheck = (value: string) => string | undefined;

const httpUrl =
  (example: string): SettingCheck =>
  (value) => {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    return url && (url.protocol === "https:" || url.protocol === "http:")
      ? undefined
      : `not an http(s) URL; give the API's base URL, e.g. ${example}`;
  };

/**
 * Every setting the providers read: the stack config key (`identity:<name>`) and the environment
 * variable used when the key is not set. Secrets are marked so they are never echoed anywhere.
 */
export const settings = {
  asaTeam: {
    env: "ASA_TEAM",
    secret: false,
    check: (value: string) =>
      value.includes("/")
        ? `not a team name; give the ASA team's name, e.g. "william-faulkner"`
        : undefined,
  },
  asaKeyId: { env: "ASA_KEY_ID", secret: false },
  asaKeySecret: { env: "ASA_KEY_SECRET", secret: true },
  asaBaseUrl: { env: "ASA_BASE_URL", secret: false, check: httpUrl("https://app.scaleft.com") },
  secureframeApiKey: { env: "SECUREFRAME_API_KEY", secret: true },
  secureframeApiSecret: { env: "SECUREFRAME_API_SECRET", secret: true },
  secureframeBaseUrl: {
    env: "SECUREFRAME_BASE_URL",
    secret: false,
    check: httpUrl("https://api.secureframe.com"),
  },
  scaikeyBaseUrl: {
    env: "SCAIKEY_BASE_URL",
    secret: false,
    check: httpUrl("https://scaikey.example.com"),
  },
  scaikeyClientId: { env: "SCAIKEY_CLIENT_ID", secret: false },
  scaikeyClientSecret: { env: "SCAIKEY_CLIENT_SECRET", secret: true },
  scaikeyTenant: {
    env: "SCAIKEY_TENANT",
    secret: false,
    check: (value: string) =>
      /^tnt_[A-Za-z0-9]+$/.test(value)
        ? undefined
        : `not a ScaiKey tenant id; give the tenant's id, like "tnt_a24a8f641821b521082680b9" (not its slug)`,
  },
} as const satisfies Record<string, { env: string; secret: boolean; check?: SettingCheck }>;

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

/** How to set a setting, for messages. */
export function howToSet(name: SettingName, placeholder = "<value>"): string {
  const secret = settings[name].secret ? " --secret" : "";
  return `\`pulumi config set${secret} ${configNamespace}:${name} ${placeholder}\` or the environment variable ${settings[name].env}`;
}

/** The error for a missing setting: it names the config key and the environment variable, never a value. */
export function missingSettingError(name: SettingName, hint = ""): Error {
  return new Error(`Missing ${configNamespace}:${name}${hint}: set it with ${howToSet(name)}.`);
}

/** A setting as messages name it: the key or variable it came from, and its value unless secret. */
export function describeSetting(name: SettingName, value?: string, source?: SettingSource): string {
  const key = source === "environment" ? settings[name].env : `${configNamespace}:${name}`;
  const shown = value === undefined || settings[name].secret ? "" : ` = ${JSON.stringify(value)}`;
  const from =
    source === "config" ? " (stack config)" : source === "environment" ? " (environment)" : "";
  return `${key}${shown}${from}`;
}

/**
 * The value, checked: a malformed one (a base URL that is not a URL, a tenant slug where its id
 * belongs) is an error naming the setting, its value (unless secret) and the fix, before any call.
 */
export function checkedSetting(
  name: SettingName,
  value: string | undefined,
  source?: SettingSource,
): string | undefined {
  if (value === undefined) return undefined;
  const definition = settings[name] as { check?: SettingCheck };
  const problem = definition.check?.(value.trim());
  if (!problem) return value;
  const setting = source
    ? describeSetting(name, value, source)
    : `${configNamespace}:${name} (or ${settings[name].env}) = ${JSON.stringify(value)}`;
  return fail(`${setting} is ${problem}; set it with ${howToSet(name)}.`);
}

function fail(message: string): never {
  throw new Error(message);
}

/** A provider setting, read and checked (undefined when missing). */
export function providerSetting(name: SettingName): string | undefined {
  const { value, source } = readSetting(name);
  return checkedSetting(name, value, source);
}
