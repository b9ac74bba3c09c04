import type { Clock } from '../ports/clock.js';

/** A {@link Clock} that only moves when told: deterministic tests without wall-clock time. */
export interface FixedClock extends Clock {
  set(instant: Date | string): void;
  advance(ms: number): void;
}

/**
 * Creates a {@link FixedClock} at `start`.
 *
 * @example
 * ```ts
 * const clock = createFixedClock('2026-09-29T02:00:00Z');
 * clock.advance(86_400_000);
 * ```
 */
export function createFixedClock(start: Date | string): FixedClock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set(instant) {
      t = new Date(instant).getTime();
    },
    advance(ms) {
      t += ms;
    },
  };
}
