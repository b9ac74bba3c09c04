import { chainPermitEvent } from './permit-chain.js';
import { isPermitOpen } from './decide-permit.js';
import type { PermitEvent, PermitState } from './permit-types.js';

/** The actor id recorded on events `tickPermit` produces. */
export const PERMIT_SYSTEM_ACTOR = 'system';

/**
 * How long before its planned start (`validFrom`) a permit still waiting for approval warns
 * the approver: 60 minutes, so that the approval, the on-site check and the gas test (at most
 * 30 minutes before the start) can still happen in time. One definition: `permitApprovalDue`
 * and `permitNextDueAt` (the stores' `listDue`) both read it.
 */
export const PERMIT_APPROVAL_WARNING_MINUTES = 60;

/**
 * An application is "left waiting" only after this many minutes: one filed for a start within
 * the hour is not warned about the moment it is filed (telling the approver of a new
 * application is the host's), but 15 minutes later if nobody has approved it.
 */
export const PERMIT_APPROVAL_PENDING_MINUTES = 15;

/**
 * The instant from which an applied permit's approval is due: {@link PERMIT_APPROVAL_WARNING_MINUTES}
 * before `validFrom`, and not sooner than {@link PERMIT_APPROVAL_PENDING_MINUTES} after the application.
 */
export function permitApprovalDueAt(state: PermitState): string {
  const beforeStart = Date.parse(state.validFrom) - PERMIT_APPROVAL_WARNING_MINUTES * 60_000;
  const applied = state.appliedAt === undefined ? Number.NEGATIVE_INFINITY : Date.parse(state.appliedAt) + PERMIT_APPROVAL_PENDING_MINUTES * 60_000;
  return new Date(Math.max(beforeStart, applied)).toISOString();
}

/**
 * The approval-due warning at `now`: a permit still `applied` (not approved, cancelled or
 * expired) from {@link permitApprovalDueAt} on — near its planned start or after it — and not
 * warned yet gets one `approval_due` event (actor `system`); its notification
 * (`permit.approval_due`) tells the approver. Separate from {@link tickPermit}: a warning
 * decides nothing, so commands do not record it first; `tickPermits` does, on the host's
 * timer. Returns no event once the validity has ended (the expiry is `tickPermit`'s). Pure.
 */
export function permitApprovalDue(state: PermitState, now: Date): PermitEvent[] {
  if (state.status !== 'applied' || state.approvalDueWarnedAt) return [];
  const nowMs = now.getTime();
  const dueAt = permitApprovalDueAt(state);
  if (nowMs < Date.parse(dueAt) || nowMs > Date.parse(state.validUntil)) return [];
  return [chainPermitEvent(state, state.permitId, 'approval_due', { validFrom: state.validFrom, dueAt }, PERMIT_SYSTEM_ACTOR, now.toISOString())];
}

/**
 * What the clock decides at `now`: an open permit past its validity expires (recorded, so
 * every expiry is in the log); a job in progress whose monitoring reading is overdue is
 * suspended (`reading_missed`). At most one event; run it until it returns none. Pure.
 */
export function tickPermit(state: PermitState, now: Date): PermitEvent[] {
  const nowMs = now.getTime();
  const at = now.toISOString();
  if (!isPermitOpen(state)) return [];
  if (nowMs > Date.parse(state.validUntil)) return [chainPermitEvent(state, state.permitId, 'expired', { validUntil: state.validUntil }, PERMIT_SYSTEM_ACTOR, at)];
  const interval = state.rule.monitoringIntervalMinutes;
  if (state.status === 'in_progress' && interval !== null && state.lastMonitoredAt !== null) {
    const due = Date.parse(state.lastMonitoredAt) + interval * 60_000;
    if (nowMs > due) return [chainPermitEvent(state, state.permitId, 'suspended', { reason: 'reading_missed', dueAt: new Date(due).toISOString() }, PERMIT_SYSTEM_ACTOR, at)];
  }
  return [];
}
