import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, test } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { asaClient, call, secureframeClient, shapeMismatches } from "./helpers";

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, "../fixtures/seed-examples", name), "utf8"));

describe("the emulator answers every JSON example of the seeds with the same keys and types", () => {
  let emulator: RunningEmulator;
  let asa: Awaited<ReturnType<typeof asaClient>>;
  beforeAll(async () => {
    emulator = await startEmulator();
    asa = await asaClient(emulator);
  });
  afterAll(() => emulator.stop());

  const asaExamples: [string, string, () => Promise<unknown>][] = [
    ["GET user", "asa-user.json", async () => (await asa("/users/Jason.Compson.IV")).body],
    ["GET users", "asa-users.json", async () => (await asa("/users")).body],
    [
      "GET user's groups",
      "asa-user-groups.json",
      async () => (await asa("/users/Benjy.Compson/groups")).body,
    ],
    ["GET groups", "asa-groups.json", async () => (await asa("/groups")).body],
    [
      "POST group",
      "asa-group-created.json",
      async () =>
        (
          await asa("/groups", {
            method: "POST",
            json: { name: "quentins", roles: ["access_user"] },
          })
        ).body,
    ],
    [
      "GET group users",
      "asa-group-users.json",
      async () => (await asa("/groups/compsons/users")).body,
    ],
    [
      "GET users not in group",
      "asa-users-not-in-group.json",
      async () => (await asa("/groups/compsons/users_not_in_group")).body,
    ],
  ];
  for (const [operation, file, answer] of asaExamples) {
    test(`ASA ${operation} (${file})`, async () => {
      // The seed's examples show a live group's deleted_at as the Go zero time: the emulator's
      // setting for it (its default, null, is tested in asa.test.ts).
      await emulator.control.setSettings({ asa: { liveGroupDeletedAt: "zero-time" } });
      assert.deepEqual(shapeMismatches(fixture(file), await answer()), []);
    });
  }

  test("ASA: the body the seed shows for the service token exchange gets a token", async () => {
    const answer = await call(`${emulator.asaUrl}/v1/teams/william-faulkner/service_token`, {
      method: "POST",
      json: fixture("asa-service-token-request.json"),
    });
    assert.equal(answer.status, 200);
    assert.deepEqual(Object.keys(answer.body).sort(), ["bearer_token", "expires_at", "team_name"]);
    assert.equal(answer.body.team_name, "william-faulkner");
    assert.ok(Date.parse(answer.body.expires_at) > Date.now());
  });

  test("Secureframe GET /users/{id}, PUT /users/{id} and GET /users (array form)", async () => {
    const secureframe = secureframeClient(emulator);
    const id = "1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d";
    const one = await secureframe(`/users/${id}`);
    assert.deepEqual(shapeMismatches(fixture("secureframe-user.json"), one.body), []);
    const updated = await secureframe(`/users/${id}?in_audit_scope=true`, { method: "PUT" });
    assert.deepEqual(shapeMismatches(fixture("secureframe-user-updated.json"), updated.body), []);
    await emulator.control.setSettings({ secureframe: { listShape: "array" } });
    const list = await secureframe("/users");
    await emulator.control.setSettings({});
    assert.deepEqual(shapeMismatches(fixture("secureframe-users.json"), list.body), []);
  });

  test("the comparison catches a missing key, an extra key and a changed type", () => {
    const expected = { list: [{ id: "x", deleted_at: null, roles: ["a"] }] };
    assert.deepEqual(
      shapeMismatches(expected, { list: [{ id: "x", deleted_at: null, roles: [] }] }).length,
      1,
    );
    assert.notDeepEqual(shapeMismatches(expected, { list: [{ id: "x", deleted_at: null }] }), []);
    assert.notDeepEqual(
      shapeMismatches(expected, { list: [{ id: 1, deleted_at: null, roles: ["a"] }] }),
      [],
    );
    assert.notDeepEqual(
      shapeMismatches(expected, { list: [{ id: "x", deleted_at: null, roles: ["a"], more: 1 }] }),
      [],
    );
    assert.deepEqual(
      shapeMismatches(expected, { list: [{ id: "y", deleted_at: null, roles: ["b"] }] }),
      [],
    );
  });
});
