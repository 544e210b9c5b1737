export type {
  UserListItem as ScaiKeyUserListItem,
  UserResponse as ScaiKeyUser,
  UserStatus as ScaiKeyUserStatus,
} from "../../provider/scaikey/schemas";
export { getUserOutput, getUsersOutput } from "./lookup-outputs";
export {
  type GetUsersOptions,
  getUser,
  getUsers,
  type ScaiKeyLookupOptions,
} from "./lookups";
export { UserAttributes, type UserAttributesArgs } from "./user-attributes";
export { UserStatus, type UserStatusArgs } from "./user-status";
