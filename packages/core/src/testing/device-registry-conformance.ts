import type { DeviceWarning } from '../monitoring/device-state.js';
import { initialDeviceState } from '../monitoring/device-state.js';
import type { Device } from '../monitoring/device.js';
import { DEFAULT_MESSAGE_DEDUP_WINDOW_MS, MESSAGE_PURGE_INTERVAL_MS } from '../monitoring/message-dedup-window.js';
import type { DeviceRegistry } from '../ports/device-registry.js';
import type { ConformanceExpect } from './store-conformance.js';

/** Options of {@link runDeviceRegistryConformance}. */
export interface DeviceRegistryConformanceOptions {
  name: string;
  /** A fresh, empty registry per test. */
  createRegistry: () => DeviceRegistry | Promise<DeviceRegistry>;
  /** Called after each test (close connections). */
  destroyRegistry?: (registry: DeviceRegistry) => void | Promise<void>;
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => Promise<void>, timeout?: number) => void;
  expect: ConformanceExpect;
}

/** Names of every test of the suite. */
export const DEVICE_REGISTRY_CONFORMANCE_TESTS = Object.freeze([
  'put, get and list devices',
  'commit stores state, message id and warnings together',
  'admission and flap state and the registration fields it derives from round-trip exactly',
  'a committed message id is a duplicate and writes nothing',
  'a stale expected version conflicts and writes nothing',
  'a message id counts within the de-duplication window only, and expired ids are deleted',
  'commitBatch writes several steps in one transaction, each checked in order',
  'warnings are replaced by key and filtered',
  'enqueueNotification is idempotent by id',
  'the notification outbox claims, acknowledges, retries and dead-letters',
] as const);

const T0 = '2026-12-06T01:00:00.000Z';
const later = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();

/** A test device (`E1`, a listed place). */
export function testDevice(id: string, overrides: Partial<Device> = {}): Device {
  return { id, enterpriseId: 'E1', kind: 'combustible_gas_detector', location: '后厨', place: { id: 'P1', name: '燃气间', listed: true }, principalId: `device:${id}`, ...overrides };
}

function warning(deviceId: string, item: string, status: 'open' | 'cleared', enterpriseId = 'E1'): DeviceWarning {
  return {
    key: `${deviceId}/${item}/1`,
    deviceId,
    enterpriseId,
    item,
    rule: `${item}-H1`,
    level: 'general',
    title: { 'zh-CN': item },
    status,
    openedAt: T0,
    updatedAt: T0,
    clearedAt: status === 'cleared' ? later(1000) : null,
    messages: 1,
    occurrence: 1,
    escalated: false,
    hazardIds: [],
  };
}

/**
 * The DeviceRegistry conformance suite: every implementation runs it unchanged.
 *
 * @example
 * ```ts
 * runDeviceRegistryConformance({ name: 'sqlite', createRegistry: () => createSqliteDeviceRegistry(tmpFile()), describe, it, expect });
 * ```
 */
