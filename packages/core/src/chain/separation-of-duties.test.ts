import { describe, expect, it } from 'vitest';
import { createHarness } from './chain-harness.test-util.js';
import { evidence, reportCommand, treatmentPlan } from '../testing/chain-fixtures.js';
import { needsTwoOfficers } from './separation-of-duties.js';

const why = (zh: string, en = zh) => ({ 'zh-CN': zh, en });

describe('separation of duties', () => {
  it('an officer who reports a major hazard cannot lower it alone, nor verify or close it after a downgrade (issue #11 item 5)', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    await h.ok('officer-gas-d1', reportCommand('H-SOLO', { level: 'major', source: 'enforcement' }));
    const lower = { type: 'reclassify' as const, hazardId: 'H-SOLO', level: 'general' as const, reason: why('复核为一般隐患') };
    await h.refused('officer-gas-d1', lower, 'SEPARATION_OF_DUTIES');
    await h.refused('officer-gas-d1', { ...lower, coOfficerId: 'officer-gas-d1' }, 'SEPARATION_OF_DUTIES');
    await h.ok('officer-gas-d1', { ...lower, coOfficerId: 'officer2-gas-d1' });
    const [event] = await h.store.readEvents('H-SOLO').then((e) => e.slice(-1));
    expect(event?.data).toMatchObject({ from: 'major', to: 'general', officers: [{ id: 'officer-gas-d1' }, { id: 'officer2-gas-d1' }] });
    await h.ok('officer-gas-d1', { type: 'issue_notice', hazardId: 'H-SOLO' });
    h.clock.advance(86_400_000);
    await h.ok('owner-e1', { type: 'submit_rectification', hazardId: 'H-SOLO', evidence: [...evidence('s', 'photo_before', 1), ...evidence('s', 'photo_after', 2)] });
    // The reporter of a once-major hazard may not verify it; another officer or the grid inspector may.
    await h.refused('officer-gas-d1', { type: 'verify', hazardId: 'H-SOLO' }, 'SEPARATION_OF_DUTIES');
    await h.ok('grid-g1', { type: 'verify', hazardId: 'H-SOLO' });
    await h.refused('officer-gas-d1', { type: 'close', hazardId: 'H-SOLO' }, 'SEPARATION_OF_DUTIES');
    await h.ok('officer2-gas-d1', { type: 'close', hazardId: 'H-SOLO' });
    expect(await h.state('H-SOLO')).toMatchObject({ status: 'closed', wasMajor: true, level: 'general' });
  });

  it('one officer cannot run case → stop-work → listing → acceptance → 销号 alone', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    await h.ok('grid-g1', reportCommand('H-M', { level: 'major' }));
    for (const command of [
      { type: 'file_case' as const, hazardId: 'H-M' },
      { type: 'order_stop_work' as const, hazardId: 'H-M', scope: 'whole' as const, reason: why('停产') },
      { type: 'list_for_supervision' as const, hazardId: 'H-M', authority: why('安委办') },
    ]) {
      await h.refused('officer-gas-d1', command, command.type === 'file_case' ? 'SEPARATION_OF_DUTIES' : 'INVALID_TRANSITION');
    }
    await h.ok('officer-gas-d1', { type: 'file_case', hazardId: 'H-M', coOfficerId: 'officer2-gas-d1' });
    await h.refused('officer-gas-d1', { type: 'order_stop_work', hazardId: 'H-M', scope: 'whole', reason: why('停产') }, 'SEPARATION_OF_DUTIES');
    await h.refused('officer-gas-d1', { type: 'list_for_supervision', hazardId: 'H-M', authority: why('安委办') }, 'SEPARATION_OF_DUTIES');
    await h.ok('owner-e1', { type: 'submit_plan', hazardId: 'H-M', plan: treatmentPlan('2026-12-31T00:00:00.000Z') });
    await h.ok('officer-gas-d1', { type: 'approve_plan', hazardId: 'H-M' });
    h.clock.advance(86_400_000);
    await h.ok('owner-e1', { type: 'submit_rectification', hazardId: 'H-M', evidence: [...evidence('m', 'photo_before', 1), ...evidence('m', 'photo_after', 3), ...evidence('m', 'document', 1)] });
    await h.refused('officer-gas-d1', { type: 'accept', hazardId: 'H-M', note: why('验收') }, 'SEPARATION_OF_DUTIES');
    // A rectifier cannot be the second officer either (nor an officer of another district).
    await h.refused('officer-gas-d1', { type: 'accept', hazardId: 'H-M', note: why('验收'), coOfficerId: 'owner-e1' }, 'SEPARATION_OF_DUTIES');
    await h.refused('officer-gas-d1', { type: 'accept', hazardId: 'H-M', note: why('验收'), coOfficerId: 'officer-gas-d2' }, 'SEPARATION_OF_DUTIES');
    await h.ok('officer-gas-d1', { type: 'accept', hazardId: 'H-M', note: why('验收'), coOfficerId: 'officer2-gas-d1' });
    await h.refused('officer-gas-d1', { type: 'close', hazardId: 'H-M', coOfficerId: 'officer2-gas-d1' }, 'SEPARATION_OF_DUTIES');
    await h.ok('officer2-gas-d1', { type: 'close', hazardId: 'H-M', coOfficerId: 'officer-gas-d1' });
    const closed = (await h.store.readEvents('H-M')).at(-1);
    expect(closed?.data).toEqual({
      officers: [
        { id: 'officer2-gas-d1', certificateNo: 'GAS-D1-0002' },
        { id: 'officer-gas-d1', certificateNo: 'GAS-D1-0001' },
      ],
    });
    // Every refusal above is in the denial log with its code.
    const codes = (await h.store.readDenials(1, 100)).map((d) => d.code);
    expect(codes.filter((c) => c === 'SEPARATION_OF_DUTIES')).toHaveLength(7);
  });

  it("an officer's report, notice and review name their second officer, checked against the directory and recorded (《行政处罚法》第四十二条, issue 15)", async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    const co = { coOfficerId: 'officer2-gas-d1' };
    const [reported] = await h.ok('officer-gas-d1', reportCommand('H-2', { source: 'enforcement', ...co }));
    const both = [
      { id: 'officer-gas-d1', certificateNo: 'GAS-D1-0001' },
      { id: 'officer2-gas-d1', certificateNo: 'GAS-D1-0002' },
    ];
    expect(reported?.data).toMatchObject({ officers: both });
    expect(reported?.data).not.toHaveProperty('coOfficerId');
    // The second officer is another person, an enforcement officer with jurisdiction and a 执法证号.
    await h.refused('officer-gas-d1', { type: 'issue_notice', hazardId: 'H-2', coOfficerId: 'officer-gas-d1' }, 'SEPARATION_OF_DUTIES');
    await h.refused('officer-gas-d1', { type: 'issue_notice', hazardId: 'H-2', coOfficerId: 'grid-g1' }, 'SEPARATION_OF_DUTIES');
    await h.refused('officer-gas-d1', { type: 'issue_notice', hazardId: 'H-2', coOfficerId: 'officer-gas-d2' }, 'SEPARATION_OF_DUTIES');
    await h.refused('officer-gas-d1', { type: 'issue_notice', hazardId: 'H-2', coOfficerId: 'nobody' }, 'SEPARATION_OF_DUTIES');
    const [notice] = await h.ok('officer-gas-d1', { type: 'issue_notice', hazardId: 'H-2', ...co });
    expect(notice?.data).toMatchObject({ officers: both });
    h.clock.advance(86_400_000);
    await h.ok('owner-e1', { type: 'submit_rectification', hazardId: 'H-2', evidence: [...evidence('s', 'photo_before', 1), ...evidence('s', 'photo_after', 2)] });
    const [verified] = await h.ok('officer2-gas-d1', { type: 'verify', hazardId: 'H-2', coOfficerId: 'officer-gas-d1' });
    expect(verified?.data).toMatchObject({ officers: [both[1], both[0]] });
    // Without a second officer the act is recorded with its actor alone (it issues no enforcement document).
    await h.ok('officer-gas-d1', reportCommand('H-3', { source: 'enforcement' }));
    const [alone] = await h.ok('officer-gas-d1', { type: 'issue_notice', hazardId: 'H-3' });
    expect(alone?.data).not.toHaveProperty('officers');
    // A grid inspector's notice is no enforcement act: naming a second officer is refused, not ignored.
    await h.ok('grid-g1', reportCommand('H-4', {}));
    await h.refused('grid-g1', { type: 'issue_notice', hazardId: 'H-4', ...co }, 'SEPARATION_OF_DUTIES');
  });

  it('an officer without a 执法证号 cannot be the second officer of a notice', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    h.directory.set({ id: 'officer9-gas-d1', roles: ['enforcement'], departments: [{ id: 'gas-d1', domains: ['gas'], areas: ['D1'] }] });
    await h.ok('officer-gas-d1', reportCommand('H-5', { source: 'enforcement' }));
    await h.refused('officer-gas-d1', { type: 'issue_notice', hazardId: 'H-5', coOfficerId: 'officer9-gas-d1' }, 'SEPARATION_OF_DUTIES');
    expect((await h.store.readEvents('H-5')).map((e) => e.type)).toEqual(['reported']);
  });

  it('needs two officers exactly where the law asks', () => {
    const base = { commandId: 'c', hazardId: 'H' };
    const state = (level: 'simple' | 'general' | 'major') => ({ level }) as never;
    expect(needsTwoOfficers(null, { ...base, type: 'verify' })).toBe(false);
    expect(needsTwoOfficers(state('general'), { ...base, type: 'file_case' })).toBe(true);
    expect(needsTwoOfficers(state('general'), { ...base, type: 'close' })).toBe(false);
    expect(needsTwoOfficers(state('major'), { ...base, type: 'close' })).toBe(true);
    expect(needsTwoOfficers(state('major'), { ...base, type: 'accept', note: why('x') })).toBe(true);
    expect(needsTwoOfficers(state('major'), { ...base, type: 'reclassify', level: 'simple', reason: why('x') })).toBe(true);
    expect(needsTwoOfficers(state('major'), { ...base, type: 'confirm_level', level: 'major', reason: why('x') })).toBe(false);
    expect(needsTwoOfficers(state('general'), { ...base, type: 'reclassify', level: 'simple', reason: why('x') })).toBe(false);
    expect(needsTwoOfficers(state('major'), { ...base, type: 'issue_notice' })).toBe(false);
  });
});

