import assert from "node:assert/strict";
import { describe, it } from "vitest";
import { isSoftDeleted } from "../../provider/asa";
import { ApiError, isNotFound } from "../../provider/errors";
import { forgetTokens } from "../../provider/transport";
import { asaClient, collect, rejection, retryClock, useEmulator } from "./emulator-setup";

const emulator = useEmulator();
const team = "william-faulkner";
const USERS_ROUTE = "GET /v1/teams/:team_name/users";
const TOKEN_ROUTE = "POST /v1/teams/:team_name/service_token";

describe("AsaClient against the emulator", () => {
  it("reads users and groups as the seed shows them", async () => {
    const asa = asaClient(emulator());
    const jason = await asa.getUser("Jason.Compson.IV");
    assert.equal(jason.details?.email, "jason.compson@example.com");
    const users = await collect(asa.listUsers());
    assert.deepEqual(users.map((u) => u.name).sort(), [
      "Benjy.Compson",
      "Jason.Compson.IV",
      "Quentin.Compson.III",
    ]);
    const withService = await collect(
      asa.listUsers({ include_service_users: true, status: ["ACTIVE"] }),
    );
    assert.deepEqual(withService.map((u) => u.name).sort(), [
      "Jason.Compson.IV",
      "faulkner-automation",
    ]);
    const groups = await collect(asa.listGroups());
    assert.deepEqual(groups.map((g) => g.name).sort(), ["compsons", "sartoris"]);
    assert.deepEqual(
      (await collect(asa.listUserGroups("Benjy.Compson"))).map((g) => g.name),
      ["compsons"],
    );
  });

  it("manages a group's roles and members, and sees it soft-deleted afterwards", async () => {
    const emu = emulator();
    const asa = asaClient(emu);
    const created = await asa.createGroup({ name: "servants", roles: ["access_user"] });
    assert.equal(created.name, "servants");
    assert.equal(isSoftDeleted(created), false);
    await asa.updateGroup("servants", { roles: ["access_user", "reporting_user"] });
    assert.deepEqual((await asa.getGroup("servants")).roles, ["access_user", "reporting_user"]);

    await asa.addUserToGroup("servants", "Jason.Compson.IV");
    await asa.addUserToGroup("servants", "Jason.Compson.IV");
    assert.deepEqual(
      (await collect(asa.listGroupUsers("servants"))).map((u) => u.name),
      ["Jason.Compson.IV"],
    );
    const notIn = await collect(asa.listUsersNotInGroup("servants"));
    assert.ok(!notIn.some((u) => u.name === "Jason.Compson.IV"));
    assert.ok(notIn.some((u) => u.name === "Benjy.Compson"));
    await asa.removeUserFromGroup("servants", "Jason.Compson.IV");
    assert.deepEqual(await collect(asa.listGroupUsers("servants")), []);

    await asa.deleteGroup("servants");
    const gone = await asa.getGroup("servants");
    assert.equal(isSoftDeleted(gone), true, `deleted_at ${gone.deleted_at}`);
    assert.ok(isNotFound(await rejection(asa.updateGroup("servants", { roles: [] }))));
  });

  it("changes a user's status and details", async () => {
    const emu = emulator();
    const asa = asaClient(emu);
    await asa.updateUser("Jason.Compson.IV", { status: "DISABLED", details: { first_name: "J." } });
    const stored = await emu.control.asa.user(team, "Jason.Compson.IV");
    assert.equal(stored.status, "DISABLED");
    assert.equal(stored.details?.first_name, "J.");
    assert.equal(stored.details?.last_name, "Compson");
    await asa.updateUser("Jason.Compson.IV", { status: "ACTIVE" });
  });

  it("refuses to send a role the API does not know, naming the field", async () => {
    const asa = asaClient(emulator());
    const err = await rejection(asa.createGroup({ name: "x", roles: ["root" as never] }));
    assert.ok(err instanceof ApiError);
    assert.equal(err.code, "invalid_request");
    assert.equal(err.field, "roles[0]");
  });

  it("fails a create on an existing name at the first attempt (no read-back)", async () => {
    const asa = asaClient(emulator());
    const err = await rejection(asa.createGroup({ name: "compsons", roles: [] }));
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 409);
    assert.equal(err.code, "resource_already_exists");
    assert.equal(err.retries?.attempts, 1);
  });

  it("reads back a create whose lost first attempt made the group (409 on the retry)", async () => {
    const emu = emulator();
    await emu.control.reset();
    const prewarm = asaClient(emu);
    await prewarm.getUser("Jason.Compson.IV"); // the token exchange happens before the fault
    // The first attempt answers 503; while the client waits to retry, the group appears, as if
    // that attempt had created it and only its answer had been lost.
    await emu.control.setFaults({ asa: { serverErrors: { share: 1, status: 503 } } });
    const asa = asaClient(emu, {
      random: () => 0.5,
      clock: retryClock(emu, () =>
        emu.control.asa.createGroup(team, { name: "lost-answer", roles: ["access_user"] }),
      ),
    });
    const group = await asa.createGroup({ name: "lost-answer", roles: ["access_user"] });
    assert.equal(group.name, "lost-answer");
    const counters = (await emu.control.counters()).asa;
    assert.equal(counters["POST /v1/teams/:team_name/groups"], 2, "one attempt, one retry");
    assert.equal(counters["GET /v1/teams/:team_name/groups/:group_name"], 1, "one read-back");
  });

  it("reads every page of a list over 1,000 items, following Link headers", async () => {
    const emu = emulator();
    await emu.control.reset();
    const names = Array.from({ length: 1050 }, (_, i) => `user.${String(i).padStart(4, "0")}`);
    await emu.control.asa.createUsers(
      team,
      names.map((name) => ({ name })),
    );
    await emu.control.asa.setGroupMembers(team, "compsons", names);
    const asa = asaClient(emu);
    await emu.control.clearCounters();

    const users = await collect(asa.listUsers({ starts_with: "user." }));
    assert.equal(users.length, 1050);
    assert.equal(new Set(users.map((u) => u.id)).size, 1050, "no user twice");
    const members = await collect(asa.listGroupUsers("compsons", { count: 250 }));
    assert.deepEqual(members.map((u) => u.name).sort(), names);

    const counters = (await emu.control.counters()).asa;
    assert.equal(counters[USERS_ROUTE], 11, "1,050 users at 100 a page: 11 pages");
    assert.equal(
      counters["GET /v1/teams/:team_name/groups/:group_name/users"],
      5,
      "1,050 at 250 a page",
    );
  });

  it("does one token exchange for two clients with the same key, even concurrently", async () => {
    const emu = emulator();
    forgetTokens();
    await emu.control.clearCounters();
    const first = asaClient(emu, { baseUrl: `${emu.asaUrl}/` }); // a trailing slash is the same API
    const second = asaClient(emu, { team: team.toUpperCase() }); // team names compare case-insensitively
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? first : second).getUser("Jason.Compson.IV")),
    );
    assert.equal((await emu.control.counters()).asa[TOKEN_ROUTE], 1);
    assert.equal(first.tokenExchanges, 1);
    assert.equal(second.tokenExchanges, 1);

    // The same key with another secret gets no token from the cache.
    const wrong = asaClient(emu, { keySecret: "not-the-secret" });
    const err = await rejection(wrong.getUser("Jason.Compson.IV"));
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 401);
    assert.equal(err.code, "authentication_error");
    assert.equal((await emu.control.counters()).asa[TOKEN_ROUTE], 2);
  });

  it("renews the token once when it expires mid-run", async () => {
    const emu = emulator();
    const asa = asaClient(emu);
    await asa.getUser("Jason.Compson.IV");
    const before = asa.tokenExchanges;
    await emu.control.clearCounters();
    await emu.control.clearRequests();
    await emu.control.expireTokens();
    await Promise.all(Array.from({ length: 8 }, () => asa.getUser("Jason.Compson.IV")));
    assert.equal(asa.tokenExchanges, before + 1);
    assert.equal((await emu.control.counters()).asa[TOKEN_ROUTE], 1);
    const unauthorized = (await emu.control.requests()).filter((r) => r.status === 401);
    assert.equal(unauthorized.length, 8, "each call met the expired token once, then succeeded");
  });
});
