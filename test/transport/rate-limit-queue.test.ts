import assert from "node:assert/strict";
import { describe, it } from "vitest";
import { ApiError } from "../../provider/errors";
import {
  asaClient,
  rejection,
  secureframeClient,
  statusCounts,
  useEmulator,
  withFaults,
} from "../clients/emulator-setup";

// The limiter's queue: a 429 pauses every request to the API, queued requests wait unsent and
// spend no attempt, one request probes a window before the others, answers' headers pace it.

const emulator = useEmulator();
const JASON = "Jason.Compson.IV";
const SF_JASON = "1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d";

describe("riding out a server's rate window", () => {
  it("60 calls under 20 per second all succeed, with no 429 at all and no attempt spent", async () => {
    const asa = asaClient(emulator(), { rateLimit: false, retry: { maxAttempts: 1 } });
    await asa.getUser(JASON); // the token first
    const emu = await withFaults(emulator(), {
      asa: { rateLimit: { requests: 20, windowMs: 1000 } },
    });
    const started = Date.now();
    const users = await Promise.all(Array.from({ length: 60 }, () => asa.getUser(JASON)));
    const seconds = (Date.now() - started) / 1000;
    assert.equal(users.length, 60);
    const counts = await statusCounts(emu, "asa");
    // The first request probes the window alone; the others start only within what it says remains.
    assert.deepEqual(counts, { 200: 60 });
    assert.ok(seconds >= 2, `60 requests at 20 per second need 2 full windows: ${seconds} s`);
  }, 20_000);

  it("without any rate headers, the calls queued behind a 429 wait for the pause unsent, spending no attempt", async () => {
    const emu = await withFaults(emulator(), {
      secureframe: { rateLimit: { requests: 3, windowMs: 1500 } },
    });
    // Secureframe sends no rate headers but Retry-After: the client learns of the window only
    // from a 429, and with no limit of its own it cannot avoid the first of each window.
    const sf = secureframeClient(emu, {
      rateLimit: false,
      connections: 2,
      retry: { maxAttempts: 1 },
    });
    const users = await Promise.all(Array.from({ length: 9 }, () => sf.getUser(SF_JASON)));
    assert.equal(users.length, 9);
    const counts = await statusCounts(emu, "secureframe");
    assert.equal(counts[200], 9);
    // Three windows of 3; in each of the first two only the 2 calls on the wire can meet a 429.
    assert.ok((counts[429] ?? 0) <= 4, JSON.stringify(counts));
  }, 20_000);

  it("a call queued behind a pause longer than its wait budget fails at once, unsent, saying until when", async () => {
    const emu = emulator();
    const asa = asaClient(emu, {
      rateLimit: { requests: 9_998, perMs: 3_600_000 },
      retry: { maxWaitMs: 5_000 },
    });
    await asa.getUser(JASON); // the token first
    await withFaults(emu, { asa: { rateLimit: { requests: 1, windowMs: 60_000 } } });
    await asa.getUser(JASON); // the window's only request: X-RateLimit-Remaining is now 0
    const started = Date.now();
    const errors = await Promise.all(
      Array.from({ length: 5 }, () => rejection(asa.getUser(JASON))),
    );
    assert.ok(Date.now() - started < 1000, "no call waited");
    for (const err of errors) {
      assert.ok(err instanceof ApiError);
      assert.equal(err.code, "RATE_LIMIT_EXHAUSTED");
      const left =
        /not sent: the API's rate limit is used up until \d{4}-\d\d-\d\dT[\d:.]+Z \(x-ratelimit-reset\), \d+ s from now, longer than the (\d) s left of the call's wait budget/.exec(
          err.message,
        );
      assert.ok(left, err.message);
      // What is left of the 5 s budget: whole seconds, less on a busy machine.
      assert.ok(Number(left[1]) >= 1 && Number(left[1]) <= 5, err.message);
    }
    assert.deepEqual(await statusCounts(emu, "asa"), { 200: 1 });
  });
});
