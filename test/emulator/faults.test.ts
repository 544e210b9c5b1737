import assert from "node:assert/strict";
import { Agent, request } from "undici";
import { afterAll, beforeAll, beforeEach, describe, test } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { asaClient, call, scaikeyClient, secureframeClient } from "./helpers";

describe("fault injection", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ faultSeed: 7 });
  });
  beforeEach(() => emulator.control.reset());
  afterAll(() => emulator.stop());

  test("latency delays the answers of the API it is set for", async () => {
    const secureframe = secureframeClient(emulator);
    await emulator.control.setFaults({ secureframe: { latency: { fixedMs: 200, jitterMs: 50 } } });
    const started = performance.now();
    const answer = await secureframe("/users");
    const elapsed = performance.now() - started;
    assert.equal(answer.status, 200);
    assert.ok(elapsed >= 200, `answered after ${elapsed} ms`);
    const logged = (await emulator.control.requests()).at(-1);
    assert.ok(logged && logged.ms >= 200, JSON.stringify(logged));
    // The log's time is the server's share of what the client waited, in milliseconds.
    assert.ok(logged.ms <= elapsed + 1, `logged ${logged.ms} ms, waited ${elapsed} ms`);
  });

  test("a fault limited to DELETE fails only deletions", async () => {
    const asa = await asaClient(emulator);
    await emulator.control.setFaults({
      asa: { serverErrors: { share: 1, status: 503, methods: ["DELETE"] } },
    });
    assert.equal((await asa("/groups/compsons/users")).status, 200);
    const member = "/groups/compsons/users/Benjy.Compson";
    assert.equal((await asa(member, { method: "DELETE" })).status, 503);
    await emulator.control.clearFaults();
    assert.equal((await asa(member, { method: "DELETE" })).status, 204, "still a member");
  });

  test("echoes of a request with no Authorization header repeat an empty one and the body", async () => {
    const { team, keyId, keySecret } = emulator.credentials.asa;
    await emulator.control.setFaults({
      asa: { echoes: { status: 400, paths: ["/service_token"] } },
    });
    const answer = await call(`${emulator.asaUrl}/v1/teams/${team}/service_token`, {
      method: "POST",
      json: { key_id: keyId, key_secret: keySecret },
    });
    assert.equal(answer.status, 400);
    assert.equal(answer.headers["x-emulator-echo"], "");
    const body = JSON.stringify({ key_id: keyId, key_secret: keySecret });
    const encoded = ["", keyId, keySecret].map(encodeURIComponent).join(" ");
    assert.equal(
      answer.body.message,
      `the request was refused: authorization: ; body: ${body}; url-encoded: ${encoded}`,
    );
  });

  test("ASA over its rate limit: 429 too_many_requests with X-RateLimit-* and X-RateLimit-Retry-At", async () => {
    const asa = await asaClient(emulator);
    await emulator.control.setFaults({ asa: { rateLimit: { requests: 2, windowMs: 60_000 } } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await asa("/users"));
    assert.deepEqual(
      statuses.map((a) => a.status),
      [200, 200, 429],
    );
    assert.equal(statuses[1]?.headers["x-ratelimit-remaining"], "0");
    const limited = statuses[2];
    assert.ok(limited);
    assert.deepEqual(limited.body.type, "too_many_requests");
    assert.equal(limited.body.code, 429);
    assert.equal(limited.headers["x-ratelimit-limit"], "2");
    assert.equal(limited.headers["x-ratelimit-remaining"], "0");
    const retryAt = Number(limited.headers["x-ratelimit-retry-at"]);
    assert.ok(retryAt > Date.now() / 1000 && retryAt <= Date.now() / 1000 + 61, String(retryAt));
    assert.equal(limited.headers["x-ratelimit-reset"], limited.headers["x-ratelimit-retry-at"]);
  });

  test("Secureframe and ScaiKey over their limits: 429 with Retry-After in their own error bodies", async () => {
    const secureframe = secureframeClient(emulator);
    const scaikey = await scaikeyClient(emulator);
    await emulator.control.setFaults({ all: { rateLimit: { requests: 1, windowMs: 30_000 } } });
    await secureframe("/users");
    const sf = await secureframe("/users");
    assert.equal(sf.status, 429);
    assert.equal(typeof sf.body.message, "string");
    const sfRetry = Number(sf.headers["retry-after"]);
    assert.ok(sfRetry >= 1 && sfRetry <= 30, String(sfRetry));

    const users = `/api/v1/tenants/${emulator.credentials.scaikey.tenantId}/users`;
    await scaikey(users);
    const sk = await scaikey(users);
    assert.equal(sk.status, 429);
    assert.equal(typeof sk.body.detail, "string");
    assert.ok(Number(sk.headers["retry-after"]) >= 1);
  });

  test("a share of 5xx answers, the same for the same seed and requests", async () => {
    const secureframe = secureframeClient(emulator);
    const run = async (seed: number) => {
      await emulator.control.setFaults({
        seed,
        secureframe: { serverErrors: { share: 0.3, status: 503 } },
      });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await secureframe("/users?per_page=1")).status);
      return statuses;
    };
    const first = await run(42);
    const failures = first.filter((s) => s === 503).length;
    assert.ok(failures > 0 && failures < 40, `${failures} of 40 failed`);
    assert.ok(first.every((s) => s === 200 || s === 503));
    assert.deepEqual(await run(42), first);
    assert.notDeepEqual(await run(43), first);

    const asa = await asaClient(emulator);
    await emulator.control.setFaults({ asa: { serverErrors: { share: 1 } } });
    const failed = await asa("/users");
    assert.equal(failed.status, 500);
    assert.equal(failed.body.type, "unknown_error");
  });

  test("dropped connections: the socket closes without an answer, and the log says status 0", async () => {
    const agent = new Agent();
    try {
      const scaikey = await scaikeyClient(emulator);
      await emulator.control.setFaults({ scaikey: { drops: { share: 1 } } });
      const url = `${emulator.scaikeyUrl}/api/v1/admin/users/`;
      await assert.rejects(
        request(url, { dispatcher: agent }),
        (error: Error & { code?: string }) => {
          assert.match(String(error.code), /UND_ERR_SOCKET|ECONNRESET/);
          return true;
        },
      );
      const logged = (await emulator.control.requests()).at(-1);
      assert.equal(logged?.status, 0);
      await emulator.control.clearFaults();
      assert.equal((await scaikey("/api/v1/admin/users/")).status, 200);
    } finally {
      await agent.close();
    }
  });

  test("expiring tokens: every issued ASA and ScaiKey token gets 401 at once", async () => {
    const asa = await asaClient(emulator);
    const scaikey = await scaikeyClient(emulator);
    const secureframe = secureframeClient(emulator);
    assert.equal((await asa("/users")).status, 200);
    await emulator.control.expireTokens();
    const expired = await asa("/users");
    assert.equal(expired.status, 401);
    assert.equal(expired.body.type, "authentication_error");
    assert.equal((await scaikey("/api/v1/admin/users/")).status, 401);
    assert.equal((await secureframe("/users")).status, 200, "Secureframe keys do not expire");
    const fresh = await asaClient(emulator);
    assert.equal((await fresh("/users")).status, 200);
  });

  test("faults are validated", async () => {
    await assert.rejects(
      emulator.control.setFaults({ asa: { serverErrors: { share: 2 } } }),
      /asa\.serverErrors\.share/,
    );
    assert.equal(
      (await call(`${emulator.url}/_emulator/faults`, { method: "PUT", json: { nope: 1 } })).status,
      400,
    );
  });
});
