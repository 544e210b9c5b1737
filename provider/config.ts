import type * as pulumi from "@pulumi/pulumi";
import {
  type CredentialSetKind,
  credentialSetKinds,
  parseCredentialSets,
} from "./credential-sets/kinds";
import type { ApiName } from "./errors";
import { type LimitReader, parseRateLimit } from "./transport/settings";

/** What is wrong with a setting's value, if anything, and how it should look. */
type SettingCheck = (value: string) => string | undefined;

export interface SettingDefinition {
  /** The environment variable read when the stack config does not set it. */
  env: string;
  /** A variable for every API at once, read after `env` (the limits: `PULUMI_IDENTITY_<NAME>`). */
  sharedEnv?: string;
  secret: boolean;
  check?: SettingCheck;
  /** What it is, for docs/configuration.md (kept in step with it by a test). */
  about: string;
  /** What the value looks like, in the `pulumi config set` commands messages suggest. */
  placeholder?: string;
  /** For a setting holding named credential sets (JSON): their API's kind of set. */
  sets?: CredentialSetKind;
}

const httpUrl =
  (example: string): SettingCheck =>
  (value) => {
    const protocol = URL.canParse(value) ? new URL(value).protocol : undefined;
    return protocol === "https:" || protocol === "http:"
      ? undefined
      : `not an http(s) URL; give the API's base URL, e.g. ${example}`;
  };

/** An API's base URL, checked as an http(s) URL; by default `about` names `url` as its default. */
const baseUrlSetting = (
  env: string,
  url: string,
  about = `default \`${url}\``,
): SettingDefinition => ({
  env,
  secret: false,
  check: httpUrl(url),
  about,
});

const wholeNumber =
  (least: number): SettingCheck =>
  (value) =>
    /^\d+$/.test(value) && Number(value) >= least
      ? undefined
      : `not a whole number of at least ${least}`;

const rateLimit: SettingCheck = (value) => {
  try {
    parseRateLimit(value);
    return undefined;
  } catch (err) {
    // Stryker disable next-line Regex: the parser's message always starts with this prefix
    return (err as Error).message.replace(/^invalid rate limit "[^"]*": /, "not a rate limit: ");
  }
};

const teamName: SettingCheck = (value) =>
  value.includes("/")
    ? `not a team name; give the ASA team's name, e.g. "william-faulkner"`
    : undefined;

const tenantId: SettingCheck = (value) =>
  /^tnt_[A-Za-z0-9]+$/.test(value)
    ? undefined
    : `not a ScaiKey tenant id; give the tenant's id, like "tnt_a24a8f641821b521082680b9" (not its slug)`;

/** A setting of named credential sets, its value checked as JSON of that shape. */
function credentialSets(
  kind: CredentialSetKind,
  env: string,
  about: string,
  checkName?: SettingCheck,
): SettingDefinition {
  return {
    env,
    secret: true,
    sets: kind,
    check: (value) => {
      const parsed = parseCredentialSets(kind, value, checkName);
      return "problem" in parsed ? parsed.problem : undefined;
    },
    about,
  };
}

const credentials = {
  asaTeam: {
    env: "ASA_TEAM",
    secret: false,
    check: teamName,
    about: "the default team of ASA resources and lookups",
    placeholder: "<team>",
  },
  asaKeyId: { env: "ASA_KEY_ID", secret: false, about: "the service user's API key id" },
  asaKeySecret: { env: "ASA_KEY_SECRET", secret: true, about: "the service user's API key secret" },
  asaBaseUrl: baseUrlSetting("ASA_BASE_URL", "https://app.scaleft.com"),
  asaTeams: credentialSets(
    credentialSetKinds.asa,
    "ASA_TEAMS",
    'other teams\' keys, `{ "<team>": { "keyId", "keySecret" } }`: see [Several accounts](#several-accounts-in-one-stack)',
    teamName,
  ),
  secureframeApiKey: { env: "SECUREFRAME_API_KEY", secret: true, about: "the API key" },
  secureframeApiSecret: { env: "SECUREFRAME_API_SECRET", secret: true, about: "its secret" },
  secureframeBaseUrl: baseUrlSetting(
    "SECUREFRAME_BASE_URL",
    "https://api.secureframe.com",
    "default `https://api.secureframe.com` (UK: `https://api-uk.secureframe.com`)",
  ),
  secureframeAccounts: credentialSets(
    credentialSetKinds.secureframe,
    "SECUREFRAME_ACCOUNTS",
    'named accounts, `{ "<account>": { "apiKey", "apiSecret", "baseUrl"? } }`, chosen by a resource\'s `account`',
  ),
  scaikeyBaseUrl: baseUrlSetting(
    "SCAIKEY_BASE_URL",
    "https://scaikey.example.com",
    "your ScaiKey deployment's URL (required)",
  ),
  scaikeyClientId: {
    env: "SCAIKEY_CLIENT_ID",
    secret: false,
    about: "an OAuth client with `admin:read`/`admin:write`",
  },
  scaikeyClientSecret: { env: "SCAIKEY_CLIENT_SECRET", secret: true, about: "its secret" },
  scaikeyTenant: {
    env: "SCAIKEY_TENANT",
    secret: false,
    check: tenantId,
    about: "the tenant id (`tnt_...`) of tenant users",
    placeholder: "tnt_...",
  },
  scaikeyTenants: credentialSets(
    credentialSetKinds.scaikey,
    "SCAIKEY_TENANTS",
    'other tenants\' clients, `{ "tnt_...": { "clientId", "clientSecret" } }`',
    tenantId,
  ),
} as const satisfies Record<string, SettingDefinition>;

