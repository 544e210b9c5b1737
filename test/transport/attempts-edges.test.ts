import assert from "node:assert/strict";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Dispatcher } from "undici";
import { afterAll, describe, test } from "vitest";
import { ApiError } from "../../provider/errors";
import { withProgress } from "../../provider/progress/context";
import type { EngineLog } from "../../provider/progress/engine-log";
import { ResourceProgress, type Wait } from "../../provider/progress/resource-progress";
import { attemptGate, CALL_ATTEMPTS } from "../../provider/transport/attempt-gate";
import { CallAttempts } from "../../provider/transport/attempts";
import type { Clock } from "../../provider/transport/clock";
import { closeAllPools } from "../../provider/transport/pools";
import { ApiRateLimiter } from "../../provider/transport/rate-limiter";
import { DEFAULT_RETRY, type RetryPolicy } from "../../provider/transport/settings";
import {
  type RetryEvent,
  Transport,
  type TransportOptions,
} from "../../provider/transport/transport";
import { rejection } from "../harness/rejection";
import { useStandInServer } from "../harness/stand-in-server";
import { nextTurn, virtualClock } from "../harness/virtual-clock";

// The edges of one call's attempts (provider/transport/attempts.ts) and of the interceptor that
// gates each attempt (attempt-gate.ts): answers cut off mid-body, waits exactly at the budget,
// 429s without a time, the times a refusal names, the waits a resource's row is told of, and the
// interceptor's handling of handlers and failures. Time is a virtual clock: nothing really waits.

const START = Date.UTC(2026, 11, 1, 14, 0, 0);

/** API time that moves only by sleeping (`held`: only when the test calls `advance`). */
const apiClock = (options: { held?: boolean } = {}) =>
  virtualClock({ start: START, autoAdvance: !options.held });

/** One scripted answer; `cut` sends the headers and a part of the body, then drops the connection. */
interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  cut?: boolean;
}

const script: Answer[] = [];
const received: { method: string; url: string; range?: string }[] = [];
/** With `holding` set, requests wait in `held` until the test answers them. */
let holding = false;
const held: { url: string; res: ServerResponse }[] = [];

function answer(res: ServerResponse, next: Answer | undefined): void {
  const reply = next ?? { status: 500, body: { message: "the script ran out" } };
  const text = JSON.stringify(reply.body ?? { ok: true });
  if (reply.cut) {
    res.writeHead(reply.status, {
      "content-type": "application/json",
      "content-length": String(text.length + 100),
      ...reply.headers,
    });
    res.write(text, () => res.socket?.destroy());
    return;
  }
  res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
  res.end(text);
}

const baseUrl = useStandInServer((req: IncomingMessage, res) => {
  received.push({
    method: req.method ?? "",
    url: req.url ?? "",
    ...(req.headers.range ? { range: req.headers.range } : {}),
  });
  req.resume();
  req.on("end", () => {
    if (holding) held.push({ url: req.url ?? "", res });
    else answer(res, script.shift());
  });
});

/** Answers the held request for `url`. */
function answerHeld(url: string, reply: Answer): void {
  const index = held.findIndex((h) => h.url === url);
  assert.ok(index >= 0, `no request held for ${url}`);
  const [request] = held.splice(index, 1);
  answer((request as { res: ServerResponse }).res, reply);
}

/** Lets the event loop turn until `condition` holds (the test's timeout bounds it). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await nextTurn();
}

/** Lets the event loop turn a few times (enough for a virtual sleep or a settled promise). */
async function turns(count = 5): Promise<void> {
  for (let i = 0; i < count; i += 1) await nextTurn();
}

afterAll(async () => {
  await closeAllPools();
});

function scripted(...answers: Answer[]): void {
  script.splice(0, script.length, ...answers);
  received.length = 0;
}

let quota = 0;

function transport(
  clock: Clock,
  options: Partial<TransportOptions> & { retry?: Partial<RetryPolicy> } = {},
): Transport {
  quota += 1;
  return new Transport({
    api: "secureframe",
    baseUrl: `${baseUrl()}/sf`,
    quotaKey: `attempts-edges-${quota}`,
    clock,
    random: () => 0.5,
    rateLimit: false,
    limits: () => undefined,
    errorBody: (body) => ({ message: (body as { message?: string } | undefined)?.message }),
    ...options,
  });
}

