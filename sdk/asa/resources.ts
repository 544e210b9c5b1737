import type * as pulumi from "@pulumi/pulumi";
import { spec as groupSpec } from "../../provider/asa/group";
import { spec as membershipSpec } from "../../provider/asa/group-membership";
import { MemberSet } from "../../provider/asa/member-set";
import { Role as RoleSchema } from "../../provider/asa/schemas";
import { spec as attributesSpec } from "../../provider/asa/user-attributes";
import { spec as statusSpec } from "../../provider/asa/user-status";
import {
  IdentityResource,
  type InputArgs,
  type OutputsOf,
  resourceClass,
  resourceUrn,
} from "../identity-resource";
import { unlessOwned } from "./membership-owners";
import type * as types from "./types";

/** The roles an ASA group can grant, e.g. to validate a roster file before declaring groups. */
export const roles: readonly types.Role[] = RoleSchema.options;

const brand = Symbol.for("pulumi-identity:asa:Group");

export type GroupArgs = InputArgs<types.GroupArgValues>;
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

  constructor(name: string, args: GroupArgs, opts?: pulumi.CustomResourceOptions) {
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
export const UserAttributes = resourceClass<
  types.UserAttributesArgValues,
  types.UserAttributesOutputs
>(attributesSpec);
export type UserAttributes = InstanceType<typeof UserAttributes>;
export type UserAttributesArgs = InputArgs<types.UserAttributesArgValues>;

/**
 * The status of an existing Okta ASA user (`PUT /v1/teams/{team}/users/{user}`). ID:
 * `team/username`. Refresh reads the status back; delete leaves it, or puts back the one found at
 * creation with `restoreOnDelete: true`. DELETED ends the user for good: ASA cannot undo it.
 */
export const UserStatus = resourceClass<types.UserStatusArgValues, types.UserStatusOutputs>(
  statusSpec,
);
export type UserStatus = InstanceType<typeof UserStatus>;
export type UserStatusArgs = InputArgs<types.UserStatusArgValues>;
