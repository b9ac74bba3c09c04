// A working-day period that runs into a year whose holiday arrangement the host has not loaded is
// refused (CALENDAR_NOT_COVERED), never counted as plain Mon–Fri: 2027-01-01 (元旦) is a holiday
// whatever the 2027 notice says, and a period counting it as a working day ends a day early.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compilePack } from '../classify/compile-pack.js';
import type { Inspection } from '../classify/types.js';
import { loadPackFromPath } from '../node/load-pack-from-path.js';
import { createHarness } from './chain-harness.test-util.js';
import { reportInspection } from './report-inspection.js';
import { computeDeadline, extendDeadline } from './compute-deadline.js';
import { isChainError } from './chain-error.js';
import { penaltyReplyDeadlines } from './penalty-service.js';
import { createWorkingDayCalendar } from './working-day-calendar.js';
import { reportCommand } from '../testing/chain-fixtures.js';

/** 2026 only (the year a host has loaded in December 2026): 2027 is not covered. */
const ONLY_2026 = createWorkingDayCalendar({
  years: [2026],
  holidays: ['2026-01-01', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'],
  workdays: ['2026-09-20', '2026-10-10'],
});

/** The ChainError a call throws, as `[code, zh-CN, en]`. */
function thrown(call: () => unknown): [string, string, string] | null {
  try {
    call();
    return null;
  } catch (e) {
    if (!isChainError(e)) throw e;
    return [e.code, e.localized['zh-CN'] ?? '', e.localized.en];
  }
}

describe('createWorkingDayCalendar states the years its data covers', () => {
  it('covers the years given, and no other', () => {
    expect(['2026-01-01', '2026-12-31', '2025-12-31', '2027-01-01'].map((d) => ONLY_2026.covers(d))).toEqual([true, true, false, false]);
    const two = createWorkingDayCalendar({ years: [2027, 2026], holidays: [], workdays: [] });
    expect(['2026-06-01', '2027-06-01', '2028-01-03'].map((d) => two.covers(d))).toEqual([true, true, false]);
    // isWorkingDay keeps its contract: it does not throw, also outside the coverage.
    expect(ONLY_2026.isWorkingDay('2027-01-04')).toBe(true);
  });

  it('refuses a year that is not an integer, and a holiday or make-up day outside the years', () => {
    for (const years of [[2026.5], [Number.NaN], ['2026'], [], [0], [10_000]]) {
      const e = thrown(() => createWorkingDayCalendar({ years: years as number[], holidays: [], workdays: [] }));
      expect(e?.[0]).toBe('INVALID_DATE');
      expect(e?.[2]).toMatch(/^years: /);
    }
    expect(thrown(() => createWorkingDayCalendar({ holidays: [], workdays: [] } as never))?.[2]).toMatch(/^years: /);
    expect(thrown(() => createWorkingDayCalendar({ years: [2026], holidays: ['2026-10-01', '2027-01-01'], workdays: [] }))).toEqual([
      'INVALID_DATE',
      'holidays 中的日期 2027-01-01 不在 years（2026）所列年份之内',
      'holidays: 2027-01-01 is outside the years the calendar covers (2026)',
    ]);
    expect(thrown(() => createWorkingDayCalendar({ years: [2026], holidays: [], workdays: ['2025-12-28'] }))?.[2]).toBe('workdays: 2025-12-28 is outside the years the calendar covers (2026)');
  });
});

describe('a working-day period into a year the calendar does not cover is refused', () => {
  it('computeDeadline: CALENDAR_NOT_COVERED naming the year and the notice the host must load', () => {
    // Mon 2026-12-28: the 5th working day is in 2027.
    expect(thrown(() => computeDeadline({ workingDays: 5 }, new Date('2026-12-28T02:00:00Z'), ONLY_2026))).toEqual([
      'CALENDAR_NOT_COVERED',
      '工作日日历未载入 2027 年的节假日安排（国务院办公厅关于2027年部分节假日安排的通知），无法计算经过 2027-01-01 的期限；请宿主载入后再办理',
      'the 2027 holiday arrangement (国务院办公厅关于2027年部分节假日安排的通知) is not loaded in the working-day calendar, so a period through 2027-01-01 cannot be computed; the host must load it',
    ]);
    expect(thrown(() => extendDeadline('2026-12-30T15:59:59.999Z', { workingDays: 2 }, ONLY_2026))?.[0]).toBe('CALENDAR_NOT_COVERED');
    // A period that ends by Dec 31 is counted as before; calendar days and hours need no holiday data.
    expect(computeDeadline({ workingDays: 3 }, new Date('2026-12-28T02:00:00Z'), ONLY_2026).toISOString()).toBe('2026-12-31T15:59:59.999Z');
    expect(computeDeadline({ days: 10 }, new Date('2026-12-28T02:00:00Z'), ONLY_2026).toISOString()).toBe('2027-01-07T15:59:59.999Z');
    expect(computeDeadline({ hours: 96 }, new Date('2026-12-28T02:00:00Z'), ONLY_2026).toISOString()).toBe('2027-01-01T02:00:00.000Z');
    expect(computeDeadline('immediate', new Date('2026-12-31T16:30:00Z'), ONLY_2026).toISOString()).toBe('2027-01-01T15:59:59.999Z');
    // Within coverage: unchanged (across the National Day holiday and its make-up Saturday).
    expect(computeDeadline({ workingDays: 7 }, new Date('2026-09-29T02:00:00Z'), ONLY_2026).toISOString()).toBe('2026-10-15T15:59:59.999Z');
    // A period from a year before the data is refused too (2025 is not loaded).
    expect(thrown(() => computeDeadline({ workingDays: 1 }, new Date('2025-12-30T02:00:00Z'), ONLY_2026))?.[2]).toMatch(/^the 2025 holiday arrangement/);
  });

  it('a calendar that does not say what it covers is refused, not trusted', () => {
    const silent = { utcOffsetMinutes: 480, isWorkingDay: () => true };
    const e = thrown(() => computeDeadline({ workingDays: 1 }, new Date('2026-11-02T02:00:00Z'), silent as never));
    expect(e?.[0]).toBe('CALENDAR_NOT_COVERED');
    expect(e?.[2]).toContain('covers(date)');
  });

  it('the penalty reply periods (《行政处罚法》 working days) are refused, not a day early', () => {
    // Served Tue 2026-12-29: the 3rd working day is in 2027 (Jan 1 is 元旦, which the calendar cannot tell).
    expect(thrown(() => penaltyReplyDeadlines(new Date('2026-12-29T02:00:00Z'), false, ONLY_2026))?.slice(0, 1)).toEqual(['CALENDAR_NOT_COVERED']);
    expect(penaltyReplyDeadlines(new Date('2026-12-23T02:00:00Z'), true, ONLY_2026)).toEqual({ statementDeadline: '2026-12-28T15:59:59.999Z', hearingDeadline: '2026-12-30T15:59:59.999Z' });
  });

  it('a command whose deadline would run into 2027 throws the error and records nothing', async () => {
    const h = createHarness('2026-12-28T01:00:00Z', { calendar: ONLY_2026 });
    // The report's running deadline (7 working days) would end in 2027.
    await expect(h.send('grid-g1', reportCommand('H-Y'))).rejects.toMatchObject({ code: 'CALENDAR_NOT_COVERED' });
    expect(h.store.unsafeLog).toEqual([]);
    await h.ok('grid-g1', reportCommand('H-Y', { deadline: { days: 7 } }));
    await h.ok('grid-g1', { type: 'escalate', hazardId: 'H-Y', reason: { 'zh-CN': '理由', en: 'reason' } });
    await h.ok('officer-gas-d1', { type: 'file_case', hazardId: 'H-Y', coOfficerId: 'officer2-gas-d1' });
    // The notice on Tue Dec 29: its 3rd working day would be in 2027.
    h.clock.set('2026-12-29T02:00:00Z');
    const before = h.store.unsafeLog.length;
    const penalty = { article: 'work-safety-law-2021/102', kind: 'fine' as const, fineAmount: 1000 };
    await expect(h.send('officer-gas-d1', { type: 'notify_penalty', hazardId: 'H-Y', penalty, coOfficerId: 'officer2-gas-d1' })).rejects.toMatchObject({
      code: 'CALENDAR_NOT_COVERED',
      message: expect.stringContaining('2027'),
    });
    expect(h.store.unsafeLog.length).toBe(before);
    expect(await h.store.readDocuments('H-Y')).toEqual([]);
  });

  it('an inspection whose hazards include one with a deadline into 2027 reports none of them (not the first and then a throw)', async () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
    const loaded = await loadPackFromPath(join(root, 'checklists/gas'));
    if (!loaded.ok) throw new Error('checklists/gas does not load');
    const gas = compilePack(loaded.pack);
    const { inspectedAt: _at, ...example } = parse(readFileSync(join(root, 'examples/inspections/gas-basement-hotpot-lpg.yaml'), 'utf8')) as Inspection & { inspectedAt?: string };
    // Its hazards: simple ones (immediate), general ones (10 working days), major ones (30 days) — in the pack's order.
    const policies = gas.evaluate(example as Inspection).hazards.map((f) => JSON.stringify(f.deadline));
    expect(policies[0]).not.toContain('workingDays');
    expect(policies.some((p) => p.includes('workingDays'))).toBe(true);
    const h = createHarness('2026-12-28T02:00:00Z', { calendar: ONLY_2026, stage: false });
    h.deps.packs = new Map([[gas.pack.id, gas]]);
    await expect(reportInspection(h.deps, { inspection: example as Inspection, packId: 'gas', enterpriseId: 'E1', key: 'visit-dec' }, 'grid-g1')).rejects.toMatchObject({
      code: 'CALENDAR_NOT_COVERED',
    });
    expect(h.store.unsafeLog).toEqual([]);
  });
});
