import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { SecureframeClient } from "../../provider/secureframe/client";
import type { User } from "../../provider/secureframe/schemas";
import type { SecureframeUserApi } from "../../provider/secureframe/user-adapter";
import { spec as attributesSpec } from "../../provider/secureframe/user-attributes";
import { spec as statusSpec } from "../../provider/secureframe/user-status";
import { checkReasons, create, refresh, rejection, up, useEmulator } from "./fixture";

const emulator = useEmulator();
const jason = "1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d";
const benjy = "1ccce84a-77ee-4b97-9a00-a15e31c001d7";
const user = (id: string) => emulator().control.secureframe.user(id);

describe("secureframe.UserAttributes", () => {
  const provider = attributesSpec.provider();

  test("create resolves an email to the id once, sets the declared values through the query string, and records what it found", async () => {
    const { id, outs } = await create(provider, {
      user: "Jason.Compson@Example.com",
      employeeType: "contractor",
      endDate: "1933-04-30",
    });
    assert.equal(id, jason);
    const stored = await user(jason);
    assert.equal(stored.employee_type, "contractor");
    assert.equal(stored.end_date, "1933-04-30T00:00:00.000Z");
    assert.equal(stored.start_date, "1928-01-02T00:00:00.000Z");
    assert.deepEqual(outs, {
      user: "jason.compson@example.com",
      employeeType: "contractor",
      endDate: "1933-04-30T00:00:00.000Z",
      restoreOnDelete: false,
      userId: jason,
      originalValues: { employeeType: "employee", endDate: null },
    });
    const puts = (await emulator().control.requests()).filter((r) => r.method === "PUT");
    assert.equal(puts.length, 1);
    const query = new URL(puts[0]?.url ?? "", "http://x").searchParams;
    assert.equal(query.get("employee_type"), "contractor");
    assert.equal(query.get("end_date"), "1933-04-30T00:00:00.000Z");
  });

  test("refresh shows a declared value changed by hand and up puts it back; other attributes are not drift", async () => {
    const args = { user: jason, startDate: "1928-01-02", inAuditScope: true };
    const { id, outs } = await create(provider, args);
    await emulator().control.secureframe.updateUser(jason, { title: "Manager", active: false });
    assert.deepEqual((await refresh(provider, id, outs)).props, outs);

    await emulator().control.secureframe.updateUser(jason, { in_audit_scope: false });
    const read = await refresh(provider, id, outs);
    assert.equal(read.props?.inAuditScope, false);
    assert.deepEqual(read.inputs, {
      user: jason,
      startDate: "1928-01-02T00:00:00.000Z",
      inAuditScope: false,
      restoreOnDelete: false,
    });
    const { diff } = await up(provider, id, read.props ?? {}, args);
    assert.equal(diff.changes, true);
    assert.equal((await user(jason)).in_audit_scope, true);
  });

  test("a date written another way is the same date: no change", async () => {
    const { id, outs } = await create(provider, { user: jason, startDate: "1928-01-02" });
    const { diff } = await up(provider, id, outs, {
      user: jason,
      startDate: "1928-01-02T00:00:00Z",
    });
    assert.equal(diff.changes, false);
  });

  test("the id the email was resolved to names the same user: no replacement", async () => {
    const { id, outs } = await create(provider, {
      user: "jason.compson@example.com",
      employeeType: "employee",
    });
    const diff = await provider.diff?.(id, outs, {
      user: jason,
      employeeType: "employee",
      restoreOnDelete: false,
    });
    assert.deepEqual(diff, { changes: true, replaces: [], deleteBeforeReplace: false });
    const other = await provider.diff?.(id, outs, {
      user: benjy,
      employeeType: "employee",
      restoreOnDelete: false,
    });
    assert.deepEqual(other, { changes: true, replaces: ["user"], deleteBeforeReplace: true });
  });

  test("delete leaves the values, unless restoreOnDelete puts back those found (a cleared date included)", async () => {
    const kept = await create(provider, { user: jason, employeeType: "external" });
    await provider.delete?.(kept.id, kept.outs);
    assert.equal((await user(jason)).employee_type, "external");

    await emulator().control.reset();
    const restored = await create(provider, {
      user: "maury.bascomb@example.com",
      employeeType: "contractor",
      endDate: null,
      startDate: "2024-02-01",
      restoreOnDelete: true,
    });
    const maury = restored.id;
    assert.equal((await user(maury)).end_date, null);
    await provider.delete?.(restored.id, restored.outs);
    const after = await user(maury);
    assert.equal(after.employee_type, "auditor");
    assert.equal(after.start_date, "2024-01-15T00:00:00.000Z");
    assert.equal(after.end_date, "2024-12-31T00:00:00.000Z");
  });

  test("workspace, which the OpenAPI document lists for updates, is set and restored", async () => {
    const made = await create(provider, { user: jason, employeeType: "workspace" });
    assert.equal((await user(jason)).employee_type, "workspace");
    await provider.delete?.(made.id, made.outs);

    await emulator().control.secureframe.updateUser(jason, { employee_type: "workspace" });
    const restored = await create(provider, {
      user: jason,
      employeeType: "employee",
      restoreOnDelete: true,
    });
    assert.equal((await user(jason)).employee_type, "employee");
    await provider.delete?.(restored.id, restored.outs);
    assert.equal((await user(jason)).employee_type, "workspace");
  });

  test("an email no user has, and an unknown id, are clear errors", async () => {
    const byEmail = await rejection(
      create(provider, { user: "luster@example.com", employeeType: "employee" }),
    );
    assert.match(
      byEmail.message,
      /^No Secureframe user has the email "luster@example.com"; check the address/,
    );
    const byId = await rejection(
      create(provider, { user: "00000000-0000-4000-8000-000000000000", employeeType: "employee" }),
    );
    assert.match(
      byId.message,
      /^Secureframe has no user with the id "00000000-0000-4000-8000-000000000000"/,
    );
  });

  test("bad arguments fail at check with the property and the fix", async () => {
    const reasons = (args: Record<string, unknown>) =>
      checkReasons(provider, { user: jason, ...args });
    assert.deepEqual(await reasons({ employeeType: "intern" }), [
      'employeeType: "intern" is not a Secureframe employee type; use one of contractor, employee, non_employee, auditor, external, workspace',
    ]);
    assert.deepEqual(await reasons({ startDate: "15/01/2024" }), [
      'startDate: "15/01/2024" is not an ISO 8601 date; write it like "2024-01-15" or "2024-01-15T09:00:00Z" (a time needs Z or an offset such as +02:00)',
    ]);
    assert.deepEqual(await reasons({ startDate: "2024-02-01", endDate: "2024-01-31" }), [
      "endDate: 2024-01-31T00:00:00.000Z is before startDate 2024-02-01T00:00:00.000Z; swap them or fix one",
    ]);
    assert.deepEqual(await reasons({ inAuditScope: "yes" }), [
      'inAuditScope: must be true or false (true puts the user in audit scope), not "yes"',
    ]);
    assert.deepEqual(await reasons({}), [
      "employeeType: secureframe.UserAttributes manages nothing; declare at least one of employeeType, startDate, endDate, inAuditScope",
    ]);
    assert.deepEqual(await checkReasons(provider, { user: "jason", employeeType: "employee" }), [
      'user: "jason" names no Secureframe user; give the user\'s id (a UUID like "1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d") or email address (e.g. "jason.compson@example.com")',
    ]);
  });

  test("a change Secureframe refuses is a clear error", async () => {
    const data = emulator().data();
    data.secureframe.api_keys.push({
      key: "sfk_read_only",
      secret: "sfs_read_only",
      read_only: true,
    });
    await emulator().control.loadData(data);
    const readOnly = attributesSpec.provider(
      () =>
        new SecureframeClient({
          baseUrl: emulator().secureframeUrl,
          apiKey: "sfk_read_only",
          apiSecret: "sfs_read_only",
        }),
    );
    const err = await rejection(create(readOnly, { user: jason, employeeType: "contractor" }));
    assert.match(
      err.message,
      /^Secureframe refused to change Secureframe user 1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d \(jason.compson@example.com\) \(employeeType "employee" → "contractor"\): HTTP 403/,
    );
    assert.doesNotMatch(err.message, /sfs_read_only/);
  });

  test("a change Secureframe answers without making is a clear error, and a partial failure", async () => {
    let seen: User = {
      id: jason,
      email: "jason.compson@example.com",
      employee_type: "employee",
      in_audit_scope: true,
    };
    // An API that ignores in_audit_scope, as Secureframe may ("only updateable in certain cases").
    const api: SecureframeUserApi = {
      getUser: async () => seen,
      findUserByEmail: async () => seen,
      updateUser: async (_id, update) => {
        seen = {
          ...seen,
          ...(update.employee_type ? { employee_type: update.employee_type } : {}),
        };
        return seen;
      },
    };
    const err = await rejection(
      create(
        attributesSpec.provider(() => api),
        { user: jason, employeeType: "contractor", inAuditScope: false },
      ),
    );
    assert.match(
      err.message,
      /^Secureframe accepted the change of Secureframe user .* \(employeeType "employee" → "contractor", inAuditScope true → false\) but did not make it: inAuditScope is true\./,
    );
    // The employee type was changed: the resource stays in state, telling what the user has now
    // and what was found, so refresh, up and restoreOnDelete work from there.
    const partial = err as Error & { id?: string; properties?: Record<string, unknown> };
    assert.equal(partial.id, jason);
    assert.equal(partial.properties?.employeeType, "contractor");
    assert.equal(partial.properties?.inAuditScope, true);
    assert.deepEqual(partial.properties?.originalValues, {
      employeeType: "employee",
      inAuditScope: true,
    });
  });
});

