import { describe, expect, it } from 'vitest';
import { testDevice } from '../testing/device-registry-conformance.js';
import { initialDeviceState, type DeviceState } from './device-state.js';
import { createDeviceTracker } from './device-tracker.js';
import type { SensorMessage } from './sensor-message.js';
import { sensorsPack } from './monitoring.test-util.js';

const T0 = Date.parse('2026-12-06T01:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
let n = 0;
const m = (type: SensorMessage['type'], extra: Partial<SensorMessage> = {}): SensorMessage => ({ v: 1, device: 'D-1', id: `m-${++n}`, type, ...extra });

async function setup(device = testDevice('D-1', { place: { id: 'P', name: '大堂', listed: false } })) {
  const tracker = createDeviceTracker({ pack: await sensorsPack(), recurrenceWindowMs: 60 * 60_000 });
  let state: DeviceState = initialDeviceState(device.id, at(0));
  const observe = (msg: SensorMessage, minute: number) => {
    const step = tracker.observe(device, state, msg, at(minute));
    state = step.state;
    return step;
  };
  const tick = (minute: number) => {
    const step = tracker.tick(device, state, at(minute));
    state = step.state;
    return step;
  };
  return { observe, tick, state: () => state };
}

describe('device-condition tracker over the sensors pack', () => {
  it('an alarm opens one warning; a storm of 1 000 alarm messages updates it; the clear is recorded', async () => {
    const t = await setup();
    const first = t.observe(m('alarm'), 1);
    expect(first.opened.map((w) => [w.key, w.rule, w.level, w.escalated])).toEqual([['D-1/SEN-01/1', 'SEN-01-H1', 'simple', false]]);
    for (let i = 0; i < 999; i++) expect(t.observe(m('alarm'), 1).opened).toEqual([]);
    expect(Object.keys(t.state().open)).toEqual(['SEN-01']);
    expect(t.state().open['SEN-01']?.messages).toBe(1000);
    const clear = t.observe(m('alarm_cleared'), 2);
    expect(clear.cleared.map((w) => [w.key, w.status, w.clearedAt, w.messages])).toEqual([['D-1/SEN-01/1', 'cleared', at(2).toISOString(), 1000]]);
    expect(t.state().open).toEqual({});
  });

  it('a recurrence within the window escalates (the pack raises the level); after the window it does not', async () => {
    const t = await setup();
    t.observe(m('alarm'), 1);
    t.observe(m('alarm_cleared'), 2);
    const again = t.observe(m('alarm'), 30);
    expect(again.opened.map((w) => [w.key, w.rule, w.level, w.escalated])).toEqual([['D-1/SEN-01/2', 'SEN-01-H2', 'general', true]]);
    t.observe(m('alarm_cleared'), 31);
    const late = t.observe(m('alarm'), 31 + 61);
    expect(late.opened.map((w) => [w.key, w.level, w.escalated])).toEqual([['D-1/SEN-01/3', 'simple', false]]);
  });

  it('goes offline only after the pack’s 30 minutes of silence (tick with a test clock), and back online on a message', async () => {
    const t = await setup();
    t.observe(m('heartbeat'), 0);
    expect(t.tick(30).opened).toEqual([]);
    const offline = t.tick(31);
    expect(offline.opened.map((w) => [w.item, w.rule, w.level])).toEqual([['SEN-02', 'SEN-02-H1', 'general']]);
    expect(t.tick(45).opened).toEqual([]);
    const back = t.observe(m('heartbeat'), 50);
    expect(back.cleared.map((w) => w.key)).toEqual(['D-1/SEN-02/1']);
  });

  it('a device at a listed place: a fault is major (令10号 Art. 14), repeated offline escalates to major', async () => {
    const t = await setup(testDevice('D-1'));
    const fault = t.observe(m('fault'), 1);
    expect(fault.opened.map((w) => [w.rule, w.level])).toEqual([['SEN-03-H2', 'major']]);
    expect(fault.classification.hazards[0]?.basis.map((b) => `${b.number} ${b.clause}`)).toEqual(['应急管理部令第10号 第十四条']);
    t.tick(40);
    t.observe(m('heartbeat'), 41);
    const second = t.tick(80);
    expect(second.opened.map((w) => [w.rule, w.level, w.escalated])).toEqual([['SEN-02-H2', 'major', true]]);
  });

  it('a switched-off alarm of a hazchem unit cites 危险化学品安全法 Art. 38; readings are compared with the registered limits', async () => {
    const chem = await setup(testDevice('D-1', { place: { id: 'P', name: '罐区', listed: false }, hazchem: true, kind: 'transmitter', limits: { low: 0.2, high: 1.6 } }));
    const off = chem.observe(m('disabled'), 1);
    expect(off.opened.map((w) => [w.rule, w.level])).toEqual([['SEN-05-H2', 'general']]);
    expect(off.classification.hazards.find((h) => h.rule === 'SEN-05-H2')?.basis.map((b) => `${b.number} ${b.clause}`)).toEqual(['危险化学品安全法 第三十八条']);
    expect(chem.observe(m('reading', { value: 1.0 }), 2).opened).toEqual([]);
    expect(chem.observe(m('reading', { value: 1.9 }), 3).opened.map((w) => w.rule)).toEqual(['SEN-06-H1']);
    expect(chem.observe(m('reading', { value: 1.2 }), 4).cleared.map((w) => w.rule)).toEqual(['SEN-06-H1']);
  });

  it('a condition back within the flap window (5 min) reopens its warning — same key, nothing to report — and its clear does not count as a recurrence', async () => {
    const t = await setup();
    t.observe(m('alarm'), 1);
    t.observe(m('alarm_cleared'), 2);
    const back = t.observe(m('alarm'), 6);
    expect([back.opened, back.updated.map((w) => [w.key, w.status, w.clearedAt, w.flaps, w.escalated, w.level])]).toEqual([[], [['D-1/SEN-01/1', 'open', null, 1, false, 'simple']]]);
    expect(t.state().recentClears).toEqual({});
    t.observe(m('alarm_cleared'), 7);
    // 6 minutes later: a new episode, escalated by the one real clear before it.
    expect(t.observe(m('alarm'), 13).opened.map((w) => [w.key, w.escalated])).toEqual([['D-1/SEN-01/2', true]]);
  });

  it('is pure: the state passed in is not changed', async () => {
    const tracker = createDeviceTracker({ pack: await sensorsPack() });
    const state = initialDeviceState('D-1', at(0));
    const copy = structuredClone(state);
    tracker.observe(testDevice('D-1'), state, m('alarm'), at(1));
    expect(state).toEqual(copy);
  });
});
