export type { MembershipMode } from "../../provider/asa/group-membership-inputs";
export type {
  Group as AsaGroup,
  Role,
  User as AsaUser,
  UserStatus,
} from "../../provider/asa/schemas";
export { Group, type GroupArgs } from "./group";
export { GroupMembership, type GroupMembershipArgs } from "./group-membership";
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
