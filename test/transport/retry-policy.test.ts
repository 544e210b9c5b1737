import assert from "node:assert/strict";
import { describe, it } from "vitest";
import {
  backoffMs,
  DEFAULT_RETRY,
  nextWait,
  retryVerdict,
  serverWait,
} from "../../provider/transport";

const now = Date.UTC(2026, 0, 1, 12, 0, 0);

describe("when to come back, from the answer's headers", () => {
  it("reads Retry-After in seconds", () => {
    assert.deepEqual(serverWait(429, { "retry-after": "7" }, now), {
      ms: 7000,
      source: "retry-after",
    });
  });

  it("reads Retry-After as an HTTP date", () => {
    const date = new Date(now + 30_000).toUTCString();
    assert.deepEqual(serverWait(503, { "retry-after": date }, now), {
      ms: 30_000,
      source: "retry-after",
    });
  });

  it("reads ASA's X-RateLimit-Retry-At (unix seconds)", () => {
    const retryAt = String(now / 1000 + 42);
    assert.deepEqual(serverWait(429, { "x-ratelimit-retry-at": retryAt }, now), {
      ms: 42_000,
      source: "x-ratelimit-retry-at",
    });
  });

  it("takes the later of Retry-After and X-RateLimit-Retry-At", () => {
    const headers = { "retry-after": "5", "x-ratelimit-retry-at": String(now / 1000 + 20) };
    assert.equal(serverWait(429, headers, now)?.ms, 20_000);
  });

  it("falls back to X-RateLimit-Reset on a 429, as unix seconds or as seconds from now", () => {
    assert.deepEqual(serverWait(429, { "x-ratelimit-reset": String(now / 1000 + 90) }, now), {
      ms: 90_000,
      source: "x-ratelimit-reset",
    });
    assert.equal(serverWait(429, { "x-ratelimit-reset": "12" }, now)?.ms, 12_000);
  });

  it("ignores X-RateLimit-Reset on a success with requests remaining", () => {
    const headers = { "x-ratelimit-reset": String(now / 1000 + 90), "x-ratelimit-remaining": "10" };
    assert.equal(serverWait(200, headers, now), undefined);
  });

  it("never computes a negative wait from a time already passed", () => {
    assert.equal(serverWait(429, { "x-ratelimit-retry-at": String(now / 1000 - 5) }, now)?.ms, 0);
  });
});

describe("backoff", () => {
  it("draws full jitter in [0, min(max, base·2^(n-1)))", () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    assert.equal(
      backoffMs(1, policy, () => 0),
      0,
    );
    assert.equal(
      backoffMs(1, policy, () => 0.999),
      99,
    );
    assert.equal(
      backoffMs(3, policy, () => 0.5),
      200,
    );
    assert.equal(
      backoffMs(10, policy, () => 0.5),
      500,
      "capped at maxDelayMs",
    );
  });

  it("waits 5–10 s on a 429 that says nothing, as the official ASA clients do", () => {
    assert.deepEqual(
      nextWait({ status: 429 }, {}, 1, DEFAULT_RETRY, now, () => 0),
      {
        ms: 5000,
        source: "rate-limit-fallback",
      },
    );
    assert.equal(nextWait({ status: 429 }, {}, 1, DEFAULT_RETRY, now, () => 0.5).ms, 7500);
  });
});

describe("what may be retried", () => {
  it("retries a 429 for any call: it was refused before processing", () => {
    assert.equal(retryVerdict({ status: 429 }, false), "retry");
  });

  it("retries 5xx and lost connections only for idempotent calls", () => {
    for (const outcome of [
      { status: 500 },
      { status: 503 },
      { code: "ECONNRESET" },
      { code: "UND_ERR_SOCKET" },
    ]) {
      assert.equal(retryVerdict(outcome, true), "retry");
      assert.equal(retryVerdict(outcome, false), "unsafe");
    }
  });

  it("retries a connection that never opened for any call", () => {
    assert.equal(retryVerdict({ code: "ECONNREFUSED" }, false), "retry");
    assert.equal(retryVerdict({ code: "UND_ERR_CONNECT_TIMEOUT" }, false), "retry");
  });

  it("never retries 4xx answers, 403 included", () => {
    for (const status of [400, 401, 403, 404, 409, 422])
      assert.equal(retryVerdict({ status }, true), "final");
  });
});
