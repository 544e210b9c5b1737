import type { Clock } from "../../provider/transport/clock";

/** Lets every callback already due run: one turn of the event loop. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Time for the code under test that moves only when the test says. A sleep ends once `advance`
 * passes its end; with `autoAdvance`, every sleep ends on the next turn of the event loop and
 * moves the time to its end, so nothing really waits. `sleeps` lists the waits asked for, in ms.
 */
export function virtualClock(options: { start: number; autoAdvance?: boolean }) {
  let now = options.start;
  const sleeps: number[] = [];
  const pending: { until: number; wake: () => void }[] = [];
  const clock: Clock = {
    now: () => now,
    sleep: (ms) => {
      sleeps.push(ms);
      const until = now + ms;
      return new Promise<void>((wake) => {
        if (!options.autoAdvance) return void pending.push({ until, wake });
        setImmediate(() => {
          now = Math.max(now, until);
          wake();
        });
      });
    },
  };
  /** Moves the time on by `ms`, ends the sleeps then over, and lets their callbacks run. */
  async function advance(ms: number): Promise<void> {
    now += ms;
    for (const sleeper of pending.filter((p) => p.until <= now)) {
      pending.splice(pending.indexOf(sleeper), 1);
      sleeper.wake();
    }
    await nextTurn();
  }
  return { clock, sleeps, advance };
}
