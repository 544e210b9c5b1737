export {
  type AsaLookupOptions,
  type GetGroupsOptions,
  type GetUsersOptions,
  getGroup,
  getGroupMembers,
  getGroups,
  getUser,
  getUsers,
} from "./lookups";
export {
  Group,
  type GroupArgs,
  GroupMembership,
  type GroupMembershipArgs,
  roles,
  UserAttributes,
  type UserAttributesArgs,
  UserStatus,
  type UserStatusArgs,
} from "./resources";
export type * from "./types";
