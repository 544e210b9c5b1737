import assert from "node:assert/strict";
import { beforeEach, describe, it } from "vitest";
import type { RunningEmulator } from "../../emulator";
import type { SettingName } from "../../provider/config";
import { ApiError } from "../../provider/errors";
import { ScaiKeyClient, type ScaiKeyClientOptions } from "../../provider/scaikey";
import {
  scaikeyClient as configuredClient,
  defaultScaiKeyTenant,
} from "../../provider/scaikey/configured-client";
import { forgetTokens } from "../../provider/transport";
import { settingsReader } from "../harness/settings";
import { useStandInServer } from "../harness/stand-in-server";
import {
  collect,
  everythingShown,
  queriesOf,
  rejection,
  retryClock,
  SCAIKEY_SEED,
  scaikeyClient,
  statusCounts,
  useEmulator,
} from "./emulator-setup";

const emulator = useEmulator();
const { jason: JASON, caddy: CADDY, platform: PLATFORM } = SCAIKEY_SEED;
const TENANT_TOKEN = "POST /api/v1/auth/tenants/:slug/oauth/token";
const PLATFORM_TOKEN = "POST /api/v1/platform/oauth/token";

async function tokenRequests(emu: RunningEmulator) {
  const counters = (await emu.control.counters()).scaikey;
  return { tenant: counters[TENANT_TOKEN] ?? 0, platform: counters[PLATFORM_TOKEN] ?? 0 };
}

describe("ScaiKeyClient's options", () => {
  it("refuses to be built without a client id, a client secret or a tenant", () => {
    const given: ScaiKeyClientOptions = {
      baseUrl: "http://127.0.0.1:9/scaikey",
      clientId: "cli_x",
      clientSecret: "secret",
      tenantId: "tnt_x",
    };
    for (const missing of ["clientId", "clientSecret", "tenantId"] as const) {
      assert.throws(() => new ScaiKeyClient({ ...given, [missing]: "" }), {
        message: "ScaiKeyClient needs clientId, clientSecret and tenantId",
      });
    }
  });

  it("shares one token between a base URL with trailing slashes and the same URL without", async () => {
    const emu = emulator();
    forgetTokens();
    await emu.control.clearCounters();
    const slashed = scaikeyClient(emu, { baseUrl: `${emu.scaikeyUrl}//` });
    assert.equal((await slashed.getUser(JASON)).id, JASON);
    assert.equal((await scaikeyClient(emu).getUser(JASON)).id, JASON);
    assert.deepEqual(await tokenRequests(emu), { tenant: 1, platform: 0 });
  });

  it("takes an empty tenant slug and scope as none: the same platform token", async () => {
    const emu = emulator();
    forgetTokens();
    await emu.control.clearCounters();
    await scaikeyClient(emu, { tenantSlug: undefined, scope: undefined }).getUser(JASON);
    await scaikeyClient(emu, { tenantSlug: "", scope: "" }).getUser(JASON);
    assert.deepEqual(await tokenRequests(emu), { tenant: 0, platform: 1 });
  });

  it("gets a token of its own for a narrower scope", async () => {
    const emu = emulator();
    forgetTokens();
    await scaikeyClient(emu).getUser(JASON);
    const err = await rejection(scaikeyClient(emu, { scope: "users:read" }).getUser(JASON));
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 403);
  });

  it("form-encodes a client secret's spaces in the Basic credentials", async () => {
    const emu = emulator();
    await emu.control.reset();
    const data = await emu.control.data();
    const tenantId = emu.credentials.scaikey.tenantId;
    data.scaikey.clients.push({
      client_id: "cli spaced",
      client_secret: "a secret with spaces",
      tenant_id: tenantId,
      scopes: ["admin:read", "admin:write", "users:read"],
    });
    await emu.control.loadData(data);
    try {
      const sk = scaikeyClient(emu, {
        clientId: "cli spaced",
        clientSecret: "a secret with spaces",
      });
      assert.equal((await sk.getUser(JASON)).id, JASON);
    } finally {
      await emu.control.reset();
    }
  });

  it("sends the credentials as form fields when asked: a bad secret is a 400, not Basic's 401", async () => {
    const emu = emulator();
    for (const [clientAuthentication, status] of [
      ["form", 400],
      ["basic", 401],
    ] as const) {
      const sk = scaikeyClient(emu, { clientSecret: `not-it-${status}`, clientAuthentication });
      const err = await rejection(sk.getUser(JASON));
      assert.ok(err instanceof ApiError);
      assert.equal(err.status, status, clientAuthentication);
      assert.equal(err.code, "invalid_client");
      assert.equal(err.apiMessage, "Client authentication failed");
    }
  });
});

