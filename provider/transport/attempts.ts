import type { IncomingHttpHeaders } from "node:http";
import type { ApiName, RetryAttempt, RetrySummary } from "../errors";
import type { ResourceProgress, Wait } from "../progress/resource-progress";
import type { Clock } from "./clock";
import { type ApiRateLimiter, type Permit, RateLimitPauseTooLong } from "./rate-limiter";
import { nextWait, retryVerdict, serverWait } from "./retry-policy";
import type { RetryPolicy } from "./settings";

export { RateLimitPauseTooLong };

export interface CallAttemptsOptions {
  api: ApiName;
  policy: RetryPolicy;
  idempotent: boolean;
  clock: Clock;
  random: () => number;
  limiter: ApiRateLimiter;
  onRetry?: (attempt: RetryAttempt) => void;
  /** The resource the call is made for: long waits show on its row. */
  progress?: ResourceProgress | undefined;
}

/**
 * The attempts of one call: what failed, what was waited, and whether the budget allows one more.
 * undici's retry interceptor asks `shouldRetry`; the attempt gate calls `beforeAttempt` before
 * every send, so the wait happens with no connection held and every attempt waits its turn at the
 * API's limiter.
 *
 * Attempts count failures (5xx, lost connections), not waits: a 429 holds the call (and every
 * other call to the API) until the server's time, within the call's wait budget.
 */
export class CallAttempts {
  private sent = 0;
  private failures = 0;
  private totalWaitMs = 0;
  private nextDelayMs = 0;
  private readonly history: RetryAttempt[] = [];
  private gaveUp: RetrySummary["gaveUp"];
  private answered = false;
  private refused: { waitMs: number; until: number } | undefined;
  private permit: Permit | undefined;

  constructor(private readonly options: CallAttemptsOptions) {}

  async beforeAttempt(): Promise<Permit> {
    const { clock, limiter, policy, api } = this.options;
    const delay = this.nextDelayMs;
    this.nextDelayMs = 0;
    if (delay > 0) {
      this.showWait({ api, until: clock.now() + delay, source: "backoff", kind: "retry" });
      await clock.sleep(delay);
    }
    try {
      const { permit, pausedMs } = await limiter.acquire({
        maxPauseMs: policy.maxWaitMs - this.totalWaitMs,
        onPause: (pause) => this.showWait({ api, ...pause, kind: "rate-limit" }),
      });
      this.totalWaitMs += pausedMs;
      this.sent += 1;
      this.answered = false;
      this.permit = permit;
      return permit;
    } catch (err) {
      if (err instanceof RateLimitPauseTooLong) {
        this.gaveUp = "time";
        this.refused = { waitMs: err.pauseMs, until: err.pause.until };
      }
      throw err;
    }
  }

  onAnswer(status: number, headers: IncomingHttpHeaders): void {
    this.answered = status < 300;
    this.permit?.answered(status, headers);
  }

  /** Decides on one failed attempt (a status ≥ 300 or a connection error) and schedules the wait. */
  shouldRetry(
    err: Error & { statusCode?: number; code?: string; headers?: IncomingHttpHeaders },
  ): boolean {
    if (err instanceof RateLimitPauseTooLong) return false;
    const { policy, idempotent, clock, random, limiter } = this.options;
    const status = err.code === "UND_ERR_REQ_RETRY" ? err.statusCode : undefined;
    // A body cut off after a successful answer started is not resent: undici would ask for a byte range.
    if (status === undefined && this.answered) return false;
    const outcome = status !== undefined ? { status } : { code: err.code ?? err.name };
    const verdict = retryVerdict(outcome, idempotent);
    if (verdict === "final") return false;
    const label = status !== undefined ? String(status) : (outcome as { code: string }).code;
    const record: RetryAttempt = {
      attempt: this.sent,
      outcome: label,
      waitMs: 0,
      waitSource: "backoff",
    };
    this.history.push(record);
    if (verdict === "unsafe") {
      this.gaveUp = "unsafe-to-retry";
      return false;
    }
    if (status === 429) {
      // The limiter has paused every request to the API until the server's time; this call
      // waits its turn there like the others, and the 429 spends no attempt.
      const now = clock.now();
      const stated = serverWait(429, err.headers, now);
      const pause = limiter.currentPause;
      record.waitMs = Math.max(stated?.ms ?? 0, limiter.pauseRemainingMs);
      record.waitSource = stated?.source ?? pause?.source ?? "rate-limit-fallback";
      if (this.totalWaitMs + record.waitMs > policy.maxWaitMs) {
        this.gaveUp = "time";
        this.refused = { waitMs: record.waitMs, until: now + record.waitMs };
        return false;
      }
      this.notify(record);
      return true;
    }
    this.failures += 1;
    const wait = nextWait(outcome, err.headers, this.failures, policy, clock.now(), random);
    record.waitSource = wait.source;
    if (this.failures >= policy.maxAttempts) {
      this.gaveUp = "attempts";
      return false;
    }
    if (this.totalWaitMs + wait.ms > policy.maxWaitMs) {
      this.gaveUp = "time";
      this.refused = { waitMs: wait.ms, until: clock.now() + wait.ms };
      return false;
    }
    record.waitMs = wait.ms;
    this.totalWaitMs += wait.ms;
    this.nextDelayMs = wait.ms;
    this.notify(record);
    return true;
  }

  /** Shows a wait on the resource's row; like an observer's, the row's failure changes nothing. */
  private showWait(wait: Wait): void {
    try {
      this.options.progress?.waiting(wait);
    } catch {
      // The call waits and goes on whether or not its row could say so.
    }
  }

  private notify(record: RetryAttempt): void {
    try {
      this.options.onRetry?.({ ...record });
    } catch {
      // An observer's failure must not change what happens to the call.
    }
  }

  summary(): RetrySummary {
    const outcomes: Record<string, number> = {};
    for (const { outcome } of this.history) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    const { policy } = this.options;
    const summary: RetrySummary = {
      attempts: this.sent,
      totalWaitMs: this.totalWaitMs,
      outcomes,
      history: this.history.map((h) => ({ ...h })),
      budget: { maxAttempts: policy.maxAttempts, maxWaitMs: policy.maxWaitMs },
    };
    if (this.gaveUp) summary.gaveUp = this.gaveUp;
    if (this.refused !== undefined) {
      summary.refusedWaitMs = this.refused.waitMs;
      summary.refusedUntil = new Date(this.refused.until).toISOString();
    }
    return summary;
  }
}
