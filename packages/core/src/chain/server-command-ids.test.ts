import { describe, expect, it } from 'vitest';
import { createHarness } from './chain-harness.test-util.js';
import { runTick } from './run-tick.js';
import { reportCommand } from '../testing/chain-fixtures.js';
import { reportHazardId } from './report-inspection.js';

const reason = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const DEADLINE = '2026-11-07T15:59:59.999Z';

/** A general hazard of E1 under a notice whose deadline is DEADLINE (5 days from 2 Nov 2026). */
async function underNotice(id: string) {
  const h = createHarness('2026-11-02T01:00:00Z');
  await h.ok('grid-g1', reportCommand(id, { deadline: { days: 5 } }));
  await h.ok('grid-g1', { type: 'issue_notice', hazardId: id });
  expect((await h.state(id)).deadline).toBe(DEADLINE);
  return h;
}

describe('the command ids the server derives are not a client’s to take', () => {
  // The scheduler records its warnings and escalations under tick:<kind>:<hazard>:<deadline>, and a report under
  // <hazard>:report; command ids are one namespace, so an enterprise that sent an accepted command of its own under
  // that id first made the scheduler's command a "key reused with another payload" on every run: no overdue notice,
  // no escalation to enforcement, ever.
  it('an enterprise’s command under the overdue notice’s or the escalation’s id is refused, and the scheduler still escalates', async () => {
    const id = 'H-SQUAT';
    const h = await underNotice(id);
    for (const commandId of [`tick:overdue:${id}:${DEADLINE}`, `tick:escalate:${id}:${DEADLINE}`, `tick:due_soon:${id}:${DEADLINE}`, `${id}:report`, 'tick:anything']) {
      await h.refused('owner-e1', { type: 'request_extension', commandId, hazardId: id, extension: { days: 3 }, reason: reason('等待配件', 'waiting for parts') }, 'INVALID_COMMAND');
    }
    // A grid inspector's manual escalation under the scheduler's id is refused too (it names no overdue deadline).
    await h.refused('grid-g1', { type: 'escalate', commandId: `tick:escalate:${id}:${DEADLINE}`, hazardId: id, reason: reason('拒不整改', 'refuses to rectify') }, 'INVALID_COMMAND');
    const refusal = await h.send('owner-e1', {
      type: 'request_extension',
      commandId: `tick:overdue:${id}:${DEADLINE}`,
      hazardId: id,
      extension: { days: 3 },
      reason: reason('等待配件', 'waiting for parts'),
    });
    expect('rejection' in refusal && refusal.rejection.message.en).toMatch(/tick:/);
    expect('rejection' in refusal && refusal.rejection.message['zh-CN']).toMatch(/tick:/);
    h.clock.set('2026-11-08T00:00:00Z');
    expect((await runTick(h.deps, { systemActorId: 'system:scheduler' })).map((r) => ('rejection' in r.result ? r.result.rejection.code : r.action.kind))).toEqual(['overdue']);
    h.clock.set('2026-11-09T00:00:00Z');
    expect((await runTick(h.deps, { systemActorId: 'system:scheduler' })).map((r) => ('rejection' in r.result ? r.result.rejection.code : r.action.kind))).toEqual(['escalate']);
    expect((await h.state(id)).status).toBe('escalated');
  });

  it('a squatted id taken on another hazard of the enterprise is refused as well', async () => {
    const id = 'H-SQUAT-2';
    const h = await underNotice(id);
    await h.ok('grid-g1', reportCommand('H-OTHER', { deadline: { days: 5 } }));
    await h.ok('grid-g1', { type: 'issue_notice', hazardId: 'H-OTHER' });
    await h.refused(
      'owner-e1',
      { type: 'request_extension', commandId: `tick:overdue:${id}:${DEADLINE}`, hazardId: 'H-OTHER', extension: { days: 3 }, reason: reason('等待配件', 'waiting for parts') },
      'INVALID_COMMAND',
    );
    h.clock.set('2026-11-08T00:00:00Z');
    expect(
      (await runTick(h.deps, { systemActorId: 'system:scheduler' })).filter((r) => r.action.hazardId === id).map((r) => ('rejection' in r.result ? r.result.rejection.code : r.action.kind)),
    ).toEqual(['overdue']);
  });

  it('the server’s own commands keep their ids: a report under <hazard>:report and the scheduler’s ticks', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    await h.ok('grid-g1', reportCommand('H-OWN', { commandId: 'H-OWN:report', deadline: { days: 5 } }));
    await h.ok('grid-g1', { type: 'issue_notice', hazardId: 'H-OWN' });
    h.clock.set('2026-11-07T00:00:00Z');
    expect((await runTick(h.deps, { systemActorId: 'system:scheduler' })).map((r) => ('rejection' in r.result ? r.result.rejection.code : r.action.kind))).toEqual(['due_soon']);
    // A report under another hazard's :report id is not its own.
    await h.refused('grid-g1', reportCommand('H-NEW', { commandId: 'H-OWN2:report' }), 'INVALID_COMMAND');
  });

  // A manual observation names its own hazard id (the portal: obs-<key>). The id of a sensor's or a permit's report is
  // computable (reportHazardId of the device's principal, the warning's key and the rule): an observation created under
  // it first made that report HAZARD_EXISTS — the gas alarm never reported.
  it('an observation under the id the server derives for a report is refused; the report then records its hazard', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    h.deps.packs = new Map([['gas', { pack: { id: 'gas', version: '1.0.0', domain: 'gas' }, evaluate: () => [], check: () => [] }]]) as unknown as typeof h.deps.packs;
    const derived = reportHazardId('system:scheduler', 'dw-0123456789abcdef0123456789abcdef', 'GAS-ALARM');
    const observation = { type: 'report_observation', title: reason('燃气泄漏', 'gas leak'), enterpriseId: 'E1', domain: 'gas', level: 'simple', evidence: [] } as const;
    await h.refused('grid-g1', { ...observation, hazardId: derived }, 'INVALID_COMMAND');
    const refusal = await h.send('grid-g1', { ...observation, hazardId: derived });
    expect('rejection' in refusal && refusal.rejection.message.en).toContain(derived);
    expect('rejection' in refusal && refusal.rejection.message['zh-CN']).toContain(derived);
    await h.ok('grid-g1', { ...observation, hazardId: 'obs-1' });
    await h.ok('system:scheduler', reportCommand(derived, { commandId: `${derived}:report`, source: 'sensor' }));
    expect((await h.state(derived)).source).toBe('sensor');
  });
});
