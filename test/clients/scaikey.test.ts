import assert from "node:assert/strict";
import { describe, it } from "vitest";
import { ApiError, isNotFound } from "../../provider/errors";
import { forgetTokens } from "../../provider/transport";
import {
  collect,
  everythingShown,
  rejection,
  SCAIKEY_SEED,
  scaikeyClient,
  useEmulator,
} from "./emulator-setup";

const emulator = useEmulator();
const { jason: JASON, caddy: CADDY, platform: PLATFORM } = SCAIKEY_SEED;

describe("ScaiKeyClient against the emulator", () => {
  it("lists and reads the tenant's users", async () => {
    const sk = scaikeyClient(emulator());
    const users = await collect(sk.listUsers());
    assert.ok(users.some((u) => u.id === JASON));
    assert.ok(users.every((u) => u.id.startsWith("usr_")));
    const jason = await sk.getUser(JASON);
    assert.equal(jason.email, "jason.compson@example.com");
    assert.deepEqual(
      jason.groups.map((g) => g.name),
      ["compsons"],
    );
    const disabled = await collect(sk.listUsers({ status: "DISABLED" }));
    assert.deepEqual(
      disabled.map((u) => u.email),
      ["benjy.compson@example.com"],
    );
  });

  it("creates, updates, changes status, resets the password of and deletes a user", async () => {
    const emu = emulator();
    const sk = scaikeyClient(emu);
    const created = await sk.createUser({
      email: "t.p.gibson@example.com",
      first_name: "T.P.",
      password: "a-long-password",
    });
    assert.equal(created.status, "ACTIVE");
    assert.equal(created.locale, "en");

    const updated = await sk.updateUser(created.id, { last_name: "Gibson", phone: null });
    assert.equal(updated.last_name, "Gibson");
    assert.equal(updated.first_name, "T.P.");

    const status = await sk.updateUserStatus(created.id, { status: "DISABLED", reason: "left" });
    assert.equal(status?.status, "DISABLED");
    assert.equal((await sk.getUser(created.id)).status, "DISABLED");

    const reset = await sk.resetPassword(created.id, { method: "EMAIL" });
    assert.match(String(reset?.message), /password reset email/);

    assert.equal((await sk.findUserByEmail("T.P.Gibson@example.com"))?.id, created.id);
    await sk.deleteUser(created.id, "t.p.gibson@example.com");
    assert.ok(isNotFound(await rejection(sk.getUser(created.id))));
    assert.equal(await sk.findUserByEmail("t.p.gibson@example.com"), undefined);
  });

  it("fails a create on an existing email at the first attempt", async () => {
    const sk = scaikeyClient(emulator());
    const err = await rejection(sk.createUser({ email: "jason.compson@example.com" }));
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 409);
    assert.equal(err.apiMessage, "A user with this email already exists");
  });

  it("reports a 422 with the field and message, never echoing what was sent", async () => {
    const sk = scaikeyClient(emulator());
    const err = await rejection(sk.createUser({ email: "short@example.com", password: "s3cr" }));
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 422);
    assert.equal(err.code, "string_too_short");
    assert.equal(err.apiMessage, "body.password: String should have at least 8 characters");
    assert.ok(!everythingShown(err).includes("s3cr"));
  });

  it("runs the admin operations with a platform token", async () => {
    const emu = emulator();
    const admin = scaikeyClient(emu, PLATFORM);
    const caddy = await admin.adminGetUser(CADDY);
    assert.equal(caddy.status, "LOCKED");
    const unlocked = await admin.adminUnlockUser(CADDY);
    assert.equal(unlocked?.status, "ACTIVE");
    assert.deepEqual(
      (await admin.adminGetUserGroups(CADDY)).map((g) => g.name),
      ["compsons"],
    );
    assert.equal((await admin.adminDisableMfa(JASON))?.mfa_enabled, false);
    assert.ok(
      (await admin.adminResetPassword(JASON, { new_password: "another-long-one" }))
        ?.password_changed_at,
    );
    const updated = await admin.adminUpdateUser(JASON, { display_name: "Jason" });
    assert.equal(updated.display_name, "Jason");

    const everyone = await collect(admin.adminListUsers());
    assert.ok(
      everyone.some((u) => u.email === "bayard.sartoris@example.com"),
      "every tenant",
    );
    const mine = await collect(
      admin.adminListUsers({ tenant_id: emu.credentials.scaikey.tenantId }),
    );
    assert.ok(!mine.some((u) => u.email === "bayard.sartoris@example.com"));

    const made = await admin.adminCreateUser({
      email: "roskus@example.com",
      password: "long-enough",
    });
    assert.equal((await admin.adminGetUser(made.id)).email, "roskus@example.com");
    await admin.adminDeleteUser(made.id);
    assert.ok(isNotFound(await rejection(admin.adminGetUser(made.id))));

    const report = await admin.identitySourceMismatches();
    assert.deepEqual(
      report.mismatches.map((m) => [m.user_id, m.expected_identity_source]),
      [[CADDY, "LDAP"]],
    );
    await admin.identitySourceMismatches({ fix: true });
    assert.deepEqual((await admin.identitySourceMismatches()).mismatches, []);
  });

  it("reports a missing scope as a 403 error", async () => {
    forgetTokens();
    const reader = scaikeyClient(emulator(), { scope: "users:read" });
    const err = await rejection(reader.getUser(JASON));
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 403);
    assert.match(err.message, /requires admin:read or admin:write scope/);
  });

  it("gets tokens from the tenant endpoint with a slug, the platform endpoint without, by Basic or form", async () => {
    const emu = emulator();
    forgetTokens();
    await emu.control.clearCounters();
    await scaikeyClient(emu).getUser(JASON);
    const { tenantSlug: _slug, ...withoutSlug } = emu.credentials.scaikey;
    await scaikeyClient(emu, {
      ...withoutSlug,
      tenantSlug: undefined,
      clientAuthentication: "form",
    }).getUser(JASON);
    const counters = (await emu.control.counters()).scaikey;
    assert.equal(counters["POST /api/v1/auth/tenants/:slug/oauth/token"], 1);
    assert.equal(counters["POST /api/v1/platform/oauth/token"], 1);
  });

  it("reports a bad client secret with the OAuth error code", async () => {
    const sk = scaikeyClient(emulator(), { clientSecret: "not-it" });
    const err = await rejection(sk.getUser(JASON));
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 401);
    assert.equal(err.code, "invalid_client");
    assert.equal(err.path, "/api/v1/auth/tenants/compson-household/oauth/token");
  });

  it("renews the token once when it expires mid-run, and shares it between clients", async () => {
    const emu = emulator();
    forgetTokens();
    const first = scaikeyClient(emu);
    const second = scaikeyClient(emu);
    await Promise.all([first.getUser(JASON), second.getUser(JASON)]);
    assert.equal(first.tokenExchanges, 1);
    await emu.control.expireTokens();
    await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? first : second).getUser(JASON)));
    assert.equal(second.tokenExchanges, 2);
  });

  it("reads every page of 1,000+ users by pagination.total_pages", async () => {
    const emu = emulator();
    await emu.control.reset();
    await emu.control.scaikey.createUsers(
      Array.from({ length: 1000 }, (_, i) => ({ email: `page.person${i}@example.com` })),
    );
    await emu.control.clearCounters();
    const sk = scaikeyClient(emu);
    const users = await collect(sk.listUsers({ search: "page.person" }));
    assert.equal(users.length, 1000);
    assert.equal(new Set(users.map((u) => u.id)).size, 1000);
    const small = await collect(sk.listUsers({ search: "page.person", per_page: 30 }));
    assert.equal(small.length, 1000);
    const counters = (await emu.control.counters()).scaikey;
    assert.equal(counters["GET /api/v1/tenants/:tenant_id/users"], 10 + 34);
  });
});
