/**
 * Working-day calendar port.
 *
 * @module
 */

/**
 * Which days are working days, in the host's legal time zone.
 *
 * Official holidays and make-up working days (调休) change every year and are published
 * by the State Council; the host supplies them as data (see `createWorkingDayCalendar`).
 *
 * - `isWorkingDay(date)` takes a local calendar date `YYYY-MM-DD` and MUST be a pure,
 *   synchronous function of it (no I/O: deadlines are computed inside the decider).
 * - `utcOffsetMinutes` is the fixed offset of the legal time zone (China: `480`, UTC+8,
 *   no daylight saving). Day boundaries ("end of the 7th working day") are taken there.
 * - Implementations MUST NOT throw for any valid date string.
 */
export interface Calendar {
  readonly utcOffsetMinutes: number;
  isWorkingDay(date: string): boolean;
}
