import assert from "node:assert/strict";
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
  withFaults,
} from "../clients/emulator-setup";

const emulator = useEmulator();
const JASON = "Jason.Compson.IV";
const SF_JASON = "1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d";

/** Resets the emulator and sets one API's server-side limit. */
async function limitServer(
  api: "asa" | "secureframe" | "scaikey",
  requests: number,
  windowMs: number,
) {
  return withFaults(emulator(), { [api]: { rateLimit: { requests, windowMs } } });
}

describe("429 storms", () => {
  it("waits out ASA's X-RateLimit-Retry-At without spending attempts, until the wait budget runs out", async () => {
    const emu = emulator();
    const events: RetryEvent[] = [];
    const asa = asaClient(emu, {
      rateLimit: false,
      timeScale: 0.001,
      retry: { maxAttempts: 2, maxWaitMs: 200_000 },
      onRetry: (event) => events.push(event),
    });
    await asa.getUser(JASON); // token first, outside the window below
    const windowStart = Date.now();
    await limitServer("asa", 2, 60_000);
    await asa.getUser(JASON);
    await asa.getUser(JASON);
    const err = await rejection(asa.getUser(JASON));
    const windowEndLatest = Math.ceil((Date.now() + 60_000) / 1000) * 1000;

    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 429);
    assert.equal(err.code, "too_many_requests");
    // The second request left nothing in the window (X-RateLimit-Remaining: 0): the third waits
    // for the reset before it is even sent. In scaled time the server's window has not passed
    // when it goes, so it meets a 429, waits again, and so on: three 429s with an attempt budget
    // of 2, since a 429 is a wait, not a failed attempt. The next wait would pass the 200 s
    // wait budget, so the call stops there.
    assert.equal(err.retries?.attempts, 3);
    assert.equal(err.retries?.gaveUp, "time");
    assert.deepEqual(err.retries?.outcomes, { "429": 3 });
    // Each wait runs to the window's end as the header gives it (unix seconds, rounded up).
    assert.equal(events.length, 2);
    for (const event of events) {
      assert.equal(event.waitSource, "x-ratelimit-retry-at");
      assert.ok(event.waitMs <= windowEndLatest - windowStart, `${event.waitMs} ms`);
      assert.ok(event.waitMs > 55_000, `${event.waitMs} ms`);
    }
    assert.match(
      err.message,
      /gave up: the next wait \(\d\d s, until \d{4}-\d\d-\d\dT[\d:.]+Z\) would exceed the wait budget after 3 attempts \(429 ×3; 1\d\d s waited in total, waits from x-ratelimit-retry-at; budget 2 attempts \/ 200 s\)/,
    );
  });

  it("does not start a wait longer than what is left of the wait budget", async () => {
    const emu = await limitServer("secureframe", 1, 60_000);
    const sf = secureframeClient(emu, {
      rateLimit: false,
      timeScale: 0.001,
      retry: { maxWaitMs: 30_000 },
    });
    await sf.getUser(SF_JASON);
    const err = await rejection(sf.getUser(SF_JASON));
    assert.ok(err instanceof ApiError);
    assert.equal(err.retries?.attempts, 1);
    assert.equal(err.retries?.gaveUp, "time");
    assert.equal(err.retries?.refusedWaitMs, 60_000, "Retry-After: 60");
    assert.match(
      err.message,
      /gave up: the next wait \(60 s, until \d{4}-[\d-]+T[\d:.]+Z\) would exceed the wait budget after 1 attempts/,
    );
  });

  it("honours Retry-After in seconds and succeeds once the window has passed", async () => {
    const emu = await limitServer("secureframe", 3, 1000);
    const events: RetryEvent[] = [];
    const sf = secureframeClient(emu, { rateLimit: false, onRetry: (e) => events.push(e) });
    const users = await Promise.all(Array.from({ length: 8 }, () => sf.getUser(SF_JASON)));
    assert.equal(users.length, 8);
    assert.ok(events.length > 0, "the storm happened");
    for (const event of events) {
      assert.equal(event.waitSource, "retry-after");
      assert.equal(event.waitMs, 1000, "Retry-After: 1 (the window is one second)");
    }
    const counts = await statusCounts(emu, "secureframe");
    assert.equal(counts[200], 8);
    assert.equal(counts[429], events.length);
  });

  it("holds every request to the API after a 429, not just the one that met it", async () => {
    const emu = await limitServer("secureframe", 3, 1000);
    let firstRetry = () => {};
    const refused = new Promise<void>((resolve) => {
      firstRetry = resolve;
    });
    const sf = secureframeClient(emu, { rateLimit: false, onRetry: () => firstRetry() });
    const firstBatch = Promise.all(Array.from({ length: 4 }, () => sf.getUser(SF_JASON)));
    await refused;
    // Sent after the 429: without the shared pause these would meet 429s too.
    const secondBatch = Promise.all(Array.from({ length: 2 }, () => sf.getUser(SF_JASON)));
    await Promise.all([firstBatch, secondBatch]);
    const counts = await statusCounts(emu, "secureframe");
    assert.deepEqual(counts, { 200: 6, 429: 1 });
  });
});