/** The transport's limits, settable per API (see docs/transport.md for their defaults). */
const LIMITS = {
  RateLimit: {
    variable: "RATE_LIMIT",
    check: rateLimit,
    about: "requests per window: `500/1m`, `10000/1h`, `off`",
  },
  MaxConnections: {
    variable: "MAX_CONNECTIONS",
    check: wholeNumber(1),
    about: "requests in flight at once",
  },
  ConnectTimeoutMs: {
    variable: "CONNECT_TIMEOUT_MS",
    check: wholeNumber(0),
    about: "opening a connection",
  },
  HeadersTimeoutMs: {
    variable: "HEADERS_TIMEOUT_MS",
    check: wholeNumber(0),
    about: "waiting for an answer's headers",
  },
  BodyTimeoutMs: {
    variable: "BODY_TIMEOUT_MS",
    check: wholeNumber(0),
    about: "longest silence in an answer's body",
  },
  RetryMaxAttempts: {
    variable: "RETRY_MAX_ATTEMPTS",
    check: wholeNumber(1),
    about: "failed attempts per call (429s do not count)",
  },
  RetryMaxWaitMs: {
    variable: "RETRY_MAX_WAIT_MS",
    check: wholeNumber(0),
    about: "total wait per call",
  },
} as const;

export type LimitName = keyof typeof LIMITS;
const APIS = ["asa", "secureframe", "scaikey"] as const satisfies readonly ApiName[];

/** The setting of one API's limit: `asaRateLimit`, `scaikeyRetryMaxWaitMs`, ... */
export function limitSetting<L extends LimitName>(api: ApiName, limit: L): `${ApiName}${L}` {
  return `${api}${limit}`;
}

const limits = Object.fromEntries(
  APIS.flatMap((api) =>
    Object.entries(LIMITS).map(([limit, { variable, check, about }]) => [
      limitSetting(api, limit as LimitName),
      {
        env: `PULUMI_IDENTITY_${api.toUpperCase()}_${variable}`,
        sharedEnv: `PULUMI_IDENTITY_${variable}`,
        secret: false,
        check,
        about,
      },
    ]),
  ),
) as Record<`${ApiName}${LimitName}`, SettingDefinition>;

/**
 * Every setting of the package: its stack config key (`identity:<name>`), the environment
 * variable used when the key is not set, whether it is a secret (never echoed anywhere), how a
 * value is checked, and what it is. The one list: `configure`, the lookups, the diagnostics
 * resource, the test harness and docs/configuration.md all read it.
 */
export const settings: Record<SettingName, SettingDefinition> = { ...credentials, ...limits };

export type SettingName = keyof typeof credentials | `${ApiName}${LimitName}`;
export const configNamespace = "identity";

// Process-wide: the dynamic-provider host calls configure() once per distinct serialized
// provider, and every resource kind shares this module through the require cache.
const fromStackConfig = new Map<SettingName, string>();

/** Takes a stack's `identity:*` values: `configure`, and `pulumi-identity import --stack`. */
export function useStackConfig(get: (key: string) => string | undefined): void {
  for (const name of Object.keys(settings) as SettingName[]) {
    const value = get(`${configNamespace}:${name}`);
    if (value) fromStackConfig.set(name, value);
  }
}

export async function configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
  useStackConfig((key) => req.config.get(key));
}

export type SettingSource = "config" | "environment" | "missing";

