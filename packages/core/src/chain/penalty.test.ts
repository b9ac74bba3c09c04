// The administrative penalty of a filed case: notice (告知) → statement (陈述申辩) or the
// period running out → decision (决定), on real hazards through handleCommand and the memory store.
import { describe, expect, it } from 'vitest';
import { createHarness } from './chain-harness.test-util.js';
import { computeDeadline } from './compute-deadline.js';
import { parseCommand } from './parse-command.js';
import { reportCommand, TEST_CALENDAR_2026 } from '../testing/chain-fixtures.js';
import type { ChainEvent } from './types.js';
import { hearingRequestRefusal, penaltyStepRefusal } from './penalty-step.js';
import { PENALTY_NOTICE_KIND, penaltyReplyPeriod } from './penalty-service.js';
import { publicNoticeServedAt } from './deemed-service.js';
import { decisionBounds, PENALTY_ARTICLES, penaltyHeavier, penaltyProblem, type Penalty } from './penalty-articles.js';
import { REJECTION_MESSAGES } from './rejection-messages.js';

const why = { 'zh-CN': '理由', en: 'reason' };
const co = { coOfficerId: 'officer2-gas-d1' };
const fine = (fineAmount: number) => ({ article: 'work-safety-law-2021/102', kind: 'fine' as const, fineAmount });
const DAY = 86_400_000;

/** The current notice's reply period as the server computes it (from its service, in the test calendar's working days). */
async function periodOf(h: ReturnType<typeof createHarness>, id: string) {
  const p = (await h.state(id)).penalty;
  return p ? penaltyReplyPeriod(p, await h.served(id), TEST_CALENDAR_2026) : null;
}

/** A general hazard a grid inspector reported and escalated, on which two officers filed a case. */
async function caseFiled(id = 'H-P', serveNotices = true) {
  const h = createHarness('2026-11-02T01:00:00Z', { serveNotices });
  await h.ok('grid-g1', reportCommand(id, { level: 'general' }));
  await h.ok('grid-g1', { type: 'escalate', hazardId: id, reason: why });
  await h.ok('officer-gas-d1', { type: 'file_case', hazardId: id, ...co });
  return { h, id };
}

