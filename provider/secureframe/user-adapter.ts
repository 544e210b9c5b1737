import { type CheckOutcome, isKnownString, type PropertyMap, withFailure } from "../resource";
import { sameUserRef } from "../users/args";
import { FieldMap } from "../users/field-map";
import { emailGiven, findByIdOrEmail } from "../users/id-or-email";
import type { UserAdapter, Values } from "../users/user-resource";
import type { SecureframeClient } from "./client";
import { secureframeClient, secureframeCredentials } from "./configured-client";
import type { User, UserUpdate } from "./schemas";

export type SecureframeUserApi = Pick<
  SecureframeClient,
  "getUser" | "updateUser" | "findUserByEmail"
>;

/** A client for an account (undefined: the single API key); injectable for tests. */
export type SecureframeUserClients = (account?: string) => SecureframeUserApi;
export const defaultSecureframeUserClients: SecureframeUserClients = (account) =>
  secureframeClient(undefined, account);

/** The resource ID is the user's Secureframe id. */
export interface SecureframeUserTarget {
  userId: string;
  email?: string;
  /** The account (a named key pair) the user is reached with. */
  account?: string;
}

/** A failure on `account` when no API key serves it: at preview, not at the first call. */
function withAccountKey(outcome: CheckOutcome): CheckOutcome {
  const { account } = outcome.inputs;
  if (account !== undefined && !isKnownString(account)) return outcome;
  if (outcome.failures.some((failure) => failure.property === "account")) return outcome;
  try {
    secureframeCredentials(undefined, account);
    return outcome;
  } catch (err) {
    return withFailure(outcome, account === undefined ? "" : "account", (err as Error).message);
  }
}

const accountOf = (values: PropertyMap) =>
  typeof values.account === "string" ? { account: values.account } : {};

/** The values' names of the user's fields, and the API's. */
export const USER_FIELDS = new FieldMap({
  employeeType: "employee_type",
  startDate: "start_date",
  endDate: "end_date",
  inAuditScope: "in_audit_scope",
  active: "active",
} as const satisfies Record<string, keyof User>);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isSecureframeId = (value: string) => UUID.test(value);

/** ISO 8601 instants in one spelling (`1928-01-02T00:00:00.000Z`), so equal dates compare equal. */
export function normalizeDate(value: string | null | undefined): string | null {
  if (!value) return null;
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
  const account = target.account ? ` of account "${target.account}"` : "";
  return `Secureframe user ${target.userId}${target.email ? ` (${target.email})` : ""}${account}`;
}

/** The user with this id or email address, or undefined when there is none. */
export const findSecureframeUser = (api: SecureframeUserApi, idOrEmail: string) =>
  findByIdOrEmail<User>(api, idOrEmail);

/** Secureframe users, reached by id (an email is resolved once, at creation): `PUT /users/{id}`. */
export function secureframeUserAdapter(
  clients: SecureframeUserClients = defaultSecureframeUserClients,
): UserAdapter<SecureframeUserTarget> {
  return {
    api: "secureframe",
    // A key pair reaches one company: another account is another user.
    userFields: ["user", "account"],
    withDefaults: withAccountKey,
    sameUser: (olds, news) => sameUserRef(olds, news) && olds.account === news.account,
    async locate(inputs) {
      const ref = inputs.user as string;
      const account = accountOf(inputs);
      const user = await findSecureframeUser(clients(account.account), ref);
      if (!user) {
        throw new Error(
          ref.includes("@")
            ? `No Secureframe user has the email "${ref}"; check the address (Secureframe lists people under Personnel), or give the user's id.`
            : `Secureframe has no user with the id "${ref}"; check it, or give the user's email address.`,
        );
      }
      return {
        id: user.id,
        target: { userId: user.id, email: user.email, ...account },
        current: valuesOf(user),
      };
    },
    targetOf(id, outputs: PropertyMap) {
      const userId = typeof outputs.userId === "string" ? outputs.userId : id;
      if (!userId) return undefined;
      return { userId, ...emailGiven(outputs.user), ...accountOf(outputs) };
    },
    outputsOf: (target) => ({ userId: target.userId }),
    async fetch(target) {
      const user = await findSecureframeUser(clients(target.account), target.userId);
      return user && valuesOf(user);
    },
    async apply({ target, changes }) {
      const update = USER_FIELDS.toApi(changes) as UserUpdate;
      // The answer is the user after the update: the change is checked to have been made.
      return valuesOf(await clients(target.account).updateUser(target.userId, update));
    },
    describe: describeSecureframeUser,
  };
}

/** The values of `fields` the arguments declare. */
export function declaredFields(fields: readonly (typeof USER_FIELDS.names)[number][]) {
  return (args: PropertyMap): Values =>
    Object.fromEntries(fields.filter((name) => name in args).map((name) => [name, args[name]]));
}
