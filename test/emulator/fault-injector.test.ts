import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { FaultInjector } from "../../emulator/faults";
import { RateWindow } from "../../emulator/rate-window";

// The emulator's fault decisions, without a server: what a test that sets faults relies on.

const now = Date.UTC(2026, 11, 2, 6, 0, 0);

describe("fault decisions", () => {
  test("a fault limited to paths applies to a request on any of them", () => {
    const faults = new FaultInjector(1);
    faults.set({
      asa: { serverErrors: { share: 1, status: 503, paths: ["/groups/", "/users/"] } },
    });
    assert.equal(faults.decide("asa", now, "GET", "/v1/teams/t/users/x").serverError, 503);
    assert.equal(faults.decide("asa", now, "GET", "/v1/teams/t/groups/g").serverError, 503);
    assert.equal(faults.decide("asa", now, "GET", "/v1/teams/t/projects").serverError, null);
    assert.deepEqual(faults.current, {
      asa: { serverErrors: { share: 1, status: 503, paths: ["/groups/", "/users/"] } },
    });
  });

  test("ASA's documented 10,000 per hour only counts for the headers; a limit that is set is enforced", () => {
    const faults = new FaultInjector(1);
    faults.set({});
    let last = faults.decide("asa", now, "GET", "/");
    for (let i = 1; i <= 10_000; i++) last = faults.decide("asa", now, "GET", "/");
    assert.deepEqual(last.rate, {
      limit: 10_000,
      remaining: 0,
      resetAt: now + 3_600_000,
      exceeded: false,
    });
    assert.equal(faults.decide("secureframe", now, "GET", "/").rate, null, "no documented limit");
    faults.set({ secureframe: { rateLimit: { requests: 1, windowMs: 1_000 } } });
    assert.equal(faults.decide("secureframe", now, "GET", "/").rate?.exceeded, false);
    assert.equal(faults.decide("secureframe", now, "GET", "/").rate?.exceeded, true);
  });
});

describe("a rate window", () => {
  test("a new window starts exactly when the last one ends", () => {
    const window = new RateWindow(1, 1_000);
    assert.equal(window.hit(now).exceeded, false);
    assert.equal(window.hit(now + 999).exceeded, true);
    const next = window.hit(now + 1_000);
    assert.deepEqual(next, { limit: 1, remaining: 0, resetAt: now + 2_000, exceeded: false });
  });
});
