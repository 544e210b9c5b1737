import type { z } from "zod";
import { ApiError, type ApiName } from "../errors";

export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) =>
      typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key),
    "",
  );
}

/** Validates what a caller asked to send; a mismatch is an `ApiError` (`invalid_request`) and nothing is sent. */
export function checkInput<S extends z.ZodType>(
  api: ApiName,
  schema: S,
  value: unknown,
  method: string,
  path: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ApiError({
    api,
    method,
    path,
    code: "invalid_request",
    field: issue ? formatIssuePath(issue.path) : "",
    apiMessage: `not sent: ${issue?.message ?? "invalid input"}`,
  });
}
