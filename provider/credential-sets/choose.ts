import {
  configNamespace,
  type SettingName,
  type SettingReader,
  setCommands,
  settings,
} from "../config";
import { API_LABELS } from "../errors";
import { type CredentialSetKind, type CredentialSets, parseCredentialSets } from "./kinds";

export interface ChosenCredentials {
  /** Each field's value: the named set's, else the single setting's (undefined when missing). */
  values: Record<string, string | undefined>;
  /**
   * How messages name the set used (`identity:asaTeams.ops.keyId = "..." and
   * identity:asaTeams.ops.keySecret`), never a secret; undefined for the single settings, which
   * messages describe themselves.
   */
  described?: string;
}

const normalized = (kind: CredentialSetKind, name: string) =>
  kind.lowerCase ? name.trim().toLowerCase() : name.trim();

function setsOf(kind: CredentialSetKind, read: SettingReader): CredentialSets {
  const value = read(kind.setting as SettingName);
  // Stryker disable next-line ConditionalExpression: undefined fails to parse, which gives no sets too
  if (value === undefined) return new Map();
  const parsed = parseCredentialSets(kind, value);
  // read() already refused a malformed value, naming where it came from.
  return "sets" in parsed ? parsed.sets : new Map();
}

/**
 * The credentials for the team, tenant or account `name` (undefined: the resource names none):
 * its named set if it has one, else the single settings when they serve it (no name, the name
 * of the scope setting, or any name for an API whose single credentials reach several). Anything
 * else fails naming it, what is configured and the commands that give it a set.
 */
export function chooseCredentials(
  kind: CredentialSetKind,
  name: string | undefined,
  read: SettingReader,
): ChosenCredentials {
  const sets = setsOf(kind, read);
  const wanted = name === undefined ? undefined : normalized(kind, name);
  const scopeValue = kind.scope ? read(kind.scope as SettingName) : undefined;
  const single = scopeValue ? normalized(kind, scopeValue) : undefined;
  const key = wanted ?? single;
  // Stryker disable next-line ConditionalExpression: a Map answers undefined for an undefined key
  const set = key === undefined ? undefined : sets.get(key);
  // Stryker disable next-line ConditionalExpression: the same Map answer, as above
  if (key !== undefined && set) return namedSet(kind, key, set, read);
  const servedBySingle =
    wanted === undefined ||
    wanted === single ||
    kind.singleServesOthers ||
    (single === undefined && sets.size === 0);
  if (!servedBySingle) throw noSetError(kind, wanted, sets, single);
  return {
    values: Object.fromEntries(
      Object.entries(kind.fields).map(([field, setting]) => [field, read(setting as SettingName)]),
    ),
  };
}

function namedSet(
  kind: CredentialSetKind,
  name: string,
  set: Record<string, string>,
  read: SettingReader,
): ChosenCredentials {
  const path = `${configNamespace}:${kind.setting}.${name}`;
  const values: Record<string, string | undefined> = {};
  for (const [field, single] of Object.entries(kind.fields)) {
    const given = set[field];
    if (given === undefined) {
      values[field] = read(single as SettingName);
      continue;
    }
    const problem = settings[single as SettingName].check?.(given);
    if (problem) throw new Error(`${path}.${field} = ${JSON.stringify(given)} is ${problem}.`);
    values[field] = given;
  }
  const described = Object.entries(kind.fields)
    .filter(([field]) => !kind.optional.includes(field))
    .map(([field, single]) =>
      settings[single as SettingName].secret
        ? `${path}.${field}`
        : `${path}.${field} = ${JSON.stringify(values[field])}`,
    )
    .join(" and ");
  return { values, described };
}

function noSetError(
  kind: CredentialSetKind,
  wanted: string | undefined,
  sets: CredentialSets,
  single: string | undefined,
): Error {
  // Stryker disable next-line MethodExpression: only Secureframe has an optional field, and it has no default account to list
  const singles = Object.entries(kind.fields)
    .filter(([field]) => !kind.optional.includes(field))
    .map(([, setting]) => `${configNamespace}:${setting}`)
    .join(", ");
  const configured = [
    ...(single ? [`"${single}" (${singles})`] : []),
    ...[...sets.keys()].map((name) => `"${name}" (${configNamespace}:${kind.setting}.${name})`),
  ];
  const label = `${API_LABELS[kind.api]} ${kind.what}`;
  // Never empty: with no set and no default, the single credentials would have served.
  return new Error(
    `No credentials for ${label} "${wanted}": the ${kind.what}s with credentials are ${configured.join(", ")}. Give this ${kind.what} its own with ${setCommands(kind, wanted ?? kind.example)}, or set ${kind.argument} to one of those.`,
  );
}
