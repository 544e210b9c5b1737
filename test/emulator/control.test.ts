import assert from "node:assert/strict";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, test } from "vitest";
import {
  EmulatorControlError,
  type EmulatorData,
  type RunningEmulator,
  startEmulator,
} from "../../emulator";
import { asaClient, call, scaikeyClient, secureframeClient } from "./helpers";

const team = "william-faulkner";

describe("control API", () => {
  let emulator: RunningEmulator;
  let asa: Awaited<ReturnType<typeof asaClient>>;
  beforeAll(async () => {
    emulator = await startEmulator();
    asa = await asaClient(emulator);
  });
  beforeEach(() => emulator.control.reset());
  afterAll(() => emulator.stop());

  test("ASA edits made as in the console show through the API", async () => {
    const { control } = emulator;
    await control.asa.createUser(team, {
      name: "Caddy.Compson",
      details: {
        email: "caddy.compson@example.com",
        first_name: "Caddy",
        full_name: "Caddy Compson",
        last_name: "Compson",
      },
    });
    await control.asa.addGroupMember(team, "compsons", "Caddy.Compson");
    await control.asa.updateGroup(team, "compsons", { roles: ["access_user"] });
    const members = (await asa("/groups/compsons/users")).body.list.map(
      (u: { name: string }) => u.name,
    );
    assert.deepEqual(members, ["Benjy.Compson", "Caddy.Compson"]);
    assert.deepEqual((await asa("/groups/compsons")).body.roles, ["access_user"]);

    await control.asa.setGroupMembers(team, "compsons", ["Jason.Compson.IV"]);
    assert.deepEqual(
      (await asa("/groups/compsons/users")).body.list.map((u: { name: string }) => u.name),
      ["Jason.Compson.IV"],
    );
    await control.asa.removeGroupMember(team, "compsons", "Jason.Compson.IV");
    assert.deepEqual((await asa("/groups/compsons/users")).body.list, []);

    await control.asa.updateGroup(team, "compsons", { deleted_at: "2024-05-01T00:00:00Z" });
    const soft = await asa("/groups/compsons");
    assert.equal(soft.status, 200);
    assert.equal(soft.body.deleted_at, "2024-05-01T00:00:00Z");
    await control.asa.deleteGroup(team, "compsons");
    assert.equal((await asa("/groups/compsons")).status, 404);

    await control.asa.updateUser(team, "Jason.Compson.IV", { status: "DISABLED" });
    assert.equal((await asa("/users/Jason.Compson.IV")).body.status, "DISABLED");
  });

  test("control edits are checked and name what is wrong", async () => {
    const { control } = emulator;
    await assert.rejects(control.asa.addGroupMember(team, "compsons", "Nobody"), (error) => {
      assert.ok(error instanceof EmulatorControlError);
      assert.equal(error.status, 404);
      assert.match(error.message, /Nobody/);
      return true;
    });
    await assert.rejects(control.asa.createGroup(team, { name: "compsons" }), /already exists/);
    await assert.rejects(
      control.asa.updateGroup(team, "compsons", { roles: ["root" as "access_user"] }),
      /roles\[0\]/,
    );
    await assert.rejects(
      control.scaikey.updateUser("usr_a0ef100cb9467317b1a26c4c", { email: "nope" }),
      /email/,
    );
  });

  test("Secureframe and ScaiKey edits show through their APIs", async () => {
    const { control } = emulator;
    const created = await control.secureframe.createUser({
      email: "luster@example.com",
      first_name: "Luster",
    });
    await control.secureframe.updateUser(created.id, {
      employee_type: "contractor",
      active: false,
    });
    const secureframe = secureframeClient(emulator);
    const user = (await secureframe(`/users/${created.id}`)).body.data.attributes;
    assert.equal(user.employee_type, "contractor");
    assert.equal(user.active, false);
    assert.equal(user.name, "Luster");

    await control.scaikey.updateUser("usr_a0ef100cb9467317b1a26c4c", {
      status: "LOCKED",
      mfa_enabled: false,
    });
    const scaikey = await scaikeyClient(emulator);
    const jason = (await scaikey("/api/v1/admin/users/usr_a0ef100cb9467317b1a26c4c")).body.data;
    assert.equal(jason.status, "LOCKED");
    assert.equal(jason.mfa_enabled, false);
    const added = await control.scaikey.createUser({ email: "jason.lycurgus@example.com" });
    assert.equal((await scaikey(`/api/v1/admin/users/${added.id}`)).status, 200);
  });

  test("counters count API requests by method and route template; control calls are not counted", async () => {
    await emulator.control.clearCounters();
    await asa("/users/Jason.Compson.IV");
    await asa("/users/Benjy.Compson");
    await asa("/groups/compsons/users", { method: "POST", json: { name: "Jason.Compson.IV" } });
    await secureframeClient(emulator)("/users");
    await emulator.control.asa.users(team);
    const counters = await emulator.control.counters();
    assert.deepEqual(counters, {
      asa: {
        "GET /v1/teams/:team_name/users/:user_name": 2,
        "POST /v1/teams/:team_name/groups/:group_name/users": 1,
      },
      secureframe: { "GET /users": 1 },
      scaikey: {},
    });
    await emulator.control.clearCounters();
    assert.deepEqual(await emulator.control.counters(), { asa: {}, secureframe: {}, scaikey: {} });
  });

  test("the request log lists api, method, url, status and ms", async () => {
    await emulator.control.clearRequests();
    await asa("/users/nobody");
    const log = await emulator.control.requests();
    assert.equal(log.length, 1);
    const [entry] = log;
    assert.equal(entry?.api, "asa");
    assert.equal(entry?.method, "GET");
    assert.equal(entry?.url, `/asa/v1/teams/${team}/users/nobody`);
    assert.equal(entry?.status, 404);
    assert.equal(typeof entry?.ms, "number");
  });

  test("reset brings back the starting data", async () => {
    await asa("/groups/compsons", { method: "DELETE" });
    await emulator.control.reset();
    assert.equal((await asa("/groups/compsons")).body.deleted_at, null);
  });

  test("data can be exported and loaded; bad data is refused naming the field", async () => {
    const data: EmulatorData = await emulator.control.data();
    data.asa.teams[0]?.groups.push({
      id: "7d3c6aef-75d1-45c3-8434-bffb2c83bb7f",
      name: "gibsons",
      roles: [],
      members: ["Jason.Compson.IV"],
      deleted_at: "0001-01-01T00:00:00Z",
      federated_from_team: null,
      federation_approved_at: null,
    });
    await emulator.control.loadData(data);
    assert.equal((await asa("/users/Jason.Compson.IV/groups")).body.list[0].name, "gibsons");

    const bad = structuredClone(data) as unknown as {
      asa: { teams: { users: { status: string }[] }[] };
    };
    const firstUser = bad.asa.teams[0]?.users[1];
    if (firstUser) firstUser.status = "ASLEEP";
    const answer = await call(`${emulator.url}/_emulator/data`, { method: "PUT", json: bad });
    assert.equal(answer.status, 400);
    assert.match(answer.body.error, /asa\.teams\[0\]\.users\[1\]\.status/);
  });
});

