import assert from "node:assert/strict";
import type { z } from "zod";

/** The message of what `run` throws; fails the test when it throws nothing. */
export function thrownMessage(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    return (err as Error).message;
  }
  assert.fail("nothing was thrown");
}

/** What a schema says of a value it refuses (each issue's message); fails the test if it accepts it. */
export function schemaRefusal(schema: z.ZodType, value: unknown): string {
  const result = schema.safeParse(value);
  assert.ok(!result.success, `${JSON.stringify(value)} was accepted`);
  return result.error.issues.map((issue) => issue.message).join("; ");
}
