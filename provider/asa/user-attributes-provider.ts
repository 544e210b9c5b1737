import type * as pulumi from "@pulumi/pulumi";
import type { Inputs } from "../resource";
import { requireDeclared } from "../users/args";
import { userResourceProvider, type Values } from "../users/user-resource";
import { withDefaultTeam } from "./check-team";
import type { User } from "./schemas";
import { AsaUserAttributesArgs, DETAIL_FIELDS, type DetailName } from "./user-attributes-inputs";
import {
  type AsaUserClients,
  asaUserOutputs,
  asaUserTargetOf,
  defaultAsaUserClients,
  describeAsaUser,
  findAsaUser,
  locateAsaUser,
  sameAsaUser,
} from "./user-target";

const DETAIL_NAMES = Object.keys(DETAIL_FIELDS) as DetailName[];

function declared(args: Inputs): Values {
  const details = (args.details ?? {}) as Values;
  return Object.fromEntries(
    DETAIL_NAMES.filter((name) => name in details).map((name) => [name, details[name]]),
  );
}

/** A user's details as arguments name them; a service user has none (all null). */
function detailsOf(user: User): Values {
  return Object.fromEntries(
    DETAIL_NAMES.map((name) => [name, user.details?.[DETAIL_FIELDS[name]] ?? null]),
  );
}

/** The provider of `asa.UserAttributes`; `clients` is injectable for tests. */
export function userAttributesProvider(
  clients: AsaUserClients = defaultAsaUserClients,
): pulumi.dynamic.ResourceProvider {
  return userResourceProvider({
    resource: "asa.UserAttributes",
    api: "asa",
    args: AsaUserAttributesArgs,
    refine: (outcome) =>
      requireDeclared(
        withDefaultTeam(outcome),
        (inputs) => Object.keys(declared(inputs)).length,
        ["details"],
        "asa.UserAttributes",
      ),
    userFields: ["username", "team"],
    sameUser: sameAsaUser,
    declared,
    nest: (values) => ({ details: values }),
    async locate(inputs) {
      const { id, target, user } = await locateAsaUser(clients(inputs.team as string), inputs);
      if (user.user_type === "service") {
        throw new Error(
          `${describeAsaUser(target)} is a service user, which has no details; asa.UserAttributes manages human users only.`,
        );
      }
      return { id, target, current: detailsOf(user) };
    },
    targetOf: asaUserTargetOf,
    outputsOf: asaUserOutputs,
    async fetch(target) {
      const user = await findAsaUser(clients(target.team), target.username);
      return user && detailsOf(user);
    },
    async apply({ target, changes }) {
      const details = Object.fromEntries(
        Object.entries(changes).map(([name, value]) => [DETAIL_FIELDS[name as DetailName], value]),
      );
      // The client completes the other details from the user before its PUT.
      await clients(target.team).updateUser(target.username, { details });
      return undefined;
    },
    describe: describeAsaUser,
  });
}

export const asaUserAttributesProvider = userAttributesProvider();
