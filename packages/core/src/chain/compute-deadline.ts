import type { Calendar } from '../ports/calendar.js';
import type { DeadlinePolicy } from '../pack/types.js';
import { ChainError } from './chain-error.js';

const DAY_MS = 86_400_000;
/** Largest counts accepted (the pack schema's limits). */
const MAX_COUNT = { workingDays: 3650, days: 3650, hours: 8760 } as const;

/** The local calendar date (`YYYY-MM-DD`) of an instant in the calendar's time zone. */
export function localDate(instant: Date, calendar: Calendar): string {
  return new Date(instant.getTime() + calendar.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The last millisecond of a local date, as an instant. */
export function endOfLocalDay(date: string, calendar: Calendar): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS - 1 - calendar.utcOffsetMinutes * 60_000);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

// The `YYYY-MM-DD` of UTC midnights already formatted: a working-day scan formats the same
// few hundred days over and over (and `validPolicy` scans from 1970 on every report). The
// values are exactly `toISOString().slice(0, 10)`; the cache is emptied when it grows large.
const dayStrings = new Map<number, string>();
const FIRST_FAST_DAY = Date.parse('0001-01-01T00:00:00Z');
const LAST_FAST_DAY = Date.parse('9998-01-01T00:00:00Z');

function dayString(ms: number): string {
  let text = dayStrings.get(ms);
  if (text === undefined) {
    if (dayStrings.size >= 20_000) dayStrings.clear();
    text = new Date(ms).toISOString().slice(0, 10);
    dayStrings.set(ms, text);
  }
  return text;
}

/**
 * The refusal of a working-day count that reaches `date`, a date the calendar does not cover
 * (or a calendar that does not say what it covers): its year's holiday arrangement is not loaded.
 */
function notCovered(date: string | null): never {
  if (date === null) {
    throw new ChainError('CALENDAR_NOT_COVERED', {
      'zh-CN': '工作日日历未说明其节假日数据覆盖的年份（covers(date)），无法计算工作日期限',
      en: 'the working-day calendar does not say which years its holiday data covers (covers(date)), so no working-day period can be computed',
    });
  }
  const year = date.slice(0, 4);
  const notice = `国务院办公厅关于${year}年部分节假日安排的通知`;
  throw new ChainError('CALENDAR_NOT_COVERED', {
    'zh-CN': `工作日日历未载入 ${year} 年的节假日安排（${notice}），无法计算经过 ${date} 的期限；请宿主载入后再办理`,
    en: `the ${year} holiday arrangement (${notice}) is not loaded in the working-day calendar, so a period through ${date} cannot be computed; the host must load it`,
  });
}

function invalid(policy: unknown): never {
  throw new ChainError('INVALID_POLICY', {
    'zh-CN': `无效的整改时限：${JSON.stringify(policy)}`,
    en: `invalid deadline policy: ${JSON.stringify(policy)}`,
  });
}

/**
 * Computes a deadline from a policy, starting at `from` (the trusted time of the notice):
 *
 * - `immediate` — end of the local day of `from` (立即整改: the same day);
 * - `{ workingDays: n }` — end of the n-th working day after the local day of `from`;
 * - `{ days: n }` — end of the local day n calendar days after `from`;
 * - `{ hours: n }` — exactly n hours after `from`.
 *
 * Counts are positive integers within the pack schema's limits (`days` and `workingDays`
 * ≤ 3 650, `hours` ≤ 8 760); anything else throws `ChainError` `INVALID_POLICY`, and so
 * does a `from` that is not a valid date. `days` and `hours` take constant time;
 * `workingDays` scans at most `2n + 366` calendar days and throws `NO_WORKING_DAY` when
 * they hold fewer working days than asked. Each day a `workingDays` count looks at must be
 * one the calendar `covers`: at the first that is not (a year whose holiday arrangement the
 * host has not loaded, e.g. a period from late December into the next year) it throws
 * `CALENDAR_NOT_COVERED`, naming the year and the State Council notice to load — never a
 * date counted as plain Mon–Fri. `immediate`, `days` and `hours` need no holiday data.
 *
 * @example
 * ```ts
 * computeDeadline({ workingDays: 7 }, new Date('2026-09-29T02:00:00Z'), cal).toISOString();
 * // '2026-10-15T15:59:59.999Z' — across the National Day holiday, counting Sat Oct 10
 * ```
 */
export function computeDeadline(policy: DeadlinePolicy, from: Date, calendar: Calendar): Date {
  if (policy === 'immediate') return endOfLocalDay(localDate(from, calendar), calendar);
  if (typeof policy !== 'object' || policy === null) return invalid(policy);
  const keys = Object.keys(policy);
  const key = keys.length === 1 ? (keys[0] as keyof typeof MAX_COUNT) : undefined;
  if (key === undefined || !Object.hasOwn(MAX_COUNT, key)) return invalid(policy);
  const count = (policy as Record<string, unknown>)[key];
  if (typeof count !== 'number' || !Number.isInteger(count) || count <= 0 || count > MAX_COUNT[key]) return invalid(policy);
  if (Number.isNaN(from.getTime()) || Math.abs(from.getTime()) > 8.64e15 - 4000 * 365 * DAY_MS) return invalid(policy);
  if (key === 'hours') return new Date(from.getTime() + count * 3_600_000);
  let date = localDate(from, calendar);
  if (key === 'days') return endOfLocalDay(addDays(date, count), calendar);
  if (typeof (calendar as Partial<Calendar>).covers !== 'function') return notCovered(null);
  let found = 0;
  const scan = 2 * count + 366;
  let ms = Date.parse(`${date}T00:00:00Z`);
  if (ms >= FIRST_FAST_DAY && ms + scan * DAY_MS < LAST_FAST_DAY) {
    // Four-digit years: stepping the instant a day at a time is `addDays(date, 1)`.
    for (let i = 0; i < scan && found < count; i++) {
      ms += DAY_MS;
      date = dayString(ms);
      if (!calendar.covers(date)) notCovered(date);
      if (calendar.isWorkingDay(date)) found++;
    }
  } else {
    for (let i = 0; i < scan && found < count; i++) {
      date = addDays(date, 1);
      if (!calendar.covers(date)) notCovered(date);
      if (calendar.isWorkingDay(date)) found++;
    }
  }
  if (found < count) {
    throw new ChainError('NO_WORKING_DAY', {
      'zh-CN': `${scan} 天内找不到 ${count} 个工作日，请检查节假日数据`,
      en: `fewer than ${count} working days in ${scan} days; check the holiday data`,
    });
  }
  return endOfLocalDay(date, calendar);
}

/** Extends an existing deadline by a policy (an extension counts from the old deadline). */
export function extendDeadline(deadline: string, extension: DeadlinePolicy, calendar: Calendar): Date {
  return computeDeadline(extension, new Date(Date.parse(deadline)), calendar);
}
