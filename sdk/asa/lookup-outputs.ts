import type * as pulumi from "@pulumi/pulumi";
import { type InputOptions, lookupOutput } from "../lookup-output";
import {
  type AsaLookupOptions,
  type GetGroupsOptions,
  type GetUsersOptions,
  getGroup,
  getGroupMembers,
  getGroups,
  getUser,
  getUsers,
} from "./lookups";
import type { AsaGroup as Group, AsaUser as User } from "./types";

// The Output forms of the ASA lookups: Inputs in, an Output out, secret when an input is.

/** `getGroup` taking Inputs: the live group, once `name` and the options are known. */
export function getGroupOutput(
  name: pulumi.Input<string>,
  options?: InputOptions<AsaLookupOptions>,
): pulumi.Output<Group> {
  return lookupOutput(getGroup, [name, options]);
}

/** `getGroups` taking Inputs: every group of the team. */
export function getGroupsOutput(options?: InputOptions<GetGroupsOptions>): pulumi.Output<Group[]> {
  return lookupOutput(getGroups, [options]);
}

/** `getGroupMembers` taking Inputs: the members' usernames, sorted. */
export function getGroupMembersOutput(
  group: pulumi.Input<string>,
  options?: InputOptions<AsaLookupOptions>,
): pulumi.Output<string[]> {
  return lookupOutput(getGroupMembers, [group, options]);
}

/** `getUser` taking Inputs: one user, by username. */
export function getUserOutput(
  name: pulumi.Input<string>,
  options?: InputOptions<AsaLookupOptions>,
): pulumi.Output<User> {
  return lookupOutput(getUser, [name, options]);
}

/** `getUsers` taking Inputs: the team's users matching the filters. */
export function getUsersOutput(options?: InputOptions<GetUsersOptions>): pulumi.Output<User[]> {
  return lookupOutput(getUsers, [options]);
}
