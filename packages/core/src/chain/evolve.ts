import type { ChainEvent, EventDataMap, EventType, HazardState } from './types.js';

function data<T extends EventType>(event: ChainEvent, _type: T): EventDataMap[T] {
  return event.data as EventDataMap[T];
}

function initial(event: ChainEvent): HazardState {
  const d = data(event, 'reported');
  return {
    hazardId: event.hazardId,
    version: event.version,
    status: 'reported',
    level: d.level,
    provisional: d.provisional,
    title: d.title,
    domain: d.domain,
    area: d.area,
    enterpriseId: d.enterpriseId,
    unitId: d.unitId ?? null,
    ...(d.premisesId === undefined ? {} : { premisesId: d.premisesId }),
    ...(d.landlordEnterpriseId === undefined ? {} : { landlordEnterpriseId: d.landlordEnterpriseId }),
    source: d.source,
    pack: event.pack,
    deadlinePolicy: d.deadline,
    reporterId: event.actor.id,
    manual: d.manual === true,
    wasMajor: d.level === 'major',
    rectifierIds: [],
    reportEvidence: d.evidence,
    rectificationEvidence: [],
    evidenceIds: addIds([], d.evidence),
    noticeIssuedAt: null,
    deadline: d.runningDeadline ?? null,
    pendingExtension: null,
    warnedFor: null,
    overdueNoticedFor: null,
    escalatedFor: null,
    caseNo: null,
    listed: false,
    stopWork: null,
    plan: null,
    planApproved: false,
    acceptedBy: null,
    acceptedOfficers: [],
    closedBy: null,
    reopenCount: 0,
    createdAt: event.recordedAt,
    updatedAt: event.recordedAt,
    lastOccurredAt: event.occurredAt,
    lastHash: event.hash,
  };
}

function addIds(ids: readonly string[], evidence: readonly { id: string }[] | undefined): readonly string[] {
  if (!evidence || evidence.length === 0) return ids;
  return [...new Set([...ids, ...evidence.map((e) => e.id)])];
}

function addRectifier(ids: readonly string[], id: string): readonly string[] {
  return ids.includes(id) ? ids : [...ids, id];
}

/**
 * Folds one event into a hazard's state (the decider's `evolve`). Pure; never throws for
 * events `decide` produced. `state` is `null` before the first (`reported`) event.
 *
 * @example
 * ```ts
 * const state = events.reduce<HazardState | null>(evolve, null);
 * ```
 */
export function evolve(state: HazardState | null, event: ChainEvent): HazardState {
  if (state === null || event.type === 'reported') return initial(event);
  const s: HazardState = {
    ...state,
    version: event.version,
    updatedAt: event.recordedAt,
    lastOccurredAt: event.occurredAt,
    lastHash: event.hash,
  };
  switch (event.type) {
    case 'reclassified':
    case 'level_confirmed': {
      const d = data(event, 'reclassified');
      const changed = d.to !== state.level;
      const restart = event.type === 'reclassified' || changed;
      // A manual observation stays provisional until someone other than its reporter confirms it.
      const confirms = event.type === 'level_confirmed' || (event.actor.role === 'enforcement' && !(state.manual && event.actor.id === state.reporterId));
      return {
        ...s,
        level: d.to,
        wasMajor: state.wasMajor || d.to === 'major',
        provisional: confirms ? false : state.provisional,
        ...(restart ? { status: 'reported' as const, deadline: d.runningDeadline ?? null, noticeIssuedAt: null, pendingExtension: null } : {}),
      };
    }
    case 'notice_issued': {
      const d = data(event, 'notice_issued');
      return { ...s, status: 'rectifying', deadline: d.deadline, noticeIssuedAt: event.recordedAt, pendingExtension: null };
    }
    case 'rectification_submitted':
      return {
        ...s,
        status: 'submitted',
        rectificationEvidence: data(event, 'rectification_submitted').evidence,
        evidenceIds: addIds(state.evidenceIds, data(event, 'rectification_submitted').evidence),
        rectifierIds: addRectifier(state.rectifierIds, event.actor.id),
        pendingExtension: null,
      };
    case 'verified':
      return { ...s, status: 'verified' };
    case 'rejected':
      return { ...s, status: 'rectifying' };
    case 'extension_requested':
      return { ...s, pendingExtension: data(event, 'extension_requested').extension };
    case 'extension_granted':
      return { ...s, deadline: data(event, 'extension_granted').to, pendingExtension: null };
    case 'extension_denied':
      return { ...s, pendingExtension: null };
    case 'escalated':
      return {
        ...s,
        status: 'escalated',
        escalatedFor: data(event, 'escalated').overdueDeadline ?? state.escalatedFor,
        deadline: null,
        pendingExtension: null,
      };
    case 'case_filed':
      return { ...s, status: 'case_filed', caseNo: data(event, 'case_filed').caseNo, noticeIssuedAt: event.recordedAt, deadline: null };
    case 'listed_for_supervision':
      return { ...s, listed: true };
    case 'plan_submitted': {
      const plan = data(event, 'plan_submitted').plan;
      return {
        ...s,
        status: 'rectifying',
        plan,
        // The enterprise's own date is a proposal: it becomes the deadline when an officer approves the plan.
        planApproved: false,
        rectifierIds: addRectifier(state.rectifierIds, event.actor.id),
      };
    }
    case 'plan_approved':
      return { ...s, planApproved: true, deadline: data(event, 'plan_approved').deadline, pendingExtension: null };
    case 'stop_work_lifted':
      return { ...s, stopWork: null, evidenceIds: addIds(state.evidenceIds, data(event, 'stop_work_lifted').evidence) };
    case 'delisted':
      return { ...s, listed: false };
    case 'stop_work_ordered':
      return { ...s, stopWork: data(event, 'stop_work_ordered').scope };
    case 'accepted': {
      const d = data(event, 'accepted');
      return {
        ...s,
        status: 'accepted',
        acceptedBy: event.actor.id,
        acceptedOfficers: d.officers ? d.officers.map((o) => o.id) : [event.actor.id],
        evidenceIds: addIds(state.evidenceIds, d.evidence),
      };
    }
    case 'closed':
      return { ...s, status: 'closed', closedBy: event.actor.id, deadline: null, pendingExtension: null };
    case 'reopened':
      return { ...s, ...reopened(state, data(event, 'reopened').runningDeadline) };
    case 'spot_checked': {
      const d = data(event, 'spot_checked');
      return d.result === 'fail' ? { ...s, ...reopened(state, d.runningDeadline) } : s;
    }
    case 'due_soon_warned':
      return { ...s, warnedFor: data(event, 'due_soon_warned').deadline };
    case 'overdue_noticed':
      return { ...s, overdueNoticedFor: data(event, 'overdue_noticed').deadline };
  }
  return s;
}

function reopened(state: HazardState, runningDeadline: string | undefined): Partial<HazardState> {
  return {
    status: 'reported',
    reopenCount: state.reopenCount + 1,
    acceptedBy: null,
    acceptedOfficers: [],
    closedBy: null,
    deadline: runningDeadline ?? null,
    noticeIssuedAt: null,
    rectificationEvidence: [],
  };
}