describe('penalty notice (行政处罚告知)', () => {
  it('needs a filed case, two officers of the jurisdiction, an article of the law table and a fine inside its range', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    await h.ok('grid-g1', reportCommand('H-N', { level: 'general' }));
    await h.refused('officer-gas-d1', { type: 'notify_penalty', hazardId: 'H-N', penalty: fine(1000), ...co }, 'INVALID_TRANSITION');
    await h.ok('grid-g1', { type: 'issue_notice', hazardId: 'H-N' });
    const noCase = await h.send('officer-gas-d1', { type: 'notify_penalty', hazardId: 'H-N', penalty: fine(1000), ...co });
    expect('rejection' in noCase && noCase.rejection.message['zh-CN']).toContain('尚未立案');

    const { h: c, id } = await caseFiled();
    await c.refused('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(1000) }, 'SEPARATION_OF_DUTIES');
    await c.refused('owner-e1', { type: 'notify_penalty', hazardId: id, penalty: fine(1000), ...co }, 'FORBIDDEN');
    await c.refused('officer-gas-d2', { type: 'notify_penalty', hazardId: id, penalty: fine(1000), coOfficerId: 'officer-gas-d1' }, 'FORBIDDEN');
    const over = await c.send('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(50_001), ...co });
    expect('rejection' in over && [over.rejection.code, over.rejection.message.en]).toEqual([
      'INVALID_COMMAND',
      'the command is invalid: /penalty/fineAmount: under Work Safety Law of the PRC (2021), Art. 102 the fine must be between 1 and 50000 yuan',
    ]);
    const noAmount = await c.send('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: { article: 'work-safety-law-2021/102', kind: 'fine' }, ...co });
    expect('rejection' in noAmount && noAmount.rejection.message['zh-CN']).toContain('/penalty/fineAmount');
    const wrongKind = await c.send('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: { article: 'work-safety-law-2021/102', kind: 'suspend_production' }, ...co });
    expect('rejection' in wrongKind && wrongKind.rejection.message['zh-CN']).toContain('/penalty/kind');
    expect(c.store.unsafeLog.filter((e) => e.hazardId === id).map((e) => e.type)).toEqual(['reported', 'escalated', 'case_filed']);
  });

  it('an untrusted body cannot name its own reply deadline or an article outside the table', () => {
    const ids = { hazardId: 'H-P', commandId: 'k-1' };
    // (A body never names the second officer either: he is derived from his co-sign code.)
    const withDeadline = parseCommand({ type: 'notify_penalty', penalty: fine(1000), statementDeadline: '2027-01-01T00:00:00Z' }, ids);
    expect(withDeadline.ok ? [] : withDeadline.issues.map((i) => i.pointer)).toEqual(['/statementDeadline']);
    const unknown = parseCommand({ type: 'notify_penalty', penalty: { article: 'made-up/1', kind: 'fine', fineAmount: 1 } }, ids);
    expect(unknown.ok ? [] : unknown.issues.map((i) => [i.code, i.pointer])).toEqual([['NOT_ALLOWED_VALUE', '/penalty/article']]);
  });

  it('records the two officers and the reply period computed from the trusted time; no hearing right for a small fine', async () => {
    const { h, id } = await caseFiled();
    const [event] = (await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(20_000), ...co })) as ChainEvent<'penalty_notified'>[];
    expect(event?.data).toEqual({
      penalty: fine(20_000),
      statementDeadline: computeDeadline({ days: 3 }, h.clock.now(), TEST_CALENDAR_2026).toISOString(),
      hearingRight: false,
      officers: [
        { id: 'officer-gas-d1', certificateNo: expect.any(String) },
        { id: 'officer2-gas-d1', certificateNo: expect.any(String) },
      ],
    });
    expect((await h.state(id)).status).toBe('case_filed');
  });
});

describe('statement (陈述申辩) and decision (行政处罚决定)', () => {
  it('no decision before the period ends unless the party was heard; never heavier than the notice; once', async () => {
    const { h, id } = await caseFiled();
    await h.refused('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(20_000), ...co }, 'INVALID_TRANSITION');
    await h.refused('owner-e1', { type: 'record_statement', hazardId: id, statement: why, hearingRequested: false }, 'INVALID_TRANSITION');
    await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(20_000), ...co });
    await h.refused('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(20_000), ...co }, 'NOT_DUE');
    // A small fine carries no hearing right: asking for one is refused at its pointer.
    const hearing = await h.send('owner-e1', { type: 'record_statement', hazardId: id, statement: why, hearingRequested: true });
    expect('rejection' in hearing && hearing.rejection.message.en).toContain('/hearingRequested');
    await h.refused('owner-e2', { type: 'record_statement', hazardId: id, statement: why, hearingRequested: false }, 'FORBIDDEN');
    await h.ok('owner-e1', { type: 'record_statement', hazardId: id, statement: { 'zh-CN': '已于次日更换软管，请求从轻处罚' }, hearingRequested: false });
    await h.refused('owner-e1', { type: 'record_statement', hazardId: id, statement: why, hearingRequested: false }, 'INVALID_TRANSITION');
    const heavier = await h.send('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(20_001), ...co });
    expect('rejection' in heavier && heavier.rejection.message['zh-CN']).toContain('第四十五条');
    await h.refused('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: { article: 'work-safety-law-2021/101', kind: 'fine', fineAmount: 1000 }, ...co }, 'INVALID_COMMAND');
    await h.refused('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(15_000) }, 'SEPARATION_OF_DUTIES');
    const [decided] = await h.ok('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(15_000), ...co });
    expect(decided?.data).toMatchObject({ penalty: fine(15_000), statementHeard: true });
    expect((await h.state(id)).penalty).toMatchObject({ notified: fine(20_000), decided: fine(15_000), statement: { hearingRequested: false } });
    await h.refused('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(15_000), ...co }, 'INVALID_TRANSITION');
    await h.refused('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(10_000), ...co }, 'INVALID_TRANSITION');
  });

  it('a large fine carries the hearing right: the decision waits for the hearing period, and a requested hearing stops it', async () => {
    const { h, id } = await caseFiled();
    const [notice] = (await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(50_000), ...co })) as ChainEvent<'penalty_notified'>[];
    expect(notice?.data).toMatchObject({ hearingRight: true, hearingDeadline: computeDeadline({ workingDays: 5 }, h.clock.now(), TEST_CALENDAR_2026).toISOString() });
    h.clock.set(new Date(Date.parse(notice!.data.statementDeadline) + 1).toISOString());
    await h.refused('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(50_000), ...co }, 'NOT_DUE');
    h.clock.set(new Date(Date.parse(notice!.data.hearingDeadline!) + 1).toISOString());
    const [decided] = await h.ok('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(50_000), ...co });
    expect(decided?.data).toMatchObject({ statementHeard: false });

    const { h: h2, id: id2 } = await caseFiled('H-Q');
    await h2.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id2, penalty: { article: 'work-safety-law-2021/102-refusal', kind: 'suspend_production' }, ...co });
    await h2.ok('officer-gas-d1', { type: 'record_statement', hazardId: id2, statement: { 'zh-CN': '当事人口头要求听证' }, hearingRequested: true });
    h2.clock.advance(30 * DAY);
    const suspend = { article: 'work-safety-law-2021/102-refusal', kind: 'suspend_production' as const };
    const pending = await h2.send('officer-gas-d1', { type: 'decide_penalty', hazardId: id2, penalty: suspend, ...co });
    expect('rejection' in pending && [pending.rejection.code, pending.rejection.message['zh-CN'].includes('听证')]).toEqual(['NOT_DUE', true]);
    // The hearing is presided by an officer who investigated nothing of the case (《行政处罚法》第六十四条).
    await h2.refused('officer2-gas-d1', { type: 'record_hearing', hazardId: id2, report: why }, 'SEPARATION_OF_DUTIES');
    await h2.refused('owner-e1', { type: 'record_hearing', hazardId: id2, report: why }, 'FORBIDDEN');
    await h2.ok('officer3-gas-d1', { type: 'record_hearing', hazardId: id2, report: { 'zh-CN': '听证会于11月10日举行，当事人陈述了整改情况' } });
    await h2.refused('officer3-gas-d1', { type: 'record_hearing', hazardId: id2, report: why }, 'INVALID_TRANSITION');
    expect((await h2.state(id2)).penalty).toMatchObject({ notifiedBy: ['officer-gas-d1', 'officer2-gas-d1'], hearing: { presidedBy: 'officer3-gas-d1' } });
    await h2.ok('officer-gas-d1', { type: 'decide_penalty', hazardId: id2, penalty: suspend, ...co });
  });

  it('a hearing is asked for within five working days of the notice; none is recorded when none was asked', async () => {
    const { h, id } = await caseFiled();
    await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(50_000), ...co });
    await h.refused('officer3-gas-d1', { type: 'record_hearing', hazardId: id, report: why }, 'INVALID_TRANSITION');
    h.clock.advance(10 * DAY);
    const late = await h.send('owner-e1', { type: 'record_statement', hazardId: id, statement: why, hearingRequested: true });
    expect('rejection' in late && [late.rejection.code, late.rejection.message['zh-CN'].includes('五个工作日内')]).toEqual(['INVALID_COMMAND', true]);
    // Nor a statement without one: the reply period (the hearing's five days) has run.
    await h.refused('owner-e1', { type: 'record_statement', hazardId: id, statement: why, hearingRequested: false }, 'INVALID_TRANSITION');
    await h.refused('officer3-gas-d1', { type: 'record_hearing', hazardId: id, report: why }, 'INVALID_TRANSITION');
  });
});

describe('times in the refusals (read in China time, both languages)', () => {
  /** `2026-11-05 23:59:59` for an instant, in UTC+8, computed here without core's formatter. */
  const beijing = (iso: string) => {
    const local = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
    const seconds = local.slice(17, 19);
    return `${local.slice(0, 10)} ${local.slice(11, 16)}${seconds === '00' ? '' : `:${seconds}`}`;
  };

  it('NOT_DUE names the end of the reply period as a Beijing date-time, never the raw ISO instant', async () => {
    const { h, id } = await caseFiled();
    const [notice] = (await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(20_000), ...co })) as ChainEvent<'penalty_notified'>[];
    const deadline = notice!.data.statementDeadline;
    const r = await h.send('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(20_000), ...co });
    expect('rejection' in r && r.rejection.code).toBe('NOT_DUE');
    const message = 'rejection' in r ? r.rejection.message : { 'zh-CN': '', en: '' };
    expect(message['zh-CN']).toContain(`陈述、申辩期限至 ${beijing(deadline)}（北京时间）届满`);
    expect(message.en).toContain(`runs until ${beijing(deadline)} (China time)`);
    for (const text of [message['zh-CN'], message.en]) expect(text).not.toContain(deadline);
    // The same words where a page reads them.
    const step = penaltyStepRefusal(await h.state(id), 'decide_penalty', h.clock.now(), 'officer-gas-d1', false, await periodOf(h, id));
    expect(step?.detail['zh-CN']).toContain(`${beijing(deadline)}（北京时间）`);
  });

  it('a hearing asked late names the end of the hearing period as a Beijing date-time', async () => {
    const { h, id } = await caseFiled();
    const [notice] = (await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(50_000), ...co })) as ChainEvent<'penalty_notified'>[];
    const deadline = notice!.data.hearingDeadline!;
    h.clock.advance(10 * DAY);
    const r = await h.send('owner-e1', { type: 'record_statement', hazardId: id, statement: why, hearingRequested: true });
    const message = 'rejection' in r ? r.rejection.message : { 'zh-CN': '', en: '' };
    expect(message['zh-CN']).toContain(`期限已于 ${beijing(deadline)}（北京时间）届满`);
    expect(message.en).toContain(`the period ended ${beijing(deadline)} (China time)`);
    for (const text of [message['zh-CN'], message.en]) expect(text).not.toContain(deadline);
  });
});

