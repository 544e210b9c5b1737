import assert from "node:assert/strict";
import type { IncomingHttpHeaders } from "node:http";
import { describe, test } from "vitest";
import { type Clock, scaledClock, systemClock, Transport } from "../../provider/transport";
import {
  type AcquireOptions,
  ApiRateLimiter,
  forgetRateLimiters,
  type Granted,
  type Pause,
  RateLimitPauseTooLong,
  rateLimiterFor,
} from "../../provider/transport/rate-limiter";
import { nextTurn, virtualClock } from "../harness/virtual-clock";

// Edges of the per-API rate limiter and of the clocks it waits on: the probe after the start and
// after a pause, pauses that overlap, what each call is charged for the pauses it sat through,
// the wait budget's refusals and their message, the bare 429's fallback pause, the server's
// window ending or saying nothing of its reset, which clients share a limiter, and what keeps
// the process alive. Time is a hand-driven clock unless a test is about real timers.

const START = Date.UTC(2026, 0, 5, 9, 0, 0);

/** A clock that moves only when told; sleeps end when `advance` passes their end. */
const manualClock = () => virtualClock({ start: START });

interface Request {
  granted?: Granted;
  error?: Error;
  pauses: Pause[];
}

/** One call waiting for its turn; `onPause` only when `pauses` is asked for. */
function request(
  limiter: ApiRateLimiter,
  maxPauseMs = 600_000,
  options: { recordPauses?: boolean } = {},
): Request {
  const r: Request = { pauses: [] };
  const acquire: AcquireOptions = { maxPauseMs };
  if (options.recordPauses) acquire.onPause = (pause) => r.pauses.push(pause);
  limiter.acquire(acquire).then(
    (granted) => {
      r.granted = granted;
    },
    (err: Error) => {
      r.error = err;
    },
  );
  return r;
}

function granted(r: Request): Granted {
  assert.ok(r.granted, `not granted${r.error ? `: ${r.error.message}` : ""}`);
  return r.granted;
}

/** An answer to a granted request, then its end. */
function answer(r: Request, status: number, headers: IncomingHttpHeaders = {}): void {
  const { permit } = granted(r);
  permit.answered(status, headers);
  permit.release();
}

function limiterWith(clock: Clock, maxInFlight = 3, bare429PauseMs?: () => number) {
  return new ApiRateLimiter({
    limit: false,
    maxInFlight,
    clock,
    ...(bare429PauseMs ? { bare429PauseMs } : {}),
  });
}

/** Timers that keep the process alive (unref'd ones are not listed). */
const liveTimers = () => process.getActiveResourcesInfo().filter((t) => t === "Timeout").length;

describe("clocks", () => {
  test("a wait of zero or less ends at once, ahead of timers already set", async () => {
    const order: string[] = [];
    const timer = new Promise<void>((resolve) =>
      setTimeout(() => {
        order.push("timer");
        resolve();
      }, 0),
    );
    await Promise.all([
      systemClock.sleep(0).then(() => order.push("sleep 0")),
      systemClock.sleep(-5).then(() => order.push("sleep -5")),
      timer,
    ]);
    assert.deepEqual(order, ["sleep 0", "sleep -5", "timer"]);
  });

  test("an unref'd sleep does not keep the process alive; a plain one does", async () => {
    const before = liveTimers();
    const unrefd = systemClock.sleep(30, { unref: true });
    assert.equal(liveTimers(), before);
    const plain = systemClock.sleep(30);
    assert.equal(liveTimers(), before + 1);
    await Promise.all([unrefd, plain]);
  });

  test("a time scale must be a number above 0, as the transport's timeScale says", () => {
    for (const scale of [0, -1, Number.NaN]) {
      assert.throws(() => scaledClock(scale), {
        message: `invalid time scale ${scale}: expected a number > 0`,
      });
    }
    assert.throws(
      () =>
        new Transport({
          api: "asa",
          baseUrl: "http://127.0.0.1:9",
          quotaKey: "rate-limiter-edges-scale",
          errorBody: () => ({}),
          timeScale: 0,
        }),
      { message: "invalid time scale 0: expected a number > 0" },
    );
  });

  test("one clock per scale, so clients of the same scale share their limiter", async () => {
    assert.equal(scaledClock(1), systemClock);
    const quarter = scaledClock(0.25);
    assert.equal(scaledClock(0.25), quarter);
    assert.notEqual(quarter, systemClock);
    const options = { limit: false as const, maxInFlight: 2 };
    assert.equal(
      rateLimiterFor("edges-scale", { ...options, clock: scaledClock(0.25) }),
      rateLimiterFor("edges-scale", { ...options, clock: scaledClock(0.25) }),
    );
    // A scaled sleep is that much shorter: a minute at 0.001 takes 60 ms.
    const started = Date.now();
    await scaledClock(0.001).sleep(60_000);
    assert.ok(Date.now() - started < 1_000);
  });
});

