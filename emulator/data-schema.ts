import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";

// The organisation an emulator serves. Stored objects use the APIs' own field names, so a data
// file reads like the APIs' answers; fields that the APIs do not show (group members, tokens,
// soft-delete marks) sit beside them.

const now = () => new Date().toISOString();
const timestamp = z.iso.datetime({ offset: true });
const prefixedId = (prefix: string) =>
  z
    .string()
    .regex(new RegExp(`^${prefix}_[A-Za-z0-9]+$`), `must look like ${prefix}_<letters or digits>`)
    .default(() => `${prefix}_${randomBytes(12).toString("hex")}`);

// ---- Okta Advanced Server Access ----

export const asaRoleSchema = z.enum([
  "access_user",
  "access_admin",
  "reporting_user",
  "server_admin",
]);
export const asaUserStatusSchema = z.enum(["ACTIVE", "DISABLED", "DELETED"]);
/**
 * The Go zero time: what the seed's examples show as a live group's `deleted_at`. The emulator
 * stores a live group's `deleted_at` as null and serves null by default (Okta's own clients take
 * any non-null value for a soft delete); setting `asa.liveGroupDeletedAt: "zero-time"` serves this.
 */
export const asaLiveGroupDeletedAt = "0001-01-01T00:00:00Z";

export const asaUserDetailsSchema = z.strictObject({
  email: z.string().nullable().default(null),
  first_name: z.string().nullable().default(null),
  full_name: z.string().nullable().default(null),
  last_name: z.string().nullable().default(null),
});

export const asaUserSchema = z.strictObject({
  deleted_at: timestamp.nullable().default(null),
  details: asaUserDetailsSchema.nullable().default(null),
  id: z.guid().default(() => randomUUID()),
  name: z.string().min(1),
  oauth_client_application_id: z.string().nullable().default(null),
  role_grants: z.array(z.string()).nullable().default(null),
  status: asaUserStatusSchema.default("ACTIVE"),
  user_type: z.enum(["human", "service"]).default("human"),
});

export const asaGroupSchema = z.strictObject({
  /** null on a live group; the zero time (a data file written before, or a control edit) too. */
  deleted_at: z.preprocess(
    (value) => (value === asaLiveGroupDeletedAt ? null : value),
    timestamp.nullable().default(null),
  ),
  federated_from_team: z.string().nullable().default(null),
  federation_approved_at: timestamp.nullable().default(null),
  id: z.guid().default(() => randomUUID()),
  name: z.string().min(1),
  roles: z.array(asaRoleSchema).default([]),
  /** User names; not part of the API's Group model. */
  members: z.array(z.string()).default([]),
});

export const asaServiceKeySchema = z.strictObject({
  key_id: z.string().min(1),
  key_secret: z.string().min(1),
  /** Name of the service user the key belongs to. */
  service_user: z.string().min(1),
});

export const asaTeamSchema = z
  .strictObject({
    name: z.string().min(1),
    service_keys: z.array(asaServiceKeySchema).min(1),
    users: z.array(asaUserSchema).default([]),
    groups: z.array(asaGroupSchema).default([]),
  })
  .superRefine((team, ctx) => {
    const names = new Set<string>();
    team.users.forEach((user, i) => {
      if (names.has(user.name))
        ctx.addIssue({
          code: "custom",
          path: ["users", i, "name"],
          message: `duplicate user ${user.name}`,
        });
      names.add(user.name);
    });
    team.service_keys.forEach((key, i) => {
      if (!names.has(key.service_user))
        ctx.addIssue({
          code: "custom",
          path: ["service_keys", i, "service_user"],
          message: `no user named ${key.service_user}`,
        });
    });
    const liveGroups = new Set<string>();
    team.groups.forEach((group, i) => {
      if (group.deleted_at === null) {
        if (liveGroups.has(group.name))
          ctx.addIssue({
            code: "custom",
            path: ["groups", i, "name"],
            message: `duplicate live group ${group.name}`,
          });
        liveGroups.add(group.name);
      }
      group.members.forEach((member, j) => {
        if (!names.has(member))
          ctx.addIssue({
            code: "custom",
            path: ["groups", i, "members", j],
            message: `no user named ${member}`,
          });
      });
    });
  });

// ---- Secureframe ----

export const secureframeEmployeeTypeSchema = z.enum([
  "contractor",
  "employee",
  "non_employee",
  "auditor",
  "external",
  "workspace",
]);
export const secureframePersonnelStatusSchema = z.enum([
  "uncategorized",
  "not_invited",
  "overdue_tasks",
  "incomplete_tasks",
  "all_tasks_completed",
  "offboarded",
  "active_accounts",
  "inactive",
]);

