import { describe, expect, it } from 'vitest';
import { testDevice } from '../testing/device-registry-conformance.js';
import { heldSensorMessages } from './held-sensor-messages.js';
import { createMemoryDeviceRegistry } from './memory-device-registry.js';
import { ingestSensorBatch, ingestSensorMessage, tickDevices, type IngestResult } from './ingest-sensor-message.js';
import { runDailyWarning } from './daily-warning.js';
import { monitoringFixture } from './monitoring.test-util.js';
import { DEFAULT_ADMISSION_BURST, DEFAULT_ADMISSION_PER_INTERVAL } from './sensor-admission.js';
import { checkSensorMessageFacts } from './sensor-message-facts.js';

/** D-chem as a pressure transmitter reporting once a minute (the default interval), limit 1.6 MPa. */
async function transmitterFixture() {
  const f = await monitoringFixture();
  await f.registry.putDevice(
    testDevice('D-chem', { kind: 'transmitter', location: '罐区 1 号罐', place: { id: 'P3', name: '罐区', listed: false }, limits: { high: 1.6, unit: 'MPa' }, hazchem: true }),
  );
  return f;
}

/** `count` readings with unique ids from D-chem within one minute of the fixture's clock, in batches of 200 (with `tick`, the host's tickDevices after each). */
async function flood(f: Awaited<ReturnType<typeof monitoringFixture>>, count: number, value: (i: number) => number, tick = false): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for (let start = 0; start < count; start += 200) {
    const batch = [];
    for (let i = start; i < Math.min(count, start + 200); i++) batch.push({ raw: f.msg('D-chem', 'reading', { value: value(i) }), topicDevice: 'D-chem' });
    out.push(...(await ingestSensorBatch(f.deps, batch)));
    f.clock.advance(Math.floor(60_000 / (count / 200)) - 1);
    if (tick) await tickDevices(f.deps);
  }
  return out;
}

const tally = (results: readonly IngestResult[]) =>
  results.reduce<Record<string, number>>((n, r) => ((n[r.kind === 'dropped' ? r.reason : 'processed'] = (n[r.kind === 'dropped' ? r.reason : 'processed'] ?? 0) + 1), n), {});
const hazardReported = (f: Awaited<ReturnType<typeof monitoringFixture>>) => [...f.store.unsafeOutbox.values()].filter((m) => m.topic === 'hazard.reported').length;

