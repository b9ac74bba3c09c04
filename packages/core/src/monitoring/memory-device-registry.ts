import type { DeviceCommit, DeviceCommitResult, DeviceNotification, DeviceRegistry, WarningFilter } from '../ports/device-registry.js';
import type { ClaimedOutboxMessage } from '../ports/store.js';
import type { Device } from './device.js';
import type { DeviceState, DeviceWarning } from './device-state.js';

interface Row extends DeviceNotification {
  seq: number;
  status: 'pending' | 'done' | 'dead';
  attempts: number;
  availableAt: string;
  leaseOwner: string | null;
  leaseUntil: string | null;
  lastError: string | null;
}

/**
 * A {@link DeviceRegistry} in memory (tests, demos). Values are copied in and out, so a
 * caller cannot change what is stored by mutating an object afterwards.
 */
export function createMemoryDeviceRegistry(): DeviceRegistry {
  const devices = new Map<string, Device>();
  const states = new Map<string, DeviceState>();
  const seen = new Map<string, Set<string>>();
  const warnings = new Map<string, DeviceWarning>();
  const outbox = new Map<string, Row>();
  let seq = 0;
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
      if (outbox.has(n.id)) return false;
      outbox.set(n.id, { ...copy(n), seq: ++seq, status: 'pending', attempts: 0, availableAt: n.createdAt, leaseOwner: null, leaseUntil: null, lastError: null });
      return true;
    },
    async claimOutbox({ owner, now, leaseMs, limit }) {
      const until = new Date(Date.parse(now) + leaseMs).toISOString();
      const out: ClaimedOutboxMessage[] = [];
      for (const row of [...outbox.values()].sort((a, b) => a.seq - b.seq)) {
        if (out.length >= limit) break;
        if (row.status !== 'pending' || row.availableAt > now || (row.leaseUntil !== null && row.leaseUntil > now)) continue;
        row.leaseOwner = owner;
        row.leaseUntil = until;
        out.push({ id: row.id, hazardId: '', eventId: row.id, topic: row.topic, payload: copy(row.payload), createdAt: row.createdAt, attempts: row.attempts, leaseOwner: owner, leaseUntil: until });
      }
      return out;
    },
    async ackOutbox(owner, ids, now) {
      let n = 0;
      for (const id of ids) {
        const row = outbox.get(id);
        if (!row || row.status !== 'pending' || row.leaseOwner !== owner) continue;
        row.status = 'done';
        row.leaseOwner = row.leaseUntil = null;
        row.availableAt = now;
        n++;
      }
      return n;
    },
    async failOutbox({ id, owner, error, retryAt }) {
      const row = outbox.get(id);
      if (!row || row.status !== 'pending' || row.leaseOwner !== owner) return false;
      row.attempts += 1;
      row.lastError = error;
      row.leaseOwner = row.leaseUntil = null;
      if (retryAt === null) row.status = 'dead';
      else row.availableAt = retryAt;
      return true;
    },
    async readNotifications() {
      return [...outbox.values()].sort((a, b) => a.seq - b.seq).map((r) => ({ id: r.id, topic: r.topic, payload: copy(r.payload), createdAt: r.createdAt, status: r.status, attempts: r.attempts }));
    },
  };
}
