import type { Calendar } from '../ports/calendar.js';
import { ChainError } from './chain-error.js';

/** Options of {@link createWorkingDayCalendar}. */
export interface WorkingDayCalendarOptions {
  /** Official holidays (`YYYY-MM-DD`), including weekend days inside a holiday block. */
  holidays: readonly string[];
  /** Make-up working days (调休上班, `YYYY-MM-DD`), usually a Saturday or Sunday. */
  workdays: readonly string[];
  /** Offset of the legal time zone in minutes; default 480 (China Standard Time, UTC+8). */
  utcOffsetMinutes?: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDates(list: readonly string[], what: string): void {
  for (const d of list) {
    // Date.parse rolls a day that does not exist over ('2026-02-30' is 2 March): the date must read back as written.
    const ms = DATE.test(d) ? Date.parse(`${d}T00:00:00Z`) : NaN;
    if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== d) {
      throw new ChainError('INVALID_DATE', {
        'zh-CN': `${what} 中的日期无效：${d}（应为 YYYY-MM-DD）`,
        en: `invalid date in ${what}: ${d} (expected YYYY-MM-DD)`,
      });
    }
  }
}

/**
 * A Mon–Fri calendar with the host's holidays and make-up working days as data.
 * A date listed in both is a working day (the make-up list wins).
 *
 * @example
 * ```ts
 * // 2026 National Day: Oct 1–8 off; Sun Sep 20 and Sat Oct 10 are working days.
 * const cal = createWorkingDayCalendar({
 *   holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'],
 *   workdays: ['2026-09-20', '2026-10-10'],
 * });
 * cal.isWorkingDay('2026-10-10'); // true
 * ```
 */
export function createWorkingDayCalendar(options: WorkingDayCalendarOptions): Calendar {
  checkDates(options.holidays, 'holidays');
  checkDates(options.workdays, 'workdays');
  const holidays = new Set(options.holidays);
  const workdays = new Set(options.workdays);
  const utcOffsetMinutes = options.utcOffsetMinutes ?? 480;
  // Answers already given (the lists never change): deadlines ask about the same days again
  // and again, and parsing a date for its weekday is the cost. Emptied when it grows large.
  const answers = new Map<string, boolean>();
  return Object.freeze({
    utcOffsetMinutes,
    isWorkingDay(date: string): boolean {
      let working = answers.get(date);
      if (working === undefined) {
        if (workdays.has(date)) working = true;
        else if (holidays.has(date)) working = false;
        else {
          const day = new Date(`${date}T00:00:00Z`).getUTCDay();
          working = day !== 0 && day !== 6;
        }
        if (answers.size >= 20_000) answers.clear();
        answers.set(date, working);
      }
      return working;
    },
  });
}