describe("starting data", () => {
  test("from a JSON file, with a clear error naming a bad field", async () => {
    const directory = await mkdtemp(join(tmpdir(), "emulator-data-"));
    const reference = await startEmulator();
    const data = reference.data();
    await reference.stop();
    data.secureframe.users = data.secureframe.users.slice(0, 1);
    const good = join(directory, "good.json");
    await writeFile(good, JSON.stringify(data));
    const fromFile = await startEmulator({ data: good });
    try {
      const list = await secureframeClient(fromFile)("/users");
      assert.equal(list.body.data.length, 1);
    } finally {
      await fromFile.stop();
    }

    const broken = join(directory, "broken.json");
    const bad = structuredClone(data) as unknown as { scaikey: { users: { email: string }[] } };
    const user = bad.scaikey.users[2];
    if (user) user.email = "not an email";
    await writeFile(broken, JSON.stringify(bad));
    await assert.rejects(startEmulator({ data: broken }), /scaikey\.users\[2\]\.email/);
  });

  test("empty: no people, no groups, but the demo credentials work", async () => {
    const emulator = await startEmulator({ empty: true });
    try {
      const asa = await asaClient(emulator);
      assert.deepEqual((await asa("/users")).body.list, []);
      assert.deepEqual((await asa("/groups")).body.list, []);
      assert.deepEqual((await secureframeClient(emulator)("/users")).body.data, []);
      const scaikey = await scaikeyClient(emulator);
      assert.equal((await scaikey("/api/v1/admin/users/")).body.pagination.total_items, 0);
    } finally {
      await emulator.stop();
    }
  });
});