export const secureframeUserSchema = z
  .strictObject({
    id: z.guid().default(() => randomUUID()),
    access_role: z.string().nullable().default("member"),
    active: z.boolean().default(true),
    active_source: z.string().nullable().default(null),
    created_at: timestamp.default(now),
    department_id: z.string().nullable().default(null),
    email: z.string().min(1),
    employee_type: secureframeEmployeeTypeSchema.nullable().default("employee"),
    end_date: timestamp.nullable().default(null),
    first_name: z.string().nullable().default(null),
    image_url: z.string().nullable().default(null),
    in_audit_scope: z.boolean().default(true),
    invited: z.boolean().default(false),
    invited_at: timestamp.nullable().default(null),
    last_name: z.string().nullable().default(null),
    manager_name: z.string().nullable().default(null),
    middle_name: z.string().nullable().default(null),
    name: z.string().nullable().default(null),
    onboarding_status: z.string().nullable().default("not_started"),
    personnel_status: secureframePersonnelStatusSchema.nullable().default("uncategorized"),
    preferred_first_name: z.string().nullable().default(null),
    role: z.string().nullable().default(null),
    secureframe_agent_acknowledged_at: timestamp.nullable().default(null),
    start_date: timestamp.nullable().default(null),
    title: z.string().nullable().default(null),
    updated_at: timestamp.default(now),
  })
  .transform((user) => ({
    ...user,
    name: user.name ?? ([user.first_name, user.last_name].filter(Boolean).join(" ") || null),
  }));

export const secureframeApiKeySchema = z.strictObject({
  key: z.string().regex(/^\S+$/, "must not contain spaces"),
  secret: z.string().regex(/^\S+$/, "must not contain spaces"),
  /** A read-only key answers 403 to updates, as a key of a user without write rights does. */
  read_only: z.boolean().default(false),
});

// ---- ScaiKey ----

export const scaikeyUserStatusSchema = z.enum([
  "ACTIVE",
  "PENDING_EMAIL_VERIFICATION",
  "PENDING_APPROVAL",
  "DISABLED",
  "LOCKED",
]);
export const scaikeyIdentitySourceSchema = z.enum(["LOCAL", "OIDC", "SAML", "SCIM", "LDAP"]);
export const scaikeyScopeSchema = z.enum(["admin:read", "admin:write", "users:read"]);

export const scaikeyTenantSchema = z.strictObject({
  id: prefixedId("tnt"),
  slug: z.string().regex(/^[a-z0-9-]+$/, "must be lower-case letters, digits and dashes"),
  name: z.string().min(1),
  partner_id: z.string().nullable().default(null),
});

export const scaikeyClientSchema = z.strictObject({
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  /** null: a platform application, whose tokens reach every tenant. */
  tenant_id: z.string().nullable(),
  scopes: z.array(scaikeyScopeSchema).default(["admin:read", "admin:write", "users:read"]),
});

export const scaikeyOuSchema = z.strictObject({
  id: prefixedId("ou"),
  tenant_id: z.string(),
  path: z.string().min(1),
});

export const scaikeyGroupSchema = z.strictObject({
  id: prefixedId("grp"),
  tenant_id: z.string(),
  name: z.string().min(1),
  group_type: z.enum(["SECURITY", "DISTRIBUTION_LIST"]).default("SECURITY"),
});

export const scaikeyUserSchema = z.strictObject({
  id: prefixedId("usr"),
  tenant_id: z.string(),
  email: z.email(),
  username: z.string().nullable().default(null),
  first_name: z.string().nullable().default(null),
  last_name: z.string().nullable().default(null),
  display_name: z.string().nullable().default(null),
  phone: z.string().nullable().default(null),
  locale: z.string().default("en"),
  timezone: z.string().default("UTC"),
  email_verified: z.boolean().default(false),
  avatar_url: z.string().nullable().default(null),
  ou_id: z.string().nullable().default(null),
  status: scaikeyUserStatusSchema.default("ACTIVE"),
  identity_source: scaikeyIdentitySourceSchema.default("LOCAL"),
  mfa_enabled: z.boolean().default(false),
  group_ids: z.array(z.string()).default([]),
  custom_attributes: z.record(z.string(), z.unknown()).nullable().default(null),
  created_at: timestamp.default(now),
  updated_at: timestamp.nullable().default(null),
  last_login_at: timestamp.nullable().default(null),
  password_changed_at: timestamp.nullable().default(null),
  failed_login_attempts: z.number().int().min(0).default(0),
  /** Links to external identity providers; the identity-source mismatch check reads them. */
  federated_identities: z
    .array(
      z.strictObject({
        idp_id: z.string(),
        idp_type: scaikeyIdentitySourceSchema.exclude(["LOCAL"]),
      }),
    )
    .default([]),
  /** Set by a soft delete; such users answer 404. */
  deleted_at: timestamp.nullable().default(null),
});

