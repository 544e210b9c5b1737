import { withoutUndefined } from "../provider/resource/outputs";

/** Every item of a paged listing, every page read (Array.fromAsync needs Node.js 22). */
export async function everyItem<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** A listing's filters with those left unset taken out. */
export const filters = <F extends object>(values: F): F => withoutUndefined(values);
