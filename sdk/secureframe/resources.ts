import type { Check, MatchesSpec } from "../../provider/resource/same-type";
import { spec as attributes } from "../../provider/secureframe/user-attributes";
import { spec as status } from "../../provider/secureframe/user-status";
import { resourceClass } from "../identity-resource";
import type {
  UserAttributesArgValues as AttributesArgs,
  UserAttributesOutputs as AttributesOutputs,
  UserStatusArgValues as StatusArgs,
  UserStatusOutputs as StatusOutputs,
} from "./types";

/**
 * Attributes of an existing Secureframe user: only those declared are managed (`PUT
 * /users/{id}`, values in the query string). ID: the user's Secureframe id. Refresh reads them
 * back; delete leaves them, or puts back those found at creation with `restoreOnDelete: true`.
 */
export class UserAttributes extends resourceClass<AttributesArgs, AttributesOutputs>(attributes) {}

/**
 * Whether an existing Secureframe user is active (`PUT /users/{id}?active=...`). ID: the user's
 * Secureframe id. Refresh reads it back; delete leaves it, or puts back the value found at
 * creation with `restoreOnDelete: true`.
 */
export class UserStatus extends resourceClass<StatusArgs, StatusOutputs>(status) {}

// Type-checked, never run: the classes' arguments and outputs are their specs'.
type _Proofs = [
  Check<MatchesSpec<typeof attributes, AttributesArgs, AttributesOutputs>>,
  Check<MatchesSpec<typeof status, StatusArgs, StatusOutputs>>,
];
