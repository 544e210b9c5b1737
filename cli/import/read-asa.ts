import type { AsaClient } from "../../provider/asa/client";
import { type Group, isSoftDeleted, Role, type User } from "../../provider/asa/schemas";
import { sortedUnique } from "../../provider/resource/normalize";
import { plural } from "../plural";
import { byCodeUnit, type ImportedGroup, type ReadResult } from "./model";
import { mapLimited } from "./parallel";
import { resourceName } from "./resource-names";

/** Groups whose members are read at once (the transport allows 10 requests in flight per API). */
const CONCURRENCY = 10;

function listed(names: readonly string[]): string {
  return names.length > 10
    ? `${names.slice(0, 10).join(", ")} and ${names.length - 10} more`
    : names.join(", ");
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/**
 * A team's groups as asa.Group and asa.GroupMembership would declare them: every group, its
 * roles and every member, every page read. Left out, with a note: soft-deleted groups, groups
 * federated from another team (that team manages them), groups granting a role asa.Group does not
 * know, and members DELETED in ASA (a membership cannot declare them).
 */
export async function readAsaGroups(
  client: Pick<AsaClient, "listGroups" | "listGroupUsers" | "team">,
  exclude: ReadonlySet<string>,
): Promise<ReadResult<ImportedGroup[]>> {
  const notes: string[] = [];
  const live = (await all(client.listGroups())).filter((group) => !isSoftDeleted(group));
  const wanted: Group[] = [];
  for (const group of live.sort((a, b) => byCodeUnit(a.name, b.name))) {
    if (exclude.has(group.name)) continue;
    if (group.federated_from_team) {
      notes.push(
        `group "${group.name}" left out: it is federated from team "${group.federated_from_team}", which manages it`,
      );
      continue;
    }
    const unknown = group.roles.filter((role) => !Role.safeParse(role).success);
    if (unknown.length > 0) {
      notes.push(
        `group "${group.name}" left out: it grants ${listed(unknown)}, which asa.Group does not know (roles: ${Role.options.join(", ")})`,
      );
      continue;
    }
    wanted.push(group);
  }
  const missing = [...exclude].filter((name) => !live.some((group) => group.name === name));
  if (missing.length > 0)
    notes.push(
      `--exclude-group names no group of team "${client.team}": ${listed(missing.sort())}`,
    );

  const members = await mapLimited(wanted, CONCURRENCY, (group) =>
    all<User>(client.listGroupUsers(group.name)),
  );
  const groups = wanted.map((group, i) => {
    const users = members[i] ?? [];
    const deleted = users.filter((user) => user.status === "DELETED").map((user) => user.name);
    if (deleted.length > 0) {
      notes.push(
        `group "${group.name}": ${plural(deleted.length, "member")} DELETED in ASA left out (${listed(sortedUnique(deleted))}); the first \`pulumi up\` removes them from the group`,
      );
    }
    return {
      resourceName: resourceName(group.name),
      name: group.name,
      roles: sortedUnique(group.roles as Role[]),
      members: sortedUnique(
        users.filter((user) => user.status !== "DELETED").map((user) => user.name),
      ),
    };
  });
  return { value: groups, notes };
}
