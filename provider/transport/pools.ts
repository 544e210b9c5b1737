import { type Dispatcher, interceptors, Pool } from "undici";
import { attemptGate, CALL_ATTEMPTS, type GatedDispatchOptions } from "./attempt-gate";
import { ProcessWide } from "./process-wide";

export interface PoolOptions {
  connections: number;
  connectTimeoutMs: number;
}

interface PoolEntry {
  pool: Pool;
  dispatcher: Dispatcher;
}

const pools = new ProcessWide<string, PoolEntry>();

/**
 * undici's retry interceptor decides through each call's own attempts (found in the dispatch
 * options), and forwards the last answer when it stops (`throwOnError: false`) so the caller can
 * read the API's error body.
 */
const retry = interceptors.retry({
  throwOnError: false,
  retry(err, { opts }, callback) {
    const attempts = (opts as GatedDispatchOptions)[CALL_ATTEMPTS];
    callback(attempts?.shouldRetry(err) ? null : err);
  },
});

/**
 * The process-wide keep-alive pool for one origin. Its connection count is the concurrency limit
 * for the origin: requests beyond it queue inside the pool. Clients asking for different limits
 * or connect timeouts get separate pools.
 */
export function dispatcherFor(origin: string, options: PoolOptions): Dispatcher {
  const key = `${origin}|${options.connections}|${options.connectTimeoutMs}`;
  return pools.get(key, () => {
    const pool = new Pool(origin, {
      connections: options.connections,
      connect: { timeout: options.connectTimeoutMs },
    });
    return { pool, dispatcher: pool.compose(attemptGate(), retry) };
  }).dispatcher;
}

/** Closes every pool (tests, benchmarks, and a process about to exit). */
export async function closeAllPools(): Promise<void> {
  await Promise.all(pools.clear().map((entry) => entry.pool.close()));
}
