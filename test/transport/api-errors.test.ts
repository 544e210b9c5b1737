import assert from "node:assert/strict";
import { inspect } from "node:util";
import { describe, test } from "vitest";
import {
  ApiError,
  describeRetries,
  isConflict,
  isConflictAfterRetry,
  isNotFound,
  type RetrySummary,
  redact,
  sanitizedCause,
  unlessNotFound,
} from "../../provider/errors";

// The one error every client throws, unit by unit: the message a user reads in a failed
// `pulumi up`, the fields code branches on, and what it must never hold.

const budget = { maxAttempts: 5, maxWaitMs: 60_000 };

function retries(overrides: Partial<RetrySummary>): RetrySummary {
  return {
    attempts: 3,
    totalWaitMs: 1_500,
    outcomes: { "503": 2, "200": 1 },
    history: [],
    budget,
    ...overrides,
  };
}

describe("ApiError", () => {
  test("its message names the API, method, path without the query, status, code, field and message", () => {
    const err = new ApiError({
      api: "asa",
      method: "GET",
      path: "/v1/teams/t/users?offset=abc#frag",
      status: 422,
      code: "invalid_request",
      field: "members[0]",
      apiMessage: "no such user",
    });
    assert.equal(
      err.message,
      "Okta ASA GET /v1/teams/t/users failed: 422 invalid_request (field members[0]): no such user",
    );
    assert.equal(err.name, "ApiError");
    assert.equal(err.path, "/v1/teams/t/users");
    assert.deepEqual(
      [err.api, err.method, err.status, err.code, err.apiMessage, err.field],
      ["asa", "GET", 422, "invalid_request", "no such user", "members[0]"],
    );
    assert.equal(err.retries, undefined);
    assert.equal(err.cause, undefined);
    assert.equal(isNotFound(err), false);
  });

  test("without an answer: only what went wrong; a field at the root is <root>; each API by its name", () => {
    assert.equal(
      new ApiError({ api: "secureframe", method: "PUT", path: "/users/1?x=1" }).message,
      "Secureframe PUT /users/1 failed",
    );
    const root = new ApiError({ api: "scaikey", method: "GET", path: "/u", field: "" });
    assert.equal(root.message, "ScaiKey GET /u failed (field <root>)");
    assert.equal(root.field, "");
    const cause = new Error("socket hang up");
    const timedOut = new ApiError({
      api: "asa",
      method: "POST",
      path: "/x",
      code: "ETIMEDOUT",
      cause,
    });
    assert.equal(timedOut.message, "Okta ASA POST /x failed: ETIMEDOUT");
    assert.equal(timedOut.cause, cause);
    assert.equal(timedOut.status, undefined, "no status when no answer came");
  });

  test("a single attempt says nothing of retries; several, or giving up at once, say how it went", () => {
    const once = new ApiError({
      api: "asa",
      method: "GET",
      path: "/x",
      status: 500,
      retries: retries({ attempts: 1, outcomes: { "500": 1 } }),
    });
    assert.equal(once.message, "Okta ASA GET /x failed: 500");
    const unsafe = new ApiError({
      api: "asa",
      method: "POST",
      path: "/x",
      status: 500,
      retries: retries({ attempts: 1, gaveUp: "unsafe-to-retry", outcomes: { "500": 1 } }),
    });
    assert.match(unsafe.message, /^Okta ASA POST \/x failed: 500\. stopped: retrying this call/);
    const retried = new ApiError({
      api: "asa",
      method: "GET",
      path: "/x",
      status: 200,
      retries: retries({ attempts: 2, outcomes: { "503": 1, "200": 1 } }),
    });
    assert.match(retried.message, /\. retried after 2 attempts/);
  });

  test("404 and 409 are told apart; a 409 after a retry may be the create's own lost answer", async () => {
    const at = (status: number, attempts?: number) =>
      new ApiError({
        api: "asa",
        method: "POST",
        path: "/g",
        status,
        ...(attempts ? { retries: retries({ attempts }) } : {}),
      });
    assert.equal(isNotFound(at(404)), true);
    assert.equal(isNotFound({ status: 404 }), false, "only an ApiError");
    assert.equal(isConflict(at(409)), true);
    assert.equal(isConflict(at(404)), false);
    assert.equal(isConflict({ status: 409 }), false);
    assert.equal(isConflictAfterRetry(at(409)), false, "no retries");
    assert.equal(isConflictAfterRetry(at(409, 1)), false);
    assert.equal(isConflictAfterRetry(at(409, 2)), true);
    assert.equal(isConflictAfterRetry(at(500, 2)), false);
    assert.equal(await unlessNotFound(Promise.reject(at(404))), undefined);
    assert.equal(await unlessNotFound(Promise.resolve("found")), "found");
    await assert.rejects(unlessNotFound(Promise.reject(at(409))), { status: 409 });
  });
});

