import assert from "node:assert/strict";
import { expect, test } from "vitest";
import { assertNowhere, changedLines, isStoredSecret, useUserStack } from "../users/engine-stack";

// secureframe.UserAttributes and secureframe.UserStatus with the real Pulumi CLI: create, no-op
// preview, changes by hand, refresh, up reverting them, destroy with and without restoreOnDelete.

const jason = "1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d";
const benjy = "1ccce84a-77ee-4b97-9a00-a15e31c001d7";
const caddy = "97542b42-e536-4859-82e1-152647feeae0";
const maury = "02c06431-6492-47ed-8148-d38b2cafc0a4";

const program = `
import * as identity from "pulumi-identity";
const { secureframe } = identity;

const jason = new secureframe.UserAttributes("jason-attributes", {
  user: "Jason.Compson@example.com",
  employeeType: "contractor",
  endDate: "1933-04-30",
});
new secureframe.UserAttributes("maury-attributes", {
  user: "${maury}",
  startDate: "2024-02-01",
  inAuditScope: true,
  restoreOnDelete: true,
});
new secureframe.UserStatus("benjy-status", { user: "benjy.compson@example.com", active: true, restoreOnDelete: true });
new secureframe.UserStatus("caddy-status", { user: "${caddy}", active: false });

export const jasonId = jason.userId;
`;

const use = useUserStack(program, (emulator) => ({
  "identity:secureframeApiKey": { value: emulator.credentials.secureframe.apiKey, secret: true },
  "identity:secureframeApiSecret": {
    value: emulator.credentials.secureframe.apiSecret,
    secret: true,
  },
  "identity:secureframeBaseUrl": { value: emulator.secureframeUrl },
}));
const user = (id: string) => use().emulator.control.secureframe.user(id);

test("pulumi up applies the declared values, with emails resolved to ids", async () => {
  const { stack, record, resource } = use();
  const run = record(await stack.up());
  assert.deepEqual(run.changes, { create: 5 });
  assert.equal((await user(jason)).employee_type, "contractor");
  assert.equal((await user(jason)).end_date, "1933-04-30T00:00:00.000Z");
  assert.equal((await user(maury)).start_date, "2024-02-01T00:00:00.000Z");
  assert.equal((await user(benjy)).active, true);
  assert.equal((await user(caddy)).active, false);
  assert.equal(resource("jason-attributes").id, jason);
  assert.equal(resource("benjy-status").id, benjy);
  assert.equal(resource("jason-attributes").outputs?.userId, jason);
  // What was found is personal data copied from Secureframe: stored encrypted.
  assert.ok(isStoredSecret(resource("jason-attributes").outputs?.originalValues));
  assert.deepEqual(resource("benjy-status").outputs?.originalValues, { active: false });
  const serialized = resource("caddy-status").inputs?.__provider as string;
  assert.match(
    serialized,
    /require\("pulumi-identity\/dist\/provider\/handles\/secureframe-user-status\.js"\)/,
  );
});

test("a preview right after shows no change", async () => {
  const { stack, record } = use();
  const run = record(await stack.preview());
  assert.deepEqual(run.changes, { same: 5 });
});

test("changes by hand: refresh shows the declared ones only, and preview --diff names them", async () => {
  const { stack, record, emulator, resource, runs } = use();
  await emulator.control.secureframe.updateUser(jason, {
    employee_type: "external",
    title: "Owner",
  });
  await emulator.control.secureframe.updateUser(benjy, { active: false, in_audit_scope: true });
  await emulator.control.secureframe.updateUser(caddy, { employee_type: "employee" });

  const run = record(await stack.refresh());
  assert.deepEqual(run.changes, { same: 3, update: 2 });
  assert.equal(resource("jason-attributes").outputs?.employeeType, "external");
  assert.equal(resource("benjy-status").inputs?.active, false);

  const text = await stack.previewDiffText();
  runs.push({ stdout: text, stderr: "" });
  expect(changedLines(text).sort()).toMatchInlineSnapshot(`
    [
      "~ active: false => true",
      "~ employeeType: "external" => "contractor"",
    ]
  `);
});

test("pulumi up puts the declared values back, then nothing is left to do", async () => {
  const { stack, record } = use();
  const run = record(await stack.up());
  assert.deepEqual(run.changes, { same: 3, update: 2 });
  assert.equal((await user(jason)).employee_type, "contractor");
  assert.equal((await user(jason)).title, "Owner");
  assert.equal((await user(benjy)).active, true);
  assert.equal((await user(caddy)).employee_type, "employee");
  assert.deepEqual(record(await stack.preview()).changes, { same: 5 });
});

test("pulumi destroy leaves users as they are, except where restoreOnDelete puts back what was found", async () => {
  const { stack, record } = use();
  const run = record(await stack.destroy());
  assert.deepEqual(run.changes, { delete: 5 });
  assert.deepEqual(stack.resources(), []);
  assert.equal((await user(jason)).employee_type, "contractor");
  assert.equal((await user(caddy)).active, false);
  const mauryNow = await user(maury);
  assert.equal(mauryNow.start_date, "2024-01-15T00:00:00.000Z");
  assert.equal(mauryNow.in_audit_scope, false);
  assert.equal((await user(benjy)).active, false);
});

test("the API key and secret never appear in state, engine events or CLI output", () => {
  const users = use();
  assert.ok(users.runs.length >= 7);
  const { apiKey, apiSecret } = users.emulator.credentials.secureframe;
  assertNowhere(users, [apiKey, apiSecret]);
});
