/** Deduplicated and sorted by code unit, so the order a program lists things in never makes a diff. */
export function sortedUnique<T extends string>(values: Iterable<T>): T[] {
  return [...new Set(values)].sort();
}

/**
 * A list of names as a set-like object (`{ alice: true }`). Pulumi's preview compares arrays
 * index by index, so one name added to a sorted list shows as every later entry changed
 * ("carol" => "dave", ...); object keys are compared by name, so the preview shows exactly
 * `+ bob` and `- carol`.
 */
export function nameSet(names: Iterable<string>): Record<string, true> {
  return Object.fromEntries(sortedUnique(names).map((name) => [name, true]));
}

/** The names of a name set, or of a plain list of names (older state, stored outputs). */
export function namesOf(value: unknown): string[] {
  if (Array.isArray(value))
    return sortedUnique(value.filter((v): v is string => typeof v === "string"));
  if (value !== null && typeof value === "object") return sortedUnique(Object.keys(value));
  return [];
}
