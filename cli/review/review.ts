import type { UserResourceName } from "./resource-types";

// What a review says: the access changes of a preview, and nothing else.

/** What happens to a group's members. */
export type MemberChanges =
  /** Who is added and removed; `after`: members once applied, when known. */
  | { kind: "listed"; added: string[]; removed: string[]; after: number | null }
  /** An adopted group: its live members are compared with the declared ones only during `up`. */
  | { kind: "adopted"; declared: number }
  /** The members are secret in the program: the preview does not show them. */
  | { kind: "secret" }
  /** The members depend on values known only during `up`. */
  | { kind: "unknown" };

export interface GroupReview {
  team: string;
  name: string;
  /** What happens to the group itself. */
  group: "created" | "adopted" | "deleted" | "roles changed" | "unchanged";
  /**
   * The roles its members get, before and after (`before` null: not known, as for a group being
   * adopted); null when neither the preview nor the state names them (the group is not an
   * asa.Group of this stack, or it is unchanged and no `--state` or `--refresh` shows it).
   */
  roles: { before: string[] | null; after: string[] } | null;
  /** What happens to its members; null when no asa.GroupMembership of the stack changes them. */
  members: MemberChanges | null;
  /** How many members it has once applied, when known: a role change reaches them all. */
  memberCount: number | null;
}

/** A managed value before and after; undefined: not managed (before a create, after a delete). */
export interface FieldChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

export interface UserReview {
  resource: UserResourceName;
  /** The resource's name in the program. */
  name: string;
  api: string;
  /** The user, as the program names them (username, email or id). */
  user: string;
  /** The ASA team or ScaiKey tenant. */
  scope?: string;
  /** created: the values become managed; deleted: they stop being managed. */
  change: "created" | "updated" | "deleted";
  fields: FieldChange[];
  /** On delete: whether the values found at creation are put back. */
  restoreOnDelete?: boolean;
}

export interface Review {
  stack?: string;
  project?: string;
  /** The preview failed with these errors: nothing would be applied. */
  errors: string[];
  groups: GroupReview[];
  users: UserReview[];
  /** Whether every resource's state was read (a refresh, or `--state`), not only the plan's. */
  wholeStack: boolean;
}

/** A value a preview hides: secret in the program, or known only during `up`. */
export const SECRET = "[secret]";
