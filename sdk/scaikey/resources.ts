import { spec as attributesSpec } from "../../provider/scaikey/user-attributes";
import { spec as statusSpec } from "../../provider/scaikey/user-status";
import { type InputArgs, resourceClass } from "../identity-resource";
import type * as types from "./types";

/**
 * Attributes of an existing ScaiKey tenant user: only those declared are managed, each custom
 * attribute on its own (`PATCH /api/v1/tenants/{tenant}/users/{user}`). ID: `tenantId/userId`.
 * Refresh reads the declared values back; delete leaves them, or puts back those found at
 * creation with `restoreOnDelete: true`.
 */
export const UserAttributes = resourceClass<
  types.UserAttributesArgValues,
  types.UserAttributesOutputs
>(attributesSpec);
export type UserAttributes = InstanceType<typeof UserAttributes>;
export type UserAttributesArgs = InputArgs<types.UserAttributesArgValues>;

/**
 * The status of an existing ScaiKey tenant user: ACTIVE, DISABLED or LOCKED, set through the
 * status endpoint (unlocking resets failed sign-ins). ID: `tenantId/userId`. Refresh reads it
 * back; delete leaves it, or puts back the one found at creation with `restoreOnDelete: true`.
 */
export const UserStatus = resourceClass<types.UserStatusArgValues, types.UserStatusOutputs>(
  statusSpec,
);
export type UserStatus = InstanceType<typeof UserStatus>;
export type UserStatusArgs = InputArgs<types.UserStatusArgValues>;
