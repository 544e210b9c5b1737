import type { Check, MatchesSpec } from "../../provider/resource/same-type";
import { spec as attributes } from "../../provider/scaikey/user-attributes";
import { spec as status } from "../../provider/scaikey/user-status";
import { resourceClass } from "../identity-resource";
import type {
  UserAttributesArgValues as AttributesArgs,
  UserAttributesOutputs as AttributesOutputs,
  UserStatusArgValues as StatusArgs,
  UserStatusOutputs as StatusOutputs,
} from "./types";

/**
 * Attributes of an existing ScaiKey tenant user: only those declared are managed, each custom
 * attribute on its own (`PATCH /api/v1/tenants/{tenant}/users/{user}`). ID: `tenantId/userId`.
 * Refresh reads the declared values back; delete leaves them, or puts back those found at
 * creation with `restoreOnDelete: true`.
 */
export class UserAttributes extends resourceClass<AttributesArgs, AttributesOutputs>(attributes) {}

/**
 * The status of an existing ScaiKey tenant user: ACTIVE, DISABLED or LOCKED, set through the
 * status endpoint (unlocking resets failed sign-ins). ID: `tenantId/userId`. Refresh reads it
 * back; delete leaves it, or puts back the one found at creation with `restoreOnDelete: true`.
 */
export class UserStatus extends resourceClass<StatusArgs, StatusOutputs>(status) {}

// Type-checked, never run: the classes' arguments and outputs are their specs'.
type _Proofs = [
  Check<MatchesSpec<typeof attributes, AttributesArgs, AttributesOutputs>>,
  Check<MatchesSpec<typeof status, StatusArgs, StatusOutputs>>,
];
