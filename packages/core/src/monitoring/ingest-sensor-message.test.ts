import { describe, expect, it } from 'vitest';
import { foldEvents } from '../chain/handle-command.js';
import { createMemoryEvidenceStore } from '../chain/memory-evidence-store.js';
import { testDevice } from '../testing/device-registry-conformance.js';
import { isIdempotencyKey } from '../chain/idempotency-key.js';
import { ingestSensorBatch, ingestSensorMessage, reportDeviceWarnings, tickDevices, warningReportKey } from './ingest-sensor-message.js';
import { monitoringFixture } from './monitoring.test-util.js';

describe('ingestSensorMessage: sensor findings into the review chain', () => {
  it('an alarm-off at a listed place reports a major hazard, source sensor, actor the device principal, basis 令10号 Art. 14; a storm is one', async () => {
    const f = await monitoringFixture();
    const r = await ingestSensorMessage(f.deps, f.msg('D-listed', 'disabled'), { topicDevice: 'D-listed' });
    expect(r.kind).toBe('processed');
    if (r.kind !== 'processed') return;
    expect(r.opened.map((w) => [w.rule, w.level])).toEqual([['SEN-05-H1', 'major']]);
    const hazardId = r.opened[0]!.hazardIds[0]!;
    const state = foldEvents(await f.store.load(hazardId));
    expect(state).toMatchObject({ level: 'major', source: 'sensor', enterpriseId: 'E1', domain: 'monitoring', status: 'reported' });
    const reported = (await f.store.load(hazardId))![0]!;
    expect(reported.actor).toMatchObject({ id: 'device:D-listed', role: 'system' });
    expect(JSON.stringify(reported)).toContain('第十四条');
    // A storm within the device's allowance (one message every 10 s, its registered rate; a flood beyond it: sensor-admission.test).
    for (let i = 0; i < 50; i++) {
      f.clock.advance(10_000);
      await ingestSensorMessage(f.deps, f.msg('D-listed', 'disabled'), { topicDevice: 'D-listed' });
    }
    expect(f.store.unsafeLog.length).toBe(1);
    expect((await f.registry.listWarnings({ status: 'open' })).map((w) => [w.key, w.messages])).toEqual([['D-listed/SEN-05/1', 51]]);
  });

  it('reports a warning under an idempotency key derived from its key: a warning key has / and outgrows 128 characters with a 64-character device id', () => {
    const key = `${'D'.repeat(64)}/${'SEN-05'.repeat(10)}/123456`;
    expect([isIdempotencyKey(key), isIdempotencyKey(warningReportKey(key))]).toEqual([false, true]);
    expect(warningReportKey(key)).toBe(warningReportKey(key));
    expect(warningReportKey(key)).not.toBe(warningReportKey(`${key}7`));
  });

  it('drops unknown devices, topic mismatches, replayed ids and bad payloads with a reason, never throwing', async () => {
    const f = await monitoringFixture();
    const reasons = [];
    reasons.push((await ingestSensorMessage(f.deps, f.msg('D-ghost', 'alarm'))).kind === 'dropped' ? 'unknown' : 'processed');
    const replay = f.msg('D-plain', 'alarm');
    await ingestSensorMessage(f.deps, replay);
    const again = await ingestSensorMessage(f.deps, replay);
    const mismatch = await ingestSensorMessage(f.deps, f.msg('D-plain', 'alarm'), { topicDevice: 'D-listed' });
    const junk = await ingestSensorMessage(f.deps, '{"v":1,"device":"D-plain"');
    expect([reasons[0], again.kind === 'dropped' && again.reason, mismatch.kind === 'dropped' && mismatch.reason, junk.kind === 'dropped' && junk.reason]).toEqual([
      'unknown',
      'duplicate',
      'topic_mismatch',
      'not_json',
    ]);
    expect(f.store.unsafeLog.length).toBe(1);
  });

  it('a crash after reporting and before the commit replays the same hazard on redelivery', async () => {
    const f = await monitoringFixture();
    const raw = f.msg('D-plain', 'fault');
    const commit = f.registry.commit;
    f.registry.commit = async () => {
      throw new Error('killed');
    };
    await expect(ingestSensorMessage(f.deps, raw)).rejects.toThrow('killed');
    f.registry.commit = commit;
    const r = await ingestSensorMessage(f.deps, raw);
    expect(r.kind === 'processed' && r.reports[0]?.reports[0]?.replayed).toBe(true);
    expect(f.store.unsafeLog.length).toBe(1);
  });

  it('tickDevices opens offline warnings after 30 silent minutes and reports them once, however often it runs', async () => {
    const f = await monitoringFixture();
    await tickDevices(f.deps);
    f.clock.advance(30 * 60_000);
    expect((await tickDevices(f.deps)).opened).toEqual([]);
    f.clock.advance(60_000);
    const t = await tickDevices(f.deps);
    expect(t.opened.map((w) => [w.deviceId, w.rule]).sort()).toEqual([
      ['D-chem', 'SEN-02-H1'],
      ['D-listed', 'SEN-02-H1'],
      ['D-plain', 'SEN-02-H1'],
    ]);
    expect((await tickDevices(f.deps)).opened).toEqual([]);
    expect(f.store.unsafeLog.length).toBe(3);
  });
});

