/** Every item of a paged listing, every page read (Array.fromAsync needs Node.js 22). */
export async function everyItem<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/**
 * A listing's filters from a lookup's options: each option `names` lists that is given (neither
 * undefined nor "") under the API's name for it, its own in snake_case (`startsWith` →
 * `starts_with`).
 */
export function filtersOf<F>(options: object, names: readonly string[]): F {
  const given = names.flatMap((option) => {
    const value = (options as Record<string, unknown>)[option];
    const apiName = option.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
    return value === undefined || value === "" ? [] : [[apiName, value]];
  });
  return Object.fromEntries(given) as F;
}

/** What a lookup found, or its failure when it found nothing. */
export function found<T>(value: T | undefined, missing: () => string): T {
  if (value === undefined) throw new Error(missing());
  return value;
}
