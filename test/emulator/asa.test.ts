import assert from "node:assert/strict";
import { afterAll, beforeAll, beforeEach, describe, test } from "vitest";
import { type AsaGroup, type RunningEmulator, startEmulator } from "../../emulator";
import { asaClient, call } from "./helpers";

const team = "william-faulkner";

/** Follows `Link: <url>; rel="next"` headers from `first`; returns the pages. */
async function allPages(asa: Awaited<ReturnType<typeof asaClient>>, first: string) {
  const pages: { name: string }[][] = [];
  let url: string | undefined = first;
  while (url) {
    const answer = await asa(url);
    assert.equal(answer.status, 200, answer.text);
    pages.push(answer.body.list);
    url = /<([^>]+)>;\s*rel="next"/.exec(String(answer.headers.link ?? ""))?.[1];
  }
  return pages;
}

describe("ASA emulator", () => {
  let emulator: RunningEmulator;
  let asa: Awaited<ReturnType<typeof asaClient>>;
  beforeAll(async () => {
    emulator = await startEmulator();
    asa = await asaClient(emulator);
  });
  beforeEach(() => emulator.control.reset());
  afterAll(() => emulator.stop());

  describe("authentication", () => {
    test("a wrong key secret gets 401 authentication_error", async () => {
      const answer = await call(`${emulator.asaUrl}/v1/teams/${team}/service_token`, {
        method: "POST",
        json: { key_id: emulator.credentials.asa.keyId, key_secret: "wrong" },
      });
      assert.equal(answer.status, 401);
      assert.equal(answer.body.type, "authentication_error");
      assert.equal(answer.body.code, 401);
    });

    test("calls without a bearer token, or with an unknown one, get 401", async () => {
      const url = `${emulator.asaUrl}/v1/teams/${team}/users`;
      assert.equal((await call(url)).status, 401);
      const answer = await call(url, { headers: { authorization: "Bearer nonsense" } });
      assert.equal(answer.status, 401);
      assert.equal(answer.body.type, "authentication_error");
    });

    test("a token of one team is refused on another team's paths", async () => {
      const answer = await asa(`${emulator.asaUrl}/v1/teams/another-team/users`);
      assert.equal(answer.status, 403);
      assert.equal(answer.body.type, "forbidden_error");
    });
  });

  test("every answer carries the rate-limit headers, errors included", async () => {
    for (const answer of [await asa("/users"), await asa("/users/nobody")]) {
      assert.equal(answer.headers["x-ratelimit-limit"], "10000");
      assert.match(String(answer.headers["x-ratelimit-remaining"]), /^\d+$/);
      assert.ok(Number(answer.headers["x-ratelimit-reset"]) > Date.now() / 1000);
    }
  });

  test("errors are {type, code, message}", async () => {
    const answer = await asa("/users/nobody");
    assert.deepEqual(answer.body, {
      type: "resource_does_not_exist",
      code: 404,
      message: "user nobody does not exist",
    });
    const unsupported = await asa("/groups", {
      method: "POST",
      headers: { "content-type": "text/xml" },
    });
    assert.equal(unsupported.status, 415);
    assert.equal(unsupported.body.type, "unsupported_content_type");
  });

  describe("users", () => {
    test("the list leaves service users out unless include_service_users is set", async () => {
      const names = (await asa("/users")).body.list.map((u: { name: string }) => u.name);
      assert.deepEqual(names, ["Jason.Compson.IV", "Benjy.Compson", "Quentin.Compson.III"]);
      const all = (await asa("/users?include_service_users=true")).body.list;
      assert.equal(all.length, 4);
    });

    test("contains, starts_with and repeated status filter the list", async () => {
      const names = async (query: string) =>
        (await asa(`/users?${query}`)).body.list.map((u: { name: string }) => u.name);
      assert.deepEqual(await names("contains=quentin"), ["Quentin.Compson.III"]);
      assert.deepEqual(await names("starts_with=Benjy"), ["Benjy.Compson"]);
      assert.deepEqual(await names("status=ACTIVE&status=DELETED"), [
        "Jason.Compson.IV",
        "Quentin.Compson.III",
      ]);
      assert.equal((await asa("/users?status=GONE")).status, 400);
    });

    test("PUT changes status and details and answers 204; DELETED marks the user deleted", async () => {
      const put = await asa("/users/Jason.Compson.IV", {
        method: "PUT",
        json: {
          name: "Jason.Compson.IV",
          status: "DISABLED",
          details: { email: "jason@example.com" },
        },
      });
      assert.equal(put.status, 204);
      assert.equal(put.text, "");
      const jason = (await asa("/users/Jason.Compson.IV")).body;
      assert.equal(jason.status, "DISABLED");
      assert.equal(jason.details.email, "jason@example.com");
      assert.equal(jason.details.first_name, "Jason");

      await asa("/users/Benjy.Compson", { method: "PUT", json: { status: "DELETED" } });
      const benjy = (await asa("/users/Benjy.Compson")).body;
      assert.equal(benjy.status, "DELETED");
      assert.ok(Date.parse(benjy.deleted_at) > Date.now() - 60_000);
      assert.deepEqual((await asa("/groups/compsons/users")).body.list, []);
    });

    test("PUT with a bad status is a 400 naming the field", async () => {
      const answer = await asa("/users/Jason.Compson.IV", {
        method: "PUT",
        json: { status: "GONE" },
      });
      assert.equal(answer.status, 400);
      assert.equal(answer.body.type, "invalid_request");
      assert.match(answer.body.message, /status/);
    });
  });

  describe("groups", () => {
    test("POST creates a group (201); the same name again is 409 resource_already_exists", async () => {
      const created = await asa("/groups", {
        method: "POST",
        json: { name: "gibsons", roles: ["access_user"] },
      });
      assert.equal(created.status, 201);
      assert.equal(created.body.name, "gibsons");
      assert.equal(created.body.deleted_at, null);
      const again = await asa("/groups", { method: "POST", json: { name: "gibsons" } });
      assert.equal(again.status, 409);
      assert.equal(again.body.type, "resource_already_exists");
    });

    test("roles are validated", async () => {
      const bad = await asa("/groups", { method: "POST", json: { name: "x", roles: ["root"] } });
      assert.equal(bad.status, 400);
      const put = await asa("/groups/compsons", {
        method: "PUT",
        json: { roles: ["server_admin"] },
      });
      assert.equal(put.status, 204);
      assert.deepEqual((await asa("/groups/compsons")).body.roles, ["server_admin"]);
      const empty = await asa("/groups/compsons", { method: "PUT", json: { roles: [] } });
      assert.equal(empty.status, 204);
      assert.equal(
        (await asa("/groups/compsons", { method: "PUT", json: { roles: ["x"] } })).status,
        400,
      );
    });

    test("DELETE is a soft delete: GET still answers 200 with deleted_at; lists hide it", async () => {
      assert.equal((await asa("/groups/compsons", { method: "DELETE" })).status, 204);
      const group = await asa("/groups/compsons");
      assert.equal(group.status, 200);
      assert.notEqual(group.body.deleted_at, "0001-01-01T00:00:00Z");
      assert.ok(Date.parse(group.body.deleted_at) > Date.now() - 60_000);
      const names = async (query: string) =>
        (await asa(`/groups${query}`)).body.list.map((g: { name: string }) => g.name);
      assert.deepEqual(await names(""), ["sartoris"]);
      assert.deepEqual(await names("?include_deleted=true"), ["compsons", "sartoris"]);
      assert.deepEqual(await names("?only_include_deleted=true"), ["compsons"]);
      assert.equal((await asa("/groups/compsons", { method: "DELETE" })).status, 404);
      // The name is free again.
      assert.equal(
        (await asa("/groups", { method: "POST", json: { name: "compsons" } })).status,
        201,
      );
    });

    test("a live group's deleted_at is null, or the seed's Go zero time with asa.liveGroupDeletedAt", async () => {
      const liveDeletedAt = async () => {
        const one = (await asa("/groups/compsons")).body.deleted_at;
        const listed = (await asa("/groups")).body.list.map((g: AsaGroup) => g.deleted_at);
        const created = (await asa("/groups", { method: "POST", json: { name: `g${Date.now()}` } }))
          .body.deleted_at;
        const ofUser = (await asa("/users/Benjy.Compson/groups")).body.list[0].deleted_at;
        return [...new Set([one, ...listed, created, ofUser])];
      };
      assert.deepEqual(await liveDeletedAt(), [null]);
      await emulator.control.setSettings({ asa: { liveGroupDeletedAt: "zero-time" } });
      assert.deepEqual(await liveDeletedAt(), ["0001-01-01T00:00:00Z"]);
      // A soft-deleted group shows its real time either way.
      await asa("/groups/compsons", { method: "DELETE" });
      assert.ok(Date.parse((await asa("/groups/compsons")).body.deleted_at) > Date.now() - 60_000);
    });

    test("federated groups name their team", async () => {
      const sartoris = (await asa("/groups/sartoris")).body;
      assert.equal(sartoris.federated_from_team, "yoknapatawpha-county");
      assert.equal(sartoris.federation_approved_at, "2018-04-07T00:00:00Z");
    });

    test("members are added by {name} or by a whole User, and removed", async () => {
      const add = await asa("/groups/compsons/users", {
        method: "POST",
        json: { name: "Jason.Compson.IV" },
      });
      assert.equal(add.status, 204);
      const user = (await asa("/users/Quentin.Compson.III")).body;
      const deleted = await asa("/groups/compsons/users", { method: "POST", json: user });
      assert.equal(deleted.status, 400, "a DELETED user cannot join");
      const members = async () =>
        (await asa("/groups/compsons/users")).body.list.map((u: { name: string }) => u.name);
      assert.deepEqual(await members(), ["Jason.Compson.IV", "Benjy.Compson"]);
      const jasonGroups = (await asa("/users/Jason.Compson.IV/groups")).body.list;
      assert.deepEqual(
        jasonGroups.map((g: { name: string }) => g.name),
        ["compsons"],
      );
      const outsiders = (await asa("/groups/compsons/users_not_in_group")).body.list;
      assert.deepEqual(outsiders, []);

      const remove = await asa("/groups/compsons/users/Benjy.Compson", { method: "DELETE" });
      assert.equal(remove.status, 204);
      assert.deepEqual(await members(), ["Jason.Compson.IV"]);
      const again = await asa("/groups/compsons/users/Benjy.Compson", { method: "DELETE" });
      assert.equal(again.status, 404);
    });

    test("adding an unknown user is a 404 naming the user", async () => {
      const answer = await asa("/groups/compsons/users", {
        method: "POST",
        json: { name: "Caddy" },
      });
      assert.equal(answer.status, 404);
      assert.equal(answer.body.type, "resource_does_not_exist");
      assert.match(answer.body.message, /Caddy/);
    });
  });

  test("pagination over 260 users: count, Link rel=next with offset, none on the last page", async () => {
    await emulator.control.asa.createUsers(
      team,
      Array.from({ length: 257 }, (_, i) => ({ name: `benbow.${String(i).padStart(3, "0")}` })),
    );
    const first = await asa("/users");
    assert.equal(first.body.list.length, 100);
    const link = String(first.headers.link);
    const next = /^<(http:\/\/[^>]+)>; rel="next"$/.exec(link)?.[1];
    assert.ok(next, link);
    assert.equal(new URL(next).searchParams.get("offset"), first.body.list[99].id);

    const pages = await allPages(asa, "/users");
    assert.deepEqual(
      pages.map((p) => p.length),
      [100, 100, 60],
    );
    const names = pages.flat().map((u) => u.name);
    assert.equal(new Set(names).size, 260);

    const small = await allPages(asa, "/users?count=50&starts_with=benbow");
    assert.deepEqual(
      small.map((p) => p.length),
      [50, 50, 50, 50, 50, 7],
    );
    assert.ok(small.flat().every((u) => u.name.startsWith("benbow")));
    assert.equal((await asa("/users?count=0")).status, 400);
  });
});
