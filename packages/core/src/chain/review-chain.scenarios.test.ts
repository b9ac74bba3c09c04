import { describe, expect, it } from 'vitest';
import { createHarness } from './chain-harness.test-util.js';
import { runTick } from './run-tick.js';
import { verifyChain } from './verify-chain.js';
import { evidence, reportCommand, TEST_OFFICER_3, treatmentPlan } from '../testing/chain-fixtures.js';

const reason = (zh: string, en: string) => ({ 'zh-CN': zh, en });

describe('a day on the platform', () => {
  it('simple: a blocked fire exit is cleared on the spot and closed at once, then spot-checked', async () => {
    const h = createHarness('2026-11-03T01:30:00Z');
    const id = 'H-EXIT-1';
    const events = await h.ok('grid-g1', {
      ...reportCommand(id, {
        title: reason('安全出口被杂物堵塞', 'fire exit blocked by stored goods'),
        level: 'simple',
        deadline: 'immediate',
        domain: 'fire',
        fixedOnSpot: true,
        evidence: [...evidence(id, 'photo_before', 1, '2026-11-03T01:20:00Z'), ...evidence(id, 'photo_after', 1, '2026-11-03T01:28:00Z')],
      }),
    });
    expect(events.map((e) => e.type)).toEqual(['reported', 'closed']);
    expect((await h.state(id)).status).toBe('closed');
    // Without the "after" photo the report is refused and nothing is written.
    await h.refused('grid-g1', reportCommand('H-EXIT-2', { level: 'simple', deadline: 'immediate', domain: 'fire', fixedOnSpot: true }), 'EVIDENCE_INSUFFICIENT');
    // A grid inspector of another grid cannot spot-check it; the fire officer of the district can.
    h.clock.advance(7 * 86_400_000);
    await h.refused('grid-g2', { type: 'spot_check', hazardId: id, result: 'pass' }, 'FORBIDDEN');
    await h.refused('officer-gas-d1', { type: 'spot_check', hazardId: id, result: 'pass' }, 'FORBIDDEN');
    await h.ok('officer-fire-d1', { type: 'spot_check', hazardId: id, result: 'pass' });
    expect((await h.state(id)).status).toBe('closed');
    expect(verifyChain(await h.store.readLog(1, 1000)).ok).toBe(true);
  });

  it('general: a missing gas alarm, 7 working days across National Day, rejected once, verified, closed', async () => {
    // Tue 29 Sep 2026, 10:00 in Beijing.
    const h = createHarness('2026-09-29T02:00:00Z');
    const id = 'H-GAS-ALARM';
    await h.ok('grid-g1', reportCommand(id, { evidence: evidence(id, 'photo_before', 1, '2026-09-29T01:55:00Z') }));
    const [notice] = await h.ok('grid-g1', { type: 'issue_notice', hazardId: id });
    // Sep 30 (1), Oct 1–8 off, Fri Oct 9 (2), Sat Oct 10 make-up day (3), Oct 12–15 (4–7): end of Thu Oct 15, Beijing.
    expect(notice?.type).toBe('notice_issued');
    expect((notice?.data as { deadline: string }).deadline).toBe('2026-10-15T15:59:59.999Z');

    // The enterprise fixes the alarm after the holiday. Photos taken before the notice do not count.
    h.clock.set('2026-10-12T03:00:00Z');
    await h.refused(
      'owner-e1',
      {
        type: 'submit_rectification',
        hazardId: id,
        evidence: [...evidence('old', 'photo_before', 1), ...evidence('old', 'photo_after', 2, '2026-09-28T08:00:00Z')],
      },
      'EVIDENCE_INSUFFICIENT',
    );
    // Another enterprise cannot submit for E1.
    await h.refused(
      'owner-e2',
      { type: 'submit_rectification', hazardId: id, evidence: [...evidence('x', 'photo_before', 1), ...evidence('x', 'photo_after', 2, '2026-10-12T02:00:00Z')] },
      'FORBIDDEN',
    );
    await h.ok('owner-e1', {
      type: 'submit_rectification',
      hazardId: id,
      evidence: [...evidence('r1', 'photo_before', 1), ...evidence('r1', 'photo_after', 2, '2026-10-12T02:30:00Z')],
    });
    // The owner cannot verify its own work; the inspector rejects: the alarm is not wired to the shut-off valve.
    await h.refused('owner-e1', { type: 'verify', hazardId: id }, 'FORBIDDEN');
    h.clock.set('2026-10-13T02:00:00Z');
    await h.refused('grid-g1', { type: 'reject', hazardId: id, reason: { 'zh-CN': '' } }, 'REASON_REQUIRED');
    await h.ok('grid-g1', { type: 'reject', hazardId: id, reason: reason('报警器未与切断阀联动', 'alarm not interlocked with the shut-off valve') });
    expect((await h.state(id)).status).toBe('rectifying');

    h.clock.set('2026-10-14T06:00:00Z');
    await h.ok('owner-e1', {
      type: 'submit_rectification',
      hazardId: id,
      evidence: [...evidence('r2', 'photo_before', 1), ...evidence('r2', 'photo_after', 3, '2026-10-14T05:00:00Z')],
    });
    h.clock.set('2026-10-15T01:00:00Z');
    await h.refused('grid-g2', { type: 'verify', hazardId: id }, 'FORBIDDEN');
    await h.ok('grid-g1', { type: 'verify', hazardId: id, note: reason('现场复查合格', 'checked on site') });
    await h.ok('grid-g1', { type: 'close', hazardId: id });
    const s = await h.state(id);
    expect(s.status).toBe('closed');
    expect(s.rectifierIds).toEqual(['owner-e1']);
    const log = await h.store.readLog(1, 1000);
    expect(log.map((e) => e.type)).toEqual(['reported', 'notice_issued', 'rectification_submitted', 'rejected', 'rectification_submitted', 'verified', 'closed']);
    expect(verifyChain(log).ok).toBe(true);
    // Four refusals, each in the denial log, none in the event log or outbox.
    expect((await h.store.readDenials(1, 100)).map((d) => d.code)).toEqual(['EVIDENCE_INSUFFICIENT', 'FORBIDDEN', 'FORBIDDEN', 'REASON_REQUIRED', 'FORBIDDEN']);
    const outbox = await h.store.claimOutbox({ owner: 'relay', now: '2026-12-01T00:00:00.000Z', leaseMs: 1000, limit: 100 });
    expect(outbox).toHaveLength(7);
  });

  it('general: overdue, warned, noticed, escalated — each exactly once, also after a restart', async () => {
    const h = createHarness('2026-11-02T02:00:00Z');
    const id = 'H-HOSE';
    await h.ok('grid-g1', reportCommand(id, { title: reason('燃气软管超长', 'gas hose longer than 2 m'), deadline: { days: 5 } }));
    await h.ok('grid-g1', { type: 'issue_notice', hazardId: id });
    expect((await h.state(id)).deadline).toBe('2026-11-07T15:59:59.999Z');
    const tickAt = async (at: string) => {
      h.clock.set(at);
      return (await runTick(h.deps, { systemActorId: 'system:scheduler' })).map((r) => r.action.kind);
    };
    expect(await tickAt('2026-11-05T00:00:00Z')).toEqual([]);
    expect(await tickAt('2026-11-06T20:00:00Z')).toEqual(['due_soon']);
    expect(await tickAt('2026-11-06T21:00:00Z')).toEqual([]);
    expect(await tickAt('2026-11-08T00:00:00Z')).toEqual(['overdue']);
    expect(await tickAt('2026-11-08T01:00:00Z')).toEqual([]);
    expect(await tickAt('2026-11-09T00:00:00Z')).toEqual(['escalate']);
    expect(await tickAt('2026-11-09T00:00:00Z')).toEqual([]);
    // A restart: new deps over the same store.
    const again = await runTick({ ...h.deps }, { systemActorId: 'system:scheduler' });
    expect(again).toEqual([]);
    const s = await h.state(id);
    expect(s.status).toBe('escalated');
    expect(s.escalatedFor).toBe('2026-11-07T15:59:59.999Z');
    // Replaying the scheduler's escalation command writes nothing.
    const replay = await h.send('system:scheduler', {
      type: 'escalate',
      commandId: `tick:escalate:${id}:2026-11-07T15:59:59.999Z`,
      hazardId: id,
      expectedVersion: 4,
      overdueDeadline: '2026-11-07T15:59:59.999Z',
      reason: reason('逾期未整改，升级至执法部门', 'overdue; escalated to enforcement'),
    });
    expect('replayed' in replay && replay.replayed).toBe(true);
    const types = (await h.store.readEvents(id)).map((e) => e.type);
    expect(types).toEqual(['reported', 'notice_issued', 'due_soon_warned', 'overdue_noticed', 'escalated']);
    // Enforcement takes over: case filed, a new notice (责令限期整改).
    await h.refused('officer-gas-d1', { type: 'file_case', hazardId: id }, 'SEPARATION_OF_DUTIES');
    const [filed] = await h.ok('officer-gas-d1', { type: 'file_case', hazardId: id, coOfficerId: 'officer2-gas-d1' });
    expect((filed?.data as { officers?: unknown }).officers).toEqual([
      { id: 'officer-gas-d1', certificateNo: 'GAS-D1-0001' },
      { id: 'officer2-gas-d1', certificateNo: 'GAS-D1-0002' },
    ]);
    await h.ok('officer-gas-d1', { type: 'issue_notice', hazardId: id });
    expect((await h.state(id)).status).toBe('rectifying');
  });

  it('an extension moves the deadline and re-arms the warnings', async () => {
    const h = createHarness('2026-11-02T02:00:00Z');
    const id = 'H-EXT';
    await h.ok('grid-g1', reportCommand(id, { deadline: { workingDays: 3 } }));
    await h.ok('grid-g1', { type: 'issue_notice', hazardId: id });
    expect((await h.state(id)).deadline).toBe('2026-11-05T15:59:59.999Z');
    h.clock.set('2026-11-05T00:00:00Z');
    expect((await runTick(h.deps, { systemActorId: 'system:scheduler' })).map((r) => r.action.kind)).toEqual(['due_soon']);
    await h.ok('owner-e1', { type: 'request_extension', hazardId: id, extension: { workingDays: 5 }, reason: reason('报警器缺货', 'alarm out of stock') });
    await h.refused('owner-e1', { type: 'grant_extension', hazardId: id }, 'FORBIDDEN');
    await h.ok('grid-g1', { type: 'grant_extension', hazardId: id });
    expect((await h.state(id)).deadline).toBe('2026-11-12T15:59:59.999Z');
    await h.refused('grid-g1', { type: 'grant_extension', hazardId: id }, 'NO_PENDING_EXTENSION');
    h.clock.set('2026-11-12T00:00:00Z');
    expect((await runTick(h.deps, { systemActorId: 'system:scheduler' })).map((r) => r.action.kind)).toEqual(['due_soon']);
  });

  it('major: a confined-space hazard through case, supervision, stop-work, plan, acceptance and closure', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    const id = 'H-TANK';
    const major = reportCommand(id, {
      title: reason('有限空间作业未执行"先通风、再检测、后作业"', 'confined-space entry without ventilation and gas testing'),
      level: 'major',
      domain: 'confined_space',
      source: 'self_check',
      deadline: { days: 30 },
    });
    await h.ok('owner-e1', major);
    // The enterprise reports its major hazard to the authority (安全生产法 Art. 41(2)).
    await h.refused('owner-e1', { type: 'file_case', hazardId: id }, 'FORBIDDEN');
    await h.ok('owner-e1', { type: 'escalate', hazardId: id, reason: reason('重大隐患报告', 'major hazard reported to the authority') });
    await h.refused('grid-g1', { type: 'file_case', hazardId: id }, 'FORBIDDEN');
    await h.refused('officer-fire-d1', { type: 'file_case', hazardId: id }, 'FORBIDDEN');
    await h.refused('officer-gas-d2', { type: 'file_case', hazardId: id }, 'FORBIDDEN');
    const co = { coOfficerId: 'officer2-gas-d1' };
    // Two officers (执法人员不得少于两人): another person, of the department, with a certificate.
    await h.refused('officer-gas-d1', { type: 'file_case', hazardId: id }, 'SEPARATION_OF_DUTIES');
    await h.refused('officer-gas-d1', { type: 'file_case', hazardId: id, coOfficerId: 'officer-gas-d1' }, 'SEPARATION_OF_DUTIES');
    await h.refused('officer-gas-d1', { type: 'file_case', hazardId: id, coOfficerId: 'officer-gas-d2' }, 'SEPARATION_OF_DUTIES');
    await h.refused('officer-gas-d1', { type: 'file_case', hazardId: id, coOfficerId: 'grid-g1' }, 'SEPARATION_OF_DUTIES');
    await h.refused('officer-gas-d1', { type: 'file_case', hazardId: id, coOfficerId: 'no-such-officer' }, 'SEPARATION_OF_DUTIES');
    h.directory.set({ ...TEST_OFFICER_3, certificateNo: undefined });
    await h.refused('officer-gas-d1', { type: 'file_case', hazardId: id, coOfficerId: 'officer3-gas-d1' }, 'SEPARATION_OF_DUTIES');
    h.directory.set(TEST_OFFICER_3);
    await h.ok('officer-gas-d1', { type: 'file_case', hazardId: id, ...co });
    await h.refused('officer-gas-d1', { type: 'list_for_supervision', hazardId: id, authority: reason('区安委会办公室', 'district safety committee office') }, 'SEPARATION_OF_DUTIES');
    await h.ok('officer-gas-d1', { type: 'list_for_supervision', hazardId: id, authority: reason('区安委会办公室', 'district safety committee office'), ...co });
    await h.refused('officer-gas-d1', { type: 'order_stop_work', hazardId: id, scope: 'partial', reason: reason('停止有限空间作业', 'confined-space work stopped') }, 'SEPARATION_OF_DUTIES');
    await h.ok('officer-gas-d1', { type: 'order_stop_work', hazardId: id, scope: 'partial', reason: reason('停止有限空间作业', 'confined-space work stopped'), ...co });
    h.clock.advance(2 * 86_400_000);
    const plan = treatmentPlan('2026-11-20T09:00:00.000Z');
    await h.refused('owner-e1', { type: 'submit_plan', hazardId: id, plan: { ...plan, fundsAndMaterials: { 'zh-CN': ' ' } } }, 'PLAN_INCOMPLETE');
    await h.ok('owner-e1', { type: 'submit_plan', hazardId: id, plan });
    // The enterprise's date is a proposal until an officer approves the plan.
    expect((await h.state(id)).deadline).toBeNull();
    await h.refused('owner-e1', { type: 'submit_rectification', hazardId: id, evidence: evidence('m', 'photo_before', 1) }, 'PLAN_NOT_APPROVED');
    await h.refused('owner-e1', { type: 'approve_plan', hazardId: id }, 'FORBIDDEN');
    await h.refused('grid-g1', { type: 'approve_plan', hazardId: id }, 'FORBIDDEN');
    await h.ok('officer-gas-d1', { type: 'approve_plan', hazardId: id, note: reason('方案可行', 'the plan is workable') });
    await h.refused('officer-gas-d1', { type: 'approve_plan', hazardId: id }, 'NO_PENDING_PLAN');
    expect(await h.state(id)).toMatchObject({ deadline: '2026-11-20T09:00:00.000Z', planApproved: true });
    h.clock.set('2026-11-15T02:00:00Z');
    await h.refused(
      'owner-e1',
      { type: 'submit_rectification', hazardId: id, evidence: [...evidence('m', 'photo_before', 1), ...evidence('m', 'photo_after', 3, '2026-11-14T08:00:00Z')] },
      'EVIDENCE_INSUFFICIENT',
    );
    await h.ok('owner-e1', {
      type: 'submit_rectification',
      hazardId: id,
      evidence: [...evidence('m', 'photo_before', 1), ...evidence('m', 'photo_after', 3, '2026-11-14T08:00:00Z'), ...evidence('m', 'document', 1)],
    });
    // Acceptance (验收): not by the enterprise, not by a grid inspector, not by another district.
    h.clock.set('2026-11-20T02:00:00Z');
    const accept = { type: 'accept' as const, hazardId: id, note: reason('现场验收合格', 'accepted on site'), ...co };
    await h.refused('owner-e1', accept, 'FORBIDDEN');
    await h.refused('grid-g1', accept, 'FORBIDDEN');
    await h.refused('officer-gas-d2', accept, 'FORBIDDEN');
    await h.refused('officer-gas-d1', { type: 'close', hazardId: id, ...co }, 'INVALID_TRANSITION');
    await h.refused('officer-gas-d1', { ...accept, coOfficerId: undefined }, 'SEPARATION_OF_DUTIES');
    await h.ok('officer-gas-d1', accept);
    await h.refused('owner-e1', { type: 'close', hazardId: id }, 'FORBIDDEN');
    // 销号 by another officer than the one who accepted (验收).
    await h.refused('officer-gas-d1', { type: 'close', hazardId: id, coOfficerId: 'officer2-gas-d1' }, 'SEPARATION_OF_DUTIES');
    await h.refused('officer2-gas-d1', { type: 'close', hazardId: id }, 'SEPARATION_OF_DUTIES');
    await h.ok('officer2-gas-d1', { type: 'close', hazardId: id, note: reason('销号', 'written off'), coOfficerId: 'officer-gas-d1' });
    expect(await h.state(id)).toMatchObject({ status: 'closed', acceptedBy: 'officer-gas-d1', closedBy: 'officer2-gas-d1', listed: true, stopWork: 'partial' });
    // 复产 (stop-work lifted after review) and 摘牌 (the listing ended): two officers, a reason, once each.
    const lift = { type: 'lift_stop_work' as const, hazardId: id, note: reason('经审查同意恢复生产', 'production may resume after review') };
    await h.refused('owner-e1', { ...lift, ...co }, 'FORBIDDEN');
    await h.refused('officer-gas-d1', lift, 'SEPARATION_OF_DUTIES');
    await h.refused('officer-gas-d1', { ...lift, note: { 'zh-CN': ' ' }, ...co }, 'REASON_REQUIRED');
    await h.ok('officer-gas-d1', { ...lift, ...co });
    await h.refused('officer-gas-d1', { ...lift, ...co }, 'NO_STOP_WORK');
    const delist = { type: 'delist' as const, hazardId: id, note: reason('隐患已销号，解除挂牌督办', 'written off; listing ended'), ...co };
    await h.refused('grid-g1', delist, 'FORBIDDEN');
    await h.ok('officer-gas-d1', delist);
    await h.refused('officer-gas-d1', delist, 'NOT_LISTED');
    expect(await h.state(id)).toMatchObject({ status: 'closed', listed: false, stopWork: null });
    expect((await h.store.readEvents(id)).map((e) => e.type)).toEqual([
      'reported',
      'escalated',
      'case_filed',
      'listed_for_supervision',
      'stop_work_ordered',
      'plan_submitted',
      'plan_approved',
      'rectification_submitted',
      'accepted',
      'closed',
      'stop_work_lifted',
      'delisted',
    ]);
    expect(verifyChain(await h.store.readLog(1, 1000)).ok).toBe(true);
  });

  it('major found by an enforcement officer: that officer cannot accept or close it, a colleague can', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    const id = 'H-FURNACE';
    await h.ok('officer-gas-d1', reportCommand(id, { level: 'major', source: 'enforcement' }));
    await h.ok('officer-gas-d1', { type: 'file_case', hazardId: id, coOfficerId: 'officer2-gas-d1' });
    await h.ok('owner-e1', { type: 'submit_plan', hazardId: id, plan: treatmentPlan('2026-11-30T00:00:00.000Z') });
    await h.ok('officer2-gas-d1', { type: 'approve_plan', hazardId: id });
    h.clock.advance(86_400_000);
    await h.ok('owner-e1', {
      type: 'submit_rectification',
      hazardId: id,
      evidence: [...evidence('f', 'photo_before', 1), ...evidence('f', 'photo_after', 3, '2026-11-03T00:00:00Z'), ...evidence('f', 'document', 1)],
    });
    const accept = { type: 'accept' as const, hazardId: id, note: reason('验收合格', 'accepted') };
    await h.refused('officer-gas-d1', { ...accept, coOfficerId: 'officer2-gas-d1' }, 'FORBIDDEN');
    // The reporter may not be the second officer either.
    await h.refused('officer2-gas-d1', { ...accept, coOfficerId: 'officer-gas-d1' }, 'SEPARATION_OF_DUTIES');
    await h.ok('officer2-gas-d1', { ...accept, coOfficerId: 'officer3-gas-d1' });
    await h.refused('officer-gas-d1', { type: 'close', hazardId: id, coOfficerId: 'officer3-gas-d1' }, 'FORBIDDEN');
    await h.refused('officer2-gas-d1', { type: 'close', hazardId: id, coOfficerId: 'officer3-gas-d1' }, 'SEPARATION_OF_DUTIES');
    await h.ok('officer3-gas-d1', { type: 'close', hazardId: id, coOfficerId: 'officer2-gas-d1' });
    expect((await h.state(id)).status).toBe('closed');
  });

  it('provisional major: waits for an enforcement officer to confirm the level before the major path', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    const id = 'H-SUSPECT';
    await h.ok('grid-g1', reportCommand(id, { level: 'major', provisional: true }));
    await h.ok('grid-g1', { type: 'escalate', hazardId: id, reason: reason('疑似重大隐患', 'suspected major hazard') });
    await h.refused('officer-gas-d1', { type: 'file_case', hazardId: id, coOfficerId: 'officer2-gas-d1' }, 'PROVISIONAL_UNCONFIRMED');
    await h.refused('grid-g1', { type: 'confirm_level', hazardId: id, level: 'major', reason: reason('确认', 'confirmed') }, 'FORBIDDEN');
    await h.refused('owner-e1', { type: 'confirm_level', hazardId: id, level: 'general', reason: reason('我认为一般', 'I think general') }, 'FORBIDDEN');
    await h.refused('officer-gas-d1', { type: 'confirm_level', hazardId: id, level: 'major', reason: { 'zh-CN': '' } }, 'REASON_REQUIRED');
    await h.ok('officer-gas-d1', { type: 'confirm_level', hazardId: id, level: 'major', reason: reason('经集体讨论确认为重大隐患', 'confirmed major after collective review') });
    expect((await h.state(id)).provisional).toBe(false);
    expect((await h.state(id)).status).toBe('escalated');
    await h.refused('officer-gas-d1', { type: 'confirm_level', hazardId: id, level: 'major', reason: reason('再次', 'again') }, 'NOT_PROVISIONAL');
    await h.ok('officer-gas-d1', { type: 'file_case', hazardId: id, coOfficerId: 'officer2-gas-d1' });

    // A second suspect is confirmed as general instead (a downgrade from major: two officers): it restarts on the general path.
    const id2 = 'H-SUSPECT-2';
    await h.ok('grid-g1', reportCommand(id2, { level: 'major', provisional: true }));
    const lower = { type: 'confirm_level' as const, hazardId: id2, level: 'general' as const, reason: reason('不符合判定标准', 'does not meet the determination standard') };
    await h.refused('officer-gas-d1', lower, 'SEPARATION_OF_DUTIES');
    await h.ok('officer-gas-d1', { ...lower, coOfficerId: 'officer2-gas-d1' });
    expect(await h.state(id2)).toMatchObject({ level: 'general', provisional: false, status: 'reported', wasMajor: true });
    await h.ok('grid-g1', { type: 'issue_notice', hazardId: id2 });
  });

  it('an enterprise can raise a level but never lower it', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    const id = 'H-LEVEL';
    await h.ok('owner-e1', reportCommand(id, { source: 'self_check' }));
    await h.refused('owner-e1', { type: 'reclassify', hazardId: id, level: 'simple', reason: reason('小问题', 'minor') }, 'FORBIDDEN');
    await h.ok('owner-e1', { type: 'reclassify', hazardId: id, level: 'major', reason: reason('涉及有限空间', 'confined space involved') });
    await h.refused('owner-e1', { type: 'reclassify', hazardId: id, level: 'general', reason: reason('改回', 'back') }, 'FORBIDDEN');
    await h.refused('grid-g1', { type: 'reclassify', hazardId: id, level: 'general', reason: reason('改回', 'back') }, 'FORBIDDEN');
    const lower = { type: 'reclassify' as const, hazardId: id, level: 'general' as const, reason: reason('复核为一般隐患', 'reviewed: general') };
    await h.refused('officer-gas-d1', lower, 'SEPARATION_OF_DUTIES');
    await h.ok('officer-gas-d1', { ...lower, coOfficerId: 'officer2-gas-d1' });
    expect(await h.state(id)).toMatchObject({ level: 'general', wasMajor: true });
  });

  it('claimed times are bounded; recordedAt comes from the clock', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    await h.refused('grid-g1', reportCommand('H-T1', { occurredAt: '2026-11-02T02:00:00Z' }), 'OCCURRED_AT_OUT_OF_RANGE');
    await h.refused('grid-g1', reportCommand('H-T1', { commandId: 'c-old', occurredAt: '2026-10-20T02:00:00Z' }), 'OCCURRED_AT_OUT_OF_RANGE');
    const [reported] = await h.ok('grid-g1', reportCommand('H-T1', { commandId: 'c-ok', occurredAt: '2026-11-01T23:00:00Z' }));
    expect(reported?.occurredAt).toBe('2026-11-01T23:00:00.000Z');
    expect(reported?.recordedAt).toBe('2026-11-02T01:00:00.000Z');
    // A backdated notice (before the report) is refused.
    h.clock.advance(3_600_000);
    await h.refused('grid-g1', { type: 'issue_notice', hazardId: 'H-T1', occurredAt: '2026-11-01T22:00:00Z' }, 'OCCURRED_AT_OUT_OF_RANGE');
    // The clock stepping back does not make recordedAt decrease.
    h.clock.set('2026-11-01T00:00:00Z');
    const [notice] = await h.ok('grid-g1', { type: 'issue_notice', hazardId: 'H-T1' });
    expect(notice?.recordedAt).toBe('2026-11-02T01:00:00.000Z');
  });

  it('a revoked role takes effect on the next command', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    await h.ok('grid-g1', reportCommand('H-R'));
    h.directory.set({ id: 'grid-g1', roles: ['grid'], gridAreas: ['D9/G1'] });
    await h.refused('grid-g1', { type: 'issue_notice', hazardId: 'H-R' }, 'FORBIDDEN');
    h.directory.remove('grid-g1');
    await h.refused('grid-g1', { type: 'issue_notice', hazardId: 'H-R' }, 'UNKNOWN_ACTOR');
  });
});
