import { describe, expect, it } from 'vitest';
import { testDevice } from '../testing/device-registry-conformance.js';
import type { DeviceWarning } from './device-state.js';
import { createDeviceTracker } from './device-tracker.js';
import { createHeldSensorMessages, heldSensorMessages } from './held-sensor-messages.js';
import { ingestSensorBatch, ingestSensorMessage, tickDevices } from './ingest-sensor-message.js';
import { monitoringFixture } from './monitoring.test-util.js';
import { DEFAULT_ADMISSION_BURST, DEFAULT_ADMISSION_PER_INTERVAL } from './sensor-admission.js';
import type { SensorMessage, SensorMessageType } from './sensor-message.js';

type Fixture = Awaited<ReturnType<typeof monitoringFixture>>;

/** The time one token takes to come back at the default allowance: a 60 s interval / 6 = 10 s. */
const TOKEN_MS = (60 * 1000) / DEFAULT_ADMISSION_PER_INTERVAL;

async function fixture(flapWindowMs?: number) {
  const f = await monitoringFixture();
  await f.registry.putDevice(testDevice('D-chem', { kind: 'transmitter', place: { id: 'P3', name: '罐区', listed: false }, limits: { high: 1.6, unit: 'MPa' }, hazchem: true }));
  if (flapWindowMs !== undefined) f.deps.tracker = createDeviceTracker({ pack: f.pack, recurrenceWindowMs: 3_600_000, flapWindowMs });
  return f;
}

const send = async (f: Fixture, raw: string) => (await ingestSensorBatch(f.deps, [{ raw }]))[0]!;

/** The device floods heartbeats at one instant until its bucket is empty (the last ones refused). */
async function floodHeartbeats(f: Fixture, device: string) {
  const results = await ingestSensorBatch(
    f.deps,
    Array.from({ length: DEFAULT_ADMISSION_BURST + 5 }, () => ({ raw: f.msg(device, 'heartbeat') })),
  );
  expect(results.at(-1)).toMatchObject({ kind: 'dropped', reason: 'rate_limited' });
}

/** Sends messages that must all be refused (the bucket is empty). */
async function refused(f: Fixture, raws: string[]) {
  for (const raw of raws) expect(await send(f, raw)).toMatchObject({ kind: 'dropped', reason: 'rate_limited' });
}

