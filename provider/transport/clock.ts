import { setTimeout as delay } from "node:timers/promises";

/**
 * Time as the transport sees it. Waits are computed in API time (what the headers say) and
 * handed to `sleep`, so a scaled clock makes a one-minute 429 storm pass in milliseconds while
 * every recorded wait keeps its real value.
 */
export interface Clock {
  now(): number;
  /** `unref`: the timer alone does not keep the process alive (whoever waits on it does). */
  sleep(ms: number, options?: { unref?: boolean }): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, options) =>
    ms > 0 ? delay(ms, undefined, { ref: !options?.unref }) : Promise.resolve(),
};

const scaledClocks = new Map<number, Clock>([[1, systemClock]]);

/**
 * Sleeps `scale` times as long as asked (0.001: a second passes in a millisecond). One clock per
 * scale, so clients with the same scale still share their limiter.
 */
export function scaledClock(scale: number): Clock {
  if (!(scale > 0)) throw new Error(`invalid time scale ${scale}: expected a number > 0`);
  let clock = scaledClocks.get(scale);
  if (!clock) {
    clock = {
      now: systemClock.now,
      sleep: (ms, options) => systemClock.sleep(ms * scale, options),
    };
    scaledClocks.set(scale, clock);
  }
  return clock;
}
