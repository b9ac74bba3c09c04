import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldEvents } from '@anjian/core';
import type { FixedClock } from '@anjian/core/testing';
import mqtt, { type MqttClient } from 'mqtt';
import { createSensorIngester, tickDevices, type MonitoringDeps, type SensorIngester } from '../src/index.js';
import { message, monitoring, publisher, silentLogger, tempDir, topicPrefix, until } from './harness.js';

// Against the real Mosquitto on 127.0.0.1:1883 (scripts/test-setup.sh starts it).
const BROKER_URL = 'mqtt://127.0.0.1:1883';
describe('sensor-mqtt against Mosquitto', () => {
  const tmp = tempDir();
  const prefix = topicPrefix();
  const log = silentLogger();
  let m: Awaited<ReturnType<typeof monitoring>>;
  let ingester: SensorIngester;
  let pub: MqttClient;
  /** Messages processed or dropped so far (received counts them on arrival, before their batch is done). */
  const handled = () => {
    const s = ingester.stats();
    return s.processed + Object.values(s.dropped).reduce((a, b) => a + b, 0);
  };
  const publish = (device: string, payload: string | Buffer, topicDevice = device) => pub.publishAsync(`${prefix}/${topicDevice}/messages`, payload, { qos: 1 });

  beforeAll(async () => {
    m = await monitoring(join(tmp.dir, 'anjian.db'));
    ingester = createSensorIngester({ url: 'mqtt://127.0.0.1:1883', clientId: `anjian-test-${process.pid}`, topic: `${prefix}/+/messages`, deps: m.deps, logger: log.logger });
    await ingester.start();
    pub = await publisher();
  });
  afterAll(async () => {
    await pub?.endAsync();
    await ingester?.stop();
    // Remove the persistent session this run left on the broker.
    await (await mqtt.connectAsync('mqtt://127.0.0.1:1883', { clientId: `anjian-test-${process.pid}`, clean: true })).endAsync();
    m?.close();
    tmp.cleanup();
  });

  it('a bad admission setting is refused when the ingester is made, in both languages (every batch would fail otherwise)', () => {
    for (const admission of [{ burst: 0 }, { perInterval: -1 }, { burst: Number.NaN }]) {
      expect(() => createSensorIngester({ url: BROKER_URL, clientId: 'never-connects', deps: { ...m.deps, admission } as MonitoringDeps })).toThrow(/positive number.*须为正数/);
    }
  });

  it('a switched-off detector at a listed place → a major hazard through the review chain: source sensor, the device principal, 令10号 Art. 14', async () => {
    await publish('D-listed', message('D-listed', 'disabled'));
    await until(() => ingester.stats().processed >= 1);
    const [w] = await m.registry.listWarnings({ deviceId: 'D-listed', status: 'open' });
    expect([w?.rule, w?.level]).toEqual(['SEN-05-H1', 'major']);
    const events = (await m.store.load(w!.hazardIds[0]!))!;
    expect(foldEvents(events)).toMatchObject({ level: 'major', source: 'sensor', domain: 'monitoring', enterpriseId: 'E1' });
    expect(events[0]!.actor).toMatchObject({ id: 'device:D-listed', role: 'system' });
    const basis = (events[0] as unknown as { data: { basis: Array<{ number: string; clause: string }> } }).data.basis;
    expect(basis.map((b) => `${b.number} ${b.clause}`)).toEqual(['应急管理部令第10号 第十四条']);
  });

  // A flood of unique ids was processed at its own rate: 200 alarms in an instant were 200 commits and 200 ids kept
  // for 7 days (a warning with messages: 200). Core's admission now holds the device to its allowance (burst 30).
  it('a flood of 200 alarm messages with unique ids from one device: its burst (30) processed, 170 rate_limited; one warning, one hazard, one FLOOD warning, 30 ids kept', async () => {
    const s0 = ingester.stats();
    const h0 = handled();
    const lines0 = log.lines.length;
    const hazardsBefore = (await m.store.readLog(1, 10_000)).length;
    const sent = Array.from({ length: 200 }, () => message('D-plain', 'alarm'));
    await Promise.all(sent.map((p) => publish('D-plain', p)));
    await until(() => handled() >= h0 + 200, 15_000);
    const s1 = ingester.stats();
    expect([s1.processed - s0.processed, s1.dropped.rate_limited - s0.dropped.rate_limited, s1.errors - s0.errors]).toEqual([30, 170, 0]);
    const warnings = await m.registry.listWarnings({ deviceId: 'D-plain', status: 'open' });
    expect(warnings.map((w) => [w.item, w.level, w.messages])).toEqual([
      ['FLOOD', 'general', 0],
      ['SEN-01', 'simple', 30],
    ]);
    expect((await m.store.readLog(1, 10_000)).length - hazardsBefore).toBe(1);
    const now = m.clock.now().toISOString();
    const kept = await Promise.all(sent.map((p) => m.registry.hasMessage('D-plain', (JSON.parse(p) as { id: string }).id, now)));
    expect(kept.filter(Boolean)).toHaveLength(30);
    // Logged once (then counted by the drop log), not 170 times.
    expect(log.lines.slice(lines0).filter((l) => l.details.reason === 'rate_limited')).toHaveLength(1);
    // Six quiet minutes refill the bucket: the device is within its allowance again.
    (m.clock as FixedClock).advance(6 * 60_000);
  });

  it('clear → recorded; recurrence within the window → escalated; 30 minutes of silence → offline (test clock)', async () => {
    // D-plain's storm warning (SEN-01, open) clears, then the alarm comes back within the hour's window.
    const before = ingester.stats().processed;
    await publish('D-plain', message('D-plain', 'alarm_cleared'));
    await until(() => ingester.stats().processed >= before + 1);
    const cleared = await m.registry.listWarnings({ deviceId: 'D-plain', status: 'cleared' });
    // 30 admitted alarms + the flood's last refused alarm, kept and evaluated (in order) before this clear.
    expect(cleared.map((w) => [w.key, w.messages, w.clearedAt !== null])).toEqual([
      ['D-plain/FLOOD/1', 0, true],
      ['D-plain/SEN-01/1', 31, true],
    ]);
    (m.clock as FixedClock).advance(10 * 60_000);
    await publish('D-plain', message('D-plain', 'alarm'));
    await until(() => ingester.stats().processed >= before + 2);
    const [again] = await m.registry.listWarnings({ deviceId: 'D-plain', status: 'open' });
    expect([again?.key, again?.escalated, again?.rule, again?.level]).toEqual(['D-plain/SEN-01/2', true, 'SEN-01-H2', 'general']);
    // Silence: 31 minutes later by the test clock, the scheduler's tick finds the devices that went quiet offline
    // (D-chem has sent nothing yet: its tracking starts with this tick).
    (m.clock as FixedClock).advance(31 * 60_000);
    const tick = await tickDevices(m.deps);
    expect(tick.opened.map((w) => [w.key, w.level]).sort()).toEqual([
      ['D-listed/SEN-02/1', 'general'],
      ['D-plain/SEN-02/1', 'general'],
    ]);
    expect(tick.reports.every((r) => r.reports.every((x) => x.ok))).toBe(true);
    expect((await tickDevices(m.deps)).opened).toEqual([]);
  });

  it('≥ 200 hostile messages: 0 crashes, each counted and dropped, and the ingester still works afterwards', async () => {
    const replayed = message('D-chem', 'heartbeat');
    const h0 = handled();
    await publish('D-chem', replayed);
    await until(() => handled() >= h0 + 1);
    const s0 = ingester.stats();
    const lines0 = log.lines.length;
    const hostile: Array<[string, string | Buffer]> = [];
    for (let i = 0; i < 20; i++) hostile.push(['D-chem', Buffer.alloc(4097 + i * 5000, 0x41)]); // oversized
    hostile.push(['D-chem', Buffer.alloc(2_000_000, 0x7b)]); // 2 MB of '{'
    for (let i = 0; i < 30; i++) hostile.push(['D-chem', `{"v":1,"device":"D-chem","id":"x${i}"`.slice(0, 5 + i)]); // truncated JSON
    for (let i = 0; i < 10; i++) hostile.push(['D-chem', Buffer.from([0xff, 0xfe, 0x00, i])]); // binary, not UTF-8
    const wrong: unknown[] = [
      null,
      [],
      'alarm',
      42,
      true,
      { v: 1 },
      { v: '1', device: 'D-chem', id: 'a', type: 'alarm' },
      { v: 1, device: 7, id: 'a', type: 'alarm' },
      { v: 1, device: 'D-chem', id: ['a'], type: 'alarm' },
      { v: 1, device: 'D-chem', id: 'a', type: 'ALARM' },
      { v: 1, device: 'D-chem', id: 'a', type: 'reading', value: '12' },
      { v: 1, device: 'D-chem', id: 'a', type: 'reading' },
      { v: 1, device: 'D-chem', id: 'a', type: 'alarm', extra: 1 },
      { v: 1, device: 'D-chem', id: 'a', type: 'alarm', note: 'x'.repeat(500) },
      { v: 1, device: '../../etc', id: 'a', type: 'alarm' },
      { v: 1, device: 'D-chem', id: 'a b', type: 'alarm' },
      { v: 1, device: 'D-chem', id: 'a', type: 'alarm', at: 'yesterday' },
    ];
    for (let i = 0; i < 60; i++) hostile.push(['D-chem', JSON.stringify(wrong[i % wrong.length])]); // wrong types
    hostile.push(['D-chem', '{"v":1,"device":"D-chem","id":"p","type":"alarm","__proto__":{"polluted":true}}']);
    hostile.push(['D-chem', '{"v":1,"device":"D-chem","id":"p","type":"alarm","constructor":{"prototype":{"polluted":true}}}']);
    hostile.push(['D-chem', `${'['.repeat(3000)}${']'.repeat(3000)}`.slice(0, 4000)]); // deep nesting, under the size cap
    for (let i = 0; i < 40; i++) hostile.push([`GHOST-${i}`, message(`GHOST-${i}`, 'alarm')]); // unknown devices
    for (let i = 0; i < 20; i++) hostile.push(['D-listed', message('D-chem', 'alarm')]); // another device's topic
    for (let i = 0; i < 30; i++) hostile.push(['D-chem', replayed]); // replayed id
    expect(hostile.length).toBeGreaterThanOrEqual(200);
    for (const [device, payload] of hostile) await publish(device, payload);
    await until(() => handled() >= h0 + 1 + hostile.length, 15_000);
    const s1 = ingester.stats();
    const dropped = Object.values(s1.dropped).reduce((a, b) => a + b, 0) - Object.values(s0.dropped).reduce((a, b) => a + b, 0);
    expect(dropped).toBe(hostile.length);
    expect(s1.processed).toBe(s0.processed);
    expect(s1.errors).toBe(0);
    expect(s1.dropped.oversized - s0.dropped.oversized).toBe(21);
    expect(s1.dropped.unknown_device - s0.dropped.unknown_device).toBe(40);
    expect(s1.dropped.topic_mismatch - s0.dropped.topic_mismatch).toBe(20);
    expect(s1.dropped.duplicate - s0.dropped.duplicate).toBe(30);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Logged, not flooded: one line per device and reason (dropLog), every reason named.
    // (The flood test's held-back count — 169 more rate_limited — is written at the first drop of this later interval.)
    const warned = log.lines.slice(lines0).filter((l) => l.level === 'warn' && !(l.details.reason === 'rate_limited' && l.details.count !== undefined));
    expect(warned.length).toBeLessThanOrEqual(65);
    expect(new Set(warned.map((l) => l.details.reason))).toEqual(new Set(['oversized', 'not_json', 'invalid', 'unknown_device', 'topic_mismatch', 'duplicate']));
    // Still alive: a real fault is processed.
    await publish('D-chem', message('D-chem', 'fault'));
    await until(() => ingester.stats().processed === s1.processed + 1);
    expect((await m.registry.listWarnings({ deviceId: 'D-chem', status: 'open' })).map((w) => w.rule)).toEqual(['SEN-03-H1']);
  });
  it('a failing registry: the message is not acknowledged, comes again after the reconnect and is processed once', async () => {
    const s0 = ingester.stats();
    const commitBatch = m.registry.commitBatch;
    let failures = 0;
    m.registry.commitBatch = async (inputs) => {
      if (failures++ === 0) throw new Error('database is locked');
      return commitBatch.call(m.registry, inputs);
    };
    try {
      await publish('D-chem', message('D-chem', 'battery_low'));
      await until(() => ingester.stats().processed === s0.processed + 1, 15_000);
    } finally {
      m.registry.commitBatch = commitBatch;
    }
    const s1 = ingester.stats();
    expect(s1.errors - s0.errors).toBe(1);
    expect(log.lines.some((l) => l.level === 'error' && String(l.details.error).includes('database is locked'))).toBe(true);
    expect((await m.registry.listWarnings({ deviceId: 'D-chem', status: 'open' })).filter((w) => w.item === 'SEN-04')).toHaveLength(1);
  });

  // A genuine alarm from a device over its allowance was refused like the rest of the flood and never raised.
  it('a detector flooding heartbeats sends one alarm: rate_limited on arrival, raised with the first heartbeat admitted 10 s later (test clock)', async () => {
    (m.clock as FixedClock).advance(6 * 60_000); // a full bucket
    const s0 = ingester.stats();
    const h0 = handled();
    await Promise.all(Array.from({ length: 60 }, () => publish('D-chem', message('D-chem', 'heartbeat'))));
    await until(() => handled() >= h0 + 60, 15_000);
    await publish('D-chem', message('D-chem', 'alarm'));
    await until(() => handled() >= h0 + 61);
    const s1 = ingester.stats();
    expect([s1.processed - s0.processed, s1.dropped.rate_limited - s0.dropped.rate_limited]).toEqual([30, 31]);
    expect((await m.registry.listWarnings({ deviceId: 'D-chem', status: 'open' })).map((w) => w.item)).not.toContain('SEN-01');
    const hazardsBefore = (await m.store.readLog(1, 10_000)).filter((e) => e.type === 'reported').length;
    (m.clock as FixedClock).advance(10_000); // one token: 60 s / 6
    await publish('D-chem', message('D-chem', 'heartbeat'));
    await until(() => ingester.stats().processed >= s1.processed + 1);
    const [sen01] = (await m.registry.listWarnings({ deviceId: 'D-chem', status: 'open' })).filter((w) => w.item === 'SEN-01');
    expect([sen01?.key, sen01?.openedAt, sen01?.hazardIds.length]).toEqual(['D-chem/SEN-01/1', m.clock.now().toISOString(), 1]);
    expect((await m.store.readLog(1, 10_000)).filter((e) => e.type === 'reported').length - hazardsBefore).toBe(1);
  });
});
