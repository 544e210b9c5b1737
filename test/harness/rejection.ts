import assert from "node:assert/strict";
import { inspect } from "node:util";

/**
 * The error a promise rejects with, checked to be a `kind` (any Error unless told). Fails the
 * test when the promise resolves (or is undefined, as an optional provider method can be).
 */
export async function rejection<E extends Error = Error>(
  promise: Promise<unknown> | undefined,
  kind: abstract new (...args: never[]) => E = Error as never,
): Promise<E> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof kind, `expected ${kind.name}, got ${inspect(err)}`);
    return err;
  }
  return assert.fail("expected the call to fail, and it succeeded");
}
