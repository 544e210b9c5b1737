import type { IncomingHttpHeaders } from "node:http";
import { Sema } from "async-sema";
import type { Clock } from "./clock";
import { rateLimitState, serverWait } from "./retry-policy";
import type { RateLimit } from "./settings";

/** Held while one request is on the wire; released when its answer has arrived. */
export interface Permit {
  release(): void;
}

export interface RateLimiterOptions {
  limit: RateLimit | false;
  clock: Clock;
  /** Below this share of the server's limit left (`X-RateLimit-Remaining`), requests are spread until the reset. */
  slowDownBelow?: number;
  /** How long every request to the API holds off after a 429 that says nothing about when to return. */
  bare429PauseMs?: number;
}

/**
 * One API's request budget, shared by every request to it in this process.
 *
 * - The limit is a sliding window: a counting semaphore (async-sema's `Sema`, FIFO) holds
 *   `requests` permits, and a permit comes back `perMs` after its request's answer arrived, so
 *   no window of `perMs` ever holds more than `requests` requests, whatever the server's window
 *   alignment. (Bottleneck was tried first: its reservoir refresh is a fixed window, which can
 *   let twice the limit through across a boundary, its `minTime` keeps the spacing in force when
 *   the previous job started, and each `schedule()` cost about 7 ms of timer hops.)
 * - A 429 or an exhausted `X-RateLimit-Remaining` pauses the whole API until the server's time.
 * - A low `X-RateLimit-Remaining` spreads what is left evenly until `X-RateLimit-Reset`.
 * The pause and the spacing are by hand: no limiter library takes them from response headers.
 */
export class ApiRateLimiter {
  readonly limit: RateLimit | false;
  private readonly clock: Clock;
  private readonly slowDownBelow: number;
  private readonly bare429PauseMs: number;
  private readonly window: Sema | undefined;
  private pause: { until: number; over: Promise<void> } | undefined;
  private spacingMs = 0;
  private lastStart = 0;
  private spacingTurn: Promise<void> = Promise.resolve();
  private waitingForSpacing = 0;
  private waiting = 0;
  private keepAlive: NodeJS.Timeout | undefined;

  constructor(options: RateLimiterOptions) {
    this.limit = options.limit;
    this.clock = options.clock;
    this.slowDownBelow = options.slowDownBelow ?? 0.1;
    this.bare429PauseMs = options.bare429PauseMs ?? 5_000;
    this.window = this.limit ? new Sema(this.limit.requests) : undefined;
  }

  async acquire(): Promise<Permit> {
    this.holdProcess(1);
    try {
      // The permit is held through a pause, so waiting requests keep their order.
      await this.window?.acquire();
      await this.startTurn();
    } finally {
      this.holdProcess(-1);
    }
    let released = false;
    return {
      release: () => {
        if (released || !this.window || !this.limit) return;
        released = true;
        const window = this.window;
        setTimeout(() => window.release(), this.limit.perMs).unref();
      },
    };
  }

  /** Feeds one answer's status and rate-limit headers back into the limiter. */
  observe(status: number, headers: IncomingHttpHeaders): void {
    const now = this.clock.now();
    if (status === 429) {
      this.pauseFor(serverWait(status, headers, now)?.ms ?? this.bare429PauseMs);
      return;
    }
    const state = rateLimitState(headers, now);
    if (state.remaining === undefined || state.resetInMs === undefined) return;
    if (state.remaining <= 0) {
      this.pauseFor(state.resetInMs);
      return;
    }
    const limit = state.limit ?? (this.limit ? this.limit.requests : 100);
    const lowWater = Math.max(1, Math.ceil(limit * this.slowDownBelow));
    // `remaining` requests evenly before the reset, the last one a step before it.
    this.spacingMs = state.remaining <= lowWater ? state.resetInMs / (state.remaining + 1) : 0;
  }

  /** Holds every request to this API for `ms` (API time), unless a longer pause is already on. */
  pauseFor(ms: number): void {
    if (!(ms > 0)) return;
    const until = this.clock.now() + ms;
    if (this.pause && this.pause.until >= until) return;
    // Unref'd: a pause must not keep a finished program alive; a request waiting on it does
    // (see holdProcess).
    this.pause = { until, over: this.clock.sleep(ms, { unref: true }) };
  }

  /** The spacing in force between request starts, in API time (0 when the server has plenty left). */
  get spacing(): number {
    return this.spacingMs;
  }

  get paused(): boolean {
    return this.pause !== undefined;
  }

  /** How much longer the server's pause (a 429, or no requests remaining) holds, in API time. */
  get pauseRemainingMs(): number {
    return this.pause ? Math.max(0, this.pause.until - this.clock.now()) : 0;
  }

  /** Waits out any pause, then takes the next start slot under the current spacing. */
  private async startTurn(): Promise<void> {
    while (this.pause) {
      const pause = this.pause;
      await pause.over;
      if (this.pause === pause) this.pause = undefined;
    }
    if (this.spacingMs === 0 && this.waitingForSpacing === 0) {
      this.lastStart = this.clock.now();
      return;
    }
    this.waitingForSpacing += 1;
    const previous = this.spacingTurn;
    let done = () => {};
    this.spacingTurn = new Promise((resolve) => {
      done = resolve;
    });
    try {
      await previous;
      const wait = this.lastStart + this.spacingMs - this.clock.now();
      if (wait > 0) await this.clock.sleep(wait);
      this.lastStart = this.clock.now();
    } finally {
      this.waitingForSpacing -= 1;
      done();
    }
  }

  /** Permits come back on unref'd timers; while a request waits for one, keep the process alive. */
  private holdProcess(delta: number): void {
    this.waiting += delta;
    if (this.waiting > 0 && !this.keepAlive) {
      this.keepAlive = setInterval(() => {}, 60_000);
    } else if (this.waiting === 0 && this.keepAlive) {
      clearInterval(this.keepAlive);
      this.keepAlive = undefined;
    }
  }
}

const limiters = new Map<string, ApiRateLimiter>();
const clockIds = new WeakMap<Clock, number>();
let clockCount = 0;

function clockId(clock: Clock): number {
  let id = clockIds.get(clock);
  if (id === undefined) {
    clockCount += 1;
    id = clockCount;
    clockIds.set(clock, id);
  }
  return id;
}

/**
 * The process-wide limiter for one quota (an API and the identity it counts requests against).
 * Clients share it when they also agree on the limit and the clock, as every client of a
 * `pulumi up` does (their settings come from the same configuration); a client configured
 * differently gets its own limiter rather than silently inheriting someone else's.
 */
export function rateLimiterFor(quota: string, options: RateLimiterOptions): ApiRateLimiter {
  const limit = options.limit ? `${options.limit.requests}/${options.limit.perMs}` : "off";
  const key = `${quota}|${limit}|${clockId(options.clock)}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = new ApiRateLimiter(options);
    limiters.set(key, limiter);
  }
  return limiter;
}

/** Forgets every limiter (tests). Requests already waiting keep their limiter. */
export function forgetRateLimiters(): void {
  limiters.clear();
}
