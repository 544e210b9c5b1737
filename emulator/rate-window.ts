export interface RateState {
  limit: number;
  remaining: number;
  /** When the current window ends (ms since the epoch). */
  resetAt: number;
  exceeded: boolean;
}

/** A fixed-window request counter; an unenforced one only counts, for the rate headers. */
export class RateWindow {
  private windowStart = 0;
  private count = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    readonly enforced = true,
  ) {}

  hit(now: number): RateState {
    if (now >= this.windowStart + this.windowMs) {
      this.windowStart = now;
      this.count = 0;
    }
    this.count++;
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - this.count),
      resetAt: this.windowStart + this.windowMs,
      exceeded: this.enforced && this.count > this.limit,
    };
  }
}
