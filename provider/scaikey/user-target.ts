import { unlessNotFound } from "../errors";
import { type CheckOutcome, type Inputs, joinId, splitId, withFailure } from "../resource";
import type { ScaiKeyClient } from "./client";
import type { UserResponse } from "./schemas";
import { defaultScaiKeyTenant, scaikeyClient } from "./settings";

// What scaikey.UserAttributes and scaikey.UserStatus share: how they reach their user.

export type ScaiKeyUserApi = Pick<
  ScaiKeyClient,
  "getUser" | "findUserByEmail" | "updateUser" | "updateUserStatus" | "adminUnlockUser"
>;

/** A client for a tenant; injectable for tests. */
export type ScaiKeyUserClients = (tenantId: string) => ScaiKeyUserApi;
export const defaultScaiKeyUserClients: ScaiKeyUserClients = (tenantId) => scaikeyClient(tenantId);

/** The resource ID is `<tenantId>/<userId>`. */
export interface ScaiKeyUserTarget {
  tenantId: string;
  userId: string;
  email?: string;
}

export function describeScaiKeyUser(target: ScaiKeyUserTarget): string {
  return `ScaiKey user ${target.userId}${target.email ? ` (${target.email})` : ""} of tenant ${target.tenantId}`;
}

/** Fills in the tenant a resource leaves out, from `identity:scaikeyTenant` (else `SCAIKEY_TENANT`). */
export function withDefaultTenant(outcome: CheckOutcome): CheckOutcome {
  if (outcome.inputs.tenantId !== undefined) return outcome;
  const tenantId = defaultScaiKeyTenant();
  if (tenantId) return { ...outcome, inputs: { ...outcome.inputs, tenantId } };
  return withFailure(
    outcome,
    "tenantId",
    "no tenant given and identity:scaikeyTenant is not set; pass tenantId, or set it with `pulumi config set identity:scaikeyTenant tnt_...` or the environment variable SCAIKEY_TENANT",
  );
}

/**
 * The user with this id (`usr_...`) or email address, or undefined when there is none (ScaiKey
 * answers 404 for soft-deleted users too).
 */
export async function findScaiKeyUser(
  api: ScaiKeyUserApi,
  idOrEmail: string,
): Promise<UserResponse | undefined> {
  return idOrEmail.includes("@")
    ? api.findUserByEmail(idOrEmail)
    : unlessNotFound(api.getUser(idOrEmail));
}

/** The user `user` names in the tenant (an id, or an email looked up now and never again). */
export async function locateScaiKeyUser(
  clients: ScaiKeyUserClients,
  inputs: Inputs,
): Promise<{ id: string; target: ScaiKeyUserTarget; user: UserResponse }> {
  const tenantId = inputs.tenantId as string;
  const ref = inputs.user as string;
  const api = clients(tenantId);
  const user = await findScaiKeyUser(api, ref);
  if (!user) {
    throw new Error(
      ref.includes("@")
        ? `No user of ScaiKey tenant ${tenantId} has the email "${ref}"; check the address and the tenant, or give the user's id.`
        : `ScaiKey tenant ${tenantId} has no user "${ref}"; check the id and the tenant, or give the user's email address.`,
    );
  }
  return {
    id: joinId(tenantId, user.id),
    target: { tenantId, userId: user.id, email: user.email },
    user,
  };
}

export function scaikeyUserTargetOf(id: string, outputs: Inputs): ScaiKeyUserTarget | undefined {
  const fromId = splitId(id);
  const tenantId = typeof outputs.tenantId === "string" ? outputs.tenantId : fromId?.scope;
  const userId = typeof outputs.userId === "string" ? outputs.userId : fromId?.name;
  if (!tenantId || !userId) return undefined;
  const user = typeof outputs.user === "string" ? outputs.user : undefined;
  return { tenantId, userId, ...(user?.includes("@") ? { email: user } : {}) };
}

export function sameScaiKeyUser(olds: Inputs, news: Inputs): boolean {
  return olds.tenantId === news.tenantId && (news.user === olds.user || news.user === olds.userId);
}

export function scaikeyUserOutputs(target: ScaiKeyUserTarget): Inputs {
  return { userId: target.userId };
}
