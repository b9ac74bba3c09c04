import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from './working-day-calendar.js';

// A holiday list typed by hand took '2026-02-30' (or '2026-09-31'): the date does not exist, so
// no day was marked and the deadline ran through the holiday the host meant to list.
describe('createWorkingDayCalendar refuses a date that does not exist', () => {
  it.each(['2026-02-30', '2026-09-31', '2025-02-29', '2026-13-01', '2026-00-10'])('%s', (d) => {
    expect(() => createWorkingDayCalendar({ years: [2025, 2026], holidays: [d], workdays: [] })).toThrow(`invalid date in holidays: ${d} (expected YYYY-MM-DD)`);
    expect(() => createWorkingDayCalendar({ years: [2025, 2026], holidays: [], workdays: [d] })).toThrow(`invalid date in workdays: ${d}`);
  });

  it('takes real dates, leap days included', () => {
    const calendar = createWorkingDayCalendar({ years: [2026, 2028], holidays: ['2028-02-29', '2026-10-01'], workdays: ['2026-10-10'] });
    expect([calendar.isWorkingDay('2028-02-29'), calendar.isWorkingDay('2026-10-01'), calendar.isWorkingDay('2026-10-10')]).toEqual([false, false, true]);
  });
});
