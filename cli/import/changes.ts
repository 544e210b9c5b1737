import { isDeepStrictEqual } from "node:util";
import { plural } from "../plural";
import type { ImportedData } from "./model";

// What changed in the org between two imports, one line per group or user, for the terminal;
// `git diff` of the module shows the same, entry by entry.

const MAX_NAMES = 10;

function names(list: readonly string[]): string {
  const shown = list.slice(0, MAX_NAMES).join(", ");
  return list.length > MAX_NAMES ? `${shown} and ${list.length - MAX_NAMES} more` : shown;
}

function without(a: readonly string[], b: readonly string[]): string[] {
  const drop = new Set(b);
  return a.filter((name) => !drop.has(name));
}

function byKey<T>(items: readonly T[] | undefined, key: (item: T) => string): Map<string, T> {
  return new Map((items ?? []).map((item) => [key(item), item]));
}

function valueChanges(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields
    .filter((field) => !isDeepStrictEqual(before[field], after[field]))
    .map((field) => {
      const show = (value: unknown) => (value === undefined ? "(none)" : JSON.stringify(value));
      return `${field} ${show(before[field])} → ${show(after[field])}`;
    });
}

function groupChanges(before: ImportedData, after: ImportedData): string[] {
  const lines: string[] = [];
  if (before.asa && after.asa && before.asa.team !== after.asa.team) {
    lines.push(
      `ASA team "${before.asa.team}" → "${after.asa.team}": every group below is another team's`,
    );
  }
  const old = byKey(before.asa?.groups, (g) => g.name);
  const now = byKey(after.asa?.groups, (g) => g.name);
  for (const [name, group] of now) {
    const was = old.get(name);
    if (!was) {
      lines.push(
        `ASA group "${name}": new, roles ${group.roles.join(", ") || "none"}, ${plural(group.members.length, "member")}`,
      );
      continue;
    }
    const parts: string[] = [];
    if (!isDeepStrictEqual(was.roles, group.roles)) {
      parts.push(`roles ${was.roles.join(", ") || "none"} → ${group.roles.join(", ") || "none"}`);
    }
    const added = without(group.members, was.members);
    const removed = without(was.members, group.members);
    if (added.length > 0) parts.push(`+${added.length} (${names(added)})`);
    if (removed.length > 0) parts.push(`-${removed.length} (${names(removed)})`);
    if (parts.length > 0) lines.push(`ASA group "${name}": ${parts.join("; ")}`);
  }
  for (const name of old.keys()) if (!now.has(name)) lines.push(`ASA group "${name}": gone`);
  return lines;
}

type Users = { email: string; id: string; status?: object; attributes?: object }[];

function userChanges(api: string, before: Users | undefined, after: Users | undefined): string[] {
  if (!before && !after) return [];
  const lines: string[] = [];
  const old = byKey(before, (u) => u.id);
  const now = byKey(after, (u) => u.id);
  for (const [id, user] of now) {
    const was = old.get(id);
    if (!was) {
      lines.push(`${api} user ${user.email}: new`);
      continue;
    }
    const flat = (u: typeof user) => ({ email: u.email, ...u.status, ...u.attributes });
    const changes = valueChanges(flat(was), flat(user));
    if (changes.length > 0) lines.push(`${api} user ${user.email}: ${changes.join(", ")}`);
  }
  for (const [id, user] of old) if (!now.has(id)) lines.push(`${api} user ${user.email}: gone`);
  return lines;
}

/** Each change from `before` to `after`; none when the org is as it was. */
export function changesSince(before: ImportedData, after: ImportedData): string[] {
  return [
    ...groupChanges(before, after),
    ...userChanges("Secureframe", before.secureframe?.users, after.secureframe?.users),
    ...userChanges("ScaiKey", before.scaikey?.users, after.scaikey?.users),
  ];
}
