import assert from "node:assert/strict";
import { createServer } from "node:net";
import { describe, it } from "vitest";
import { ApiError } from "../../provider/errors";
import type { RetryEvent } from "../../provider/transport";
import {
  asaClient,
  rejection,
  scaikeyClient,
  secureframeClient,
  statusCounts,
  useEmulator,
  withFaults as withFaultsOn,
} from "../clients/emulator-setup";

const emulator = useEmulator();
const SF_JASON = "1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d";
const SK_JASON = "usr_a0ef100cb9467317b1a26c4c";

const withFaults = (faults: Parameters<typeof withFaultsOn>[1]) => withFaultsOn(emulator(), faults);

describe("server errors and lost connections", () => {
  it("retries 5xx answers on reads until they succeed, with backoff", async () => {
    const emu = await withFaults({
      seed: 7,
      secureframe: { serverErrors: { share: 0.4, status: 503 } },
    });
    const events: RetryEvent[] = [];
    const sf = secureframeClient(emu, { timeScale: 0.01, onRetry: (e) => events.push(e) });
    // One call after another, so the seeded faults fall the same way on every run (concurrent
    // calls race for the emulator's random draws, and 0.4 ** 6 per call can exhaust the attempts).
    const users = [];
    for (let i = 0; i < 30; i++) users.push(await sf.getUser(SF_JASON));
    assert.equal(users.length, 30);
    const counts = await statusCounts(emu, "secureframe");
    assert.equal(counts[200], 30);
    assert.ok((counts[503] ?? 0) > 0, "some answers were 503");
    assert.equal(events.length, counts[503]);
    for (const event of events) {
      assert.equal(event.outcome, "503");
      assert.equal(event.waitSource, "backoff");
      assert.ok(
        event.waitMs < 500 * 2 ** (event.attempt - 1),
        "full jitter under the exponential ceiling",
      );
    }
  });

  it("retries dropped connections on reads until they succeed", async () => {
    const emu = await withFaults({ seed: 3, asa: { drops: { share: 0.3 } } });
    const asa = asaClient(emu, { timeScale: 0.01 });
    const users = await Promise.all(
      Array.from({ length: 20 }, () => asa.getUser("Jason.Compson.IV")),
    );
    assert.equal(users.length, 20);
    const counts = await statusCounts(emu, "asa");
    assert.ok((counts[0] ?? 0) > 0, "some connections were dropped");
  });

  it("gives up after the attempt budget with an error saying what, how often, how long and why", async () => {
    const emu = await withFaults({ secureframe: { serverErrors: { share: 1, status: 502 } } });
    const sf = secureframeClient(emu, {
      timeScale: 0.001,
      retry: { maxAttempts: 4 },
      random: () => 0.5,
    });
    const err = await rejection(sf.getUser(SF_JASON));
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 502);
    assert.equal(err.apiMessage, "Injected server error");
    assert.equal(err.retries?.attempts, 4);
    assert.equal(err.retries?.gaveUp, "attempts");
    assert.deepEqual(err.retries?.outcomes, { "502": 4 });
    // Waits of 0.5 · min(30 s, 500 ms · 2^(n-1)): 250 + 500 + 1000 ms.
    assert.equal(err.retries?.totalWaitMs, 1750);
    assert.equal(
      err.message,
      `Secureframe GET /users/${SF_JASON} failed: 502: Injected server error. gave up: attempt limit reached after 4 attempts (502 ×4; 1.75 s waited in total, waits from backoff; budget 4 attempts / 300 s)`,
    );
    assert.equal((await statusCounts(emu, "secureframe"))[502], 4);
  });

  it("gives up when the next backoff would pass the wait budget", async () => {
    const emu = await withFaults({ secureframe: { serverErrors: { share: 1, status: 500 } } });
    const sf = secureframeClient(emu, {
      timeScale: 0.001,
      random: () => 0.99,
      retry: { maxAttempts: 20, maxWaitMs: 2_000, baseDelayMs: 500 },
    });
    const err = await rejection(sf.getUser(SF_JASON));
    assert.ok(err instanceof ApiError);
    assert.equal(err.retries?.gaveUp, "time");
    // 495 + 990 ms fit in 2 s; the third wait (1,980 ms) does not.
    assert.equal(err.retries?.attempts, 3);
    assert.equal(err.retries?.totalWaitMs, 1485);
    assert.equal(err.retries?.refusedWaitMs, 1980);
  });

  it("does not resend a non-idempotent call after a lost connection or a 5xx", async () => {
    const emu = emulator();
    const sk = scaikeyClient(emu, { timeScale: 0.001 });
    await sk.getUser(SK_JASON); // token first
    for (const faults of [
      { drops: { share: 1 } },
      { serverErrors: { share: 1, status: 503 as const } },
    ]) {
      await emu.control.setFaults({ scaikey: faults });
      await emu.control.clearRequests();
      const err = await rejection(sk.resetPassword(SK_JASON, { method: "EMAIL" }));
      assert.ok(err instanceof ApiError);
      assert.equal(err.retries?.attempts, 1);
      assert.equal(err.retries?.gaveUp, "unsafe-to-retry");
      assert.match(err.message, /stopped: retrying this call is not safe after 1 attempts/);
      assert.equal((await emu.control.requests()).length, 1);
    }
    await emu.control.clearFaults();
  });

  it("resends a non-idempotent call refused with 429: it was never processed", async () => {
    const emu = emulator();
    const sk = scaikeyClient(emu, { rateLimit: false, timeScale: 0.001 });
    await sk.getUser(SK_JASON);
    await emu.control.setFaults({ scaikey: { rateLimit: { requests: 0, windowMs: 60_000 } } });
    const pending = sk.resetPassword(SK_JASON, { method: "EMAIL" });
    // Lift the limit while the client waits out Retry-After (60 s, scaled to 60 ms).
    setTimeout(() => void emu.control.clearFaults(), 20);
    const result = await pending;
    assert.match(String(result?.message), /password reset email/);
  });

  it("retries a refused connection for any call, then says so", async () => {
    const port = await freePort();
    const sk = scaikeyClient(emulator(), {
      baseUrl: `http://127.0.0.1:${port}/scaikey`,
      timeScale: 0.001,
      retry: { maxAttempts: 3 },
    });
    const err = await rejection(sk.getUser(SK_JASON));
    assert.ok(err instanceof ApiError);
    assert.equal(err.code, "ECONNREFUSED");
    assert.equal(err.status, undefined);
    assert.equal(err.retries?.attempts, 3);
    assert.deepEqual(err.retries?.outcomes, { ECONNREFUSED: 3 });
    assert.match(
      err.message,
      /^ScaiKey POST \/api\/v1\/auth\/tenants\/compson-household\/oauth\/token failed: ECONNREFUSED: the connection was refused\. gave up/,
    );
  });
});

