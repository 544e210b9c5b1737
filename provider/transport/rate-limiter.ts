import type { IncomingHttpHeaders } from "node:http";
import type { WaitSource } from "../errors";
import type { Clock } from "./clock";
import { ProcessWide } from "./process-wide";
import { rateLimitState, serverWait } from "./retry-policy";
import type { RateLimit } from "./settings";

/** Held while one request is on the wire. */
export interface Permit {
  /** Feeds the answer's status and rate-limit headers back (before its body is read). */
  answered(status: number, headers: IncomingHttpHeaders): void;
  /** The answer is over (or no answer came): the next request may go. */
  release(): void;
}

/** A pause of every request to one API, until the time the server named. */
export interface Pause {
  /** API time (ms since the epoch) when requests may go again. */
  until: number;
  source: WaitSource;
}

export interface RateLimiterOptions {
  /** The client's own limit (a sliding window), or false for the server's headers only. */
  limit: RateLimit | false;
  /** Requests on the wire at once; the others wait here, where a pause holds them. */
  maxInFlight: number;
  clock: Clock;
  /** How long every request holds off after a 429 that says nothing about when to return. */
  bare429PauseMs?: () => number;
}

/** The server's rate-limit pause lasts longer than the call may still wait: it fails, unsent. */
export class RateLimitPauseTooLong extends Error {
  readonly code = "RATE_LIMIT_EXHAUSTED";
  constructor(
    readonly pause: Pause,
    readonly pauseMs: number,
    readonly budgetLeftMs: number,
  ) {
    super(
      `the API's rate limit is used up until ${new Date(pause.until).toISOString()} (${pause.source}), ${Math.ceil(pauseMs / 1000)} s from now, longer than the ${Math.floor(budgetLeftMs / 1000)} s left of the call's wait budget`,
    );
  }
}

export interface AcquireOptions {
  /** How long this call may still wait through server pauses (its wait budget's remainder). */
  maxPauseMs: number;
  /** Told when the call starts waiting through a pause, with the pause. */
  onPause?(pause: Pause): void;
}

export interface Granted {
  permit: Permit;
  /** Pause time (API time) the call waited through before it was granted. */
  pausedMs: number;
}

interface Waiter extends AcquireOptions {
  grant(granted: Granted): void;
  refuse(err: Error): void;
  /** `pausedTotal()` when the waiter arrived. */
  pausedAtStart: number;
}

/** What the server's rate-limit headers tell of its current window. */
interface ServerWindow {
  /** When the window ends (API time); Infinity when the server does not say. */
  resetAt: number;
  /** The lowest `X-RateLimit-Remaining` seen in this window. */
  remaining: number;
}

/**
 * One API's request budget, shared by every request to it in this process. Every request waits
 * here in one FIFO queue, not in the connection pool, so that:
 *
 * - a 429, or a window with nothing left, pauses **every** request until the server's time, and
 *   the requests queued meanwhile wait without being sent (and without spending attempts);
 * - after a pause, and at the start, one request goes alone (a probe): only its answer tells
 *   whether the server's window has really reset, so at most one request meets a 429 per window;
 * - within a window the server describes (`X-RateLimit-Remaining`, `-Reset`), no request starts
 *   unless the remaining count covers it and every request still in flight: the server is never
 *   asked for more than it said it had left;
 * - the client's own limit, if set, is a sliding window: a permit comes back `perMs` after its
 *   request's answer, so no window of `perMs` holds more than `requests` starts, whatever the
 *   server's window alignment.
 *
 * Hand-written: no limiter library takes pauses and budgets from response headers, and
 * Bottleneck (tried first) let twice the limit through across a fixed window's boundary.
 */
export class ApiRateLimiter {
  readonly limit: RateLimit | false;
  private readonly clock: Clock;
  private readonly maxInFlight: number;
  private readonly bare429PauseMs: () => number;
  private readonly queue: Waiter[] = [];
  private inFlight = 0;
  private clientPermits: number;
  private probing = true;
  private window: ServerWindow | undefined;
  private pause: Pause | undefined;
  private pauseStartedAt = 0;
  private pausedBefore = 0;
  private pauseGeneration = 0;
  private keepAlive: NodeJS.Timeout | undefined;

  constructor(options: RateLimiterOptions) {
    this.limit = options.limit;
    this.clock = options.clock;
    this.maxInFlight = options.maxInFlight;
    this.bare429PauseMs = options.bare429PauseMs ?? (() => 5_000);
    this.clientPermits = options.limit ? options.limit.requests : Number.POSITIVE_INFINITY;
  }

  /** Waits for this call's turn; refused at once when a pause outlasts `maxPauseMs`. */
  acquire(options: AcquireOptions): Promise<Granted> {
    return new Promise<Granted>((grant, refuse) => {
      const waiter: Waiter = { ...options, grant, refuse, pausedAtStart: this.pausedTotal() };
      if (this.pause && !this.admitsPause(waiter, this.pause)) return;
      this.queue.push(waiter);
      this.holdProcess();
      this.pump();
    });
  }

  private observe(status: number, headers: IncomingHttpHeaders, probe: boolean): void {
    const now = this.clock.now();
    if (status === 429) {
      // Refused: whatever was known of the server's window was wrong; the probe after the pause
      // learns it anew.
      this.window = undefined;
      const wait = serverWait(status, headers, now);
      this.pauseUntil(
        wait ? { until: now + wait.ms, source: wait.source } : this.barePause(now),
        now,
      );
      return;
    }
    // Only the probe's answer tells that requests may go again: answers to requests sent
    // before a pause began say nothing about when it ended.
    if (probe) this.probing = false;
    const state = rateLimitState(headers, now);
    if (state.remaining !== undefined) {
      const resetAt =
        state.resetInMs === undefined ? Number.POSITIVE_INFINITY : now + state.resetInMs;
      const current = this.window;
      if (current && resetAt === current.resetAt && !probe) {
        // Answers of one window can arrive out of order: the lowest count is the true one.
        current.remaining = Math.min(current.remaining, state.remaining);
      } else if (resetAt > now) {
        this.window = { resetAt, remaining: state.remaining };
      }
      // Otherwise the answer's window is already over: it says nothing of the current one.
    }
    this.pump();
  }

