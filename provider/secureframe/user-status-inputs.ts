import { z } from "zod";
import { booleanArg, restoreOnDeleteArg } from "../users/args";
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

export type SecureframeUserStatusArgs = z.output<typeof SecureframeUserStatusArgs>;

/** The stored outputs: the arguments, the user's id, and the value found at creation. */
export type SecureframeUserStatusOutputs = SecureframeUserStatusArgs & {
  userId: string;
  originalValues: { active: boolean | null };
};
