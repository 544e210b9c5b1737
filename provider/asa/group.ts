import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { isConflict, isNotFound } from "../errors";
import { currentProgress } from "../progress/context";
import {
  checkInputs,
  diffInputs,
  forEngine,
  joinId,
  type PropertyMap,
  sortedUnique,
  splitId,
  withoutUndefined,
} from "../resource";
import { resourceSpec } from "../resource/spec";
import { storedOutputs } from "../resource/stored-outputs";
import { withDefaultTeam } from "./check-team";
import type { AsaClient } from "./client";
import { asaClient } from "./configured-client";
import { describeGroup, refuseFederated } from "./group-access";
import { groupView } from "./group-view";
import { adoptArg, groupNameArg, rolesArg, teamArg } from "./input-fields";
import type { Group } from "./schemas";

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

export type GroupApi = Pick<
  AsaClient,
  "getGroup" | "createGroup" | "updateGroup" | "deleteGroup" | "listGroupUsers"
>;

/**
 * Whether an existing group is what this resource's own create would have left: the declared
 * roles and no members. A `pulumi up` interrupted while creating the group leaves it so, with no
 * record in the state; taking it over spares the user a step, and is harmless for a group that
 * looks exactly as declared anyway.
 */
async function isAsCreated(
  api: GroupApi,
  group: Group,
  roles: readonly string[],
): Promise<boolean> {
  if (group.federated_from_team || !sameRoles(group.roles, roles)) return false;
  for await (const _member of api.listGroupUsers(group.name, { count: 1 })) return false;
  return true;
}

function outputsOf(inputs: GroupInputs, group: Group): GroupOutputs {
  return withoutUndefined({
    name: inputs.name,
    team: inputs.team,
    roles: sortedUnique(group.roles),
    adopt: inputs.adopt,
    groupId: group.id,
  });
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return sortedUnique(a).join("\n") === sortedUnique(b).join("\n");
}

/** The stored outputs, with the team and name taken from the ID when they are missing. */
function storedState(id: string, props: PropertyMap | undefined): Partial<GroupOutputs> {
  const stored = storedOutputs(GroupOutputs, props);
  const fromId = splitId(id);
  return { ...stored, team: stored.team ?? fromId?.scope, name: stored.name ?? fromId?.name };
}

/** Takes over an existing group, setting its roles only when they differ from the declared ones. */
async function adopt(api: GroupApi, inputs: GroupInputs, existing: Group): Promise<GroupOutputs> {
  if (sameRoles(existing.roles, inputs.roles)) return outputsOf(inputs, existing);
  refuseFederated(
    existing,
    inputs.team,
    `set the roles of ${describeGroup(inputs.team, inputs.name)}`,
  );
  groupView(api).forgetGroup(inputs.name);
  await api.updateGroup(inputs.name, { roles: inputs.roles });
  return outputsOf(inputs, { ...existing, roles: inputs.roles });
}

/** The provider of `asa.Group`; `client` is injectable for tests. */
export function groupProvider(
  client: (team: string) => GroupApi = (team) => asaClient(team),
): pulumi.dynamic.ResourceProvider {
  return {
    async check(_olds, news) {
      return forEngine(withDefaultTeam(checkInputs(GroupArgs, news, { resource: spec.label })));
    },

    async diff(_id, olds, news) {
      return diffInputs(olds, news, {
        compare: ["name", "team", "roles"],
        replaceOn: ["name", "team"],
        // Group names are unique in a team: the old group must go before the new one is made.
        deleteBeforeReplace: true,
        normalize: { roles: (roles) => sortedUnique(Array.isArray(roles) ? roles : []) },
      });
    },

    async create(news) {
      const inputs = news as GroupInputs;
      const api = client(inputs.team);
      const id = joinId(inputs.team, inputs.name);
      const where = describeGroup(inputs.team, inputs.name);
      // Adopting reads first, so a group that is already as declared costs no write at all.
      const existing = inputs.adopt ? await groupView(api).liveGroup(inputs.name) : undefined;
      if (existing) return { id, outs: await adopt(api, inputs, existing) };
      groupView(api).forgetGroup(inputs.name);
      try {
        const group = await api.createGroup({ name: inputs.name, roles: inputs.roles });
        // What the memberships of this run then read of it is known without asking.
        groupView(api).created(group);
        return { id, outs: outputsOf(inputs, group) };
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
      if (!inputs.adopt) {
        const existing = await groupView(api).liveGroup(inputs.name);
        if (existing && (await isAsCreated(api, existing, inputs.roles))) {
          currentProgress()?.warn(
            `${where} already existed, with no members and exactly the declared roles (as a \`pulumi up\` interrupted while creating it leaves it): managed from now on as this resource's.`,
          );
          return { id, outs: outputsOf(inputs, existing) };
        }
        throw new Error(
          `Cannot create ${where}: it already exists. To manage the existing group with this resource, set adopt: true on it (its roles then become ${JSON.stringify(inputs.roles)}); or give the resource another name.`,
        );
      }
      // Someone created it between the read above and the create.
      const created = await groupView(api).liveGroup(inputs.name);
      if (!created)
        throw new Error(
          `Cannot adopt ${where}: ASA said it exists, then that it does not; try again.`,
        );
      return { id, outs: await adopt(api, inputs, created) };
    },

    async read(id, props) {
      const stored = storedState(id, props);
      if (!stored.team || !stored.name) return {};
      const group = await groupView(client(stored.team)).liveGroup(stored.name);
      if (!group) return {};
      const outs = outputsOf(
        // Stryker disable next-line ArrayDeclaration: the outputs take their roles from the live group, never from these inputs
        { name: stored.name, team: stored.team, roles: [], adopt: stored.adopt ?? false },
        group,
      );
      const { groupId: _groupId, ...inputs } = outs;
      return { id, props: outs, inputs };
    },

    async update(_id, _olds, news) {
      const inputs = news as GroupInputs;
      const api = client(inputs.team);
      const change = `set the roles of ${describeGroup(inputs.team, inputs.name)}`;
      const group = await groupView(api).writable(inputs.team, inputs.name, change);
      groupView(api).forgetGroup(inputs.name);
      await api.updateGroup(inputs.name, { roles: inputs.roles });
      return { outs: outputsOf(inputs, { ...group, roles: inputs.roles }) };
    },

    async delete(id, props) {
      const { team, name } = storedState(id, props);
      if (!team || !name) return;
      const api = client(team);
      const group = await groupView(api).liveGroup(name);
      if (!group) return;
      refuseFederated(group, team, `delete ${describeGroup(team, name)}`);
      groupView(api).forgetGroup(name);
      try {
        await api.deleteGroup(name);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    },
  };
}

export const spec = resourceSpec("asa:Group", GroupArgs, GroupOutputs, groupProvider);
