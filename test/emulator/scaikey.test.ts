import assert from "node:assert/strict";
import { afterAll, beforeAll, beforeEach, describe, test } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { call, scaikeyClient } from "./helpers";

const jason = "usr_a0ef100cb9467317b1a26c4c";
const caddy = "usr_d3fb355fbb0ab9e676a57880"; // LOCKED, LDAP identity but identity_source LOCAL
const quentin = "usr_99f88d897eb01dfffb9b933d"; // soft-deleted
const bayard = "usr_15d44e3279554898"; // another tenant

// Field names of the seed's schema tables.
const userResponseKeys = [
  "avatar_url",
  "created_at",
  "custom_attributes",
  "display_name",
  "email",
  "email_verified",
  "first_name",
  "groups",
  "id",
  "identity_source",
  "last_login_at",
  "last_name",
  "locale",
  "mfa_enabled",
  "ou_id",
  "ou_path",
  "password_changed_at",
  "phone",
  "status",
  "timezone",
  "updated_at",
  "username",
];
const userListItemKeys = [
  "display_name",
  "email",
  "id",
  "identity_source",
  "last_login_at",
  "mfa_enabled",
  "ou_path",
  "status",
];

describe("ScaiKey emulator", () => {
  let emulator: RunningEmulator;
  let scaikey: Awaited<ReturnType<typeof scaikeyClient>>;
  let tenantUsers: string;
  beforeAll(async () => {
    emulator = await startEmulator();
    scaikey = await scaikeyClient(emulator);
    tenantUsers = `/api/v1/tenants/${emulator.credentials.scaikey.tenantId}/users`;
  });
  beforeEach(() => emulator.control.reset());
  afterAll(() => emulator.stop());

  describe("client-credentials tokens", () => {
    test("HTTP Basic on the platform endpoint, form fields on the tenant endpoint", async () => {
      const { clientId, clientSecret, tenantSlug } = emulator.credentials.scaikey;
      const basic = Buffer.from(`${clientId}:${clientSecret}`).toString("base64");
      const platform = await call(`${emulator.scaikeyUrl}/api/v1/platform/oauth/token`, {
        method: "POST",
        headers: { authorization: `Basic ${basic}` },
        form: { grant_type: "client_credentials", scope: "admin:read" },
      });
      assert.equal(platform.status, 200, platform.text);
      assert.equal(platform.body.token_type, "Bearer");
      assert.equal(platform.body.expires_in, 3600);
      assert.equal(platform.body.scope, "admin:read");
      const tenant = await call(
        `${emulator.scaikeyUrl}/api/v1/auth/tenants/${tenantSlug}/oauth/token`,
        {
          method: "POST",
          form: {
            grant_type: "client_credentials",
            client_id: clientId,
            client_secret: clientSecret,
          },
        },
      );
      assert.equal(tenant.status, 200);
      assert.equal(typeof tenant.body.access_token, "string");
    });

    test("RFC 6749 errors: invalid_client, unsupported_grant_type, invalid_scope", async () => {
      const url = `${emulator.scaikeyUrl}/api/v1/platform/oauth/token`;
      const { clientId, clientSecret } = emulator.credentials.scaikey;
      const badForm = await call(url, {
        method: "POST",
        form: { grant_type: "client_credentials", client_id: clientId, client_secret: "wrong" },
      });
      assert.equal(badForm.status, 400);
      assert.equal(badForm.body.error, "invalid_client");
      const badBasic = await call(url, {
        method: "POST",
        headers: { authorization: `Basic ${Buffer.from(`${clientId}:wrong`).toString("base64")}` },
        form: { grant_type: "client_credentials" },
      });
      assert.equal(badBasic.status, 401);
      assert.equal(badBasic.body.error, "invalid_client");
      const grant = await call(url, {
        method: "POST",
        form: { grant_type: "password", client_id: clientId, client_secret: clientSecret },
      });
      assert.equal(grant.body.error, "unsupported_grant_type");
      const scope = await call(url, {
        method: "POST",
        form: {
          grant_type: "client_credentials",
          client_id: clientId,
          client_secret: clientSecret,
          scope: "root",
        },
      });
      assert.equal(scope.body.error, "invalid_scope");
    });
  });

  test("a missing or unknown bearer token is 401 {detail}", async () => {
    const missing = await call(`${emulator.scaikeyUrl}${tenantUsers}`);
    assert.equal(missing.status, 401);
    assert.deepEqual(missing.body, { detail: "Not authenticated" });
    const unknown = await call(`${emulator.scaikeyUrl}${tenantUsers}`, {
      headers: { authorization: "Bearer nope" },
    });
    assert.equal(unknown.status, 401);
    assert.equal(typeof unknown.body.detail, "string");
  });

  test("a token without the needed scope is 403", async () => {
    const reader = await scaikeyClient(emulator, "users:read");
    const list = await reader(tenantUsers);
    assert.equal(list.status, 403);
    assert.match(list.body.detail, /requires admin:read or admin:write scope/);
    const readOnly = await scaikeyClient(emulator, "admin:read");
    assert.equal((await readOnly(`${tenantUsers}/${jason}`)).status, 200);
    const patch = await readOnly(`${tenantUsers}/${jason}`, {
      method: "PATCH",
      json: { phone: "1" },
    });
    assert.equal(patch.status, 403);
  });

  test("GET a user: {data: UserResponse, meta} with every schema field", async () => {
    const answer = await scaikey(`${tenantUsers}/${jason}`);
    assert.equal(answer.status, 200);
    assert.deepEqual(Object.keys(answer.body.data).sort(), userResponseKeys);
    assert.equal(answer.body.data.ou_path, "/Jefferson/Compson");
    assert.deepEqual(answer.body.data.groups, [
      { group_id: "grp_231db17551d7c96d35ad1f8b", name: "compsons", membership_type: "DIRECT" },
    ]);
    assert.equal(typeof answer.body.meta.request_id, "string");
    assert.ok(Date.parse(answer.body.meta.timestamp));
  });

  test("soft-deleted and other-tenant users are 404; the admin form sees across its tenant only", async () => {
    assert.equal((await scaikey(`${tenantUsers}/${quentin}`)).status, 404);
    assert.equal((await scaikey(`${tenantUsers}/${bayard}`)).status, 404);
    assert.equal((await scaikey(`/api/v1/admin/users/${bayard}`)).status, 404);
    assert.deepEqual((await scaikey(`/api/v1/admin/users/${quentin}`)).body, {
      detail: "User not found",
    });
    const otherTenant = await scaikey("/api/v1/tenants/tnt_2a4e523cb2355df62fa7de67/users");
    assert.equal(otherTenant.status, 403);
  });

  test("an invalid body is 422 with FastAPI's detail list", async () => {
    const answer = await scaikey(tenantUsers, {
      method: "POST",
      json: { email: "not-an-email", locale: 5 },
    });
    assert.equal(answer.status, 422);
    const locs = answer.body.detail.map((d: { loc: string[] }) => d.loc.join("."));
    assert.deepEqual(locs.sort(), ["body.email", "body.locale"]);
    for (const issue of answer.body.detail) {
      assert.equal(typeof issue.msg, "string");
      assert.equal(typeof issue.type, "string");
    }
    const missing = await scaikey(tenantUsers, { method: "POST", json: {} });
    assert.deepEqual(missing.body.detail, [
      { loc: ["body", "email"], msg: "Field required", type: "missing" },
    ]);
    const badJson = await scaikey(tenantUsers, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"email": ',
    });
    assert.equal(badJson.status, 422);
    assert.equal(badJson.body.detail[0].type, "json_invalid");
  });

  test("create (201), PATCH update, and a duplicate email is 409", async () => {
    const created = await scaikey(tenantUsers, {
      method: "POST",
      json: {
        email: "jason.iii@example.com",
        first_name: "Jason",
        last_name: "Compson III",
        group_ids: ["grp_231db17551d7c96d35ad1f8b"],
      },
    });
    assert.equal(created.status, 201, created.text);
    const user = created.body.data;
    assert.match(user.id, /^usr_/);
    assert.equal(user.display_name, "Jason Compson III");
    assert.equal(user.status, "PENDING_EMAIL_VERIFICATION");
    assert.deepEqual(Object.keys(user).sort(), userResponseKeys);

    const patched = await scaikey(`${tenantUsers}/${user.id}`, {
      method: "PATCH",
      json: {
        display_name: "Mr Compson",
        phone: "+1-662-555-0100",
        custom_attributes: { lawyer: true },
      },
    });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.data.display_name, "Mr Compson");
    assert.equal(patched.body.data.first_name, "Jason");
    assert.deepEqual(patched.body.data.custom_attributes, { lawyer: true });

    const duplicate = await scaikey(tenantUsers, {
      method: "POST",
      json: { email: "JASON.COMPSON@example.com" },
    });
    assert.equal(duplicate.status, 409);
  });

  test("tenant DELETE needs confirm_email: missing 422, wrong 400, right 204 and then 404", async () => {
    const url = `${tenantUsers}/${jason}`;
    assert.equal((await scaikey(url, { method: "DELETE" })).status, 422);
    assert.equal(
      (await scaikey(`${url}?confirm_email=benjy.compson@example.com`, { method: "DELETE" }))
        .status,
      400,
    );
    const deleted = await scaikey(`${url}?confirm_email=jason.compson@example.com`, {
      method: "DELETE",
    });
    assert.equal(deleted.status, 204);
    assert.equal((await scaikey(url)).status, 404);
    const admin = await scaikey("/api/v1/admin/users/usr_8a2dc590cbac6b1368aa5b48", {
      method: "DELETE",
    });
    assert.equal(admin.status, 204);
    assert.equal((await scaikey("/api/v1/admin/users/usr_8a2dc590cbac6b1368aa5b48")).status, 404);
  });

  describe("status", () => {
    const setStatus = (id: string, status: string) =>
      scaikey(`${tenantUsers}/${id}/status`, {
        method: "PUT",
        json: { status, reason: "test", terminate_sessions: true },
      });

    test("allowed transitions change the status", async () => {
      const disabled = await setStatus(jason, "DISABLED");
      assert.equal(disabled.status, 200);
      assert.equal(disabled.body.data.status, "DISABLED");
      assert.equal((await setStatus(jason, "ACTIVE")).body.data.status, "ACTIVE");
      assert.equal((await setStatus(jason, "LOCKED")).body.data.status, "LOCKED");
    });

    test("PENDING_* by hand, or locking a disabled user, is a clear 400", async () => {
      const pending = await setStatus(jason, "PENDING_APPROVAL");
      assert.equal(pending.status, 400);
      assert.match(pending.body.detail, /PENDING_APPROVAL/);
      const lock = await setStatus("usr_8a2dc590cbac6b1368aa5b48", "LOCKED");
      assert.equal(lock.status, 400);
      assert.match(lock.body.detail, /DISABLED to LOCKED/);
      assert.equal((await setStatus(jason, "GONE")).status, 422);
    });
  });

  test("admin unlock: LOCKED becomes ACTIVE and failed attempts reset; unlocking again is 400", async () => {
    const unlocked = await scaikey(`/api/v1/admin/users/${caddy}/unlock`, { method: "POST" });
    assert.equal(unlocked.status, 200);
    assert.equal(unlocked.body.data.status, "ACTIVE");
    assert.equal((await emulator.control.scaikey.user(caddy)).failed_login_attempts, 0);
    assert.equal(
      (await scaikey(`/api/v1/admin/users/${caddy}/unlock`, { method: "POST" })).status,
      400,
    );
  });

  test("admin MFA disable, user groups and password resets", async () => {
    const mfa = await scaikey(`/api/v1/admin/users/${jason}/mfa/disable`, { method: "POST" });
    assert.equal(mfa.body.data.mfa_enabled, false);
    const groups = await scaikey(`/api/v1/admin/users/${jason}/groups`);
    assert.deepEqual(
      groups.body.data.map((g: { name: string }) => g.name),
      ["compsons"],
    );

    const reset = await scaikey(`/api/v1/admin/users/${jason}/reset-password`, {
      method: "POST",
      json: { new_password: "quentins-watch-1910" },
    });
    assert.equal(reset.status, 200);
    assert.ok(Date.parse(reset.body.data.password_changed_at) > Date.now() - 60_000);
    const short = await scaikey(`/api/v1/admin/users/${jason}/reset-password`, {
      method: "POST",
      json: { new_password: "x" },
    });
    assert.equal(short.status, 422);
    const email = await scaikey(`${tenantUsers}/${jason}/password/reset`, {
      method: "POST",
      json: {},
    });
    assert.equal(email.status, 200);
    assert.equal(email.body.data.method, "EMAIL");
    const direct = await scaikey(`${tenantUsers}/${jason}/password/reset`, {
      method: "POST",
      json: { method: "DIRECT" },
    });
    assert.equal(direct.status, 400);
  });

  test("identity-source mismatches are listed, and fixed with fix=true", async () => {
    const url = "/api/v1/admin/users/identity-source/mismatches";
    const found = await scaikey(url);
    assert.deepEqual(
      found.body.data.mismatches.map((m: { user_id: string }) => m.user_id),
      [caddy],
    );
    assert.equal(found.body.data.mismatches[0].expected_identity_source, "LDAP");
    const fixed = await scaikey(`${url}?fix=true`);
    assert.equal(fixed.body.data.fixed, 1);
    assert.equal((await scaikey(`${tenantUsers}/${caddy}`)).body.data.identity_source, "LDAP");
    assert.deepEqual((await scaikey(url)).body.data.mismatches, []);
  });

  test("mismatches: fix takes pydantic's booleans; fix=maybe is 422 bool_parsing, as FastAPI answers", async () => {
    const url = "/api/v1/admin/users/identity-source/mismatches";
    const maybe = await scaikey(`${url}?fix=maybe`);
    assert.equal(maybe.status, 422);
    assert.deepEqual(maybe.body.detail, [
      {
        loc: ["query", "fix"],
        msg: "Input should be a valid boolean, unable to interpret input",
        type: "bool_parsing",
      },
    ]);
    assert.equal((await scaikey(`${url}?fix=no`)).body.data.fixed, 0);
    assert.equal((await scaikey(`${url}?fix=YES`)).body.data.fixed, 1);
  });

  test("the admin list's status is a plain string, as in the seed: an unknown one lists no one", async () => {
    const admin = (query: string) => scaikey(`/api/v1/admin/users/?${query}`);
    const asleep = await admin("status=ASLEEP");
    assert.equal(asleep.status, 200);
    assert.deepEqual(asleep.body.data, []);
    assert.deepEqual(
      (await admin("status=LOCKED")).body.data.map((u: { id: string }) => u.id),
      [caddy],
    );
    // The tenant list's status is a UserStatus: pydantic's enum error.
    const tenant = await scaikey(`${tenantUsers}?status=ASLEEP`);
    assert.equal(tenant.status, 422);
    assert.deepEqual(tenant.body.detail, [
      {
        loc: ["query", "status"],
        msg: "Input should be 'ACTIVE', 'PENDING_EMAIL_VERIFICATION', 'PENDING_APPROVAL', 'DISABLED' or 'LOCKED'",
        type: "enum",
      },
    ]);
  });

  test("the reset method is a plain string, as in the seed: an unknown one is a 400, not a 422", async () => {
    const sms = await scaikey(`${tenantUsers}/${jason}/password/reset`, {
      method: "POST",
      json: { method: "SMS" },
    });
    assert.equal(sms.status, 400);
    assert.match(sms.body.detail, /SMS/);
    const wrongType = await scaikey(`${tenantUsers}/${jason}/password/reset`, {
      method: "POST",
      json: { method: 5 },
    });
    assert.equal(wrongType.status, 422);
    assert.equal(wrongType.body.detail[0].type, "string_type");
  });

  test("422 type codes are pydantic v2's: int_parsing, bool_parsing, list_type, missing, ...", async () => {
    const detail = async (path: string, init?: Parameters<typeof scaikey>[1]) => {
      const answer = await scaikey(path, init);
      assert.equal(answer.status, 422, path);
      return answer.body.detail.map((d: { loc: (string | number)[]; type: string }) => [
        d.loc.join("."),
        d.type,
      ]);
    };
    assert.deepEqual(await detail(`${tenantUsers}?page=abc&per_page=1.5&mfa_enabled=maybe`), [
      ["query.page", "int_parsing"],
      ["query.per_page", "int_parsing"],
      ["query.mfa_enabled", "bool_parsing"],
    ]);
    assert.deepEqual(
      await detail(tenantUsers, {
        method: "POST",
        json: {
          email: "a@example.com",
          group_ids: "grp_1",
          send_welcome_email: "maybe",
          require_password_change: null,
          custom_attributes: [],
        },
      }),
      [
        ["body.group_ids", "list_type"],
        ["body.custom_attributes", "dict_type"],
        ["body.require_password_change", "bool_type"],
        ["body.send_welcome_email", "bool_parsing"],
      ],
    );
    assert.deepEqual(await detail(tenantUsers, { method: "POST", json: [] }), [
      ["body", "model_attributes_type"],
    ]);
    assert.deepEqual(await detail(`${tenantUsers}/${jason}/status`, { method: "PUT", json: {} }), [
      ["body.status", "missing"],
    ]);
  });

  test("lists filter by search, status, group, and page with total_pages over 260 users", async () => {
    const list = (query: string) => scaikey(`${tenantUsers}?${query}`);
    const locked = await list("status=LOCKED");
    assert.deepEqual(
      locked.body.data.map((u: { id: string }) => u.id),
      [caddy],
    );
    assert.deepEqual(Object.keys(locked.body.data[0]).sort(), userListItemKeys);
    assert.equal((await list("search=dilsey")).body.data.length, 1);
    assert.equal(
      (await list("group_id=grp_0475bd935ef06b276b65f052")).body.pagination.total_items,
      2,
    );
    assert.equal((await list("status=ASLEEP")).status, 422);
    assert.equal((await list("per_page=101")).status, 422);

    await emulator.control.scaikey.createUsers(
      Array.from({ length: 255 }, (_, i) => ({
        email: `snopes.${i}@example.com`,
        created_at: `2025-01-01T00:00:${String(i % 60).padStart(2, "0")}Z`,
      })),
    );
    const first = await list("per_page=100");
    assert.deepEqual(first.body.pagination, {
      page: 1,
      per_page: 100,
      total_items: 260,
      total_pages: 3,
    });
    const ids = new Set<string>();
    for (let page = 1; page <= first.body.pagination.total_pages; page++) {
      for (const user of (await list(`per_page=100&page=${page}`)).body.data) ids.add(user.id);
    }
    assert.equal(ids.size, 260);
    const admin = await scaikey("/api/v1/admin/users/?per_page=50&search=snopes");
    assert.equal(admin.body.pagination.total_pages, 6);
  });
});
