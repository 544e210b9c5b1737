import { configNamespace, type SettingName, settings } from "../../provider/config";
import { UsageError } from "../errors";

/** A setting's value and where it came from, as messages name it. */
interface Found {
  value: string;
  from: string;
}

/** The stack config read with --stack: its name and its identity:* values. */
export interface StackSettings {
  stack: string;
  values: ReadonlyMap<SettingName, string>;
}

export const REQUIRED = {
  asa: ["asaTeam", "asaKeyId", "asaKeySecret"],
  secureframe: ["secureframeApiKey", "secureframeApiSecret"],
  scaikey: ["scaikeyBaseUrl", "scaikeyClientId", "scaikeyClientSecret", "scaikeyTenant"],
} as const satisfies Record<string, readonly SettingName[]>;

/**
 * The settings of a command run outside Pulumi, the providers' own keys: a flag (non-secret
 * settings only), else the stack config of --stack, else the environment variable.
 */
export class CliSettings {
  constructor(
    private readonly flags: Partial<Record<SettingName, { value: string; flag: string }>>,
    private readonly stack?: StackSettings,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  private find(name: SettingName): Found | undefined {
    const flag = this.flags[name];
    if (flag?.value) return { value: flag.value, from: flag.flag };
    const configured = this.stack?.values.get(name);
    if (configured) {
      return {
        value: configured,
        from: `${configNamespace}:${name} of stack ${this.stack?.stack}`,
      };
    }
    const fromEnv = this.env[settings[name].env];
    if (fromEnv) return { value: fromEnv, from: settings[name].env };
    return undefined;
  }

  /** The value, checked as the providers check it; a malformed one is a usage error naming it. */
  get = (name: SettingName): string | undefined => {
    const found = this.find(name);
    if (!found) return undefined;
    const check = (settings[name] as { check?: (value: string) => string | undefined }).check;
    const problem = check?.(found.value.trim());
    if (problem) throw new UsageError(`${this.describe(name)} is ${problem}`);
    return found.value;
  };

  /** Where a setting came from, with its value unless it is a secret. */
  describe(name: SettingName): string {
    const found = this.find(name);
    if (!found) return `${settings[name].env} (not set)`;
    return settings[name].secret ? found.from : `${found.from} = ${JSON.stringify(found.value)}`;
  }

  /** A usage error naming every missing setting among `names` and how to give each. */
  requireAll(
    names: readonly SettingName[],
    flags: Partial<Record<SettingName, string>> = {},
  ): void {
    const missing = names.filter((name) => this.get(name) === undefined);
    if (missing.length === 0) return;
    const how = missing.map((name) => {
      const ways = [
        ...(flags[name] ? [flags[name]] : []),
        `the environment variable ${settings[name].env}`,
        this.stack ? "" : `${configNamespace}:${name} in a stack's config with --stack`,
      ].filter(Boolean);
      return `  ${configNamespace}:${name}: give ${ways.join(", or ")}`;
    });
    throw new UsageError(`missing settings:\n${how.join("\n")}`);
  }
}
