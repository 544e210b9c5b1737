import { isApiError } from "../errors";
import { joinId, type PropertyMap, splitId } from "../resource";
import { defaultScope } from "../users/default-scope";
import { FieldMap } from "../users/field-map";
import { emailGiven, findByIdOrEmail } from "../users/id-or-email";
import type { UserAdapter, Values } from "../users/user-resource";
import type { ScaiKeyClient } from "./client";
import { defaultScaiKeyTenant, scaikeyClient, scaikeyCredentials } from "./configured-client";
import type { ActionResult, UserResponse, UserStatusValue, UserUpdate } from "./schemas";

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

/** The values' names of the user's fields, and the API's (custom attributes apart). */
export const FIELDS = new FieldMap({
  email: "email",
  username: "username",
  firstName: "first_name",
  lastName: "last_name",
  displayName: "display_name",
  phone: "phone",
  locale: "locale",
  timezone: "timezone",
  ouId: "ou_id",
} as const satisfies Record<string, keyof UserUpdate>);
/** Each custom attribute is a value of its own: `customAttributes.<name>`. */
export const CUSTOM = "customAttributes.";

export function describeScaiKeyUser(target: ScaiKeyUserTarget): string {
  return `ScaiKey user ${target.userId}${target.email ? ` (${target.email})` : ""} of tenant ${target.tenantId}`;
}

/** Fills in the tenant a resource leaves out, from `identity:scaikeyTenant` (else `SCAIKEY_TENANT`). */
export const withDefaultTenant = defaultScope({
  field: "tenantId",
  setting: "scaikeyTenant",
  read: defaultScaiKeyTenant,
  requireCredentials: scaikeyCredentials,
});

/**
 * The user with this id (`usr_...`) or email address, or undefined when there is none (ScaiKey
 * answers 404 for soft-deleted users too).
 */
export const findScaiKeyUser = (api: ScaiKeyUserApi, idOrEmail: string) =>
  findByIdOrEmail<UserResponse>(api, idOrEmail);

/** Every value this package manages of a ScaiKey user, each custom attribute on its own. */
function valuesOf(user: UserResponse): Values {
  const values = FIELDS.valuesOf(user);
  for (const [key, value] of Object.entries(user.custom_attributes ?? {})) {
    values[`${CUSTOM}${key}`] = value ?? null;
  }
  values.status = user.status;
  return values;
}

/** The PATCH body: the changed fields, and the whole custom attributes object if one changed. */
function patchOf(changes: Values, current: Values): UserUpdate {
  const body: Record<string, unknown> = {};
  let customChanged = false;
  for (const [key, value] of Object.entries(changes)) {
    if (key.startsWith(CUSTOM)) customChanged = true;
    else Object.assign(body, FIELDS.toApi({ [key]: value }));
  }
  if (customChanged) {
    // The API replaces custom_attributes as a whole: the ones not managed here are sent back as they are.
    const merged = Object.entries({ ...current, ...changes }).filter(
      ([key, value]) => key.startsWith(CUSTOM) && value !== null,
    );
    body.custom_attributes =
      merged.length > 0
        ? Object.fromEntries(merged.map(([key, value]) => [key.slice(CUSTOM.length), value]))
        : null;
  }
  return body as UserUpdate;
}

/** The status an action's answer shows, when it shows one (the API documents "any"). */
function statusIn(result: ActionResult): Values | undefined {
  return result && typeof result.status === "string" ? { status: result.status } : undefined;
}

const isRefusal = (err: unknown) =>
  isApiError(err) && (err.status === 400 || err.status === 409 || err.status === 422);

/** ScaiKey tenant users, reached by tenant and id (an email is resolved once, at creation). */
export function scaikeyUserAdapter(
  clients: ScaiKeyUserClients = defaultScaiKeyUserClients,
): UserAdapter<ScaiKeyUserTarget> {
  return {
    api: "scaikey",
    userFields: ["user", "tenantId"],
    withDefaults: withDefaultTenant,
    sameUser: (olds, news) =>
      olds.tenantId === news.tenantId && (news.user === olds.user || news.user === olds.userId),
    async locate(inputs) {
      const tenantId = inputs.tenantId as string;
      const ref = inputs.user as string;
      const user = await findScaiKeyUser(clients(tenantId), ref);
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
        current: valuesOf(user),
      };
    },
    targetOf(id, outputs: PropertyMap) {
      const fromId = splitId(id);
      const tenantId = typeof outputs.tenantId === "string" ? outputs.tenantId : fromId?.scope;
      const userId = typeof outputs.userId === "string" ? outputs.userId : fromId?.name;
      if (!tenantId || !userId) return undefined;
      return { tenantId, userId, ...emailGiven(outputs.user) };
    },
    outputsOf: (target) => ({ userId: target.userId }),
    async fetch(target) {
      const user = await findScaiKeyUser(clients(target.tenantId), target.userId);
      return user && valuesOf(user);
    },
    async apply({ target, changes, current, inputs }) {
      const api = clients(target.tenantId);
      if (!("status" in changes)) {
        return valuesOf(await api.updateUser(target.userId, patchOf(changes, current)));
      }
      const status = changes.status as UserStatusValue;
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
    describe: describeScaiKeyUser,
  };
}
