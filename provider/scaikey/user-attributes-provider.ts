import type * as pulumi from "@pulumi/pulumi";
import type { Inputs } from "../resource";
import { requireDeclared } from "../users/args";
import { userResourceProvider, type Values } from "../users/user-resource";
import type { UserResponse, UserUpdate } from "./schemas";
import { FIELDS, type FieldName, ScaiKeyUserAttributesArgs } from "./user-attributes-inputs";
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

const RESOURCE = "scaikey.UserAttributes";
const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];
// Each custom attribute is a value of its own: `customAttributes.<name>`.
const CUSTOM = "customAttributes.";

function declared(args: Inputs): Values {
  const values: Values = Object.fromEntries(
    FIELD_NAMES.filter((name) => args[name] !== undefined).map((name) => [name, args[name]]),
  );
  const custom = (args.customAttributes ?? {}) as Values;
  for (const [key, value] of Object.entries(custom)) values[`${CUSTOM}${key}`] = value ?? null;
  return values;
}

function nest(values: Values): Inputs {
  const fields = Object.entries(values).filter(([key]) => !key.startsWith(CUSTOM));
  const custom = Object.entries(values).filter(([key]) => key.startsWith(CUSTOM));
  return {
    ...Object.fromEntries(fields),
    ...(custom.length > 0
      ? {
          customAttributes: Object.fromEntries(
            custom.map(([key, v]) => [key.slice(CUSTOM.length), v]),
          ),
        }
      : {}),
  };
}

/** The user's values as the arguments name them, each custom attribute on its own. */
function valuesOf(user: UserResponse): Values {
  const values: Values = Object.fromEntries(
    FIELD_NAMES.map((name) => [name, user[FIELDS[name]] ?? null]),
  );
  for (const [key, value] of Object.entries(user.custom_attributes ?? {})) {
    values[`${CUSTOM}${key}`] = value ?? null;
  }
  return values;
}

/** The PATCH body: the changed fields, and the whole custom attributes object if one changed. */
function patchOf(changes: Values, current: Values): UserUpdate {
  const body: Record<string, unknown> = {};
  let customChanged = false;
  for (const [key, value] of Object.entries(changes)) {
    if (key.startsWith(CUSTOM)) customChanged = true;
    else body[FIELDS[key as FieldName]] = value;
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

/** The provider of `scaikey.UserAttributes`; `clients` is injectable for tests. */
export function userAttributesProvider(
  clients: ScaiKeyUserClients = defaultScaiKeyUserClients,
): pulumi.dynamic.ResourceProvider {
  return userResourceProvider({
    resource: RESOURCE,
    api: "scaikey",
    args: ScaiKeyUserAttributesArgs,
    refine: (outcome) =>
      requireDeclared(
        withDefaultTenant(outcome),
        (inputs) => Object.keys(declared(inputs)).length,
        [...FIELD_NAMES, "customAttributes"],
        RESOURCE,
      ),
    userFields: ["user", "tenantId"],
    sameUser: sameScaiKeyUser,
    declared,
    nest,
    async locate(inputs) {
      const { id, target, user } = await locateScaiKeyUser(clients, inputs);
      return { id, target, current: valuesOf(user) };
    },
    targetOf: scaikeyUserTargetOf,
    outputsOf: scaikeyUserOutputs,
    async fetch(target) {
      const user = await findScaiKeyUser(clients(target.tenantId), target.userId);
      return user && valuesOf(user);
    },
    async apply({ target, changes, current }) {
      const user = await clients(target.tenantId).updateUser(
        target.userId,
        patchOf(changes, current),
      );
      return valuesOf(user);
    },
    // The API keeps the email, locale and time zone when sent null: they cannot be cleared.
    unrestorable: (key, value) =>
      value === null && (key === "email" || key === "locale" || key === "timezone")
        ? `ScaiKey cannot clear ${key}`
        : undefined,
    describe: describeScaiKeyUser,
  });
}

export const scaikeyUserAttributesProvider = userAttributesProvider();
