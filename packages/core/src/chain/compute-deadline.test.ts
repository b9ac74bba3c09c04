import { describe, expect, it } from 'vitest';
import { computeDeadline, extendDeadline } from './compute-deadline.js';
import { createWorkingDayCalendar } from './working-day-calendar.js';
import { isChainError } from './chain-error.js';
import { TEST_CALENDAR_2026 } from '../testing/chain-fixtures.js';

const at = (iso: string) => new Date(iso);

describe('computeDeadline', () => {
  it('counts working days across the 2026 National Day holiday and its make-up Saturday', () => {
    // Tue 29 Sep 10:00 Beijing → Sep 30, Oct 9, Oct 10 (Sat, make-up), Oct 12, 13, 14, 15.
    expect(computeDeadline({ workingDays: 7 }, at('2026-09-29T02:00:00Z'), TEST_CALENDAR_2026).toISOString()).toBe('2026-10-15T15:59:59.999Z');
    // Without the holiday data the same notice would be due on Thu Oct 8.
    const plain = createWorkingDayCalendar({ holidays: [], workdays: [] });
    expect(computeDeadline({ workingDays: 7 }, at('2026-09-29T02:00:00Z'), plain).toISOString()).toBe('2026-10-08T15:59:59.999Z');
    // The make-up Sunday Sep 20 counts: a notice on Fri Sep 18 → Sep 20 is day 1.
    expect(computeDeadline({ workingDays: 1 }, at('2026-09-18T02:00:00Z'), TEST_CALENDAR_2026).toISOString()).toBe('2026-09-20T15:59:59.999Z');
  });

  it('takes day boundaries in Beijing time, not UTC', () => {
    // 23:30 UTC on Sep 29 is already Wed Sep 30 07:30 in Beijing: day 1 is Oct 9.
    expect(computeDeadline({ workingDays: 1 }, at('2026-09-29T23:30:00Z'), TEST_CALENDAR_2026).toISOString()).toBe('2026-10-09T15:59:59.999Z');
    expect(computeDeadline('immediate', at('2026-09-29T23:30:00Z'), TEST_CALENDAR_2026).toISOString()).toBe('2026-09-30T15:59:59.999Z');
  });

  it('handles calendar days and hours', () => {
    expect(computeDeadline({ days: 5 }, at('2026-11-02T02:00:00Z'), TEST_CALENDAR_2026).toISOString()).toBe('2026-11-07T15:59:59.999Z');
    expect(computeDeadline({ hours: 24 }, at('2026-11-02T02:00:00Z'), TEST_CALENDAR_2026).toISOString()).toBe('2026-11-03T02:00:00.000Z');
  });

  it('extends from the old deadline', () => {
    expect(extendDeadline('2026-11-05T15:59:59.999Z', { workingDays: 5 }, TEST_CALENDAR_2026).toISOString()).toBe('2026-11-12T15:59:59.999Z');
  });

  it('throws on invalid policies and on calendars without working days', () => {
    const codes: string[] = [];
    for (const policy of [{ workingDays: 0 }, { days: -1 }, { hours: 1.5 }, {}, 'soon']) {
      try {
        computeDeadline(policy as never, at('2026-11-02T00:00:00Z'), TEST_CALENDAR_2026);
      } catch (e) {
        if (isChainError(e)) codes.push(e.code);
      }
    }
    expect(codes).toEqual(Array(5).fill('INVALID_POLICY'));
    const never = { utcOffsetMinutes: 480, isWorkingDay: () => false };
    expect(() => computeDeadline({ workingDays: 1 }, at('2026-11-02T00:00:00Z'), never)).toThrow(/working days/);
    expect(() => createWorkingDayCalendar({ holidays: ['2026-13-01'], workdays: [] })).toThrow(/invalid date/);
  });
});
