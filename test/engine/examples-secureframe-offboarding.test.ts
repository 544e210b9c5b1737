import assert from "node:assert/strict";
import { test } from "vitest";
import { useEmulatorStack } from "../harness/emulator-stack";
import { exampleProgram } from "../harness/example-program";

// examples/secureframe-offboarding, from its own files, against the emulator's seed: Caddy (an
// active contractor in audit scope, no end date) and Maury (an active auditor, out of scope,
// ended 2024-12-31) leave.

const example = exampleProgram("secureframe-offboarding");
const caddy = "caddy.compson@example.com";
const maury = "maury.bascomb@example.com";

const suite = useEmulatorStack(example);

const person = async (email: string) => {
  const user = (await suite.emulator.control.secureframe.users()).find((u) => u.email === email);
  assert.ok(user, `no Secureframe user ${email}`);
  const { id, active, end_date, in_audit_scope } = user;
  return { id, active, end_date, in_audit_scope };
};

test("pulumi up records each leaver's end date and audit scope and deactivates them", async () => {
  const before = { caddy: await person(caddy), maury: await person(maury) };
  assert.deepEqual(
    [before.caddy.active, before.caddy.end_date, before.caddy.in_audit_scope],
    [true, null, true],
  );

  const run = await suite.stack.up();
  assert.deepEqual(run.changes, { create: 5 });
  assert.deepEqual(await person(caddy), {
    id: before.caddy.id,
    active: false,
    end_date: "2026-11-20T00:00:00.000Z",
    in_audit_scope: false,
  });
  assert.deepEqual(await person(maury), {
    id: before.maury.id,
    active: false,
    end_date: "2024-12-31T00:00:00.000Z",
    in_audit_scope: false,
  });
  assert.deepEqual((await suite.stack.outputs()).leaverIds, {
    [caddy]: before.caddy.id,
    [maury]: before.maury.id,
  });
});

test("the preview right after has nothing to change", async () => {
  const run = await suite.stack.preview();
  assert.deepEqual(run.changes, { same: 5 });
  assert.deepEqual(run.steps, []);
});

test("taking a leaver off the list puts back what Secureframe had (restoreOnDelete)", async () => {
  const program = example.files["index.ts"] ?? "";
  const edited = program.replace(/^\s*\{ user: "caddy\.compson@example\.com".*\n/m, "");
  assert.notEqual(edited, program);
  suite.stack.updateFiles({ "index.ts": edited });

  const run = await suite.stack.up();
  assert.deepEqual(run.changes, { delete: 2, same: 3 });
  const { active, end_date, in_audit_scope } = await person(caddy);
  assert.deepEqual(
    { active, end_date, in_audit_scope },
    { active: true, end_date: null, in_audit_scope: true },
  );
  assert.equal((await person(maury)).active, false);
});

test("pulumi destroy reinstates the remaining leavers too", async () => {
  const run = await suite.stack.destroy();
  assert.deepEqual(run.changes, { delete: 3 });
  const { id } = await person(maury);
  assert.deepEqual(await person(maury), {
    id,
    active: true,
    end_date: "2024-12-31T00:00:00.000Z",
    in_audit_scope: false,
  });
});
