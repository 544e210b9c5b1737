import { Sema } from "async-sema";

/** `work` on every item, at most `limit` at a time, results in the items' order. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const sema = new Sema(limit);
  return Promise.all(
    items.map(async (item) => {
      await sema.acquire();
      try {
        return await work(item);
      } finally {
        sema.release();
      }
    }),
  );
}
