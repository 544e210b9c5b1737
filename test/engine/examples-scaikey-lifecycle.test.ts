import assert from "node:assert/strict";
import { test } from "vitest";
import { useEmulatorStack } from "../harness/emulator-stack";
import { exampleProgram } from "../harness/example-program";

// examples/scaikey-lifecycle, from its own files, against the emulator's seed: Caddy is LOCKED
// (five failed sign-ins), Jason and Dilsey ACTIVE. The program unlocks Caddy, locks Jason and
// disables Dilsey; then Jason's review closes and his LOCKED becomes ACTIVE in code.

const example = exampleProgram("scaikey-lifecycle");
const program = example.files["index.ts"] ?? assert.fail("the example has no index.ts");
const caddy = "caddy.compson@example.com";
const jason = "jason.compson@example.com";
const dilsey = "dilsey.gibson@example.com";

const suite = useEmulatorStack(example);

const account = async (email: string) => {
  const user = (await suite.emulator.control.scaikey.users()).find((u) => u.email === email);
  assert.ok(user, `no ScaiKey user ${email}`);
  return user;
};
const statusWrites = async () =>
  Object.entries((await suite.emulator.control.counters()).scaikey)
    .filter(([route]) => /^(PUT|POST|PATCH|DELETE) /.test(route) && !route.includes("/oauth/"))
    .map(([route, n]) => `${route} ×${n}`);

test("pulumi up unlocks, locks and disables the accounts as declared", async () => {
  assert.equal((await account(caddy)).status, "LOCKED");
  assert.equal((await account(caddy)).failed_login_attempts, 5);

  const run = await suite.stack.up();
  assert.deepEqual(run.changes, { create: 4 });
  assert.equal((await account(caddy)).status, "ACTIVE");
  assert.equal((await account(caddy)).failed_login_attempts, 0);
  assert.equal((await account(jason)).status, "LOCKED");
  assert.equal((await account(dilsey)).status, "DISABLED");
  assert.deepEqual((await suite.stack.outputs()).statuses, {
    [caddy]: "ACTIVE",
    [jason]: "LOCKED",
    [dilsey]: "DISABLED",
  });
  const jasonState = suite.stack.resources().find((r) => r.urn.endsWith(`::${jason}`));
  assert.equal(jasonState?.outputs?.reason, "Unusual sign-ins under review (SEC-311)");
  assert.equal(jasonState?.outputs?.terminateSessions, true);
});

test("the preview right after has nothing to change", async () => {
  const run = await suite.stack.preview();
  assert.deepEqual(run.changes, { same: 4 });
  assert.deepEqual(run.steps, []);
});

test("changing Jason's LOCKED to ACTIVE in code unlocks him, and nobody else changes", async () => {
  const edited = program.replace(
    /status: "LOCKED",\n(\s*)reason: "Unusual sign-ins under review \(SEC-311\)",/,
    'status: "ACTIVE",\n$1reason: "Review closed: the sign-ins were his (SEC-311)",',
  );
  assert.notEqual(edited, program);
  suite.stack.updateFiles({ "index.ts": edited });

  const diff = await suite.stack.previewDiffText();
  assert.match(diff, /~ status\s*: "LOCKED" => "ACTIVE"/);
  await suite.emulator.control.clearCounters();
  const run = await suite.stack.up();
  assert.deepEqual(run.changes, { update: 1, same: 3 });
  assert.equal((await account(jason)).status, "ACTIVE");
  assert.equal((await account(caddy)).status, "ACTIVE");
  assert.equal((await account(dilsey)).status, "DISABLED");
  assert.deepEqual(await statusWrites(), [
    "PUT /api/v1/tenants/:tenant_id/users/:user_id/status ×1",
  ]);
});

test("pulumi destroy leaves the accounts as they are", async () => {
  const run = await suite.stack.destroy();
  assert.deepEqual(run.changes, { delete: 4 });
  assert.equal((await account(jason)).status, "ACTIVE");
  assert.equal((await account(caddy)).status, "ACTIVE");
  assert.equal((await account(dilsey)).status, "DISABLED");
});
