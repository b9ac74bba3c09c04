import { createMemorySideOutbox } from '../outbox/memory-side-outbox.js';
import type { DeviceCommit, DeviceCommitResult, DeviceRegistry, WarningFilter } from '../ports/device-registry.js';
import type { Device } from './device.js';
import type { DeviceState, DeviceWarning } from './device-state.js';

/**
 * A {@link DeviceRegistry} in memory (tests, demos). Values are copied in and out, so a
 * caller cannot change what is stored by mutating an object afterwards.
 */
export function createMemoryDeviceRegistry(): DeviceRegistry {
  const devices = new Map<string, Device>();
  const states = new Map<string, DeviceState>();
  const seen = new Map<string, Set<string>>();
  const warnings = new Map<string, DeviceWarning>();
  const outbox = createMemorySideOutbox();
  const copy = <T>(v: T): T => structuredClone(v);

  function commit(input: DeviceCommit): DeviceCommitResult {
    if (input.messageId !== undefined && seen.get(input.deviceId)?.has(input.messageId)) return { kind: 'duplicate' };
    const actual = states.get(input.deviceId)?.version ?? 0;
    if (actual !== input.expectedVersion) return { kind: 'conflict', actualVersion: actual };
    const version = input.expectedVersion + 1;
    states.set(input.deviceId, { ...copy(input.state), deviceId: input.deviceId, version });
    if (input.messageId !== undefined) {
      let set = seen.get(input.deviceId);
      if (!set) seen.set(input.deviceId, (set = new Set()));
      set.add(input.messageId);
    }
    for (const w of input.warnings) warnings.set(w.key, copy(w));
    return { kind: 'ok', version };
  }

  return {
    async putDevice(device) {
      devices.set(device.id, copy(device));
    },
    async getDevice(id) {
      const d = devices.get(id);
      return d ? copy(d) : null;
    },
    async listDevices(filter = {}) {
      return [...devices.values()]
        .filter((d) => filter.enterpriseId === undefined || d.enterpriseId === filter.enterpriseId)
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map(copy);
    },
    async loadState(id) {
      const s = states.get(id);
      return s ? copy(s) : null;
    },
    async hasMessage(deviceId, messageId) {
      return seen.get(deviceId)?.has(messageId) ?? false;
    },
    async commit(input: DeviceCommit): Promise<DeviceCommitResult> {
      return commit(input);
    },
    async commitBatch(inputs) {
      // Synchronous: no other call interleaves, so the batch is one transaction.
      const failed = new Set<string>();
      return inputs.map((input): DeviceCommitResult => {
        if (failed.has(input.deviceId)) return { kind: 'conflict', actualVersion: states.get(input.deviceId)?.version ?? 0 };
        const r = commit(input);
        if (r.kind !== 'ok') failed.add(input.deviceId);
        return r;
      });
    },
    async listWarnings(filter: WarningFilter = {}) {
      return [...warnings.values()]
        .filter(
          (w) =>
            (filter.enterpriseId === undefined || w.enterpriseId === filter.enterpriseId) &&
            (filter.deviceId === undefined || w.deviceId === filter.deviceId) &&
            (filter.status === undefined || w.status === filter.status),
        )
        .sort((a, b) => (a.openedAt < b.openedAt ? -1 : a.openedAt > b.openedAt ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .map(copy);
    },
    async enqueueNotification(n) {
      return outbox.enqueue(n);
    },
    claimOutbox: outbox.claimOutbox,
    ackOutbox: outbox.ackOutbox,
    failOutbox: outbox.failOutbox,
    readNotifications: outbox.readNotifications,
  };
}
