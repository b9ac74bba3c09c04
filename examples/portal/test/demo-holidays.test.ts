// The demo's calendar: 2026 from the State Council notice, further years from a file the host names
// (ANJIAN_HOLIDAYS_FILE), and the later years up to next year counted Mon–Fri by the demo's own declared
// choice — unless strict (ANJIAN_HOLIDAYS_STRICT=1), where a period into a year without a notice is refused.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeDeadline } from '@anjian/core/internal';
import { demoCalendar, demoCalendarNotice, withHolidaysFile } from '../src/demo-holidays.js';
import { HOLIDAYS_2026 } from '../src/demo-users.js';

const fixture = fileURLToPath(new URL('./fixtures/test-calendar-2027.json', import.meta.url));
const at = (iso: string) => new Date(iso);

describe('the demo calendar', () => {
  it('on a fixed date in 2027 and 2028 covers it and the next year, Mon–Fri, and says so', () => {
    const in2027 = demoCalendar({ now: at('2027-03-01T02:00:00Z'), base: HOLIDAYS_2026 });
    expect([in2027.loaded, in2027.assumed]).toEqual([[2026], [2027, 2028]]);
    const c = in2027.calendar;
    expect([c.covers('2027-03-01'), c.covers('2028-12-31'), c.covers('2029-01-01')]).toEqual([true, true, false]);
    // No official arrangement: plain Mon–Fri (1 January 2027 is a Friday), while 2026 keeps its notice.
    expect([c.isWorkingDay('2027-01-01'), c.isWorkingDay('2026-01-02')]).toEqual([true, false]);
    expect(computeDeadline({ workingDays: 10 }, at('2027-03-01T02:00:00Z'), c).toISOString()).toBe('2027-03-15T15:59:59.999Z');
    const [zh, en] = demoCalendarNotice(in2027);
    expect(zh).toContain('2027、2028 年未载入官方安排，本演示按周一至周五计算');
    expect(zh).toContain('ANJIAN_HOLIDAYS_FILE');
    expect(en).toContain('2027, 2028: no official arrangement loaded — this demo counts Mon–Fri');
    expect(en).toContain('ANJIAN_HOLIDAYS_FILE');

    const in2028 = demoCalendar({ now: at('2028-07-01T02:00:00Z'), base: HOLIDAYS_2026 });
    expect(in2028.assumed).toEqual([2027, 2028, 2029]);
    expect(in2028.calendar.covers('2029-12-31')).toBe(true);
    // The year is China's: 31 December 2026 20:00 UTC is already 1 January 2027 there.
    expect(demoCalendar({ now: at('2026-12-31T20:00:00Z'), base: HOLIDAYS_2026 }).assumed).toEqual([2027, 2028]);
    expect(demoCalendar({ now: at('2026-12-07T02:00:00Z'), base: HOLIDAYS_2026 }).assumed).toEqual([2027]);
  });

  it('strict: covers 2026 only, and refuses a working-day period into 2027', () => {
    const strict = demoCalendar({ now: at('2026-12-29T02:00:00Z'), base: HOLIDAYS_2026, strict: true });
    expect([strict.loaded, strict.assumed]).toEqual([[2026], []]);
    expect([strict.calendar.covers('2026-12-31'), strict.calendar.covers('2027-01-01')]).toEqual([true, false]);
    expect(() => computeDeadline({ workingDays: 3 }, at('2026-12-29T02:00:00Z'), strict.calendar)).toThrow(/the 2027 holiday arrangement/);
    expect(demoCalendarNotice(strict)[1]).toContain('other years are not counted as Mon–Fri');
  });

  it('a file loaded for a year replaces the assumption for it, and one it cannot read stops the start', () => {
    const loaded = demoCalendar({ now: at('2027-06-01T02:00:00Z'), base: HOLIDAYS_2026, file: fixture });
    expect([loaded.loaded, loaded.assumed]).toEqual([[2026, 2027], [2028]]);
    // The file's holiday counts, not Mon–Fri: three working days from 29 December end on Monday 4 January.
    expect(loaded.calendar.isWorkingDay('2027-01-01')).toBe(false);
    expect(computeDeadline({ workingDays: 3 }, at('2026-12-29T02:00:00Z'), loaded.calendar).toISOString()).toBe('2027-01-04T15:59:59.999Z');
    expect(demoCalendarNotice(loaded)[1]).toMatch(/^Holidays: 2026, 2027 from the State Council notice; 2028: no official arrangement/);
    expect(() => withHolidaysFile(HOLIDAYS_2026, fixture.replace('.json', '-missing.json'))).toThrow(/ANJIAN_HOLIDAYS_FILE .*cannot be read or parsed/);
    const readme = fileURLToPath(new URL('../README.md', import.meta.url));
    expect(() => demoCalendar({ now: at('2027-06-01T02:00:00Z'), base: HOLIDAYS_2026, file: readme })).toThrow(/cannot be read or parsed/);
  });
});
