import { GENESIS_HASH } from '../chain/hash-event.js';
import type { PermitAppendProblem } from '../ports/permit-store.js';
import { isPermitOpen } from './decide-permit.js';
import { evolvePermit } from './evolve-permit.js';
import { hashPermitEvent } from './permit-chain.js';
import { permitApprovalDueAt } from './tick-permit.js';
import type { PermitEvent, PermitState } from './permit-types.js';

/**
 * The next instant at which `tickPermits` has something to record for an open permit: its
 * validity's end, for a job in progress with a monitoring interval the end of the current
 * interval, and for a permit still waiting for approval and not warned yet the approval-due
 * instant (`permitApprovalDueAt`), whichever is first. `null` for a permit that is no longer
 * open. Stores keep it in an indexed column for `listDue`; this is its one definition.
 */
export function permitNextDueAt(state: PermitState): string | null {
  if (!isPermitOpen(state)) return null;
  let due = Date.parse(state.validUntil);
  const interval = state.rule.monitoringIntervalMinutes;
  if (state.status === 'in_progress' && interval !== null && state.lastMonitoredAt !== null) {
    due = Math.min(due, Date.parse(state.lastMonitoredAt) + interval * 60_000);
  }
  // tickPermit acts strictly after the deadline: the first millisecond it acts on.
  due += 1;
  // The approval-due warning is due from its instant on (permitApprovalDue).
  if (state.status === 'applied' && !state.approvalDueWarnedAt) due = Math.min(due, Date.parse(permitApprovalDueAt(state)));
  return new Date(due).toISOString();
}

/**
 * Checks that `events` continue a permit's stored chain (`current`: its state, or `null`
 * for a new permit) and folds them. Stores call it inside their transaction: a broken
 * chain is refused, nothing is written.
 */
export function checkPermitAppend(current: PermitState | null, permitId: string, events: readonly PermitEvent[]): { ok: true; state: PermitState } | { ok: false; reason: PermitAppendProblem } {
  if (events.length === 0) return { ok: false, reason: 'empty' };
  let prevHash = current?.lastHash ?? GENESIS_HASH;
  let version = current?.version ?? 0;
  let state = current;
  for (const e of events) {
    if (e.permitId !== permitId) return { ok: false, reason: 'permit_id' };
    if (e.version !== version + 1) return { ok: false, reason: 'version' };
    if (e.prevHash !== prevHash) return { ok: false, reason: 'prev_hash' };
    if (hashPermitEvent(e) !== e.hash) return { ok: false, reason: 'hash' };
    if ((state === null) !== (e.type === 'applied')) return { ok: false, reason: 'first_event' };
    state = evolvePermit(state, e);
    prevHash = e.hash;
    version = e.version;
  }
  return { ok: true, state: state as PermitState };
}