describe('a statement an officer records for the party waives nothing', () => {
  it('neither ends the reply period early nor closes the hearing: the party may still state and ask within the five days', async () => {
    const { h, id } = await caseFiled('H-O');
    await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(50_000), ...co });
    // The notice's officer records "no hearing asked" and tries to decide at once (docs/security.md T40).
    await h.ok('officer-gas-d1', { type: 'record_statement', hazardId: id, statement: { 'zh-CN': '当事人口头表示无异议' }, hearingRequested: false });
    expect((await h.state(id)).penalty?.statement).toMatchObject({ hearingRequested: false, byParty: false });
    const early = await h.send('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(50_000), ...co });
    expect('rejection' in early && early.rejection.code).toBe('NOT_DUE');
    // An officer records once; the party's own statement follows, and asks for the hearing.
    await h.refused('officer3-gas-d1', { type: 'record_statement', hazardId: id, statement: why, hearingRequested: false }, 'INVALID_TRANSITION');
    expect(penaltyStepRefusal(await h.state(id), 'record_statement', h.clock.now(), 'owner-e1', true, await periodOf(h, id))).toBeNull();
    await h.ok('owner-e1', { type: 'record_statement', hazardId: id, statement: { 'zh-CN': '我单位要求听证' }, hearingRequested: true });
    expect((await h.state(id)).penalty?.statement).toMatchObject({ hearingRequested: true, byParty: true });
    await h.refused('owner-e1', { type: 'record_statement', hazardId: id, statement: why, hearingRequested: false }, 'INVALID_TRANSITION');
    const pending = await h.send('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(50_000), ...co });
    expect('rejection' in pending && [pending.rejection.code, pending.rejection.message['zh-CN'].includes('听证')]).toEqual(['NOT_DUE', true]);
  });

  it('after the reply period the officer’s record stands and the decision follows', async () => {
    const { h, id } = await caseFiled('H-O2');
    const [notice] = (await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(20_000), ...co })) as ChainEvent<'penalty_notified'>[];
    await h.ok('officer-gas-d1', { type: 'record_statement', hazardId: id, statement: { 'zh-CN': '当事人口头陈述' }, hearingRequested: false });
    h.clock.set(new Date(Date.parse(notice!.data.statementDeadline) + 1).toISOString());
    const [decided] = await h.ok('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(20_000), ...co });
    expect(decided?.data).toMatchObject({ statementHeard: true });
  });
});

