import { z } from "zod";
import { adoptArg, groupNameArg, rolesArg, teamArg } from "./input-fields";

/** asa.Group's arguments, as check validates and normalises them. */
export const GroupArgs = z.strictObject({
  name: groupNameArg("the group's name"),
  roles: rolesArg,
  team: teamArg,
  adopt: adoptArg,
});

/** What check hands the engine: the arguments with the team resolved from config if none was given. */
export type GroupInputs = Omit<z.output<typeof GroupArgs>, "team"> & { team: string };

/** The stored outputs: the inputs echoed (diff compares against them) and the group's ASA id. */
export const GroupOutputs = z.object({
  name: z.string(),
  team: z.string(),
  roles: z.array(z.string()),
  adopt: z.boolean(),
  groupId: z.string(),
});
export type GroupOutputs = z.infer<typeof GroupOutputs>;
