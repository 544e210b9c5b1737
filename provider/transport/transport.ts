import type { IncomingHttpHeaders } from "node:http";
import type { Dispatcher } from "undici";
import type { z } from "zod";
import { environmentSettings, limitReader } from "../config";
import {
  ApiError,
  type ApiName,
  type RetryAttempt,
  type RetrySummary,
  redact,
  sanitizedCause,
} from "../errors";
import { currentProgress } from "../progress/context";
import { CALL_ATTEMPTS, type GatedDispatchOptions } from "./attempt-gate";
import { CallAttempts, RateLimitPauseTooLong } from "./attempts";
import { formatIssuePath } from "./check-input";
import { type Clock, scaledClock, systemClock } from "./clock";
import { dispatcherFor } from "./pools";
import { type ApiRateLimiter, rateLimiterFor } from "./rate-limiter";
import {
  type LimitReader,
  resolveSettings,
  type TransportOverrides,
  type TransportSettings,
} from "./settings";

export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";

type QueryScalar = string | number | boolean;
export type QueryValue = QueryScalar | readonly QueryScalar[] | null | undefined;

export interface CallRequest {
  method: HttpMethod;
  /** A path under the base URL ("/v1/teams/acme/users"), or an absolute URL on the same origin (a `Link` next page). */
  path: string;
  /** Added to the path's own query; arrays repeat the key, undefined and null are left out. */
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  /** Secrets this call carries (a password in its body), scrubbed from its errors with the client's own. */
  secrets?: readonly (string | null | undefined)[];
  /**
   * Whether sending the call twice is harmless. Default: true for GET, HEAD, PUT and DELETE,
   * false for POST and PATCH. Idempotent calls are retried on 5xx and lost connections; the
   * others only on 429 and on connections that provably never carried the request. Mark a
   * create idempotent only when its caller resolves a 409 after a retry by reading the object
   * back (see `isConflictAfterRetry`).
   */
  idempotent?: boolean;
}

export interface CallResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; undefined when empty. */
  body: unknown;
  retries: RetrySummary;
}

/** One retry about to happen: what failed, and how long the call waits before the next attempt. */
export interface RetryEvent extends RetryAttempt {
  api: ApiName;
  method: HttpMethod;
  /** The path as documented, without the query. */
  path: string;
}

export interface ErrorBodyFields {
  code?: string;
  message?: string;
}

export interface TransportOptions extends TransportOverrides {
  api: ApiName;
  /** The API's base URL, with any path prefix: "https://app.scaleft.com", "http://127.0.0.1:4010/asa". */
  baseUrl: string;
  /** Whose quota requests count against (an API identity, never a secret): one limiter per key. */
  quotaKey: string;
  /** Injectable time: tests pass a scaled clock so long waits pass quickly. */
  clock?: Clock;
  /** Shorthand for `clock: scaledClock(timeScale)`. */
  timeScale?: number;
  /** Injectable randomness for the jitter, in [0, 1). */
  random?: () => number;
  /** Called before each wait between attempts, e.g. to tell the user the API asked to slow down. */
  onRetry?: (event: RetryEvent) => void;
  /** Reads the API's error code and message from an error answer's JSON body. */
  errorBody: (body: unknown) => ErrorBodyFields;
  /** How messages name the settings the credentials came from (never a secret), for errors. */
  credentials?: string;
  /** The secrets in use (key secrets, tokens), scrubbed from anything an error carries. */
  secrets?: () => readonly (string | undefined)[];
  /** Where the limits not given as options come from: by default the environment
   * (`PULUMI_IDENTITY_<API>_<NAME>`, then `PULUMI_IDENTITY_<NAME>`); the providers' clients read
   * the stack config first. */
  limits?: LimitReader;
}

const IDEMPOTENT_METHODS = new Set<HttpMethod>(["GET", "HEAD", "PUT", "DELETE"]);

const CONNECTION_ERROR_TEXT: Record<string, string> = {
  UND_ERR_CONNECT_TIMEOUT: "could not connect within the connect timeout",
  UND_ERR_HEADERS_TIMEOUT: "no response headers within the headers timeout",
  UND_ERR_BODY_TIMEOUT: "the response body stalled past the body timeout",
  UND_ERR_SOCKET: "the connection was closed by the other side",
  ECONNRESET: "the connection was reset",
  ECONNREFUSED: "the connection was refused",
};

/**
 * Sends one API's calls: process-wide keep-alive pool per origin, rate limiter per quota, retries
 * within a budget, timeouts, and every failure turned into an `ApiError`.
 */
