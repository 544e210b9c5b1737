import assert from "node:assert/strict";
import { test } from "vitest";
import { demoCredentials } from "../../emulator";
import { MemberSet } from "../../provider/asa/member-set";
import { useEmulatorStack } from "../harness/emulator-stack";
import { exampleProgram } from "../harness/example-program";

// examples/adopt-existing-groups, from its own files, against the emulator: the seed's
// `compsons` and, as the README makes it, a `deploy` group made by hand; plus `legacy-vpn`, which
// the program does not adopt and reports in its `notYetManaged` output.

const example = exampleProgram("adopt-existing-groups");

const team = demoCredentials.asa.team;
const suite = useEmulatorStack(example, async (emulator) => {
  await emulator.control.asa.createGroups(team, [
    { name: "deploy", roles: ["access_user"], members: ["Jason.Compson.IV", "Benjy.Compson"] },
    { name: "legacy-vpn", roles: ["access_user"], members: ["Jason.Compson.IV"] },
  ]);
});

/** The team's groups as the API holds them (roles, members, deleted_at, ids). */
const groupsNow = async () =>
  (await suite.emulator.control.asa.groups(team))
    .map((g) => ({ ...g, roles: [...g.roles].sort(), members: [...g.members].sort() }))
    .sort((a, b) => a.name.localeCompare(b.name));

/** Every ASA request since the last clear but reads and the token exchange, with its answer. */
const writes = async () =>
  (await suite.emulator.control.requests())
    .filter((r) => r.api === "asa" && r.method !== "GET" && !r.url.endsWith("/service_token"))
    .map((r) => `${r.method} ${r.url} → ${r.status}`);

let original: Awaited<ReturnType<typeof groupsNow>>;

test("the first pulumi up adopts the groups and changes nothing in ASA", async () => {
  original = await groupsNow();
  await suite.emulator.control.clearCounters();
  await suite.emulator.control.clearRequests();

  const run = await suite.stack.up();
  assert.deepEqual(run.changes, { create: 5 });
  assert.deepEqual(await writes(), []);
  const counters = (await suite.emulator.control.counters()).asa;
  assert.ok(
    (counters["GET /v1/teams/:team_name/groups/:group_name/users"] ?? 0) > 0,
    "no member was read",
  );
  assert.deepEqual(await groupsNow(), original);

  const memberships = suite.stack.resources().filter((r) => r.type.endsWith("asa:GroupMembership"));
  // State lists resources in the order they were created, which the engine runs concurrently.
  assert.deepEqual(
    memberships.map((r) => [r.id, MemberSet.from(r.outputs?.members).list()]).sort(),
    [
      [`${team}/compsons`, ["Benjy.Compson"]],
      [`${team}/deploy`, ["Benjy.Compson", "Jason.Compson.IV"]],
    ],
  );
  assert.deepEqual((await suite.stack.outputs()).notYetManaged, [
    { name: "legacy-vpn", roles: ["access_user"], members: ["Jason.Compson.IV"] },
  ]);
});

test("the preview right after is empty, and writes nothing either", async () => {
  await suite.emulator.control.clearRequests();
  const run = await suite.stack.preview();
  assert.deepEqual(run.changes, { same: 5 });
  assert.deepEqual(run.steps, []);
  assert.deepEqual(await writes(), []);
});

test("pulumi destroy leaves the adopted groups and their members in ASA (retainOnDelete)", async () => {
  const run = await suite.stack.destroy();
  assert.deepEqual(run.changes, { delete: 5 });
  assert.deepEqual(suite.stack.resources(), []);
  assert.deepEqual(await groupsNow(), original);
});
