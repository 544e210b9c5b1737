import { z } from "zod";

// ScaiKey (ScaiLabs identity service), a FastAPI service. Names follow its OpenAPI schemas.

export const UserStatusValue = z.enum([
  "ACTIVE",
  "PENDING_EMAIL_VERIFICATION",
  "PENDING_APPROVAL",
  "DISABLED",
  "LOCKED",
]);
export type UserStatusValue = z.infer<typeof UserStatusValue>;

export const IdentitySource = z.enum(["LOCAL", "OIDC", "SAML", "SCIM", "LDAP"]);
export type IdentitySource = z.infer<typeof IdentitySource>;

export const MetaResponse = z.object({
  request_id: z.string().nullish(),
  timestamp: z.string().optional(),
});
export type MetaResponse = z.infer<typeof MetaResponse>;

export const PaginationMeta = z.object({
  page: z.number().int(),
  per_page: z.number().int(),
  total_items: z.number().int(),
  total_pages: z.number().int(),
});
export type PaginationMeta = z.infer<typeof PaginationMeta>;

export const UserGroupMembership = z.object({
  group_id: z.string(),
  name: z.string(),
  membership_type: z.string().default("DIRECT"),
});
export type UserGroupMembership = z.infer<typeof UserGroupMembership>;

const customAttributes = z.record(z.string(), z.unknown()).nullish();

// The profile fields UserResponse and UserCreate share, with the same defaults.
// Stryker disable next-line ObjectLiteral: without them the module fails to load (pick of keys that are gone), which Stryker's vitest runner counts as passing
const profile = {
  username: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  display_name: z.string().nullish(),
  phone: z.string().nullish(),
  locale: z.string().default("en"),
  timezone: z.string().default("UTC"),
};

// Stryker disable next-line ObjectLiteral: the module would fail to load, as above
export const UserResponse = z.object({
  email: z.string(),
  ...profile,
  id: z.string(),
  email_verified: z.boolean().default(false),
  avatar_url: z.string().nullish(),
  ou_id: z.string().nullish(),
  ou_path: z.string().nullish(),
  status: UserStatusValue,
  identity_source: IdentitySource,
  mfa_enabled: z.boolean().default(false),
  groups: z.array(UserGroupMembership).default([]),
  custom_attributes: customAttributes,
  created_at: z.string(),
  updated_at: z.string().nullish(),
  last_login_at: z.string().nullish(),
  password_changed_at: z.string().nullish(),
});
export type UserResponse = z.infer<typeof UserResponse>;

/** Abbreviated user info for lists. */
export const UserListItem = UserResponse.pick({
  id: true,
  email: true,
  display_name: true,
  status: true,
  ou_path: true,
  identity_source: true,
  mfa_enabled: true,
  last_login_at: true,
});
export type UserListItem = z.infer<typeof UserListItem>;

/** `ApiResponse_<T>_`: `{"data": T, "meta"?: MetaResponse}`. */
export function ApiResponse<T extends z.ZodType>(data: T) {
  return z.object({ data, meta: MetaResponse.optional() });
}

/** `PaginatedResponse_<T>_`: `{"data": [T], "pagination": PaginationMeta, "meta"?: MetaResponse}`. */
export function PaginatedResponse<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    pagination: PaginationMeta,
    meta: MetaResponse.optional(),
  });
}

export const ApiResponseUserResponse = ApiResponse(UserResponse);
export type ApiResponseUserResponse = z.infer<typeof ApiResponseUserResponse>;
export const PaginatedResponseUserListItem = PaginatedResponse(UserListItem);
export type PaginatedResponseUserListItem = z.infer<typeof PaginatedResponseUserListItem>;

export const UserCreate = z.object({
  email: z.email(),
  ...profile,
  password: z.string().nullish(),
  ou_id: z.string().nullish(),
  group_ids: z.array(z.string()).default([]),
  custom_attributes: customAttributes,
  require_password_change: z.boolean().default(false),
  send_welcome_email: z.boolean().default(true),
});
/** What a caller gives (defaults may be left out). */
export type UserCreate = z.input<typeof UserCreate>;

/** PATCH: only the keys present change; null clears a field. */
export const UserUpdate = z.object({
  email: z.email().nullish(),
  username: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  display_name: z.string().nullish(),
  phone: z.string().nullish(),
  locale: z.string().nullish(),
  timezone: z.string().nullish(),
  ou_id: z.string().nullish(),
  custom_attributes: customAttributes,
});
export type UserUpdate = z.infer<typeof UserUpdate>;

export const UserPasswordReset = z.object({
  method: z.string().default("EMAIL"),
  new_password: z.string().nullish(),
  redirect_uri: z.string().nullish(),
});
export type UserPasswordReset = z.input<typeof UserPasswordReset>;

export const UserStatusUpdate = z.object({
  status: UserStatusValue,
  reason: z.string().nullish(),
  terminate_sessions: z.boolean().default(false),
});
export type UserStatusUpdate = z.input<typeof UserStatusUpdate>;

export const ValidationError = z.object({
  loc: z.array(z.union([z.string(), z.number()])),
  msg: z.string(),
  type: z.string(),
});
export type ValidationError = z.infer<typeof ValidationError>;