describe('hearingRequestRefusal (whether a statement may still ask for a hearing)', () => {
  it('open within the five days of a notice that carries the right; located at /hearingRequested otherwise, in the chain’s own words', async () => {
    const { h, id } = await caseFiled();
    await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(20_000), ...co });
    const small = (await h.state(id)).penalty!;
    const noRight = hearingRequestRefusal(small, h.clock.now(), await periodOf(h, id));
    expect(noRight?.pointer).toBe('/hearingRequested');
    const refusedNoRight = await h.send('owner-e1', { type: 'record_statement', hazardId: id, statement: why, hearingRequested: true });
    expect('rejection' in refusedNoRight && refusedNoRight.rejection.message['zh-CN']).toBe(`${REJECTION_MESSAGES.INVALID_COMMAND['zh-CN']}：/hearingRequested：${noRight?.['zh-CN']}`);

    await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(50_000), ...co });
    const large = (await h.state(id)).penalty!;
    expect(hearingRequestRefusal(large, h.clock.now(), await periodOf(h, id))).toBeNull();
    expect(hearingRequestRefusal(large, new Date(Date.parse(large.hearingDeadline!)), await periodOf(h, id))).toBeNull();
    const late = new Date(Date.parse(large.hearingDeadline!) + 1);
    const closed = hearingRequestRefusal(large, late, await periodOf(h, id));
    expect(closed?.pointer).toBe('/hearingRequested');
    h.clock.set(late.toISOString());
    const refusedLate = await h.send('owner-e1', { type: 'record_statement', hazardId: id, statement: why, hearingRequested: true });
    expect('rejection' in refusedLate && refusedLate.rejection.message.en).toBe(`${REJECTION_MESSAGES.INVALID_COMMAND.en}: /hearingRequested: ${closed?.en}`);
    // Without asking for one, the late statement is refused too: the reply period ended with the five days.
    await h.refused('owner-e1', { type: 'record_statement', hazardId: id, statement: why, hearingRequested: false }, 'INVALID_TRANSITION');
  });
});

describe('a statement after the reply period (陈述申辩逾期)', () => {
  it('is refused by the trusted clock, for the party and for an officer recording it, naming the deadline in China time; its last instant is inside', async () => {
    const { h, id } = await caseFiled('H-LATE');
    const [notice] = (await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(20_000), ...co })) as ChainEvent<'penalty_notified'>[];
    const deadline = notice!.data.statementDeadline;
    expect(deadline).toBe('2026-11-05T15:59:59.999Z');
    h.clock.set(new Date(Date.parse(deadline) + 1).toISOString());
    const r = await h.send('owner-e1', { type: 'record_statement', hazardId: id, statement: why, hearingRequested: false });
    expect('rejection' in r && [r.rejection.code, r.rejection.message]).toEqual([
      'INVALID_TRANSITION',
      {
        'zh-CN': expect.stringContaining('陈述、申辩期限已于 2026-11-05 23:59:59（北京时间）届满，不再记录陈述、申辩'),
        en: expect.stringContaining('the period to state and defend ended 2026-11-05 23:59:59 (China time); a statement is no longer recorded'),
      },
    ]);
    await h.refused('officer-gas-d1', { type: 'record_statement', hazardId: id, statement: why, hearingRequested: false }, 'INVALID_TRANSITION');
    expect(penaltyStepRefusal(await h.state(id), 'record_statement', h.clock.now(), 'owner-e1', true, await periodOf(h, id))?.detail.en).toContain('2026-11-05 23:59:59 (China time)');
    // At the deadline's last instant a statement is still in time.
    expect(penaltyStepRefusal(await h.state(id), 'record_statement', new Date(deadline), 'owner-e1', true, await periodOf(h, id))).toBeNull();
    const [decided] = await h.ok('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(20_000), ...co });
    expect(decided?.data).toMatchObject({ statementHeard: false });
  });

  it('its last instant belongs to the party: a decision is refused then and taken one millisecond later', async () => {
    const { h, id } = await caseFiled('H-EDGE');
    const [notice] = (await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(20_000), ...co })) as ChainEvent<'penalty_notified'>[];
    const deadline = notice!.data.statementDeadline;
    h.clock.set(deadline);
    const period = await periodOf(h, id);
    expect(penaltyStepRefusal(await h.state(id), 'record_statement', h.clock.now(), 'owner-e1', true, period)).toBeNull();
    expect(penaltyStepRefusal(await h.state(id), 'decide_penalty', h.clock.now(), 'officer-gas-d1', false, period)?.code).toBe('NOT_DUE');
    await h.refused('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(20_000), ...co }, 'NOT_DUE');
    h.clock.set(new Date(Date.parse(deadline) + 1).toISOString());
    await h.refused('owner-e1', { type: 'record_statement', hazardId: id, statement: why, hearingRequested: false }, 'INVALID_TRANSITION');
    const [decided] = await h.ok('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(20_000), ...co });
    expect(decided?.data).toMatchObject({ statementHeard: false });
  });

  it('with the hearing right the period is the hearing’s five days: a statement on the fourth day is recorded', async () => {
    const { h, id } = await caseFiled('H-LATE5');
    const [notice] = (await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(50_000), ...co })) as ChainEvent<'penalty_notified'>[];
    h.clock.set(new Date(Date.parse(notice!.data.statementDeadline) + 1).toISOString());
    await h.ok('owner-e1', { type: 'record_statement', hazardId: id, statement: why, hearingRequested: false });
  });
});

