// The public plain types of sdk/ against the schemas of provider/ (type-checked by `npm run
// typecheck`, never run): a change to a schema that the public types do not follow, or the other
// way round, fails the type check.

import type { z } from "zod";
import type { GroupArgs, spec as groupSpec } from "../../provider/asa/group";
import type { MembersArg, spec as membershipSpec } from "../../provider/asa/group-membership";
import type { Group, Role, User, UserStatus } from "../../provider/asa/schemas";
import type { spec as asaAttributesSpec } from "../../provider/asa/user-attributes";
import type { spec as asaStatusSpec } from "../../provider/asa/user-status";
import type { spec as providerCheckSpec } from "../../provider/diagnostics/provider-check";
import type {
  UserListItem as ScaiKeyListItemSchema,
  UserStatus as ScaiKeyStatusSchema,
  UserResponse as ScaiKeyUserSchema,
} from "../../provider/scaikey/schemas";
import type { spec as scaikeyAttributesSpec } from "../../provider/scaikey/user-attributes";
import type { spec as scaikeyStatusSpec } from "../../provider/scaikey/user-status";
import type {
  EmployeeType as EmployeeTypeSchema,
  User as SecureframeUserSchema,
} from "../../provider/secureframe/schemas";
import type { spec as secureframeAttributesSpec } from "../../provider/secureframe/user-attributes";
import type { spec as secureframeStatusSpec } from "../../provider/secureframe/user-status";
import type * as asa from "../../sdk/asa/types";
import type { ProviderCheckOutputs } from "../../sdk/diagnostics/provider-check";
import type * as scaikey from "../../sdk/scaikey/types";
import type * as secureframe from "../../sdk/secureframe/types";
import type { Check, Same } from "./same";

type In<S extends { args: z.ZodType }> = z.input<S["args"]>;
type Out<S extends { outputs: z.ZodType }> = z.output<S["outputs"]>;

// ASA: API objects, then each resource's arguments and outputs.
export type AsaChecks = [
  Check<Same<asa.Role, Role>>,
  Check<Same<asa.AsaUserStatus, UserStatus>>,
  Check<Same<asa.AsaUser, User>>,
  Check<Same<asa.AsaGroup, Group>>,
  Check<Same<asa.GroupArgValues, z.input<typeof GroupArgs>>>,
  Check<Same<asa.GroupArgValues, In<typeof groupSpec>>>,
  Check<Same<asa.GroupOutputs, Out<typeof groupSpec>>>,
  // The engine may also hand check the stored name set (ignoreChanges): programs give a list.
  Check<
    Same<Omit<asa.GroupMembershipArgValues, "members">, Omit<In<typeof membershipSpec>, "members">>
  >,
  Check<Same<asa.GroupMembershipArgValues["members"], z.input<typeof MembersArg>>>,
  // Outputs store members as name sets; programs see them as sorted lists (the SDK's one edge).
  Check<
    Same<
      Omit<asa.GroupMembershipOutputs, "members" | "unmanagedMembers">,
      Omit<Out<typeof membershipSpec>, "members" | "unmanagedMembers">
    >
  >,
  Check<Same<asa.UserAttributesArgValues, In<typeof asaAttributesSpec>>>,
  Check<Same<asa.UserAttributesOutputs, Out<typeof asaAttributesSpec>>>,
  Check<Same<asa.UserStatusArgValues, In<typeof asaStatusSpec>>>,
  Check<Same<asa.UserStatusOutputs, Out<typeof asaStatusSpec>>>,
];

export type SecureframeChecks = [
  Check<Same<secureframe.EmployeeType, EmployeeTypeSchema>>,
  Check<Same<secureframe.SecureframeUser, SecureframeUserSchema>>,
  Check<Same<secureframe.UserAttributesArgValues, In<typeof secureframeAttributesSpec>>>,
  Check<Same<secureframe.UserAttributesOutputs, Out<typeof secureframeAttributesSpec>>>,
  Check<Same<secureframe.UserStatusArgValues, In<typeof secureframeStatusSpec>>>,
  Check<Same<secureframe.UserStatusOutputs, Out<typeof secureframeStatusSpec>>>,
];

export type ScaiKeyChecks = [
  Check<Same<scaikey.ScaiKeyUserStatus, ScaiKeyStatusSchema>>,
  Check<Same<scaikey.ScaiKeyUser, ScaiKeyUserSchema>>,
  Check<Same<scaikey.ScaiKeyUserListItem, ScaiKeyListItemSchema>>,
  Check<Same<scaikey.UserAttributesArgValues, In<typeof scaikeyAttributesSpec>>>,
  Check<Same<scaikey.UserAttributesOutputs, Out<typeof scaikeyAttributesSpec>>>,
  Check<Same<scaikey.UserStatusArgValues, In<typeof scaikeyStatusSpec>>>,
  Check<Same<scaikey.UserStatusOutputs, Out<typeof scaikeyStatusSpec>>>,
];

export type DiagnosticsChecks = [Check<Same<ProviderCheckOutputs, Out<typeof providerCheckSpec>>>];
