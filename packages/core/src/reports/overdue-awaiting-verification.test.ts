import { describe, expect, it } from 'vitest';
import { createHarness } from '../chain/chain-harness.test-util.js';
import { evidence, reportCommand } from '../testing/chain-fixtures.js';
import { hazardReportFact, overdueAt } from '../ports/report-read-model.js';
import type { ChainEvent } from '../chain/types.js';

// 逾期未整改 counts what the enterprise owes. A rectification submitted before its deadline and
// waiting for the inspector's verification is the inspector's to review, not the enterprise's
// overdue; a rejection hands it back, overdue from then if its deadline has passed.
describe('overdue in the reports: submitted and awaiting verification is not the enterprise’s overdue', () => {
  it('submitted on time, verified after the deadline: never overdue, closed on time; rejected after the deadline: overdue from the rejection', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    const id = 'H-AWAIT';
    await h.ok('grid-g1', reportCommand(id));
    const [notice] = await h.ok('grid-g1', { type: 'issue_notice', hazardId: id });
    const deadline = (notice as ChainEvent<'notice_issued'>).data.deadline;
    h.clock.set('2026-11-04T02:00:00Z');
    const photos = [...evidence('a', 'photo_before', 1), ...evidence('a', 'photo_after', 2, '2026-11-04T01:00:00Z')];
    await h.ok('owner-e1', { type: 'submit_rectification', hazardId: id, evidence: photos });
    // The inspector is late: two weeks after the deadline the rectification still waits for him.
    const later = new Date(Date.parse(deadline) + 14 * 86_400_000).toISOString();
    h.clock.set(later);
    const waiting = hazardReportFact((await h.store.load(id)) as ChainEvent[]);
    expect(waiting.overdue).toEqual([]);
    expect(overdueAt(waiting, later)).toBeNull();

    // He rejects it: the enterprise owes it again and its deadline has passed — overdue from the rejection.
    const [rejected] = await h.ok('grid-g1', { type: 'reject', hazardId: id, reason: { 'zh-CN': '报警器未联动切断阀', en: 'the alarm does not close the valve' } });
    h.clock.advance(86_400_000);
    const handedBack = hazardReportFact((await h.store.load(id)) as ChainEvent[]);
    expect(handedBack.overdue).toEqual([{ since: rejected!.recordedAt, until: null, deadline }]);
    expect(overdueAt(handedBack, h.clock.now().toISOString())).not.toBeNull();
  });

  it('verified after the deadline (submitted in time) closes on time', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    const id = 'H-AWAIT-2';
    await h.ok('grid-g1', reportCommand(id));
    const [notice] = await h.ok('grid-g1', { type: 'issue_notice', hazardId: id });
    const deadline = (notice as ChainEvent<'notice_issued'>).data.deadline;
    h.clock.set('2026-11-04T02:00:00Z');
    await h.ok('owner-e1', { type: 'submit_rectification', hazardId: id, evidence: [...evidence('b', 'photo_before', 1), ...evidence('b', 'photo_after', 2, '2026-11-04T01:00:00Z')] });
    h.clock.set(new Date(Date.parse(deadline) + 3 * 86_400_000).toISOString());
    await h.ok('grid-g1', { type: 'verify', hazardId: id });
    await h.ok('grid-g1', { type: 'close', hazardId: id });
    const fact = hazardReportFact((await h.store.load(id)) as ChainEvent[]);
    expect(fact).toMatchObject({ onTime: true, overdue: [] });
  });
});