export class Transport {
  readonly api: ApiName;
  readonly settings: TransportSettings;
  readonly clock: Clock;
  private readonly base: URL;
  private readonly basePath: string;
  private readonly dispatcher: Dispatcher;
  private readonly limiter: ApiRateLimiter;
  private readonly random: () => number;
  private readonly onRetry: ((event: RetryEvent) => void) | undefined;
  private readonly errorBody: (body: unknown) => ErrorBodyFields;
  private readonly secrets: () => readonly (string | undefined)[];
  private readonly credentials: string | undefined;

  constructor(options: TransportOptions) {
    this.api = options.api;
    this.settings = resolveSettings(
      options.api,
      options,
      options.limits ?? limitReader(environmentSettings(), options.api),
    );
    this.clock =
      options.clock ??
      (options.timeScale !== undefined ? scaledClock(options.timeScale) : systemClock);
    this.base = new URL(options.baseUrl);
    this.basePath = this.base.pathname.replace(/\/+$/, "");
    this.random = options.random ?? Math.random;
    this.onRetry = options.onRetry;
    this.errorBody = options.errorBody;
    this.secrets = options.secrets ?? (() => []);
    this.credentials = options.credentials;
    this.dispatcher = dispatcherFor(this.base.origin, {
      connections: this.settings.connections,
      connectTimeoutMs: this.settings.timeouts.connectMs,
    });
    const { min, max } = this.settings.retry.rateLimitFallbackMs;
    this.limiter = rateLimiterFor(`${options.api}|${this.base.origin}|${options.quotaKey}`, {
      limit: this.settings.rateLimit,
      maxInFlight: this.settings.connections,
      clock: this.clock,
      bare429PauseMs: () => Math.floor(min + this.random() * (max - min)),
    });
  }

  /** Sends a call and returns its answer; any status ≥ 300 throws an `ApiError`. */
  async call(request: CallRequest): Promise<CallResponse> {
    try {
      return await this.send(request);
    } catch (err) {
      throw this.withCredentials(err);
    }
  }

  /** The error, saying which credentials the call used when they are not the single settings. */
  private withCredentials(err: unknown): unknown {
    if (err instanceof ApiError && this.credentials) err.credentials ??= this.credentials;
    return err;
  }

  private async send(request: CallRequest): Promise<CallResponse> {
    const url = this.urlFor(request);
    const label = this.labelFor(url);
    const onRetry = this.onRetry;
    const attempts = new CallAttempts({
      api: this.api,
      policy: this.settings.retry,
      idempotent: request.idempotent ?? IDEMPOTENT_METHODS.has(request.method),
      clock: this.clock,
      random: this.random,
      limiter: this.limiter,
      ...(onRetry
        ? {
            onRetry: (attempt) =>
              onRetry({ ...attempt, api: this.api, method: request.method, path: label }),
          }
        : {}),
      progress: currentProgress(),
    });
    const { headers, body } = encodeBody(request);
    const options: GatedDispatchOptions = {
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: request.method,
      headers: { accept: "application/json", ...headers, ...request.headers },
      body,
      headersTimeout: this.settings.timeouts.headersMs,
      bodyTimeout: this.settings.timeouts.bodyMs,
      [CALL_ATTEMPTS]: attempts,
    };
    let answer: Dispatcher.ResponseData;
    let text: string;
    try {
      answer = await this.dispatcher.request(options);
      text = await answer.body.text();
    } catch (err) {
      throw this.connectionError(request, label, err, attempts.summary());
    }
    const retries = attempts.summary();
    const parsed = parseJson(text);
    if (answer.statusCode >= 300) {
      const fields = parsed.ok ? this.errorBody(parsed.value) : { message: text.slice(0, 300) };
      throw new ApiError({
        api: this.api,
        method: request.method,
        path: label,
        status: answer.statusCode,
        ...this.scrub(fields, request),
        retries,
      });
    }
    if (!parsed.ok) {
      throw new ApiError({
        api: this.api,
        method: request.method,
        path: label,
        status: answer.statusCode,
        code: "invalid_response",
        apiMessage: "the answer is not JSON",
        field: "",
        retries,
      });
    }
    return { status: answer.statusCode, headers: answer.headers, body: parsed.value, retries };
  }

  /** Parses an answer's body with its schema; a mismatch is an `ApiError` naming the failing field. */
  parse<S extends z.ZodType>(schema: S, response: CallResponse, request: CallRequest): z.output<S> {
    const result = schema.safeParse(response.body);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    throw this.withCredentials(
      new ApiError({
        api: this.api,
        method: request.method,
        path: this.labelFor(this.urlFor(request)),
        status: response.status,
        code: "invalid_response",
        field: issue ? formatIssuePath(issue.path) : "",
        apiMessage: `the answer does not match the expected shape: ${issue?.message ?? "invalid"}`,
        retries: response.retries,
      }),
    );
  }