/** The token endpoints' answer (RFC 6749 §5.1). */
export const TokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().refine((t) => t.toLowerCase() === "bearer", "token_type must be Bearer"),
  expires_in: z.number().positive(),
  scope: z.string().nullish(),
});
export type TokenResponse = z.infer<typeof TokenResponse>;

/** The token endpoints' errors (RFC 6749 §5.2). */
export const OAuthError = z.object({
  error: z.string(),
  error_description: z.string().nullish(),
});
export type OAuthError = z.infer<typeof OAuthError>;

/**
 * The admin endpoints are documented as answering "any". Accepted: the tenant form's envelope
 * (`{"data": user}`) or a bare user.
 */
export const AdminUser = z
  .union([ApiResponse(UserResponse), UserResponse])
  .transform((answer) => ("data" in answer ? answer.data : answer));

/** Admin list: the tenant form's paginated envelope (items as list items or full users). */
export const AdminUserListPage = PaginatedResponse(z.union([UserListItem, UserResponse]));

/** Admin user groups: a list of memberships, bare or in `{"data": [...]}`. */
export const AdminUserGroups = z
  .union([z.object({ data: z.array(UserGroupMembership) }), z.array(UserGroupMembership)])
  .transform((answer) => (Array.isArray(answer) ? answer : answer.data));

/** The admin password reset: the administrator sets the new password directly. */
export const AdminPasswordReset = z.object({ new_password: z.string().min(1) });
export type AdminPasswordReset = z.infer<typeof AdminPasswordReset>;

const anyObject = z.record(z.string(), z.unknown());

/**
 * An action's answer ("any" in the OpenAPI document): its `data` when it comes in the usual
 * envelope, else the object itself; an empty answer is null.
 */
export const ActionResult = z
  .union([
    z.object({ data: anyObject, meta: MetaResponse.optional() }),
    anyObject,
    z.undefined(),
    z.null(),
  ])
  .transform((answer): Record<string, unknown> | null => {
    if (answer == null) return null;
    return isObject(answer.data) ? answer.data : answer;
  });
export type ActionResult = z.output<typeof ActionResult>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export const IdentitySourceMismatch = z
  .object({
    user_id: z.string(),
    tenant_id: z.string().nullish(),
    email: z.string().nullish(),
    identity_source: z.string(),
    expected_identity_source: z.string(),
    fixed: z.boolean().optional(),
  })
  .loose();
export type IdentitySourceMismatch = z.infer<typeof IdentitySourceMismatch>;

const MismatchReport = z
  .object({
    mismatches: z.array(IdentitySourceMismatch),
    total: z.number().int().optional(),
    fixed: z.number().int().optional(),
  })
  .loose();

/** The mismatch report, bare or in `{"data": ...}`. */
export const IdentitySourceMismatches = z
  .union([z.object({ data: MismatchReport, meta: MetaResponse.optional() }), MismatchReport])
  .transform(
    (answer): z.output<typeof MismatchReport> =>
      "mismatches" in answer ? (answer as z.output<typeof MismatchReport>) : answer.data,
  );
export type IdentitySourceMismatches = z.output<typeof IdentitySourceMismatches>;

/** The tenant list's filters: checked before the call, so a misspelled one is not dropped. */
export const UserFilters = z.strictObject({
  search: z.string().optional(),
  status: UserStatusValue.optional(),
  ou_id: z.string().optional(),
  group_id: z.string().optional(),
  mfa_enabled: z.boolean().optional(),
  sort_by: z.string().optional(),
  sort_order: z.enum(["asc", "desc"]).optional(),
  /** Page size. */
  per_page: z.number().int().min(1).max(100).optional(),
});
export type UserFilters = z.infer<typeof UserFilters>;

export const AdminUserFilters = z.strictObject({
  search: z.string().optional(),
  status: UserStatusValue.optional(),
  tenant_id: z.string().optional(),
  partner_id: z.string().optional(),
  per_page: z.number().int().min(1).max(100).optional(),
});
export type AdminUserFilters = z.infer<typeof AdminUserFilters>;

/** FastAPI: `{"detail": "..."}`, `{"detail": {...}}` or a 422's `{"detail": [ValidationError]}`; OAuth: `{"error", "error_description"}`. */
export const ErrorBody = z.union([
  OAuthError,
  z.object({
    detail: z.union([z.string(), z.array(ValidationError), z.record(z.string(), z.unknown())]),
  }),
]);

export function errorFields(body: unknown): { code?: string; message?: string } {
  const parsed = ErrorBody.safeParse(body);
  if (!parsed.success) return {};
  const answer = parsed.data;
  if ("error" in answer) {
    return {
      code: answer.error,
      ...(answer.error_description ? { message: answer.error_description } : {}),
    };
  }
  const { detail } = answer;
  if (typeof detail === "string") return { message: detail };
  if (Array.isArray(detail)) {
    const first = detail[0];
    return {
      ...(first ? { code: first.type } : {}),
      // loc and msg only: pydantic's `input` may echo what was sent, a password included.
      message: detail.map((issue) => `${issue.loc.join(".")}: ${issue.msg}`).join("; "),
    };
  }
  const code =
    typeof detail.type === "string"
      ? detail.type
      : typeof detail.code === "string"
        ? detail.code
        : undefined;
  const message =
    typeof detail.message === "string"
      ? detail.message
      : typeof detail.msg === "string"
        ? detail.msg
        : undefined;
  return { ...(code ? { code } : {}), ...(message ? { message } : {}) };
}
