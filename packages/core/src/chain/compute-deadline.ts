import type { Calendar } from '../ports/calendar.js';
import type { DeadlinePolicy } from '../pack/types.js';
import { ChainError } from './chain-error.js';

const DAY_MS = 86_400_000;
const MAX_SCAN_DAYS = 3_660;

/** The local calendar date (`YYYY-MM-DD`) of an instant in the calendar's time zone. */
export function localDate(instant: Date, calendar: Calendar): string {
  return new Date(instant.getTime() + calendar.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The last millisecond of a local date, as an instant. */
export function endOfLocalDay(date: string, calendar: Calendar): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS - 1 - calendar.utcOffsetMinutes * 60_000);
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
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
 * Throws `ChainError` `INVALID_POLICY` for a count that is not a positive integer, and
 * `NO_WORKING_DAY` when ten years hold fewer working days than asked.
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
  const count = 'workingDays' in policy ? policy.workingDays : 'days' in policy ? policy.days : 'hours' in policy ? policy.hours : NaN;
  if (!Number.isInteger(count) || count <= 0) return invalid(policy);
  if ('hours' in policy) return new Date(from.getTime() + count * 3_600_000);
  let date = localDate(from, calendar);
  if ('days' in policy) {
    for (let i = 0; i < count; i++) date = nextDate(date);
    return endOfLocalDay(date, calendar);
  }
  let found = 0;
  for (let i = 0; i < MAX_SCAN_DAYS && found < count; i++) {
    date = nextDate(date);
    if (calendar.isWorkingDay(date)) found++;
  }
  if (found < count) {
    throw new ChainError('NO_WORKING_DAY', {
      'zh-CN': `十年内找不到 ${count} 个工作日，请检查节假日数据`,
      en: `fewer than ${count} working days in ten years; check the holiday data`,
    });
  }
  return endOfLocalDay(date, calendar);
}

/** Extends an existing deadline by a policy (an extension counts from the old deadline). */
export function extendDeadline(deadline: string, extension: DeadlinePolicy, calendar: Calendar): Date {
  return computeDeadline(extension, new Date(Date.parse(deadline)), calendar);
}
