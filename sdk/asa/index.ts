export type { MembershipMode } from "../../provider/asa/group-membership-inputs";
export type {
  Group as AsaGroup,
  Role,
  User as AsaUser,
  UserStatus as AsaUserStatus,
} from "../../provider/asa/schemas";
export { Group, type GroupArgs, roles } from "./group";
export { GroupMembership, type GroupMembershipArgs } from "./group-membership";
export {
  getGroupMembersOutput,
  getGroupOutput,
  getGroupsOutput,
  getUserOutput,
  getUsersOutput,
} from "./lookup-outputs";
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
export { UserAttributes, type UserAttributesArgs } from "./user-attributes";
export { UserStatus, type UserStatusArgs } from "./user-status";
