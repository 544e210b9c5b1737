import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { afterAll, afterEach, beforeAll, test } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { closeAllPools } from "../../provider/transport";
import { asa } from "../../sdk";

// Lookups run in the program's own process: credentials from options, then the stack config
// (`new pulumi.Config("identity")`), then the environment.

let emulator: RunningEmulator;
let options: asa.AsaLookupOptions;
const envNames = ["ASA_TEAM", "ASA_KEY_ID", "ASA_KEY_SECRET", "ASA_BASE_URL"];

beforeAll(async () => {
  emulator = await startEmulator();
  const { team, keyId, keySecret } = emulator.credentials.asa;
  options = { team, keyId, keySecret, baseUrl: emulator.asaUrl };
  await emulator.control.asa.createUsers(
    team,
    Array.from({ length: 250 }, (_, i) => ({ name: `user-${String(i).padStart(3, "0")}` })),
  );
  await emulator.control.asa.createGroup(team, {
    name: "big",
    roles: ["access_user"],
    members: Array.from({ length: 250 }, (_, i) => `user-${String(i).padStart(3, "0")}`),
  });
});
afterEach(() => {
  for (const name of envNames) delete process.env[name];
  pulumi.runtime.setAllConfig({});
});
afterAll(async () => {
  await emulator.stop();
  await closeAllPools();
});

test("getGroup, getGroups, getGroupMembers (every page), getUser, getUsers", async () => {
  const group = await asa.getGroup("compsons", options);
  assert.equal(group.id, "5e41a7d8-4b81-49db-b552-3cb1f3ec936c");
  const groups = await asa.getGroups(options);
  assert.deepEqual(groups.map((g) => g.name).sort(), ["big", "compsons", "sartoris"]);
  assert.deepEqual(
    (await asa.getGroups({ ...options, contains: "SART" })).map((g) => g.name),
    ["sartoris"],
  );

  const members = await asa.getGroupMembers("big", options);
  assert.equal(members.length, 250);
  assert.equal(members[0], "user-000");
  assert.equal(members[249], "user-249");

  const user = await asa.getUser("Jason.Compson.IV", options);
  assert.equal(user.details?.full_name, "Jason Compson IV");
  const active = await asa.getUsers({ ...options, status: "ACTIVE", startsWith: "jason" });
  assert.deepEqual(
    active.map((u) => u.name),
    ["Jason.Compson.IV"],
  );
  const everyone = await asa.getUsers({ ...options, includeServiceUsers: true });
  assert.equal(everyone.length, 254);
});

test("credentials from the stack config, then the environment", async () => {
  const { team, keyId, keySecret } = emulator.credentials.asa;
  pulumi.runtime.setAllConfig({ "identity:asaTeam": team, "identity:asaKeySecret": keySecret }, [
    "identity:asaKeySecret",
  ]);
  process.env.ASA_KEY_ID = keyId;
  process.env.ASA_BASE_URL = emulator.asaUrl;
  assert.deepEqual(await asa.getGroupMembers("compsons"), ["Benjy.Compson"]);
});

test("missing groups and users fail with a plain message; soft-deleted groups are missing", async () => {
  await assert.rejects(asa.getGroup("nope", options), {
    message: 'group "nope" in team "william-faulkner" does not exist',
  });
  await assert.rejects(asa.getUser("nobody", options), {
    message: 'user "nobody" does not exist in team "william-faulkner"',
  });
  await emulator.control.asa.createGroup(options.team ?? "", {
    name: "gone",
    deleted_at: "2025-05-05T05:05:05Z",
  });
  await assert.rejects(asa.getGroup("gone", options), /does not exist/);
  await assert.rejects(asa.getGroupMembers("gone", options), /does not exist/);
});

test("a missing setting names the config key and the environment variable; a bad key leaks nothing", async () => {
  await assert.rejects(asa.getGroups({ team: "william-faulkner", keyId: "k" }), {
    message:
      "Missing identity:asaKeySecret: set it with `pulumi config set --secret identity:asaKeySecret <value>` or the environment variable ASA_KEY_SECRET.",
  });
  const wrongSecret = "wrong-secret-value-3f9a1c-must-not-leak";
  await assert.rejects(asa.getGroups({ ...options, keySecret: wrongSecret }), (err: Error) => {
    assert.match(err.message, /401/);
    assert.ok(
      !JSON.stringify({ ...err, message: err.message, stack: err.stack }).includes(wrongSecret),
    );
    return true;
  });
});

test("a lookup naming a team uses that team's set from the program's identity:asaTeams", async () => {
  const data = await emulator.control.data();
  const secret = "ops-lookup-key-secret-3e9a";
  data.asa.teams.push({
    name: "ops",
    service_keys: [{ key_id: "ops-key", key_secret: secret, service_user: "ops-automation" }],
    users: [{ name: "ops-automation", user_type: "service" }, { name: "Ops.Person" }],
    groups: [{ name: "oncall", members: ["Ops.Person"] }],
  } as unknown as (typeof data.asa.teams)[number]);
  await emulator.control.loadData(data);
  const { team, keyId, keySecret } = emulator.credentials.asa;
  pulumi.runtime.setAllConfig(
    {
      "identity:asaBaseUrl": emulator.asaUrl,
      "identity:asaTeam": team,
      "identity:asaKeyId": keyId,
      "identity:asaKeySecret": keySecret,
      "identity:asaTeams": JSON.stringify({ Ops: { keyId: "ops-key", keySecret: secret } }),
    },
    ["identity:asaKeySecret", "identity:asaTeams"],
  );
  assert.deepEqual(await asa.getGroupMembers("oncall", { team: "ops" }), ["Ops.Person"]);
  assert.equal((await asa.getGroup("compsons")).name, "compsons");
  await assert.rejects(asa.getGroup("oncall", { team: "snopes" }), {
    message:
      /^No credentials for Okta ASA team "snopes": the teams with credentials are "william-faulkner" \(identity:asaKeyId, identity:asaKeySecret\), "ops" \(identity:asaTeams\.ops\)\./,
  });
});
