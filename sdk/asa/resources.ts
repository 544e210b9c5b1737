import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { spec as groupSpec } from "../../provider/asa/group";
import { type MembersArg, spec as membershipSpec } from "../../provider/asa/group-membership";
import { MemberSet } from "../../provider/asa/member-set";
import { Role as RoleSchema } from "../../provider/asa/schemas";
import { spec as attributes } from "../../provider/asa/user-attributes";
import { spec as status } from "../../provider/asa/user-status";
import type {
  Check,
  MatchesSpec,
  Same,
  SpecArgs,
  SpecOutputs,
} from "../../provider/resource/same-type";
import {
  IdentityResource,
  type InputArgs,
  type OutputsOf,
  resourceClass,
  resourceUrn,
} from "../identity-resource";
import { unlessOwned } from "./membership-owners";
import type * as types from "./types";
import type {
  UserAttributesArgValues as AttributesArgs,
  UserAttributesOutputs as AttributesOutputs,
  UserStatusArgValues as StatusArgs,
  UserStatusOutputs as StatusOutputs,
} from "./types";

/** The roles an ASA group can grant, e.g. to validate a roster file before declaring groups. */
export const roles: readonly types.Role[] = RoleSchema.options;

const brand = Symbol.for("pulumi-identity:asa:Group");

export interface Group extends OutputsOf<types.GroupOutputs> {}

/**
 * An Okta Advanced Server Access group and the roles it grants. ID: `team/name`.
 * `pulumi refresh` drops it from state when it was deleted (or soft-deleted) in ASA.
 */
export class Group extends IdentityResource {
  /** Whether `value` is a Group, even one from another copy of this package. */
  static override isInstance(value: unknown): value is Group {
    return typeof value === "object" && value !== null && brand in value;
  }

  constructor(name: string, args: types.GroupArgs, opts?: pulumi.CustomResourceOptions) {
    // Arguments not listed here go to the provider, whose check refuses them by name.
    super(groupSpec, name, { ...args }, opts);
    Object.defineProperty(this, brand, { value: true });
  }
}

export type GroupMembershipArgs = Omit<InputArgs<types.GroupMembershipArgValues>, "group"> & {
  /** The group: its name, or an `asa.Group` (whose team is then used unless `team` is given).
   * Changing it replaces the resource. */
  group: pulumi.Input<string> | Group;
};
export interface GroupMembership extends OutputsOf<types.GroupMembershipOutputs> {}

/**
 * Who is in an ASA group. ID: `team/group`. Changes send only the difference (adds and removes
 * run concurrently); `pulumi refresh` reads every page of the group, so the next preview names
 * exactly who will be added and removed. Deleting the resource removes the members it manages
 * (as last recorded in state) and leaves the group. Two memberships of one group in a program
 * are refused when either is authoritative, or when both list the same user.
 */
export class GroupMembership extends IdentityResource {
  constructor(name: string, args: GroupMembershipArgs, opts?: pulumi.CustomResourceOptions) {
    // Arguments not listed here go to the provider, whose check refuses them by name.
    const { group: given, members, mode, team, adopt, ...unknown } = args;
    const group = Group.isInstance(given) ? given : undefined;
    const groupName = group ? group.name : (given as pulumi.Input<string>);
    const teamName = team ?? group?.team;
    const urn = unlessOwned(
      name,
      { team: teamName, group: groupName, mode, members },
      resourceUrn(name, membershipSpec.kind, opts),
    );
    const inputs = { ...unknown, group: groupName, members, mode, team: teamName, adopt };
    super(membershipSpec, name, { ...inputs, __urn: urn }, opts);
    // The engine stores members as a name set ({ "<username>": true }), which is also what a
    // preview of a change hands back: programs always see sorted lists.
    const sorted = (stored: pulumi.Output<unknown>) =>
      stored.apply((value) => MemberSet.from(value).list());
    Object.assign(this, {
      members: sorted(this.members),
      unmanagedMembers: sorted(this.unmanagedMembers),
    });
  }
}

/**
 * The details of an existing Okta ASA user: only those declared are managed (`PUT
 * /v1/teams/{team}/users/{user}`). ID: `team/username`. Refresh reads the declared details back;
 * delete leaves them, or puts back those found at creation with `restoreOnDelete: true`.
 * Never creates nor deletes the user.
 */
export class UserAttributes extends resourceClass<AttributesArgs, AttributesOutputs>(attributes) {}

/**
 * The status of an existing Okta ASA user (`PUT /v1/teams/{team}/users/{user}`). ID:
 * `team/username`. Refresh reads the status back; delete leaves it, or puts back the one found at
 * creation with `restoreOnDelete: true`. DELETED ends the user for good: ASA cannot undo it.
 */
export class UserStatus extends resourceClass<StatusArgs, StatusOutputs>(status) {}

// Type-checked, never run: the classes' arguments and outputs are their specs'.
type _Proofs = [
  Check<MatchesSpec<typeof groupSpec, types.GroupArgValues, types.GroupOutputs>>,
  // The engine may also hand check the stored name set (ignoreChanges): programs give a list.
  Check<Same<Omit<types.GroupMembershipArgValues, "members">, Omit<MembershipArgs, "members">>>,
  Check<Same<types.GroupMembershipArgValues["members"], z.input<typeof MembersArg>>>,
  // Outputs store members as name sets; programs see them as sorted lists (the SDK's one edge).
  Check<Same<Omit<types.GroupMembershipOutputs, NameSets>, Omit<MembershipOutputs, NameSets>>>,
  Check<MatchesSpec<typeof attributes, AttributesArgs, AttributesOutputs>>,
  Check<MatchesSpec<typeof status, StatusArgs, StatusOutputs>>,
];
type MembershipArgs = SpecArgs<typeof membershipSpec>;
type MembershipOutputs = SpecOutputs<typeof membershipSpec>;
type NameSets = "members" | "unmanagedMembers";
