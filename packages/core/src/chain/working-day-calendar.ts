import type { Calendar } from '../ports/calendar.js';
import { ChainError } from './chain-error.js';

/** Options of {@link createWorkingDayCalendar}. */
export interface WorkingDayCalendarOptions {
  /**
   * The years whose official arrangement (《国务院办公厅关于YYYY年部分节假日安排的通知》) the
   * lists below hold in full, e.g. `[2026]`: the calendar `covers` their dates and no others, and
   * a working-day period that reaches another year is refused (`CALENDAR_NOT_COVERED`), never
   * counted as plain Mon–Fri. Integers 1–9999, at least one; every listed date falls in one of them.
   */
  years: readonly number[];
  /** Official holidays (`YYYY-MM-DD`), including weekend days inside a holiday block. */
  holidays: readonly string[];
  /** Make-up working days (调休上班, `YYYY-MM-DD`), usually a Saturday or Sunday. */
  workdays: readonly string[];
  /** Offset of the legal time zone in minutes; default 480 (China Standard Time, UTC+8). */
  utcOffsetMinutes?: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkYears(years: unknown): ReadonlySet<number> {
  if (!Array.isArray(years) || years.length === 0) {
    throw new ChainError('INVALID_DATE', {
      'zh-CN': 'years：须列出节假日数据覆盖的年份（如 [2026]）',
      en: 'years: list the years the holiday data covers (e.g. [2026])',
    });
  }
  for (const y of years as unknown[]) {
    if (typeof y !== 'number' || !Number.isInteger(y) || y < 1 || y > 9999) {
      throw new ChainError('INVALID_DATE', {
        'zh-CN': `years 中的年份无效：${JSON.stringify(y) ?? String(y)}（应为 1–9999 的整数）`,
        en: `years: invalid year ${JSON.stringify(y) ?? String(y)} (expected an integer 1–9999)`,
      });
    }
  }
  return new Set(years as number[]);
}

function checkDates(list: readonly string[], what: string, years: ReadonlySet<number>): void {
  for (const d of list) {
    // Date.parse rolls a day that does not exist over ('2026-02-30' is 2 March): the date must read back as written.
    const ms = DATE.test(d) ? Date.parse(`${d}T00:00:00Z`) : NaN;
    if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== d) {
      throw new ChainError('INVALID_DATE', {
        'zh-CN': `${what} 中的日期无效：${d}（应为 YYYY-MM-DD）`,
        en: `invalid date in ${what}: ${d} (expected YYYY-MM-DD)`,
      });
    }
    if (!years.has(Number(d.slice(0, 4)))) {
      const listed = [...years].sort((a, b) => a - b).join(', ');
      throw new ChainError('INVALID_DATE', {
        'zh-CN': `${what} 中的日期 ${d} 不在 years（${listed}）所列年份之内`,
        en: `${what}: ${d} is outside the years the calendar covers (${listed})`,
      });
    }
  }
}

/**
 * A Mon–Fri calendar with the host's holidays and make-up working days as data, for the
 * `years` that data covers. A date listed in both is a working day (the make-up list wins).
 * `covers(date)` is true for the dates of those years only; `isWorkingDay` answers Mon–Fri
 * outside them (it never throws), and every working-day count in core checks `covers` first
 * and refuses with `ChainError` `CALENDAR_NOT_COVERED`. Throws `ChainError` `INVALID_DATE` for
 * a date that does not exist, a year that is not an integer 1–9999, no years, or a listed date
 * outside the years. Load the next year's notice when the State Council publishes it (usually
 * November); until then periods that reach into it are refused.
 *
 * @example
 * ```ts
 * // 2026 National Day: Oct 1–8 off; Sun Sep 20 and Sat Oct 10 are working days.
 * const cal = createWorkingDayCalendar({
 *   years: [2026],
 *   holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'],
 *   workdays: ['2026-09-20', '2026-10-10'],
 * });
 * cal.isWorkingDay('2026-10-10'); // true
 * cal.covers('2027-01-04'); // false: a working-day period reaching it is refused
 * ```
 */
export function createWorkingDayCalendar(options: WorkingDayCalendarOptions): Calendar {
  const years = checkYears((options as { years?: unknown }).years);
  checkDates(options.holidays, 'holidays', years);
  checkDates(options.workdays, 'workdays', years);
  const holidays = new Set(options.holidays);
  const workdays = new Set(options.workdays);
  const utcOffsetMinutes = options.utcOffsetMinutes ?? 480;
  // Answers already given (the lists never change): deadlines ask about the same days again
  // and again, and parsing a date for its weekday is the cost. Emptied when it grows large.
  const answers = new Map<string, boolean>();
  return Object.freeze({
    utcOffsetMinutes,
    covers(date: string): boolean {
      return DATE.test(date) && years.has(Number(date.slice(0, 4)));
    },
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