describe("answers cut off mid-body", () => {
  test("a read whose 200 answer breaks off is not sent again: undici would ask for a byte range", async () => {
    const { clock } = apiClock();
    scripted({ status: 200, body: { id: "u1" }, cut: true }, { status: 200 });
    const err = await rejection(
      transport(clock).call({ method: "GET", path: "/users/u1" }),
      ApiError,
    );
    assert.equal(err.code, "UND_ERR_SOCKET");
    assert.equal(err.retries?.attempts, 1);
    assert.deepEqual(received, [{ method: "GET", url: "/sf/users/u1" }]);
  });

  test("an error answer (300 or more) that breaks off is a lost connection of a read: sent again", async () => {
    for (const status of [300, 404]) {
      const { clock } = apiClock();
      scripted(
        { status, body: { message: "gone" }, cut: true },
        { status, body: { message: "gone" } },
      );
      await rejection(transport(clock).call({ method: "GET", path: "/users/u1" }), ApiError);
      assert.equal(received.length, 2, `${status}: ${JSON.stringify(received)}`);
    }
  });
});

describe("429s", () => {
  test("a 429 without a time and no fallback pause is retried at once, its wait from the fallback", async () => {
    const { clock } = apiClock();
    const events: RetryEvent[] = [];
    scripted({ status: 429, body: { message: "slow down" } }, { status: 200, body: { id: "u1" } });
    const sf = transport(clock, {
      retry: { rateLimitFallbackMs: { min: 0, max: 0 } },
      onRetry: (e) => events.push(e),
    });
    const response = await sf.call({ method: "GET", path: "/users/u1" });
    assert.deepEqual(response.body, { id: "u1" });
    assert.deepEqual(response.retries.history, [
      { attempt: 1, outcome: "429", waitMs: 0, waitSource: "rate-limit-fallback" },
    ]);
    assert.equal(events[0]?.waitSource, "rate-limit-fallback");
  });

  test("a 429 asking for exactly the wait budget is waited out; a second more is refused, saying until when", async () => {
    const { clock } = apiClock();
    scripted(
      { status: 429, headers: { "retry-after": "30" } },
      { status: 200, body: { id: "u1" } },
    );
    const sf = transport(clock, { retry: { maxWaitMs: 30_000 } });
    const response = await sf.call({ method: "GET", path: "/users/u1" });
    assert.deepEqual(response.body, { id: "u1" });
    assert.equal(response.retries.attempts, 2);

    const later = apiClock();
    scripted({ status: 429, headers: { "retry-after": "31" } }, { status: 200 });
    const err = await rejection(
      transport(later.clock, { retry: { maxWaitMs: 30_000 } }).call({
        method: "GET",
        path: "/users/u1",
      }),
      ApiError,
    );
    assert.equal(err.retries?.gaveUp, "time");
    assert.equal(err.retries?.refusedWaitMs, 31_000);
    assert.equal(err.retries?.refusedUntil, "2026-12-01T14:00:31.000Z");
    assert.match(err.message, /the next wait \(31 s, until 2026-12-01T14:00:31\.000Z\)/);
  });
});

