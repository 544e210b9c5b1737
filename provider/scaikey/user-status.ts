import { z } from "zod";
import { quote } from "../resource";
import { booleanArg, restoreOnDeleteArg } from "../users/args";
import { userResourceSpec } from "../users/user-resource";
import { scaikeyUserAdapter } from "./user-adapter";
import { scaikeyUserArg, tenantIdArg } from "./user-args";

/** The statuses an administrator sets; PENDING_* come only from ScaiKey's sign-up flows. */
export const SETTABLE_STATUSES = ["ACTIVE", "DISABLED", "LOCKED"] as const;

const statusHint = `use ${SETTABLE_STATUSES.join(", ")}`;

/** scaikey.UserStatus's arguments, as check validates and normalises them. */
export const ScaiKeyUserStatusArgs = z.strictObject({
  /** The user's id (`usr_...`) or email address (looked up once, at creation). */
  user: scaikeyUserArg,
  /** The tenant (`tnt_...`); default `identity:scaikeyTenant`. */
  tenantId: tenantIdArg,
  /** ACTIVE, DISABLED or LOCKED. */
  status: z.enum(SETTABLE_STATUSES, {
    error: (iss) =>
      iss.input === undefined
        ? `required: the user's status; ${statusHint}`
        : typeof iss.input === "string" && iss.input.startsWith("PENDING_")
          ? `${iss.input} is set by ScaiKey's sign-up flows and cannot be set by hand; ${statusHint}`
          : `${quote(iss.input)} is not a status ScaiKey lets an administrator set; ${statusHint}`,
  }),
  /** Why, recorded by ScaiKey with a status change this resource makes. */
  reason: z
    .string({
      error: (iss) =>
        `must be a string saying why, e.g. "Left the company", not ${quote(iss.input)}`,
    })
    .optional(),
  /** Also end the user's sessions when this resource changes the status (default false). */
  terminateSessions: booleanArg(
    "true also ends the user's sessions when the status changes",
  ).default(false),
  /** On delete, put back the status found when the resource was created (default false: leave it). */
  restoreOnDelete: restoreOnDeleteArg,
});

/** The stored outputs: the arguments (with the tenant resolved), the user's id, and the status found at creation. */
export const ScaiKeyUserStatusOutputs = z.object({
  user: z.string(),
  tenantId: z.string(),
  status: z.enum(SETTABLE_STATUSES),
  reason: z.string().optional(),
  terminateSessions: z.boolean(),
  restoreOnDelete: z.boolean(),
  userId: z.string(),
  originalValues: z.object({ status: z.string() }),
});

export const spec = userResourceSpec(
  "scaikey:UserStatus",
  ScaiKeyUserStatusArgs,
  ScaiKeyUserStatusOutputs,
  scaikeyUserAdapter,
  {
    declared: (args) => (args.status === undefined ? {} : { status: args.status }),
    nest: (values) => values,
    unrestorable: (_key, value) =>
      (SETTABLE_STATUSES as readonly unknown[]).includes(value)
        ? undefined
        : `${value} is set by ScaiKey's sign-up flows, never by an administrator`,
  },
);