describe('ingestSensorBatch: messages that arrived together, one registry transaction', () => {
  it('in order per device (alarm then clear in one batch), a replay inside the batch once, bad ones dropped, one commitBatch', async () => {
    const f = await monitoringFixture();
    const batches: number[] = [];
    const commitBatch = f.registry.commitBatch.bind(f.registry);
    f.registry.commitBatch = async (inputs) => (batches.push(inputs.length), commitBatch(inputs));
    const replay = f.msg('D-plain', 'heartbeat');
    const results = await ingestSensorBatch(f.deps, [
      { raw: f.msg('D-plain', 'alarm'), topicDevice: 'D-plain' },
      { raw: f.msg('D-listed', 'fault'), topicDevice: 'D-listed' },
      { raw: replay, topicDevice: 'D-plain' },
      { raw: replay, topicDevice: 'D-plain' },
      { raw: '{"v":1', topicDevice: 'D-plain' },
      { raw: f.msg('D-plain', 'alarm_cleared'), topicDevice: 'D-plain' },
    ]);
    expect(results.map((r) => (r.kind === 'dropped' ? r.reason : `${r.opened.length}/${r.cleared.length}`))).toEqual(['1/0', '1/0', '0/0', 'duplicate', 'not_json', '0/1']);
    expect(batches).toEqual([4]);
    expect((await f.registry.loadState('D-plain'))?.version).toBe(3);
    expect((await f.registry.listWarnings({ deviceId: 'D-plain' })).map((w) => [w.item, w.status])).toEqual([['SEN-01', 'cleared']]);
    expect((await f.registry.listWarnings({ deviceId: 'D-listed', status: 'open' })).map((w) => [w.rule, w.level])).toEqual([['SEN-03-H2', 'major']]);
    expect(f.store.unsafeLog.length).toBe(2);
  });

  it('a device moved on by another writer meanwhile: its steps run again alone, nothing lost or doubled', async () => {
    const f = await monitoringFixture();
    const commitBatch = f.registry.commitBatch.bind(f.registry);
    let first = true;
    f.registry.commitBatch = async (inputs) => {
      // Another ingester commits a heartbeat of D-plain between this batch's read and its commit.
      if (first) {
        first = false;
        await ingestSensorMessage(f.deps, f.msg('D-plain', 'heartbeat'));
      }
      return commitBatch(inputs);
    };
    const results = await ingestSensorBatch(f.deps, [{ raw: f.msg('D-plain', 'alarm') }, { raw: f.msg('D-plain', 'alarm') }, { raw: f.msg('D-listed', 'heartbeat') }]);
    expect(results.map((r) => r.kind)).toEqual(['processed', 'processed', 'processed']);
    expect((await f.registry.loadState('D-plain'))?.version).toBe(3);
    expect((await f.registry.listWarnings({ deviceId: 'D-plain', status: 'open' })).map((w) => [w.item, w.messages])).toEqual([['SEN-01', 2]]);
  });
});

