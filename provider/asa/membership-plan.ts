import { MemberSet } from "./member-set";

export type MembershipMode = "authoritative" | "additive";

export interface MembershipPlan {
  toAdd: MemberSet;
  toRemove: MemberSet;
}

/**
 * The calls that bring the live group to the declared state, and nothing more.
 * Authoritative: add the missing, remove everyone not declared. Additive: add the missing,
 * remove only those this resource managed before and no longer declares.
 */
export function planMembership(
  mode: MembershipMode,
  declared: MemberSet,
  live: MemberSet,
  previouslyManaged: MemberSet,
): MembershipPlan {
  const removable = mode === "authoritative" ? live : previouslyManaged.filter((n) => live.has(n));
  return { toAdd: declared.minus(live), toRemove: removable.minus(declared) };
}

/** Who is in the group after the plan succeeded. */
export function afterPlan(live: MemberSet, plan: MembershipPlan): MemberSet {
  return live.minus(plan.toRemove).union(plan.toAdd);
}

/** Whether the live group is what the declaration asks for. */
export function isSatisfied(
  mode: MembershipMode,
  declared: MemberSet,
  live: MemberSet,
  previouslyManaged: MemberSet,
): boolean {
  const plan = planMembership(mode, declared, live, previouslyManaged);
  return plan.toAdd.size === 0 && plan.toRemove.size === 0;
}

/**
 * Who the resource manages and who else is in the group, for a live member list.
 * Authoritative: every member is managed. Additive: the managed members are those declared (or
 * managed before) and present; the rest are reported as unmanaged.
 */
export function partition(
  mode: MembershipMode,
  managed: MemberSet,
  live: MemberSet,
): { members: MemberSet; unmanagedMembers: MemberSet } {
  if (mode === "authoritative") return { members: live, unmanagedMembers: MemberSet.of([]) };
  return {
    members: live.filter((name) => managed.has(name)),
    unmanagedMembers: live.filter((name) => !managed.has(name)),
  };
}
