import type { OpenPermitCount, OpenPermitFilter, PermitStore } from '../ports/permit-store.js';
import { areaCovers } from '../chain/authorize.js';
import { createMemorySideOutbox } from '../outbox/memory-side-outbox.js';
import { isPermitOpen } from './decide-permit.js';
import { checkPermitAppend, permitNextDueAt } from './permit-store-support.js';
import type { PermitEvent, PermitState } from './permit-types.js';

import { OPEN_PERMIT_STATUSES } from './permit-command-statuses.js';

/** Open statuses, the default of `listOpen` (defined with the commands each status takes). */
export { OPEN_PERMIT_STATUSES };

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
  const outbox = createMemorySideOutbox();
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
      for (const n of input.notifications ?? []) outbox.enqueue(n);
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
    claimOutbox: outbox.claimOutbox,
    ackOutbox: outbox.ackOutbox,
    failOutbox: outbox.failOutbox,
    readNotifications: outbox.readNotifications,
  };
}
