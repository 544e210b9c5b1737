import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { Inputs } from "../resource";
import { labelOf, resourceSpec } from "../resource/spec";
import { emailArg, requireDeclared, restoreOnDeleteArg, textArg } from "../users/args";
import { knownFields } from "../users/known-fields";
import { userResourceProvider, type Values } from "../users/user-resource";
import { teamArg } from "./input-fields";
import {
  type AsaUserClients,
  asaUserAdapter,
  DETAIL_NAMES,
  defaultAsaUserClients,
} from "./user-adapter";
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

/** The provider of `asa.UserAttributes`; `clients` is injectable for tests. */
export function userAttributesProvider(
  clients: AsaUserClients = defaultAsaUserClients,
): pulumi.dynamic.ResourceProvider {
  return userResourceProvider(
    {
      resource: labelOf(spec),
      args: AsaUserAttributesArgs,
      refine: (outcome) =>
        requireDeclared(
          outcome,
          (inputs) => Object.keys(declared(inputs)).length,
          ["details"],
          labelOf(spec),
        ),
      declared,
      nest: (values) => ({ details: values }),
    },
    asaUserAdapter(clients),
  );
}

export const spec = resourceSpec({
  module: "asa",
  type: "UserAttributes",
  args: AsaUserAttributesArgs,
  outputs: AsaUserAttributesOutputs,
  provider: () => userAttributesProvider(),
});
