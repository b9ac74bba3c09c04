// The demo's calendar: 2026 from the State Council notice, further years only from a file the host names
// (ANJIAN_HOLIDAYS_FILE) — without one, 2027 is not covered and a period into it is refused.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '@anjian/core';
import { computeDeadline } from '@anjian/core/internal';
import { withHolidaysFile } from '../src/demo-holidays.js';
import { HOLIDAYS_2026 } from '../src/demo-users.js';

const fixture = fileURLToPath(new URL('./fixtures/test-calendar-2027.json', import.meta.url));

describe('the demo calendar', () => {
  it('covers 2026 only, and refuses a working-day period into 2027', () => {
    const calendar = createWorkingDayCalendar(withHolidaysFile(HOLIDAYS_2026, undefined));
    expect([calendar.covers('2026-12-31'), calendar.covers('2027-01-01')]).toEqual([true, false]);
    expect(() => computeDeadline({ workingDays: 3 }, new Date('2026-12-29T02:00:00Z'), calendar)).toThrow(/the 2027 holiday arrangement/);
    // The 2026 notice as before: 元旦 Jan 1–3 off.
    expect(calendar.isWorkingDay('2026-01-02')).toBe(false);
  });

  it('takes further years from the file the host names, and refuses one it cannot read', () => {
    const calendar = createWorkingDayCalendar(withHolidaysFile(HOLIDAYS_2026, fixture));
    expect(calendar.covers('2027-01-04')).toBe(true);
    expect(computeDeadline({ workingDays: 3 }, new Date('2026-12-29T02:00:00Z'), calendar).toISOString()).toBe('2027-01-01T15:59:59.999Z');
    expect(() => withHolidaysFile(HOLIDAYS_2026, fixture.replace('.json', '-missing.json'))).toThrow(/ANJIAN_HOLIDAYS_FILE .*cannot be read or parsed/);
    const readme = fileURLToPath(new URL('../README.md', import.meta.url));
    expect(() => withHolidaysFile(HOLIDAYS_2026, readme)).toThrow(/cannot be read or parsed/);
  });
});