// ---- the whole organisation ----

export const emulatorDataSchema = z
  .strictObject({
    asa: z.strictObject({ teams: z.array(asaTeamSchema).min(1) }),
    secureframe: z.strictObject({
      api_keys: z.array(secureframeApiKeySchema).min(1),
      users: z.array(secureframeUserSchema).default([]),
    }),
    scaikey: z.strictObject({
      tenants: z.array(scaikeyTenantSchema).min(1),
      clients: z.array(scaikeyClientSchema).min(1),
      ous: z.array(scaikeyOuSchema).default([]),
      groups: z.array(scaikeyGroupSchema).default([]),
      users: z.array(scaikeyUserSchema).default([]),
    }),
  })
  .superRefine((data, ctx) => {
    const sk = data.scaikey;
    const tenants = new Set(sk.tenants.map((t) => t.id));
    const check = (ok: boolean, path: (string | number)[], message: string) => {
      if (!ok) ctx.addIssue({ code: "custom", path: ["scaikey", ...path], message });
    };
    sk.clients.forEach((c, i) => {
      check(
        c.tenant_id === null || tenants.has(c.tenant_id),
        ["clients", i, "tenant_id"],
        `no tenant ${c.tenant_id}`,
      );
    });
    for (const [kind, list] of [
      ["ous", sk.ous],
      ["groups", sk.groups],
      ["users", sk.users],
    ] as const) {
      list.forEach((item, i) => {
        check(tenants.has(item.tenant_id), [kind, i, "tenant_id"], `no tenant ${item.tenant_id}`);
      });
    }
    const groupTenant = new Map(sk.groups.map((g) => [g.id, g.tenant_id]));
    const ouTenant = new Map(sk.ous.map((o) => [o.id, o.tenant_id]));
    const emails = new Set<string>();
    sk.users.forEach((user, i) => {
      user.group_ids.forEach((id, j) => {
        check(
          groupTenant.get(id) === user.tenant_id,
          ["users", i, "group_ids", j],
          `no group ${id} in tenant ${user.tenant_id}`,
        );
      });
      if (user.ou_id !== null)
        check(
          ouTenant.get(user.ou_id) === user.tenant_id,
          ["users", i, "ou_id"],
          `no OU ${user.ou_id} in tenant ${user.tenant_id}`,
        );
      const key = `${user.tenant_id} ${user.email.toLowerCase()}`;
      if (user.deleted_at === null) {
        check(!emails.has(key), ["users", i, "email"], `duplicate email ${user.email}`);
        emails.add(key);
      }
    });
  });

export type EmulatorData = z.output<typeof emulatorDataSchema>;
/** What a data file may hold: every field with a default may be left out. */
export type EmulatorDataInput = z.input<typeof emulatorDataSchema>;
export type AsaTeam = EmulatorData["asa"]["teams"][number];
export type AsaUser = z.output<typeof asaUserSchema>;
export type AsaGroup = z.output<typeof asaGroupSchema>;
export type SecureframeUser = z.output<typeof secureframeUserSchema>;
export type ScaikeyData = EmulatorData["scaikey"];
export type ScaikeyUser = z.output<typeof scaikeyUserSchema>;
export type ScaikeyUserStatus = z.output<typeof scaikeyUserStatusSchema>;

/** Formats zod issues as `path: message` lines, so a bad data file names the bad field. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path
        .map((part, i) =>
          typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`,
        )
        .join("");
      return `${path || "(root)"}: ${issue.message}`;
    })
    .join("\n");
}

export class EmulatorDataError extends Error {
  override name = "EmulatorDataError";
}

export function parseEmulatorData(input: unknown, source = "emulator data"): EmulatorData {
  const result = emulatorDataSchema.safeParse(input);
  if (!result.success)
    throw new EmulatorDataError(`Invalid ${source}:\n${describeIssues(result.error)}`);
  return result.data;
}
