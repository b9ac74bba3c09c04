import type { PermitEvent, PermitEventDataMap, PermitState } from './permit-types.js';

function d<T extends keyof PermitEventDataMap>(event: PermitEvent, _t: T): PermitEventDataMap[T] {
  return event.data as PermitEventDataMap[T];
}

/**
 * Folds one event into a permit's state (`null` before the first). Pure; trusts the event
 * (decide checked it); the chain is checked by `verifyPermitChain`.
 */
export function evolvePermit(state: PermitState | null, event: PermitEvent): PermitState {
  if (event.type === 'applied') {
    const a = d(event, 'applied');
    return {
      permitId: event.permitId,
      version: event.version,
      status: 'applied',
      rule: a.rule,
      enterpriseId: a.enterpriseId,
      area: a.area,
      applicantId: event.actorId,
      appliedAt: event.recordedAt,
      workerIds: a.workerIds,
      ...(a.declaredWorkerIds === undefined ? {} : { declaredWorkerIds: a.declaredWorkerIds }),
      attendantId: a.attendantId,
      validFrom: a.validFrom,
      validUntil: a.validUntil,
      flammableLelPctVol: a.flammableLelPctVol,
      ...(a.height === undefined ? {} : { height: a.height }),
      ...(a.hotWork === undefined ? {} : { hotWork: a.hotWork }),
      ...(a.hotWork?.downgraded === true ? { downgradeApproverId: null } : {}),
      approverId: null,
      approvalDueWarnedAt: null,
      lastTest: null,
      lastMonitoredAt: null,
      attendantPresent: false,
      suspendedAt: null,
      suspendReason: null,
      lastHash: event.hash,
      updatedAt: event.recordedAt,
    };
  }
  if (state === null) throw new Error(`permit ${event.permitId}: first event must be applied, got ${event.type}`);
  const s: PermitState = { ...state, version: event.version, lastHash: event.hash, updatedAt: event.recordedAt };
  switch (event.type) {
    case 'approved':
      return { ...s, status: 'approved', approverId: event.actorId };
    case 'downgrade_approved':
      // The unit approves next: its own approval-due warning may come (the one given went to the downgrade's approver).
      return { ...s, downgradeApproverId: event.actorId, approvalDueWarnedAt: null };
    case 'gas_tested': {
      const g = d(event, 'gas_tested');
      return { ...s, lastTest: { sampledAt: g.reading.sampledAt, pass: g.verdict.pass } };
    }
    case 'started':
      return { ...s, status: 'in_progress', lastMonitoredAt: event.recordedAt, suspendedAt: null, suspendReason: null, attachments: d(event, 'started').attachments ?? [] };
    case 'resumed':
      return { ...s, status: 'in_progress', lastMonitoredAt: event.recordedAt, suspendedAt: null, suspendReason: null };
    case 'reading_recorded':
      return { ...s, lastMonitoredAt: event.recordedAt };
    case 'attendant_present':
      return { ...s, attendantPresent: true };
    case 'attendant_absent':
      return { ...s, attendantPresent: false };
    case 'suspended':
      return { ...s, status: 'suspended', suspendedAt: event.recordedAt, suspendReason: d(event, 'suspended').reason };
    case 'expired':
      return { ...s, status: 'expired' };
    case 'approval_due':
      return { ...s, approvalDueWarnedAt: event.recordedAt };
    case 'closed':
      return { ...s, status: 'closed' };
    case 'cancelled':
      return { ...s, status: 'cancelled' };
  }
  throw new Error(`permit ${event.permitId}: unknown event type`);
}

/** Folds a permit's events (in version order). */
export function foldPermit(events: readonly PermitEvent[]): PermitState | null {
  let state: PermitState | null = null;
  for (const e of events) state = evolvePermit(state, e);
  return state;
}
