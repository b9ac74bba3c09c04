import { describe, expect, it } from 'vitest';
import { createOutboxRelay } from '../outbox/create-outbox-relay.js';
import { countDailyWarning, dailyWarningDevices, dailyWarningSummary, runDailyWarning } from './daily-warning.js';
import type { DeviceWarning } from './device-state.js';
import { testDevice } from '../testing/device-registry-conformance.js';
import type { HazardSummary } from '../chain/types.js';
import { ingestSensorMessage } from './ingest-sensor-message.js';
import { monitoringFixture } from './monitoring.test-util.js';
import { createMemoryInspectionLog } from '../chain/memory-inspection-log.js';
import { createMemoryRoundStore } from '../rounds/memory-round-store.js';
import { openRound } from '../rounds/open-round.js';
import type { RoundInput } from '../rounds/types.js';
import { TEST_ENTERPRISES } from '../testing/chain-fixtures.js';

describe('runDailyWarning', () => {
  it('one message per enterprise with something to say, none for the others; a second run and a crashed run send nothing twice', async () => {
    const f = await monitoringFixture('2026-12-06T00:30:00.000Z');
    await ingestSensorMessage(f.deps, f.msg('D-plain', 'alarm'));
    await ingestSensorMessage(f.deps, f.msg('D-listed', 'fault'));
    const deps = { registry: f.registry, store: f.store, directory: f.directory };
    // A crash half-way: the first enterprise was enqueued, then the process died.
    const partial = await runDailyWarning(deps, { enterpriseIds: ['E1'], now: f.clock.now() });
    expect(partial.enqueued).toEqual(['E1']);
    const run = await runDailyWarning(deps, { enterpriseIds: ['E1', 'E2', 'E-none'], now: f.clock.now() });
    expect(run).toEqual({ date: '2026-12-06', enqueued: [], alreadySent: ['E1'], nothing: ['E2'], unknown: ['E-none'], digests: [] });
    f.clock.advance(3 * 3_600_000);
    expect((await runDailyWarning(deps, { enterpriseIds: ['E1', 'E2'], now: f.clock.now() })).alreadySent).toEqual(['E1']);
    const sent: Array<{ id: string; summary: unknown }> = [];
    const relay = createOutboxRelay({ store: f.registry, owner: 'sms', clock: f.clock, deliver: async (m) => (sent.push({ id: m.id, summary: m.payload.summary }), { ok: true }) });
    await relay.runOnce();
    await relay.runOnce();
    expect(sent).toEqual([{ id: 'daily-warning/E1/2026-12-06', summary: '大堂烟感报警器报警，燃气间可燃气体探测器故障' }]);
    // The next China day is another message.
    f.clock.advance(24 * 3_600_000);
    expect((await runDailyWarning(deps, { enterpriseIds: ['E1'], now: f.clock.now() })).enqueued).toEqual(['E1']);
  });
});

describe('the area digest', () => {
  it('one digest a day to each grid inspector whose areas hold an enterprise with something to say', async () => {
    const f = await monitoringFixture('2026-12-06T00:30:00.000Z');
    await ingestSensorMessage(f.deps, f.msg('D-plain', 'alarm'));
    const deps = { registry: f.registry, store: f.store, directory: f.directory };
    const options = { enterpriseIds: ['E1', 'E2'], inspectorIds: ['grid-g1', 'grid-g2', 'owner-e1'], now: f.clock.now() };
    expect((await runDailyWarning(deps, options)).digests).toEqual(['grid-g1']);
    expect((await runDailyWarning(deps, options)).digests).toEqual([]);
    const digest = (await f.registry.readNotifications()).find((n) => n.id === 'area-digest/grid-g1/2026-12-06');
    expect(digest?.payload).toMatchObject({ inspectorId: 'grid-g1', summary: '辖区1家企业有待办：测试餐馆一', enterprises: [{ enterpriseId: 'E1', summary: '大堂烟感报警器报警' }] });
  });
});