/** Packs of these domains, as a server has them (only `pack.domain` is read for an observation). */
function packsOf(...domains: string[]): NonNullable<ReturnType<typeof createHarness>['deps']['packs']> {
  const unused = () => {
    throw new Error('unused');
  };
  return new Map(
    domains.map((domain) => [domain, { pack: { id: domain, version: '1.0.0', domain }, evidence: { facts: [], ofRule: new Map(), inspectionWide: [] }, evaluate: unused, check: () => [] }]),
  );
}

describe('report_observation', () => {
  it('is always provisional, takes the area from the directory, the source from the role and the default deadline', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    h.deps.packs = packsOf('gas');
    const observe = {
      type: 'report_observation' as const,
      hazardId: 'H-OBS',
      title: why('燃气管道锈蚀', 'corroded gas pipe'),
      enterpriseId: 'E1',
      domain: 'gas',
      level: 'general' as const,
      evidence: evidence('o', 'photo_before', 1),
    };
    await h.refused('owner-e1', { ...observe, evidence: [] }, 'FORBIDDEN');
    await h.refused('grid-g2', { ...observe, evidence: [] }, 'FORBIDDEN');
    await h.refused('grid-g1', { ...observe, enterpriseId: 'E-404', evidence: [] }, 'INVALID_COMMAND');
    const [reported] = await h.ok('grid-g1', observe);
    expect(reported?.pack).toEqual({ id: 'manual', version: '0' });
    expect(await h.state('H-OBS')).toMatchObject({ level: 'general', provisional: true, manual: true, area: 'D1/G1', source: 'grid_patrol', deadlinePolicy: { workingDays: 15 } });
    const [officer] = await h.ok('officer-gas-d1', { ...observe, hazardId: 'H-OBS-2', enterpriseId: 'E2', level: 'major', evidence: [] });
    expect(officer?.data).toMatchObject({ area: 'D1/G2', source: 'enforcement', provisional: true, manual: true, deadline: { days: 30 } });
  });

  it('is confirmed by a second person, never by its reporter', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    h.deps.packs = packsOf('gas');
    const observe = { type: 'report_observation' as const, hazardId: 'H-OBS', title: why('疑似泄漏'), enterpriseId: 'E1', domain: 'gas', level: 'major' as const, evidence: [] };
    await h.ok('officer-gas-d1', observe);
    await h.refused('officer-gas-d1', { type: 'file_case', hazardId: 'H-OBS', coOfficerId: 'officer2-gas-d1' }, 'PROVISIONAL_UNCONFIRMED');
    await h.refused('officer-gas-d1', { type: 'confirm_level', hazardId: 'H-OBS', level: 'major', reason: why('确认') }, 'SEPARATION_OF_DUTIES');
    // Reclassifying one's own observation does not confirm it either.
    await h.ok('officer-gas-d1', { type: 'reclassify', hazardId: 'H-OBS', level: 'general', reason: why('改为一般'), coOfficerId: 'officer2-gas-d1' });
    expect((await h.state('H-OBS')).provisional).toBe(true);
    await h.ok('officer2-gas-d1', { type: 'confirm_level', hazardId: 'H-OBS', level: 'general', reason: why('确认') });
    expect(await h.state('H-OBS')).toMatchObject({ provisional: false, level: 'general', wasMajor: true });
  });

  it('is limited to the domains of the server’s packs, and refused when the server has no packs (fail closed)', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    const fire = { type: 'report_observation' as const, hazardId: 'H-F', title: why('消防通道堵塞'), enterpriseId: 'E1', domain: 'fire', level: 'simple' as const, evidence: [] };
    await h.refused('grid-g1', fire, 'INVALID_COMMAND');
    h.deps.packs = packsOf('fire');
    await h.refused('grid-g1', { type: 'report_observation', hazardId: 'H-N', title: why('核'), enterpriseId: 'E1', domain: 'nuclear', level: 'simple', evidence: [] }, 'INVALID_COMMAND');
    await h.ok('grid-g1', fire);
  });
});
