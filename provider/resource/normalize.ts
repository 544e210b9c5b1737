/** Deduplicated and sorted by code unit, so the order a program lists things in never makes a diff. */
export function sortedUnique<T extends string>(values: Iterable<T>): T[] {
  return [...new Set(values)].sort();
}
