import { describe, expect, it } from 'vitest';
import { foldEvents } from '../chain/handle-command.js';
import { ingestSensorBatch, ingestSensorMessage, tickDevices } from './ingest-sensor-message.js';
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
    for (let i = 0; i < 50; i++) await ingestSensorMessage(f.deps, f.msg('D-listed', 'disabled'), { topicDevice: 'D-listed' });
    expect(f.store.unsafeLog.length).toBe(1);
    expect((await f.registry.listWarnings({ status: 'open' })).map((w) => [w.key, w.messages])).toEqual([['D-listed/SEN-05/1', 51]]);
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