describe('withdraw_hearing (the party withdraws its hearing request before the hearing)', () => {
  const withdraw = { type: 'withdraw_hearing' as const, reason: { 'zh-CN': '当事人书面撤回听证申请' } };

  /** A case whose notice carried the hearing right and whose party asked for a hearing. */
  async function hearingAsked(hid = 'H-W') {
    const { h, id } = await caseFiled(hid);
    await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(50_000), ...co });
    await h.ok('owner-e1', { type: 'record_statement', hazardId: id, statement: why, hearingRequested: true });
    return { h, id };
  }

  it('the party withdraws, and no one else; the case is then decided without a hearing record', async () => {
    const { h, id } = await hearingAsked();
    await h.refused('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(50_000), ...co }, 'NOT_DUE');
    await h.refused('owner-e2', { ...withdraw, hazardId: id }, 'FORBIDDEN');
    await h.refused('grid-g1', { ...withdraw, hazardId: id }, 'FORBIDDEN');
    // Waiving the hearing is the party's alone (《行政处罚法》第六十三、六十四条): no officer withdraws it, not even of the notice.
    await h.refused('officer-gas-d1', { ...withdraw, hazardId: id }, 'FORBIDDEN');
    await h.refused('officer3-gas-d1', { ...withdraw, hazardId: id }, 'FORBIDDEN');
    await h.refused('owner-e1', { type: 'withdraw_hearing', hazardId: id, reason: { 'zh-CN': '  ' } }, 'REASON_REQUIRED');
    const [event] = await h.ok('owner-e1', { ...withdraw, hazardId: id });
    expect([event?.type, event?.data]).toEqual(['hearing_withdrawn', { reason: withdraw.reason }]);
    expect((await h.state(id)).penalty).toMatchObject({ statement: { hearingRequested: true }, hearing: null, hearingWithdrawn: { recordedAt: event!.recordedAt } });
    await h.refused('owner-e1', { ...withdraw, hazardId: id }, 'INVALID_TRANSITION');
    // No hearing to hold any more.
    const held = await h.send('officer3-gas-d1', { type: 'record_hearing', hazardId: id, report: why });
    expect('rejection' in held && [held.rejection.code, held.rejection.message['zh-CN'].includes('撤回')]).toEqual(['INVALID_TRANSITION', true]);
    const [decided] = await h.ok('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(40_000), ...co });
    expect(decided?.data).toMatchObject({ statementHeard: true });
  });

  it('only a hearing asked for and not yet held can be withdrawn; nothing after the decision', async () => {
    const { h, id } = await caseFiled('H-X');
    await h.refused('owner-e1', { ...withdraw, hazardId: id }, 'INVALID_TRANSITION');
    await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(50_000), ...co });
    await h.refused('owner-e1', { ...withdraw, hazardId: id }, 'INVALID_TRANSITION');
    await h.ok('owner-e1', { type: 'record_statement', hazardId: id, statement: why, hearingRequested: false });
    const none = await h.send('owner-e1', { ...withdraw, hazardId: id });
    expect('rejection' in none && [none.rejection.code, none.rejection.message['zh-CN'].includes('未要求听证')]).toEqual(['INVALID_TRANSITION', true]);

    const { h: h2, id: id2 } = await hearingAsked('H-Y');
    await h2.ok('officer3-gas-d1', { type: 'record_hearing', hazardId: id2, report: why });
    const after = await h2.send('owner-e1', { ...withdraw, hazardId: id2 });
    expect('rejection' in after && [after.rejection.code, after.rejection.message['zh-CN'].includes('听证已举行')]).toEqual(['INVALID_TRANSITION', true]);
    await h2.ok('officer-gas-d1', { type: 'decide_penalty', hazardId: id2, penalty: fine(50_000), ...co });
    await h2.refused('owner-e1', { ...withdraw, hazardId: id2 }, 'INVALID_TRANSITION');
    expect(h2.store.unsafeLog.filter((e) => e.hazardId === id2 && e.type === 'hearing_withdrawn')).toEqual([]);
  });

  it('a body carries only the reason: another field is refused at its pointer', () => {
    const parsed = parseCommand({ type: 'withdraw_hearing', reason: why, hearingHeld: false }, { hazardId: 'H-W', commandId: 'k-w' });
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.pointer)).toEqual(['/hearingHeld']);
    const missing = parseCommand({ type: 'withdraw_hearing' }, { hazardId: 'H-W', commandId: 'k-w2' });
    expect(missing.ok ? [] : missing.issues.map((i) => i.pointer)).toEqual(['/reason']);
  });
});

describe('decisionBounds (what a decision may impose after a notice)', () => {
  it('offers exactly the penalties the chain accepts: the article’s kinds no heavier than the notice’s, a fine up to the notice’s', () => {
    for (const article of Object.values(PENALTY_ARTICLES)) {
      for (const kind of article.kinds) {
        const amounts = article.fine ? [article.fine.min, Math.floor((article.fine.min + article.fine.max) / 2), article.fine.max] : [undefined];
        for (const fineAmount of amounts) {
          const notified: Penalty = { article: article.id, kind, ...(fineAmount === undefined ? {} : { fineAmount }) };
          const bounds = decisionBounds(notified);
          expect(bounds.article).toBe(article.id);
          for (const k of article.kinds) {
            const candidates = article.fine ? [article.fine.min, fineAmount ?? article.fine.min, (fineAmount ?? article.fine.min) + 1, article.fine.max] : [undefined];
            for (const amount of candidates) {
              const decided: Penalty = { article: article.id, kind: k, ...(amount === undefined ? {} : { fineAmount: amount }) };
              const accepted = penaltyProblem(decided) === null && !penaltyHeavier(decided, notified);
              const range = bounds.fines[k];
              const offered = bounds.kinds.includes(k) && (amount === undefined ? range === undefined : range !== undefined && amount >= range.min && amount <= range.max);
              expect(offered, `${article.id} ${k} ${String(amount)} after ${String(fineAmount)}`).toBe(accepted);
            }
          }
        }
      }
    }
    expect(decisionBounds(fine(30_000))).toEqual({ article: 'work-safety-law-2021/102', kinds: ['fine'], fines: { fine: { min: 1, max: 30_000 } } });
  });
});

