import { describe, expect, it } from 'vitest';
import { runDeviceRegistryConformance } from '../testing/device-registry-conformance.js';
import { initialDeviceState } from './device-state.js';
import { createMemoryDeviceRegistry } from './memory-device-registry.js';

runDeviceRegistryConformance({ name: 'memory', createRegistry: () => createMemoryDeviceRegistry(), describe, it, expect });

describe('the host sets the de-duplication window where the registry is created', () => {
  const T0 = '2026-12-06T01:00:00.000Z';
  const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();
  const state = initialDeviceState('D-1', new Date(T0));

  it('a one-minute window: the id counts for 59 999 ms, not at 60 000', async () => {
    const r = createMemoryDeviceRegistry({ messageDedupWindowMs: 60_000 });
    await r.commit({ deviceId: 'D-1', expectedVersion: 0, state, messageId: 'm-1', warnings: [], now: T0 });
    expect(await r.hasMessage('D-1', 'm-1', at(59_999))).toBe(true);
    expect(await r.hasMessage('D-1', 'm-1', at(60_000))).toBe(false);
    expect(await r.purgeMessages(at(60_000))).toBe(1);
  });

  it('refuses a window that is not a positive integer of milliseconds, in both languages', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => createMemoryDeviceRegistry({ messageDedupWindowMs: bad })).toThrow(/positive integer.*正整数毫秒/);
  });

  it('refuses an unreadable clock instead of reading its own', async () => {
    const r = createMemoryDeviceRegistry();
    await expect(r.hasMessage('D-1', 'm-1', 'yesterday')).rejects.toThrow(/ISO instant.*ISO 时间/);
  });
});
