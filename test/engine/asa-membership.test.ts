import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { MemberSet } from "../../provider/asa/member-set";
import { configureForEmulator } from "../harness/emulator-config";
import { PulumiProgram } from "../harness/pulumi-program";
import { assertNowhere, type RecordedRun } from "../harness/secrets";

// The whole life of a group and its members with the real Pulumi CLI, against the emulator
// running in this process: create, no-op preview, drift by hand, refresh, preview --diff, up, destroy.

const members = ["person-0001", "person-0002", "person-0003", "person-0004"];
const programFor = (groupName: string) => `
import * as identity from "pulumi-identity";

const group = new identity.asa.Group("eng", { name: "${groupName}", roles: ["access_user", "reporting_user"] });
const membership = new identity.asa.GroupMembership("eng-members", {
  group,
  members: ${JSON.stringify(members)},
});
export const groupId = group.groupId;
export const managed = membership.members;
`;
const program = programFor("engineering");

const membershipType = "pulumi-nodejs:dynamic/asa:GroupMembership";
const groupType = "pulumi-nodejs:dynamic/asa:Group";

let emulator: RunningEmulator;
let stack: PulumiProgram;
let team: string;
let keySecret: string;
const runs: RecordedRun[] = [];

const membersNow = async () =>
  [...(await emulator.control.asa.group(team, "engineering")).members].sort();
const stateOf = (type: string) => stack.resources().find((r) => r.type === type);
function record<T extends { stdout: string; stderr: string }>(run: T): T {
  runs.push(run);
  return run;
}

beforeAll(async () => {
  emulator = await startEmulator();
  ({ team, keySecret } = emulator.credentials.asa);
  await emulator.control.asa.createUsers(
    team,
    ["person-0001", "person-0002", "person-0003", "person-0004", "person-0005", "person-0006"].map(
      (name) => ({ name }),
    ),
  );
  stack = await PulumiProgram.create({ files: { "index.ts": program } });
  await configureForEmulator(stack, emulator);
});
afterAll(async () => {
  stack?.dispose();
  await emulator?.stop();
});

test("pulumi up creates the group and its members", async () => {
  const run = record(await stack.up());
  assert.deepEqual(run.changes, { create: 3 });
  assert.deepEqual(await membersNow(), members);
  const membership = stateOf(membershipType);
  assert.equal(membership?.id, `${team}/engineering`);
  // Stored as a name set, so a refresh names who joined or left.
  assert.deepEqual(membership?.outputs?.members, MemberSet.of(members).toStored());
  assert.equal(stateOf(groupType)?.id, `${team}/engineering`);
  // The serialized provider is the small handle that loads the installed package.
  for (const [type, file] of [
    [groupType, "asa-group"],
    [membershipType, "asa-group-membership"],
  ] as const) {
    const serialized = String(stateOf(type)?.inputs?.__provider);
    assert.ok(Buffer.byteLength(serialized) < 2048, `${type}: ${serialized.length} bytes`);
    assert.ok(serialized.includes(`require("pulumi-identity/dist/provider/handles/${file}.js")`));
  }
});

test("a preview right after shows no change", async () => {
  const run = record(await stack.preview());
  assert.deepEqual(run.changes, { same: 3 });
  assert.deepEqual(run.steps, []);
});

test("someone adds and removes members by hand: refresh shows it", async () => {
  await emulator.control.asa.addGroupMember(team, "engineering", "person-0006");
  await emulator.control.asa.removeGroupMember(team, "engineering", "person-0002");

  const run = record(await stack.refresh());
  assert.equal(run.changes.update, 1);
  const membership = stateOf(membershipType);
  assert.deepEqual(MemberSet.from(membership?.outputs?.members).list(), [
    "person-0001",
    "person-0003",
    "person-0004",
    "person-0006",
  ]);
  assert.deepEqual(membership?.inputs?.members, {
    "person-0001": true,
    "person-0003": true,
    "person-0004": true,
    "person-0006": true,
  });
});

test("pulumi preview --diff names exactly who will be added and removed", async () => {
  const text = await stack.previewDiffText();
  runs.push({ stdout: text, stderr: "" });
  // Unchanged members are listed without a marker; only the two changes carry + or -.
  const changeLines = text
    .split("\n")
    .filter((line) => /^\s*[+-] /.test(line) && /person-\d{4}/.test(line))
    .map((line) => line.trim());
  expect(changeLines).toMatchInlineSnapshot(`
    [
      "+ person-0002: true",
      "- person-0006: true",
    ]
  `);

  const run = record(await stack.preview());
  assert.deepEqual(run.changes, { same: 2, update: 1 });
  assert.equal(run.steps[0]?.type, membershipType);
});

test("pulumi up restores the declared list, then nothing is left to do", async () => {
  await emulator.control.clearCounters();
  const run = record(await stack.up());
  assert.deepEqual(run.changes, { same: 2, update: 1 });
  assert.deepEqual(await membersNow(), members);
  const counters = (await emulator.control.counters()).asa;
  assert.equal(counters["POST /v1/teams/:team_name/groups/:group_name/users"], 1);
  assert.equal(counters["DELETE /v1/teams/:team_name/groups/:group_name/users/:user_name"], 1);

  const preview = record(await stack.preview());
  assert.deepEqual(preview.changes, { same: 3 });
});

test("renaming the group replaces it and its membership, old ones deleted first", async () => {
  writeFileSync(join(stack.dir, "index.ts"), programFor("platform"));
  const preview = record(await stack.preview());
  assert.deepEqual(
    preview.steps.map((step) => `${step.op} ${step.type.split("/")[1]}`).sort(),
    [
      "delete-replaced asa:Group",
      "delete-replaced asa:GroupMembership",
      "replace asa:Group",
      "replace asa:GroupMembership",
      "create-replacement asa:Group",
      "create-replacement asa:GroupMembership",
    ].sort(),
  );
  const run = record(await stack.up());
  assert.equal(run.changes.replace, 2);
  const old = await emulator.control.asa.group(team, "engineering");
  assert.deepEqual(old.members, []);
  assert.notEqual(old.deleted_at, "0001-01-01T00:00:00Z");
  assert.deepEqual(
    [...(await emulator.control.asa.group(team, "platform")).members].sort(),
    members,
  );
  assert.equal(stateOf(membershipType)?.id, `${team}/platform`);
});

test("pulumi destroy removes the members, then the group", async () => {
  const run = record(await stack.destroy());
  assert.deepEqual(run.changes, { delete: 3 });
  assert.deepEqual(stack.resources(), []);
  const group = await emulator.control.asa.group(team, "platform");
  assert.deepEqual(group.members, []);
  assert.notEqual(group.deleted_at, "0001-01-01T00:00:00Z");
});

test("the key secret never appears in state, engine events or CLI output", () => {
  assert.ok(runs.length >= 8);
  assertNowhere(stack, runs, [keySecret]);
});
