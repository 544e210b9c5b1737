import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, test } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { closeAllPools } from "../../provider/transport";
import { scaikey, secureframe } from "../../sdk";
import { rejection } from "./fixture";

// Lookups run in the program: Secureframe's credentials come from the stack config here,
// ScaiKey's from the environment.

let emulator: RunningEmulator;
const scaikeyEnv = [
  "SCAIKEY_BASE_URL",
  "SCAIKEY_CLIENT_ID",
  "SCAIKEY_CLIENT_SECRET",
  "SCAIKEY_TENANT",
];

beforeAll(async () => {
  emulator = await startEmulator();
  const { secureframe: sf, scaikey: sk } = emulator.credentials;
  pulumi.runtime.setAllConfig(
    {
      "identity:secureframeApiKey": sf.apiKey,
      "identity:secureframeApiSecret": sf.apiSecret,
      "identity:secureframeBaseUrl": emulator.secureframeUrl,
    },
    ["identity:secureframeApiKey", "identity:secureframeApiSecret"],
  );
  Object.assign(process.env, {
    SCAIKEY_BASE_URL: emulator.scaikeyUrl,
    SCAIKEY_CLIENT_ID: sk.clientId,
    SCAIKEY_CLIENT_SECRET: sk.clientSecret,
    SCAIKEY_TENANT: sk.tenantId,
  });
});
afterAll(async () => {
  for (const name of scaikeyEnv) delete process.env[name];
  await closeAllPools();
  await emulator.stop();
});

describe("secureframe lookups", () => {
  test("getUser finds a user by id, or by email whatever its case", async () => {
    const byEmail = await secureframe.getUser("Caddy.Compson@example.com");
    assert.equal(byEmail.id, "97542b42-e536-4859-82e1-152647feeae0");
    assert.equal(byEmail.employee_type, "contractor");
    const byId = await secureframe.getUser("97542b42-e536-4859-82e1-152647feeae0");
    assert.equal(byId.email, "caddy.compson@example.com");
  });

  test("getUsers applies the Lucene query, and reads everyone without one", async () => {
    const contractors = await secureframe.getUsers({
      q: "employee_type:contractor OR employee_type:auditor",
    });
    assert.deepEqual(contractors.map((u) => u.email).sort(), [
      "caddy.compson@example.com",
      "maury.bascomb@example.com",
    ]);
    assert.equal((await secureframe.getUsers()).length, 6);
    const err = await rejection(secureframe.getUsers({ q: "title_typo:x" }));
    assert.match(err.message, /400.*User is not filterable by title_typo/);
  });

  test("a user nobody has is an error; credentials given in the call come first and never show", async () => {
    const missing = await rejection(secureframe.getUser("luster@example.com"));
    assert.equal(
      missing.message,
      'Secureframe has no user with the id or email "luster@example.com"',
    );
    const wrong = "wrong-secret-given-in-the-call";
    const err = await rejection(
      secureframe.getUser("caddy.compson@example.com", { apiSecret: wrong }),
    );
    assert.match(err.message, /Secureframe GET \/users failed: 401/);
    assert.doesNotMatch(err.message, new RegExp(wrong));
  });
});

describe("scaikey lookups", () => {
  test("getUser finds a tenant user in full by id or email", async () => {
    const caddy = await scaikey.getUser("caddy.compson@example.com");
    assert.equal(caddy.id, "usr_d3fb355fbb0ab9e676a57880");
    assert.equal(caddy.status, "LOCKED");
    assert.equal((await scaikey.getUser("usr_d3fb355fbb0ab9e676a57880")).username, "caddy.compson");
  });

  test("getUsers filters by status and search, in the tenant only", async () => {
    const locked = await scaikey.getUsers({ status: "LOCKED" });
    assert.deepEqual(
      locked.map((u) => u.email),
      ["caddy.compson@example.com"],
    );
    assert.deepEqual(await scaikey.getUsers({ search: "sartoris" }), []);
    const everyone = await scaikey.getUsers();
    assert.equal(everyone.length, 5);
    assert.ok(everyone.every((u) => u.id.startsWith("usr_")));
  });

  test("a user of another tenant is not found; a missing setting names its key and variable", async () => {
    const err = await rejection(scaikey.getUser("bayard.sartoris@example.com"));
    assert.equal(
      err.message,
      'ScaiKey tenant tnt_a24a8f641821b521082680b9 has no user with the id or email "bayard.sartoris@example.com"',
    );
    const saved = process.env.SCAIKEY_CLIENT_SECRET;
    delete process.env.SCAIKEY_CLIENT_SECRET;
    try {
      const missing = await rejection(scaikey.getUsers());
      assert.equal(
        missing.message,
        "Missing identity:scaikeyClientSecret: set it with `pulumi config set --secret identity:scaikeyClientSecret <value>` or the environment variable SCAIKEY_CLIENT_SECRET.",
      );
    } finally {
      process.env.SCAIKEY_CLIENT_SECRET = saved;
    }
  });
});