/** What a warning's history decides, without its times and message counts. */
const shape = (ws: readonly DeviceWarning[]) =>
  ws
    .filter((w) => w.item !== 'FLOOD')
    .map((w) => ({ key: w.key, status: w.status, level: w.level, escalated: w.escalated, flaps: w.flaps ?? 0, hazards: w.hazardIds.length }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
const reported = (f: Fixture) => f.store.unsafeLog.filter((e) => e.type === 'reported').length;

/** How the kept messages reach the tracker once the flood ends: the host's tick, or the device's next (admitted) heartbeat. */
const endings = {
  tick: (f: Fixture) => tickDevices(f.deps),
  'next message': async (f: Fixture) => expect((await ingestSensorMessage(f.deps, f.msg('D-plain', 'heartbeat'))).kind).toBe('processed'),
};

describe('an alarm cleared during a flood: every change the device reported is evaluated, in order', () => {
  for (const [ending, end] of Object.entries(endings)) {
    it(`alarm (admitted, raised), flood, alarm_cleared refused and kept, flood ends: the warning is cleared — ${ending}`, async () => {
      const f = await fixture();
      expect(await send(f, f.msg('D-plain', 'alarm'))).toMatchObject({ kind: 'processed', opened: [{ key: 'D-plain/SEN-01/1' }] });
      await floodHeartbeats(f, 'D-plain');
      await refused(f, [f.msg('D-plain', 'alarm_cleared')]);
      f.clock.advance(TOKEN_MS);
      await end(f);
      expect((await f.registry.loadState('D-plain'))!.alarm).toBe(false);
      expect(shape(await f.registry.listWarnings({ deviceId: 'D-plain' }))).toEqual([{ key: 'D-plain/SEN-01/1', status: 'cleared', level: 'simple', escalated: false, flaps: 0, hazards: 1 }]);
      expect(heldSensorMessages(f.registry).devices()).toBe(0);
    });

    it(`alarm raised, flood, alarm_cleared then alarm again, both refused: cleared and reopened (the same episode, one flap), not silently continued — ${ending}`, async () => {
      const f = await fixture();
      await send(f, f.msg('D-plain', 'alarm'));
      await floodHeartbeats(f, 'D-plain');
      await refused(f, [f.msg('D-plain', 'alarm_cleared'), f.msg('D-plain', 'alarm')]);
      f.clock.advance(TOKEN_MS);
      await end(f);
      expect((await f.registry.loadState('D-plain'))!.alarm).toBe(true);
      expect(shape(await f.registry.listWarnings({ deviceId: 'D-plain' }))).toEqual([{ key: 'D-plain/SEN-01/1', status: 'open', level: 'simple', escalated: false, flaps: 1, hazards: 1 }]);
      expect(reported(f)).toBe(1);
    });

    it(`no alarm, flood, alarm then alarm_cleared, both refused: the alarm is raised and reported, then cleared — ${ending}`, async () => {
      const f = await fixture();
      await floodHeartbeats(f, 'D-plain');
      await refused(f, [f.msg('D-plain', 'alarm'), f.msg('D-plain', 'alarm_cleared')]);
      f.clock.advance(TOKEN_MS);
      await end(f);
      expect((await f.registry.loadState('D-plain'))!.alarm).toBe(false);
      // The cleared warning keeps the hazard it was reported as.
      expect(shape(await f.registry.listWarnings({ deviceId: 'D-plain' }))).toEqual([{ key: 'D-plain/SEN-01/1', status: 'cleared', level: 'simple', escalated: false, flaps: 0, hazards: 1 }]);
      expect(reported(f)).toBe(1);
      const state = (await f.registry.loadState('D-plain'))!;
      expect(state.recent?.map((r) => r.type)).toEqual(['alarm', 'alarm_cleared']);
    });
  }

  it('with flapWindowMs 0, a clear and a return during the flood are two episodes, as without a flood: SEN-01/1 cleared, SEN-01/2 open, escalated, two hazards', async () => {
    const f = await fixture(0);
    await send(f, f.msg('D-plain', 'alarm'));
    await floodHeartbeats(f, 'D-plain');
    await refused(f, [f.msg('D-plain', 'alarm_cleared'), f.msg('D-plain', 'alarm')]);
    f.clock.advance(TOKEN_MS);
    await tickDevices(f.deps);
    expect(shape(await f.registry.listWarnings({ deviceId: 'D-plain' }))).toEqual([
      { key: 'D-plain/SEN-01/1', status: 'cleared', level: 'simple', escalated: false, flaps: 0, hazards: 1 },
      { key: 'D-plain/SEN-01/2', status: 'open', level: 'general', escalated: true, flaps: 0, hazards: 1 },
    ]);
    expect(reported(f)).toBe(2);
  });

  it('an admitted message of the same kind does not drop the kept clear: alarm raised, clear refused, the next alarm admitted → cleared and reopened', async () => {
    const f = await fixture();
    await send(f, f.msg('D-plain', 'alarm'));
    await floodHeartbeats(f, 'D-plain');
    await refused(f, [f.msg('D-plain', 'alarm_cleared')]);
    f.clock.advance(TOKEN_MS);
    const r = await send(f, f.msg('D-plain', 'alarm'));
    expect(r).toMatchObject({ kind: 'processed', cleared: [{ key: 'D-plain/SEN-01/1' }], updated: [{ key: 'D-plain/SEN-01/1', status: 'open', flaps: 1 }] });
    expect(shape(await f.registry.listWarnings({ deviceId: 'D-plain' }))).toEqual([{ key: 'D-plain/SEN-01/1', status: 'open', level: 'simple', escalated: false, flaps: 1, hazards: 1 }]);
  });

  it('a reading over the limit refused between two normal ones is evaluated: SEN-06 raised with the over-limit facts, reported, then cleared', async () => {
    const f = await fixture();
    await floodHeartbeats(f, 'D-chem');
    await refused(f, [f.msg('D-chem', 'reading', { value: 1.9 }), f.msg('D-chem', 'reading', { value: 1.0 })]);
    f.clock.advance(TOKEN_MS);
    const tick = await tickDevices(f.deps);
    expect(tick.reports.flatMap((r) => r.reports.map((x) => x.ok))).toEqual([true]);
    expect((await f.registry.loadState('D-chem'))!.reading).toBe(1.0);
    expect(shape(await f.registry.listWarnings({ deviceId: 'D-chem' }))).toEqual([{ key: 'D-chem/SEN-06/1', status: 'cleared', level: 'general', escalated: false, flaps: 0, hazards: 1 }]);
  });

  // Differential: the same messages sent one per token time (each admitted and evaluated on its own) and sent during a
  // flood (all refused, kept, applied at once) end with the same warnings — keys, status, level, recurrence, flaps, hazards.
  const sequences: SensorMessageType[][] = [];
  for (let n = 1; n <= 3; n++) for (let bits = 0; bits < 2 ** n; bits++) sequences.push(Array.from({ length: n }, (_, i) => ((bits >> i) & 1 ? 'alarm' : 'alarm_cleared')));
  for (const flapWindowMs of [undefined, 0]) {
    it(`any alarm/clear sequence of up to 3 messages, from quiet or alarming, flap window ${flapWindowMs ?? 'default'}: flooded = one by one`, async () => {
      for (const alarming of [false, true]) {
        for (const sequence of sequences) {
          const outcome = async (flooded: boolean) => {
            const f = await fixture(flapWindowMs);
            if (alarming) await send(f, f.msg('D-plain', 'alarm'));
            f.clock.advance(TOKEN_MS);
            if (flooded) {
              await floodHeartbeats(f, 'D-plain');
              await refused(
                f,
                sequence.map((t) => f.msg('D-plain', t)),
              );
              f.clock.advance(TOKEN_MS);
              await tickDevices(f.deps);
            } else {
              for (const t of sequence) {
                expect((await send(f, f.msg('D-plain', t))).kind).toBe('processed');
                f.clock.advance(TOKEN_MS);
              }
            }
            return { alarm: (await f.registry.loadState('D-plain'))!.alarm, warnings: shape(await f.registry.listWarnings({ deviceId: 'D-plain' })), reported: reported(f) };
          };
          expect({ alarming, sequence, ...(await outcome(true)) }).toEqual({ alarming, sequence, ...(await outcome(false)) });
        }
      }
    });
  }
});

describe('what is kept per device stays bounded whatever the flood', () => {
  const m = (type: SensorMessageType, id: string, value?: number): SensorMessage => ({ v: 1, device: 'D', id, type, ...(value === undefined ? {} : { value }) });

  it('an on/off kind keeps the latest message of its last three runs; readings the latest, the highest and the lowest; heartbeats nothing; in order of arrival', () => {
    const held = createHeldSensorMessages();
    const at = new Date('2026-12-06T01:00:00.000Z');
    const sent: SensorMessage[] = [m('alarm', 'a1'), m('reading', 'r1', 1.2), m('alarm_cleared', 'c1'), m('reading', 'r2', 1.9), m('alarm', 'a2'), m('alarm', 'a3'), m('heartbeat', 'h1')];
    sent.push(m('reading', 'r3', 0.4), m('alarm_cleared', 'c2'), m('reading', 'r4', 1.1), m('fault', 'f1'));
    for (const message of sent) held.hold('D', message, at);
    expect(held.peek('D').map((h) => h.message.id)).toEqual(['c1', 'r2', 'a3', 'r3', 'c2', 'r4', 'f1']);
    // A long flood alternating every kind: at most 3 per on/off kind (4 kinds) + 3 readings.
    const types: SensorMessageType[] = ['alarm', 'alarm_cleared', 'fault', 'fault_cleared', 'battery_low', 'battery_ok', 'disabled', 'enabled', 'reading', 'heartbeat'];
    for (let i = 0; i < 10_000; i++) held.hold('D', m(types[i % types.length]!, `x${i}`, (i * 7919) % 101), at);
    expect(held.peek('D').length).toBeLessThanOrEqual(4 * 3 + 3);
    expect(held.devices()).toBe(1);
  });

  it('the same message kept twice (a batch processed again after a conflict) is kept once, in its place', () => {
    const held = createHeldSensorMessages();
    const at = new Date('2026-12-06T01:00:00.000Z');
    for (const message of [m('alarm', 'a1'), m('alarm_cleared', 'c1'), m('alarm', 'a1')]) held.hold('D', message, at);
    expect(held.peek('D').map((h) => h.message.id)).toEqual(['a1', 'c1']);
  });
});

describe('the limit: kept messages live in the ingesting process', () => {
  it('a restart (a new registry object over the same data) forgets an alarm refused during a flood; the silent device is then seen as offline', async () => {
    const f = await fixture();
    await floodHeartbeats(f, 'D-plain');
    await refused(f, [f.msg('D-plain', 'alarm')]);
    const restarted = { ...f.registry };
    const deps = { ...f.deps, registry: restarted };
    f.clock.advance(TOKEN_MS);
    expect((await tickDevices(deps)).opened.filter((w) => w.deviceId === 'D-plain')).toEqual([]);
    f.clock.advance(31 * 60_000);
    expect((await tickDevices(deps)).opened.filter((w) => w.deviceId === 'D-plain').map((w) => w.item)).toEqual(['SEN-02']);
    expect((await f.registry.loadState('D-plain'))!.alarm).toBe(false);
  });
});