describe('admission: a device flooding unique message ids is held to its registered reporting interval', () => {
  it('10 000 over-threshold readings in a minute: at most burst + one minute of allowance processed, the rest rate_limited; one hazard, one FLOOD warning, one daily SMS', async () => {
    const f = await transmitterFixture();
    const results = await flood(f, 10_000, () => 1.9);
    const counts = tally(results);
    const allowed = DEFAULT_ADMISSION_BURST + DEFAULT_ADMISSION_PER_INTERVAL;
    expect(counts.processed).toBeGreaterThanOrEqual(DEFAULT_ADMISSION_BURST);
    expect(counts.processed).toBeLessThanOrEqual(allowed);
    expect(counts.rate_limited).toBe(10_000 - counts.processed!);
    // Only admitted ids are remembered: the flood adds no rows at its own rate.
    const ids = results.flatMap((r) => (r.kind === 'processed' ? [r.messageId] : []));
    expect(ids).toHaveLength(counts.processed!);
    expect((await f.registry.loadState('D-chem'))?.version).toBe(counts.processed! + 1); // + the FLOOD warning's one write
    const warnings = await f.registry.listWarnings({ deviceId: 'D-chem', status: 'open' });
    expect(warnings.map((w) => [w.item, w.messages]).sort()).toEqual([
      ['FLOOD', 0],
      ['SEN-06', counts.processed],
    ]);
    expect(warnings.find((w) => w.item === 'FLOOD')).toMatchObject({ key: 'D-chem/FLOOD/1', level: 'general', hazardIds: [] });
    expect(f.store.unsafeLog.length).toBe(1);
    expect(hazardReported(f)).toBe(1);
    await runDailyWarning({ registry: f.registry, store: f.store, directory: f.directory }, { enterpriseIds: ['E1'], now: f.clock.now() });
    const notifications = await f.registry.readNotifications();
    expect(notifications).toHaveLength(1);
    expect(JSON.stringify(notifications[0]!.payload)).toContain('消息过频');
  });

  it('10 000 readings alternating over and under the limit: one hazard, not one per crossing (a flap reopens the same warning)', async () => {
    const f = await transmitterFixture();
    await flood(f, 10_000, (i) => (i % 2 === 0 ? 1.9 : 1.0));
    expect(f.store.unsafeLog.length).toBe(1);
    expect(hazardReported(f)).toBe(1);
    const sen06 = (await f.registry.listWarnings({ deviceId: 'D-chem' })).filter((w) => w.item === 'SEN-06');
    expect(sen06.map((w) => w.key)).toEqual(['D-chem/SEN-06/1']);
    expect(sen06[0]!.flaps).toBeGreaterThan(1);
  });

  it('the same flood with admission off (as before): every reading processed, one hazard per crossing', async () => {
    const f = await transmitterFixture();
    f.deps.admission = false;
    f.deps.tracker = (await import('./device-tracker.js')).createDeviceTracker({ pack: f.pack, recurrenceWindowMs: 3_600_000, flapWindowMs: 0 });
    const counts = tally(await flood(f, 400, (i) => (i % 2 === 0 ? 1.9 : 1.0)));
    expect(counts).toEqual({ processed: 400 });
    expect(hazardReported(f)).toBe(200);
  });

  it('the episode ends once the device keeps within its allowance long enough to refill the bucket; the next flood is FLOOD/2', async () => {
    const f = await transmitterFixture();
    await flood(f, 400, () => 1.0);
    f.clock.advance(6 * 60_000);
    const calm = await ingestSensorMessage(f.deps, f.msg('D-chem', 'reading', { value: 1.0 }), { topicDevice: 'D-chem' });
    expect(calm.kind).toBe('processed');
    expect((await f.registry.listWarnings({ deviceId: 'D-chem' })).map((w) => [w.key, w.status])).toEqual([['D-chem/FLOOD/1', 'cleared']]);
    await flood(f, 400, () => 1.0);
    expect((await f.registry.listWarnings({ deviceId: 'D-chem', status: 'open' })).map((w) => w.key)).toEqual(['D-chem/FLOOD/2']);
  });

  it('redelivered ids are duplicates and take no allowance; one message at a time (ingestSensorMessage) applies the same rule', async () => {
    const f = await transmitterFixture();
    const again = f.msg('D-chem', 'heartbeat');
    const first = [];
    for (let i = 0; i < 100; i++) first.push((await ingestSensorMessage(f.deps, again)).kind === 'processed' ? 'processed' : 'dropped');
    expect(first.filter((k) => k === 'processed')).toHaveLength(1);
    const results: IngestResult[] = [];
    for (let i = 0; i < 100; i++) results.push(await ingestSensorMessage(f.deps, f.msg('D-chem', 'heartbeat')));
    expect(tally(results)).toEqual({ processed: DEFAULT_ADMISSION_BURST - 1, rate_limited: 100 - DEFAULT_ADMISSION_BURST + 1 });
    expect((await f.registry.listWarnings({ deviceId: 'D-chem', status: 'open' })).map((w) => w.key)).toEqual(['D-chem/FLOOD/1']);
  });

  it('derived from the registered reporting interval: a device reporting every 5 s is allowed 12 times more per minute', async () => {
    const f = await transmitterFixture();
    await f.registry.putDevice({ ...(await f.registry.getDevice('D-chem'))!, reportIntervalS: 5 });
    const counts = tally(await flood(f, 2_000, () => 1.0));
    expect(counts.processed).toBeGreaterThan(DEFAULT_ADMISSION_BURST + 10 * DEFAULT_ADMISSION_PER_INTERVAL);
    expect(counts.processed).toBeLessThanOrEqual(DEFAULT_ADMISSION_BURST + 12 * DEFAULT_ADMISSION_PER_INTERVAL);
  });
});

