import { z } from "zod";
import { type CheckOutcome, isKnownString, withFailure } from "../resource";
import { booleanArg, restoreOnDeleteArg } from "../users/args";
import { userResourceSpec } from "../users/user-resource";
import { declaredFields, secureframeUserAdapter } from "./user-adapter";
import {
  accountArg,
  dateArg,
  employeeTypeArg,
  SETTABLE_EMPLOYEE_TYPES,
  secureframeUserArg,
} from "./user-args";

/** The attributes secureframe.UserAttributes manages. */
export const ATTRIBUTE_NAMES = ["employeeType", "startDate", "endDate", "inAuditScope"] as const;

/** secureframe.UserAttributes's arguments, as check validates and normalises them. */
export const SecureframeUserAttributesArgs = z.strictObject({
  /** The user's Secureframe id or email address (looked up once, at creation). */
  user: secureframeUserArg,
  /** The account (a key pair of identity:secureframeAccounts) the user is in; default: identity:secureframeApiKey's. */
  account: accountArg,
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

/** The stored outputs: the arguments, the user's id, and the values found at creation. */
export const SecureframeUserAttributesOutputs = z.object({
  user: z.string(),
  account: z.string().optional(),
  employeeType: z.string().optional(),
  startDate: z.string().nullable().optional(),
  endDate: z.string().nullable().optional(),
  inAuditScope: z.boolean().optional(),
  restoreOnDelete: z.boolean(),
  userId: z.string(),
  originalValues: z.object({
    employeeType: z.string().nullable().optional(),
    startDate: z.string().nullable().optional(),
    endDate: z.string().nullable().optional(),
    inAuditScope: z.boolean().nullable().optional(),
  }),
});

/** The end date may not come before the start date. */
function refineDates(outcome: CheckOutcome): CheckOutcome {
  const { startDate, endDate } = outcome.inputs;
  if (
    isKnownString(startDate) &&
    isKnownString(endDate) &&
    outcome.failures.length === 0 &&
    Date.parse(endDate) < Date.parse(startDate)
  ) {
    return withFailure(
      outcome,
      "endDate",
      `${endDate} is before startDate ${startDate}; swap them or fix one`,
    );
  }
  return outcome;
}

export const spec = userResourceSpec(
  "secureframe:UserAttributes",
  SecureframeUserAttributesArgs,
  SecureframeUserAttributesOutputs,
  secureframeUserAdapter,
  {
    declaredBy: ATTRIBUTE_NAMES,
    declared: declaredFields(ATTRIBUTE_NAMES),
    nest: (values) => values,
    refine: refineDates,
    // An update cannot clear the employee type (nor set one it does not know).
    unrestorable: (key, value) =>
      key === "employeeType" && !(SETTABLE_EMPLOYEE_TYPES as readonly unknown[]).includes(value)
        ? `Secureframe's API cannot set employee_type to ${JSON.stringify(value)}`
        : undefined,
  },
  { secretOutputs: ["originalValues"] },
);
