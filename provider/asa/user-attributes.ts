import { z } from "zod";
import type { Inputs } from "../resource";
import { emailArg, restoreOnDeleteArg, textArg } from "../users/args";
import { knownFields } from "../users/known-fields";
import { userResourceSpec, type Values } from "../users/user-resource";
import { teamArg } from "./input-fields";
import { asaUserAdapter, DETAIL_NAMES } from "./user-adapter";
import { userUsernameArg } from "./user-args";

const detailArgs = {
  firstName: textArg("Jason").optional(),
  lastName: textArg("Compson").optional(),
  fullName: textArg("Jason Compson IV").optional(),
  /** null clears it. */
  email: emailArg("jason.compson@example.com").nullable().optional(),
};

/** asa.UserAttributes's arguments, as check validates and normalises them. */
export const AsaUserAttributesArgs = z.strictObject({
  /** The user's ASA username (case-sensitive). */
  username: userUsernameArg,
  /** The ASA team; default `identity:asaTeam`. */
  team: teamArg,
  /** The details this resource manages; the others are left alone. null clears a detail. */
  details: knownFields(detailArgs, "the user's details"),
  /** On delete, put back the details found when the resource was created (default false: leave them). */
  restoreOnDelete: restoreOnDeleteArg,
});

const storedDetails = z.object(detailArgs).partial();

/** The stored outputs: the arguments (with the team resolved), the user's ASA id, and the details found at creation. */
export const AsaUserAttributesOutputs = z.object({
  username: z.string(),
  team: z.string(),
  details: storedDetails,
  restoreOnDelete: z.boolean(),
  userId: z.string(),
  originalValues: z.object({ details: storedDetails }),
});

function declared(args: Inputs): Values {
  const details = (args.details ?? {}) as Values;
  return Object.fromEntries(
    DETAIL_NAMES.filter((name) => name in details).map((name) => [name, details[name]]),
  );
}

export const spec = userResourceSpec(
  "asa:UserAttributes",
  AsaUserAttributesArgs,
  AsaUserAttributesOutputs,
  asaUserAdapter,
  { declaredBy: ["details"], declared, nest: (values) => ({ details: values }) },
  { secretOutputs: ["originalValues"] },
);