  /** Sends a call and parses its answer with `schema`. */
  async json<S extends z.ZodType>(schema: S, request: CallRequest): Promise<z.output<S>> {
    return this.parse(schema, await this.call(request), request);
  }

  /** The URL a call goes to; an absolute URL must stay on the base URL's origin, where the credentials belong. */
  urlFor(request: CallRequest): URL {
    const absolute = /^[a-z][a-z0-9+.-]*:/i.test(request.path);
    const url = absolute
      ? new URL(request.path)
      : new URL(`${this.basePath}${request.path}`, this.base);
    if (url.origin !== this.base.origin) {
      throw new ApiError({
        api: this.api,
        method: request.method,
        path: url.pathname,
        code: "foreign_url",
        apiMessage: `refusing to send credentials to ${url.origin}, which is not the API's origin ${this.base.origin}`,
      });
    }
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value === undefined || value === null) continue;
      for (const item of Array.isArray(value) ? value : [value])
        url.searchParams.append(key, String(item));
    }
    return url;
  }

  /** The path as the API documents it: without the base URL's prefix or the query. */
  private labelFor(url: URL): string {
    return this.basePath && url.pathname.startsWith(this.basePath)
      ? url.pathname.slice(this.basePath.length) || "/"
      : url.pathname;
  }

  /** The client's secrets and the call's own, for scrubbing. */
  private secretsOf(request: CallRequest): string[] {
    return [...this.secrets(), ...(request.secrets ?? [])].filter(
      (s): s is string => typeof s === "string",
    );
  }

  private scrub(
    fields: ErrorBodyFields,
    request: CallRequest,
  ): { code?: string; apiMessage?: string } {
    const secrets = this.secretsOf(request);
    const out: { code?: string; apiMessage?: string } = {};
    if (fields.code !== undefined) out.code = redact(fields.code, secrets);
    if (fields.message !== undefined) out.apiMessage = redact(fields.message, secrets);
    return out;
  }

  private connectionError(
    request: CallRequest,
    label: string,
    err: unknown,
    retries: RetrySummary,
  ): Error {
    if (err instanceof ApiError) return err;
    const secrets = this.secretsOf(request);
    const code = (err as { code?: unknown }).code;
    const codeText = typeof code === "string" ? code : undefined;
    const known = codeText ? CONNECTION_ERROR_TEXT[codeText] : undefined;
    const timeout =
      codeText === "UND_ERR_HEADERS_TIMEOUT"
        ? ` (${this.settings.timeouts.headersMs} ms)`
        : codeText === "UND_ERR_BODY_TIMEOUT"
          ? ` (${this.settings.timeouts.bodyMs} ms)`
          : codeText === "UND_ERR_CONNECT_TIMEOUT"
            ? ` (${this.settings.timeouts.connectMs} ms)`
            : "";
    return new ApiError({
      api: this.api,
      method: request.method,
      path: label,
      ...(codeText ? { code: codeText } : {}),
      apiMessage: known
        ? `${known}${timeout}`
        : err instanceof RateLimitPauseTooLong
          ? `not sent: ${err.message}`
          : redact((err as Error)?.message ?? String(err), secrets),
      retries,
      cause: sanitizedCause(err, secrets),
    });
  }
}

function encodeBody(request: CallRequest): { headers: Record<string, string>; body?: string } {
  if (request.json !== undefined) {
    return { headers: { "content-type": "application/json" }, body: JSON.stringify(request.json) };
  }
  if (request.form !== undefined) {
    return {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(request.form).toString(),
    };
  }
  return { headers: {} };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** What every client accepts besides its credentials: limits, timeouts, retry budget and time. */
export type ClientTransportOptions = TransportOverrides &
  Pick<TransportOptions, "clock" | "timeScale" | "random" | "onRetry" | "limits" | "credentials">;

const CLIENT_TRANSPORT_KEYS = [
  "rateLimit",
  "connections",
  "timeouts",
  "retry",
  "clock",
  "timeScale",
  "random",
  "onRetry",
  "limits",
  "credentials",
] as const satisfies readonly (keyof ClientTransportOptions)[];

/** The transport options given to a client, without its credentials or anything else. */
export function transportOptionsOf(options: ClientTransportOptions): ClientTransportOptions {
  return Object.fromEntries(
    CLIENT_TRANSPORT_KEYS.flatMap((key) =>
      options[key] === undefined ? [] : [[key, options[key]]],
    ),
  ) as ClientTransportOptions;
}
