import { createMemorySideOutbox } from '../outbox/memory-side-outbox.js';
import type { DeviceCommit, DeviceCommitResult, DeviceRegistry, WarningFilter } from '../ports/device-registry.js';
import type { Device } from './device.js';
import type { DeviceState, DeviceWarning } from './device-state.js';
import { createMessagePurgeSchedule, MESSAGE_PURGE_BATCH, messageDedupWindow, resolveMessageDedupWindowMs } from './message-dedup-window.js';

/** Options of {@link createMemoryDeviceRegistry}. */
export interface MemoryDeviceRegistryOptions {
  /** How long a message id stays a duplicate (ms of the caller's clock); default `DEFAULT_MESSAGE_DEDUP_WINDOW_MS` (7 days). */
  messageDedupWindowMs?: number;
}

/**
 * A {@link DeviceRegistry} in memory (tests, demos). Values are copied in and out, so a
 * caller cannot change what is stored by mutating an object afterwards.
 */
export function createMemoryDeviceRegistry(options: MemoryDeviceRegistryOptions = {}): DeviceRegistry {
  const windowMs = resolveMessageDedupWindowMs(options.messageDedupWindowMs);
  const devices = new Map<string, Device>();
  const states = new Map<string, DeviceState>();
  /** `device\nmessage` → received_at (canonical ISO). */
  const seen = new Map<string, string>();
  const schedule = createMessagePurgeSchedule();
  const counts = (deviceId: string, messageId: string, cutoff: string) => (seen.get(`${deviceId}\n${messageId}`) ?? '') > cutoff;
  function purge(cutoff: string, limit: number): number {
    let n = 0;
    for (const [key, receivedAt] of seen) {
      if (n >= limit) break;
      if (receivedAt <= cutoff) {
        seen.delete(key);
        n++;
      }
    }
    return n;
  }
  const warnings = new Map<string, DeviceWarning>();
  const outbox = createMemorySideOutbox();
  const copy = <T>(v: T): T => structuredClone(v);

  function commit(input: DeviceCommit): DeviceCommitResult {
    const window = messageDedupWindow(input.now, windowMs);
    if (input.messageId !== undefined && counts(input.deviceId, input.messageId, window.cutoff)) return { kind: 'duplicate' };
    const actual = states.get(input.deviceId)?.version ?? 0;
    if (actual !== input.expectedVersion) return { kind: 'conflict', actualVersion: actual };
    const version = input.expectedVersion + 1;
    states.set(input.deviceId, { ...copy(input.state), deviceId: input.deviceId, version });
    for (const w of input.warnings) warnings.set(w.key, copy(w));
    if (input.messageId !== undefined) {
      const key = `${input.deviceId}\n${input.messageId}`;
      seen.delete(key); // an expired id used again moves to the end
      seen.set(key, window.receivedAt);
      if (schedule.due(1, Date.parse(window.receivedAt))) purge(window.cutoff, MESSAGE_PURGE_BATCH);
    }
    return { kind: 'ok', version };
  }

  return {
    messageDedupWindowMs: windowMs,
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
    async hasMessage(deviceId, messageId, now) {
      return counts(deviceId, messageId, messageDedupWindow(now, windowMs).cutoff);
    },
    async purgeMessages(now, limit = MESSAGE_PURGE_BATCH) {
      return purge(messageDedupWindow(now, windowMs).cutoff, limit);
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
