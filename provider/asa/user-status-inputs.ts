import { z } from "zod";
import { quote } from "../resource";
import { booleanArg, restoreOnDeleteArg } from "../users/args";
import { teamArg } from "./input-fields";
import { UserStatus } from "./schemas";
import { userUsernameArg } from "./user-args";

const statusHint = "use ACTIVE or DISABLED (DELETED needs allowDelete: true)";

/** asa.UserStatus's arguments, as check validates and normalises them. */
export const AsaUserStatusArgs = z.strictObject({
  /** The user's ASA username (case-sensitive). */
  username: userUsernameArg,
  /** The ASA team; default `identity:asaTeam`. */
  team: teamArg,
  /** ACTIVE or DISABLED; DELETED ends the user for good and needs `allowDelete: true`. */
  status: z.enum(UserStatus.options, {
    error: (iss) =>
      iss.input === undefined
        ? `required: the user's status; ${statusHint}`
        : `${quote(iss.input)} is not an ASA user status; ${statusHint}`,
  }),
  /** Confirms that status DELETED may be set: ASA cannot bring a deleted user back. */
  allowDelete: booleanArg("true lets status be DELETED").default(false),
  /** On delete, put back the status found when the resource was created (default false: leave it). */
  restoreOnDelete: restoreOnDeleteArg,
});

export type AsaUserStatusArgs = z.output<typeof AsaUserStatusArgs>;

/** The stored outputs: the arguments (with the team resolved), the user's ASA id, and the status found at creation. */
export type AsaUserStatusOutputs = Omit<AsaUserStatusArgs, "team"> & {
  team: string;
  userId: string;
  originalValues: { status: AsaUserStatusArgs["status"] };
};
