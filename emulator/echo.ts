import type { FastifyRequest } from "fastify";

/** Every string of a parsed body, at any depth. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  // Arrays too: their values are their elements.
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

/**
 * What the `echoes` fault answers: the request's credentials and body repeated, as sent and
 * URL-encoded, the way a careless server (or a proxy's error page) would. The header holds the
 * Authorization header as sent; the message holds everything.
 */
export function echoOf(request: FastifyRequest): { header: string; message: string } {
  const authorization = String(request.headers.authorization ?? "");
  const sent = strings(request.body);
  const parts = [
    `authorization: ${authorization}`,
    `body: ${JSON.stringify(request.body ?? null)}`,
    `url-encoded: ${[authorization, ...sent].map(encodeURIComponent).join(" ")}`,
  ];
  return { header: authorization, message: `the request was refused: ${parts.join("; ")}` };
}
