import assert from "node:assert/strict";
import { expect, test } from "vitest";
import { assertNowhere, changedLines, isStoredSecret, useUserStack } from "../users/engine-stack";

// asa.UserAttributes and asa.UserStatus with the real Pulumi CLI: create, no-op preview, changes
// by hand, refresh, up reverting them, destroy with and without restoreOnDelete.

const program = `
import * as identity from "pulumi-identity";
const { asa } = identity;

new asa.UserAttributes("jason-attributes", {
  username: "Jason.Compson.IV",
  details: { firstName: "Jay", email: "jay@compson.example" },
});
new asa.UserAttributes("benjy-attributes", {
  username: "Benjy.Compson",
  details: { fullName: "Benjamin Compson" },
  restoreOnDelete: true,
});
new asa.UserStatus("benjy-status", { username: "Benjy.Compson", status: "ACTIVE", restoreOnDelete: true });
const jason = new asa.UserStatus("jason-status", { username: "Jason.Compson.IV", status: "DISABLED" });

export const jasonId = jason.userId;
`;

const use = useUserStack(program, (emulator) => ({
  "identity:asaTeam": { value: emulator.credentials.asa.team },
  "identity:asaKeyId": { value: emulator.credentials.asa.keyId },
  "identity:asaKeySecret": { value: emulator.credentials.asa.keySecret, secret: true },
  "identity:asaBaseUrl": { value: emulator.asaUrl },
}));
const team = "william-faulkner";
const user = (name: string) => use().emulator.control.asa.user(team, name);

test("pulumi up applies the declared details and statuses", async () => {
  const { stack, record, resource } = use();
  const run = record(await stack.up());
  assert.deepEqual(run.changes, { create: 5 });
  const jason = await user("Jason.Compson.IV");
  assert.equal(jason.status, "DISABLED");
  assert.deepEqual(jason.details, {
    first_name: "Jay",
    last_name: "Compson",
    full_name: "Jason Compson IV",
    email: "jay@compson.example",
  });
  const benjy = await user("Benjy.Compson");
  assert.equal(benjy.status, "ACTIVE");
  assert.equal(benjy.details?.full_name, "Benjamin Compson");
  assert.equal(resource("jason-attributes").id, `${team}/Jason.Compson.IV`);
  assert.equal(resource("jason-status").outputs?.userId, "6da51721-1c8a-4d5c-955f-d27a0fe35bdf");
  assert.ok(isStoredSecret(resource("benjy-attributes").outputs?.originalValues));
  assert.deepEqual(resource("benjy-status").outputs?.originalValues, { status: "DISABLED" });
});

test("a preview right after shows no change", async () => {
  const { stack, record } = use();
  assert.deepEqual(record(await stack.preview()).changes, { same: 5 });
});

test("changes by hand: refresh shows the declared ones only, and preview --diff names them", async () => {
  const { stack, record, emulator, resource, runs } = use();
  await emulator.control.asa.updateUser(team, "Jason.Compson.IV", {
    details: {
      first_name: "Jase",
      last_name: "Compton",
      full_name: "Jason Compson IV",
      email: "jay@compson.example",
    },
  });
  await emulator.control.asa.updateUser(team, "Benjy.Compson", { status: "DISABLED" });

  const run = record(await stack.refresh());
  assert.deepEqual(run.changes, { same: 3, update: 2 });
  assert.deepEqual(resource("jason-attributes").outputs?.details, {
    firstName: "Jase",
    email: "jay@compson.example",
  });
  assert.equal(resource("benjy-status").inputs?.status, "DISABLED");

  const text = await stack.previewDiffText();
  runs.push({ stdout: text, stderr: "" });
  expect(changedLines(text).sort()).toMatchInlineSnapshot(`
    [
      "~ firstName: "Jase" => "Jay"",
      "~ status: "DISABLED" => "ACTIVE"",
    ]
  `);
});

test("pulumi up puts the declared values back, then nothing is left to do", async () => {
  const { stack, record } = use();
  assert.deepEqual(record(await stack.up()).changes, { same: 3, update: 2 });
  const jason = await user("Jason.Compson.IV");
  assert.equal(jason.details?.first_name, "Jay");
  assert.equal(jason.details?.last_name, "Compton");
  assert.equal((await user("Benjy.Compson")).status, "ACTIVE");
  assert.deepEqual(record(await stack.preview()).changes, { same: 5 });
});

test("pulumi destroy leaves users as they are, except where restoreOnDelete puts back what was found", async () => {
  const { stack, record } = use();
  assert.deepEqual(record(await stack.destroy()).changes, { delete: 5 });
  assert.deepEqual(stack.resources(), []);
  const jason = await user("Jason.Compson.IV");
  assert.equal(jason.status, "DISABLED");
  assert.equal(jason.details?.first_name, "Jay");
  const benjy = await user("Benjy.Compson");
  assert.equal(benjy.status, "DISABLED");
  assert.equal(benjy.details?.full_name, "Benjy Compson");
});

test("the key secret never appears in state, engine events or CLI output", () => {
  const users = use();
  assert.ok(users.runs.length >= 7);
  assertNowhere(users, [users.emulator.credentials.asa.keySecret]);
});
