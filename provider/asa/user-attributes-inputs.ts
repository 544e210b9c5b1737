import { z } from "zod";
import { emailArg, restoreOnDeleteArg, textArg } from "../users/args";
import { knownFields } from "../users/known-fields";
import { teamArg } from "./input-fields";
import type { UserDetails } from "./schemas";
import { userUsernameArg } from "./user-args";

/** The arguments' detail names and the API's. */
export const DETAIL_FIELDS = {
  firstName: "first_name",
  lastName: "last_name",
  fullName: "full_name",
  email: "email",
} as const satisfies Record<string, keyof UserDetails>;

export type DetailName = keyof typeof DETAIL_FIELDS;

export const AsaUserDetailsArgs = knownFields(
  {
    firstName: textArg("Jason").optional(),
    lastName: textArg("Compson").optional(),
    fullName: textArg("Jason Compson IV").optional(),
    /** null clears it. */
    email: emailArg("jason.compson@example.com").nullable().optional(),
  },
  "the user's details",
);

/** asa.UserAttributes's arguments, as check validates and normalises them. */
export const AsaUserAttributesArgs = z.strictObject({
  /** The user's ASA username (case-sensitive). */
  username: userUsernameArg,
  /** The ASA team; default `identity:asaTeam`. */
  team: teamArg,
  /** The details this resource manages; the others are left alone. null clears a detail. */
  details: AsaUserDetailsArgs,
  /** On delete, put back the details found when the resource was created (default false: leave them). */
  restoreOnDelete: restoreOnDeleteArg,
});

export type AsaUserAttributesArgs = z.output<typeof AsaUserAttributesArgs>;

/** The stored outputs: the arguments (with the team resolved), the user's ASA id, and the details found at creation. */
export type AsaUserAttributesOutputs = Omit<AsaUserAttributesArgs, "team"> & {
  team: string;
  userId: string;
  originalValues: { details: AsaUserAttributesArgs["details"] };
};