describe('penaltyStepRefusal (what a page reads to offer the next step)', () => {
  it('refuses exactly where the chain refuses on the state, with the same code and words, at every step of a run', async () => {
    const { h, id } = await caseFiled();
    const suspend = { article: 'work-safety-law-2021/102-refusal', kind: 'suspend_production' as const };
    const probes = [
      ['officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: suspend, ...co }],
      ['owner-e1', { type: 'record_statement', hazardId: id, statement: why, hearingRequested: false }],
      ['officer-gas-d1', { type: 'record_hearing', hazardId: id, report: why }],
      ['officer3-gas-d1', { type: 'record_hearing', hazardId: id, report: why }],
      ['owner-e1', { type: 'withdraw_hearing', hazardId: id, reason: why }],
      ['officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: suspend, ...co }],
    ] as const;
    const seen: string[] = [];
    const compare = async () => {
      const state = await h.state(id);
      for (const [actor, command] of probes) {
        const step = penaltyStepRefusal(state, command.type, h.clock.now(), actor, actor.startsWith('owner-'), await periodOf(h, id));
        seen.push(`${command.type}:${step?.code ?? 'open'}`);
        // An open step is taken below (h.ok); a refused one is sent: the chain refuses it with the same code and words, recording nothing.
        if (!step) continue;
        const r = await h.send(actor, command);
        expect('rejection' in r ? [r.rejection.code, r.rejection.message['zh-CN']] : 'recorded', `${command.type} by ${actor}`).toEqual([
          step.code,
          `${REJECTION_MESSAGES[step.code]['zh-CN']}：${step.detail['zh-CN']}`,
        ]);
      }
    };
    await compare();
    await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: suspend, ...co });
    await compare();
    await h.ok('owner-e1', { type: 'record_statement', hazardId: id, statement: why, hearingRequested: true });
    await compare();
    await h.ok('officer3-gas-d1', { type: 'record_hearing', hazardId: id, report: why });
    await compare();
    await h.ok('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: suspend, ...co });
    await compare();
    for (const code of ['NOT_DUE', 'SEPARATION_OF_DUTIES', 'INVALID_TRANSITION', 'open'])
      expect(
        seen.some((s) => s.endsWith(`:${code}`)),
        code,
      ).toBe(true);
  });
});

describe('the reply period runs from the service of the notice (送达), not from its record', () => {
  const notServed = '行政处罚告知书尚未登记送达';
  it('a notice never served holds the decision, however long ago it was recorded, and says what is missing in both languages', async () => {
    const { h, id } = await caseFiled('H-S0', false);
    await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(20_000), ...co });
    // The party may state before the service is recorded (the period has not begun, so it has not ended).
    await h.ok('owner-e1', { type: 'record_statement', hazardId: id, statement: why, hearingRequested: false });
    h.clock.advance(30 * DAY);
    const r = await h.send('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(20_000), ...co });
    expect('rejection' in r && [r.rejection.code, r.rejection.message['zh-CN'].includes(notServed), r.rejection.message.en.includes('not recorded as served')]).toEqual(['NOT_DUE', true, true]);
    expect(penaltyStepRefusal(await h.state(id), 'decide_penalty', h.clock.now(), 'officer-gas-d1', false, await periodOf(h, id))?.detail['zh-CN']).toContain(notServed);
    // Served (recorded now, served now): the party stated, so the decision follows.
    await h.serveNotice(id, h.clock.now().toISOString());
    await h.ok('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(20_000), ...co });
  });

  it('served two days late: the statement is taken and the decision waits until three working days after service, in China time', async () => {
    const { h, id } = await caseFiled('H-S1', false);
    await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(20_000), ...co }); // Mon 2026-11-02 09:00 China time
    // Recorded on the 6th, what the officer observed: handed over on Wed the 4th at 10:00 (backdated, after the issue).
    h.clock.set('2026-11-06T02:00:00Z');
    await h.serveNotice(id, '2026-11-04T10:00:00+08:00');
    const period = await periodOf(h, id);
    // Three working days from Wednesday: Thu 5, Fri 6, Mon 9 (the weekend does not count).
    expect(period).toEqual({ servedAt: '2026-11-04T02:00:00.000Z', deemed: null, statementDeadline: '2026-11-09T15:59:59.999Z', hearingDeadline: null });
    // The same count as the notice's recorded deadline, from the service instead of the record.
    expect(period?.statementDeadline).toBe(computeDeadline({ workingDays: 3 }, new Date('2026-11-04T02:00:00Z'), TEST_CALENDAR_2026).toISOString());
    const early = await h.send('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(20_000), ...co });
    expect('rejection' in early && [early.rejection.code, early.rejection.message['zh-CN']]).toEqual(['NOT_DUE', expect.stringContaining('2026-11-09 23:59:59（北京时间）')]);
    // Past the end counted from the record (the 5th), inside the one counted from service: an officer's record is taken.
    await h.ok('officer-gas-d1', { type: 'record_statement', hazardId: id, statement: { 'zh-CN': '当事人口头陈述' }, hearingRequested: false });
    h.clock.set('2026-11-09T15:59:00Z');
    await h.refused('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(20_000), ...co }, 'NOT_DUE');
    h.clock.set('2026-11-09T16:00:00.000Z');
    const late = await h.send('owner-e1', { type: 'record_statement', hazardId: id, statement: why, hearingRequested: false });
    expect('rejection' in late && late.rejection.message['zh-CN']).toContain('2026-11-09 23:59:59（北京时间）届满');
    const [decided] = await h.ok('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(20_000), ...co });
    expect(decided?.data).toMatchObject({ statementHeard: true });
  });

  it('the hearing request runs five working days from service; a new notice needs its own service', async () => {
    const { h, id } = await caseFiled('H-S2', false);
    await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(20_000), ...co });
    await h.serveNotice(id, h.clock.now().toISOString());
    // Notified again (heavier: the hearing right), served three days later: the first notice's service does not count.
    await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(50_000), ...co });
    h.clock.advance(10 * DAY);
    await h.refused('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(50_000), ...co }, 'NOT_DUE');
    // Served Thu 2026-11-05: five working days are Fri 6, Mon 9, Tue 10, Wed 11, Thu 12.
    await h.serveNotice(id, '2026-11-05T01:00:00Z');
    // 2026-11-12 09:00 China time: the five days from the record (the 9th) have run, those from service not yet.
    expect(hearingRequestRefusal((await h.state(id)).penalty!, h.clock.now(), await periodOf(h, id))).toBeNull();
    expect(hearingRequestRefusal((await h.state(id)).penalty!, new Date('2026-11-12T16:00:00Z'), await periodOf(h, id))?.['zh-CN']).toContain('2026-11-12 23:59:59（北京时间）');
    h.clock.set('2026-11-12T15:59:59.999Z');
    await h.ok('owner-e1', { type: 'record_statement', hazardId: id, statement: why, hearingRequested: true });
    expect((await h.state(id)).penalty?.statement).toMatchObject({ hearingRequested: true, byParty: true });
  });
});

