export type ApiName = "asa" | "secureframe" | "scaikey";

export const API_LABELS: Record<ApiName, string> = {
  asa: "Okta ASA",
  secureframe: "Secureframe",
  scaikey: "ScaiKey",
};

/** Where the wait before a retry came from. */
export type WaitSource =
  | "retry-after"
  | "x-ratelimit-retry-at"
  | "x-ratelimit-reset"
  | "backoff"
  | "rate-limit-fallback";

export interface RetryAttempt {
  /** The attempt that failed, counting from 1. */
  attempt: number;
  /** What went wrong: an HTTP status ("429") or a connection error code ("ECONNRESET"). */
  outcome: string;
  /** The wait computed before the next attempt, in API time (before any time scaling), or 0 when it gave up. */
  waitMs: number;
  waitSource: WaitSource;
}

export interface RetrySummary {
  /** Requests sent, the first one included (429s too, though they spend no attempt of the budget). */
  attempts: number;
  /** Total wait computed between attempts, in milliseconds. */
  totalWaitMs: number;
  /** How often each outcome occurred, e.g. { "429": 3, "ECONNRESET": 1 }. */
  outcomes: Record<string, number>;
  history: RetryAttempt[];
  /** Why retrying stopped with a failure: the attempt limit, the wait budget, or an answer that is not retried. */
  gaveUp?: "attempts" | "time" | "unsafe-to-retry";
  /** With `gaveUp: "time"`: the wait the server or the backoff asked for, which the budget no longer allowed. */
  refusedWaitMs?: number;
  /** With `gaveUp: "time"`: when that wait would have ended (ISO 8601). */
  refusedUntil?: string;
  /** The budget in force for this request. */
  budget: { maxAttempts: number; maxWaitMs: number };
}

export interface ApiErrorInit {
  api: ApiName;
  method: string;
  path: string;
  /** HTTP status; undefined when no answer came (connection error, timeout). */
  status?: number;
  /** The API's error code: ASA `type`, OAuth `error`, FastAPI validation `type`, or a connection error code. */
  code?: string;
  /** The API's own message, or what went wrong locally. */
  apiMessage?: string;
  /** For a response that did not match its schema: the path of the first failing field. */
  field?: string;
  retries?: RetrySummary;
  cause?: Error;
}

/**
 * The one error every client throws. It never holds a request header, a token or a secret:
 * paths lose their query string, API messages are redacted against the credentials in use,
 * and the cause of a connection failure is a copy holding only its name, code and message.
 */
export class ApiError extends Error {
  readonly api: ApiName;
  readonly method: string;
  readonly path: string;
  readonly status?: number;
  readonly code?: string;
  readonly apiMessage?: string;
  readonly field?: string;
  readonly retries?: RetrySummary;
  /** The named credential set the call used (how messages name it), set by the transport. */
  credentials?: string;

  constructor(init: ApiErrorInit) {
    super(describe(init), init.cause ? { cause: init.cause } : undefined);
    this.name = "ApiError";
    this.api = init.api;
    this.method = init.method;
    this.path = stripQuery(init.path);
    this.status = init.status;
    this.code = init.code;
    this.apiMessage = init.apiMessage;
    this.field = init.field;
    this.retries = init.retries;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

export function isNotFound(err: unknown): boolean {
  return err instanceof ApiError && err.status === 404;
}

/** What `call` resolves to, or undefined when the API answers 404; other failures are thrown. */
export async function unlessNotFound<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

export function isConflict(err: unknown): boolean {
  return err instanceof ApiError && err.status === 409;
}

/**
 * A 409 on a retry of a create: an earlier attempt whose answer was lost may have created the
 * object, so the caller should read it back instead of failing.
 */
export function isConflictAfterRetry(err: unknown): boolean {
  return isConflict(err) && ((err as ApiError).retries?.attempts ?? 1) > 1;
}

export function stripQuery(path: string): string {
  const at = path.search(/[?#]/);
  return at === -1 ? path : path.slice(0, at);
}

/**
 * Replaces every occurrence of the given secrets (and their URL-encoded forms) with "[redacted]",
 * longest first: a secret that holds another (an Authorization header holding a key) goes whole.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      out = out.split(form).join("[redacted]");
    }
  }
  return out;
}

/** A copy of a low-level error with only its name, code and message: no sockets, headers or options. */
// Stryker disable next-line ArrayDeclaration: a default secret nobody's message holds redacts nothing
export function sanitizedCause(err: unknown, secrets: readonly string[] = []): Error {
  const source = err instanceof Error ? err : new Error(String(err));
  const copy = new Error(redact(source.message, secrets));
  copy.name = source.name;
  const code = (source as { code?: unknown }).code;
  if (typeof code === "string") Object.assign(copy, { code });
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}

function describe(init: ApiErrorInit): string {
  const head = `${API_LABELS[init.api]} ${init.method} ${stripQuery(init.path)}`;
  const answer = [init.status, init.code].filter((part) => part !== undefined).join(" ");
  let text = answer ? `${head} failed: ${answer}` : `${head} failed`;
  if (init.field !== undefined) text += ` (field ${init.field || "<root>"})`;
  if (init.apiMessage) text += `: ${init.apiMessage}`;
  if (init.retries && (init.retries.attempts > 1 || init.retries.gaveUp)) {
    text += `. ${describeRetries(init.retries)}`;
  }
  return text;
}

export function describeRetries(retries: RetrySummary): string {
  const outcomes = Object.entries(retries.outcomes)
    .map(([outcome, count]) => `${outcome} ×${count}`)
    .join(", ");
  const sources = [
    ...new Set(retries.history.filter((h) => h.waitMs > 0).map((h) => h.waitSource)),
  ];
  const waited = `${formatSeconds(retries.totalWaitMs)} waited in total`;
  const budget = `budget ${retries.budget.maxAttempts} attempts / ${formatSeconds(retries.budget.maxWaitMs)}`;
  const why =
    retries.gaveUp === "attempts"
      ? "gave up: attempt limit reached"
      : retries.gaveUp === "time"
        ? `gave up: the next wait (${formatSeconds(retries.refusedWaitMs ?? 0)}${retries.refusedUntil ? `, until ${retries.refusedUntil}` : ""}) would exceed the wait budget`
        : retries.gaveUp === "unsafe-to-retry"
          ? "stopped: retrying this call is not safe"
          : "retried";
  return `${why} after ${retries.attempts} attempts (${outcomes}; ${waited}${
    sources.length ? `, waits from ${sources.join(", ")}` : ""
  }; ${budget})`;
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 0)} s`;
}
