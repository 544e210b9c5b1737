// The public types of the ASA resources and lookups: plain interfaces, so a program's compiler
// reads them quickly and with any tsconfig. Each is proven equal to the schema the providers
// check or read with: the resources' in resources.ts, the API objects' in test/types/public-types.ts.

import type { InputArgs } from "../identity-resource";

/** Roles a group can grant; `server_admin` sits behind a feature flag in ASA. */
export type Role = "access_user" | "access_admin" | "reporting_user" | "server_admin";

/** `"authoritative"`: the resource owns the whole member list; `"additive"`: only the listed members. */
export type MembershipMode = "authoritative" | "additive";

export type AsaUserStatus = "ACTIVE" | "DISABLED" | "DELETED";

/** An ASA user, as the API answers (field names are the API's). */
export interface AsaUser {
  id: string;
  /** The username, and the key in every path. */
  name: string;
  team_name?: string | null;
  status: AsaUserStatus;
  user_type: "human" | "service";
  /** null for service users. */
  details: {
    first_name?: string | null;
    last_name?: string | null;
    full_name?: string | null;
    email?: string | null;
  } | null;
  deleted_at: string | null;
  oauth_client_application_id?: string | null;
  role_grants?: string[] | null;
}

/** An ASA group, as the API answers. */
export interface AsaGroup {
  id: string;
  name: string;
  roles: string[];
  federated_from_team?: string | null;
  federation_approved_at?: string | null;
  /** null or Go's zero time on a live group; a real time on a soft-deleted one. */
  deleted_at: string | null;
}

/** What `asa.Group` takes, as values (its arguments may give each as an Input). */
export interface GroupArgValues {
  /** The group's name, unique in its team. Changing it replaces the group (the old one is deleted first). */
  name: string;
  /** The roles the group grants; `[]` for none. Order and duplicates do not matter. */
  roles: Role[];
  /** The ASA team; default `identity:asaTeam` (else `ASA_TEAM`). Changing it replaces the group. */
  team?: string;
  /** If a group of this name already exists, manage it (setting its roles) instead of failing. */
  adopt?: boolean;
}
/** What `asa.Group` takes: each value may be an Output. */
export type GroupArgs = InputArgs<GroupArgValues>;

export interface GroupOutputs {
  name: string;
  team: string;
  /** Sorted, without duplicates. */
  roles: string[];
  adopt: boolean;
  /** The group's id in ASA (a UUID). */
  groupId: string;
}

/** What `asa.GroupMembership` takes, as values (`group` may also be an `asa.Group`). */
export interface GroupMembershipArgValues {
  /** The group's name. Changing it replaces the resource. */
  group: string;
  /** ASA usernames (case-sensitive). Trimmed; order and duplicates do not matter. */
  members: string[];
  /**
   * `"authoritative"` (default): the resource owns the whole member list, and anyone else in the
   * group is drift that the next `pulumi up` removes. `"additive"`: it owns only the listed
   * members; the others are left alone and reported in `unmanagedMembers`.
   */
  mode?: MembershipMode;
  /** The ASA team; default: the `asa.Group`'s team, else `identity:asaTeam` (else `ASA_TEAM`). */
  team?: string;
  /**
   * Take over a group that already has members the list leaves out (authoritative mode, on
   * create or when switching from additive): without it, that is refused rather than removing
   * them. Members already in the group are never re-added.
   */
  adopt?: boolean;
}

export interface GroupMembershipOutputs {
  group: string;
  team: string;
  mode: MembershipMode;
  adopt: boolean;
  /** The members this resource manages and that are in the group, sorted (in authoritative mode,
   * the whole group). In a preview of a change: the members it will manage. */
  members: string[];
  /** Additive mode: the group's other members, sorted; `[]` in authoritative mode. */
  unmanagedMembers: string[];
}

/** A user's details; null clears one. */
export interface AsaUserDetails {
  firstName?: string | null;
  lastName?: string | null;
  fullName?: string | null;
  email?: string | null;
}

/** What `asa.UserAttributes` takes, as values. */
export interface UserAttributesArgValues {
  /** The user's ASA username (case-sensitive); changing it replaces the resource. */
  username: string;
  /** The ASA team; default `identity:asaTeam`. */
  team?: string;
  /** The details this resource manages; the others are left alone. null clears a detail. */
  details: AsaUserDetails;
  /** On delete, put back the details found when the resource was created (default false: leave them). */
  restoreOnDelete?: boolean;
}
/** What `asa.UserAttributes` takes: each value may be an Output. */
export type UserAttributesArgs = InputArgs<UserAttributesArgValues>;

export interface UserAttributesOutputs {
  username: string;
  team: string;
  details: AsaUserDetails;
  restoreOnDelete: boolean;
  /** The user's ASA id (a UUID). */
  userId: string;
  /** The declared details as found at creation (secret: copied from ASA). */
  originalValues: { details: AsaUserDetails };
}

/** What `asa.UserStatus` takes, as values. */
export interface UserStatusArgValues {
  /** The user's ASA username (case-sensitive); changing it replaces the resource. */
  username: string;
  /** The ASA team; default `identity:asaTeam`. */
  team?: string;
  /** ACTIVE or DISABLED; DELETED ends the user for good and needs `allowDelete: true`. */
  status: AsaUserStatus;
  /** Confirms that status DELETED may be set: ASA cannot bring a deleted user back. */
  allowDelete?: boolean;
  /** On delete, put back the status found when the resource was created (default false: leave it). */
  restoreOnDelete?: boolean;
}
/** What `asa.UserStatus` takes: each value may be an Output. */
export type UserStatusArgs = InputArgs<UserStatusArgValues>;

export interface UserStatusOutputs {
  username: string;
  team: string;
  status: AsaUserStatus;
  allowDelete: boolean;
  restoreOnDelete: boolean;
  /** The user's ASA id (a UUID). */
  userId: string;
  /** The status found at creation. */
  originalValues: { status: AsaUserStatus };
}
