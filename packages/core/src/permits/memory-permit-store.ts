import type { OpenPermitCount, OpenPermitFilter, PermitNotification, PermitStore } from '../ports/permit-store.js';
import type { ClaimedOutboxMessage } from '../ports/store.js';
import { areaCovers } from '../chain/authorize.js';
import { isPermitOpen } from './decide-permit.js';
import { checkPermitAppend, permitNextDueAt } from './permit-store-support.js';
import type { PermitEvent, PermitState, PermitStatus } from './permit-types.js';

interface Row extends PermitNotification {
  seq: number;
  status: 'pending' | 'done' | 'dead';
  attempts: number;
  availableAt: string;
  leaseOwner: string | null;
  leaseUntil: string | null;
  lastError: string | null;
}

/** Open statuses, the default of `listOpen`. */
export const OPEN_PERMIT_STATUSES: readonly PermitStatus[] = Object.freeze(['applied', 'approved', 'in_progress', 'suspended']);

/** `limit` of `listOpen`, clamped to 1…1 000 (default 100). */
export function openPermitLimit(limit: number | undefined): number {
  return limit === undefined || !Number.isFinite(limit) ? 100 : Math.max(1, Math.min(1000, Math.trunc(limit)));
}

const byId = (a: { permitId: string }, b: { permitId: string }) => (a.permitId < b.permitId ? -1 : a.permitId > b.permitId ? 1 : 0);

/**
 * A {@link PermitStore} in memory (tests, demos). Values are copied in and out.
 */
export function createMemoryPermitStore(): PermitStore {
  const states = new Map<string, PermitState>();
  const logs = new Map<string, PermitEvent[]>();
  const commands = new Map<string, { permitId: string; version: number; fingerprint: string | null }>();
  const outbox = new Map<string, Row>();
  let seq = 0;
  const copy = <T>(v: T): T => structuredClone(v);

  return {
    async append(input) {
      const done = commands.get(input.commandId ?? '\u0000');
      if (input.commandId !== undefined && done) return { kind: 'duplicate', permitId: done.permitId, version: done.version };
      const current = states.get(input.permitId) ?? null;
      const actual = current?.version ?? 0;
      if (actual !== input.expectedVersion) return { kind: 'conflict', actualVersion: actual };
      const checked = checkPermitAppend(current, input.permitId, input.events);
      if (!checked.ok) return { kind: 'invalid', reason: checked.reason };
      states.set(input.permitId, checked.state);
      logs.set(input.permitId, [...(logs.get(input.permitId) ?? []), ...copy(input.events)]);
      if (input.commandId !== undefined) commands.set(input.commandId, { permitId: input.permitId, version: checked.state.version, fingerprint: input.commandFingerprint ?? null });
      for (const n of input.notifications ?? []) {
        if (outbox.has(n.id)) continue;
        outbox.set(n.id, { ...copy(n), seq: ++seq, status: 'pending', attempts: 0, availableAt: n.createdAt, leaseOwner: null, leaseUntil: null, lastError: null });
      }
      return { kind: 'ok', version: checked.state.version, state: copy(checked.state) };
    },
    async loadState(id) {
      const s = states.get(id);
      return s ? copy(s) : null;
    },
    async readPermit(id) {
      const s = states.get(id);
      return s ? { state: copy(s), events: copy(logs.get(id) ?? []) } : null;
    },
    async commandVersion(commandId) {
      const c = commands.get(commandId);
      return c ? { ...c } : null;
    },
    async listOpen(filter: OpenPermitFilter = {}) {
      const statuses = new Set(filter.statuses ?? OPEN_PERMIT_STATUSES);
      return [...states.values()]
        .filter(
          (s) =>
            isPermitOpen(s) &&
            statuses.has(s.status) &&
            (filter.area === undefined || areaCovers(filter.area, s.area)) &&
            (filter.kind === undefined || s.rule.kind === filter.kind) &&
            (filter.enterpriseId === undefined || s.enterpriseId === filter.enterpriseId) &&
            (filter.afterId === undefined || s.permitId > filter.afterId),
        )
        .sort(byId)
        .slice(0, openPermitLimit(filter.limit))
        .map(copy);
    },
    async countOpen(filter = {}) {
      const counts = new Map<string, OpenPermitCount>();
      for (const s of states.values()) {
        if (!isPermitOpen(s) || (filter.area !== undefined && !areaCovers(filter.area, s.area))) continue;
        const key = `${s.rule.kind}\u0000${s.status}`;
        const c = counts.get(key) ?? { kind: s.rule.kind, status: s.status, count: 0 };
        c.count++;
        counts.set(key, c);
      }
      return [...counts.values()].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.status < b.status ? -1 : a.status > b.status ? 1 : 0));
    },
    async listDue(now, limit) {
      return [...states.values()]
        .map((s) => ({ s, due: permitNextDueAt(s) }))
        .filter((x): x is { s: PermitState; due: string } => x.due !== null && x.due <= now)
        .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : byId(a.s, b.s)))
        .slice(0, limit)
        .map((x) => copy(x.s));
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
