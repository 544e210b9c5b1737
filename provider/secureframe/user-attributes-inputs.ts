import { z } from "zod";
import { booleanArg, restoreOnDeleteArg } from "../users/args";
import { dateArg, employeeTypeArg, secureframeUserArg } from "./user-args";

/** The attributes secureframe.UserAttributes manages. */
export const ATTRIBUTE_NAMES = ["employeeType", "startDate", "endDate", "inAuditScope"] as const;

/** secureframe.UserAttributes's arguments, as check validates and normalises them. */
export const SecureframeUserAttributesArgs = z.strictObject({
  /** The user's Secureframe id or email address (looked up once, at creation). */
  user: secureframeUserArg,
  /** contractor, employee, non_employee, auditor or external. */
  employeeType: employeeTypeArg.optional(),
  /** ISO 8601 date or date-time; null clears it. */
  startDate: dateArg.optional(),
  /** ISO 8601 date or date-time; null clears it. */
  endDate: dateArg.optional(),
  /** Whether the user is in audit scope (Secureframe allows changing it only in some cases). */
  inAuditScope: booleanArg("true puts the user in audit scope").optional(),
  /** On delete, put back the values found when the resource was created (default false: leave them). */
  restoreOnDelete: restoreOnDeleteArg,
});

export type SecureframeUserAttributesArgs = z.output<typeof SecureframeUserAttributesArgs>;

type Attributes = Pick<SecureframeUserAttributesArgs, (typeof ATTRIBUTE_NAMES)[number]>;

/** The stored outputs: the arguments, the user's id, and the values found at creation. */
export type SecureframeUserAttributesOutputs = SecureframeUserAttributesArgs & {
  userId: string;
  originalValues: { [K in keyof Attributes]?: Attributes[K] | null };
};
