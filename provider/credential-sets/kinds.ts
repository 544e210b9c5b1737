import { z } from "zod";
import type { ApiName } from "../errors";

/**
 * One API's named credential sets: a setting holding `{ "<name>": { <field>: "..." } }`, each
 * field standing for one of the API's single settings (its secrecy, its check), and a resource
 * argument choosing a set by name.
 */
export interface CredentialSetKind {
  api: ApiName;
  /** The setting holding the sets: `asaTeams`. (Setting names are plain strings here: the
   * settings table refers to this type.) */
  setting: string;
  /** How messages call a set's name: `team`. */
  what: string;
  /** The resource argument (and lookup option) naming it: `team`. */
  argument: string;
  /** The single setting naming what the single credentials serve (`asaTeam`), if there is one. */
  scope?: string;
  /**
   * Whether the single credentials also serve names with no set of their own. An ASA key belongs
   * to one team, so no; a ScaiKey platform client can reach several tenants, so yes.
   */
  singleServesOthers: boolean;
  /** Each field of a set and the single setting it stands for. */
  fields: Readonly<Record<string, string>>;
  /** Fields a set may leave out (the single setting's value is used then). */
  optional: readonly string[];
  /** Names are compared in lower case (ASA teams). */
  lowerCase: boolean;
  /** A name, for the commands messages show. */
  example: string;
}

export const credentialSetKinds = {
  asa: {
    api: "asa",
    setting: "asaTeams",
    what: "team",
    argument: "team",
    scope: "asaTeam",
    singleServesOthers: false,
    fields: { keyId: "asaKeyId", keySecret: "asaKeySecret" },
    optional: [],
    lowerCase: true,
    example: "<team>",
  },
  secureframe: {
    api: "secureframe",
    setting: "secureframeAccounts",
    what: "account",
    argument: "account",
    singleServesOthers: false,
    fields: {
      apiKey: "secureframeApiKey",
      apiSecret: "secureframeApiSecret",
      baseUrl: "secureframeBaseUrl",
    },
    optional: ["baseUrl"],
    lowerCase: false,
    example: "<account>",
  },
  scaikey: {
    api: "scaikey",
    setting: "scaikeyTenants",
    what: "tenant",
    argument: "tenantId",
    scope: "scaikeyTenant",
    singleServesOthers: true,
    fields: { clientId: "scaikeyClientId", clientSecret: "scaikeyClientSecret" },
    optional: [],
    lowerCase: false,
    example: "tnt_...",
  },
} as const satisfies Record<ApiName, CredentialSetKind>;

export type CredentialSets = Map<string, Record<string, string>>;

function entrySchema(kind: CredentialSetKind) {
  return z.strictObject(
    Object.fromEntries(
      Object.keys(kind.fields).map((field) => {
        const text = z
          .string({ error: (iss) => (iss.input === undefined ? "is missing" : "must be a string") })
          .trim()
          .min(1, "must not be empty");
        return [field, kind.optional.includes(field) ? text.optional() : text];
      }),
    ),
  );
}

/** Where a problem is, as `pulumi config set --path` writes it: `"ops".keySecret`. */
function pathOf(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (i === 0 ? JSON.stringify(String(part)) : String(part))).join(".");
}

/**
 * The sets a setting's value holds (JSON, as Pulumi hands a structured config value over), or
 * what is wrong with it. A problem names the place, never a value: the sets hold secrets.
 * `checkName` checks each set's name as the scope setting would (`tnt_...` for ScaiKey).
 */
export function parseCredentialSets(
  kind: CredentialSetKind,
  value: string,
  checkName?: (name: string) => string | undefined,
): { sets: CredentialSets } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return { problem: `not JSON; ${shape(kind)}` };
  }
  const parsed = z.record(z.string(), entrySchema(kind)).safeParse(json);
  if (!parsed.success) {
    return { problem: `not as expected: ${describeIssue(parsed.error.issues[0])}; ${shape(kind)}` };
  }
  const sets: CredentialSets = new Map();
  for (const [rawName, entry] of Object.entries(parsed.data)) {
    const name = kind.lowerCase ? rawName.trim().toLowerCase() : rawName.trim();
    const bad = checkName?.(name);
    if (bad) return { problem: `not as expected: the ${kind.what} "${rawName}" is ${bad}` };
    if (sets.has(name))
      return { problem: `not as expected: the ${kind.what} "${rawName}" is given twice` };
    sets.set(name, entry as Record<string, string>);
  }
  return { sets };
}

/** What is wrong, and where: never the value, which may be a secret. */
function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  // Stryker disable next-line ConditionalExpression,StringLiteral: a failed parse has an issue
  if (!issue) return "invalid";
  const where = pathOf(issue.path);
  if (issue.code === "unrecognized_keys")
    return `${where} has unknown fields ${issue.keys.map((key) => `"${key}"`).join(", ")}`;
  if (issue.code === "invalid_type" && issue.path.length < 2)
    return `${where ? `${where} ` : ""}must be an object`;
  return `${where} ${issue.message}`;
}

function shape(kind: CredentialSetKind): string {
  const fields = Object.keys(kind.fields)
    .map((field) => `"${field}": "..."${kind.optional.includes(field) ? " (optional)" : ""}`)
    .join(", ");
  return `give { "${kind.example}": { ${fields} } }, one entry per ${kind.what}`;
}
