/**
 * The trusted clock of the review chain.
 *
 * @module
 */

/**
 * Where `recordedAt` comes from. Deadlines, warnings and escalations are computed from
 * this clock, never from a time a client claims (docs/security.md T19).
 *
 * - `now()` MUST return the current time of a clock the host trusts (server time, not a
 *   browser's); it MUST NOT throw.
 * - It MAY go backwards (NTP steps); the chain never lets `recordedAt` decrease within a
 *   hazard (it keeps the previous value instead).
 * - Tests inject a fixed or stepping clock (`createFixedClock` in `@anjian/core/testing`).
 */
export interface Clock {
  now(): Date;
}

/** The system clock (`new Date()`). Use it only on a trusted host. */
export const systemClock: Clock = Object.freeze({ now: () => new Date() });
