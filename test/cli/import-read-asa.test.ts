import assert from "node:assert/strict";
import { test } from "vitest";
import { readAsaGroups } from "../../cli/import/read-asa";
import type { Group, User } from "../../provider/asa/schemas";

// What the import declares of an ASA team, from a client's answers: sorted, and whatever a
// resource cannot declare left out with a note saying why.

const group = (name: string, roles: string[], extra: Partial<Group> = {}): Group => ({
  id: `id-${name}`,
  name,
  roles,
  deleted_at: null,
  ...extra,
});
const user = (name: string, status: User["status"] = "ACTIVE"): User => ({
  id: `id-${name}`,
  name,
  status,
  user_type: "human",
  details: null,
  deleted_at: null,
});

async function* each<T>(items: T[]): AsyncIterable<T> {
  yield* items;
}

const groups = [
  group("zeta", ["reporting_user", "access_user", "access_user"]),
  group("Alpha", []),
  group("alpha", ["access_admin"]),
  group("old", ["access_user"], { deleted_at: "2024-05-01T00:00:00Z" }),
  group("sartoris", ["access_user"], { federated_from_team: "yoknapatawpha-county" }),
  group("odd", ["access_user", "root"]),
  group("mine", ["access_user"]),
];
const members: Record<string, User[]> = {
  zeta: [user("b"), user("B"), user("a"), user("gone", "DELETED"), user("off", "DISABLED")],
  Alpha: [],
  alpha: [user("a")],
};
const client = {
  team: "william-faulkner",
  listGroups: () => each(groups),
  listGroupUsers: (name: string) => each(members[name] ?? []),
};

test("groups and members sorted by code unit, roles without duplicates; only live, declarable groups", async () => {
  const read = await readAsaGroups(client, new Set(["mine", "nobody"]));
  assert.deepEqual(read.value, [
    { resourceName: "Alpha", name: "Alpha", roles: [], members: [] },
    { resourceName: "alpha", name: "alpha", roles: ["access_admin"], members: ["a"] },
    {
      resourceName: "zeta",
      name: "zeta",
      roles: ["access_user", "reporting_user"],
      members: ["B", "a", "b", "off"],
    },
  ]);
  assert.deepEqual(read.notes, [
    'group "odd" left out: it grants root, which asa.Group does not know (roles: access_user, access_admin, reporting_user, server_admin)',
    'group "sartoris" left out: it is federated from team "yoknapatawpha-county", which manages it',
    '--exclude-group names no group of team "william-faulkner": nobody',
    'group "zeta": 1 member DELETED in ASA left out (gone); the first `pulumi up` removes them from the group',
  ]);
});
