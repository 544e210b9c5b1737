import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it, vi } from "vitest";
import { systemClock, TokenCache } from "../../provider/transport";

// The cache runs on the real system clock; vitest's fake Date moves time (timers stay real).
const clock = systemClock;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("token cache", () => {
  it("reuses a token until 2 minutes before it expires, then renews it", async () => {
    vi.setSystemTime(1_000_000);
    let issued = 0;
    const cache = new TokenCache(
      async () => ({ value: `token-${++issued}`, expiresAt: clock.now() + 60 * 60_000 }),
      clock,
      120_000,
    );
    assert.equal(await cache.get(), "token-1");
    vi.advanceTimersByTime(57 * 60_000);
    assert.equal(await cache.get(), "token-1", "3 minutes left");
    vi.advanceTimersByTime(2 * 60_000);
    assert.equal(await cache.get(), "token-2", "1 minute left");
    assert.equal(cache.exchanges, 2);
  });

  it("keeps a short-lived token for half its life rather than renewing on every call", async () => {
    let issued = 0;
    const cache = new TokenCache(
      async () => ({ value: `t${++issued}`, expiresAt: clock.now() + 60_000 }),
      clock,
      120_000,
    );
    await cache.get();
    vi.advanceTimersByTime(29_000);
    assert.equal(await cache.get(), "t1");
    vi.advanceTimersByTime(2_000);
    assert.equal(await cache.get(), "t2");
  });

  it("makes one exchange for concurrent callers, and drops only the token a 401 answered", async () => {
    let issued = 0;
    const cache = new TokenCache(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { value: `t${++issued}`, expiresAt: clock.now() + 3_600_000 };
      },
      clock,
      120_000,
    );
    const tokens = await Promise.all(Array.from({ length: 10 }, () => cache.get()));
    assert.deepEqual(new Set(tokens), new Set(["t1"]));
    cache.invalidate("t1");
    assert.equal(await cache.get(), "t2");
    cache.invalidate("t1"); // a late 401 for the old token must not drop the new one
    assert.equal(await cache.get(), "t2");
    assert.equal(cache.exchanges, 2);
  });

  it("does not cache a failed exchange", async () => {
    let calls = 0;
    const cache = new TokenCache(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error("401");
        return { value: "ok", expiresAt: clock.now() + 3_600_000 };
      },
      clock,
      120_000,
    );
    await assert.rejects(cache.get(), /401/);
    assert.equal(await cache.get(), "ok");
  });
});
