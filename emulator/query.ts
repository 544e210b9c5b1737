/** A parsed query string: repeated parameters come as arrays. */
export type Query = Record<string, string | string[] | undefined>;

export function queryValues(query: Query, key: string): string[] {
  const value = query[key];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The last value of a parameter. */
export function queryValue(query: Query, key: string): string | undefined {
  return queryValues(query, key).at(-1);
}

export function queryFlag(query: Query, key: string): boolean {
  const value = queryValue(query, key);
  return value === "true" || value === "1";
}
