import assert from "node:assert/strict";
import { afterAll, beforeAll, test } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { asaClient } from "./helpers";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.stop());

test("server errors limited to some methods leave the others alone", async () => {
  const asa = await asaClient(emulator);
  await emulator.control.setFaults({
    asa: { serverErrors: { share: 1, status: 503, methods: ["POST"] } },
  });
  assert.equal((await asa("/groups/compsons")).status, 200);
  const added = await asa("/groups/compsons/users", {
    method: "POST",
    json: { name: "Jason.Compson.IV" },
  });
  assert.equal(added.status, 503);
  assert.equal(
    (await asa("/groups/compsons/users/Benjy.Compson", { method: "DELETE" })).status,
    204,
  );
});

test("server errors limited to some paths leave the others alone", async () => {
  await emulator.control.clearFaults();
  const asa = await asaClient(emulator);
  await emulator.control.setFaults({
    asa: { serverErrors: { share: 1, status: 502, paths: ["/groups/compsons/users"] } },
  });
  assert.equal((await asa("/groups/compsons")).status, 200);
  assert.equal((await asa("/groups/compsons/users")).status, 502);
  assert.equal((await asa("/users")).status, 200);
});

test("a fault setting naming an unknown method is refused", async () => {
  await assert.rejects(
    emulator.control.setFaults({ asa: { drops: { share: 1, methods: ["FETCH" as "GET"] } } }),
    /methods/,
  );
});

test("status counts cover every answer, dropped connections as 0, and clear with the counters", async () => {
  await emulator.control.clearFaults();
  const asa = await asaClient(emulator);
  await emulator.control.clearCounters();
  await asa("/groups/compsons");
  await asa("/groups/nope");
  assert.deepEqual((await emulator.control.statuses()).asa, { "200": 1, "404": 1 });
  await emulator.control.clearCounters();
  assert.deepEqual((await emulator.control.statuses()).asa, {});
});

test("echoes repeats the Authorization header and every string of the body, as sent and URL-encoded", async () => {
  await emulator.control.clearFaults();
  const asa = await asaClient(emulator);
  await emulator.control.setFaults({ asa: { echoes: { status: 403, paths: ["/groups/"] } } });
  const body = {
    name: "Quentin/Compson+1=",
    nested: { list: ["pass word&"] },
    count: 3,
    none: null,
  };
  const answer = await asa("/groups/compsons/users", { method: "POST", json: body });
  assert.equal(answer.status, 403);
  const authorization = String(answer.headers["x-emulator-echo"]);
  assert.match(authorization, /^Bearer \S+$/);
  const shown = answer.text;
  for (const sent of [authorization, "Quentin/Compson+1=", "pass word&"]) {
    assert.ok(shown.includes(sent), `the echo holds ${sent}`);
    assert.ok(shown.includes(encodeURIComponent(sent)), `the echo holds ${sent} URL-encoded`);
  }
  assert.ok(shown.includes(JSON.stringify(JSON.stringify(body)).slice(1, -1)), shown);
  // Only the strings are URL-encoded: not the number, nor null.
  assert.ok(!/url-encoded: [^;"]*\b3\b/.test(shown), shown);

  const exact = await asa("/groups/compsons/users", { method: "POST", json: { a: "x y", n: 1 } });
  const bearer = String(exact.headers["x-emulator-echo"]);
  assert.equal(
    exact.body.message,
    `the request was refused: authorization: ${bearer}; body: {"a":"x y","n":1}; url-encoded: ${encodeURIComponent(bearer)} x%20y`,
  );

  const bare = await asa("/groups/compsons");
  assert.equal(bare.status, 403);
  assert.ok(bare.text.includes("body: null"), bare.text);
  assert.equal((await asa("/users")).status, 200, "a path the fault does not name");
});

test("over a rate limit: 429 saying so, with Retry-After; a request to no route is answered and counted by status only", async () => {
  await emulator.control.clearFaults();
  const asa = await asaClient(emulator);
  await emulator.control.setFaults({ asa: { rateLimit: { requests: 0, windowMs: 60_000 } } });
  const limited = await asa("/groups/compsons");
  assert.equal(limited.status, 429);
  assert.match(limited.text, /Too many requests: rate limit exceeded/);
  await emulator.control.clearFaults();
  await emulator.control.clearCounters();
  assert.equal((await asa("/no/such/route")).status, 404);
  assert.deepEqual((await emulator.control.counters()).asa, {});
  assert.deepEqual((await emulator.control.statuses()).asa, { "404": 1 });
});