describe("secureframe.UserStatus", () => {
  const provider = statusSpec.provider();

  test("create sets active and records the value found; delete leaves it by default", async () => {
    const { id, outs } = await create(provider, { user: jason, active: false });
    assert.equal(id, jason);
    assert.equal((await user(jason)).active, false);
    assert.deepEqual(outs, {
      user: jason,
      active: false,
      restoreOnDelete: false,
      userId: jason,
      originalValues: { active: true },
    });
    await provider.delete?.(id, outs);
    assert.equal((await user(jason)).active, false);
  });

  test("restoreOnDelete puts back the value found, for a user named by email", async () => {
    const { id, outs } = await create(provider, {
      user: "benjy.compson@example.com",
      active: true,
      restoreOnDelete: true,
    });
    assert.equal(id, benjy);
    assert.equal((await user(benjy)).active, true);
    await provider.delete?.(id, outs);
    assert.equal((await user(benjy)).active, false);
  });

  test("refresh shows active changed by hand and up puts it back; an attribute change is not drift", async () => {
    const args = { user: jason, active: true };
    const { id, outs } = await create(provider, args);
    await emulator().control.secureframe.updateUser(jason, { employee_type: "contractor" });
    assert.deepEqual((await refresh(provider, id, outs)).props, outs);

    await emulator().control.secureframe.updateUser(jason, { active: false });
    const read = await refresh(provider, id, outs);
    assert.deepEqual(read.inputs, { user: jason, active: false, restoreOnDelete: false });
    const { diff } = await up(provider, id, read.props ?? {}, args);
    assert.equal(diff.changes, true);
    assert.equal((await user(jason)).active, true);
  });

  test("a user deleted by hand is gone on refresh", async () => {
    const { id, outs } = await create(provider, { user: jason, active: true });
    await emulator().control.secureframe.deleteUser(jason);
    assert.deepEqual(await refresh(provider, id, outs), {});
  });

  test("bad arguments fail at check", async () => {
    assert.deepEqual(await checkReasons(provider, { user: jason, active: "false" }), [
      'active: must be true or false (true activates the account, false deactivates it), not "false"',
    ]);
    assert.deepEqual(await checkReasons(provider, { user: "jason@", active: true }), [
      'user: "jason@" names no Secureframe user; give the user\'s id (a UUID like "1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d") or email address (e.g. "jason.compson@example.com")',
    ]);
  });
});