describe('the reply days are working days (《行政处罚法》第八十五条), of the host calendar, in China time', () => {
  // TEST_CALENDAR_2026: the National Day holiday Thu Oct 1 – Thu Oct 8, Sat Oct 10 a make-up working day.
  async function servedBeforeHoliday(id: string) {
    const h = createHarness('2026-09-24T01:00:00Z', { serveNotices: false });
    await h.ok('grid-g1', reportCommand(id, { level: 'general' }));
    await h.ok('grid-g1', { type: 'escalate', hazardId: id, reason: why });
    await h.ok('officer-gas-d1', { type: 'file_case', hazardId: id, ...co });
    await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(50_000), ...co });
    // Served on Friday 2026-09-25 at 10:00 China time, the Friday before the holiday week.
    h.clock.set('2026-09-25T02:00:00Z');
    await h.serveNotice(id, '2026-09-25T10:00:00+08:00');
    return h;
  }

  it('a notice served on the Friday before the National Day holiday: three working days to state, five to ask for a hearing, ending on the make-up Saturday', async () => {
    const h = await servedBeforeHoliday('H-WD1');
    // Statement: Mon 28, Tue 29, Wed 30. Hearing: then Fri Oct 9 and Sat Oct 10 (the holiday does not count).
    expect(await periodOf(h, 'H-WD1')).toEqual({ servedAt: '2026-09-25T02:00:00.000Z', deemed: null, statementDeadline: '2026-09-30T15:59:59.999Z', hearingDeadline: '2026-10-10T15:59:59.999Z' });
    // The decision is not due until the fifth working day has ended, named in China time.
    h.clock.set('2026-10-09T02:00:00Z'); // fourteen calendar days after service
    const early = await h.send('officer-gas-d1', { type: 'decide_penalty', hazardId: 'H-WD1', penalty: fine(50_000), ...co });
    expect('rejection' in early && [early.rejection.code, early.rejection.message['zh-CN']]).toEqual(['NOT_DUE', expect.stringContaining('2026-10-10 23:59:59（北京时间）届满')]);
    h.clock.set('2026-10-10T15:59:00Z');
    await h.refused('officer-gas-d1', { type: 'decide_penalty', hazardId: 'H-WD1', penalty: fine(50_000), ...co }, 'NOT_DUE');
    // A hearing asked for on Oct 9 (past the fifth calendar day, inside the fifth working day) is taken.
    h.clock.set('2026-10-09T02:00:00Z');
    await h.ok('owner-e1', { type: 'record_statement', hazardId: 'H-WD1', statement: why, hearingRequested: true });
    expect((await h.state('H-WD1')).penalty?.statement).toMatchObject({ hearingRequested: true, byParty: true });
  });

  it('after the fifth working day the hearing request is refused at /hearingRequested and the decision follows', async () => {
    const h = await servedBeforeHoliday('H-WD2');
    h.clock.set('2026-10-10T16:00:00.000Z'); // Sun Oct 11 00:00 China time
    const late = await h.send('owner-e1', { type: 'record_statement', hazardId: 'H-WD2', statement: why, hearingRequested: true });
    expect('rejection' in late && [late.rejection.pointer, late.rejection.message['zh-CN']]).toEqual([
      '/hearingRequested',
      expect.stringContaining('五个工作日内提出（《行政处罚法》第六十四条、第八十五条），期限已于 2026-10-10 23:59:59（北京时间）届满'),
    ]);
    const [decided] = await h.ok('officer-gas-d1', { type: 'decide_penalty', hazardId: 'H-WD2', penalty: fine(50_000), ...co });
    expect(decided?.data).toMatchObject({ statementHeard: false });
  });

  it('the notice records its deadlines in working days from its own time (the period were it served at once)', async () => {
    const h = createHarness('2026-09-25T02:00:00Z');
    await h.ok('grid-g1', reportCommand('H-WD3', { level: 'general' }));
    await h.ok('grid-g1', { type: 'escalate', hazardId: 'H-WD3', reason: why });
    await h.ok('officer-gas-d1', { type: 'file_case', hazardId: 'H-WD3', ...co });
    const [notice] = (await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: 'H-WD3', penalty: fine(50_000), ...co })) as ChainEvent<'penalty_notified'>[];
    expect([notice!.data.statementDeadline, notice!.data.hearingDeadline]).toEqual(['2026-09-30T15:59:59.999Z', '2026-10-10T15:59:59.999Z']);
  });
});