describe("client-side limits", () => {
  it("with the client's limit set to the server's, the server answers no 429 at all", async () => {
    const asa = asaClient(emulator(), { rateLimit: { requests: 8, perMs: 400 } });
    await asa.getUser(JASON); // the token first, outside the count below
    const emu = await limitServer("asa", 8, 400);
    await Promise.all(Array.from({ length: 24 }, () => asa.getUser(JASON)));
    const counts = await statusCounts(emu, "asa");
    assert.equal(counts[429], undefined, JSON.stringify(counts));
    assert.equal(counts[200], 24);
  });

  it("shares one limit between clients of the same credential", async () => {
    const options = { rateLimit: "6/300ms" } as const;
    const [first, second] = [
      scaikeyClient(emulator(), options),
      scaikeyClient(emulator(), options),
    ];
    const user = "usr_a0ef100cb9467317b1a26c4c";
    await first.getUser(user); // the token first, outside the count below
    const emu = await limitServer("scaikey", 6, 300);
    await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? first : second).getUser(user)));
    const counts = await statusCounts(emu, "scaikey");
    assert.equal(counts[429], undefined, JSON.stringify(counts));
    assert.equal(counts[200], 30);
  });

  it("fails at once, naming the wait budget, when the server's window is used up for longer", async () => {
    const emu = emulator();
    // A limit of its own, so no other test's client shares the limiter this test pauses.
    const asa = asaClient(emu, {
      rateLimit: { requests: 9_999, perMs: 3_600_000 },
      timeScale: 0.001,
    });
    await asa.getUser(JASON); // token first, outside the window below
    await limitServer("asa", 1, 3_600_000);
    await asa.getUser(JASON); // the hour's only request: X-RateLimit-Remaining is now 0
    const err = await rejection(asa.getUser(JASON));

    assert.ok(err instanceof ApiError);
    assert.equal(err.code, "RATE_LIMIT_EXHAUSTED");
    assert.equal(err.status, undefined);
    assert.equal(err.retries?.gaveUp, "time");
    assert.ok((err.retries?.refusedWaitMs ?? 0) > 300_000, `${err.retries?.refusedWaitMs} ms`);
    assert.match(err.message, /rate limit is used up/);
    assert.match(err.message, /wait budget/);
    // Not sent: the server saw the one request of its window and nothing after it.
    assert.deepEqual(await statusCounts(emu, "asa"), { 200: 1 });
  });

  it("slows down when X-RateLimit-Remaining runs out, before the server refuses", async () => {
    const emu = await limitServer("asa", 10, 1500);
    const asa = asaClient(emu, { rateLimit: false });
    for (let i = 0; i < 15; i += 1) await asa.getUser(JASON);
    const counts = await statusCounts(emu, "asa");
    assert.equal(counts[429], undefined, JSON.stringify(counts));
    assert.equal(counts[200], 15);
  });
});
