import { z } from "zod";
import { type CheckOutcome, isUnknown, quote, withFailure } from "../resource";
import { booleanArg, restoreOnDeleteArg } from "../users/args";
import { userResourceSpec } from "../users/user-resource";
import { teamArg } from "./input-fields";
import { UserStatus } from "./schemas";
import { asaUserAdapter } from "./user-adapter";
import { userUsernameArg } from "./user-args";

const statusHint = "use ACTIVE or DISABLED (DELETED needs allowDelete: true)";

const statusArg = z.enum(UserStatus.options, {
  error: (iss) =>
    iss.input === undefined
      ? `required: the user's status; ${statusHint}`
      : `${quote(iss.input)} is not an ASA user status; ${statusHint}`,
});

/** asa.UserStatus's arguments, as check validates and normalises them. */
export const AsaUserStatusArgs = z.strictObject({
  /** The user's ASA username (case-sensitive). */
  username: userUsernameArg,
  /** The ASA team; default `identity:asaTeam`. */
  team: teamArg,
  /** ACTIVE or DISABLED; DELETED ends the user for good and needs `allowDelete: true`. */
  status: statusArg,
  /** Confirms that status DELETED may be set: ASA cannot bring a deleted user back. */
  allowDelete: booleanArg("true lets status be DELETED").default(false),
  /** On delete, put back the status found when the resource was created (default false: leave it). */
  restoreOnDelete: restoreOnDeleteArg,
});

/** The stored outputs: the arguments (with the team resolved), the user's ASA id, and the status found at creation. */
export const AsaUserStatusOutputs = z.object({
  username: z.string(),
  team: z.string(),
  status: UserStatus,
  allowDelete: z.boolean(),
  restoreOnDelete: z.boolean(),
  userId: z.string(),
  originalValues: z.object({ status: UserStatus }),
});

/** DELETED only when confirmed, and never with restoreOnDelete: ASA cannot undo it. */
function refineDeleted(outcome: CheckOutcome): CheckOutcome {
  const { status, allowDelete, restoreOnDelete } = outcome.inputs;
  if (status !== "DELETED") return outcome;
  if (allowDelete !== true && !isUnknown(allowDelete)) {
    return withFailure(
      outcome,
      "status",
      "DELETED ends the user for good (ASA cannot bring a deleted user back); set allowDelete: true to confirm, or use DISABLED",
    );
  }
  if (restoreOnDelete === true) {
    return withFailure(
      outcome,
      "restoreOnDelete",
      "cannot be true with status DELETED: ASA cannot bring a deleted user back; remove restoreOnDelete, or use DISABLED",
    );
  }
  return outcome;
}

export const spec = userResourceSpec(
  "asa:UserStatus",
  AsaUserStatusArgs,
  AsaUserStatusOutputs,
  asaUserAdapter,
  {
    refine: refineDeleted,
    declared: (args) => (args.status === undefined ? {} : { status: args.status }),
    nest: (values) => values,
    unrestorable: (_key, value) =>
      value === "DELETED"
        ? "the user was already DELETED, and ASA cannot change a deleted user"
        : undefined,
  },
);
