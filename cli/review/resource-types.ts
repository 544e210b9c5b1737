// The package's resource types as the engine names them (`pulumi-nodejs:dynamic/<module>:<Type>`).

export const GROUP = "asa.Group";
export const MEMBERSHIP = "asa.GroupMembership";

/** The user resources, by the name programs use, with what names their user and what they manage. */
export const USER_RESOURCES = {
  "asa.UserAttributes": { api: "ASA", user: "username", scope: "team", values: ["details"] },
  "asa.UserStatus": { api: "ASA", user: "username", scope: "team", values: ["status"] },
  "secureframe.UserAttributes": {
    api: "Secureframe",
    user: "user",
    values: ["employeeType", "startDate", "endDate", "inAuditScope"],
  },
  "secureframe.UserStatus": { api: "Secureframe", user: "user", values: ["active"] },
  "scaikey.UserAttributes": {
    api: "ScaiKey",
    user: "user",
    scope: "tenantId",
    values: [
      "email",
      "username",
      "firstName",
      "lastName",
      "displayName",
      "phone",
      "locale",
      "timezone",
      "ouId",
      "customAttributes",
    ],
  },
  "scaikey.UserStatus": {
    api: "ScaiKey",
    user: "user",
    scope: "tenantId",
    values: ["status", "reason"],
  },
} as const satisfies Record<
  string,
  { api: string; user: string; scope?: string; values: readonly string[] }
>;

export type UserResourceName = keyof typeof USER_RESOURCES;

const PREFIX = "pulumi-nodejs:dynamic/";

/** `pulumi-nodejs:dynamic/asa:Group` → `asa.Group`; undefined for types not of this package. */
export function resourceName(type: string): string | undefined {
  if (!type.startsWith(PREFIX)) return undefined;
  const [module, name] = type.slice(PREFIX.length).split(":");
  return module && name ? `${module}.${name}` : undefined;
}

export function isUserResource(name: string | undefined): name is UserResourceName {
  return name !== undefined && Object.hasOwn(USER_RESOURCES, name);
}
