export {
  type GetUsersOptions,
  getUser,
  getUsers,
  type SecureframeLookupOptions,
} from "./lookups";
export {
  UserAttributes,
  type UserAttributesArgs,
  UserStatus,
  type UserStatusArgs,
} from "./resources";
export type * from "./types";
