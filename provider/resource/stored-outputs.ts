import type { z } from "zod";

/**
 * The stored outputs as the kind's outputs schema reads them, field by field: a field missing or
 * not of its type (state written by an older version, or edited by hand) is left out, so the
 * caller falls back to what the resource ID says or treats the value as unknown, rather than
 * trusting a wrong one. Fields the schema does not name are left out too.
 */
export function storedOutputs<Outputs extends z.ZodObject>(
  schema: Outputs,
  props: Record<string, unknown> | undefined,
): Partial<z.infer<Outputs>> {
  const stored: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (props?.[key] === undefined) continue;
    const parsed = field.safeParse(props[key]);
    if (parsed.success) stored[key] = parsed.data;
  }
  return stored as Partial<z.infer<Outputs>>;
}