  /** Holds every request to this API until `pause.until`, unless a longer pause is already on. */
  pauseUntil(pause: Pause, now = this.clock.now()): void {
    if (!(pause.until > now)) return;
    if (this.pause && this.pause.until >= pause.until) return;
    if (!this.pause) {
      this.pauseStartedAt = now;
    }
    this.pause = pause;
    this.probing = true;
    const generation = ++this.pauseGeneration;
    // Unref'd: a pause alone must not keep a finished program alive (waiters do: holdProcess).
    this.clock.sleep(pause.until - now, { unref: true }).then(() => {
      if (generation === this.pauseGeneration) this.endPause();
    });
    for (const waiter of [...this.queue]) {
      if (!this.admitsPause(waiter, pause)) this.queue.splice(this.queue.indexOf(waiter), 1);
    }
    this.holdProcess();
  }

  /** The pause in force, if any. */
  get currentPause(): Pause | undefined {
    return this.pause;
  }

  /** How much longer the server's pause holds, in API time. */
  get pauseRemainingMs(): number {
    return this.pause ? Math.max(0, this.pause.until - this.clock.now()) : 0;
  }

  /** Requests waiting for their turn. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Whether a waiter may sit through `pause`; if not, it is refused. */
  private admitsPause(waiter: Waiter, pause: Pause): boolean {
    const now = this.clock.now();
    const pauseMs = pause.until - now;
    const waited = this.pausedTotal(now) - waiter.pausedAtStart;
    const left = waiter.maxPauseMs - waited;
    if (pauseMs > left) {
      waiter.refuse(new RateLimitPauseTooLong(pause, pauseMs, Math.max(0, left)));
      return false;
    }
    waiter.onPause?.(pause);
    return true;
  }

  private endPause(): void {
    // Charged at its length in API time (a scaled clock sleeps less than that).
    this.pausedBefore += Math.max(
      0,
      (this.pause?.until ?? this.pauseStartedAt) - this.pauseStartedAt,
    );
    this.pause = undefined;
    this.pump();
  }

  /** Total pause time so far (API time), to charge each waiter what it sat through. */
  private pausedTotal(now = this.clock.now()): number {
    return this.pausedBefore + (this.pause ? Math.max(0, now - this.pauseStartedAt) : 0);
  }

  private barePause(now: number): Pause {
    return { until: now + this.bare429PauseMs(), source: "rate-limit-fallback" };
  }

  /** Grants turns, in order, as long as nothing holds them back. */
  private pump(): void {
    while (this.queue.length > 0) {
      if (this.pause) return;
      if (this.inFlight >= this.maxInFlight || this.clientPermits <= 0) return;
      if (this.probing && this.inFlight > 0) return;
      const window = this.window;
      if (window && !this.probing) {
        const now = this.clock.now();
        if (now >= window.resetAt) {
          // The window the server described is over: learn the new one from one request.
          this.window = undefined;
          this.probing = true;
          continue;
        }
        if (window.remaining - this.inFlight <= 0) {
          if (this.inFlight === 0) {
            if (window.resetAt === Number.POSITIVE_INFINITY) {
              this.pauseUntil(this.barePause(now), now);
            } else {
              this.pauseUntil({ until: window.resetAt, source: "x-ratelimit-reset" }, now);
            }
          }
          return;
        }
      }
      const waiter = this.queue.shift() as Waiter;
      const probe = this.probing;
      this.inFlight += 1;
      this.clientPermits -= 1;
      waiter.grant({
        permit: this.permit(probe),
        pausedMs: this.pausedTotal() - waiter.pausedAtStart,
      });
    }
    this.holdProcess();
  }

  private permit(probe: boolean): Permit {
    let released = false;
    return {
      answered: (status, headers) => this.observe(status, headers, probe),
      release: () => {
        if (released) return;
        released = true;
        this.inFlight -= 1;
        if (this.limit) {
          setTimeout(() => {
            this.clientPermits += 1;
            this.pump();
          }, this.limit.perMs).unref();
        }
        this.pump();
      },
    };
  }

  /** Pauses and permits come back on unref'd timers; while a request waits, keep the process alive. */
  private holdProcess(): void {
    if (this.queue.length > 0 && !this.keepAlive) {
      this.keepAlive = setInterval(() => {}, 60_000);
    } else if (this.queue.length === 0 && this.keepAlive) {
      clearInterval(this.keepAlive);
      this.keepAlive = undefined;
    }
  }
}

const limiters = new ProcessWide<string, ApiRateLimiter>();
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
 * Clients share it when they also agree on the limit, the concurrency and the clock, as every
 * client of a `pulumi up` does (their settings come from the same configuration); a client
 * configured differently gets its own limiter rather than silently inheriting someone else's.
 */
export function rateLimiterFor(quota: string, options: RateLimiterOptions): ApiRateLimiter {
  const limit = options.limit ? `${options.limit.requests}/${options.limit.perMs}` : "off";
  const key = `${quota}|${limit}|${options.maxInFlight}|${clockId(options.clock)}`;
  return limiters.get(key, () => new ApiRateLimiter(options));
}

/** Forgets every limiter (tests). Requests already waiting keep their limiter. */
export function forgetRateLimiters(): void {
  limiters.clear();
}