describe("the probe", () => {
  test("at the start one request goes alone; the others go when its answer comes", async () => {
    const { clock } = manualClock();
    const limiter = limiterWith(clock);
    const [a, b, c] = [request(limiter), request(limiter), request(limiter)];
    await nextTurn();
    granted(a);
    assert.equal(b.granted, undefined);
    assert.equal(c.granted, undefined);
    assert.equal(limiter.waiting, 2);
    granted(a).permit.answered(200, {});
    await nextTurn();
    granted(b);
    granted(c);
    assert.equal(limiter.waiting, 0);
  });

  test("after a pause, answers to requests sent before it do not let the queue go: only the probe's", async () => {
    const { clock, advance } = manualClock();
    const limiter = limiterWith(clock);
    const a = request(limiter);
    await nextTurn();
    answer(a, 200);
    const [b, c] = [request(limiter), request(limiter)];
    await nextTurn();
    granted(b).permit.answered(429, { "retry-after": "10" });
    granted(c).permit.answered(200, {}); // sent before the 429: says nothing of the pause's end
    granted(b).permit.release();
    granted(c).permit.release();
    const [d, e] = [request(limiter), request(limiter)];
    await advance(10_000);
    assert.equal(granted(d).pausedMs, 10_000);
    assert.equal(e.granted, undefined, "only the probe goes after the pause");
    answer(d, 200);
    await nextTurn();
    granted(e);
  });

  test("once the server's window is over, one request learns the new one before the others go", async () => {
    const { clock, advance } = manualClock();
    const limiter = limiterWith(clock);
    const a = request(limiter);
    await nextTurn();
    answer(a, 200, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "10" });
    await advance(10_000); // nobody waited: no pause was needed
    const [b, c, d] = [request(limiter), request(limiter), request(limiter)];
    await nextTurn();
    assert.equal(limiter.currentPause, undefined);
    granted(b);
    assert.equal(c.granted, undefined);
    assert.equal(d.granted, undefined);
    answer(b, 200, { "x-ratelimit-remaining": "5", "x-ratelimit-reset": "10" });
    await nextTurn();
    granted(c);
    granted(d);
  });
});

describe("the server's window", () => {
  test("an answer without rate headers does not undo what the window's other answers said", async () => {
    const { clock } = manualClock();
    const limiter = limiterWith(clock, 2);
    const a = request(limiter);
    await nextTurn();
    answer(a, 200, { "x-ratelimit-remaining": "2", "x-ratelimit-reset": "60" });
    const [b, c] = [request(limiter), request(limiter)];
    await nextTurn();
    granted(b).permit.answered(200, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "60" });
    granted(c).permit.answered(200, {});
    granted(b).permit.release();
    granted(c).permit.release();
    const d = request(limiter);
    await nextTurn();
    assert.equal(d.granted, undefined);
    assert.deepEqual(limiter.currentPause, {
      until: START + 60_000,
      source: "x-ratelimit-reset",
    });
  });

  test("a window with nothing left and no reset time holds requests for the fallback pause", async () => {
    const { clock, advance } = manualClock();
    const limiter = limiterWith(clock, 3, () => 7_000);
    const a = request(limiter);
    await nextTurn();
    answer(a, 200, { "x-ratelimit-remaining": "0" });
    const b = request(limiter);
    await nextTurn();
    assert.equal(b.granted, undefined);
    assert.deepEqual(limiter.currentPause, { until: START + 7_000, source: "rate-limit-fallback" });
    await advance(7_000);
    assert.equal(granted(b).pausedMs, 7_000);
  });
});

