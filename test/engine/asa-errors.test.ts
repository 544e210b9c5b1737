import assert from "node:assert/strict";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { configureForEmulator } from "../harness/emulator-config";
import { PulumiProgram } from "../harness/pulumi-program";

// What a user sees when something is wrong, through the real CLI.

let emulator: RunningEmulator;
let team: string;
const programs: PulumiProgram[] = [];

async function programOf(index: string): Promise<PulumiProgram> {
  const program = await PulumiProgram.create({ files: { "index.ts": index } });
  programs.push(program);
  await configureForEmulator(program, emulator);
  return program;
}

beforeAll(async () => {
  emulator = await startEmulator();
  team = emulator.credentials.asa.team;
  await emulator.control.asa.createGroup(team, { name: "b-team", members: ["Jason.Compson.IV"] });
});
afterAll(async () => {
  for (const program of programs) program.dispose();
  await emulator?.stop();
});

test("bad arguments: the preview fails naming each property and its fix", async () => {
  const stack = await programOf(`
import * as identity from "pulumi-identity";
new identity.asa.GroupMembership("m", { group: "b-team", members: ["Jason.Compson.IV", " "], mode: "strict" as any });
`);
  const run = await stack.preview({ allowFailure: true });
  assert.notEqual(run.exitCode, 0);
  const messages = run.events.flatMap((e) =>
    e.diagnosticEvent?.severity === "error" ? [e.diagnosticEvent.message] : [],
  );
  expect(messages.map((m) => m.trim())).toMatchInlineSnapshot(`
    [
      "pulumi-nodejs:dynamic/asa:GroupMembership resource 'm' has a problem: members[1]: " " is not a username; remove it or give the user's ASA username, e.g. "Jason.Compson.IV"",
      "pulumi-nodejs:dynamic/asa:GroupMembership resource 'm' has a problem: mode: must be "authoritative" or "additive", not "strict": "authoritative" owns the whole member list, "additive" only the listed members",
    ]
  `);
});

test("users that do not exist: up fails at check naming all of them, and the group is unchanged", async () => {
  const stack = await programOf(`
import * as identity from "pulumi-identity";
new identity.asa.GroupMembership("m", { group: "b-team", members: ["Jason.Compson.IV", "nobody", "Benjy.Compson", "ghost"] });
`);
  await emulator.control.clearCounters();
  const run = await stack.up({ allowFailure: true });
  assert.notEqual(run.exitCode, 0);
  const text = `${run.stdout}\n${run.stderr}`;
  assert.match(
    text,
    /resource 'm' has a problem: members: 2 of the users cannot join group "b-team" in team "william-faulkner": ghost \(no such user\), nobody \(no such user\); fix or remove them/,
  );
  assert.deepEqual((await emulator.control.asa.group(team, "b-team")).members, [
    "Jason.Compson.IV",
  ]);
  assert.equal(stack.resources().filter((r) => r.type.endsWith("asa:GroupMembership")).length, 0);
});

test("a wrong key secret: the error says 401 and never shows the secret", async () => {
  const wrong = "wrong-key-secret-5d1e9b-never-shown-anywhere";
  const stack = await programOf(`
import * as identity from "pulumi-identity";
new identity.asa.Group("g", { name: "ops", roles: [] });
`);
  await stack.setConfig("identity:asaKeySecret", wrong, { secret: true });
  const run = await stack.up({ allowFailure: true });
  assert.notEqual(run.exitCode, 0);
  const text = `${run.stdout}\n${run.stderr}\n${JSON.stringify(run.events)}`;
  assert.match(text, /Okta ASA POST \/v1\/teams\/william-faulkner\/service_token failed: 401/);
  assert.ok(!text.includes(wrong));
  assert.ok(!stack.stateText().includes(wrong));
});
