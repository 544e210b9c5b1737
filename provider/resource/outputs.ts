/**
 * A copy without `undefined` anywhere: the host turns outputs into a protobuf Struct, which
 * rejects `undefined` ("Unexpected struct type", pulumi/pulumi#3012).
 */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, withoutUndefined(v)]),
    ) as T;
  }
  return value;
}