describe("a 429 that says nothing of when to come back", () => {
  test("pauses every request for 5 s unless told otherwise", async () => {
    const { clock, advance } = manualClock();
    const limiter = limiterWith(clock);
    const a = request(limiter);
    await nextTurn();
    answer(a, 429);
    assert.deepEqual(limiter.currentPause, { until: START + 5_000, source: "rate-limit-fallback" });
    assert.equal(limiter.pauseRemainingMs, 5_000);
    const b = request(limiter);
    await advance(4_999);
    assert.equal(b.granted, undefined);
    assert.equal(limiter.pauseRemainingMs, 1);
    await advance(1);
    assert.equal(granted(b).pausedMs, 5_000);
    assert.equal(limiter.currentPause, undefined);
    assert.equal(limiter.pauseRemainingMs, 0);
  });

  test("pauses for what bare429PauseMs gives", async () => {
    const { clock } = manualClock();
    const limiter = limiterWith(clock, 3, () => 8_500);
    const a = request(limiter);
    await nextTurn();
    answer(a, 429, { "x-ratelimit-remaining": "3" });
    assert.deepEqual(limiter.currentPause, { until: START + 8_500, source: "rate-limit-fallback" });
  });
});

describe("overlapping pauses", () => {
  test("a pause that is already over, or ends now, holds nothing", async () => {
    const { clock } = manualClock();
    const limiter = limiterWith(clock);
    limiter.pauseUntil({ until: START, source: "retry-after" });
    limiter.pauseUntil({ until: START - 1_000, source: "retry-after" });
    assert.equal(limiter.currentPause, undefined);
    const a = request(limiter);
    await nextTurn();
    assert.equal(granted(a).pausedMs, 0);
  });

  test("a longer pause extends the one on; a shorter or equal one changes nothing", async () => {
    const { clock, advance } = manualClock();
    const limiter = limiterWith(clock);
    limiter.pauseUntil({ until: START + 10_000, source: "retry-after" });
    limiter.pauseUntil({ until: START + 10_000, source: "x-ratelimit-reset" });
    limiter.pauseUntil({ until: START + 5_000, source: "x-ratelimit-reset" });
    assert.deepEqual(limiter.currentPause, { until: START + 10_000, source: "retry-after" });
    const a = request(limiter);
    await advance(5_000);
    limiter.pauseUntil({ until: START + 30_000, source: "x-ratelimit-retry-at" });
    assert.deepEqual(limiter.currentPause, {
      until: START + 30_000,
      source: "x-ratelimit-retry-at",
    });
    // The first pause's end does not end the longer one.
    await advance(5_000);
    assert.equal(a.granted, undefined);
    assert.equal(limiter.pauseRemainingMs, 20_000);
    await advance(20_000);
    // Charged the whole pause it sat through, both parts.
    assert.equal(granted(a).pausedMs, 30_000);
  });

  test("a call is charged only the part of a pause it sat through", async () => {
    const { clock, advance } = manualClock();
    const limiter = limiterWith(clock);
    limiter.pauseUntil({ until: START + 20_000, source: "retry-after" });
    const early = request(limiter);
    await advance(5_000);
    const late = request(limiter);
    await advance(15_000);
    assert.equal(granted(early).pausedMs, 20_000);
    answer(early, 200);
    await nextTurn();
    assert.equal(granted(late).pausedMs, 15_000);
    // After the pause, a new call has sat through none of it.
    const after = request(limiter);
    await nextTurn();
    assert.equal(granted(after).pausedMs, 0);
  });
});

