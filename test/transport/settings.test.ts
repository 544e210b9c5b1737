import assert from "node:assert/strict";
import { describe, it } from "vitest";
import {
  DEFAULT_RATE_LIMITS,
  parseLinkHeader,
  parseRateLimit,
  resolveSettings,
} from "../../provider/transport";

describe("rate limit settings", () => {
  it("defaults to the documented limits", () => {
    assert.deepEqual(resolveSettings("asa", {}, {}).rateLimit, {
      requests: 10_000,
      perMs: 3_600_000,
    });
    assert.deepEqual(resolveSettings("secureframe", {}, {}).rateLimit, {
      requests: 500,
      perMs: 60_000,
    });
    assert.deepEqual(resolveSettings("scaikey", {}, {}).rateLimit, DEFAULT_RATE_LIMITS.scaikey);
  });

  it("parses the written forms", () => {
    assert.deepEqual(parseRateLimit("500/1m"), { requests: 500, perMs: 60_000 });
    assert.deepEqual(parseRateLimit("10000/h"), { requests: 10_000, perMs: 3_600_000 });
    assert.deepEqual(parseRateLimit("20 / 500ms"), { requests: 20, perMs: 500 });
    assert.equal(parseRateLimit("off"), false);
    assert.throws(() => parseRateLimit("fast"), /invalid rate limit "fast"/);
    assert.throws(() => parseRateLimit("2000000/1h"), /expected 1 to 1000000 requests/);
  });

  it("takes the client option over the environment, and the per-API variable over the global one", () => {
    const env = {
      PULUMI_IDENTITY_RATE_LIMIT: "1/1s",
      PULUMI_IDENTITY_ASA_RATE_LIMIT: "100/1m",
      PULUMI_IDENTITY_MAX_CONNECTIONS: "3",
      PULUMI_IDENTITY_SECUREFRAME_HEADERS_TIMEOUT_MS: "1234",
      PULUMI_IDENTITY_RETRY_MAX_ATTEMPTS: "2",
    };
    assert.deepEqual(resolveSettings("asa", {}, env).rateLimit, { requests: 100, perMs: 60_000 });
    assert.deepEqual(resolveSettings("scaikey", {}, env).rateLimit, { requests: 1, perMs: 1000 });
    assert.deepEqual(resolveSettings("asa", { rateLimit: "7/1s" }, env).rateLimit, {
      requests: 7,
      perMs: 1000,
    });
    assert.equal(resolveSettings("asa", {}, env).connections, 3);
    assert.equal(resolveSettings("asa", { connections: 5 }, env).connections, 5);
    assert.equal(resolveSettings("secureframe", {}, env).timeouts.headersMs, 1234);
    assert.equal(resolveSettings("asa", {}, env).timeouts.headersMs, 30_000);
    assert.equal(resolveSettings("asa", {}, env).retry.maxAttempts, 2);
    assert.equal(resolveSettings("asa", { retry: { maxAttempts: 9 } }, env).retry.maxAttempts, 9);
  });

  it("rejects nonsense from the environment with the variable's meaning", () => {
    assert.throws(
      () => resolveSettings("asa", {}, { PULUMI_IDENTITY_ASA_MAX_CONNECTIONS: "many" }),
      /MAX_CONNECTIONS "many"/,
    );
  });
});

describe("Link header", () => {
  it("finds next and prev, quoted or not, among several links", () => {
    const header =
      '<https://app.scaleft.com/v1/teams/t/users?offset=a>; rel="next", <https://app.scaleft.com/v1/teams/t/users?prev=b>; rel=prev';
    assert.deepEqual(parseLinkHeader(header), {
      next: "https://app.scaleft.com/v1/teams/t/users?offset=a",
      prev: "https://app.scaleft.com/v1/teams/t/users?prev=b",
    });
    assert.deepEqual(parseLinkHeader(undefined), {});
  });
});
