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
  // `s` is a fresh copy: the cases set its fields in place (the same keys in the same order
  // as spreading it again, one copy of the state per event instead of two).
  switch (event.type) {
    case 'reclassified':
    case 'level_confirmed': {
      const d = data(event, 'reclassified');
      const changed = d.to !== state.level;
      const restart = event.type === 'reclassified' || changed;
      // A manual observation stays provisional until someone other than its reporter confirms it.
      const confirms = event.type === 'level_confirmed' || (event.actor.role === 'enforcement' && !(state.manual && event.actor.id === state.reporterId));
      s.level = d.to;
      s.wasMajor = state.wasMajor || d.to === 'major';
      s.provisional = confirms ? false : state.provisional;
      if (restart) {
        s.status = 'reported';
        s.deadline = d.runningDeadline ?? null;
        s.noticeIssuedAt = null;
        s.pendingExtension = null;
      }
      return s;
    }
    case 'notice_issued': {
      const d = data(event, 'notice_issued');
      s.status = 'rectifying';
      s.deadline = d.deadline;
      s.noticeIssuedAt = event.recordedAt;
      s.pendingExtension = null;
      return s;
    }
    case 'rectification_submitted':
      s.status = 'submitted';
      s.rectificationEvidence = data(event, 'rectification_submitted').evidence;
      s.evidenceIds = addIds(state.evidenceIds, data(event, 'rectification_submitted').evidence);
      s.rectifierIds = addRectifier(state.rectifierIds, event.actor.id);
      s.pendingExtension = null;
      return s;
    case 'verified':
      s.status = 'verified';
      return s;
    case 'rejected':
      s.status = 'rectifying';
      return s;
    case 'extension_requested':
      s.pendingExtension = data(event, 'extension_requested').extension;
      return s;
    case 'extension_granted':
      s.deadline = data(event, 'extension_granted').to;
      s.pendingExtension = null;
      return s;
    case 'extension_denied':
      s.pendingExtension = null;
      return s;
    case 'escalated':
      s.status = 'escalated';
      s.escalatedFor = data(event, 'escalated').overdueDeadline ?? state.escalatedFor;
      s.deadline = null;
      s.pendingExtension = null;
      return s;
    case 'case_filed':
      s.status = 'case_filed';
      s.caseNo = data(event, 'case_filed').caseNo;
      s.noticeIssuedAt = event.recordedAt;
      s.deadline = null;
      return s;
    case 'listed_for_supervision':
      s.listed = true;
      return s;
    case 'plan_submitted': {
      s.status = 'rectifying';
      s.plan = data(event, 'plan_submitted').plan;
      // The enterprise's own date is a proposal: it becomes the deadline when an officer approves the plan.
      s.planApproved = false;
      s.rectifierIds = addRectifier(state.rectifierIds, event.actor.id);
      return s;
    }
    case 'plan_approved':
      s.planApproved = true;
      s.deadline = data(event, 'plan_approved').deadline;
      s.pendingExtension = null;
      return s;
    case 'stop_work_lifted':
      s.stopWork = null;
      s.evidenceIds = addIds(state.evidenceIds, data(event, 'stop_work_lifted').evidence);
      return s;
    case 'delisted':
      s.listed = false;
      return s;
    case 'stop_work_ordered':
      s.stopWork = data(event, 'stop_work_ordered').scope;
      return s;
    case 'accepted': {
      const d = data(event, 'accepted');
      s.status = 'accepted';
      s.acceptedBy = event.actor.id;
      s.acceptedOfficers = d.officers ? d.officers.map((o) => o.id) : [event.actor.id];
      s.evidenceIds = addIds(state.evidenceIds, d.evidence);
      return s;
    }
    case 'closed':
      s.status = 'closed';
      s.closedBy = event.actor.id;
      s.deadline = null;
      s.pendingExtension = null;
      return s;
    case 'reopened':
      return Object.assign(s, reopened(state, data(event, 'reopened').runningDeadline));
    case 'spot_checked': {
      const d = data(event, 'spot_checked');
      return d.result === 'fail' ? Object.assign(s, reopened(state, d.runningDeadline)) : s;
    }
    case 'due_soon_warned':
      s.warnedFor = data(event, 'due_soon_warned').deadline;
      return s;
    case 'overdue_noticed':
      s.overdueNoticedFor = data(event, 'overdue_noticed').deadline;
      return s;
    case 'penalty_notified': {
      const d = data(event, 'penalty_notified');
      s.penalty = {
        notified: d.penalty,
        notifiedAt: event.recordedAt,
        statementDeadline: d.statementDeadline,
        hearingRight: d.hearingRight,
        hearingDeadline: d.hearingDeadline ?? null,
        statement: null,
        notifiedBy: d.officers ? d.officers.map((o) => o.id) : [event.actor.id],
        hearing: null,
        decided: null,
        decidedAt: null,
      };
      return s;
    }
    case 'statement_recorded':
      if (state.penalty) s.penalty = { ...state.penalty, statement: { recordedAt: event.recordedAt, hearingRequested: data(event, 'statement_recorded').hearingRequested } };
      return s;
    case 'hearing_held':
      if (state.penalty) s.penalty = { ...state.penalty, hearing: { recordedAt: event.recordedAt, presidedBy: event.actor.id } };
      return s;
    case 'penalty_decided':
      if (state.penalty) s.penalty = { ...state.penalty, decided: data(event, 'penalty_decided').penalty, decidedAt: event.recordedAt };
      return s;
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
