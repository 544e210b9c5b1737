import { unlessNotFound } from "../errors";
import type { AsaClient } from "./client";
import { MemberSet } from "./member-set";
import { type Group, isSoftDeleted } from "./schemas";

export type GroupReader = Pick<AsaClient, "getGroup">;

// Direct reads, as the lookups make them; the providers read through the run's view
// (group-view.ts).

export function describeGroup(team: string, name: string): string {
  return `group "${name}" in team "${team}"`;
}

/** The live group, or undefined when it does not exist or was soft-deleted (which still answers 200). */
export async function liveGroup(client: GroupReader, name: string): Promise<Group | undefined> {
  const group = await unlessNotFound(client.getGroup(name));
  return group && !isSoftDeleted(group) ? group : undefined;
}

/** ASA refuses changes to a group federated from another team: say so before trying. */
export function refuseFederated(group: Group, team: string, change: string): void {
  const from = group.federated_from_team;
  if (!from) return;
  throw new Error(
    `Cannot ${change}: ${describeGroup(team, group.name)} is federated from team "${from}", which manages it; ASA refuses changes to it in team "${team}". Make the change in team "${from}", or stop managing the group here (remove the resource from the program, or from state with \`pulumi state delete <urn>\`).`,
  );
}

/** Every member, every page read. */
export async function listMembers(
  client: Pick<AsaClient, "listGroupUsers">,
  group: string,
): Promise<MemberSet> {
  const names: string[] = [];
  for await (const user of client.listGroupUsers(group)) names.push(user.name);
  return MemberSet.of(names);
}