describe('a notice served by public notice (公告送达) is deemed served thirty days after publication, derived by the server', () => {
  /** Records the delivery of the hazard's latest 行政处罚告知书 as the service log holds it (`entry` over a direct one). */
  async function serveAs(h: ReturnType<typeof createHarness>, hazardId: string, entry: Record<string, unknown>) {
    const notice = (await h.store.readDocuments(hazardId)).filter((d) => d.kind === PENALTY_NOTICE_KIND).at(-1)!;
    const { jurisdiction, kind, year, seq } = notice;
    const served = { type: 'served' as const, method: 'public_notice' as const, recipient: '某燃气经营部', servedAt: h.clock.now().toISOString(), ...entry };
    await h.documentService.recordService({ jurisdiction, kind, year, seq, hazardId, entry: served, actorId: 'officer-gas-d1', recordedAt: h.clock.now().toISOString() });
  }

  it('publicNoticeServedAt: the end (China time) of the 30th calendar day after the publication day, which is not counted; earlier than 2022 or not a day is refused', () => {
    expect(publicNoticeServedAt('2026-11-02')).toBe('2026-12-02T15:59:59.999Z');
    expect(publicNoticeServedAt('2026-12-15')).toBe('2027-01-14T15:59:59.999Z');
    expect(publicNoticeServedAt('2028-02-01')).toBe('2028-03-02T15:59:59.999Z'); // a leap February: 29 days of it count
    expect(publicNoticeServedAt('2022-01-01')).toBe('2022-01-31T15:59:59.999Z');
    expect(() => publicNoticeServedAt('2021-12-31')).toThrow(RangeError);
    expect(() => publicNoticeServedAt('2026-02-30')).toThrow(RangeError);
    expect(() => publicNoticeServedAt('2026-11-02T00:00:00Z')).toThrow(RangeError);
  });

  it('the periods run from the deemed day: no decision until three working days after it, whatever servedAt the log holds', async () => {
    const { h, id } = await caseFiled('H-PN1', false);
    await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(20_000), ...co }); // Mon 2026-11-02 09:00 China time
    // Published the same day; the log's servedAt copy is the recording instant (a host's or an old writer's): not what counts.
    await serveAs(h, id, { publishedOn: '2026-11-02' });
    const period = await periodOf(h, id);
    // Deemed served Wed 2026-12-02 (thirty days after 11-02); three working days: Thu 3, Fri 4, Mon 7.
    expect(period).toEqual({ servedAt: '2026-12-02T15:59:59.999Z', deemed: { publishedOn: '2026-11-02', days: 30 }, statementDeadline: '2026-12-07T15:59:59.999Z', hearingDeadline: null });
    // Past the three working days a direct service on 11-02 would have given, and past the deemed day: still held.
    h.clock.set('2026-12-05T02:00:00Z');
    const early = await h.send('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(20_000), ...co });
    expect('rejection' in early && [early.rejection.code, early.rejection.message['zh-CN']]).toEqual(['NOT_DUE', expect.stringContaining('2026-12-07 23:59:59（北京时间）届满')]);
    // During the publication the party may still state (its period has not even begun).
    h.clock.set('2026-11-20T02:00:00Z');
    expect(penaltyStepRefusal(await h.state(id), 'record_statement', h.clock.now(), 'owner-e1', true, period)).toBeNull();
    h.clock.set('2026-12-07T15:59:00Z');
    await h.refused('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(20_000), ...co }, 'NOT_DUE');
    h.clock.set('2026-12-07T16:00:00.000Z');
    const [decided] = await h.ok('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: fine(20_000), ...co });
    expect(decided?.data).toMatchObject({ statementHeard: false });
  });

  it('calendar days: a deemed day on a holiday is not carried over, the working days after it are counted', async () => {
    const { h, id } = await caseFiled('H-PN2', false);
    h.clock.set('2026-09-01T01:00:00Z');
    await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(50_000), ...co });
    await serveAs(h, id, { publishedOn: '2026-09-01' });
    // Deemed served Thu 2026-10-01 (National Day); statement: Fri Oct 9, Sat Oct 10 (make-up), Mon Oct 12; hearing: then Tue 13, Wed 14.
    expect(await periodOf(h, id)).toEqual({
      servedAt: '2026-10-01T15:59:59.999Z',
      deemed: { publishedOn: '2026-09-01', days: 30 },
      statementDeadline: '2026-10-12T15:59:59.999Z',
      hearingDeadline: '2026-10-14T15:59:59.999Z',
    });
  });

  it('a public notice recorded before the publication day was (no publishedOn) keeps the servedAt recorded then, not deemed; other methods are never deemed', async () => {
    const { h, id } = await caseFiled('H-PN3', false);
    await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(20_000), ...co });
    await serveAs(h, id, { servedAt: '2026-11-04T02:00:00.000Z' });
    expect(await periodOf(h, id)).toEqual({ servedAt: '2026-11-04T02:00:00.000Z', deemed: null, statementDeadline: '2026-11-09T15:59:59.999Z', hearingDeadline: null });
    expect((await h.served(id))[0]).toMatchObject({ method: 'public_notice', servedAt: '2026-11-04T02:00:00.000Z' });
    // An unreadable publication day serves nothing: the decision stays held (fail closed).
    const { h: h2, id: id2 } = await caseFiled('H-PN4', false);
    await h2.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id2, penalty: fine(20_000), ...co });
    await serveAs(h2, id2, { publishedOn: '2021-12-01' });
    expect(await periodOf(h2, id2)).toBeNull();
    h2.clock.advance(90 * DAY);
    await h2.refused('officer-gas-d1', { type: 'decide_penalty', hazardId: id2, penalty: fine(20_000), ...co }, 'NOT_DUE');
  });
});
