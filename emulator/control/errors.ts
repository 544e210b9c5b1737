import type { FastifyInstance } from "fastify";
import type { z } from "zod";
import { describeIssues, EmulatorDataError } from "../data-schema";
import { ErrorAnswer, statusOf } from "../error-answer";

/** Control API errors: `{"error": "..."}`. */
export function useControlErrors(app: FastifyInstance): void {
  app.setErrorHandler((error, _request, reply) => {
    const status = error instanceof EmulatorDataError ? 400 : statusOf(error);
    reply.code(status).send({ error: error instanceof Error ? error.message : String(error) });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: `no control route ${request.method} ${request.url}` });
  });
}

export function parseControl<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ErrorAnswer(400, describeIssues(result.error));
  return result.data;
}

/** A body of one object or an array of them; the answer has the same form. */
export function oneOrMany<T>(body: unknown, create: (item: unknown) => T): T | T[] {
  return Array.isArray(body) ? body.map(create) : create(body);
}