type Fixture = Awaited<ReturnType<typeof monitoringFixture>>;
/** One message, either alone (ingestSensorMessage) or as a batch of one (ingestSensorBatch). */
const sendVia = {
  'one at a time': async (f: Fixture, raws: string[]) => {
    const out: IngestResult[] = [];
    for (const raw of raws) out.push(await ingestSensorMessage(f.deps, raw));
    return out;
  },
  'in batches': (f: Fixture, raws: string[]) =>
    ingestSensorBatch(
      f.deps,
      raws.map((raw) => ({ raw })),
    ),
};
/** The time one token takes to come back at the default allowance: a 60 s interval / 6 = 10 s. */
const TOKEN_MS = (60 * 1000) / DEFAULT_ADMISSION_PER_INTERVAL;

describe('admission keeps the latest refused state: an alarm sent during a flood is raised within one token time', () => {
  for (const [via, send] of Object.entries(sendVia)) {
    it(`a smoke alarm flooding heartbeats sends one alarm: refused at once, raised with the first message admitted ≤ 10 s later (${via})`, async () => {
      const f = await monitoringFixture();
      const heartbeats = (n: number) => Array.from({ length: n }, () => f.msg('D-plain', 'heartbeat'));
      expect(tally(await send(f, heartbeats(100)))).toEqual({ processed: DEFAULT_ADMISSION_BURST, rate_limited: 100 - DEFAULT_ADMISSION_BURST });
      const alarmAt = f.clock.now().getTime();
      const [alarm] = await send(f, [f.msg('D-plain', 'alarm')]);
      expect(alarm).toMatchObject({ kind: 'dropped', reason: 'rate_limited' });
      // The flood goes on, one heartbeat a second: refused until a token is back.
      let raisedBy: IngestResult | undefined;
      for (let s = 1; s <= 15 && raisedBy === undefined; s++) {
        f.clock.advance(1000);
        const [r] = await send(f, heartbeats(1));
        if (r!.kind === 'processed' && r!.opened.some((w) => w.item === 'SEN-01')) raisedBy = r;
        else expect(r).toMatchObject({ kind: 'dropped', reason: 'rate_limited' });
      }
      expect(raisedBy).toBeDefined();
      const [sen01] = await f.registry.listWarnings({ deviceId: 'D-plain', status: 'open' }).then((ws) => ws.filter((w) => w.item === 'SEN-01'));
      expect(Date.parse(sen01!.openedAt) - alarmAt).toBeLessThanOrEqual(TOKEN_MS);
      expect(sen01!.hazardIds).toHaveLength(1);
      expect(f.store.unsafeLog.filter((e) => e.type === 'reported')).toHaveLength(1);
      // The readings document shows the alarm at the time it arrived, not when it was evaluated.
      const state = (await f.registry.loadState('D-plain'))!;
      expect(state.alarm).toBe(true);
      expect(state.recent?.map((r) => [r.type, Date.parse(r.receivedAt) - alarmAt]).at(-1)).toEqual(['alarm', 0]);
      expect(heldSensorMessages(f.registry).devices()).toBe(0);
    });
  }

  it('the flood stops right after the alarm: the host tick raises it once the bucket holds a token, not before, and only once', async () => {
    const f = await monitoringFixture();
    await sendVia['in batches'](f, [...Array.from({ length: 60 }, () => f.msg('D-plain', 'heartbeat')), f.msg('D-plain', 'alarm')]);
    const version = (await f.registry.loadState('D-plain'))!.version;
    f.clock.advance(TOKEN_MS / 2);
    const early = await tickDevices(f.deps);
    expect(early.opened.filter((w) => w.deviceId === 'D-plain')).toEqual([]);
    expect((await f.registry.loadState('D-plain'))!.version).toBe(version); // an empty bucket: nothing written
    f.clock.advance(TOKEN_MS / 2);
    const due = await tickDevices(f.deps);
    expect(due.opened.map((w) => w.key)).toEqual(['D-plain/SEN-01/1']);
    expect(due.reports.flatMap((r) => r.reports.map((x) => x.ok))).toEqual([true]);
    expect((await tickDevices(f.deps)).opened).toEqual([]);
    expect(f.store.unsafeLog.filter((e) => e.type === 'reported')).toHaveLength(1);
  });

  it('per kind, bounded: an alarm raised and cleared, 2 000 readings over the limit then one under, a fault, battery low, all refused — the changes and the extremes kept, evaluated in order', async () => {
    const f = await transmitterFixture();
    const refused = [
      f.msg('D-chem', 'alarm'),
      ...Array.from({ length: 2_000 }, (_, i) => f.msg('D-chem', 'reading', { value: 1.7 + (i % 5) / 10 })),
      f.msg('D-chem', 'fault'),
      f.msg('D-chem', 'alarm_cleared'),
      f.msg('D-chem', 'battery_low'),
      f.msg('D-chem', 'reading', { value: 1.0 }),
    ];
    const results = await sendVia['in batches'](f, [...Array.from({ length: DEFAULT_ADMISSION_BURST }, () => f.msg('D-chem', 'heartbeat')), ...refused]);
    expect(tally(results)).toEqual({ processed: DEFAULT_ADMISSION_BURST, rate_limited: refused.length });
    // Bounded, whatever the flood's length: the last changes of each on/off kind, the highest and the latest reading.
    expect(
      heldSensorMessages(f.registry)
        .peek('D-chem')
        .map((h) => [h.message.type, h.message.value]),
    ).toEqual([
      ['alarm', undefined],
      ['reading', 1.7 + 4 / 10],
      ['fault', undefined],
      ['alarm_cleared', undefined],
      ['battery_low', undefined],
      ['reading', 1.0],
    ]);
    f.clock.advance(TOKEN_MS);
    expect((await sendVia['one at a time'](f, [f.msg('D-chem', 'heartbeat')]))[0]!.kind).toBe('processed');
    expect((await f.registry.loadState('D-chem'))!).toMatchObject({ alarm: false, fault: true, batteryLow: true, reading: 1.0 });
    // The alarm and the over-limit readings were raised and reported, then cleared by the device's later messages.
    const items = (await f.registry.listWarnings({ deviceId: 'D-chem' })).map((w) => [w.item, w.status, w.hazardIds.length]).sort();
    expect(items).toEqual([
      ['FLOOD', 'open', 0],
      ['SEN-01', 'cleared', 1],
      ['SEN-03', 'open', 1],
      ['SEN-04', 'open', 1],
      ['SEN-06', 'cleared', 1],
    ]);
  });

  it('a reading admitted later does not hide an over-limit one refused in between: that one is evaluated first (raised, reported), then cleared by the admitted one', async () => {
    const f = await transmitterFixture();
    await sendVia['in batches'](f, [...Array.from({ length: DEFAULT_ADMISSION_BURST }, () => f.msg('D-chem', 'reading', { value: 1.0 })), f.msg('D-chem', 'reading', { value: 1.9 })]);
    f.clock.advance(TOKEN_MS);
    expect((await sendVia['one at a time'](f, [f.msg('D-chem', 'reading', { value: 1.1 })]))[0]).toMatchObject({
      kind: 'processed',
      opened: [{ key: 'D-chem/SEN-06/1' }],
      cleared: [{ key: 'D-chem/SEN-06/1', status: 'cleared' }],
    });
    expect(heldSensorMessages(f.registry).devices()).toBe(0);
    expect((await f.registry.listWarnings({ deviceId: 'D-chem' })).map((w) => [w.item, w.status, w.hazardIds.length])).toEqual([
      ['FLOOD', 'open', 0],
      ['SEN-06', 'cleared', 1],
    ]);
    expect((await f.registry.loadState('D-chem'))!.reading).toBe(1.1);
  });

  it('10 000 readings alternating over and under the limit with the host ticking every 1.2 s: still one hazard, evaluations within the allowance', async () => {
    const f = await transmitterFixture();
    await flood(f, 10_000, (i) => (i % 2 === 0 ? 1.9 : 1.0), true);
    expect(hazardReported(f)).toBe(1);
    expect((await f.registry.listWarnings({ deviceId: 'D-chem' })).filter((w) => w.item === 'SEN-06').map((w) => w.key)).toEqual(['D-chem/SEN-06/1']);
    // Every commit of the device took a token (admitted messages and tick applications alike), plus the FLOOD warning's one write.
    expect((await f.registry.loadState('D-chem'))!.version).toBeLessThanOrEqual(DEFAULT_ADMISSION_BURST + DEFAULT_ADMISSION_PER_INTERVAL + 1);
  });
});

