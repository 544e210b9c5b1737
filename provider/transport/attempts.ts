import type { IncomingHttpHeaders } from "node:http";
import type { RetryAttempt, RetrySummary } from "../errors";
import type { Clock } from "./clock";
import type { ApiRateLimiter, Permit } from "./rate-limiter";
import { nextWait, retryVerdict } from "./retry-policy";
import type { RetryPolicy } from "./settings";

const NO_PERMIT: Permit = { release: () => {} };

/**
 * The API's rate limit is used up for longer than the call's wait budget allows (ASA's window is
 * an hour): the call fails at once, saying so, instead of hanging until the reset.
 */
export class RateLimitPauseTooLong extends Error {
  readonly code = "RATE_LIMIT_EXHAUSTED";
  constructor(readonly pauseMs: number) {
    super(`the API's rate limit is used up for another ${Math.ceil(pauseMs / 1000)} s`);
  }
}

/**
 * The attempts of one call: what failed, what was waited, and whether the budget allows one more.
 * undici's retry interceptor asks `shouldRetry`; the attempt gate calls `beforeAttempt` before
 * every send, so the wait happens with no connection held and every attempt takes a permit.
 */
export class CallAttempts {
  private sent = 0;
  private totalWaitMs = 0;
  private nextDelayMs = 0;
  private readonly history: RetryAttempt[] = [];
  private gaveUp: RetrySummary["gaveUp"];
  private answered = false;
  private refusedWaitMs: number | undefined;

  constructor(
    private readonly policy: RetryPolicy,
    private readonly idempotent: boolean,
    private readonly clock: Clock,
    private readonly random: () => number,
    private readonly limiter: ApiRateLimiter | undefined,
    private readonly onRetry?: (attempt: RetryAttempt) => void,
  ) {}

  async beforeAttempt(): Promise<Permit> {
    const delay = this.nextDelayMs;
    this.nextDelayMs = 0;
    if (delay > 0) await this.clock.sleep(delay);
    // A pause the server asked for (after any call's 429 or exhausted quota) is held to the wait
    // budget like a Retry-After. Not added to the total: after this call's own retry delay it is
    // the same wait.
    const pause = this.limiter?.pauseRemainingMs ?? 0;
    if (this.totalWaitMs + pause > this.policy.maxWaitMs) {
      this.gaveUp = "time";
      this.refusedWaitMs = pause;
      throw new RateLimitPauseTooLong(pause);
    }
    const permit = this.limiter ? await this.limiter.acquire() : NO_PERMIT;
    this.sent += 1;
    this.answered = false;
    return permit;
  }

  onAnswer(status: number, headers: IncomingHttpHeaders): void {
    this.answered = status < 300;
    this.limiter?.observe(status, headers);
  }

  /** Decides on one failed attempt (a status ≥ 300 or a connection error) and schedules the wait. */
  shouldRetry(
    err: Error & { statusCode?: number; code?: string; headers?: IncomingHttpHeaders },
  ): boolean {
    if (err instanceof RateLimitPauseTooLong) return false;
    const status = err.code === "UND_ERR_REQ_RETRY" ? err.statusCode : undefined;
    // A body cut off after a successful answer started is not resent: undici would ask for a byte range.
    if (status === undefined && this.answered) return false;
    const outcome = status !== undefined ? { status } : { code: err.code ?? err.name };
    const verdict = retryVerdict(outcome, this.idempotent);
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
    const wait = nextWait(
      outcome,
      err.headers,
      this.sent,
      this.policy,
      this.clock.now(),
      this.random,
    );
    record.waitSource = wait.source;
    if (this.sent >= this.policy.maxAttempts) {
      this.gaveUp = "attempts";
      return false;
    }
    if (this.totalWaitMs + wait.ms > this.policy.maxWaitMs) {
      this.gaveUp = "time";
      this.refusedWaitMs = wait.ms;
      return false;
    }
    record.waitMs = wait.ms;
    this.totalWaitMs += wait.ms;
    this.nextDelayMs = wait.ms;
    try {
      this.onRetry?.({ ...record });
    } catch {
      // An observer's failure must not change what happens to the call.
    }
    return true;
  }

  summary(): RetrySummary {
    const outcomes: Record<string, number> = {};
    for (const { outcome } of this.history) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    const summary: RetrySummary = {
      attempts: this.sent,
      totalWaitMs: this.totalWaitMs,
      outcomes,
      history: this.history.map((h) => ({ ...h })),
      budget: { maxAttempts: this.policy.maxAttempts, maxWaitMs: this.policy.maxWaitMs },
    };
    if (this.gaveUp) summary.gaveUp = this.gaveUp;
    if (this.refusedWaitMs !== undefined) summary.refusedWaitMs = this.refusedWaitMs;
    return summary;
  }
}
