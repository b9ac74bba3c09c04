import { describe, expect, expectTypeOf, it } from 'vitest';
import { reportCommand } from '../testing/chain-fixtures.js';
import { createHarness } from '../chain/chain-harness.test-util.js';
import { ingestSensorMessage } from '../monitoring/ingest-sensor-message.js';
import { runDailyWarning } from '../monitoring/daily-warning.js';
import { monitoringFixture } from '../monitoring/monitoring.test-util.js';
import { permitApprovalDue } from '../permits/tick-permit.js';
import { permitNotifications } from '../permits/permit-service.js';
import { applicant, applyCommand, iso, at, PermitRun } from '../permits/permit-harness.test-util.js';
import { createOutboxRelay } from './create-outbox-relay.js';
import type { OutboxEnvelope } from './outbox-envelope.js';
import { OutboxKindError, toOutboxEnvelope } from './to-outbox-envelope.js';

// Hosts cast outbox payloads (`m.payload as unknown as OutboxPayload`): the stored payload is a
// loose record. toOutboxEnvelope gives `{ id, kind, payload }` discriminated by kind, so a
// switch narrows the payload — checked here against what the builders really write.
function line(e: OutboxEnvelope): string {
  switch (e.kind) {
    case 'hazard.notice_issued':
      return `${e.payload.hazardId} due ${e.payload.deadline ?? '-'}`;
    case 'monitoring.daily_warning':
      return `${e.payload.enterprise}: ${e.payload.summary} (${e.payload.counts.alarming} alarming)`;
    case 'monitoring.area_digest':
      return `${e.payload.inspectorId}: ${e.payload.enterprises.length}`;
    case 'permit.approval_due':
    case 'permit.suspended':
    case 'permit.overdue_to_close':
      return `${e.payload.permitNo} ${e.payload.validFromText ?? e.payload.reasonText ?? ''}`;
    default:
      return `${e.kind} v${e.payload.version}`;
  }
}

describe('toOutboxEnvelope', () => {
  it('narrows by kind: the payload of a case is that kind’s type (compile-time)', () => {
    expectTypeOf<Extract<OutboxEnvelope, { kind: 'permit.suspended' }>['payload']['permitNo']>().toEqualTypeOf<string>();
    expectTypeOf<Extract<OutboxEnvelope, { kind: 'monitoring.daily_warning' }>['payload']['summary']>().toEqualTypeOf<string>();
    expectTypeOf<Extract<OutboxEnvelope, { kind: 'hazard.closed' }>['payload']['level']>().toEqualTypeOf<'simple' | 'general' | 'major'>();
  });

  it('every kind the builders write becomes an envelope, through the relays, without a cast', async () => {
    const seen: string[] = [];
    const deliver = async (m: Parameters<typeof toOutboxEnvelope>[0]) => (seen.push(line(toOutboxEnvelope(m))), { ok: true as const });
    // the review chain
    const h = createHarness('2026-03-02T01:00:00Z');
    await h.ok('grid-g1', reportCommand('H-OUT'));
    await h.ok('grid-g1', { type: 'issue_notice', hazardId: 'H-OUT' });
    await createOutboxRelay({ store: h.store, owner: 'r', clock: h.clock, deliver }).runOnce();
    expect(seen).toEqual(['hazard.reported v1', expect.stringMatching(/^H-OUT due 2026-/)]);
    // monitoring
    const f = await monitoringFixture('2026-12-06T00:30:00.000Z');
    await ingestSensorMessage(f.deps, f.msg('D-plain', 'alarm'));
    await runDailyWarning({ registry: f.registry, store: f.store, directory: f.directory }, { enterpriseIds: ['E1'], now: f.clock.now() });
    await createOutboxRelay({ store: f.registry, owner: 'r', clock: f.clock, deliver }).runOnce();
    expect(seen[2]).toMatch(/: .*报警.* \(1 alarming\)$/);
    // permits
    const run = new PermitRun();
    run.ok(applyCommand({ validFrom: iso(120) }), applicant, -60);
    for (const n of permitNotifications(run.state, permitApprovalDue(run.state!, at(60)))) seen.push(line(toOutboxEnvelope(n)));
    expect(seen[3]).toBe('XK-P-1 2026-12-07 18:00');
  });

  it('fails closed, bilingual: an unknown kind, a payload of another kind, a payload that is not an object, a penalty notice without its penalty', () => {
    const bad = [
      { id: 'm1', topic: 'hazard.closed', payload: { hazardId: 'H', type: 'reported' } },
      { id: 'm2', topic: 'monitoring.nightly_warning', payload: { enterpriseId: 'E1' } },
      { id: 'm3', topic: 'permit.suspended', payload: { enterpriseId: 'E1' } },
      { id: 'm4', topic: 'constructor', payload: {} },
      { id: 'm5', topic: 'hazard.closed', payload: null as unknown as Record<string, unknown> },
      // a penalty notice's text names its deadlines: one without them is not sent
      { id: 'm6', topic: 'hazard.penalty_notified', payload: { hazardId: 'H', type: 'penalty_notified' } },
    ];
    for (const m of bad) {
      let error: unknown;
      try {
        toOutboxEnvelope(m);
      } catch (e) {
        error = e;
      }
      expect(OutboxKindError.is(error), m.id).toBe(true);
      expect((error as Error).message).toMatch(/外发消息/);
      expect((error as OutboxKindError).code).toBe('OUTBOX_KIND_UNKNOWN');
    }
  });
});