describe('fail closed: what the schema cannot see is refused with a located reason, never read as normal', () => {
  it('non-finite value, reading without limits, unknown or other unit, bad, future, stale or pre-registration time, unknown device, wrong shape — one at a time and in a batch', async () => {
    const f = await transmitterFixture();
    await f.registry.putDevice({ ...(await f.registry.getDevice('D-chem'))!, registeredAt: '2026-12-01T00:00:00.000Z' });
    const now = f.clock.now().getTime();
    const iso = (ms: number) => new Date(ms).toISOString();
    const cases: Array<[string, string, string]> = [
      // JSON.parse reads 1e400 as Infinity (stored, JSON would write it as null): the schema's number refuses it.
      ['{"v":1,"device":"D-chem","id":"c1","type":"reading","value":1e400}', 'invalid', '/value must be number'],
      ['{"v":1,"device":"D-chem","id":"c2","type":"reading","value":-1e400}', 'invalid', '/value must be number'],
      [f.msg('D-plain', 'reading', { value: 3 }), 'invalid', '/value: the device has no registered limits'],
      [f.msg('D-chem', 'reading', { value: 1.2, unit: 'kPa' }), 'invalid', '/unit "kPa" is not the device\'s registered unit "MPa"'],
      [f.msg('D-listed', 'alarm', { unit: '%LEL' }), 'invalid', '/unit "%LEL": the device has no registered unit'],
      [f.msg('D-chem', 'reading', { value: 1.2, at: '2026-13-01T00:00:00Z' }), 'invalid', '/at 2026-13-01T00:00:00Z is not a valid instant'],
      [f.msg('D-chem', 'alarm', { at: iso(now + 3_600_000) }), 'bad_time', `/at ${iso(now + 3_600_000)} is ahead`],
      [f.msg('D-listed', 'alarm', { at: iso(now - 8 * 86_400_000) }), 'bad_time', '/at 2026-11-28T01:00:00.000Z is older than the de-duplication window'],
      [f.msg('D-chem', 'alarm', { at: '2026-11-30T23:00:00.000Z' }), 'bad_time', '/at 2026-11-30T23:00:00.000Z is before the device was registered'],
      [f.msg('D-ghost', 'alarm'), 'unknown_device', 'no registered device'],
      ['{"v":1,"device":"D-chem","id":"c3","type":"reading","value":"1.9"}', 'invalid', '/value must be number'],
      ['{"v":1,"device":"D-chem","id":"c4","type":"reading"}', 'invalid', "/ must have required property 'value'"],
      ['[1,2]', 'invalid', '/ must be object'],
    ];
    const one = [];
    for (const [raw] of cases) one.push(await ingestSensorMessage(f.deps, raw));
    const batch = await ingestSensorBatch(
      f.deps,
      cases.map(([raw]) => ({ raw })),
    );
    for (const results of [one, batch]) {
      expect(results.map((r) => (r.kind === 'dropped' ? [r.reason, r.detail.slice(0, cases[results.indexOf(r)]![2].length)] : ['processed', '']))).toEqual(
        cases.map(([, reason, detail]) => [reason, detail]),
      );
    }
    for (const id of ['D-chem', 'D-plain', 'D-listed']) expect(await f.registry.loadState(id)).toBeNull();
    expect(f.store.unsafeLog).toHaveLength(0);
  });

  it("a registration the checks cannot use refuses the device's messages, naming the field — not a skipped check, not a failed batch", async () => {
    const f = await transmitterFixture();
    await f.registry.putDevice({ ...(await f.registry.getDevice('D-chem'))!, reportIntervalS: 0 });
    await f.registry.putDevice({ ...(await f.registry.getDevice('D-plain'))!, registeredAt: 'last week' });
    const results = await ingestSensorBatch(f.deps, [{ raw: f.msg('D-chem', 'heartbeat') }, { raw: f.msg('D-plain', 'alarm') }, { raw: f.msg('D-listed', 'alarm') }]);
    expect(results.map((r) => (r.kind === 'dropped' ? `${r.reason} ${r.detail}` : r.kind))).toEqual([
      'invalid registration /reportIntervalS 0 is not a positive number of seconds / 设备登记的上报周期无效',
      'invalid registration /registeredAt last week is not an instant / 设备登记时间无效',
      'processed',
    ]);
  });

  it('a non-finite value handed over without the schema (a host calling the tracker path itself) is refused too', () => {
    const device = testDevice('D-1', { kind: 'transmitter', limits: { high: 1.6, unit: 'MPa' } });
    for (const value of [Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(checkSensorMessageFacts(device, { v: 1, device: 'D-1', id: 'x', type: 'reading', value }, new Date(), 86_400_000)?.detail).toMatch(/^\/value is not a finite number \/ 读数不是有限数/);
    }
  });

  it("the oldest claimed time is the registry's de-duplication window: a 2-day-old message is refused by a registry that forgets ids after a day, even with a host setting of 7 days", async () => {
    const f = await transmitterFixture();
    const registry = createMemoryDeviceRegistry({ messageDedupWindowMs: 86_400_000 });
    for (const id of ['D-listed', 'D-chem']) await registry.putDevice((await f.registry.getDevice(id))!);
    const at = new Date(f.clock.now().getTime() - 2 * 86_400_000).toISOString();
    const replay = f.msg('D-listed', 'alarm', { at });
    for (const deps of [
      { ...f.deps, registry },
      { ...f.deps, registry, maxMessageAgeMs: 7 * 86_400_000 },
    ]) {
      expect(await ingestSensorMessage(deps, replay)).toMatchObject({
        kind: 'dropped',
        reason: 'bad_time',
        detail: expect.stringMatching(/^\/at .* is older than the de-duplication window \(24 h\)/),
      });
    }
    // A host may still ask for less than the registry keeps; within both, the message is processed.
    expect(await ingestSensorMessage({ ...f.deps, registry, maxMessageAgeMs: 3_600_000 }, f.msg('D-chem', 'alarm', { at: new Date(f.clock.now().getTime() - 7_200_000).toISOString() }))).toMatchObject(
      { reason: 'bad_time' },
    );
    expect((await ingestSensorMessage({ ...f.deps, registry }, f.msg('D-chem', 'alarm', { at: new Date(f.clock.now().getTime() - 7_200_000).toISOString() }))).kind).toBe('processed');
  });

  it('a reading in the registered unit, or naming it, and a claimed time within tolerance are processed', async () => {
    const f = await transmitterFixture();
    const r1 = await ingestSensorMessage(f.deps, f.msg('D-chem', 'reading', { value: 1.2, unit: 'MPa', at: new Date(f.clock.now().getTime() + 60_000).toISOString() }));
    const r2 = await ingestSensorMessage(f.deps, f.msg('D-chem', 'reading', { value: 1.3, at: new Date(f.clock.now().getTime() - 6 * 86_400_000).toISOString() }));
    expect([r1.kind, r2.kind]).toEqual(['processed', 'processed']);
    expect((await f.registry.loadState('D-chem'))?.recent?.map((x) => [x.value, x.unit])).toEqual([
      [1.2, 'MPa'],
      [1.3, 'MPa'],
    ]);
  });
});
