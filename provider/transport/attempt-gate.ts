import type { IncomingHttpHeaders } from "node:http";
import type { Dispatcher } from "undici";
import type { CallAttempts } from "./attempts";
import type { Permit } from "./rate-limiter";

/** Where a call's attempts travel inside undici's dispatch options (and through its retry handler). */
export const CALL_ATTEMPTS = Symbol("pulumi-identity.callAttempts");

export type GatedDispatchOptions = Dispatcher.DispatchOptions & { [CALL_ATTEMPTS]?: CallAttempts };

/**
 * An undici interceptor placed under `interceptors.retry`, so it sees every attempt: it waits the
 * retry delay and takes a rate-limit permit before sending, feeds each answer's headers to the
 * limiter, and returns the permit when the answer is over. Hand-written because neither undici
 * nor Bottleneck gates each retry of one call through a limiter shared by all calls; waiting here
 * (rather than in the retry callback) also keeps the previous answer's connection free meanwhile.
 */
export function attemptGate(): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (opts, handler) => {
    const attempts = (opts as GatedDispatchOptions)[CALL_ATTEMPTS];
    if (!attempts) return dispatch(opts, handler);
    attempts.beforeAttempt().then(
      (permit) => {
        try {
          dispatch(opts, new AttemptObserver(handler, attempts, permit));
        } catch (err) {
          permit.release();
          handler.onResponseError?.(undefined as never, err as Error);
        }
      },
      (err: Error) => handler.onResponseError?.(undefined as never, err),
    );
    return true;
  };
}

class AttemptObserver implements Dispatcher.DispatchHandler {
  constructor(
    private readonly inner: Dispatcher.DispatchHandler,
    private readonly attempts: CallAttempts,
    private readonly permit: Permit,
  ) {}

  onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void {
    this.inner.onRequestStart?.(controller, context);
  }

  onRequestUpgrade(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: IncomingHttpHeaders,
    socket: import("node:stream").Duplex,
  ): void {
    this.inner.onRequestUpgrade?.(controller, statusCode, headers, socket);
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: IncomingHttpHeaders,
    statusMessage?: string,
  ): void {
    this.attempts.onAnswer(statusCode, headers);
    this.inner.onResponseStart?.(controller, statusCode, headers, statusMessage);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.inner.onResponseData?.(controller, chunk);
  }

  onResponseEnd(controller: Dispatcher.DispatchController, trailers: IncomingHttpHeaders): void {
    this.permit.release();
    this.inner.onResponseEnd?.(controller, trailers);
  }

  onResponseError(controller: Dispatcher.DispatchController, error: Error): void {
    this.permit.release();
    this.inner.onResponseError?.(controller, error);
  }
}