describe("describeRetries", () => {
  const history = [
    { attempt: 1, outcome: "429", waitMs: 2_000, waitSource: "retry-after" as const },
    { attempt: 2, outcome: "503", waitMs: 500, waitSource: "backoff" as const },
    { attempt: 3, outcome: "503", waitMs: 0, waitSource: "x-ratelimit-reset" as const },
    { attempt: 4, outcome: "503", waitMs: 700, waitSource: "backoff" as const },
  ];

  test("the attempt limit: outcomes, total wait, where each wait came from (once each), the budget", () => {
    assert.equal(
      describeRetries(
        retries({
          attempts: 5,
          gaveUp: "attempts",
          totalWaitMs: 3_200,
          outcomes: { "429": 1, "503": 4 },
          history,
        }),
      ),
      "gave up: attempt limit reached after 5 attempts (429 ×1, 503 ×4; 3.20 s waited in total, waits from retry-after, backoff; budget 5 attempts / 60 s)",
    );
  });

  test("the wait budget: the wait refused and until when, in seconds (two decimals under 10 s)", () => {
    assert.equal(
      describeRetries(
        retries({
          gaveUp: "time",
          refusedWaitMs: 90_000,
          refusedUntil: "2026-12-02T06:00:00.000Z",
          totalWaitMs: 9_999,
        }),
      ),
      "gave up: the next wait (90 s, until 2026-12-02T06:00:00.000Z) would exceed the wait budget after 3 attempts (200 ×1, 503 ×2; 10.00 s waited in total; budget 5 attempts / 60 s)",
    );
    assert.match(
      describeRetries(retries({ gaveUp: "time", totalWaitMs: 10_000 })),
      /^gave up: the next wait \(0\.00 s\) would exceed .*; 10 s waited in total; budget/,
    );
  });

  test("no wait at all names no source", () => {
    assert.equal(
      describeRetries(retries({ history: [{ ...history[2], attempt: 1 }] as never })),
      "retried after 3 attempts (200 ×1, 503 ×2; 1.50 s waited in total; budget 5 attempts / 60 s)",
    );
  });
});

describe("redact", () => {
  test("every occurrence, URL-encoded too, longest first so a secret holding another goes whole", () => {
    const key = "key-1234";
    const header = `Basic ${key}:s3cr/t+=`;
    const text = `sent ${header}; key ${key} twice ${key}; encoded ${encodeURIComponent("s3cr/t+=")}`;
    assert.equal(
      redact(text, [key, header, "s3cr/t+="]),
      "sent [redacted]; key [redacted] twice [redacted]; encoded [redacted]",
    );
  });

  test("values under 4 characters are left alone (they would blank out ordinary words)", () => {
    assert.equal(redact("the cat sat", ["the", "cat", "a"]), "the cat sat");
    assert.equal(redact("a pass", ["pass"]), "a [redacted]");
  });
});

describe("sanitizedCause", () => {
  test("a copy with only name, string code and redacted message; no socket or options", () => {
    const original = Object.assign(new TypeError("connect to https://x?token=abcd1234 failed"), {
      code: "ECONNREFUSED",
      socket: { secret: "abcd1234" },
    });
    const copy = sanitizedCause(original, ["abcd1234"]);
    assert.equal(copy.name, "TypeError");
    assert.equal(copy.message, "connect to https://x?token=[redacted] failed");
    assert.equal((copy as { code?: string }).code, "ECONNREFUSED");
    assert.equal(copy.stack, "TypeError: connect to https://x?token=[redacted] failed");
    assert.ok(!("socket" in copy));
    assert.doesNotMatch(inspect(copy), /abcd1234/);
    const numeric = sanitizedCause(Object.assign(new Error("x"), { code: 7 }));
    assert.ok(!("code" in numeric), "a code that is not a string is left out");
    const thrown = sanitizedCause("plain string thrown");
    assert.equal(thrown.message, "plain string thrown");
    assert.equal(thrown.name, "Error");
  });
});
