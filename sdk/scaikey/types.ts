// The public types of the ScaiKey resources and lookups: plain interfaces, so a program's
// compiler reads them quickly and with any tsconfig. Each is proven equal to the schema the providers
// check or read with: the resources' in resources.ts, the API objects' in test/types/public-types.ts.

import type { InputArgs } from "../identity-resource";

export type ScaiKeyUserStatus =
  | "ACTIVE"
  | "PENDING_EMAIL_VERIFICATION"
  | "PENDING_APPROVAL"
  | "DISABLED"
  | "LOCKED";

export type IdentitySource = "LOCAL" | "OIDC" | "SAML" | "SCIM" | "LDAP";

/** A JSON value, as custom attributes hold them. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

/** A ScaiKey user, as the API answers (field names are the API's). */
export interface ScaiKeyUser {
  email: string;
  username?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  display_name?: string | null;
  phone?: string | null;
  locale: string;
  timezone: string;
  id: string;
  email_verified: boolean;
  avatar_url?: string | null;
  ou_id?: string | null;
  ou_path?: string | null;
  status: ScaiKeyUserStatus;
  identity_source: IdentitySource;
  mfa_enabled: boolean;
  groups: { group_id: string; name: string; membership_type: string }[];
  custom_attributes?: Record<string, unknown> | null;
  created_at: string;
  updated_at?: string | null;
  last_login_at?: string | null;
  password_changed_at?: string | null;
}

/** Abbreviated user info, as the API's lists give it. */
export type ScaiKeyUserListItem = Pick<
  ScaiKeyUser,
  | "id"
  | "email"
  | "display_name"
  | "status"
  | "ou_path"
  | "identity_source"
  | "mfa_enabled"
  | "last_login_at"
>;

/** The user's own fields that `scaikey.UserAttributes` manages (custom attributes apart). */
export interface UserFields {
  email?: string;
  /** null clears it. */
  username?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  displayName?: string | null;
  /** Digits with an optional leading + and separators, e.g. "+1-662-555-0104"; null clears it. */
  phone?: string | null;
  /** A language code with an optional region, e.g. "en" or "en-US". */
  locale?: string;
  /** An IANA time zone name, e.g. "America/Chicago" or "UTC". */
  timezone?: string;
  /** The organizational unit's id (`ou_...`); null takes the user out of any unit. */
  ouId?: string | null;
}

/** What `scaikey.UserAttributes` takes, as values; only the fields declared are managed. */
export interface UserAttributesArgValues extends UserFields {
  /** The user's id (`usr_...`) or email address (looked up once, at creation); changing it replaces the resource. */
  user: string;
  /** The tenant (`tnt_...`); default `identity:scaikeyTenant`. */
  tenantId?: string;
  /** Only the attributes named here are managed, each on its own; null removes one. */
  customAttributes?: Record<string, JsonValue>;
  /** On delete, put back the values found when the resource was created (default false: leave them). */
  restoreOnDelete?: boolean;
}
/** What `scaikey.UserAttributes` takes: each value may be an Output. */
export type UserAttributesArgs = InputArgs<UserAttributesArgValues>;

export interface UserAttributesOutputs extends UserFields {
  user: string;
  tenantId: string;
  customAttributes?: Record<string, unknown>;
  restoreOnDelete: boolean;
  userId: string;
  /** The declared values as found at creation (secret: copied from ScaiKey). */
  originalValues: Record<string, unknown>;
}

/** The statuses an administrator sets; PENDING_* come only from ScaiKey's sign-up flows. */
export type SettableStatus = "ACTIVE" | "DISABLED" | "LOCKED";

/** What `scaikey.UserStatus` takes, as values. */
export interface UserStatusArgValues {
  /** The user's id (`usr_...`) or email address (looked up once, at creation); changing it replaces the resource. */
  user: string;
  /** The tenant (`tnt_...`); default `identity:scaikeyTenant`. */
  tenantId?: string;
  /** ACTIVE, DISABLED or LOCKED. */
  status: SettableStatus;
  /** Why, recorded by ScaiKey with a status change this resource makes. */
  reason?: string;
  /** Also end the user's sessions when this resource changes the status (default false). */
  terminateSessions?: boolean;
  /** On delete, put back the status found when the resource was created (default false: leave it). */
  restoreOnDelete?: boolean;
}
/** What `scaikey.UserStatus` takes: each value may be an Output. */
export type UserStatusArgs = InputArgs<UserStatusArgValues>;

export interface UserStatusOutputs {
  user: string;
  tenantId: string;
  status: SettableStatus;
  reason?: string;
  terminateSessions: boolean;
  restoreOnDelete: boolean;
  userId: string;
  /** The status found at creation. */
  originalValues: { status: string };
}
