import type { FastifyInstance } from "fastify";
import type { z } from "zod";
import { describeIssues } from "../data-schema";
import { ErrorAnswer, messageOf, statusOf } from "../error-answer";

// The error codes ASA's clients know, by status.
const errorTypes: Record<number, string> = {
  400: "invalid_request",
  401: "authentication_error",
  403: "forbidden_error",
  404: "resource_does_not_exist",
  409: "resource_already_exists",
  415: "unsupported_content_type",
  429: "too_many_requests",
  500: "unknown_error",
  502: "unknown_error",
  503: "service_offline",
  504: "gateway_timeout",
};

/** ASA's error body: `{"type": "<code>", "code": <status>, "message": "..."}`. */
export function useAsaErrors(app: FastifyInstance): void {
  app.setErrorHandler((error, _request, reply) => {
    const status = statusOf(error);
    const message = messageOf(error, "internal error");
    reply.code(status).send({ type: errorTypes[status] ?? "unknown_error", code: status, message });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({
      type: errorTypes[404],
      code: 404,
      message: `no such endpoint: ${request.method} ${request.url}`,
    });
  });
}

/** Parses a request body, or answers 400 naming the bad field. */
export function parseAsaBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body ?? {});
  if (!result.success)
    throw new ErrorAnswer(400, `invalid request body: ${describeIssues(result.error)}`);
  return result.data;
}
