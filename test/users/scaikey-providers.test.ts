import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { ApiError } from "../../provider/errors";
import type { UserResponse, UserStatusUpdate } from "../../provider/scaikey/schemas";
import type { ScaiKeyUserApi } from "../../provider/scaikey/user-adapter";
import { spec as attributesSpec } from "../../provider/scaikey/user-attributes";
import { spec as statusSpec } from "../../provider/scaikey/user-status";
import { checkReasons, create, refresh, rejection, up, useEmulator } from "./fixture";

const emulator = useEmulator();
const tenant = "tnt_a24a8f641821b521082680b9";
const jason = "usr_a0ef100cb9467317b1a26c4c";
const benjy = "usr_8a2dc590cbac6b1368aa5b48";
const caddy = "usr_d3fb355fbb0ab9e676a57880";
const luster = "usr_555d3eed3b854243";
const user = (id: string) => emulator().control.scaikey.user(id);

describe("scaikey.UserAttributes", () => {
  const provider = attributesSpec.provider();

  test("create resolves an email in the tenant, patches the declared values (each custom attribute on its own), and records what it found", async () => {
    const { id, outs } = await create(provider, {
      user: "jason.compson@example.com",
      displayName: "Jason Compson",
      locale: "en-us",
      timezone: "America/New_York",
      customAttributes: { shift: "evening" },
    });
    assert.equal(id, `${tenant}/${jason}`);
    const stored = await user(jason);
    assert.equal(stored.display_name, "Jason Compson");
    assert.equal(stored.locale, "en-US");
    assert.equal(stored.timezone, "America/New_York");
    assert.deepEqual(stored.custom_attributes, {
      employer: "Earl's hardware store",
      shift: "evening",
    });
    assert.equal(stored.phone, "+1-662-555-0104");
    assert.deepEqual(outs, {
      user: "jason.compson@example.com",
      tenantId: tenant,
      displayName: "Jason Compson",
      locale: "en-US",
      timezone: "America/New_York",
      customAttributes: { shift: "evening" },
      restoreOnDelete: false,
      userId: jason,
      originalValues: {
        displayName: "Jason Compson IV",
        locale: "en",
        timezone: "America/Chicago",
        customAttributes: { shift: null },
      },
    });
  });

  test("refresh shows declared values changed by hand and up puts them back; undeclared fields and custom attributes are not drift", async () => {
    const args = {
      user: jason,
      phone: "+1-662-555-0199",
      customAttributes: { employer: "Compson & Co" },
    };
    const { id, outs } = await create(provider, args);
    await emulator().control.scaikey.updateUser(jason, {
      display_name: "J.",
      custom_attributes: { employer: "Compson & Co", nickname: "J" },
    });
    assert.deepEqual((await refresh(provider, id, outs)).props, outs);

    await emulator().control.scaikey.updateUser(jason, {
      phone: null,
      custom_attributes: { nickname: "J" },
    });
    const read = await refresh(provider, id, outs);
    assert.deepEqual(read.inputs, {
      user: jason,
      tenantId: tenant,
      phone: null,
      customAttributes: { employer: null },
      restoreOnDelete: false,
    });
    const { diff } = await up(provider, id, read.props ?? {}, args);
    assert.equal(diff.changes, true);
    const after = await user(jason);
    assert.equal(after.phone, "+1-662-555-0199");
    assert.equal(after.display_name, "J.");
    assert.deepEqual(after.custom_attributes, { nickname: "J", employer: "Compson & Co" });
  });

  test("update changes declared values; a newly declared one is recorded as it was before", async () => {
    const { id, outs } = await create(provider, { user: jason, username: "jason.c" });
    const { outs: after } = await up(provider, id, outs, {
      user: jason,
      username: "jason.c",
      ouId: null,
    });
    assert.equal((await user(jason)).ou_id, null);
    assert.deepEqual(after.originalValues, {
      username: "jason.compson",
      ouId: "ou_fd4a02977ee211738882b9bd",
    });
  });

  test("delete leaves the values, unless restoreOnDelete puts back those found (an absent custom attribute is removed again)", async () => {
    const kept = await create(provider, { user: benjy, firstName: "Benjamin" });
    await provider.delete?.(kept.id, kept.outs);
    assert.equal((await user(benjy)).first_name, "Benjamin");

    await emulator().control.reset();
    const restored = await create(provider, {
      user: jason,
      email: "jason@compson.example",
      lastName: null,
      customAttributes: { employer: null, shift: "night" },
      restoreOnDelete: true,
    });
    assert.deepEqual((await user(jason)).custom_attributes, { shift: "night" });
    await provider.delete?.(restored.id, restored.outs);
    const after = await user(jason);
    assert.equal(after.email, "jason.compson@example.com");
    assert.equal(after.last_name, "Compson");
    assert.deepEqual(after.custom_attributes, { employer: "Earl's hardware store" });
  });

  test("an email the tenant does not have is a clear error, even when another tenant has it", async () => {
    const err = await rejection(
      create(provider, { user: "bayard.sartoris@example.com", firstName: "B" }),
    );
    assert.match(
      err.message,
      /^No user of ScaiKey tenant tnt_a24a8f641821b521082680b9 has the email "bayard.sartoris@example.com"/,
    );
  });

  test("a change ScaiKey refuses is a clear error", async () => {
    const taken = await rejection(create(provider, { user: jason, username: "dilsey" }));
    assert.equal(
      taken.message,
      `ScaiKey refused to change ScaiKey user ${jason} (jason.compson@example.com) of tenant ${tenant} (username "jason.compson" → "dilsey"): HTTP 409, "A user with this username already exists"`,
    );
    const ou = await rejection(create(provider, { user: jason, ouId: "ou_nowhere" }));
    assert.match(
      ou.message,
      /\(ouId "ou_fd4a02977ee211738882b9bd" → "ou_nowhere"\): HTTP 400, "Organizational unit ou_nowhere not found"/,
    );
  });

  test("bad arguments fail at check with the property and the fix", async () => {
    const reasons = (args: Record<string, unknown>) =>
      checkReasons(provider, { user: jason, ...args });
    assert.deepEqual(await reasons({ locale: "en_US" }), [
      'locale: "en_US" is not a locale; use a language code with an optional region, e.g. "en" or "en-US" (a hyphen, not an underscore)',
    ]);
    assert.deepEqual(await reasons({ timezone: "america/chicago" }), [
      'timezone: "america/chicago" is not an IANA time zone name; did you mean "America/Chicago"?',
    ]);
    assert.deepEqual(await reasons({ timezone: "Mars/Olympus_Mons" }), [
      'timezone: "Mars/Olympus_Mons" is not an IANA time zone name, e.g. "America/Chicago" or "UTC"',
    ]);
    assert.deepEqual(await reasons({ phone: "call me" }), [
      'phone: "call me" is not a phone number; use digits with an optional leading + and spaces, dashes, dots or parentheses, e.g. "+1-662-555-0104"',
    ]);
    assert.deepEqual(await reasons({ email: "jason" }), [
      'email: "jason" is not an email address; give one like "jason.compson@example.com"',
    ]);
    assert.deepEqual(await reasons({ email: null }), [
      'email: cannot be null (the user keeps an email); give an address like "jason.compson@example.com"',
    ]);
    assert.deepEqual(await reasons({ customAttributes: { "a.b": 1 } }), [
      'customAttributes.a.b: "a.b" cannot be a custom attribute\'s name; use a non-empty name without dots',
    ]);
    assert.deepEqual(await reasons({ customAttributes: ["employer"] }), [
      'customAttributes: must be an object of custom attributes, e.g. { employer: "Earl\'s hardware store" }, not ["employer"]',
    ]);
    assert.deepEqual(await reasons({ tenantId: "compson-household", firstName: "J" }), [
      'tenantId: "compson-household" is not a ScaiKey tenant id; give one like "tnt_a24a8f641821b521082680b9" (not the tenant\'s slug), or leave tenantId out to use identity:scaikeyTenant',
    ]);
    assert.deepEqual(await reasons({ customAttributes: {} }), [
      "email: scaikey.UserAttributes manages nothing; declare at least one of email, username, firstName, lastName, displayName, phone, locale, timezone, ouId, customAttributes",
    ]);
    assert.deepEqual(
      await checkReasons(provider, { user: "a0ef100cb9467317b1a26c4c", firstName: "J" }),
      [
        'user: "a0ef100cb9467317b1a26c4c" names no ScaiKey user; give the user\'s id (like "usr_a0ef100cb9467317b1a26c4c") or email address (e.g. "jason.compson@example.com")',
      ],
    );
  });
});