describe("timeouts", () => {
  // undici checks its headers and body timeouts on a coarse clock (about a second), so the
  // emulator's latency here is well above timeout + resolution.
  it("fires the headers timeout, retries a read once within budget, then reports the timeout", async () => {
    const emu = emulator();
    const asa = asaClient(emu, {
      timeouts: { headersMs: 100 },
      retry: { maxAttempts: 2 },
      timeScale: 0.001,
    });
    await asa.getUser("Jason.Compson.IV"); // token first
    await emu.control.setFaults({ asa: { latency: { fixedMs: 3000 } } });
    await emu.control.clearRequests();
    try {
      const err = await rejection(asa.getUser("Jason.Compson.IV"));
      assert.ok(err instanceof ApiError);
      assert.equal(err.code, "UND_ERR_HEADERS_TIMEOUT");
      assert.equal(err.apiMessage, "no response headers within the headers timeout (100 ms)");
      assert.equal(err.retries?.attempts, 2);
      assert.deepEqual(err.retries?.outcomes, { UND_ERR_HEADERS_TIMEOUT: 2 });
    } finally {
      await emu.control.clearFaults();
    }
  });

  it("does not resend a create whose answer timed out, unless it can read it back", async () => {
    const emu = emulator();
    const asa = asaClient(emu, { timeouts: { headersMs: 100 }, timeScale: 0.001 });
    await asa.getUser("Jason.Compson.IV");
    await emu.control.setFaults({ asa: { latency: { fixedMs: 3000 } } });
    try {
      const err = await rejection(
        asa.createGroup({ name: "slow", roles: [] }, { readBackOnConflict: false }),
      );
      assert.ok(err instanceof ApiError);
      assert.equal(err.code, "UND_ERR_HEADERS_TIMEOUT");
      assert.equal(err.retries?.gaveUp, "unsafe-to-retry");
    } finally {
      await emu.control.clearFaults();
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
