import type * as pulumi from "@pulumi/pulumi";
import { type CheckOutcome, isUnknown, withFailure } from "../resource";
import { userResourceProvider } from "../users/user-resource";
import { withDefaultTeam } from "./check-team";
import type { UserStatus } from "./schemas";
import { AsaUserStatusArgs } from "./user-status-inputs";
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

/** The provider of `asa.UserStatus`; `clients` is injectable for tests. */
export function userStatusProvider(
  clients: AsaUserClients = defaultAsaUserClients,
): pulumi.dynamic.ResourceProvider {
  return userResourceProvider({
    resource: "asa.UserStatus",
    api: "asa",
    args: AsaUserStatusArgs,
    refine: (outcome) => refineDeleted(withDefaultTeam(outcome)),
    userFields: ["username", "team"],
    sameUser: sameAsaUser,
    declared: (args) => (args.status === undefined ? {} : { status: args.status }),
    nest: (values) => values,
    async locate(inputs) {
      const { id, target, user } = await locateAsaUser(clients(inputs.team as string), inputs);
      return { id, target, current: { status: user.status } };
    },
    targetOf: asaUserTargetOf,
    outputsOf: asaUserOutputs,
    async fetch(target) {
      const user = await findAsaUser(clients(target.team), target.username);
      return user && { status: user.status };
    },
    async apply({ target, changes }) {
      await clients(target.team).updateUser(target.username, {
        status: changes.status as UserStatus,
      });
      return undefined;
    },
    unrestorable: (_key, value) =>
      value === "DELETED"
        ? "the user was already DELETED, and ASA cannot change a deleted user"
        : undefined,
    describe: describeAsaUser,
  });
}

export const asaUserStatusProvider = userStatusProvider();