describe("scaikey.UserStatus", () => {
  const provider = statusSpec.provider();

  test("unlocking goes through the status endpoint (which resets failed logins); restoreOnDelete locks the user again", async () => {
    const { id, outs } = await create(provider, {
      user: "caddy.compson@example.com",
      status: "ACTIVE",
      restoreOnDelete: true,
    });
    assert.equal(id, `${tenant}/${caddy}`);
    const unlocked = await user(caddy);
    assert.equal(unlocked.status, "ACTIVE");
    assert.equal(unlocked.failed_login_attempts, 0);
    assert.deepEqual(outs.originalValues, { status: "LOCKED" });
    const counters = (await emulator().control.counters()).scaikey;
    assert.equal(counters["PUT /api/v1/tenants/:tenant_id/users/:user_id/status"], 1);
    assert.equal(counters["POST /api/v1/admin/users/:user_id/unlock"], undefined);

    await provider.delete?.(id, outs);
    assert.equal((await user(caddy)).status, "LOCKED");
  });

  test("create disables, with the reason and session ending sent; delete leaves the status by default", async () => {
    const { id, outs } = await create(provider, {
      user: jason,
      status: "DISABLED",
      reason: "Left the store",
      terminateSessions: true,
    });
    assert.equal((await user(jason)).status, "DISABLED");
    assert.deepEqual(outs, {
      user: jason,
      tenantId: tenant,
      status: "DISABLED",
      reason: "Left the store",
      terminateSessions: true,
      restoreOnDelete: false,
      userId: jason,
      originalValues: { status: "ACTIVE" },
    });
    await provider.delete?.(id, outs);
    assert.equal((await user(jason)).status, "DISABLED");
  });

  test("refresh shows a status changed by hand and up puts it back; an attribute change is not drift", async () => {
    const args = { user: jason, status: "ACTIVE" };
    const { id, outs } = await create(provider, args);
    await emulator().control.scaikey.updateUser(jason, { display_name: "J." });
    assert.deepEqual((await refresh(provider, id, outs)).props, outs);

    await emulator().control.scaikey.updateUser(jason, { status: "LOCKED" });
    const read = await refresh(provider, id, outs);
    assert.equal(read.inputs?.status, "LOCKED");
    const { diff } = await up(provider, id, read.props ?? {}, args);
    assert.equal(diff.changes, true);
    assert.equal((await user(jason)).status, "ACTIVE");
  });

  test("a status change ScaiKey refuses is a clear error", async () => {
    const err = await rejection(create(provider, { user: benjy, status: "LOCKED" }));
    assert.equal(
      err.message,
      `ScaiKey refused to change ScaiKey user ${benjy} (benjy.compson@example.com) of tenant ${tenant} (status "DISABLED" → "LOCKED"): HTTP 400, "Cannot change status from DISABLED to LOCKED"`,
    );
  });

  test("restoreOnDelete is refused at once for a status only ScaiKey's sign-up flows set", async () => {
    const err = await rejection(
      create(provider, { user: luster, status: "ACTIVE", restoreOnDelete: true }),
    );
    assert.match(
      err.message,
      /^scaikey.UserStatus: restoreOnDelete could not put back status "PENDING_EMAIL_VERIFICATION" found on ScaiKey user usr_555d3eed3b854243 \(luster@example.com\) of tenant .*: PENDING_EMAIL_VERIFICATION is set by ScaiKey's sign-up flows, never by an administrator; remove restoreOnDelete to manage it without putting it back\.$/,
    );
    assert.equal((await user(luster)).status, "PENDING_EMAIL_VERIFICATION");
  });

  test("bad statuses fail at check with the fix", async () => {
    assert.deepEqual(await checkReasons(provider, { user: jason, status: "PENDING_APPROVAL" }), [
      "status: PENDING_APPROVAL is set by ScaiKey's sign-up flows and cannot be set by hand; use ACTIVE, DISABLED, LOCKED",
    ]);
    assert.deepEqual(await checkReasons(provider, { user: jason, status: "SUSPENDED" }), [
      'status: "SUSPENDED" is not a status ScaiKey lets an administrator set; use ACTIVE, DISABLED, LOCKED',
    ]);
    assert.deepEqual(
      await checkReasons(provider, { user: jason, status: "ACTIVE", terminateSessions: "yes" }),
      [
        'terminateSessions: must be true or false (true also ends the user\'s sessions when the status changes), not "yes"',
      ],
    );
  });

  test("where the status endpoint refuses to unlock, the administration API's unlock is used", async () => {
    let status = "LOCKED";
    const calls: string[] = [];
    const seen = () => ({ id: caddy, email: "caddy.compson@example.com", status }) as UserResponse;
    const api: ScaiKeyUserApi = {
      getUser: async () => seen(),
      findUserByEmail: async () => seen(),
      updateUser: async () => seen(),
      async updateUserStatus(_id, update: UserStatusUpdate) {
        calls.push(`status ${update.status}`);
        throw new ApiError({
          api: "scaikey",
          method: "PUT",
          path: "/status",
          status: 400,
          apiMessage: "Use the unlock endpoint",
        });
      },
      async adminUnlockUser() {
        calls.push("unlock");
        status = "ACTIVE";
        return { ...seen() };
      },
    };
    await create(
      statusSpec.provider(() => api),
      { user: caddy, tenantId: tenant, status: "ACTIVE" },
    );
    assert.deepEqual(calls, ["status ACTIVE", "unlock"]);
  });

  test("reason and terminateSessions go with the program's change, not with restoreOnDelete's", async () => {
    let status = "ACTIVE";
    const updates: UserStatusUpdate[] = [];
    const seen = () => ({ id: jason, email: "jason.compson@example.com", status }) as UserResponse;
    const api: ScaiKeyUserApi = {
      getUser: async () => seen(),
      findUserByEmail: async () => seen(),
      updateUser: async () => seen(),
      async updateUserStatus(_id, update) {
        updates.push(update);
        status = update.status;
        return { status };
      },
      adminUnlockUser: async () => seen(),
    };
    const fake = statusSpec.provider(() => api);
    const { id, outs } = await create(fake, {
      user: jason,
      tenantId: tenant,
      status: "DISABLED",
      reason: "Left",
      terminateSessions: true,
      restoreOnDelete: true,
    });
    await fake.delete?.(id, outs);
    assert.deepEqual(updates, [
      { status: "DISABLED", reason: "Left", terminate_sessions: true },
      { status: "ACTIVE", terminate_sessions: false },
    ]);
  });
});
