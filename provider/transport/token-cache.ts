import { createHash } from "node:crypto";
import type { Clock } from "./clock";
import { ProcessWide } from "./process-wide";

export interface IssuedToken {
  value: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/**
 * One credential's bearer token, shared by every client in the process that uses that credential:
 * one exchange serves them all, concurrent callers wait for the same exchange, and a 401 drops the
 * token it was answered for (not a newer one another caller already fetched).
 */
export class TokenCache {
  private current: (IssuedToken & { renewAt: number }) | undefined;
  private pending: Promise<IssuedToken> | undefined;
  /** Token exchanges made, for tests and diagnostics. */
  exchanges = 0;

  constructor(
    private readonly issue: () => Promise<IssuedToken>,
    private readonly clock: Clock,
    /** Renew this long before expiry; capped at half the token's lifetime so short-lived tokens are still reused. */
    private readonly renewBeforeMs: number,
  ) {}

  async get(): Promise<string> {
    const now = this.clock.now();
    if (this.current && now < this.current.renewAt) return this.current.value;
    if (!this.pending) {
      const issuedAt = now;
      this.exchanges += 1;
      this.pending = this.issue()
        .then((token) => {
          const margin = Math.min(
            this.renewBeforeMs,
            Math.max(0, (token.expiresAt - issuedAt) / 2),
          );
          this.current = { ...token, renewAt: token.expiresAt - margin };
          return token;
        })
        .finally(() => {
          this.pending = undefined;
        });
    }
    return (await this.pending).value;
  }

  /** Forgets `value` if it is still the cached token (the API answered 401 to it). */
  invalidate(value: string): void {
    if (this.current?.value === value) this.current = undefined;
  }

  /** The cached token, for scrubbing it from errors. */
  peek(): string | undefined {
    return this.current?.value;
  }
}

const caches = new ProcessWide<string, TokenCache>();

/** The process-wide cache for `key`, made by `create` on first use. */
export function tokenCache(key: string, create: () => TokenCache): TokenCache {
  return caches.get(key, create);
}

/** Forgets every cached token (tests). */
export function forgetTokens(): void {
  caches.clear();
}

/** A stable, non-reversible key for a credential: registries never hold a secret in clear. */
export function fingerprint(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);
}
