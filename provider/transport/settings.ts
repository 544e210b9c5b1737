import type { ApiName } from "../errors";

/** At most `requests` requests start in any window of `perMs` milliseconds. */
export interface RateLimit {
  requests: number;
  perMs: number;
}

export interface Timeouts {
  /** Opening the TCP/TLS connection. */
  connectMs: number;
  /** From sending the request to receiving the response headers. */
  headersMs: number;
  /** Longest silence while receiving the body. */
  bodyMs: number;
}

export interface RetryPolicy {
  /** Failed attempts (5xx, lost connections) at most for one call, the first one included; 429s are waits, bounded by maxWaitMs, and spend none. */
  maxAttempts: number;
  /** Total wait between attempts at most; a wait that would pass it is not taken. */
  maxWaitMs: number;
  /** Exponential backoff with full jitter: a wait drawn in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A 429 without any header saying when to come back waits a time drawn in [min, max] (as the official ASA clients do: 5–10 s). */
  rateLimitFallbackMs: { min: number; max: number };
}

export interface TransportSettings {
  /** `false` turns the client-side rate limit off (the server's headers are still honoured). */
  rateLimit: RateLimit | false;
  /** Requests in flight at once per origin (connections in the keep-alive pool). */
  connections: number;
  timeouts: Timeouts;
  retry: RetryPolicy;
}

/** What a client accepts to override the defaults; anything left out comes from the environment, then the defaults. */
export interface TransportOverrides {
  rateLimit?: RateLimit | false | string;
  connections?: number;
  timeouts?: Partial<Timeouts>;
  retry?: Partial<RetryPolicy>;
}

/**
 * Documented limits: ASA 10,000 requests per hour per user; Secureframe 500 requests per minute
 * per IP. ScaiKey documents none: 600 per minute (10/s) is our own conservative guess.
 */
export const DEFAULT_RATE_LIMITS: Record<ApiName, RateLimit> = {
  asa: { requests: 10_000, perMs: 3_600_000 },
  secureframe: { requests: 500, perMs: 60_000 },
  scaikey: { requests: 600, perMs: 60_000 },
};

export const DEFAULT_CONNECTIONS = 10;

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000 };

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 6,
  maxWaitMs: 300_000,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  rateLimitFallbackMs: { min: 5_000, max: 10_000 },
};

const UNITS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  sec: 1_000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
};

/** Parses "500/1m", "10000/h", "20/500ms", "600/60s"; "off" or "0" turns the limit off. */
export function parseRateLimit(text: string): RateLimit | false {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === "off" || trimmed === "0" || trimmed === "false") return false;
  const match = /^(\d+)\s*\/\s*(\d*(?:\.\d+)?)\s*([a-z]+)$/.exec(trimmed);
  const unit = match ? UNITS[match[3] as string] : undefined;
  if (!match || unit === undefined) {
    throw new Error(
      `invalid rate limit "${text}": expected e.g. "500/1m", "10000/1h", "20/500ms" or "off"`,
    );
  }
  return checkRateLimit({
    requests: Number(match[1]),
    perMs: (match[2] === "" ? 1 : Number(match[2])) * unit,
  });
}

/** The limiter holds one permit per request of the window, so the count is bounded. */
export const MAX_WINDOW_REQUESTS = 1_000_000;

function checkRateLimit(limit: RateLimit): RateLimit {
  const { requests, perMs } = limit;
  if (
    !(Number.isInteger(requests) && requests >= 1 && requests <= MAX_WINDOW_REQUESTS && perMs > 0)
  ) {
    throw new Error(
      `invalid rate limit ${requests}/${perMs} ms: expected 1 to ${MAX_WINDOW_REQUESTS} requests per a positive time`,
    );
  }
  return limit;
}

/** The limits a client may read from its settings (stack config, then the environment), by name. */
export type LimitReader = (
  limit:
    | "RateLimit"
    | "MaxConnections"
    | "ConnectTimeoutMs"
    | "HeadersTimeoutMs"
    | "BodyTimeoutMs"
    | "RetryMaxAttempts"
    | "RetryMaxWaitMs",
) => string | undefined;

const noLimits: LimitReader = () => undefined;

function numberOf(read: LimitReader, limit: Parameters<LimitReader>[0]): number | undefined {
  const value = read(limit);
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) {
    throw new Error(`invalid ${limit} "${value}": expected a number`);
  }
  return number;
}

function defined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

/** Client option, then the settings (`identity:<api><Limit>`, then `PULUMI_IDENTITY_<API>_<NAME>`, then `PULUMI_IDENTITY_<NAME>`), then default. */
export function resolveSettings(
  api: ApiName,
  overrides: TransportOverrides = {},
  read: LimitReader = noLimits,
): TransportSettings {
  const rateLimitOption = overrides.rateLimit ?? read("RateLimit");
  const rateLimit =
    typeof rateLimitOption === "string"
      ? parseRateLimit(rateLimitOption)
      : rateLimitOption === false
        ? false
        : checkRateLimit(rateLimitOption ?? DEFAULT_RATE_LIMITS[api]);
  const connections =
    overrides.connections ?? numberOf(read, "MaxConnections") ?? DEFAULT_CONNECTIONS;
  if (!(Number.isInteger(connections) && connections >= 1)) {
    throw new Error(`invalid connection limit ${connections}: expected a whole number ≥ 1`);
  }
  const timeouts: Timeouts = {
    ...DEFAULT_TIMEOUTS,
    ...defined({
      connectMs: numberOf(read, "ConnectTimeoutMs"),
      headersMs: numberOf(read, "HeadersTimeoutMs"),
      bodyMs: numberOf(read, "BodyTimeoutMs"),
    }),
    ...defined(overrides.timeouts ?? {}),
  };
  const retry: RetryPolicy = {
    ...DEFAULT_RETRY,
    ...defined({
      maxAttempts: numberOf(read, "RetryMaxAttempts"),
      maxWaitMs: numberOf(read, "RetryMaxWaitMs"),
    }),
    ...defined(overrides.retry ?? {}),
  };
  if (!(Number.isInteger(retry.maxAttempts) && retry.maxAttempts >= 1)) {
    throw new Error(`invalid retry.maxAttempts ${retry.maxAttempts}: expected a whole number ≥ 1`);
  }
  return { rateLimit, connections, timeouts, retry };
}
