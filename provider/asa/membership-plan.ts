import { sortedUnique } from "../resource";
import type { GroupMembershipOutputs, MembershipMode } from "./group-membership-inputs";

export interface MembershipPlan {
  toAdd: string[];
  toRemove: string[];
}

/**
 * The calls that bring the live group to the declared state, and nothing more.
 * Authoritative: add the missing, remove everyone not declared. Additive: add the missing,
 * remove only those this resource managed before and no longer declares.
 */
export function planMembership(
  mode: MembershipMode,
  declared: readonly string[],
  live: Iterable<string>,
  previouslyManaged: readonly string[] = [],
): MembershipPlan {
  const liveSet = new Set(live);
  const declaredSet = new Set(declared);
  const toAdd = sortedUnique(declared.filter((name) => !liveSet.has(name)));
  const removable = mode === "authoritative" ? [...liveSet] : previouslyManaged;
  const toRemove = sortedUnique(
    removable.filter((name) => liveSet.has(name) && !declaredSet.has(name)),
  );
  return { toAdd, toRemove };
}

/** Who is in the group after the plan succeeded. */
export function afterPlan(live: Iterable<string>, plan: MembershipPlan): string[] {
  const result = new Set(live);
  for (const name of plan.toAdd) result.add(name);
  for (const name of plan.toRemove) result.delete(name);
  return sortedUnique(result);
}

/**
 * The outputs for a live member list. Authoritative: every member is managed. Additive: the
 * managed members are those declared (or managed before) and present; the rest are reported.
 */
export function membershipOutputs(
  base: Pick<GroupMembershipOutputs, "group" | "team" | "mode" | "adopt">,
  managed: readonly string[],
  live: Iterable<string>,
): GroupMembershipOutputs {
  const members = sortedUnique(live);
  if (base.mode === "authoritative") return { ...base, members, unmanagedMembers: [] };
  const managedSet = new Set(managed);
  return {
    ...base,
    members: members.filter((name) => managedSet.has(name)),
    unmanagedMembers: members.filter((name) => !managedSet.has(name)),
  };
}

/** Whether the live group is what the declaration asks for. */
export function isSatisfied(
  mode: MembershipMode,
  declared: readonly string[],
  live: Iterable<string>,
  previouslyManaged: readonly string[] = [],
): boolean {
  const plan = planMembership(mode, declared, live, previouslyManaged);
  return plan.toAdd.length === 0 && plan.toRemove.length === 0;
}
