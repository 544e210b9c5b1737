import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ApiName } from "./api-names";
import { echoOf } from "./echo";
import { ErrorAnswer } from "./error-answer";
import type { RateState } from "./rate-window";
import type { EmulatorState } from "./state";

export interface ApiTrafficOptions {
  api: ApiName;
  /** The API's path prefix, cut from route templates in the counters. */
  prefix: string;
  /** Headers that every answer carries, from the API's rate window. */
  rateHeaders?(reply: FastifyReply, rate: RateState): void;
  /** Headers of a 429 answer; default `Retry-After` in seconds. */
  limitedHeaders?(reply: FastifyReply, rate: RateState): void;
}

const echoing = new WeakMap<FastifyRequest, number>();

/** Counts, logs and (when faults are set) delays, drops or fails the requests of one API. */
export function instrumentApi(
  app: FastifyInstance,
  state: EmulatorState,
  options: ApiTrafficOptions,
): void {
  const { api, prefix } = options;
  const record = (request: FastifyRequest, status: number, ms: number) =>
    state.traffic.record({
      api,
      method: request.method,
      url: request.url,
      status,
      ms: Math.round(ms * 100) / 100,
    });

  app.addHook("onRequest", async (request, reply) => {
    const route = request.routeOptions.url;
    if (route !== undefined) state.traffic.count(api, request.method, route.slice(prefix.length));

    const decision = state.faults.decide(api, Date.now(), request.method, request.url);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: sleep(0) only adds a timer turn
    if (decision.delayMs > 0) await sleep(decision.delayMs);
    if (decision.drop) {
      reply.hijack();
      request.raw.socket.destroy();
      record(request, 0, reply.elapsedTime);
      return;
    }
    // Stryker disable next-line ConditionalExpression: only ASA sends rate headers, and ASA always has a window
    if (decision.rate) options.rateHeaders?.(reply, decision.rate);
    if (decision.rate?.exceeded) {
      if (options.limitedHeaders) options.limitedHeaders(reply, decision.rate);
      else reply.header("Retry-After", String(retryAfterSeconds(decision.rate)));
      throw new ErrorAnswer(429, "Too many requests: rate limit exceeded");
    }
    if (decision.serverError !== null)
      throw new ErrorAnswer(decision.serverError, "Injected server error");
    if (decision.echo !== null) echoing.set(request, decision.echo);
  });

  // After the body is parsed, so the echo can repeat it.
  app.addHook("preHandler", async (request, reply) => {
    const status = echoing.get(request);
    if (status === undefined) return;
    const echo = echoOf(request);
    reply.header("X-Emulator-Echo", echo.header);
    throw new ErrorAnswer(status, echo.message);
  });

  app.addHook("onResponse", async (request, reply) => {
    record(request, reply.statusCode, reply.elapsedTime);
  });
}

/** Seconds until the rate window resets, at least 1: the value of `Retry-After`. */
function retryAfterSeconds(rate: RateState, now = Date.now()): number {
  return Math.max(1, Math.ceil((rate.resetAt - now) / 1000));
}
