// The public plain types of the API objects the lookups answer with, against the schemas the
// clients parse them with (type-checked by `npm run typecheck`, never run). Each resource's
// arguments and outputs are proven beside its class, in sdk/<module>/resources.ts.

import type { Group, Role, User, UserStatusValue } from "../../provider/asa/schemas";
import type { Check, Same } from "../../provider/resource/same-type";
import type {
  UserListItem as ScaiKeyListItemSchema,
  UserStatusValue as ScaiKeyStatusSchema,
  UserResponse as ScaiKeyUserSchema,
} from "../../provider/scaikey/schemas";
import type {
  EmployeeType as EmployeeTypeSchema,
  User as SecureframeUserSchema,
} from "../../provider/secureframe/schemas";
import type * as asa from "../../sdk/asa/types";
import type * as scaikey from "../../sdk/scaikey/types";
import type * as secureframe from "../../sdk/secureframe/types";

export type AsaChecks = [
  Check<Same<asa.Role, Role>>,
  Check<Same<asa.AsaUserStatus, UserStatusValue>>,
  Check<Same<asa.AsaUser, User>>,
  Check<Same<asa.AsaGroup, Group>>,
];

export type SecureframeChecks = [
  Check<Same<secureframe.EmployeeType, EmployeeTypeSchema>>,
  Check<Same<secureframe.SecureframeUser, SecureframeUserSchema>>,
];

export type ScaiKeyChecks = [
  Check<Same<scaikey.ScaiKeyUserStatus, ScaiKeyStatusSchema>>,
  Check<Same<scaikey.ScaiKeyUser, ScaiKeyUserSchema>>,
  Check<Same<scaikey.ScaiKeyUserListItem, ScaiKeyListItemSchema>>,
];
