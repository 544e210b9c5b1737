import { randomBytes } from "node:crypto";
import type { ScaikeyData, ScaikeyUser } from "../data-schema";

/** MetaResponse. */
export const meta = () => ({
  request_id: `req_${randomBytes(8).toString("hex")}`,
  timestamp: new Date().toISOString(),
});

const ouPath = (data: ScaikeyData, user: ScaikeyUser) =>
  data.ous.find((ou) => ou.id === user.ou_id)?.path ?? null;

/** UserGroupMembership[] of a user. */
export function userGroups(data: ScaikeyData, user: ScaikeyUser) {
  return user.group_ids.flatMap((id) => {
    const group = data.groups.find((g) => g.id === id);
    return group ? [{ group_id: group.id, name: group.name, membership_type: "DIRECT" }] : [];
  });
}

/** UserResponse: every key of the schema, always present. */
export function userResponse(data: ScaikeyData, user: ScaikeyUser) {
  return {
    email: user.email,
    username: user.username,
    first_name: user.first_name,
    last_name: user.last_name,
    display_name: user.display_name,
    phone: user.phone,
    locale: user.locale,
    timezone: user.timezone,
    id: user.id,
    email_verified: user.email_verified,
    avatar_url: user.avatar_url,
    ou_id: user.ou_id,
    ou_path: ouPath(data, user),
    status: user.status,
    identity_source: user.identity_source,
    mfa_enabled: user.mfa_enabled,
    groups: userGroups(data, user),
    custom_attributes: user.custom_attributes,
    created_at: user.created_at,
    updated_at: user.updated_at,
    last_login_at: user.last_login_at,
    password_changed_at: user.password_changed_at,
  };
}

/** ApiResponse_UserResponse_. */
export const userEnvelope = (data: ScaikeyData, user: ScaikeyUser) => ({
  data: userResponse(data, user),
  meta: meta(),
});

/** UserListItem. */
export function userListItem(data: ScaikeyData, user: ScaikeyUser) {
  return {
    id: user.id,
    email: user.email,
    display_name: user.display_name,
    status: user.status,
    ou_path: ouPath(data, user),
    identity_source: user.identity_source,
    mfa_enabled: user.mfa_enabled,
    last_login_at: user.last_login_at,
  };
}
