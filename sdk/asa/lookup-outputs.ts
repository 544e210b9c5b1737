import { outputForm } from "../lookup-output";
import { getGroup, getGroupMembers, getGroups, getUser, getUsers } from "./lookups";

// The Output forms of the ASA lookups: Inputs in, an Output out, secret when an input is.

/** `getGroup` taking Inputs: the live group, once `name` and the options are known. */
export const getGroupOutput = outputForm(getGroup);

/** `getGroups` taking Inputs: every group of the team. */
export const getGroupsOutput = outputForm(getGroups);

/** `getGroupMembers` taking Inputs: the members' usernames, sorted. */
export const getGroupMembersOutput = outputForm(getGroupMembers);

/** `getUser` taking Inputs: one user, by username. */
export const getUserOutput = outputForm(getUser);

/** `getUsers` taking Inputs: the team's users matching the filters. */
export const getUsersOutput = outputForm(getUsers);
