import assert from "node:assert/strict";
import { afterAll, beforeAll, test } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { MemberSet } from "../../provider/asa/member-set";
import { configureForEmulator } from "../harness/emulator-config";
import { PulumiProgram } from "../harness/pulumi-program";

// Adopting a group that already has 300 members (three pages): the first up writes nothing,
// and the preview right after is empty (import brought the members, unlike okta #1695, #2775).

const count = 300;
const program = `
import * as identity from "pulumi-identity";

const members = Array.from({ length: ${count} }, (_, i) => \`member-\${String(i + 1).padStart(4, "0")}\`);
new identity.asa.GroupMembership("platform", { group: "platform", members: members.reverse(), adopt: true });
`;

let emulator: RunningEmulator;
let stack: PulumiProgram;

const writes = async () =>
  Object.entries((await emulator.control.counters()).asa)
    .filter(
      ([route]) => /^(POST|PUT|PATCH|DELETE) /.test(route) && !route.endsWith("/service_token"),
    )
    .map(([route, n]) => `${route} ×${n}`);

beforeAll(async () => {
  emulator = await startEmulator();
  const { team } = emulator.credentials.asa;
  const names = Array.from({ length: count }, (_, i) => `member-${String(i + 1).padStart(4, "0")}`);
  await emulator.control.asa.createUsers(team, [
    ...names.map((name) => ({ name })),
    { name: "someone-else" },
  ]);
  await emulator.control.asa.createGroup(team, {
    name: "platform",
    roles: ["access_user"],
    members: names,
  });
  stack = await PulumiProgram.create({ files: { "index.ts": program } });
  await configureForEmulator(stack, emulator);
  await emulator.control.clearCounters();
});
afterAll(async () => {
  stack?.dispose();
  await emulator?.stop();
});

test("the first up adopts the group without a single write", async () => {
  const run = await stack.up();
  assert.deepEqual(run.changes, { create: 2 });
  assert.deepEqual(await writes(), []);
  const counters = (await emulator.control.counters()).asa;
  assert.equal(counters["GET /v1/teams/:team_name/groups/:group_name/users"], 3);
  const membership = stack.resources().find((r) => r.type.endsWith("asa:GroupMembership"));
  assert.equal(MemberSet.from(membership?.outputs?.members).size, count);
});

test("the preview right after is empty", async () => {
  const run = await stack.preview();
  assert.deepEqual(run.changes, { same: 2 });
  assert.deepEqual(run.steps, []);
});

test("refresh finds nothing to change, and neither does the next preview", async () => {
  assert.deepEqual((await stack.refresh()).changes, { same: 2 });
  assert.deepEqual((await stack.preview()).changes, { same: 2 });
});

test("someone joins by hand: the refresh and preview show that one user, and up removes only them", async () => {
  await emulator.control.asa.addGroupMember(
    emulator.credentials.asa.team,
    "platform",
    "someone-else",
  );
  await stack.refresh();
  const text = await stack.previewDiffText();
  const changeLines = text
    .split("\n")
    .filter((line) => /^\s*[+-] /.test(line) && /(member-\d{4}|someone-else)/.test(line))
    .map((line) => line.trim());
  assert.deepEqual(changeLines, ["- someone-else: true"]);
  await emulator.control.clearCounters();
  await stack.up();
  assert.deepEqual(await writes(), [
    "DELETE /v1/teams/:team_name/groups/:group_name/users/:user_name ×1",
  ]);
});
