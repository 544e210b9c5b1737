import { z } from "zod";
import { quote, sortedUnique } from "../resource";
import { Role } from "./schemas";

// Argument schemas shared by the ASA resources. Each message says what is wrong and how to fix
// it; check prefixes it with the property path. A failed refinement is answered by the error
// map of the string it refines.

export const roleList = Role.options.join(", ");

const notATeam = (input: unknown) =>
  `${quote(input)} is not a team name; give the ASA team's name, e.g. "william-faulkner", or leave team out to use identity:asaTeam`;

export const teamArg = z
  .string({ error: (iss) => notATeam(iss.input) })
  .refine((team) => team.trim() !== "" && !team.includes("/"))
  // Team names are compared case-insensitively by ASA: one spelling keeps IDs and diffs stable.
  .transform((team) => team.trim().toLowerCase())
  .optional();

export const adoptArg = z
  .boolean({ error: (iss) => `must be true or false, not ${quote(iss.input)}` })
  .default(false);

export function groupNameArg(what: string) {
  const bad = (input: unknown) =>
    input === undefined
      ? `required: ${what}, e.g. "compsons"`
      : `${quote(input)} is not a group name; give ${what}, e.g. "compsons"`;
  return z
    .string({ error: (iss) => bad(iss.input) })
    .refine((name) => name.trim() !== "")
    .transform((name) => name.trim());
}

export const roleArg = z.enum(Role.options, {
  error: (iss) => `${quote(iss.input)} is not an ASA role; use one of ${roleList}`,
});

export const rolesArg = z
  .array(roleArg, {
    error: (iss) =>
      iss.input === undefined
        ? `required: the roles the group grants, e.g. ["access_user"]; use [] for none (roles: ${roleList})`
        : `must be a list of ASA roles, e.g. ["access_user"], not ${quote(iss.input)}; use [] for none`,
  })
  .transform(sortedUnique);

const notAUsername = (input: unknown) =>
  `${quote(input)} is not a username; remove it or give the user's ASA username, e.g. "Jason.Compson.IV"`;

/** ASA usernames are case-sensitive path keys: trimmed, never case-folded. */
export const usernameArg = z
  .string({ error: (iss) => notAUsername(iss.input) })
  .refine((name) => name.trim() !== "")
  .transform((name) => name.trim());
