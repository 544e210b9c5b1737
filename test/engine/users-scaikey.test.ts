import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { assertNowhere, changedLines, isStoredSecret, useUserStack } from "../users/engine-stack";

// scaikey.UserAttributes and scaikey.UserStatus with the real Pulumi CLI: create, no-op preview,
// changes by hand, refresh, up reverting them, destroy with and without restoreOnDelete.

const tenant = "tnt_a24a8f641821b521082680b9";
const jason = "usr_a0ef100cb9467317b1a26c4c";
const caddy = "usr_d3fb355fbb0ab9e676a57880";
const dilsey = "usr_7e383dc4e43a471d9418566d";
const luster = "usr_555d3eed3b854243";

const program = `
import * as identity from "pulumi-identity";
const { scaikey } = identity;

new scaikey.UserAttributes("jason-attributes", {
  user: "jason.compson@example.com",
  displayName: "Jason Compson",
  timezone: "America/New_York",
  customAttributes: { shift: "evening" },
});
new scaikey.UserAttributes("dilsey-attributes", {
  user: "${dilsey}",
  phone: "+1-662-555-0177",
  locale: "en-US",
  restoreOnDelete: true,
});
new scaikey.UserStatus("caddy-status", {
  user: "caddy.compson@example.com",
  status: "ACTIVE",
  reason: "Unlocked after a call",
  restoreOnDelete: true,
});
new scaikey.UserStatus("luster-status", { user: "${luster}", status: "ACTIVE" });
`;

const use = useUserStack(program, (emulator) => ({
  "identity:scaikeyBaseUrl": { value: emulator.scaikeyUrl },
  "identity:scaikeyClientId": { value: emulator.credentials.scaikey.clientId },
  "identity:scaikeyClientSecret": {
    value: emulator.credentials.scaikey.clientSecret,
    secret: true,
  },
  "identity:scaikeyTenant": { value: emulator.credentials.scaikey.tenantId },
}));
const user = (id: string) => use().emulator.control.scaikey.user(id);

test("pulumi up applies the declared values and statuses, with emails resolved to ids", async () => {
  const { stack, record, resource } = use();
  assert.deepEqual(record(await stack.up()).changes, { create: 5 });
  const jasonNow = await user(jason);
  assert.equal(jasonNow.display_name, "Jason Compson");
  assert.deepEqual(jasonNow.custom_attributes, {
    employer: "Earl's hardware store",
    shift: "evening",
  });
  assert.equal((await user(dilsey)).phone, "+1-662-555-0177");
  assert.equal((await user(caddy)).status, "ACTIVE");
  assert.equal((await user(luster)).status, "ACTIVE");
  assert.equal(resource("jason-attributes").id, `${tenant}/${jason}`);
  assert.equal(resource("caddy-status").outputs?.userId, caddy);
  assert.ok(isStoredSecret(resource("dilsey-attributes").outputs?.originalValues));
  assert.deepEqual(resource("caddy-status").outputs?.originalValues, { status: "LOCKED" });
});

test("a preview right after shows no change", async () => {
  const { stack, record } = use();
  assert.deepEqual(record(await stack.preview()).changes, { same: 5 });
});

test("changes by hand: refresh shows the declared ones only, and preview --diff names them", async () => {
  const { stack, record, emulator, resource, runs } = use();
  await emulator.control.scaikey.updateUser(jason, {
    display_name: "J. Compson",
    phone: null,
    custom_attributes: { employer: "Compson & Co", shift: "evening" },
  });
  await emulator.control.scaikey.updateUser(caddy, { status: "LOCKED" });

  const run = record(await stack.refresh());
  assert.deepEqual(run.changes, { same: 3, update: 2 });
  assert.equal(resource("jason-attributes").outputs?.displayName, "J. Compson");
  assert.equal(resource("caddy-status").inputs?.status, "LOCKED");

  const text = await stack.previewDiffText();
  runs.push({ stdout: text, stderr: "" });
  expect(changedLines(text).sort()).toMatchInlineSnapshot(`
    [
      "~ displayName: "J. Compson" => "Jason Compson"",
      "~ status: "LOCKED" => "ACTIVE"",
    ]
  `);
});

test("pulumi up puts the declared values back, then nothing is left to do", async () => {
  const { stack, record } = use();
  assert.deepEqual(record(await stack.up()).changes, { same: 3, update: 2 });
  const jasonNow = await user(jason);
  assert.equal(jasonNow.display_name, "Jason Compson");
  assert.equal(jasonNow.phone, null);
  assert.deepEqual(jasonNow.custom_attributes, { employer: "Compson & Co", shift: "evening" });
  assert.equal((await user(caddy)).status, "ACTIVE");
  assert.deepEqual(record(await stack.preview()).changes, { same: 5 });
});

test("pulumi destroy leaves users as they are, except where restoreOnDelete puts back what was found", async () => {
  const { stack, record } = use();
  assert.deepEqual(record(await stack.destroy()).changes, { delete: 5 });
  assert.deepEqual(stack.resources(), []);
  const jasonNow = await user(jason);
  assert.equal(jasonNow.timezone, "America/New_York");
  assert.equal(jasonNow.custom_attributes?.shift, "evening");
  assert.equal((await user(luster)).status, "ACTIVE");
  const dilseyNow = await user(dilsey);
  assert.equal(dilseyNow.phone, null);
  assert.equal(dilseyNow.locale, "en");
  assert.equal((await user(caddy)).status, "LOCKED");
});

test("a bad argument fails the preview, naming the property and the fix", async () => {
  const { stack, runs } = use();
  writeFileSync(
    join(stack.dir, "index.ts"),
    program.replace('timezone: "America/New_York"', 'timezone: "america/new_york"'),
  );
  const run = await stack.preview({ allowFailure: true });
  runs.push(run);
  assert.notEqual(run.exitCode, 0);
  const diagnostics = run.events.map((event) => event.diagnosticEvent?.message ?? "").join("\n");
  assert.match(
    diagnostics,
    /timezone: "america\/new_york" is not an IANA time zone name; did you mean "America\/New_York"\?/,
  );
});

test("the client secret never appears in state, engine events or CLI output", () => {
  const users = use();
  assert.ok(users.runs.length >= 7);
  assertNowhere(users, [users.emulator.credentials.scaikey.clientSecret]);
});
