import type * as pulumi from "@pulumi/pulumi";
import type { MembershipMode } from "../../provider/asa/membership-plan";
import { MemberSet } from "../../provider/asa/member-set";
import { IdentityResource, resourceUrn } from "../identity-resource";
import { Group } from "./group";
import { unlessOwned } from "./membership-owners";

import membershipHandle = require("../../provider/handles/asa-group-membership");

export interface GroupMembershipArgs {
  /** The group: its name, or an `asa.Group` (whose team is then used unless `team` is given).
   * Changing it replaces the resource. */
  group: pulumi.Input<string> | Group;
  /** ASA usernames (case-sensitive). Trimmed; order and duplicates do not matter. */
  members: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * `"authoritative"` (default): the resource owns the whole member list, and anyone else in the
   * group is drift that the next `pulumi up` removes.
   * `"additive"`: it owns only the listed members; the others are left alone and reported in
   * `unmanagedMembers`.
   */
  mode?: pulumi.Input<MembershipMode>;
  /** The ASA team; default: the `asa.Group`'s team, else `identity:asaTeam` (else `ASA_TEAM`). */
  team?: pulumi.Input<string>;
  /**
   * Take over a group that already has members the list leaves out (authoritative mode, on
   * create or when switching from additive): without it, that is refused rather than removing
   * them. Members already in the group are never re-added, so adopting a group whose members
   * match the list makes no change at all.
   */
  adopt?: pulumi.Input<boolean>;
}

/**
 * Who is in an ASA group. ID: `team/group`. Changes send only the difference (adds and removes
 * run concurrently); `pulumi refresh` reads every page of the group, so the next preview names
 * exactly who will be added and removed. Deleting the resource removes the members it manages
 * (as last recorded in state) and leaves the group.
 */
export class GroupMembership extends IdentityResource {
  declare readonly group: pulumi.Output<string>;
  declare readonly team: pulumi.Output<string>;
  declare readonly mode: pulumi.Output<MembershipMode>;
  declare readonly adopt: pulumi.Output<boolean>;
  /** The members this resource manages and that are in the group, sorted (in authoritative mode,
   * the whole group). In a preview of a change: the members it will manage. */
  declare readonly members: pulumi.Output<string[]>;
  /** Additive mode: the group's other members, sorted; `[]` in authoritative mode. */
  declare readonly unmanagedMembers: pulumi.Output<string[]>;

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
      "asa",
      "GroupMembership",
      name,
      {
        ...unknown,
        group: groupName,
        members,
        mode,
        team: teamName,
        adopt,
        unmanagedMembers: undefined,
        __urn: urn,
      },
      opts,
    );
    // The engine stores and compares members as a name set ({ "<username>": true }), which is
    // also what a preview of a change hands back: programs always see a sorted list.
    this.members = (this.members as pulumi.Output<unknown>).apply((v) => MemberSet.from(v).list());
  }
}
