// Edges of the transport's settings (rate limit forms, whole-number limits, a client's own
// `limits` reader) and of the retry rules (unknown connection errors, empty or malformed rate
// headers, which server wait wins), as a client's settings and waits show them.
import assert from "node:assert/strict";
import { describe, it } from "vitest";
import { environmentSettings, limitReader } from "../../provider/config";
import type { ApiName } from "../../provider/errors";
import {
  ApiRateLimiter,
  DEFAULT_RETRY,
  nextWait,
  parseRateLimit,
  resolveSettings,
  retryVerdict,
  serverWait,
  type TransportOverrides,
} from "../../provider/transport";
import { virtualClock } from "../harness/virtual-clock";

const fromEnv = (api: ApiName, overrides: TransportOverrides, env: NodeJS.ProcessEnv) =>
  resolveSettings(api, overrides, limitReader(environmentSettings(env), api));

/** A client's own `limits` reader: hands back the raw values, unchecked by the config layer. */
const ownLimits =
  (values: Record<string, string>): Parameters<typeof resolveSettings>[2] =>
  (limit) =>
    values[limit];

const now = Date.UTC(2026, 0, 1, 12, 0, 0);

const FORMS = /expected e\.g\. "500\/1m", "10000\/1h", "20\/500ms" or "off"$/;

describe("rate limit forms", () => {
  it("trims and lower-cases what the environment gives", () => {
    assert.deepEqual(fromEnv("asa", {}, { PULUMI_IDENTITY_ASA_RATE_LIMIT: " 500/1M " }).rateLimit, {
      requests: 500,
      perMs: 60_000,
    });
    assert.deepEqual(fromEnv("asa", { rateLimit: "\t20/500MS\n" }, {}).rateLimit, {
      requests: 20,
      perMs: 500,
    });
  });

  it('turns the limit off with "0", "false" and "off", any case', () => {
    for (const off of ["0", "false", "FALSE", " Off "]) {
      assert.equal(fromEnv("scaikey", {}, { PULUMI_IDENTITY_RATE_LIMIT: off }).rateLimit, false);
      assert.equal(parseRateLimit(off), false, off);
    }
  });

  it("turns the limit off with the option false", () => {
    assert.equal(resolveSettings("secureframe", { rateLimit: false }).rateLimit, false);
  });

  it("reads fractional windows", () => {
    assert.deepEqual(parseRateLimit("3/1.25s"), { requests: 3, perMs: 1250 });
    assert.deepEqual(parseRateLimit("10/.5s"), { requests: 10, perMs: 500 });
  });

  it("refuses text around the limit, and an unknown unit, with the written forms", () => {
    for (const text of ["-5/1m", "x5/1m", "500/1m30s", "5/1d"]) {
      assert.throws(
        () => parseRateLimit(text),
        (err: Error) =>
          err.message.startsWith(`invalid rate limit "${text}": `) && FORMS.test(err.message),
        text,
      );
    }
  });

  it("takes 1 to 1,000,000 whole requests per a positive time, and nothing else", () => {
    assert.deepEqual(parseRateLimit("1000000/1h"), { requests: 1_000_000, perMs: 3_600_000 });
    assert.deepEqual(parseRateLimit("1/1ms"), { requests: 1, perMs: 1 });
    const refused = (requests: number, perMs: number) => ({
      message: `invalid rate limit ${requests}/${perMs} ms: expected 1 to 1000000 requests per a positive time`,
    });
    assert.throws(() => parseRateLimit("0/1s"), refused(0, 1000));
    assert.throws(() => parseRateLimit("5/0s"), refused(5, 0));
    assert.throws(
      () => resolveSettings("asa", { rateLimit: { requests: 2.5, perMs: 1000 } }),
      refused(2.5, 1000),
    );
    assert.throws(
      () => resolveSettings("asa", { rateLimit: { requests: 0, perMs: 1000 } }),
      refused(0, 1000),
    );
  });
});

describe("whole-number limits", () => {
  it("takes one connection, and refuses none or a fraction", () => {
    assert.equal(resolveSettings("asa", { connections: 1 }).connections, 1);
    for (const connections of [0, 2.5]) {
      assert.throws(() => resolveSettings("asa", { connections }), {
        message: `invalid connection limit ${connections}: expected a whole number ≥ 1`,
      });
    }
  });

  it("takes one attempt, and refuses none or a fraction", () => {
    assert.equal(resolveSettings("asa", { retry: { maxAttempts: 1 } }).retry.maxAttempts, 1);
    for (const maxAttempts of [0, 1.5]) {
      assert.throws(() => resolveSettings("asa", { retry: { maxAttempts } }), {
        message: `invalid retry.maxAttempts ${maxAttempts}: expected a whole number ≥ 1`,
      });
    }
  });

  it("takes a wait budget of 0 from the environment (no waiting at all)", () => {
    assert.equal(fromEnv("asa", {}, { PULUMI_IDENTITY_RETRY_MAX_WAIT_MS: "0" }).retry.maxWaitMs, 0);
  });

  it("checks the values a client's own limits reader gives", () => {
    const settings = resolveSettings("scaikey", {}, ownLimits({ ConnectTimeoutMs: "2500" }));
    assert.equal(settings.timeouts.connectMs, 2500);
    for (const value of ["-5", "soon"]) {
      assert.throws(() => resolveSettings("scaikey", {}, ownLimits({ ConnectTimeoutMs: value })), {
        message: `invalid ConnectTimeoutMs "${value}": expected a number`,
      });
    }
  });
});

