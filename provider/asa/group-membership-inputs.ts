import { z } from "zod";
import { nameSet, quote } from "../resource";
import { adoptArg, groupNameArg, teamArg, usernameArg } from "./input-fields";

export const MembershipMode = z.enum(["authoritative", "additive"], {
  error: (iss) =>
    `must be "authoritative" or "additive", not ${quote(iss.input)}: "authoritative" owns the whole member list, "additive" only the listed members`,
});
export type MembershipMode = z.infer<typeof MembershipMode>;

/** asa.GroupMembership's arguments, as check validates and normalises them. */
/**
 * The stored name set (`{ "<username>": true }`), which is what the engine hands `check` for
 * members under `ignoreChanges: ["members"]`, read as the list it stands for.
 */
function fromNameSet(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const entries = Object.entries(value);
  return entries.every(([, v]) => v === true) ? entries.map(([name]) => name) : value;
}

export const GroupMembershipArgs = z.strictObject({
  group: groupNameArg("the group's name or an asa.Group"),
  members: z.preprocess(
    fromNameSet,
    z
      .array(usernameArg, {
        error: (iss) =>
          iss.input === undefined
            ? `required: the usernames of the group's members, e.g. ["Jason.Compson.IV"]; use [] for none`
            : `must be a list of usernames, e.g. ["Jason.Compson.IV"], not ${quote(iss.input)}`,
      })
      // Stored as a name set so that previews show exactly who is added and removed.
      .transform(nameSet),
  ),
  mode: MembershipMode.default("authoritative"),
  team: teamArg,
  adopt: adoptArg,
});

/** What check hands the engine: the arguments with the team resolved from config if none was given. */
export type GroupMembershipInputs = Omit<z.output<typeof GroupMembershipArgs>, "team"> & {
  team: string;
};

/**
 * The stored outputs. `members`: who this resource manages and is in the group (the whole group
 * in authoritative mode); `unmanagedMembers`: the others (additive mode only), left alone.
 */
export const GroupMembershipOutputs = z.object({
  group: z.string(),
  team: z.string(),
  mode: MembershipMode,
  adopt: z.boolean(),
  members: z.array(z.string()),
  unmanagedMembers: z.array(z.string()),
});
export type GroupMembershipOutputs = z.infer<typeof GroupMembershipOutputs>;
