import { setTimeout as delay } from "node:timers/promises";

/**
 * Time as the transport sees it. Waits are computed in API time (what the headers say) and
 * handed to `sleep`, so a scaled clock makes a one-minute 429 storm pass in milliseconds while
 * every recorded wait keeps its real value.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Real time per unit of API time (1 for the system clock); used where a library takes a duration itself. */
  readonly scale: number;
}

export const systemClock: Clock = {
  scale: 1,
  now: () => Date.now(),
  sleep: (ms) => (ms > 0 ? delay(ms) : Promise.resolve()),
};

/** Sleeps `scale` times as long as asked (0.001: a second passes in a millisecond). */
export function scaledClock(scale: number): Clock {
  if (!(scale > 0)) throw new Error(`invalid time scale ${scale}: expected a number > 0`);
  if (scale === 1) return systemClock;
  return { scale, now: systemClock.now, sleep: (ms) => systemClock.sleep(ms * scale) };
}
