import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, test } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { closeAllPools } from "../../provider/transport";
import { scaikey, secureframe } from "../../sdk";
import { settled } from "../harness/outputs";

// The Output forms of the Secureframe and ScaiKey lookups, under Pulumi's mocks: what the Promise
// forms give, from Inputs, secret when an input is.

let emulator: RunningEmulator;
let sf: secureframe.SecureframeLookupOptions;
let sk: scaikey.ScaiKeyLookupOptions;

beforeAll(async () => {
  emulator = await startEmulator();
  const { secureframe: sfc, scaikey: skc } = emulator.credentials;
  sf = { apiKey: sfc.apiKey, apiSecret: sfc.apiSecret, baseUrl: emulator.secureframeUrl };
  sk = {
    tenantId: skc.tenantId,
    clientId: skc.clientId,
    clientSecret: skc.clientSecret,
    baseUrl: emulator.scaikeyUrl,
  };
  await pulumi.runtime.setMocks(
    { newResource: (args) => ({ id: args.name, state: args.inputs }), call: () => ({}) },
    "project",
    "stack",
    false,
  );
});
afterAll(async () => {
  await closeAllPools();
  await emulator.stop();
});

test("secureframe.getUserOutput and getUsersOutput", async () => {
  const caddy = await settled(
    secureframe.getUserOutput(pulumi.output("caddy.compson@example.com"), sf),
  );
  assert.deepEqual(caddy, {
    value: await secureframe.getUser("caddy.compson@example.com", sf),
    known: true,
    secret: false,
  });
  const contractors = await settled(
    secureframe.getUsersOutput({ ...sf, q: pulumi.secret("employee_type:contractor") }),
  );
  assert.deepEqual(
    contractors.value.map((user) => user.email),
    ["caddy.compson@example.com"],
  );
  assert.equal(contractors.secret, true);
});

test("scaikey.getUserOutput and getUsersOutput", async () => {
  const caddy = await settled(
    scaikey.getUserOutput(pulumi.secret("caddy.compson@example.com"), sk),
  );
  assert.equal(caddy.value.id, "usr_d3fb355fbb0ab9e676a57880");
  assert.equal(caddy.secret, true);
  const locked = await settled(
    scaikey.getUsersOutput(pulumi.output({ ...sk, status: "LOCKED" as const })),
  );
  assert.deepEqual(locked, {
    value: await scaikey.getUsers({ ...sk, status: "LOCKED" }),
    known: true,
    secret: false,
  });
});