describe("what may be retried, beyond the known failures", () => {
  it("never retries an unknown connection error, nor an outcome with nothing to say", () => {
    for (const idempotent of [true, false]) {
      assert.equal(retryVerdict({ code: "UND_ERR_INVALID_ARG" }, idempotent), "final");
      assert.equal(retryVerdict({}, idempotent), "final");
    }
  });
});

describe("the server's wait, from odd headers", () => {
  it("reads an empty or blank Retry-After as absent", () => {
    for (const value of ["", "   "]) {
      assert.deepEqual(serverWait(429, { "retry-after": value, "x-ratelimit-reset": "12" }, now), {
        ms: 12_000,
        source: "x-ratelimit-reset",
      });
      assert.equal(
        nextWait({ status: 429 }, { "retry-after": value }, 1, DEFAULT_RETRY, now, () => 0).source,
        "rate-limit-fallback",
      );
    }
  });

  it("reads an empty X-RateLimit-Reset as absent", () => {
    assert.equal(serverWait(429, { "x-ratelimit-reset": "" }, now), undefined);
    assert.deepEqual(
      nextWait({ status: 429 }, { "x-ratelimit-reset": "" }, 1, DEFAULT_RETRY, now, () => 0),
      { ms: 5000, source: "rate-limit-fallback" },
    );
  });

  it("ignores an X-RateLimit-Retry-At that is not a number", () => {
    assert.equal(serverWait(429, { "x-ratelimit-retry-at": "soon" }, now), undefined);
    assert.deepEqual(
      serverWait(429, { "x-ratelimit-retry-at": "soon", "x-ratelimit-reset": "12" }, now),
      { ms: 12_000, source: "x-ratelimit-reset" },
    );
  });

  it("takes the later of Retry-After and X-RateLimit-Retry-At, Retry-After when they agree", () => {
    const later = { "retry-after": "20", "x-ratelimit-retry-at": String(now / 1000 + 5) };
    assert.deepEqual(serverWait(429, later, now), { ms: 20_000, source: "retry-after" });
    const tie = { "retry-after": "10", "x-ratelimit-retry-at": String(now / 1000 + 10) };
    assert.deepEqual(serverWait(429, tie, now), { ms: 10_000, source: "retry-after" });
  });

  it("counts X-RateLimit-Reset on a success when nothing remains", () => {
    const headers = { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "30" };
    assert.deepEqual(serverWait(200, headers, now), { ms: 30_000, source: "x-ratelimit-reset" });
  });

  it("waits what the server says after a 5xx, not a backoff", () => {
    assert.deepEqual(
      nextWait({ status: 503 }, { "retry-after": "3" }, 1, DEFAULT_RETRY, now, () => 0.5),
      {
        ms: 3000,
        source: "retry-after",
      },
    );
  });
});

describe("the limiter, from answers without a usable remaining count", () => {
  // A clock that stands still: pauses never end on their own, and nothing sleeps for real.
  const stillClock = virtualClock({ start: now }).clock;

  for (const [what, first] of [
    ["no rate headers", {}],
    ["a remaining count that is not a number", { "x-ratelimit-remaining": "n/a" }],
  ] as const) {
    it(`after an answer with ${what}, a later "nothing remains" still pauses every request`, async () => {
      const limiter = new ApiRateLimiter({
        limit: false,
        maxInFlight: 1,
        clock: stillClock,
        bare429PauseMs: () => 5000,
      });
      const probe = await limiter.acquire({ maxPauseMs: 60_000 });
      probe.permit.answered(200, first);
      probe.permit.release();
      const second = await limiter.acquire({ maxPauseMs: 60_000 });
      second.permit.answered(200, { "x-ratelimit-remaining": "0" });
      second.permit.release();
      // Nothing left and no word on when the window ends: the fallback pause, longer than the
      // 1 s this call may wait, so it is refused unsent.
      await assert.rejects(limiter.acquire({ maxPauseMs: 1000 }), {
        code: "RATE_LIMIT_EXHAUSTED",
        message: /\(rate-limit-fallback\), 5 s from now/,
      });
    });
  }
});