describe("ScaiKeyClient's calls against the emulator", () => {
  it("refuses input that does not fit, naming the call, and sends nothing", async () => {
    const emu = emulator();
    await emu.control.clearRequests();
    const sk = scaikeyClient(emu, PLATFORM);
    const tenant = emu.credentials.scaikey.tenantId;
    const users = `/api/v1/tenants/${tenant}/users`;
    const cases: [Promise<unknown>, string][] = [
      [
        sk.createUser({ email: "not-an-email" }),
        `ScaiKey POST ${users} failed: invalid_request (field email): not sent: Invalid email address`,
      ],
      [
        sk.updateUser(JASON, { email: "not-an-email" }),
        `ScaiKey PATCH ${users}/${JASON} failed: invalid_request (field email): not sent: Invalid email address`,
      ],
      [
        sk.resetPassword(JASON, { method: 5 as unknown as string }),
        `ScaiKey POST ${users}/${JASON}/password/reset failed: invalid_request (field method): not sent: Invalid input: expected string, received number`,
      ],
      [
        sk.updateUserStatus(JASON, { status: "GONE" as "ACTIVE" }),
        `ScaiKey PUT ${users}/${JASON}/status failed: invalid_request (field status): not sent: Invalid option: expected one of "ACTIVE"|"PENDING_EMAIL_VERIFICATION"|"PENDING_APPROVAL"|"DISABLED"|"LOCKED"`,
      ],
      [
        sk.adminCreateUser({ email: "not-an-email" }),
        "ScaiKey POST /api/v1/admin/users/ failed: invalid_request (field email): not sent: Invalid email address",
      ],
      [
        sk.adminUpdateUser(JASON, { email: "not-an-email" }),
        `ScaiKey PATCH /api/v1/admin/users/${JASON} failed: invalid_request (field email): not sent: Invalid email address`,
      ],
      [
        sk.adminResetPassword(JASON, { new_password: "" }),
        `ScaiKey POST /api/v1/admin/users/${JASON}/reset-password failed: invalid_request (field new_password): not sent: Too small: expected string to have >=1 characters`,
      ],
    ];
    for (const [call, message] of cases) {
      const err = await rejection(call);
      assert.ok(err instanceof ApiError);
      assert.equal(err.message, message);
    }
    assert.deepEqual(await emu.control.requests(), []);
  });

  it("takes the documented filters at their bounds: sort order asc or desc, pages of 1 to 100", async () => {
    const sk = scaikeyClient(emulator(), PLATFORM);
    const all = await collect(sk.listUsers({ per_page: 100 }));
    const ascending = await collect(
      sk.listUsers({ sort_by: "email", sort_order: "asc", per_page: 1 }),
    );
    assert.deepEqual(ascending.map((u) => u.id).sort(), all.map((u) => u.id).sort());
    await collect(sk.listUsers({ sort_by: "email", sort_order: "desc" }));
    for (const per_page of [0, 101, 1.5])
      assert.throws(() => sk.listUsers({ per_page }), /field per_page/);
  });

  it("refuses a list filter that is not one (misspelled, or a page over 100) before any request", async () => {
    const emu = emulator();
    await emu.control.clearRequests();
    const sk = scaikeyClient(emu, PLATFORM);
    const users = `/api/v1/tenants/${emu.credentials.scaikey.tenantId}/users`;
    const cases: [() => unknown, string][] = [
      [
        () => sk.listUsers({ serach: "jason" } as never),
        `ScaiKey GET ${users} failed: invalid_request (field <root>): not sent: Unrecognized key: "serach"`,
      ],
      [
        () => sk.listUsers({ per_page: 500 }),
        `ScaiKey GET ${users} failed: invalid_request (field per_page): not sent: Too big: expected number to be <=100`,
      ],
      [
        () => sk.adminListUsers({ status: "GONE" as "ACTIVE" }),
        'ScaiKey GET /api/v1/admin/users/ failed: invalid_request (field status): not sent: Invalid option: expected one of "ACTIVE"|"PENDING_EMAIL_VERIFICATION"|"PENDING_APPROVAL"|"DISABLED"|"LOCKED"',
      ],
    ];
    for (const [call, message] of cases)
      assert.throws(call, (err) => err instanceof ApiError && err.message === message);
    assert.deepEqual(await emu.control.requests(), []);
  });

  it("reads back a create whose lost first attempt made the user (409 on the retry)", async () => {
    const emu = emulator();
    await emu.control.reset();
    const tenantId = emu.credentials.scaikey.tenantId;
    await scaikeyClient(emu).getUser(JASON); // the token exchange happens before the fault
    await emu.control.setFaults({
      scaikey: { serverErrors: { share: 1, status: 503, methods: ["POST"], paths: ["/users"] } },
    });
    await emu.control.clearCounters();
    await emu.control.clearRequests();
    // While the client waits to retry, the user appears, as if the first attempt had made it.
    let made = "";
    const sk = scaikeyClient(emu, {
      clock: retryClock(emu, async () => {
        made = (
          await emu.control.scaikey.createUser({
            email: "lost.answer@example.com",
            tenant_id: tenantId,
          })
        ).id;
      }),
    });
    const user = await sk.createUser({ email: "Lost.Answer@example.com" });
    assert.equal(user.id, made);
    assert.equal(user.email, "lost.answer@example.com");
    const counters = (await emu.control.counters()).scaikey;
    assert.equal(counters["POST /api/v1/tenants/:tenant_id/users"], 2, "one attempt, one retry");
    assert.equal(counters["GET /api/v1/tenants/:tenant_id/users/:user_id"], 1, "one read-back");
    const lists = await queriesOf(emu, "scaikey", "GET", `/api/v1/tenants/${tenantId}/users`);
    assert.deepEqual(lists, [{ per_page: "100", search: "Lost.Answer@example.com", page: "1" }]);
  });

  it("fails with the retry's 409 when the user it conflicts with cannot be found", async () => {
    const emu = emulator();
    await emu.control.reset();
    await scaikeyClient(emu).getUser(JASON);
    const posts = { methods: ["POST" as const], paths: ["/users"] };
    await emu.control.setFaults({ scaikey: { serverErrors: { share: 1, status: 503, ...posts } } });
    // The retry meets a 409 (an echo) while no user with the email exists to read back.
    const sk = scaikeyClient(emu, {
      clock: retryClock(emu, () =>
        emu.control.setFaults({ scaikey: { echoes: { status: 409, ...posts } } }),
      ),
    });
    try {
      const err = await rejection(sk.createUser({ email: "nobody.here@example.com" }));
      assert.ok(err instanceof ApiError);
      assert.equal(err.status, 409);
      assert.equal(err.retries?.attempts, 2);
    } finally {
      await emu.control.clearFaults();
    }
  });

  it("reads back an admin create the same way, matching the email whatever its case", async () => {
    const emu = emulator();
    await emu.control.reset();
    const tenantId = emu.credentials.scaikey.tenantId;
    await scaikeyClient(emu, PLATFORM).adminGetUser(JASON);
    await emu.control.setFaults({
      scaikey: { serverErrors: { share: 1, status: 503, methods: ["POST"], paths: ["/users"] } },
    });
    await emu.control.clearRequests();
    let made = "";
    const sk = scaikeyClient(emu, {
      ...PLATFORM,
      clock: retryClock(emu, async () => {
        made = (
          await emu.control.scaikey.createUser({
            email: "lost.admin@example.com",
            tenant_id: tenantId,
          })
        ).id;
        // Listed first (newest) and found by the same search, with another email.
        await emu.control.scaikey.createUser({
          email: "not.lost.admin@example.com",
          tenant_id: tenantId,
          created_at: "2999-01-01T00:00:00Z",
        });
      }),
    });
    const user = await sk.adminCreateUser({ email: "Lost.Admin@Example.com" });
    assert.equal(user.id, made);
    const lists = await queriesOf(emu, "scaikey", "GET", "/api/v1/admin/users/");
    assert.deepEqual(lists, [
      { per_page: "100", search: "Lost.Admin@Example.com", tenant_id: tenantId, page: "1" },
    ]);
  });

  it("fails an admin create on an existing email at the first attempt", async () => {
    const sk = scaikeyClient(emulator(), PLATFORM);
    const err = await rejection(sk.adminCreateUser({ email: "jason.compson@example.com" }));
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 409);
    assert.equal(err.retries?.attempts, 1);
  });

  it("never shows a password it sent, even when the API echoes the request", async () => {
    const emu = emulator();
    await emu.control.reset();
    const sk = scaikeyClient(emu, PLATFORM);
    await sk.adminGetUser(JASON);
    await emu.control.setFaults({ scaikey: { echoes: { status: 400, methods: ["POST"] } } });
    const password = "never-shown-pass 9f3e";
    try {
      const calls = [
        sk.adminCreateUser({ email: "echoed@example.com", password }),
        sk.adminResetPassword(JASON, { new_password: password }),
        sk.resetPassword(JASON, { method: "DIRECT", new_password: password }),
      ];
      for (const call of calls) {
        const err = await rejection(call);
        assert.ok(err instanceof ApiError);
        assert.equal(err.status, 400);
        assert.match(String(err.apiMessage), /the request was refused/);
        assert.ok(!everythingShown(err).includes("never-shown-pass"), err.message);
      }
    } finally {
      await emu.control.clearFaults();
    }
  });

  it("retries the calls that are harmless twice after a 5xx: updates, unlock, MFA, the mismatch report, tokens", async () => {
    const emu = emulator();
    const cases: [string, string, (sk: ScaiKeyClient) => Promise<unknown>][] = [
      ["PATCH", `/users/${JASON}`, (sk) => sk.updateUser(JASON, { first_name: "Jason" })],
      ["PATCH", `/admin/users/${JASON}`, (sk) => sk.adminUpdateUser(JASON, { last_name: "C." })],
      ["POST", "/unlock", (sk) => sk.adminUnlockUser(CADDY)],
      ["POST", "/mfa/disable", (sk) => sk.adminDisableMfa(JASON)],
      ["GET", "/identity-source/mismatches", (sk) => sk.identitySourceMismatches()],
      ["POST", "/oauth/token", (sk) => sk.getUser(JASON)],
    ];
    for (const [method, path, run] of cases) {
      await emu.control.reset();
      forgetTokens();
      await scaikeyClient(emu, PLATFORM).getUser(JASON);
      if (path === "/oauth/token") forgetTokens();
      await emu.control.setFaults({
        scaikey: {
          serverErrors: { share: 1, status: 503, methods: [method as "GET"], paths: [path] },
        },
      });
      await emu.control.clearRequests();
      const result = await run(scaikeyClient(emu, { ...PLATFORM, clock: retryClock(emu) }));
      assert.ok(result, path);
      assert.equal((await statusCounts(emu, "scaikey"))[503], 1, path);
    }
  });

  it("does not repeat a user when the list shifts between pages", async () => {
    const emu = emulator();
    await emu.control.reset();
    const tenant_id = emu.credentials.scaikey.tenantId;
    const emails = [4, 3, 2, 1, 0].map((i) => `shifting.${i}@example.com`);
    await emu.control.scaikey.createUsers(
      emails.map((email, i) => ({ email, tenant_id, created_at: `2030-01-0${5 - i}T00:00:00Z` })),
    );
    const seen: string[] = [];
    for await (const user of scaikeyClient(emu).listUsers({ search: "shifting.", per_page: 2 })) {
      // After the first page was read, a newer user pushes every other one down by one place.
      if (seen.length === 0)
        await emu.control.scaikey.createUser({
          email: "shifting.new@example.com",
          tenant_id,
          created_at: "2031-01-01T00:00:00Z",
        });
      seen.push(user.email);
    }
    assert.deepEqual(seen, emails);
  });

  it("finds a user by the whole email only, searching the list with it", async () => {
    const emu = emulator();
    await emu.control.reset();
    await emu.control.clearRequests();
    const sk = scaikeyClient(emu);
    assert.equal(await sk.findUserByEmail("compson@example.com"), undefined, "only a part");
    assert.equal((await sk.findUserByEmail("JASON.Compson@example.com"))?.id, JASON);
    const lists = await queriesOf(
      emu,
      "scaikey",
      "GET",
      `/api/v1/tenants/${emu.credentials.scaikey.tenantId}/users`,
    );
    assert.deepEqual(
      lists.map((query) => query.search),
      ["compson@example.com", "JASON.Compson@example.com"],
    );
  });

  it("lists users with the list fields of the full user", async () => {
    const sk = scaikeyClient(emulator());
    const [item] = await collect(sk.listUsers({ search: "jason.compson@" }));
    const full = await sk.getUser(JASON);
    assert.deepEqual(item, {
      id: full.id,
      email: full.email,
      display_name: full.display_name,
      status: full.status,
      ou_path: full.ou_path,
      identity_source: full.identity_source,
      mfa_enabled: full.mfa_enabled,
      last_login_at: full.last_login_at,
    });
    assert.ok(full.display_name && full.ou_path && full.last_login_at, "jason has them all");
  });

  it("reads users of every identity source", async () => {
    const emu = emulator();
    await emu.control.reset();
    const tenant_id = emu.credentials.scaikey.tenantId;
    const sk = scaikeyClient(emu);
    for (const source of ["LOCAL", "OIDC", "SAML", "SCIM", "LDAP"] as const) {
      const { id } = await emu.control.scaikey.createUser({
        email: `from.${source.toLowerCase()}@example.com`,
        tenant_id,
        identity_source: source,
      });
      assert.equal((await sk.getUser(id)).identity_source, source);
    }
  });
});

