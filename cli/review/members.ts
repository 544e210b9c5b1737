import { containsUnknown } from "../../provider/resource/unknown";
import { SECRET } from "./review";

/** Members as a state holds them: names, hidden (secret, unknown), or in no form this reads. */
export type MemberList = { names: string[] } | "secret" | "unknown" | undefined;

function sorted(names: Iterable<string>): string[] {
  return [...new Set(names)].sort();
}

/**
 * A `members` value: the name set the inputs hold (`{ "<username>": true }`) or a list of names
 * (outputs, older state). Any other form is not read (undefined), so the caller can try another.
 */
export function memberList(value: unknown): MemberList {
  if (value === undefined || value === null) return undefined;
  if (value === SECRET) return "secret";
  if (containsUnknown(value)) return "unknown";
  if (Array.isArray(value)) {
    return value.every((name) => typeof name === "string") ? { names: sorted(value) } : undefined;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value);
    return entries.every(([, flag]) => flag === true)
      ? { names: sorted(entries.map(([name]) => name)) }
      : undefined;
  }
  return undefined;
}

/** The members of a membership's state: its inputs' name set, else its outputs' list. */
export function membersOf(state: {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}): MemberList {
  return memberList(state.inputs.members) ?? memberList(state.outputs.members);
}

/** The names in `a` and not in `b`. */
export function without(a: readonly string[], b: readonly string[]): string[] {
  const drop = new Set(b);
  return a.filter((name) => !drop.has(name));
}