describe('round coverage in the daily warnings', () => {
  it('an enterprise is told of its self-inspection round ending soon; a grid inspector of its areas’ patrol members not yet visited', async () => {
    const f = await monitoringFixture('2026-12-06T00:30:00.000Z');
    const rounds = createMemoryRoundStore();
    const roundDeps = { rounds, directory: f.directory, clock: f.clock, packDomain: (id: string) => (id === 'gas' ? 'gas' : null) };
    const round = (id: string, kind: RoundInput['kind'], area: string, endsOn: string): RoundInput => ({
      id,
      kind,
      title: { 'zh-CN': id },
      packId: 'gas',
      scope: { area },
      startsOn: '2026-12-01',
      endsOn,
    });
    await openRound(roundDeps, round('self-d1', 'self_inspection', 'D1', '2026-12-07'), 'admin-gas');
    await openRound(roundDeps, round('patrol-d1', 'patrol_coverage', 'D1', '2026-12-31'), 'admin-gas');
    const units = TEST_ENTERPRISES.map((enterprise) => ({ enterprise, premises: [] }));
    const deps = { registry: f.registry, store: f.store, directory: f.directory, rounds: { rounds, inspections: createMemoryInspectionLog(), units } };
    const run = await runDailyWarning(deps, { enterpriseIds: ['E1', 'E2'], inspectorIds: ['grid-g1'], now: f.clock.now() });
    expect(run).toMatchObject({ enqueued: ['E1', 'E2'], nothing: [], digests: ['grid-g1'] });
    const sent = await f.registry.readNotifications();
    const warning = sent.find((n) => n.id === 'daily-warning/E2/2026-12-06')?.payload;
    expect(warning).toMatchObject({ summary: '即将截止自查轮次1个', rounds: [{ roundId: 'self-d1', enterpriseId: 'E2', status: 'due', daysLeft: 1 }] });
    // The patrol ends in 25 days: not in the digest yet (E1's self-inspection is E1's to do, not the inspector's).
    const digest = sent.find((n) => n.id === 'area-digest/grid-g1/2026-12-06')?.payload;
    expect(digest).toMatchObject({ summary: '辖区1家企业有待办：测试餐馆一', rounds: [] });
    // Two days before the patrol's end it is in the digest, with no enterprise warning needed.
    f.clock.advance(23 * 86_400_000);
    const later = await runDailyWarning(deps, { enterpriseIds: [], inspectorIds: ['grid-g1', 'grid-g2'], now: f.clock.now() });
    expect(later.digests).toEqual(['grid-g1', 'grid-g2']);
    const g1 = (await f.registry.readNotifications()).find((n) => n.id === 'area-digest/grid-g1/2026-12-29')?.payload;
    expect(g1).toMatchObject({ summary: '轮次待查1家次', enterprises: [], rounds: [{ roundId: 'patrol-d1', enterpriseId: 'E1', status: 'due', daysLeft: 2 }] });
  });
});

describe('countDailyWarning', () => {
  it('counts overdue, due within the horizon and unanswered notices of open hazards', () => {
    const h = (status: HazardSummary['status'], deadline: string | null): HazardSummary => ({
      hazardId: 'h',
      version: 1,
      status,
      level: 'general',
      provisional: false,
      domain: 'gas',
      area: 'D1/G1',
      enterpriseId: 'E1',
      deadline,
      createdAt: '',
      updatedAt: '',
    });
    const now = new Date('2026-12-06T00:00:00.000Z');
    const c = countDailyWarning(
      [h('rectifying', '2026-12-05T00:00:00.000Z'), h('rectifying', '2026-12-08T00:00:00.000Z'), h('reported', '2026-12-20T00:00:00.000Z'), h('closed', '2026-12-01T00:00:00.000Z')],
      [],
      now,
      3,
    );
    expect(c).toEqual({ dueSoon: 1, overdue: 1, unanswered: 2, alarming: 0, offline: 0, otherDeviceWarnings: 0 });
    expect(dailyWarningSummary(c)).toBe('逾期隐患1项，即将到期隐患1项，未回复整改通知2份');
    expect(dailyWarningSummary({ ...c, dueSoon: 0, overdue: 0, unanswered: 0 })).toBeNull();
  });
});

describe('the daily warning names devices by place and kind in 中文', () => {
  it('most urgent first, a device’s conditions together, at most two named, an unregistered device by id', () => {
    const w = (deviceId: string, item: string, status: 'open' | 'cleared' = 'open') => ({ deviceId, item, status }) as DeviceWarning;
    const devices = new Map([
      ['G1', testDevice('G1')],
      ['S1', testDevice('S1', { kind: 'smoke_alarm', place: { id: 'k', name: '后厨', listed: false } })],
      ['T1', testDevice('T1', { kind: 'transmitter', place: { id: 't', name: '罐区', listed: false } })],
    ]);
    const listed = dailyWarningDevices([w('S1', 'SEN-02'), w('G1', 'SEN-04'), w('G1', 'SEN-01'), w('T1', 'SEN-06', 'cleared'), w('X9', 'SEN-99')], devices);
    expect(listed).toEqual([
      { deviceId: 'G1', name: '燃气间可燃气体探测器', conditions: ['报警', '电量低'] },
      { deviceId: 'S1', name: '后厨烟感报警器', conditions: ['离线'] },
      { deviceId: 'X9', name: '设备X9', conditions: ['有预警'] },
    ]);
    const none = { dueSoon: 0, overdue: 1, unanswered: 0, alarming: 1, offline: 1, otherDeviceWarnings: 1 };
    expect(dailyWarningSummary(none, listed.slice(0, 2))).toBe('逾期隐患1项，燃气间可燃气体探测器报警、电量低，后厨烟感报警器离线');
    expect(dailyWarningSummary(none, listed)).toBe('逾期隐患1项，燃气间可燃气体探测器报警、电量低，后厨烟感报警器离线等3台设备有预警');
    expect(dailyWarningSummary({ ...none, overdue: 0 }, [])).toBeNull();
  });
});