describe('readings as evidence: a sensor hazard carries the readings behind it', () => {
  it('a device over its budget of unbound uploads still reports the alarm, without the readings document, and does not throw', async () => {
    const f = await monitoringFixture();
    const evidence = createMemoryEvidenceStore({ unbound: { files: 1 } });
    // Left unbound by an earlier refused report of the same device.
    evidence.seed({ id: 'ev-left', sha256: '0'.repeat(64), mime: 'application/json', size: 2, uploaderId: 'device:D-chem', hazardId: null, receivedAt: f.clock.now().toISOString() });
    f.deps.chain = { ...f.chain, evidence };
    await f.registry.putDevice(
      testDevice('D-chem', { kind: 'transmitter', location: '罐区 1 号罐', place: { id: 'P3', name: '罐区', listed: false }, limits: { high: 1.6, unit: 'MPa' }, hazchem: true }),
    );
    const r = await ingestSensorMessage(f.deps, f.msg('D-chem', 'reading', { value: 1.72 }));
    if (r.kind !== 'processed') throw new Error(r.detail);
    const events = (await f.store.load(r.opened[0]!.hazardIds[0]!))!;
    expect([events[0]!.type, (events[0]!.data as { evidence: unknown[] }).evidence]).toEqual(['reported', []]);
    expect(evidence.size).toBe(1);
  });

  it('the report names a document uploaded by the device: value, unit, times, device, place; its SHA-256 is in the event; a retry replays it', async () => {
    const f = await monitoringFixture();
    const evidence = createMemoryEvidenceStore();
    f.deps.chain = { ...f.chain, evidence };
    // D-chem as a pressure transmitter (its principal is in the fixture's directory).
    await f.registry.putDevice(
      testDevice('D-chem', { kind: 'transmitter', location: '罐区 1 号罐', place: { id: 'P3', name: '罐区', listed: false }, limits: { high: 1.6, unit: 'MPa' }, hazchem: true }),
    );
    const at = '2026-12-06T08:59:58+08:00';
    await ingestSensorMessage(f.deps, f.msg('D-chem', 'reading', { value: 1.2 }));
    const r = await ingestSensorMessage(f.deps, JSON.stringify({ v: 1, device: 'D-chem', id: 'pt-2', at, type: 'reading', value: 1.72 }));
    if (r.kind !== 'processed') throw new Error(r.detail);
    const [w] = r.opened;
    expect(w?.item).toBe('SEN-06');
    const events = (await f.store.load(w!.hazardIds[0]!))!;
    const attached = (events[0]!.data as { evidence: Array<{ id: string; kind: string; sha256: string; mime: string }> }).evidence;
    expect(attached.map((e) => [e.kind, e.mime])).toEqual([['document', 'application/json']]);
    const record = (await evidence.get(attached[0]!.id))!;
    expect([record.uploaderId, record.hazardId, record.sha256]).toEqual(['device:D-chem', w!.hazardIds[0], attached[0]!.sha256]);
    const doc = JSON.parse(new TextDecoder().decode((await evidence.read(record.id))!)) as {
      device: { id: string; kind: string; location: string; place: { name: string } };
      readings: Array<{ value: number; unit: string; receivedAt: string; deviceAt?: string; messageId: string }>;
      facts: Record<string, unknown>;
      warning: { rule: string };
    };
    expect([doc.device.id, doc.device.kind, doc.device.location, doc.device.place.name]).toEqual(['D-chem', 'transmitter', '罐区 1 号罐', '罐区']);
    expect(doc.readings.map((x) => [x.value, x.unit, x.deviceAt ?? null])).toEqual([
      [1.2, 'MPa', null],
      [1.72, 'MPa', at],
    ]);
    expect(doc.readings[1]?.receivedAt).toBe(f.clock.now().toISOString());
    expect([doc.facts.reading, doc.facts.reading_high, doc.warning.rule]).toEqual([1.72, 1.6, w!.rule]);
    // A crash after the report, before the commit: the redelivered message replays the report with the same upload.
    const again = await reportDeviceWarnings(f.deps.chain, (await f.registry.getDevice('D-chem'))!, {
      ...f.tracker.observe((await f.registry.getDevice('D-chem'))!, (await f.registry.loadState('D-chem'))!, { v: 1, device: 'D-chem', id: 'pt-2', type: 'reading', value: 1.72 }, f.clock.now()),
      opened: [{ ...w!, hazardIds: [] }],
    });
    expect(again[0]?.reports.map((x) => [x.ok, x.replayed])).toEqual([[true, true]]);
    expect(evidence.size).toBe(1);
  });
});
