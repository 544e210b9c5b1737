import { z } from "zod";
import { booleanArg, restoreOnDeleteArg } from "../users/args";
import { userResourceSpec } from "../users/user-resource";
import { declaredFields, secureframeUserAdapter } from "./user-adapter";
import { secureframeUserArg } from "./user-args";

/** secureframe.UserStatus's arguments, as check validates and normalises them. */
export const SecureframeUserStatusArgs = z.strictObject({
  /** The user's Secureframe id or email address (looked up once, at creation). */
  user: secureframeUserArg,
  /** true: the account is active; false: deactivated. */
  active: booleanArg("true activates the account, false deactivates it"),
  /** On delete, put back the value found when the resource was created (default false: leave it). */
  restoreOnDelete: restoreOnDeleteArg,
});

/** The stored outputs: the arguments, the user's id, and the value found at creation. */
export const SecureframeUserStatusOutputs = z.object({
  user: z.string(),
  active: z.boolean(),
  restoreOnDelete: z.boolean(),
  userId: z.string(),
  originalValues: z.object({ active: z.boolean().nullable() }),
});

export const spec = userResourceSpec(
  "secureframe:UserStatus",
  SecureframeUserStatusArgs,
  SecureframeUserStatusOutputs,
  secureframeUserAdapter,
  {
    declared: declaredFields(["active"]),
    nest: (values) => values,
    unrestorable: (_key, value) =>
      value === null ? "Secureframe's API cannot leave active unset" : undefined,
  },
);