describe("the client built from the settings", () => {
  it("takes the default tenant trimmed, and a blank one as none", () => {
    assert.equal(
      defaultScaiKeyTenant(() => "  tnt_a24a8f641821b521082680b9 "),
      "tnt_a24a8f641821b521082680b9",
    );
    assert.equal(
      defaultScaiKeyTenant(() => "   "),
      undefined,
    );
    assert.equal(
      defaultScaiKeyTenant(() => undefined),
      undefined,
    );
  });

  it("names the setting that is missing", () => {
    const base = { scaikeyBaseUrl: "http://127.0.0.1:9/scaikey", scaikeyClientSecret: "s" };
    const cases: [Partial<Record<SettingName, unknown>>, RegExp][] = [
      [
        { ...base, scaikeyClientId: "cli_x" },
        /^Missing identity:scaikeyTenant \(or a tenantId on the resource\): set it with /,
      ],
      [
        { scaikeyTenant: "tnt_x", scaikeyClientId: "cli_x", scaikeyClientSecret: "s" },
        /^Missing identity:scaikeyBaseUrl: set it with /,
      ],
      [{ ...base, scaikeyTenant: "tnt_x" }, /^Missing identity:scaikeyClientId: set it with /],
    ];
    for (const [values, message] of cases) {
      assert.throws(() => configuredClient(undefined, settingsReader(values)), { message });
    }
  });

  it("works in the default tenant, and says which tenant set a failing call used", async () => {
    const emu = emulator();
    const { clientId, clientSecret, tenantId } = emu.credentials.scaikey;
    const single = settingsReader({
      scaikeyBaseUrl: emu.scaikeyUrl,
      scaikeyTenant: tenantId,
      scaikeyClientId: clientId,
      scaikeyClientSecret: clientSecret,
    });
    assert.equal((await configuredClient(undefined, single).getUser(JASON)).id, JASON);

    forgetTokens();
    const withSet = settingsReader({
      scaikeyBaseUrl: emu.scaikeyUrl,
      scaikeyTenants: { [tenantId]: { clientId, clientSecret: "not-the-secret" } },
    });
    const err = await rejection(configuredClient(tenantId, withSet).getUser(JASON));
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 401);
    assert.equal(
      err.credentials,
      `identity:scaikeyTenants.${tenantId}.clientId = "${clientId}" and identity:scaikeyTenants.${tenantId}.clientSecret`,
    );
  });
});

