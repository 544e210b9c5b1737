import { isDeepStrictEqual } from "node:util";
import type { z } from "zod";

/**
 * Whether a value read from an API can be declared as it is: the resource's own argument schema
 * accepts it and leaves it unchanged. A value the schema would rewrite (a locale's case, spaces)
 * would be written back at the first `pulumi up`, so it is left out instead, with the reason.
 */
export function declarable(
  schema: z.ZodType,
  value: unknown,
): { ok: true } | { ok: false; reason: string } {
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? "refused" };
  if (!isDeepStrictEqual(parsed.data, value)) {
    return { ok: false, reason: `the resource would send it as ${JSON.stringify(parsed.data)}` };
  }
  return { ok: true };
}