describe("backoff against the wait budget", () => {
  // random 0.5 and a base delay of 2 s: the first backoff is 1 s.
  const retry = { baseDelayMs: 2_000 };

  test("a backoff of exactly what is left of the budget is waited; one over it is refused, saying until when", async () => {
    const { clock, sleeps } = apiClock();
    scripted({ status: 503 }, { status: 200, body: { id: "u1" } });
    const response = await transport(clock, { retry: { ...retry, maxWaitMs: 1_000 } }).call({
      method: "GET",
      path: "/users/u1",
    });
    assert.equal(response.retries.attempts, 2);
    assert.equal(response.retries.totalWaitMs, 1_000);
    assert.deepEqual(sleeps, [1_000]);

    const later = apiClock();
    scripted({ status: 503 }, { status: 200 });
    const err = await rejection(
      transport(later.clock, { retry: { ...retry, maxWaitMs: 999 } }).call({
        method: "GET",
        path: "/users/u1",
      }),
      ApiError,
    );
    assert.equal(err.status, 503);
    assert.equal(err.retries?.gaveUp, "time");
    assert.equal(err.retries?.refusedWaitMs, 1_000);
    assert.equal(err.retries?.refusedUntil, "2026-12-01T14:00:01.000Z");
  });

  test("after a backoff, a rate-limit pause longer than what is left of the budget refuses the call unsent", async () => {
    const { clock } = apiClock();
    // "Nothing left" without a reset time: the next request waits a fallback pause (9.5 s). The
    // 1 s backoff leaves 9 s of the 10 s budget.
    scripted(
      { status: 503, headers: { "x-ratelimit-remaining": "0" } },
      { status: 200, body: { id: "u1" } },
    );
    const sf = transport(clock, {
      retry: { ...retry, maxWaitMs: 10_000, rateLimitFallbackMs: { min: 9_500, max: 9_500 } },
    });
    const err = await rejection(sf.call({ method: "GET", path: "/users/u1" }), ApiError);
    assert.equal(err.code, "RATE_LIMIT_EXHAUSTED");
    assert.equal(err.retries?.gaveUp, "time");
    assert.equal(err.retries?.refusedWaitMs, 9_500);
    assert.match(err.message, /longer than the 9 s left of the call's wait budget/);
    assert.equal(received.length, 1, "the second attempt was not sent");
  });
});

describe("what the retries summary holds", () => {
  test("a call that went through at once: one attempt, nothing waited, no reason to give up", async () => {
    const { clock } = apiClock();
    scripted({ status: 200, body: { id: "u1" } });
    const response = await transport(clock, { retry: { maxAttempts: 3, maxWaitMs: 9_000 } }).call({
      method: "GET",
      path: "/users/u1",
    });
    assert.deepStrictEqual(response.retries, {
      attempts: 1,
      totalWaitMs: 0,
      outcomes: {},
      history: [],
      budget: { maxAttempts: 3, maxWaitMs: 9_000 },
    });
  });

  test("a create met by a 503 is not resent; its history says so, with no wait", async () => {
    const { clock } = apiClock();
    scripted({ status: 503, body: { message: "busy" } });
    const err = await rejection(
      transport(clock).call({ method: "POST", path: "/users", json: { name: "x" } }),
      ApiError,
    );
    assert.equal(err.retries?.gaveUp, "unsafe-to-retry");
    assert.deepEqual(err.retries?.history, [
      { attempt: 1, outcome: "503", waitMs: 0, waitSource: "backoff" },
    ]);
  });
});

/** A resource's progress that also keeps every wait it is told of. */
class RecordingProgress extends ResourceProgress {
  readonly waits: Wait[] = [];
  override waiting(wait: Wait): void {
    this.waits.push(wait);
    super.waiting(wait);
  }
}

function progressFor(clock: Clock) {
  const lines: string[] = [];
  const log: EngineLog = {
    info: (_urn, message) => lines.push(message),
    warning: (_urn, message) => lines.push(message),
  };
  return { progress: new RecordingProgress("urn:x", "sf.User jason", log, clock), lines };
}

describe("the waits a resource's row shows", () => {
  test("a long backoff before a retry", async () => {
    const { clock } = apiClock();
    const { progress, lines } = progressFor(clock);
    scripted({ status: 503 }, { status: 200, body: { id: "u1" } });
    // random 0.5 of a 40 s ceiling: 20 s.
    const sf = transport(clock, { retry: { baseDelayMs: 40_000, maxDelayMs: 40_000 } });
    await withProgress(progress, () => sf.call({ method: "GET", path: "/users/u1" }));
    assert.deepEqual(progress.waits, [
      { api: "secureframe", until: START + 20_000, source: "backoff", kind: "retry" },
    ]);
    assert.deepEqual(lines, [
      "sf.User jason: waiting for a retry of a failed Secureframe call until 14:00:20 UTC (20 s, from backoff)",
    ]);
  });

  test("a long pause of the API's rate limit", async () => {
    const { clock } = apiClock();
    const { progress, lines } = progressFor(clock);
    // The first answer leaves nothing in a window that ends in 30 s: the second call waits for it.
    scripted(
      { status: 200, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "30" } },
      { status: 200, body: { id: "u1" } },
    );
    const sf = transport(clock);
    await sf.call({ method: "GET", path: "/users/u1" });
    await withProgress(progress, () => sf.call({ method: "GET", path: "/users/u1" }));
    assert.deepEqual(progress.waits, [
      {
        api: "secureframe",
        until: START + 30_000,
        source: "x-ratelimit-reset",
        kind: "rate-limit",
      },
    ]);
    assert.deepEqual(lines, [
      "sf.User jason: waiting for Secureframe's rate limit until 14:00:30 UTC (30 s, from X-RateLimit-Reset)",
    ]);
  });
});