describe("the wait budget", () => {
  test("a call refused at once when the pause outlasts its budget, saying until when", async () => {
    const { clock } = manualClock();
    const limiter = limiterWith(clock);
    limiter.pauseUntil({ until: START + 90_000, source: "retry-after" });
    const r = request(limiter, 30_500);
    await nextTurn();
    assert.ok(r.error instanceof RateLimitPauseTooLong);
    assert.equal(r.error.code, "RATE_LIMIT_EXHAUSTED");
    assert.equal(
      r.error.message,
      "the API's rate limit is used up until 2026-01-05T09:01:30.000Z (retry-after), 90 s from now, longer than the 30 s left of the call's wait budget",
    );
    assert.equal(limiter.waiting, 0);
  });

  test("a pause exactly as long as the budget is waited through", async () => {
    const { clock, advance } = manualClock();
    const limiter = limiterWith(clock);
    limiter.pauseUntil({ until: START + 10_000, source: "retry-after" });
    const r = request(limiter, 10_000, { recordPauses: true });
    await nextTurn();
    assert.equal(r.error, undefined);
    assert.deepEqual(r.pauses, [{ until: START + 10_000, source: "retry-after" }]);
    await advance(10_000);
    assert.equal(granted(r).pausedMs, 10_000);
  });

  test("pauses already sat through count against the budget; a refused call leaves the queue", async () => {
    const { clock, advance } = manualClock();
    const limiter = limiterWith(clock, 1);
    const a = request(limiter);
    await nextTurn();
    const [w1, w2] = [
      request(limiter, 30_000, { recordPauses: true }),
      request(limiter, 30_000, { recordPauses: true }),
    ];
    await nextTurn();
    answer(a, 429, { "retry-after": "20" });
    const first = { until: START + 20_000, source: "retry-after" };
    assert.deepEqual(w1.pauses, [first]);
    assert.deepEqual(w2.pauses, [first]);
    assert.equal(limiter.waiting, 2);
    await advance(20_000);
    assert.equal(granted(w1).pausedMs, 20_000);
    assert.equal(w2.granted, undefined);
    // w2 has 10 s of its 30 s left: the next 20 s pause is too long for it.
    granted(w1).permit.answered(429, { "retry-after": "20" });
    await nextTurn();
    assert.ok(w2.error instanceof RateLimitPauseTooLong);
    assert.match(w2.error.message, /20 s from now, longer than the 10 s left/);
    assert.equal(w2.error.budgetLeftMs, 10_000);
    assert.equal(limiter.waiting, 0);
    granted(w1).permit.release();
    // The refused call took no turn: the next one (without onPause) gets it after the pause.
    const w3 = request(limiter);
    await advance(20_000);
    assert.equal(granted(w3).pausedMs, 20_000);
  });
});

describe("permits", () => {
  test("releasing a permit twice frees one turn, not two", async () => {
    const { clock } = manualClock();
    const limiter = limiterWith(clock, 1);
    const a = request(limiter);
    await nextTurn();
    granted(a).permit.answered(200, {});
    granted(a).permit.release();
    granted(a).permit.release();
    const [b, c] = [request(limiter), request(limiter)];
    await nextTurn();
    granted(b);
    assert.equal(c.granted, undefined);
    assert.equal(limiter.waiting, 1);
  });
});

describe("keeping the process alive", () => {
  test("a pause alone holds nothing; requests waiting through it keep the process alive until granted", async () => {
    const limiter = limiterWith(systemClock, 2);
    // Each count is compared with one taken just before, with no await between: the test
    // runner's own timers come and go meanwhile.
    let before = liveTimers();
    limiter.pauseUntil({ until: Date.now() + 100, source: "retry-after" });
    assert.equal(liveTimers(), before, "the pause's timer is unref'd");
    before = liveTimers();
    const a = limiter.acquire({ maxPauseMs: 10_000 });
    const b = limiter.acquire({ maxPauseMs: 10_000 });
    assert.equal(liveTimers(), before + 1, "one timer holds the process for both");
    const first = await a;
    // b goes once the probe's answer comes: nothing waits any more.
    before = liveTimers();
    first.permit.answered(200, {});
    assert.equal(liveTimers(), before - 1);
    const second = await b;
    first.permit.release();
    second.permit.release();
  });
});

describe("which clients share a limiter", () => {
  test("the same quota, limit, concurrency and clock share one; any difference gets its own", () => {
    const { clock } = manualClock();
    const other = manualClock().clock;
    const base = { limit: { requests: 10, perMs: 1_000 }, maxInFlight: 2, clock };
    const shared = rateLimiterFor("edges-quota", base);
    assert.equal(rateLimiterFor("edges-quota", { ...base }), shared);
    assert.notEqual(rateLimiterFor("edges-quota", { ...base, clock: other }), shared);
    const twenty = rateLimiterFor("edges-quota", {
      ...base,
      limit: { requests: 20, perMs: 1_000 },
    });
    assert.notEqual(twenty, shared);
    assert.deepEqual(twenty.limit, { requests: 20, perMs: 1_000 });
    const off = rateLimiterFor("edges-quota", { ...base, limit: false });
    assert.notEqual(off, shared);
    assert.equal(off.limit, false);
    forgetRateLimiters();
    assert.notEqual(rateLimiterFor("edges-quota", base), shared);
  });
});
