import type * as pulumi from "@pulumi/pulumi";
import { describeSetting, readSetting, type SettingName } from "./config";
import { API_LABELS, ApiError, type ApiName } from "./errors";

export type Operation = "check" | "create" | "read" | "update" | "delete";

const CREDENTIALS: Record<ApiName, readonly SettingName[]> = {
  asa: ["asaKeyId", "asaKeySecret"],
  secureframe: ["secureframeApiKey", "secureframeApiSecret"],
  scaikey: ["scaikeyClientId", "scaikeyClientSecret"],
};

/** The credentials the call used: its named set, else the single settings and their sources. */
function settingsInUse(err: ApiError): string {
  if (err.credentials) return err.credentials;
  return CREDENTIALS[err.api].map((name) => describeSetting(name, readSetting(name))).join(" and ");
}

/** What a refusal of the credentials means for each API, and what to check. */
function refusedCredentials(err: ApiError): string {
  const used = settingsInUse(err);
  switch (err.api) {
    case "asa": {
      const team = /^\/v1\/teams\/([^/]+)\//.exec(err.path)?.[1];
      const which = team ? ` for team "${decodeURIComponent(team)}"` : "";
      return `Okta ASA refused the API key ${used}${which}: ASA answers 401 alike to a wrong key id or secret, a key of another team, a team that does not exist (the team comes from the resource's team, else identity:asaTeam) and a deactivated service user, so check the team's name and the service user's keys in ASA`;
    }
    case "secureframe":
      return `Secureframe refused the API key ${used}: check both values (Secureframe → Settings → API keys)`;
    case "scaikey":
      return `ScaiKey refused the OAuth client ${used}: check the client's id and secret in ScaiKey's administration`;
  }
}

function forbidden(err: ApiError): string {
  const used = settingsInUse(err);
  return `${API_LABELS[err.api]} does not let the credentials ${used} make this call: give them the permission it needs (ASA: the service user's role; Secureframe: the key's role; ScaiKey: the admin:read and admin:write scopes), or use other credentials`;
}

const STALE_CONFIG = (operation: Operation) =>
  `. This was a ${operation === "read" ? "read (refresh)" : operation}: \`pulumi refresh\`, \`pulumi destroy\` and the refresh step of \`pulumi preview --refresh\` and \`pulumi up --refresh\` use the stack config Pulumi stored in the state at the last \`pulumi up\`, which is stale if the credentials were rotated since. Run the command again with --run-program (or set PULUMI_RUN_PROGRAM=true) to use the current config.`;

/**
 * A refusal of the credentials (401, ScaiKey's `invalid_client`) or of a call (403) explained:
 * which settings were used and where they came from (never a secret's value), what to check, and
 * for reads and deletes that the stack config Pulumi used may be a stale copy. Anything else is
 * returned as it is.
 */
export function explainAccessError(err: unknown, operation: Operation): unknown {
  if (!(err instanceof ApiError)) return err;
  const refused = err.status === 401 || err.code === "invalid_client";
  if (!refused && err.status !== 403) return err;
  const explanation = refused ? refusedCredentials(err) : forbidden(err);
  const stale = operation === "read" || operation === "delete" ? STALE_CONFIG(operation) : ".";
  // One line: the CLI shows a failed step's first line on the resource's row.
  return new Error(`${explanation} (${err.message})${stale}`, { cause: err });
}

type Method = (...args: never[]) => Promise<unknown>;

/** The provider with every access refusal its methods meet explained (see `explainAccessError`). */
export function withAccessErrors(
  provider: pulumi.dynamic.ResourceProvider,
): pulumi.dynamic.ResourceProvider {
  const wrap = <M extends Method>(method: M, operation: Operation): M => {
    const bound = method.bind(provider) as Method;
    return (async (...args: never[]) => {
      try {
        return await bound(...args);
      } catch (err) {
        throw explainAccessError(err, operation);
      }
    }) as M;
  };
  const wrapped: pulumi.dynamic.ResourceProvider = {
    // Stryker disable next-line StringLiteral: only "read" and "delete" change the message
    create: wrap(provider.create, "create"),
  };
  if (provider.check) {
    const check = provider.check.bind(provider);
    // A failure rather than a throw: the host prints a thrown error's stack, and a failure reads
    // "resource 'x' has a problem: ..." like every other bad input.
    wrapped.check = async (olds, news) => {
      try {
        return await check(olds, news);
      } catch (err) {
        const reason = (explainAccessError(err, "check") as Error).message ?? String(err);
        return { inputs: news, failures: [{ property: "", reason }] };
      }
    };
  }
  if (provider.diff) wrapped.diff = provider.diff.bind(provider);
  if (provider.read) wrapped.read = wrap(provider.read, "read");
  // Stryker disable next-line StringLiteral: only "read" and "delete" change the message
  if (provider.update) wrapped.update = wrap(provider.update, "update");
  if (provider.delete) wrapped.delete = wrap(provider.delete, "delete");
  return wrapped;
}