export function runDeviceRegistryConformance(options: DeviceRegistryConformanceOptions): void {
  const { expect } = options;
  const test = (name: (typeof DEVICE_REGISTRY_CONFORMANCE_TESTS)[number], fn: (r: DeviceRegistry) => Promise<void>) =>
    options.it(name, async () => {
      const registry = await options.createRegistry();
      try {
        await fn(registry);
      } finally {
        await options.destroyRegistry?.(registry);
      }
    });

  options.describe(`DeviceRegistry conformance: ${options.name}`, () => {
    test('put, get and list devices', async (r) => {
      expect(await r.getDevice('D-none')).toBeNull();
      await r.putDevice(testDevice('D-2'));
      await r.putDevice(testDevice('D-1', { enterpriseId: 'E2', limits: { high: 1.6, unit: 'MPa' } }));
      expect(await r.getDevice('D-1')).toEqual(testDevice('D-1', { enterpriseId: 'E2', limits: { high: 1.6, unit: 'MPa' } }));
      expect((await r.listDevices()).map((d) => d.id)).toEqual(['D-1', 'D-2']);
      expect((await r.listDevices({ enterpriseId: 'E1' })).map((d) => d.id)).toEqual(['D-2']);
      await r.putDevice(testDevice('D-2', { location: '库房' }));
      expect((await r.getDevice('D-2'))?.location).toBe('库房');
    });

    test('commit stores state, message id and warnings together', async (r) => {
      await r.putDevice(testDevice('D-1'));
      expect(await r.loadState('D-1')).toBeNull();
      const state = { ...initialDeviceState('D-1', new Date(T0)), alarm: true, lastMessageAt: T0 };
      const result = await r.commit({ deviceId: 'D-1', expectedVersion: 0, state, messageId: 'm-1', warnings: [warning('D-1', 'SEN-01', 'open')], now: T0 });
      expect(result).toEqual({ kind: 'ok', version: 1 });
      expect(await r.loadState('D-1')).toEqual({ ...state, version: 1 });
      expect(await r.hasMessage('D-1', 'm-1', later(10))).toBe(true);
      expect(await r.hasMessage('D-2', 'm-1', later(10))).toBe(false);
      expect(await r.listWarnings()).toEqual([warning('D-1', 'SEN-01', 'open')]);
      const tick = await r.commit({ deviceId: 'D-1', expectedVersion: 1, state: { ...state, alarm: false }, warnings: [], now: later(1) });
      expect(tick).toEqual({ kind: 'ok', version: 2 });
      const heartbeat = await r.commit({
        deviceId: 'D-1',
        expectedVersion: 2,
        state: { ...state, alarm: false, lastMessageAt: later(2) },
        messageId: 'm-2',
        warnings: [],
        now: later(2),
        durable: false,
      });
      expect(heartbeat).toEqual({ kind: 'ok', version: 3 });
      expect(await r.hasMessage('D-1', 'm-2', later(10))).toBe(true);
      expect((await r.loadState('D-1'))?.lastMessageAt).toBe(later(2));
    });

    test('admission and flap state and the registration fields it derives from round-trip exactly', async (r) => {
      // Core keeps the admission bucket (fractional tokens) and the last cleared warnings in the state body; a registry
      // that rounded the tokens, dropped an unknown field or reordered nothing would change what core admits next.
      const device = testDevice('D-1', { kind: 'transmitter', limits: { high: 1.6, unit: 'MPa' }, reportIntervalS: 5, registeredAt: T0 });
      await r.putDevice(device);
      expect(await r.getDevice('D-1')).toEqual(device);
      const flood = { ...warning('D-1', 'FLOOD', 'open'), rule: 'FLOOD', messages: 0 };
      const state = {
        ...initialDeviceState('D-1', new Date(T0)),
        admission: { tokens: 0.123456789012345, at: later(1), flood, floods: 1 },
        reopenable: { 'SEN-06': { ...warning('D-1', 'SEN-06', 'cleared'), clearedAt: later(1), flaps: 2 } },
      };
      expect(await r.commit({ deviceId: 'D-1', expectedVersion: 0, state, warnings: [flood], now: later(1) })).toEqual({ kind: 'ok', version: 1 });
      expect(await r.loadState('D-1')).toEqual({ ...state, version: 1 });
      expect(await r.listWarnings({ deviceId: 'D-1', status: 'open' })).toEqual([flood]);
    });

    test('a committed message id is a duplicate and writes nothing', async (r) => {
      const state = initialDeviceState('D-1', new Date(T0));
      await r.commit({ deviceId: 'D-1', expectedVersion: 0, state, messageId: 'm-1', warnings: [], now: T0 });
      const again = await r.commit({ deviceId: 'D-1', expectedVersion: 0, state: { ...state, alarm: true }, messageId: 'm-1', warnings: [warning('D-1', 'SEN-01', 'open')], now: later(1) });
      expect(again).toEqual({ kind: 'duplicate' });
      const stale = await r.commit({ deviceId: 'D-1', expectedVersion: 1, state: { ...state, alarm: true }, messageId: 'm-1', warnings: [], now: later(2) });
      expect(stale).toEqual({ kind: 'duplicate' });
      expect((await r.loadState('D-1'))?.alarm).toBe(false);
      expect(await r.listWarnings()).toEqual([]);
    });

    test('a stale expected version conflicts and writes nothing', async (r) => {
      const state = initialDeviceState('D-1', new Date(T0));
      await r.commit({ deviceId: 'D-1', expectedVersion: 0, state, messageId: 'm-1', warnings: [], now: T0 });
      const result = await r.commit({ deviceId: 'D-1', expectedVersion: 0, state: { ...state, fault: true }, messageId: 'm-2', warnings: [warning('D-1', 'SEN-03', 'open')], now: later(1) });
      expect(result).toEqual({ kind: 'conflict', actualVersion: 1 });
      expect(await r.hasMessage('D-1', 'm-2', later(10))).toBe(false);
      expect((await r.loadState('D-1'))?.fault).toBe(false);
      expect(await r.listWarnings()).toEqual([]);
    });

    test('a message id counts within the de-duplication window only, and expired ids are deleted', async (r) => {
      // The registry is created with the default window (and, if it reports its window for ingestion's age check, says so).
      const W = DEFAULT_MESSAGE_DEDUP_WINDOW_MS;
      expect(r.messageDedupWindowMs ?? W).toBe(W);
      const s = initialDeviceState('D-1', new Date(T0));
      const step = (deviceId: string, expectedVersion: number, messageId: string, now: string) => ({ deviceId, expectedVersion, state: s, messageId, warnings: [], now });
      for (const [i, id] of ['m-1', 'm-2', 'm-3'].entries()) expect(await r.commit(step('D-1', i, id, T0))).toEqual({ kind: 'ok', version: i + 1 });
      expect(await r.commitBatch([step('D-2', 0, 'm-0', T0), step('D-2', 1, 'm-9', T0)])).toEqual([
        { kind: 'ok', version: 1 },
        { kind: 'ok', version: 2 },
      ]);
      // Within the window: still a duplicate, nothing to delete.
      expect(await r.hasMessage('D-1', 'm-1', later(W - 1))).toBe(true);
      expect(await r.commit(step('D-1', 3, 'm-1', later(W - 1)))).toEqual({ kind: 'duplicate' });
      expect(await r.commit(step('D-1', 3, 'm-4', later(W - 1)))).toEqual({ kind: 'ok', version: 4 });
      expect(await r.purgeMessages(later(W - 1))).toBe(0);
      // At the window's end: the ids no longer count and may be used again (single and batch).
      expect(await r.hasMessage('D-1', 'm-1', later(W))).toBe(false);
      expect(await r.commit(step('D-1', 4, 'm-1', later(W)))).toEqual({ kind: 'ok', version: 5 });
      expect(await r.commitBatch([step('D-1', 5, 'm-2', later(W)), step('D-1', 6, 'm-3', later(W))])).toEqual([
        { kind: 'ok', version: 6 },
        { kind: 'ok', version: 7 },
      ]);
      // Used again, the id counts again, from its new receipt.
      expect(await r.hasMessage('D-1', 'm-1', later(W + 1))).toBe(true);
      expect(await r.commit(step('D-1', 7, 'm-1', later(W + 1)))).toEqual({ kind: 'duplicate' });
      expect(await r.commitBatch([step('D-1', 7, 'm-2', later(W + 1))])).toEqual([{ kind: 'duplicate' }]);
      // D-2's two expired ids are still stored: an explicit purge deletes in bounded batches…
      expect(await r.purgeMessages(later(W), 1)).toBe(1);
      // …and a commit after the purge interval deletes the rest on its own.
      const afterInterval = later(W + MESSAGE_PURGE_INTERVAL_MS);
      expect(await r.commit(step('D-1', 7, 'm-5', afterInterval))).toEqual({ kind: 'ok', version: 8 });
      expect(await r.purgeMessages(afterInterval)).toBe(0);
      expect(await r.hasMessage('D-2', 'm-0', afterInterval)).toBe(false);
      expect(await r.hasMessage('D-1', 'm-5', afterInterval)).toBe(true);
    });

    test('commitBatch writes several steps in one transaction, each checked in order', async (r) => {
      expect(await r.commitBatch([])).toEqual([]);
      const a = initialDeviceState('D-1', new Date(T0));
      const b = initialDeviceState('D-2', new Date(T0));
      await r.commit({ deviceId: 'D-2', expectedVersion: 0, state: b, messageId: 'm-0', warnings: [], now: T0 });
      const results = await r.commitBatch([
        { deviceId: 'D-1', expectedVersion: 0, state: { ...a, alarm: true }, messageId: 'm-1', warnings: [warning('D-1', 'SEN-01', 'open')], now: later(1) },
        // the same device again: sees the step before it
        { deviceId: 'D-1', expectedVersion: 1, state: { ...a, alarm: true, lastMessageAt: later(2) }, messageId: 'm-2', warnings: [], now: later(2), durable: false },
        // a replayed id and a stale version: nothing of theirs is written, the rest is
        { deviceId: 'D-2', expectedVersion: 1, state: { ...b, fault: true }, messageId: 'm-0', warnings: [warning('D-2', 'SEN-03', 'open')], now: later(3) },
        { deviceId: 'D-2', expectedVersion: 0, state: { ...b, fault: true }, messageId: 'm-3', warnings: [warning('D-2', 'SEN-03', 'open')], now: later(3) },
        { deviceId: 'D-3', expectedVersion: 0, state: initialDeviceState('D-3', new Date(T0)), messageId: 'm-5', warnings: [], now: later(4), durable: false },
      ]);
      expect(results).toEqual([{ kind: 'ok', version: 1 }, { kind: 'ok', version: 2 }, { kind: 'duplicate' }, { kind: 'conflict', actualVersion: 1 }, { kind: 'ok', version: 1 }]);
      // After a failed step of a device, its later steps of the batch conflict, even with a matching version.
      const chained = await r.commitBatch([
        { deviceId: 'D-2', expectedVersion: 0, state: { ...b, fault: true }, messageId: 'm-6', warnings: [], now: later(5) },
        { deviceId: 'D-2', expectedVersion: 1, state: { ...b, batteryLow: true }, messageId: 'm-7', warnings: [], now: later(6) },
      ]);
      expect(chained).toEqual([
        { kind: 'conflict', actualVersion: 1 },
        { kind: 'conflict', actualVersion: 1 },
      ]);
      expect(await r.hasMessage('D-2', 'm-7', later(10))).toBe(false);
      expect(await r.loadState('D-1')).toEqual({ ...a, alarm: true, lastMessageAt: later(2), version: 2 });
      expect((await r.loadState('D-2'))?.fault).toBe(false);
      expect((await r.loadState('D-3'))?.version).toBe(1);
      expect(await r.hasMessage('D-1', 'm-2', later(10))).toBe(true);
      expect(await r.hasMessage('D-2', 'm-3', later(10))).toBe(false);
      expect((await r.listWarnings()).map((w) => w.key)).toEqual(['D-1/SEN-01/1']);
    });

    test('warnings are replaced by key and filtered', async (r) => {
      const s = initialDeviceState('D-1', new Date(T0));
      await r.commit({ deviceId: 'D-1', expectedVersion: 0, state: s, warnings: [warning('D-1', 'SEN-01', 'open'), warning('D-1', 'SEN-04', 'open')], now: T0 });
      await r.commit({ deviceId: 'D-9', expectedVersion: 0, state: initialDeviceState('D-9', new Date(T0)), warnings: [warning('D-9', 'SEN-02', 'open', 'E2')], now: T0 });
      await r.commit({ deviceId: 'D-1', expectedVersion: 1, state: s, warnings: [{ ...warning('D-1', 'SEN-01', 'cleared'), messages: 1000 }], now: later(1000) });
      const all = await r.listWarnings();
      expect(all.map((w) => w.key)).toEqual(['D-1/SEN-01/1', 'D-1/SEN-04/1', 'D-9/SEN-02/1']);
      expect(all[0]?.messages).toBe(1000);
      expect((await r.listWarnings({ status: 'open' })).map((w) => w.key)).toEqual(['D-1/SEN-04/1', 'D-9/SEN-02/1']);
      expect((await r.listWarnings({ enterpriseId: 'E2' })).map((w) => w.key)).toEqual(['D-9/SEN-02/1']);
      expect((await r.listWarnings({ deviceId: 'D-1', status: 'cleared' })).map((w) => w.key)).toEqual(['D-1/SEN-01/1']);
    });

    test('enqueueNotification is idempotent by id', async (r) => {
      const n = { id: 'daily-warning/E1/2026-12-06', topic: 'monitoring.daily_warning', payload: { summary: '报警设备1台' }, createdAt: T0 };
      expect(await r.enqueueNotification(n)).toBe(true);
      expect(await r.enqueueNotification({ ...n, payload: { summary: 'changed' }, createdAt: later(5) })).toBe(false);
      const all = await r.readNotifications();
      expect(all).toEqual([{ ...n, status: 'pending', attempts: 0 }]);
    });

    test('the notification outbox claims, acknowledges, retries and dead-letters', async (r) => {
      for (const id of ['n-1', 'n-2', 'n-3']) await r.enqueueNotification({ id, topic: 't', payload: {}, createdAt: T0 });
      const claimed = await r.claimOutbox({ owner: 'a', now: T0, leaseMs: 60_000, limit: 2 });
      expect(claimed.map((m) => m.id)).toEqual(['n-1', 'n-2']);
      expect(claimed[0]?.attempts).toBe(0);
      expect((await r.claimOutbox({ owner: 'b', now: later(1), leaseMs: 60_000, limit: 10 })).map((m) => m.id)).toEqual(['n-3']);
      expect(await r.ackOutbox('b', ['n-1'], later(2))).toBe(0);
      expect(await r.ackOutbox('a', ['n-1'], later(2))).toBe(1);
      expect(await r.failOutbox({ id: 'n-2', owner: 'b', error: 'x', retryAt: later(10) })).toBe(false);
      expect(await r.failOutbox({ id: 'n-2', owner: 'a', error: 'gateway 503', retryAt: later(120_000) })).toBe(true);
      expect(await r.failOutbox({ id: 'n-3', owner: 'b', error: 'bad number', retryAt: null })).toBe(true);
      expect(await r.claimOutbox({ owner: 'c', now: later(60_000), leaseMs: 60_000, limit: 10 })).toEqual([]);
      const retry = await r.claimOutbox({ owner: 'c', now: later(120_000), leaseMs: 60_000, limit: 10 });
      expect(retry.map((m) => [m.id, m.attempts])).toEqual([['n-2', 1]]);
      const states = (await r.readNotifications()).map((n) => [n.id, n.status, n.attempts]);
      expect(states).toEqual([
        ['n-1', 'done', 0],
        ['n-2', 'pending', 1],
        ['n-3', 'dead', 1],
      ]);
    });
  });
}