export interface SettingValue {
  value?: string;
  source: SettingSource;
  /** The environment variable it came from, with source "environment". */
  variable?: string;
}

/** The variables a setting is read from, in order. */
function variablesOf(name: SettingName): string[] {
  const { env, sharedEnv } = settings[name];
  return sharedEnv ? [env, sharedEnv] : [env];
}

/** From the environment only (a client built outside Pulumi, tests). */
export function fromEnvironment(
  name: SettingName,
  env: NodeJS.ProcessEnv = process.env,
): SettingValue {
  for (const variable of variablesOf(name)) {
    const value = env[variable];
    if (value !== undefined && value.trim() !== "")
      return { value, source: "environment", variable };
  }
  return { source: "missing" };
}

/** Stack config first (given to `configure()`), then the environment, read at call time. */
export function readSetting(name: SettingName): SettingValue {
  const configured = fromStackConfig.get(name);
  if (configured !== undefined) return { value: configured, source: "config" };
  return fromEnvironment(name);
}

/** How to set a setting, for messages. */
export function howToSet(
  name: SettingName,
  placeholder = settings[name].placeholder ?? "<value>",
): string {
  const { sets, env } = settings[name];
  if (sets) return `${setCommands(sets, sets.example)}, or the environment variable ${env} (JSON)`;
  const secret = settings[name].secret ? " --secret" : "";
  return `\`pulumi config set${secret} ${configNamespace}:${name} ${placeholder}\` or the environment variable ${env}`;
}

/** The `pulumi config set --path` commands that give the set `setName` its fields. */
export function setCommands(kind: CredentialSetKind, setName: string): string {
  return Object.entries(kind.fields)
    .filter(([field]) => !kind.optional.includes(field))
    .map(([field, single]) => {
      const secret = settings[single as SettingName].secret ? " --secret" : "";
      return `\`pulumi config set${secret} --path '${configNamespace}:${kind.setting}.${setName}.${field}' <${field}>\``;
    })
    .join(" and ");
}

/** The error for a missing setting: it names the config key and the environment variable, never a value. */
export function missingSettingError(name: SettingName, hint = ""): Error {
  return new Error(`Missing ${configNamespace}:${name}${hint}: set it with ${howToSet(name)}.`);
}

/** A setting as messages name it: the key or variable it came from, and its value unless secret. */
export function describeSetting(name: SettingName, setting: SettingValue): string {
  const key =
    setting.source === "environment"
      ? (setting.variable ?? settings[name].env)
      : `${configNamespace}:${name}`;
  const shown =
    setting.value === undefined || settings[name].secret
      ? ""
      : ` = ${JSON.stringify(setting.value)}`;
  const from =
    setting.source === "config"
      ? " (stack config)"
      : setting.source === "environment"
        ? " (environment)"
        : "";
  return `${key}${shown}${from}`;
}

/**
 * The value, checked: a malformed one (a base URL that is not a URL, a tenant slug where its id
 * belongs) is an error naming the setting, where it came from, its value (unless secret) and the
 * fix, before any call. Without a source (a lookup's value may come from its options, the
 * program's config or the environment) the message names both.
 */
export function checkedSetting(
  name: SettingName,
  setting: SettingValue | { value?: string | undefined; source?: undefined },
): string | undefined {
  const { value } = setting;
  if (value === undefined) return undefined;
  const problem = settings[name].check?.(value.trim());
  if (!problem) return value;
  const shown = setting.source
    ? describeSetting(name, setting as SettingValue)
    : `${configNamespace}:${name} (or ${settings[name].env})${settings[name].secret ? "" : ` = ${JSON.stringify(value)}`}`;
  return fail(`${shown} is ${problem}; set it with ${howToSet(name)}.`);
}

function fail(message: string): never {
  throw new Error(message);
}

/** A provider setting, read and checked (undefined when missing). */
export function providerSetting(name: SettingName): string | undefined {
  return checkedSetting(name, readSetting(name));
}

/** Reads settings by name: the providers' (stack config, then environment), a program's, ... */
export type SettingReader = (name: SettingName) => string | undefined;

/** Settings from the environment only, checked (a client built outside Pulumi, tests). */
export function environmentSettings(env: NodeJS.ProcessEnv = process.env): SettingReader {
  return (name) => checkedSetting(name, fromEnvironment(name, env));
}

/** An API's limits as its client reads them from the settings. */
export function limitReader(read: SettingReader, api: ApiName): LimitReader {
  return (limit) => read(limitSetting(api, limit));
}
