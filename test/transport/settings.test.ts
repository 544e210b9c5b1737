import assert from "node:assert/strict";
import { describe, it } from "vitest";
import {
  configure,
  environmentSettings,
  limitReader,
  providerSetting,
} from "../../provider/config";
import type { ApiName } from "../../provider/errors";
import {
  DEFAULT_RATE_LIMITS,
  parseLinkHeader,
  parseRateLimit,
  resolveSettings,
  type TransportOverrides,
} from "../../provider/transport";

/** The settings of an API's client whose limits come from this environment only. */
const fromEnv = (api: ApiName, overrides: TransportOverrides, env: NodeJS.ProcessEnv) =>
  resolveSettings(api, overrides, limitReader(environmentSettings(env), api));

describe("rate limit settings", () => {
  it("defaults to the documented limits", () => {
    assert.deepEqual(fromEnv("asa", {}, {}).rateLimit, {
      requests: 10_000,
      perMs: 3_600_000,
    });
    assert.deepEqual(fromEnv("secureframe", {}, {}).rateLimit, {
      requests: 500,
      perMs: 60_000,
    });
    assert.deepEqual(fromEnv("scaikey", {}, {}).rateLimit, DEFAULT_RATE_LIMITS.scaikey);
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
    assert.deepEqual(fromEnv("asa", {}, env).rateLimit, { requests: 100, perMs: 60_000 });
    assert.deepEqual(fromEnv("scaikey", {}, env).rateLimit, { requests: 1, perMs: 1000 });
    assert.deepEqual(fromEnv("asa", { rateLimit: "7/1s" }, env).rateLimit, {
      requests: 7,
      perMs: 1000,
    });
    assert.equal(fromEnv("asa", {}, env).connections, 3);
    assert.equal(fromEnv("asa", { connections: 5 }, env).connections, 5);
    assert.equal(fromEnv("secureframe", {}, env).timeouts.headersMs, 1234);
    assert.equal(fromEnv("asa", {}, env).timeouts.headersMs, 30_000);
    assert.equal(fromEnv("asa", {}, env).retry.maxAttempts, 2);
    assert.equal(fromEnv("asa", { retry: { maxAttempts: 9 } }, env).retry.maxAttempts, 9);
  });

  it("rejects nonsense from the environment with the variable's meaning", () => {
    assert.throws(
      () => fromEnv("asa", {}, { PULUMI_IDENTITY_ASA_MAX_CONNECTIONS: "many" }),
      /PULUMI_IDENTITY_ASA_MAX_CONNECTIONS = "many" \(environment\) is not a whole number of at least 1; set it with `pulumi config set identity:asaMaxConnections <value>` or the environment variable PULUMI_IDENTITY_ASA_MAX_CONNECTIONS\.$/,
    );
  });
});

describe("limits in the stack config", () => {
  it("win over the environment for the providers' clients, and are checked like it", async () => {
    const config = new Map([
      ["identity:asaRateLimit", "50/1s"],
      ["identity:asaRetryMaxWaitMs", "3600000"],
    ]);
    await configure({ config: { get: (key: string) => config.get(key), require: () => "" } });
    process.env.PULUMI_IDENTITY_ASA_RATE_LIMIT = "1/1h";
    try {
      const settings = resolveSettings("asa", {}, limitReader(providerSetting, "asa"));
      assert.deepEqual(settings.rateLimit, { requests: 50, perMs: 1000 });
      assert.equal(settings.retry.maxWaitMs, 3_600_000);
    } finally {
      delete process.env.PULUMI_IDENTITY_ASA_RATE_LIMIT;
    }
    config.set("identity:scaikeyRateLimit", "fast");
    await configure({ config: { get: (key: string) => config.get(key), require: () => "" } });
    assert.throws(() => resolveSettings("scaikey", {}, limitReader(providerSetting, "scaikey")), {
      message:
        'identity:scaikeyRateLimit = "fast" (stack config) is not a rate limit: expected e.g. "500/1m", "10000/1h", "20/500ms" or "off"; set it with `pulumi config set identity:scaikeyRateLimit <value>` or the environment variable PULUMI_IDENTITY_SCAIKEY_RATE_LIMIT.',
    });
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
