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
  identityOf,
  type OutputsOf,
  resourceUrn,
  withSecretOutputs,
} from "../identity-resource";
import { unlessOwned } from "./membership-owners";
import type {
  GroupArgValues,
  GroupMembershipArgValues,
  GroupMembershipOutputs,
  GroupOutputs,
  Role,
  UserAttributesArgValues,
  UserAttributesOutputs,
  UserStatusArgValues,
  UserStatusOutputs,
} from "./types";

import groupHandle = require("../../provider/handles/asa-group");
import membershipHandle = require("../../provider/handles/asa-group-membership");
import attributesHandle = require("../../provider/handles/asa-user-attributes");
import statusHandle = require("../../provider/handles/asa-user-status");

/** The roles an ASA group can grant, e.g. to validate a roster file before declaring groups. */
export const roles: readonly Role[] = RoleSchema.options;

const brand = Symbol.for("pulumi-identity:asa:Group");

export type GroupArgs = InputArgs<GroupArgValues>;
export interface Group extends OutputsOf<GroupOutputs> {}

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
    super(groupHandle, identityOf(groupSpec), name, { ...args }, opts);
    Object.defineProperty(this, brand, { value: true });
  }
}

export type GroupMembershipArgs = Omit<InputArgs<GroupMembershipArgValues>, "group"> & {
  /** The group: its name, or an `asa.Group` (whose team is then used unless `team` is given).
   * Changing it replaces the resource. */
  group: pulumi.Input<string> | Group;
};
export interface GroupMembership extends OutputsOf<GroupMembershipOutputs> {}

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
      resourceUrn(name, "asa", "GroupMembership", opts),
    );
    super(
      membershipHandle,
      identityOf(membershipSpec),
      name,
      { ...unknown, group: groupName, members, mode, team: teamName, adopt, __urn: urn },
      opts,
    );
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

export type UserAttributesArgs = InputArgs<UserAttributesArgValues>;
export interface UserAttributes extends OutputsOf<UserAttributesOutputs> {}

/**
 * The details of an existing Okta ASA user: only those declared are managed (`PUT
 * /v1/teams/{team}/users/{user}`). ID: `team/username`. Refresh reads the declared details back;
 * delete leaves them, or puts back those found at creation with `restoreOnDelete: true`.
 * Never creates nor deletes the user.
 */
export class UserAttributes extends IdentityResource {
  constructor(name: string, args: UserAttributesArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      attributesHandle,
      identityOf(attributesSpec),
      name,
      args,
      withSecretOutputs(opts, ["originalValues"]),
    );
  }
}

export type UserStatusArgs = InputArgs<UserStatusArgValues>;
export interface UserStatus extends OutputsOf<UserStatusOutputs> {}

/**
 * The status of an existing Okta ASA user (`PUT /v1/teams/{team}/users/{user}`). ID:
 * `team/username`. Refresh reads the status back; delete leaves it, or puts back the one found at
 * creation with `restoreOnDelete: true`. DELETED ends the user for good: ASA cannot undo it.
 */
export class UserStatus extends IdentityResource {
  constructor(name: string, args: UserStatusArgs, opts?: pulumi.CustomResourceOptions) {
    super(statusHandle, identityOf(statusSpec), name, args, opts);
  }
}
