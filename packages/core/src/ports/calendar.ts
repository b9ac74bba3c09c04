/**
 * Working-day calendar port.
 *
 * @module
 */

/**
 * Which days are working days, in the host's legal time zone, and which dates the host's data
 * covers.
 *
 * Official holidays and make-up working days (调休) change every year and are published
 * by the State Council; the host supplies them as data (see `createWorkingDayCalendar`), one
 * year at a time.
 *
 * - `covers(date)` takes a local calendar date `YYYY-MM-DD` and MUST return true only when the
 *   host has loaded that date's year in full (its 《国务院办公厅关于YYYY年部分节假日安排的通知》),
 *   false otherwise. It MUST be a pure, synchronous function of the date and MUST NOT throw.
 *   Every working-day count in core (`computeDeadline` `{ workingDays }`, the penalty reply
 *   periods) asks it for each day before `isWorkingDay` and refuses with `ChainError`
 *   `CALENDAR_NOT_COVERED` at the first date it does not cover: a year without data is never
 *   counted as plain Mon–Fri. Calendar days, hours and `immediate` do not ask.
 * - `isWorkingDay(date)` takes a local calendar date `YYYY-MM-DD` and MUST be a pure,
 *   synchronous function of it (no I/O: deadlines are computed inside the decider). Its answer
 *   for a date `covers` rejects is not relied on (core never counts it).
 * - `utcOffsetMinutes` is the fixed offset of the legal time zone (China: `480`, UTC+8,
 *   no daylight saving). Day boundaries ("end of the 7th working day") are taken there.
 * - Implementations MUST NOT throw for any valid date string.
 */
export interface Calendar {
  readonly utcOffsetMinutes: number;
  covers(date: string): boolean;
  isWorkingDay(date: string): boolean;
}