describe("a 429 met while another call's longer pause is on", () => {
  test("waits out the pause in force, and says where that wait came from", async () => {
    const { clock, advance } = apiClock({ held: true });
    const events: RetryEvent[] = [];
    const sf = transport(clock, {
      onRetry: (e) => events.push(e),
      retry: { rateLimitFallbackMs: { min: 5_000, max: 5_000 } },
    });
    scripted({ status: 200 });
    await sf.call({ method: "GET", path: "/warm-up" }); // the probe: then calls go side by side
    holding = true;
    const a = sf.call({ method: "GET", path: "/a" });
    const b = sf.call({ method: "GET", path: "/b" });
    await until(() => held.length === 2);
    answerHeld("/sf/b", { status: 429, headers: { "retry-after": "60" } });
    await until(() => events.length === 1);
    // A bare 429 would pause 5 s; the API is already paused for 60 s, which is what /a waits.
    answerHeld("/sf/a", { status: 429 });
    await until(() => events.length === 2);
    holding = false;
    scripted({ status: 200 }, { status: 200 });
    await advance(60_000);
    await Promise.all([a, b]);
    assert.deepEqual(
      events.map(({ path, outcome, waitMs, waitSource }) => ({
        path,
        outcome,
        waitMs,
        waitSource,
      })),
      [
        { path: "/b", outcome: "429", waitMs: 60_000, waitSource: "retry-after" },
        { path: "/a", outcome: "429", waitMs: 60_000, waitSource: "retry-after" },
      ],
    );
  });
});

