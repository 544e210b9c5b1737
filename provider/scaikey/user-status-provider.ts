import type * as pulumi from "@pulumi/pulumi";
import { isApiError } from "../errors";
import { userResourceProvider } from "../users/user-resource";
import type { ActionResult, UserStatus } from "./schemas";
import { ScaiKeyUserStatusArgs, SETTABLE_STATUSES } from "./user-status-inputs";
import {
  defaultScaiKeyUserClients,
  describeScaiKeyUser,
  findScaiKeyUser,
  locateScaiKeyUser,
  type ScaiKeyUserClients,
  sameScaiKeyUser,
  scaikeyUserOutputs,
  scaikeyUserTargetOf,
  withDefaultTenant,
} from "./user-target";

/** The status an action's answer shows, when it shows one (the API documents "any"). */
function statusIn(result: ActionResult): { status: unknown } | undefined {
  return result && typeof result.status === "string" ? { status: result.status } : undefined;
}

const isRefusal = (err: unknown) =>
  isApiError(err) && (err.status === 400 || err.status === 409 || err.status === 422);

/** The provider of `scaikey.UserStatus`; `clients` is injectable for tests. */
export function userStatusProvider(
  clients: ScaiKeyUserClients = defaultScaiKeyUserClients,
): pulumi.dynamic.ResourceProvider {
  return userResourceProvider({
    resource: "scaikey.UserStatus",
    api: "scaikey",
    args: ScaiKeyUserStatusArgs,
    refine: withDefaultTenant,
    userFields: ["user", "tenantId"],
    sameUser: sameScaiKeyUser,
    declared: (args) => (args.status === undefined ? {} : { status: args.status }),
    nest: (values) => values,
    async locate(inputs) {
      const { id, target, user } = await locateScaiKeyUser(clients, inputs);
      return { id, target, current: { status: user.status } };
    },
    targetOf: scaikeyUserTargetOf,
    outputsOf: scaikeyUserOutputs,
    async fetch(target) {
      const user = await findScaiKeyUser(clients(target.tenantId), target.userId);
      return user && { status: user.status };
    },
    async apply({ target, changes, current, inputs }) {
      const api = clients(target.tenantId);
      const status = changes.status as UserStatus;
      try {
        // The status endpoint enables, disables, locks and unlocks. Reason and session ending
        // belong to the program's change, not to restoreOnDelete putting a status back.
        const result = await api.updateUserStatus(target.userId, {
          status,
          ...(inputs?.reason !== undefined ? { reason: inputs.reason as string } : {}),
          terminate_sessions: inputs?.terminateSessions === true,
        });
        return statusIn(result);
      } catch (err) {
        // A deployment that unlocks only through the administration API refuses LOCKED → ACTIVE here.
        if (!(current.status === "LOCKED" && status === "ACTIVE" && isRefusal(err))) throw err;
        return statusIn(await api.adminUnlockUser(target.userId));
      }
    },
    unrestorable: (_key, value) =>
      (SETTABLE_STATUSES as readonly unknown[]).includes(value)
        ? undefined
        : `${value} is set by ScaiKey's sign-up flows, never by an administrator`,
    describe: describeScaiKeyUser,
  });
}

export const scaikeyUserStatusProvider = userStatusProvider();
