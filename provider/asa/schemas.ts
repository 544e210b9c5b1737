import { z } from "zod";

// Okta Advanced Server Access (formerly ScaleFT). Field names are the API's own.

export const UserStatusValue = z.enum(["ACTIVE", "DISABLED", "DELETED"]);
export type UserStatusValue = z.infer<typeof UserStatusValue>;

export const UserType = z.enum(["human", "service"]);
export type UserType = z.infer<typeof UserType>;

/** Roles a group can grant; `server_admin` sits behind a feature flag. Answers may carry others. */
export const Role = z.enum(["access_user", "access_admin", "reporting_user", "server_admin"]);
export type Role = z.infer<typeof Role>;

export const UserDetails = z.object({
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  full_name: z.string().nullish(),
  email: z.string().nullish(),
});
export type UserDetails = z.infer<typeof UserDetails>;

export const User = z.object({
  id: z.string(),
  /** The username, and the key in every path. */
  name: z.string(),
  team_name: z.string().nullish(),
  status: UserStatusValue,
  user_type: UserType,
  /** null for service users. */
  details: UserDetails.nullable(),
  deleted_at: z.string().nullable(),
  oauth_client_application_id: z.string().nullish(),
  role_grants: z.array(z.string()).nullish(),
});
export type User = z.infer<typeof User>;

/** What a live group carries as `deleted_at`: Go's zero time (some answers send null instead). */
export const GO_ZERO_TIME = "0001-01-01T00:00:00Z";

export const Group = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  federated_from_team: z.string().nullish(),
  federation_approved_at: z.string().nullish(),
  /** null or GO_ZERO_TIME on a live group; a real time on a soft-deleted one, which still answers 200. */
  deleted_at: z.string().nullable(),
});
export type Group = z.infer<typeof Group>;

const ZERO_TIME_DAY_END = Date.parse("0001-01-02T00:00:00Z");

/** A soft-deleted group answers 200 with a real `deleted_at`: treat it as gone. */
export function isSoftDeleted(group: Pick<Group, "deleted_at">): boolean {
  const deletedAt = group.deleted_at;
  if (deletedAt === null) return false;
  const time = Date.parse(deletedAt);
  // The zero time in any spelling ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000Z", ...);
  // a text that is no time at all ("" included) reads as live too.
  return !(deletedAt.startsWith("0001-01-01") || Number.isNaN(time) || time < ZERO_TIME_DAY_END);
}

export const GroupCreate = z.object({ name: z.string().min(1), roles: z.array(Role) });
export type GroupCreate = z.infer<typeof GroupCreate>;

export const GroupUpdate = z.object({ roles: z.array(Role) });
export type GroupUpdate = z.infer<typeof GroupUpdate>;

/** PUT /users/{name}: the body is User-shaped; `status` and `details` are what the API changes. */
export const UserUpdate = z.object({
  status: UserStatusValue.optional(),
  details: UserDetails.optional(),
});
export type UserUpdate = z.infer<typeof UserUpdate>;

/** POST /groups/{group}/users. */
export const GroupMemberAdd = z.object({ name: z.string().min(1) });
export type GroupMemberAdd = z.infer<typeof GroupMemberAdd>;

export const IssueServiceTokenRequestBody = z.object({
  key_id: z.string().min(1),
  key_secret: z.string().min(1),
  roles: z.array(z.string()).nullish(),
});
export type IssueServiceTokenRequestBody = z.infer<typeof IssueServiceTokenRequestBody>;

export const AuthTokenResponse = z.object({
  bearer_token: z.string().min(1),
  expires_at: z.string(),
  team_name: z.string(),
});
export type AuthTokenResponse = z.infer<typeof AuthTokenResponse>;

/** Every ASA list: `{"list": [...]}`. */
export function ListEnvelope<T extends z.ZodType>(item: T) {
  return z.object({ list: z.array(item) });
}

export const UserList = ListEnvelope(User);
export const GroupList = ListEnvelope(Group);

/** The error body is undocumented; what is known: `{"type": "<code>", "code": <status>, "message": "..."}`. */
export const ErrorBody = z
  .object({
    type: z.string().optional(),
    code: z.union([z.number(), z.string()]).optional(),
    message: z.string().optional(),
    error: z.string().optional(),
  })
  .loose();
export type ErrorBody = z.infer<typeof ErrorBody>;

export function errorFields(body: unknown): { code?: string; message?: string } {
  const parsed = ErrorBody.safeParse(body);
  if (!parsed.success) return {};
  const code =
    parsed.data.type ?? (typeof parsed.data.code === "string" ? parsed.data.code : undefined);
  const message = parsed.data.message ?? parsed.data.error;
  return { ...(code ? { code } : {}), ...(message ? { message } : {}) };
}

const count = z.number().int().min(1).optional();

export const UserFilters = z.strictObject({
  contains: z.string().optional(),
  starts_with: z.string().optional(),
  status: z.union([UserStatusValue, z.array(UserStatusValue)]).optional(),
  include_service_users: z.boolean().optional(),
  id: z.string().optional(),
  /** Page size (the API's default is 100). */
  count,
});
export type UserFilters = z.infer<typeof UserFilters>;

export const GroupFilters = z.strictObject({
  contains: z.string().optional(),
  include_deleted: z.boolean().optional(),
  only_include_deleted: z.boolean().optional(),
  count,
});
export type GroupFilters = z.infer<typeof GroupFilters>;

export const GroupUserFilters = z.strictObject({
  starts_with: z.string().optional(),
  status: z.union([UserStatusValue, z.array(UserStatusValue)]).optional(),
  user_type: UserType.optional(),
  count,
});
export type GroupUserFilters = z.infer<typeof GroupUserFilters>;

export const PageFilters = z.strictObject({ count });
export type PageFilters = z.infer<typeof PageFilters>;
