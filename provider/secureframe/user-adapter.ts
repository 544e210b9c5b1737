import { unlessNotFound } from "../errors";
import type { Inputs } from "../resource";
import { sameUserRef } from "../users/args";
import type { UserAdapter, Values } from "../users/user-resource";
import type { SecureframeClient } from "./client";
import type { User, UserUpdate } from "./schemas";
import { secureframeClient } from "./settings";

export type SecureframeUserApi = Pick<
  SecureframeClient,
  "getUser" | "updateUser" | "findUserByEmail"
>;

/** A client; injectable for tests. */
export type SecureframeUserClients = () => SecureframeUserApi;
export const defaultSecureframeUserClients: SecureframeUserClients = () => secureframeClient();

/** The resource ID is the user's Secureframe id. */
export interface SecureframeUserTarget {
  userId: string;
  email?: string;
}

/** The values' names of the user's fields, and the API's. */
export const USER_FIELDS = {
  employeeType: "employee_type",
  startDate: "start_date",
  endDate: "end_date",
  inAuditScope: "in_audit_scope",
  active: "active",
} as const satisfies Record<string, keyof User>;

export type UserFieldName = keyof typeof USER_FIELDS;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isSecureframeId = (value: string) => UUID.test(value);

/** ISO 8601 instants in one spelling (`1928-01-02T00:00:00.000Z`), so equal dates compare equal. */
export function normalizeDate(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

/** The user's values as the arguments name them. */
export function valuesOf(user: User): Values {
  return {
    employeeType: user.employee_type ?? null,
    startDate: normalizeDate(user.start_date),
    endDate: normalizeDate(user.end_date),
    inAuditScope: user.in_audit_scope ?? null,
    active: user.active ?? null,
  };
}

export function describeSecureframeUser(target: SecureframeUserTarget): string {
  return `Secureframe user ${target.userId}${target.email ? ` (${target.email})` : ""}`;
}

/** The user with this id or email address, or undefined when there is none. */
export async function findSecureframeUser(
  api: SecureframeUserApi,
  idOrEmail: string,
): Promise<User | undefined> {
  return idOrEmail.includes("@")
    ? api.findUserByEmail(idOrEmail)
    : unlessNotFound(api.getUser(idOrEmail));
}

/** Secureframe users, reached by id (an email is resolved once, at creation): `PUT /users/{id}`. */
export function secureframeUserAdapter(
  clients: SecureframeUserClients = defaultSecureframeUserClients,
): UserAdapter<SecureframeUserTarget> {
  return {
    api: "secureframe",
    userFields: ["user"],
    sameUser: sameUserRef,
    async locate(inputs) {
      const ref = inputs.user as string;
      const user = await findSecureframeUser(clients(), ref);
      if (!user) {
        throw new Error(
          ref.includes("@")
            ? `No Secureframe user has the email "${ref}"; check the address (Secureframe lists people under Personnel), or give the user's id.`
            : `Secureframe has no user with the id "${ref}"; check it, or give the user's email address.`,
        );
      }
      return {
        id: user.id,
        target: { userId: user.id, email: user.email },
        current: valuesOf(user),
      };
    },
    targetOf(id, outputs: Inputs) {
      const userId = typeof outputs.userId === "string" ? outputs.userId : id;
      if (!userId) return undefined;
      const user = typeof outputs.user === "string" ? outputs.user : undefined;
      return { userId, ...(user?.includes("@") ? { email: user } : {}) };
    },
    outputsOf: (target) => ({ userId: target.userId }),
    async fetch(target) {
      const user = await findSecureframeUser(clients(), target.userId);
      return user && valuesOf(user);
    },
    async apply({ target, changes }) {
      const update = Object.fromEntries(
        Object.entries(changes).map(([name, value]) => [USER_FIELDS[name as UserFieldName], value]),
      ) as UserUpdate;
      // The answer is the user after the update: the change is checked to have been made.
      return valuesOf(await clients().updateUser(target.userId, update));
    },
    describe: describeSecureframeUser,
  };
}

/** The values of `fields` the arguments declare. */
export function declaredFields(fields: readonly UserFieldName[]) {
  return (args: Inputs): Values =>
    Object.fromEntries(fields.filter((name) => name in args).map((name) => [name, args[name]]));
}
