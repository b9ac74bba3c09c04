import { describe, expect, it } from 'vitest';
import { createHarness } from './chain-harness.test-util.js';
import { dueDate } from './due-date.js';
import { TEST_CALENDAR_2026, reportCommand } from '../testing/chain-fixtures.js';

describe('dueDate', () => {
  it('a reported hazard is due by the pack policy counted from the report; the notice, an extension and a plan then set it; closed has none', async () => {
    // Tue 2026-11-03 09:30 in China; 7 working days → Thu 2026-11-12, end of day.
    const h = createHarness('2026-11-03T01:30:00Z');
    await h.ok('grid-g1', reportCommand('H1', { deadline: { workingDays: 7 } }));
    const due = async () => dueDate(await h.state('H1'), (await h.store.load('H1')) ?? [], TEST_CALENDAR_2026);
    expect(await due()).toEqual({ deadline: '2026-11-12T15:59:59.999Z', source: 'report' });

    h.clock.advance(86_400_000);
    await h.ok('grid-g1', { type: 'issue_notice', hazardId: 'H1' });
    const notice = await due();
    expect(notice.source).toBe('notice');
    expect(notice.deadline).toBe((await h.state('H1')).deadline);

    await h.ok('owner-e1', { type: 'request_extension', hazardId: 'H1', extension: { days: 5 }, reason: { 'zh-CN': '等配件' } });
    expect((await due()).source).toBe('notice');
    await h.ok('grid-g1', { type: 'grant_extension', hazardId: 'H1' });
    expect(await due()).toEqual({ deadline: (await h.state('H1')).deadline, source: 'extension' });
  });

  it('a major hazard: due by the pack policy counted from the report while the case is filed', async () => {
    const h = createHarness('2026-11-03T01:30:00Z');
    await h.ok('officer-gas-d1', reportCommand('M1', { level: 'major', source: 'enforcement', deadline: { days: 30 } }));
    await h.ok('officer2-gas-d1', { type: 'file_case', hazardId: 'M1', coOfficerId: 'officer-gas-d1' });
    expect(await dueDate(await h.state('M1'), (await h.store.load('M1')) ?? [], TEST_CALENDAR_2026)).toEqual({ deadline: '2026-12-03T15:59:59.999Z', source: 'report' });
  });
});
