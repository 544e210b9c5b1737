/** Exit codes of the review and import commands (docs/review.md, docs/import.md). */
export const EXIT = {
  ok: 0,
  /** The input or the API failed: nothing usable was read. */
  failed: 1,
  /** The command line is wrong. */
  usage: 2,
  /** review --fail-on-grant: the change grants access. */
  grantsAccess: 3,
} as const;

/** A wrong command line: the message names the option, its value and the fix. Exit 2. */
export class UsageError extends Error {}

/** Input that cannot be used (an unreadable file, JSON of the wrong kind). Exit 1. */
export class InputError extends Error {}
