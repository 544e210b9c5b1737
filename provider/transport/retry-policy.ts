import type { IncomingHttpHeaders } from "node:http";
import type { WaitSource } from "../errors";
import type { RetryPolicy } from "./settings";

/** Connection failures where the request provably never reached the server: safe to resend any call. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETDOWN",
  "ENETUNREACH",
  "EHOSTDOWN",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** Failures after the request may have been processed: resent only when the call is idempotent. */
const MAYBE_SENT_CODES = new Set([
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

const SERVER_ERROR_STATUSES = new Set([500, 502, 503, 504]);

export type RetryVerdict = "retry" | "unsafe" | "final";

/**
 * Whether an outcome may be retried. A 429 is refused before any processing, so every call may
 * resend it; a 5xx or a connection lost mid-request may have been processed, so only calls marked
 * idempotent resend those.
 */
export function retryVerdict(
  outcome: { status?: number; code?: string },
  idempotent: boolean,
): RetryVerdict {
  if (outcome.status !== undefined) {
    if (outcome.status === 429) return "retry";
    if (SERVER_ERROR_STATUSES.has(outcome.status)) return idempotent ? "retry" : "unsafe";
    return "final";
  }
  if (outcome.code && NOT_SENT_CODES.has(outcome.code)) return "retry";
  if (outcome.code && MAYBE_SENT_CODES.has(outcome.code)) return idempotent ? "retry" : "unsafe";
  return "final";
}

function header(headers: IncomingHttpHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Unix seconds (or milliseconds, if that large) to epoch milliseconds. */
function epochMs(value: number): number {
  return value > 1e12 ? value : value * 1000;
}

/** `Retry-After`: delay in seconds, or an HTTP date. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * `X-RateLimit-Reset`: ASA sends unix seconds; other services send seconds from now. A value
 * too small to be a date (before 2001) is read as a delay.
 */
export function rateLimitResetMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const number = Number(value);
  if (!Number.isFinite(number)) return undefined;
  return Math.max(0, number > 1e9 ? epochMs(number) - now : number * 1000);
}

export interface RateLimitState {
  remaining?: number;
  resetInMs?: number;
}

export function rateLimitState(headers: IncomingHttpHeaders, now: number): RateLimitState {
  const remaining = Number(header(headers, "x-ratelimit-remaining"));
  const state: RateLimitState = {};
  if (header(headers, "x-ratelimit-remaining") !== undefined && Number.isFinite(remaining)) {
    state.remaining = remaining;
  }
  const resetInMs = rateLimitResetMs(header(headers, "x-ratelimit-reset"), now);
  if (resetInMs !== undefined) state.resetInMs = resetInMs;
  return state;
}

/**
 * When the server says to come back. `Retry-After` and ASA's `X-RateLimit-Retry-At` are explicit:
 * the later of the two wins. `X-RateLimit-Reset` (the end of the window) counts only on a 429
 * or when nothing remains, and only when neither explicit header is there.
 */
export function serverWait(
  status: number | undefined,
  headers: IncomingHttpHeaders | undefined,
  now: number,
): { ms: number; source: WaitSource } | undefined {
  if (!headers) return undefined;
  const explicit: { ms: number; source: WaitSource }[] = [];
  const after = retryAfterMs(header(headers, "retry-after"), now);
  if (after !== undefined) explicit.push({ ms: after, source: "retry-after" });
  const retryAt = Number(header(headers, "x-ratelimit-retry-at"));
  if (header(headers, "x-ratelimit-retry-at") !== undefined && Number.isFinite(retryAt)) {
    explicit.push({ ms: Math.max(0, epochMs(retryAt) - now), source: "x-ratelimit-retry-at" });
  }
  if (explicit.length > 0) return explicit.reduce((a, b) => (b.ms > a.ms ? b : a));
  const state = rateLimitState(headers, now);
  if (state.resetInMs !== undefined && (status === 429 || state.remaining === 0)) {
    return { ms: state.resetInMs, source: "x-ratelimit-reset" };
  }
  return undefined;
}

/** Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And Jitter"). */
export function backoffMs(retryNumber: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retryNumber - 1));
  return Math.floor(random() * ceiling);
}

/** The wait before the next attempt: what the server asked for, else backoff (longer for a bare 429). */
export function nextWait(
  outcome: { status?: number },
  headers: IncomingHttpHeaders | undefined,
  retryNumber: number,
  policy: RetryPolicy,
  now: number,
  random: () => number,
): { ms: number; source: WaitSource } {
  const fromServer = serverWait(outcome.status, headers, now);
  if (fromServer) return fromServer;
  if (outcome.status === 429) {
    const { min, max } = policy.rateLimitFallbackMs;
    return { ms: Math.floor(min + random() * (max - min)), source: "rate-limit-fallback" };
  }
  return { ms: backoffMs(retryNumber, policy, random), source: "backoff" };
}