describe("the attempt gate (an undici interceptor)", () => {
  const origin = "http://127.0.0.1:9";
  const controller = {} as Dispatcher.DispatchController;

  function gated() {
    const { clock } = apiClock();
    const limiter = new ApiRateLimiter({ limit: false, maxInFlight: 1, clock });
    const attempts = new CallAttempts({
      api: "asa",
      policy: { ...DEFAULT_RETRY, maxWaitMs: 1_000 },
      idempotent: true,
      clock,
      random: () => 0.5,
      limiter,
    });
    const opts = { origin, path: "/x", method: "GET" as const, [CALL_ATTEMPTS]: attempts };
    /** Whether the limiter has a turn free now (its one request's permit came back). */
    const free = () => {
      void limiter.acquire({ maxPauseMs: 0 }).then(({ permit }) => permit.release());
      return limiter.waiting === 0;
    };
    return { limiter, opts, free, clock };
  }

  /** Fails the test if a promise is rejected with nobody to catch it while `run` goes on. */
  async function noUnhandledRejection(run: () => Promise<void>): Promise<void> {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", listener);
    try {
      await run();
      await turns();
    } finally {
      process.off("unhandledRejection", listener);
    }
    assert.deepEqual(unhandled, []);
  }

  test("a request without call attempts goes straight through, with its own handler", () => {
    const handler: Dispatcher.DispatchHandler = {};
    const sent: unknown[] = [];
    const dispatch = attemptGate()((_opts, h) => {
      sent.push(h);
      return false;
    });
    assert.equal(dispatch({ origin, path: "/x", method: "GET" }, handler), false);
    assert.deepEqual(sent, [handler]);
  });

  test("an attempt is sent once it has its turn; every callback reaches the handler, and its end frees the turn", async () => {
    const { opts, limiter } = gated();
    const seen: string[] = [];
    const inner: Dispatcher.DispatchHandler = {
      onRequestStart: (_c, context) => seen.push(`start ${context}`),
      onRequestUpgrade: (_c, status) => seen.push(`upgrade ${status}`),
      onResponseStart: (_c, status, headers, message) =>
        seen.push(`response ${status} ${headers.etag} ${message}`),
      onResponseData: (_c, chunk) => seen.push(`data ${chunk}`),
      onResponseEnd: (_c, trailers) => seen.push(`end ${trailers.digest}`),
      onResponseError: (_c, error) => seen.push(`error ${error.message}`),
    };
    let sent: Dispatcher.DispatchHandler | undefined;
    const dispatch = attemptGate()((_opts, h) => {
      sent = h;
      return true;
    });
    assert.equal(dispatch(opts, inner), true, "accepted before its turn came");
    await until(() => sent !== undefined);
    const observer = sent as Dispatcher.DispatchHandler;
    observer.onRequestStart?.(controller, "ctx");
    observer.onRequestUpgrade?.(controller, 101, {}, undefined as never);
    observer.onResponseStart?.(controller, 200, { etag: "e1" }, "OK");
    observer.onResponseData?.(controller, Buffer.from("chunk"));
    // Another request waits while the answer is read, and has its turn once it ends.
    const next = limiter.acquire({ maxPauseMs: 0 });
    assert.equal(limiter.waiting, 1);
    observer.onResponseEnd?.(controller, { digest: "d1" });
    assert.equal(limiter.waiting, 0);
    (await next).permit.release();
    observer.onResponseError?.(controller, new Error("late"));
    assert.deepEqual(seen, [
      "start ctx",
      "upgrade 101",
      "response 200 e1 OK",
      "data chunk",
      "end d1",
      "error late",
    ]);
  });

  test("a handler may leave out any callback", async () => {
    const { opts } = gated();
    let sent: Dispatcher.DispatchHandler | undefined;
    attemptGate()((_opts, h) => {
      sent = h;
      return true;
    })(opts, {});
    await until(() => sent !== undefined);
    const observer = sent as Dispatcher.DispatchHandler;
    observer.onRequestStart?.(controller, undefined);
    observer.onRequestUpgrade?.(controller, 101, {}, undefined as never);
    observer.onResponseStart?.(controller, 200, {}, "OK");
    observer.onResponseData?.(controller, Buffer.from("x"));
    observer.onResponseEnd?.(controller, {});
    observer.onResponseError?.(controller, new Error("late"));
  });

  test("a dispatch that throws frees the turn and hands the error to the handler", async () => {
    const { opts, free } = gated();
    const errors: string[] = [];
    attemptGate()(() => {
      throw new Error("pool closed");
    })(opts, { onResponseError: (_c, error) => errors.push(error.message) });
    await turns();
    assert.deepEqual(errors, ["pool closed"]);
    assert.equal(free(), true);
  });

  test("with no handler to tell, a failed dispatch or a refused turn throws nowhere", async () => {
    await noUnhandledRejection(async () => {
      const { opts, free } = gated();
      attemptGate()(() => {
        throw new Error("pool closed");
      })(opts, {});
      await turns();
      assert.equal(free(), true);
    });
    await noUnhandledRejection(async () => {
      const { opts, limiter, clock } = gated();
      // A pause longer than the call's whole wait budget (1 s): its turn is refused.
      limiter.pauseUntil({ until: clock.now() + 60_000, source: "retry-after" });
      attemptGate()(() => true)(opts, {});
    });
  });
});

/** A resource's row that fails whenever it is told of a wait. */
class FailingProgress extends ResourceProgress {
  told = 0;
  override waiting(): void {
    this.told += 1;
    throw new RangeError("the row could not be drawn");
  }
}

describe("a row that fails to show a wait", () => {
  const failingProgress = (clock: Clock) =>
    new FailingProgress("urn:x", "sf.User jason", { info() {}, warning() {} }, clock);

  test("the retry after a long backoff is still sent, and its answer returned", async () => {
    const { clock } = apiClock();
    const progress = failingProgress(clock);
    scripted({ status: 503 }, { status: 200, body: { id: "u1" } });
    const sf = transport(clock, { retry: { baseDelayMs: 40_000, maxDelayMs: 40_000 } });
    const answer = await withProgress(progress, () =>
      sf.call({ method: "GET", path: "/users/u1" }),
    );
    assert.deepEqual(answer.body, { id: "u1" });
    assert.equal(progress.told, 1);
    assert.equal(received.length, 2);
  });

  test("a call held by a long rate-limit pause is still sent once the pause ends", async () => {
    const { clock } = apiClock();
    const progress = failingProgress(clock);
    scripted(
      { status: 200, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "30" } },
      { status: 200, body: { id: "u1" } },
    );
    const sf = transport(clock);
    await sf.call({ method: "GET", path: "/users/u1" });
    const answer = await withProgress(progress, () =>
      sf.call({ method: "GET", path: "/users/u1" }),
    );
    assert.deepEqual(answer.body, { id: "u1" });
    assert.equal(progress.told, 1);
    assert.equal(clock.now(), START + 30_000);
  });
});
