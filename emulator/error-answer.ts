/** An answer other than success. Each API's error handler turns it into that API's error body. */
export class ErrorAnswer extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** `invalid_json`: the body could not be parsed; `validation`: `details` holds the issues. */
    readonly kind?: "invalid_json" | "validation",
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Fastify's own errors (a bad content type, a body too large) carry their status here. */
export function statusOf(error: unknown): number {
  if (error instanceof ErrorAnswer) return error.status;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === "number" && status >= 400 ? status : 500;
}

/** The message to show for an error: Fastify's own, or ours; unexpected ones stay vague. */
export function messageOf(error: unknown, vague: string): string {
  if (error instanceof ErrorAnswer) return error.message;
  return statusOf(error) >= 500 || !(error instanceof Error) ? vague : error.message;
}
