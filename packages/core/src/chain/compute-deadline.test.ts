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
    const plain = createWorkingDayCalendar({ years: [2026], holidays: [], workdays: [] });
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
    const never = { utcOffsetMinutes: 480, covers: () => true, isWorkingDay: () => false };
    expect(() => computeDeadline({ workingDays: 1 }, at('2026-11-02T00:00:00Z'), never)).toThrow(/working days/);
    expect(() => createWorkingDayCalendar({ years: [2026], holidays: ['2026-13-01'], workdays: [] })).toThrow(/invalid date/);
  });

  it('refuses counts beyond the pack schema limits at once, and computes day counts in constant time', () => {
    const from = at('2026-11-02T02:00:00Z');
    // The work is counted, not timed: how many days the calendar is asked about.
    let asked = 0;
    const counting = {
      utcOffsetMinutes: TEST_CALENDAR_2026.utcOffsetMinutes,
      // Every year taken as covered (a test fixture): this measures the scan, which runs to 2040.
      covers: () => true,
      isWorkingDay: (day: string) => (asked++, TEST_CALENDAR_2026.isWorkingDay(day)),
    };
    for (const policy of [{ days: 3651 }, { workingDays: 3651 }, { hours: 8761 }, { hours: 1e300 }, { days: 1e9 }, { days: Infinity }, { days: 1, hours: 1 }]) {
      asked = 0;
      expect(() => computeDeadline(policy as never, from, counting)).toThrow(/invalid deadline policy/);
      // refused before any day is looked at: O(1), not 10⁹ loop turns
      expect(asked).toBe(0);
    }
    // The largest counts: days at once, working days within a bounded scan.
    expect(computeDeadline({ days: 3650 }, from, TEST_CALENDAR_2026).toISOString()).toBe('2036-10-30T15:59:59.999Z');
    expect(computeDeadline({ hours: 8760 }, from, TEST_CALENDAR_2026).toISOString()).toBe('2027-11-02T02:00:00.000Z');
    asked = 0;
    expect(computeDeadline({ days: 3650 }, from, counting).toISOString()).toBe('2036-10-30T15:59:59.999Z');
    expect(asked).toBe(0);
    const far = computeDeadline({ workingDays: 3650 }, from, counting);
    // a bounded scan: each calendar day at most once (3 650 working days lie within ~5 300 days)
    expect(asked).toBeGreaterThanOrEqual(3650);
    expect(asked).toBeLessThan(6000);
    expect(far.getTime()).toBeGreaterThan(Date.parse('2040-01-01T00:00:00Z'));
    // Day counts agree with stepping one day at a time.
    for (const n of [1, 2, 28, 29, 30, 31, 365, 366, 1461, 3650]) {
      let day = '2026-11-02';
      for (let i = 0; i < n; i++) day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      expect(computeDeadline({ days: n }, from, TEST_CALENDAR_2026).toISOString()).toBe(new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000 - 1 - 480 * 60_000).toISOString());
    }
  });

  it('refuses a start that is not a date', () => {
    expect(() => computeDeadline({ days: 1 }, new Date(NaN), TEST_CALENDAR_2026)).toThrow(/invalid deadline policy/);
  });
});
