import assert from "node:assert/strict";
import { describe, it } from "vitest";
import { type Clock, TokenCache } from "../../provider/transport";

function fakeClock(start: number): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => now, sleep: async () => {}, advance: (ms) => (now += ms) };
}

describe("token cache", () => {
  it("reuses a token until 2 minutes before it expires, then renews it", async () => {
    const clock = fakeClock(1_000_000);
    let issued = 0;
    const cache = new TokenCache(
      async () => ({ value: `token-${++issued}`, expiresAt: clock.now() + 60 * 60_000 }),
      clock,
      120_000,
    );
    assert.equal(await cache.get(), "token-1");
    clock.advance(57 * 60_000);
    assert.equal(await cache.get(), "token-1", "3 minutes left");
    clock.advance(2 * 60_000);
    assert.equal(await cache.get(), "token-2", "1 minute left");
    assert.equal(cache.exchanges, 2);
  });

  it("keeps a short-lived token for half its life rather than renewing on every call", async () => {
    const clock = fakeClock(0);
    let issued = 0;
    const cache = new TokenCache(
      async () => ({ value: `t${++issued}`, expiresAt: clock.now() + 60_000 }),
      clock,
      120_000,
    );
    await cache.get();
    clock.advance(29_000);
    assert.equal(await cache.get(), "t1");
    clock.advance(2_000);
    assert.equal(await cache.get(), "t2");
  });

  it("makes one exchange for concurrent callers, and drops only the token a 401 answered", async () => {
    const clock = fakeClock(0);
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
    const clock = fakeClock(0);
    let calls = 0;
    const cache = new TokenCache(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error("401");
        return { value: "ok", expiresAt: 3_600_000 };
      },
      clock,
      120_000,
    );
    await assert.rejects(cache.get(), /401/);
    assert.equal(await cache.get(), "ok");
  });
});
