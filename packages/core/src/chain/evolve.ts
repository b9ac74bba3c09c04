import type { AttachedEvidence, ChainEvent, EventDataMap, EventType, HazardState } from './types.js';

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
    rectificationSubmittedAt: null,
    evidenceIds: addIds([], d.evidence),
    evidenceHashes: addHashes([], d.evidence),
    noticeIssuedAt: null,
    deadline: d.runningDeadline ?? null,
    pendingExtension: null,
    warnedFor: null,
    overdueNoticedFor: null,
    escalatedFor: null,
    caseFiledAt: null,
    caseNo: null,
    listed: false,
    stopWork: null,
    plan: null,
    planApproved: false,
    acceptedBy: null,
    acceptedOfficers: [],
    acceptedAt: null,
    closedBy: null,
    closedAt: null,
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

function addHashes(hashes: readonly string[], evidence: readonly { sha256: string }[] | undefined): readonly string[] {
  if (!evidence || evidence.length === 0) return hashes;
  return [...new Set([...hashes, ...evidence.map((e) => e.sha256)])];
}

/** Records an event's evidence: its ids (the quota) and its content hashes (one act per file). */
function attach(s: HazardState, evidence: readonly AttachedEvidence[] | undefined): void {
  s.evidenceIds = addIds(s.evidenceIds, evidence);
  s.evidenceHashes = addHashes(s.evidenceHashes, evidence);
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
  return apply({ ...state }, event);
}

/**
 * `evolve` for a state its caller alone holds (one it folded itself and has handed to no
 * one): the event is applied to `state` in place rather than to a copy — one copy of the
 * ~45 fields per fold instead of one per event. Same result, the same keys in the same
 * order; nested values are replaced, never changed, so anything that took one of them
 * from an earlier state still sees it unchanged. Internal (`foldEvents`, `handleCommand`).
 */
export function evolveOwned(state: HazardState | null, event: ChainEvent): HazardState {
  if (state === null || event.type === 'reported') return initial(event);
  return apply(state, event);
}

/**
 * Applies a non-first event to `s`, which it changes. Each case reads a field before it
 * writes it, so `s` may be the previous state itself (`evolveOwned`) or a copy (`evolve`).
 */
function apply(s: HazardState, event: ChainEvent): HazardState {
  s.version = event.version;
  s.updatedAt = event.recordedAt;
  s.lastOccurredAt = event.occurredAt;
  s.lastHash = event.hash;
  switch (event.type) {
    case 'reclassified':
    case 'level_confirmed': {
      const d = data(event, 'reclassified');
      const changed = d.to !== s.level;
      const restart = event.type === 'reclassified' || changed;
      // A manual observation stays provisional until someone other than its reporter confirms it.
      const confirms = event.type === 'level_confirmed' || (event.actor.role === 'enforcement' && !(s.manual && event.actor.id === s.reporterId));
      s.level = d.to;
      s.wasMajor = s.wasMajor || d.to === 'major';
      s.provisional = confirms ? false : s.provisional;
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
      s.rectificationSubmittedAt = event.recordedAt;
      attach(s, data(event, 'rectification_submitted').evidence);
      s.rectifierIds = addRectifier(s.rectifierIds, event.actor.id);
      s.pendingExtension = null;
      return s;
    case 'verified':
      s.status = 'verified';
      attach(s, data(event, 'verified').evidence);
      return s;
    case 'rejected':
      s.status = 'rectifying';
      // The rejected submission stays on record by its bytes: its "after" photos are no later submission's.
      s.rejectedRectifications = [...(s.rejectedRectifications ?? []), { submittedAt: s.rectificationSubmittedAt, rejectedAt: event.recordedAt, sha256: s.rectificationEvidence.map((e) => e.sha256) }];
      attach(s, data(event, 'rejected').evidence);
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
      s.escalatedFor = data(event, 'escalated').overdueDeadline ?? s.escalatedFor;
      s.deadline = null;
      s.pendingExtension = null;
      return s;
    case 'case_filed':
      s.status = 'case_filed';
      s.caseFiledAt = event.recordedAt;
      s.caseNo = data(event, 'case_filed').caseNo ?? null; // a number typed before it was derived
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
      s.rectifierIds = addRectifier(s.rectifierIds, event.actor.id);
      return s;
    }
    case 'plan_approved':
      s.planApproved = true;
      s.deadline = data(event, 'plan_approved').deadline;
      s.pendingExtension = null;
      return s;
    case 'stop_work_lifted':
      s.stopWork = null;
      attach(s, data(event, 'stop_work_lifted').evidence);
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
      s.acceptedAt = event.recordedAt;
      attach(s, d.evidence);
      return s;
    }
    case 'closed':
      s.status = 'closed';
      s.closedBy = event.actor.id;
      s.closedAt = event.recordedAt;
      s.deadline = null;
      s.pendingExtension = null;
      return s;
    case 'reopened': {
      const d = data(event, 'reopened');
      attach(s, d.evidence);
      return Object.assign(s, reopened(s, d.runningDeadline));
    }
    case 'spot_checked': {
      const d = data(event, 'spot_checked');
      attach(s, d.evidence);
      return d.result === 'fail' ? Object.assign(s, reopened(s, d.runningDeadline)) : s;
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
        hearingWithdrawn: null,
        decided: null,
        decidedAt: null,
      };
      return s;
    }
    case 'statement_recorded':
      if (s.penalty) {
        const byParty = event.actor.role === 'enterprise';
        s.penalty = { ...s.penalty, statement: { recordedAt: event.recordedAt, hearingRequested: data(event, 'statement_recorded').hearingRequested, byParty } };
      }
      return s;
    case 'hearing_held':
      if (s.penalty) s.penalty = { ...s.penalty, hearing: { recordedAt: event.recordedAt, presidedBy: event.actor.id } };
      return s;
    case 'hearing_withdrawn':
      if (s.penalty) s.penalty = { ...s.penalty, hearingWithdrawn: { recordedAt: event.recordedAt } };
      return s;
    case 'penalty_decided':
      if (s.penalty) s.penalty = { ...s.penalty, decided: data(event, 'penalty_decided').penalty, decidedAt: event.recordedAt };
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
    acceptedAt: null,
    closedBy: null,
    closedAt: null,
    deadline: runningDeadline ?? null,
    noticeIssuedAt: null,
    rectificationEvidence: [],
    rectificationSubmittedAt: null,
  };
}
