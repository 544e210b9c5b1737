export type { EmployeeType, User as SecureframeUser } from "../../provider/secureframe/schemas";
export { getUserOutput, getUsersOutput } from "./lookup-outputs";
export {
  type GetUsersOptions,
  getUser,
  getUsers,
  type SecureframeLookupOptions,
} from "./lookups";
export { UserAttributes, type UserAttributesArgs } from "./user-attributes";
export { UserStatus, type UserStatusArgs } from "./user-status";
