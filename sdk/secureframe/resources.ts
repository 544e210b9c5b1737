import { spec as attributesSpec } from "../../provider/secureframe/user-attributes";
import { spec as statusSpec } from "../../provider/secureframe/user-status";
import { type InputArgs, resourceClass } from "../identity-resource";
import type * as types from "./types";

/**
 * Attributes of an existing Secureframe user: only those declared are managed (`PUT
 * /users/{id}`, values in the query string). ID: the user's Secureframe id. Refresh reads them
 * back; delete leaves them, or puts back those found at creation with `restoreOnDelete: true`.
 */
export const UserAttributes = resourceClass<
  types.UserAttributesArgValues,
  types.UserAttributesOutputs
>(attributesSpec);
export type UserAttributes = InstanceType<typeof UserAttributes>;
export type UserAttributesArgs = InputArgs<types.UserAttributesArgValues>;

/**
 * Whether an existing Secureframe user is active (`PUT /users/{id}?active=...`). ID: the user's
 * Secureframe id. Refresh reads it back; delete leaves it, or puts back the value found at
 * creation with `restoreOnDelete: true`.
 */
export const UserStatus = resourceClass<types.UserStatusArgValues, types.UserStatusOutputs>(
  statusSpec,
);
export type UserStatus = InstanceType<typeof UserStatus>;
export type UserStatusArgs = InputArgs<types.UserStatusArgValues>;