// Answers the emulator never gives, from a small server standing in for ScaiKey.
describe("ScaiKey answers of other shapes", () => {
  interface Canned {
    status?: number;
    body?: unknown;
  }
  let answers: Record<string, Canned> = {};
  let received: { method: string; path: string; body: unknown }[] = [];
  const token = { access_token: "fake-token", token_type: "Bearer", expires_in: 3600 };

  const baseUrl = useStandInServer((request, response) => {
    let text = "";
    request.on("data", (chunk) => {
      text += chunk;
    });
    request.on("end", () => {
      const path = (request.url ?? "").split("?")[0] ?? "";
      const json = request.headers["content-type"]?.includes("json");
      received.push({ method: request.method ?? "", path, body: json ? JSON.parse(text) : text });
      const key = `${request.method} ${path}`;
      const answer =
        answers[key] ??
        (key === "POST /api/v1/platform/oauth/token"
          ? { body: token }
          : { status: 404, body: { detail: "Not Found" } });
      response.statusCode = answer.status ?? 200;
      if (answer.body === undefined) return response.end();
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(answer.body));
    });
  });
  beforeEach(() => {
    forgetTokens();
    answers = {};
    received = [];
  });

  const client = () =>
    new ScaiKeyClient({
      baseUrl: baseUrl(),
      clientId: "cli_fake",
      clientSecret: "fake-secret",
      tenantId: "tnt_fake",
    });
  const userPath = "/api/v1/tenants/tnt_fake/users";
  const minimalUser = {
    email: "min@example.com",
    id: "usr_min",
    status: "ACTIVE",
    identity_source: "LOCAL",
    created_at: "2025-01-01T00:00:00Z",
  };

  it("refuses a token that is not a Bearer token", async () => {
    answers["POST /api/v1/platform/oauth/token"] = { body: { ...token, token_type: "mac" } };
    const err = await rejection(client().getUser("usr_min"));
    assert.ok(err instanceof ApiError);
    assert.equal(
      err.message,
      "ScaiKey POST /api/v1/platform/oauth/token failed: 200 invalid_response (field token_type): the answer does not match the expected shape: token_type must be Bearer",
    );
  });

  it("fills a user's left-out fields with the documented defaults", async () => {
    answers[`GET ${userPath}/usr_min`] = { body: { data: minimalUser } };
    assert.deepEqual(await client().getUser("usr_min"), {
      ...minimalUser,
      locale: "en",
      timezone: "UTC",
      email_verified: false,
      mfa_enabled: false,
      groups: [],
    });
    answers["GET /api/v1/admin/users/usr_min/groups"] = {
      body: [{ group_id: "grp_1", name: "compsons" }],
    };
    assert.deepEqual(await client().adminGetUserGroups("usr_min"), [
      { group_id: "grp_1", name: "compsons", membership_type: "DIRECT" },
    ]);
  });

  it("refuses a user whose meta is not as documented", async () => {
    answers[`GET ${userPath}/usr_min`] = { body: { data: minimalUser, meta: { request_id: 5 } } };
    const err = await rejection(client().getUser("usr_min"));
    assert.ok(err instanceof ApiError);
    assert.equal(err.code, "invalid_response");
    assert.equal(err.field, "meta.request_id");
  });

  it("sends the documented defaults of a create, a password reset and a status change", async () => {
    answers[`POST ${userPath}`] = { status: 201, body: { data: minimalUser } };
    answers[`POST ${userPath}/usr_min/password/reset`] = { body: { data: { sent: true } } };
    answers[`PUT ${userPath}/usr_min/status`] = { body: { data: { status: "DISABLED" } } };
    const sk = client();
    await sk.createUser({ email: "min@example.com" });
    await sk.resetPassword("usr_min");
    await sk.resetPassword("usr_min", { method: "DIRECT", new_password: "long-enough" });
    await sk.updateUserStatus("usr_min", { status: "DISABLED" });
    assert.deepEqual(
      received.filter((r) => r.method !== "POST" || !r.path.endsWith("/token")).map((r) => r.body),
      [
        {
          email: "min@example.com",
          locale: "en",
          timezone: "UTC",
          group_ids: [],
          require_password_change: false,
          send_welcome_email: true,
        },
        { method: "EMAIL" },
        { method: "DIRECT", new_password: "long-enough" },
        { status: "DISABLED", terminate_sessions: false },
      ],
    );
  });

  it("reads an action's answer: empty, bare, or with a data that is not an object", async () => {
    const unlock = "POST /api/v1/admin/users/usr_min/unlock";
    const sk = client();
    answers[unlock] = { status: 204 };
    assert.equal(await sk.adminUnlockUser("usr_min"), null);
    answers[unlock] = { body: { status: "ACTIVE" } };
    assert.deepEqual(await sk.adminUnlockUser("usr_min"), { status: "ACTIVE" });
    answers[unlock] = { body: { status: "ACTIVE", data: null } };
    assert.deepEqual(await sk.adminUnlockUser("usr_min"), { status: "ACTIVE", data: null });
    answers[unlock] = { body: { status: "ACTIVE", data: "unlocked" } };
    assert.deepEqual(await sk.adminUnlockUser("usr_min"), { status: "ACTIVE", data: "unlocked" });
  });

  it("reads a bare mismatch report, and refuses one without its list or a mismatch without its user", async () => {
    const path = "GET /api/v1/admin/users/identity-source/mismatches";
    const mismatch = {
      user_id: "usr_min",
      identity_source: "LOCAL",
      expected_identity_source: "LDAP",
    };
    const sk = client();
    answers[path] = { body: { mismatches: [mismatch], total: 1 } };
    assert.deepEqual(await sk.identitySourceMismatches(), { mismatches: [mismatch], total: 1 });
    for (const body of [
      { data: { total: 2 } },
      { data: { mismatches: [{ identity_source: "LOCAL", expected_identity_source: "LDAP" }] } },
    ]) {
      answers[path] = { body };
      const err = await rejection(sk.identitySourceMismatches());
      assert.ok(err instanceof ApiError);
      assert.equal(err.code, "invalid_response", JSON.stringify(body));
    }
  });

  it("reads the code and message of each error body shape", async () => {
    const path = "GET /api/v1/admin/users/usr_min";
    const cases: [unknown, string | undefined, string | undefined][] = [
      [{ message: "not a shape ScaiKey documents" }, undefined, undefined],
      [
        { detail: { type: "user_locked", message: "User is locked" } },
        "user_locked",
        "User is locked",
      ],
      [{ detail: { code: "quota", msg: "Too many users" } }, "quota", "Too many users"],
      [{ detail: { type: 42, code: 7, message: 9, msg: 8 } }, undefined, undefined],
      [
        {
          detail: [
            { loc: ["body", "email"], msg: "value is not an email", type: "value_error" },
            { loc: ["body", "password"], msg: "too short", type: "string_too_short" },
          ],
        },
        "value_error",
        "body.email: value is not an email; body.password: too short",
      ],
      [{ error: "invalid_request" }, "invalid_request", undefined],
    ];
    const sk = client();
    for (const [body, code, message] of cases) {
      answers[path] = { status: 400, body };
      const err = await rejection(sk.adminGetUser("usr_min"));
      assert.ok(err instanceof ApiError, String(err));
      assert.equal(err.status, 400);
      assert.equal(err.code, code, JSON.stringify(body));
      assert.equal(err.apiMessage, message, JSON.stringify(body));
    }
  });
});
