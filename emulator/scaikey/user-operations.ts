import { z } from "zod";
import {
  type ScaikeyData,
  type ScaikeyUser,
  type ScaikeyUserStatus,
  scaikeyUserSchema,
  scaikeyUserStatusSchema,
} from "../data-schema";
import { ErrorAnswer } from "../error-answer";
import type { ScaikeyToken } from "./auth";
import { canSee } from "./auth";

const nullableString = z.string().nullable().optional();

export const userCreateBody = z.object({
  email: z.email(),
  username: nullableString,
  first_name: nullableString,
  last_name: nullableString,
  display_name: nullableString,
  phone: nullableString,
  locale: z.string().default("en"),
  timezone: z.string().default("UTC"),
  password: z.string().min(8).nullable().optional(),
  ou_id: nullableString,
  group_ids: z.array(z.string()).default([]),
  custom_attributes: z.record(z.string(), z.unknown()).nullable().optional(),
  require_password_change: z.boolean().default(false),
  send_welcome_email: z.boolean().default(true),
});

export const userUpdateBody = z.object({
  email: z.email().nullable().optional(),
  username: nullableString,
  first_name: nullableString,
  last_name: nullableString,
  display_name: nullableString,
  phone: nullableString,
  locale: nullableString,
  timezone: nullableString,
  ou_id: nullableString,
  custom_attributes: z.record(z.string(), z.unknown()).nullable().optional(),
});

export const userStatusBody = z.object({
  status: scaikeyUserStatusSchema,
  reason: z.string().nullable().optional(),
  terminate_sessions: z.boolean().default(false),
});

const now = () => new Date().toISOString();

/** A live user the token may see (and, for the tenant form, of that tenant); else 404. */
export function findUser(
  data: ScaikeyData,
  token: ScaikeyToken,
  userId: string,
  tenantId?: string,
): ScaikeyUser {
  const user = data.users.find((u) => u.id === userId);
  if (
    !user ||
    user.deleted_at !== null ||
    !canSee(token, user.tenant_id) ||
    (tenantId !== undefined && user.tenant_id !== tenantId)
  )
    throw new ErrorAnswer(404, "User not found");
  return user;
}

function checkUnique(
  data: ScaikeyData,
  tenantId: string,
  self: string | null,
  email?: string | null,
  username?: string | null,
) {
  for (const other of data.users) {
    if (other.id === self || other.tenant_id !== tenantId || other.deleted_at !== null) continue;
    if (email && other.email.toLowerCase() === email.toLowerCase())
      throw new ErrorAnswer(409, "A user with this email already exists");
    if (username && other.username === username)
      throw new ErrorAnswer(409, "A user with this username already exists");
  }
}

function checkOu(data: ScaikeyData, tenantId: string, ouId: string | null | undefined) {
  if (ouId && !data.ous.some((ou) => ou.id === ouId && ou.tenant_id === tenantId))
    throw new ErrorAnswer(400, `Organizational unit ${ouId} not found`);
}

export function createUser(
  data: ScaikeyData,
  tenantId: string,
  body: z.output<typeof userCreateBody>,
): ScaikeyUser {
  checkUnique(data, tenantId, null, body.email, body.username);
  checkOu(data, tenantId, body.ou_id);
  for (const id of body.group_ids)
    if (!data.groups.some((g) => g.id === id && g.tenant_id === tenantId))
      throw new ErrorAnswer(400, `Group ${id} not found`);
  const created = now();
  const user = scaikeyUserSchema.parse({
    tenant_id: tenantId,
    email: body.email,
    username: body.username ?? null,
    first_name: body.first_name ?? null,
    last_name: body.last_name ?? null,
    display_name:
      body.display_name ?? ([body.first_name, body.last_name].filter(Boolean).join(" ") || null),
    phone: body.phone ?? null,
    locale: body.locale,
    timezone: body.timezone,
    ou_id: body.ou_id ?? null,
    group_ids: [...new Set(body.group_ids)],
    custom_attributes: body.custom_attributes ?? null,
    // With a password the account is usable at once; without, the welcome email asks the user
    // to verify the address and choose one.
    status: body.password ? "ACTIVE" : "PENDING_EMAIL_VERIFICATION",
    password_changed_at: body.password ? created : null,
    created_at: created,
  });
  data.users.push(user);
  return user;
}

export function updateUser(
  data: ScaikeyData,
  user: ScaikeyUser,
  body: z.output<typeof userUpdateBody>,
): void {
  checkUnique(data, user.tenant_id, user.id, body.email, body.username);
  checkOu(data, user.tenant_id, body.ou_id);
  const { email, locale, timezone, ...nullable } = body;
  // Fields that cannot be null keep their value when sent as null.
  const required = Object.fromEntries(
    Object.entries({ email, locale, timezone }).filter(([, v]) => v !== null && v !== undefined),
  );
  const cleared = Object.fromEntries(Object.entries(nullable).filter(([, v]) => v !== undefined));
  // A new address has not been verified yet.
  if (email && email.toLowerCase() !== user.email.toLowerCase()) user.email_verified = false;
  Object.assign(user, cleared, required, { updated_at: now() });
}

// Which status an administrator may move a user to from each status. PENDING_* are reached
// only through sign-up flows, never set by hand.
const allowedTransitions: Record<ScaikeyUserStatus, ScaikeyUserStatus[]> = {
  ACTIVE: ["DISABLED", "LOCKED"],
  DISABLED: ["ACTIVE"],
  LOCKED: ["ACTIVE", "DISABLED"],
  PENDING_EMAIL_VERIFICATION: ["ACTIVE", "DISABLED"],
  PENDING_APPROVAL: ["ACTIVE", "DISABLED"],
};

export function setStatus(user: ScaikeyUser, body: z.output<typeof userStatusBody>): void {
  const target = body.status;
  if (target === user.status) return;
  if (target.startsWith("PENDING_"))
    throw new ErrorAnswer(400, `Status ${target} is set by the system and cannot be set by hand`);
  if (!allowedTransitions[user.status].includes(target))
    throw new ErrorAnswer(400, `Cannot change status from ${user.status} to ${target}`);
  if (user.status === "LOCKED") user.failed_login_attempts = 0;
  user.status = target;
  user.updated_at = now();
}

export function unlockUser(user: ScaikeyUser): void {
  if (user.status !== "LOCKED") throw new ErrorAnswer(400, "User is not locked");
  user.status = "ACTIVE";
  user.failed_login_attempts = 0;
  user.updated_at = now();
}

export function disableMfa(user: ScaikeyUser): void {
  user.mfa_enabled = false;
  user.updated_at = now();
}

export function passwordChanged(user: ScaikeyUser): void {
  user.password_changed_at = now();
  user.updated_at = user.password_changed_at;
}

export function softDelete(user: ScaikeyUser): void {
  user.deleted_at = now();
}

/** Users whose identity_source disagrees with the type of their federated identity. */
export function identitySourceMismatches(users: ScaikeyUser[], fix: boolean) {
  const mismatches = users.flatMap((user) => {
    const expected = user.federated_identities[0]?.idp_type;
    if (user.deleted_at !== null || !expected || expected === user.identity_source) return [];
    const found = {
      user_id: user.id,
      tenant_id: user.tenant_id,
      email: user.email,
      identity_source: user.identity_source,
      expected_identity_source: expected,
      fixed: fix,
    };
    if (fix) {
      user.identity_source = expected;
      user.updated_at = now();
    }
    return [found];
  });
  return { mismatches, total: mismatches.length, fixed: fix ? mismatches.length : 0 };
}
