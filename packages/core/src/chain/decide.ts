import { planApprovalRefusal, planDeadlineRefusal } from './plan-deadline.js';
import type { Calendar } from '../ports/calendar.js';
import type { ActorProfile, EnterpriseRecord, Role } from '../ports/directory.js';
import type { EvidenceRecord } from '../ports/evidence-store.js';
import type { DeadlinePolicy } from '../pack/types.js';
import type { FindingSource } from '../classify/types.js';
import { DEFAULT_DEADLINES } from '../classify/default-deadlines.js';
import { resolveEvidence, type EvidenceProblem } from './attach-evidence.js';
import { authorize, type AuthorizationSubject } from './authorize.js';
import { canonicalEventBodyJson, canonicalJsonCopy } from './canonical-json.js';
import { isChainError } from './chain-error.js';
import type { CommandIssue } from './command-issue.js';
import { checkCommandShape } from './command-shape.js';
import { computeDeadline, extendDeadline } from './compute-deadline.js';
import {
  checkEvidence,
  DEFAULT_EVIDENCE_RULES,
  rectificationEvidenceReused,
  REVIEWED_STEP,
  reviewedStepAt,
  reviewEvidenceProblem,
  reviewEvidenceReused,
  type EvidenceRequirement,
  type EvidenceRules,
} from './evidence-rules.js';
import { GENESIS_HASH, sha256Hex } from './hash-event.js';
import { reject } from './rejection-messages.js';
import { awaitsConfirmedLevel } from './provisional-gate.js';
import { checkSeparationOfDuties } from './separation-of-duties.js';
import { findTransition, transitionRefusalDetail } from './transitions.js';
import { hearingRight, penaltyHeavier, penaltyProblem } from './penalty-articles.js';
import { penaltyReplyDeadlines, penaltyReplyPeriod, type PenaltyNoticeService } from './penalty-service.js';
import { hearingRequestRefusal, penaltyStepRefusal, replyPeriodOver, type PenaltyCommandType } from './penalty-step.js';
import {
  COMMAND_TYPES,
  type AttachedEvidence,
  type ChainCommand,
  type ChainEvent,
  type Decision,
  type EventDataMap,
  type EventType,
  type EvidenceRef,
  type HazardState,
  type RecordedOfficer,
  type Rejection,
  type ReportObservationCommand,
} from './types.js';

/** Bounds on the claimed `occurredAt` (docs/security.md, claimed times). */
export interface TimeLimits {
  /** How far in the future (vs the trusted clock) a claimed time may be. Default 5 minutes. */
  maxFutureSkewMs: number;
  /** How far in the past a report may claim to have happened. Default 72 hours. */
  maxBackdateMs: number;
}

/** Everything `decide` needs besides state, command, actor and time. All pure data or pure functions. */
export interface DecideContext {
  calendar: Calendar;
  evidenceRules?: EvidenceRules;
  limits?: Partial<TimeLimits>;
  /** Most distinct uploads attached to one hazard over its life. Default 60. */
  evidenceQuota?: number;
}

/**
 * What `handleCommand` looked up for `decide` (which stays pure and synchronous): the
 * records of the command's evidence references, the second officer's profile, the
 * enterprise of a manual observation, and whom the host authenticated as the second officer.
 * Missing entries fail closed: an evidence reference without its record is
 * `EVIDENCE_INVALID`, a two-officer act without a co-officer, or one he did not confirm, is
 * `SEPARATION_OF_DUTIES`, an observation without its enterprise is `INVALID_COMMAND`.
 */
export interface DecideInputs {
  evidence?: ReadonlyMap<string, EvidenceRecord>;
  coOfficer?: ActorProfile | null;
  enterprise?: EnterpriseRecord | null;
  /**
   * Who authenticated, with his own credential, as the second officer present at this act
   * (`handleCommand`'s options, `HandleCommandOptions`); a named `coOfficerId` must be him.
   */
  coSignerId?: string;
  /**
   * The hazard's served 行政处罚告知书 (`penaltyNoticeServices`, looked up from the document
   * register and the service log): the party's reply periods run from the current notice's
   * service. Missing: no notice is served, and no penalty is decided (`NOT_DUE`).
   */
  penaltyNotices?: readonly PenaltyNoticeService[];
}

/** Default {@link TimeLimits}. */
export const DEFAULT_TIME_LIMITS: TimeLimits = Object.freeze({ maxFutureSkewMs: 5 * 60_000, maxBackdateMs: 72 * 3_600_000 });

/** The pack recorded on a manual observation's events (no pack classified it). */
export const MANUAL_PACK: Readonly<{ id: string; version: string }> = Object.freeze({ id: 'manual', version: '0' });

const SOURCE_OF_ROLE: Partial<Record<Role, FindingSource>> = { enterprise: 'self_check', grid: 'grid_patrol', enforcement: 'enforcement', system: 'sensor' };

type Draft = { [T in EventType]: { type: T; data: EventDataMap[T] } }[EventType];
type Refusal = { rejection: Rejection };

/**
 * Whether a policy a command names can be counted at all (its shape and bounds, a calendar with
 * working days): counted from 1970 on the host's days, every date taken as covered — whether the
 * host has loaded the years the real deadline reaches is judged when it is computed
 * (`CALENDAR_NOT_COVERED`).
 */
function validPolicy(policy: DeadlinePolicy, calendar: Calendar): boolean {
  const shapeOnly: Calendar = { utcOffsetMinutes: calendar.utcOffsetMinutes, covers: () => true, isWorkingDay: (date) => calendar.isWorkingDay(date) };
  try {
    computeDeadline(policy, new Date(0), shapeOnly);
    return true;
  } catch (error) {
    if (isChainError(error)) return false;
    throw error;
  }
}

/**
 * Shape issues that are the command's own rules rather than a malformed command: a
 * missing or blank reason (`REASON_REQUIRED`), an incomplete plan (`PLAN_INCOMPLETE`).
 * They are reported after authorisation, as before shapes were checked.
 */
function ruleRejection(type: string, issues: readonly CommandIssue[]): Refusal | null {
  const soft = (i: CommandIssue) => i.code === 'REQUIRED' || i.code === 'BLANK';
  const reasonField = type === 'accept' || type === 'lift_stop_work' || type === 'delist' ? '/note' : '/reason';
  if (issues.every((i) => soft(i) && (i.pointer === reasonField || i.pointer.startsWith(`${reasonField}/`)))) return reject('REASON_REQUIRED');
  if (type === 'submit_plan' && issues.every((i) => soft(i) && i.pointer.startsWith('/plan'))) return reject('PLAN_INCOMPLETE');
  return null;
}

/**
 * The review chain's decider: given a hazard's state (`null` before its report), a
 * command, the acting profile, the trusted time and what `handleCommand` looked up,
 * returns the events to append or a rejection. Pure and synchronous: same inputs, same
 * output (events included, with their ids, times and hashes).
 *
 * Order of checks: command shape (the same shapes as `parseCommand`: bounded counts, ids,
 * texts, times — `INVALID_COMMAND`) → hazard existence → declared edge
 * (`INVALID_TRANSITION`) → permission table (`FORBIDDEN`) → separation of duties and two
 * officers (`SEPARATION_OF_DUTIES`) → claimed time bounds → the command's own rules
 * (evidence, plan, provisional level, reasons). A rejection never carries events.
 *
 * @example
 * ```ts
 * const d = decide(state, { type: 'verify', commandId: 'c9', hazardId: 'H1' }, inspector, clock.now(), { calendar });
 * if ('events' in d) state = d.events.reduce(evolve, state);
 * ```
 */
export function decide(state: HazardState | null, input: ChainCommand, actor: ActorProfile, now: Date, ctx: DecideContext, inputs: DecideInputs = {}): Decision {
  if (typeof input !== 'object' || input === null || !COMMAND_TYPES.includes(input.type) || Number.isNaN(now.getTime())) {
    return reject('INVALID_COMMAND');
  }
  const shape = checkCommandShape(input as unknown as Record<string, unknown>, true);
  let deferred: Refusal | null = null;
  let command = input;
  if ('issues' in shape) {
    deferred = ruleRejection(input.type, shape.issues);
    if (!deferred) {
      const first = shape.issues[0];
      return reject('INVALID_COMMAND', first ? first.message : undefined);
    }
  } else {
    command = shape.command as unknown as ChainCommand;
  }
  const creating = command.type === 'report' || command.type === 'report_observation';
  if (state === null && !creating) return reject('HAZARD_NOT_FOUND');
  if (state !== null && creating) return reject('HAZARD_EXISTS');
  if (state !== null && state.hazardId !== command.hazardId) return reject('INVALID_COMMAND');
  if (command.type === 'report_observation' && (!inputs.enterprise || inputs.enterprise.id !== command.enterpriseId)) {
    return reject('INVALID_COMMAND', { 'zh-CN': `未登记的企业 ${command.enterpriseId}`, en: `enterprise ${command.enterpriseId} is not registered` });
  }

  const subject: AuthorizationSubject =
    state !== null
      ? state
      : command.type === 'report'
        ? { level: command.level, status: 'new', domain: command.domain, area: command.area, enterpriseId: command.enterpriseId, reporterId: null, rectifierIds: [] }
        : {
            level: (command as ReportObservationCommand).level,
            status: 'new',
            domain: (command as ReportObservationCommand).domain,
            area: (inputs.enterprise as EnterpriseRecord).area,
            enterpriseId: (command as ReportObservationCommand).enterpriseId,
            reporterId: null,
            rectifierIds: [],
          };
  if (!findTransition(command.type, subject.level, subject.status)) return reject('INVALID_TRANSITION', transitionRefusalDetail(command.type, subject.level, subject.status));
  const target = command.type === 'reclassify' || command.type === 'confirm_level' ? command.level : undefined;
  const auth = authorize(actor, command.type, subject, target);
  if (!auth.allowed) return reject('FORBIDDEN');
  const duties = checkSeparationOfDuties(state, command, actor, inputs.coOfficer, { role: auth.role, domain: subject.domain, area: subject.area }, inputs.coSignerId);
  if ('problem' in duties) return reject('SEPARATION_OF_DUTIES', duties.problem);

  // Trusted time never decreases within a hazard; the claimed time is bounded.
  const recordedMs = Math.max(now.getTime(), state === null ? 0 : Date.parse(state.updatedAt));
  const recordedAt = new Date(recordedMs).toISOString();
  const limits = { ...DEFAULT_TIME_LIMITS, ...ctx.limits };
  const claimedMs = command.occurredAt === undefined ? recordedMs : Date.parse(command.occurredAt);
  if (
    Number.isNaN(claimedMs) ||
    claimedMs > recordedMs + limits.maxFutureSkewMs ||
    (state !== null && claimedMs < Date.parse(state.lastOccurredAt)) ||
    (state === null && claimedMs < now.getTime() - limits.maxBackdateMs)
  ) {
    return reject('OCCURRED_AT_OUT_OF_RANGE');
  }
  if (deferred) return deferred;
  const occurredAt = new Date(claimedMs).toISOString();

  const drafts = draftEvents(state, command, ctx, new Date(recordedMs), { actor, role: auth.role, inputs, officers: duties.officers });
  if (!Array.isArray(drafts)) return drafts;
  try {
    return { events: seal(state, command, auth.role, actor.id, recordedAt, occurredAt, drafts) };
  } catch (error) {
    if (isChainError(error) && error.code === 'NON_CANONICAL_VALUE') {
      return reject('INVALID_COMMAND', { 'zh-CN': error.localized['zh-CN'], en: error.localized.en });
    }
    throw error;
  }
}

function seal(state: HazardState | null, command: ChainCommand, role: Role, actorId: string, recordedAt: string, occurredAt: string, drafts: readonly Draft[]): ChainEvent[] {
  const pack = state !== null ? state.pack : command.type === 'report' ? command.pack : MANUAL_PACK;
  let prevHash = state === null ? GENESIS_HASH : state.lastHash;
  let version = state === null ? 0 : state.version;
  const events: ChainEvent[] = [];
  for (const draft of drafts) {
    version += 1;
    // Through canonical JSON: `data` is what JSON.parse of its canonical text would give
    // (undefined dropped, NaN and class instances refused, keys in canonical order, -0 as 0,
    // nothing shared with the command), so stores round-trip it exactly; the text, written
    // once in the same walk, is reused for the event's hash.
    const { json, copy } = canonicalJsonCopy(draft.data);
    const body = {
      id: `${command.hazardId}/${version}`,
      hazardId: command.hazardId,
      version,
      type: draft.type,
      actor: { id: actorId, role },
      commandId: command.commandId,
      recordedAt,
      occurredAt,
      pack: { id: pack.id, version: pack.version },
      data: copy as EventDataMap[EventType],
      prevHash,
    };
    // The hash goes on the body itself, last (the keys and their order of `{ ...body, hash }`):
    // the body is this event's own, and a copy of it cost a quarter of seal (ADR 003, seventh pass).
    const event = body as typeof body & { hash: string };
    event.hash = sha256Hex(canonicalEventBodyJson(body, json));
    events.push(event as ChainEvent);
    prevHash = event.hash;
  }
  return events;
}

function evidenceProblem(evidence: readonly AttachedEvidence[], requirement: EvidenceRequirement, noticeAt: string | null, now: Date): Refusal | null {
  const problems = checkEvidence(evidence, requirement, noticeAt, now);
  if (problems.length === 0) return null;
  return reject('EVIDENCE_INSUFFICIENT', {
    'zh-CN': problems.map((p) => p['zh-CN']).join('；'),
    en: problems.map((p) => p.en).join('; '),
  });
}

/**
 * The deadline that runs from `from` under `policy` (a report, or a level change that
 * restarts the path): the hazard has a deadline from the moment it is known, before any
 * notice. A notice, an approved plan or a granted extension replaces it later.
 */
function runningDeadline(policy: DeadlinePolicy, from: Date, ctx: DecideContext): string {
  return computeDeadline(policy, from, ctx.calendar).toISOString();
}

interface DraftContext {
  actor: ActorProfile;
  role: Role;
  inputs: DecideInputs;
  officers: readonly [RecordedOfficer, RecordedOfficer] | undefined;
}

type PenaltyCommand = Extract<ChainCommand, { type: PenaltyCommandType }>;

/**
 * The administrative penalty of a filed case (《行政处罚法》第四十四、四十五、六十三、六十四条):
 * a notice before any decision, with the reply periods computed here from the trusted time;
 * the party's statement; its hearing (or the withdrawal of its request); a decision once the
 * periods have run or the party has been heard, never heavier than the notice and never while
 * a requested hearing is pending.
 */
function draftPenalty(
  s: HazardState,
  command: PenaltyCommand,
  now: Date,
  actorId: string,
  party: boolean,
  officers: { officers?: readonly [RecordedOfficer, RecordedOfficer] },
  served: readonly PenaltyNoticeService[],
  calendar: Calendar,
): Draft[] | Refusal {
  // A refusal that names the field at fault carries its pointer (the HTTP problem lists it as an issue).
  const located = (p: { pointer: string; 'zh-CN': string; en: string }): Refusal => {
    const { rejection } = reject('INVALID_COMMAND', { 'zh-CN': `${p.pointer}：${p['zh-CN']}`, en: `${p.pointer}: ${p.en}` });
    return { rejection: { ...rejection, pointer: p.pointer } };
  };
  // The party's reply period: from the current notice's service, in the host's working days (null while not served).
  const period = s.penalty ? penaltyReplyPeriod(s.penalty, served, calendar) : null;
  // Where the proceeding stands (one rule, also read by pages that offer the next step).
  const step = penaltyStepRefusal(s, command.type, now, actorId, party, period);
  if (step) {
    // A statement after the reply period that asks for a hearing is told why at its field: the hearing's five days have run.
    const late = command.type === 'record_statement' && command.hearingRequested && s.penalty && !s.penalty.decided && replyPeriodOver(now, period);
    const hearingClosed = late && s.penalty ? hearingRequestRefusal(s.penalty, now, period) : null;
    return hearingClosed ? located(hearingClosed) : reject(step.code, step.detail);
  }
  const proceeding = s.penalty;
  if (command.type === 'notify_penalty') {
    const problem = penaltyProblem(command.penalty);
    if (problem) return located(problem);
    // The periods as they would run were the notice served when recorded (the rule counts them from its service).
    const hearing = hearingRight(command.penalty);
    const { statementDeadline, hearingDeadline } = penaltyReplyDeadlines(now, hearing, calendar);
    return [
      {
        type: 'penalty_notified',
        data: {
          penalty: command.penalty,
          statementDeadline,
          hearingRight: hearing,
          ...(hearingDeadline !== null ? { hearingDeadline } : {}),
          ...officers,
        },
      },
    ];
  }
  if (!proceeding) return reject('INVALID_TRANSITION', { 'zh-CN': '尚未送达行政处罚告知书', en: 'no penalty notice has been issued' }); // (the step check said so)
  if (command.type === 'record_statement') {
    // A hearing only with the notice's right and within its five days (one rule, also read by the page's hearing box).
    const hearingClosed = command.hearingRequested ? hearingRequestRefusal(proceeding, now, period) : null;
    if (hearingClosed) return located(hearingClosed);
    return [{ type: 'statement_recorded', data: { statement: command.statement, hearingRequested: command.hearingRequested } }];
  }
  if (command.type === 'record_hearing') return [{ type: 'hearing_held', data: { report: command.report } }];
  if (command.type === 'withdraw_hearing') return [{ type: 'hearing_withdrawn', data: { reason: command.reason } }];
  const problem = penaltyProblem(command.penalty);
  if (problem) return located(problem);
  if (penaltyHeavier(command.penalty, proceeding.notified)) {
    return located({
      pointer: '/penalty',
      'zh-CN': '决定的处罚不得重于告知的处罚（《行政处罚法》第四十五条）；加重须重新告知',
      en: 'the penalty decided may not be heavier than the one notified (Administrative Penalty Law Art. 45); notify again to change it',
    });
  }
  return [{ type: 'penalty_decided', data: { penalty: command.penalty, statementHeard: proceeding.statement !== null, ...officers } }];
}

function draftEvents(state: HazardState | null, command: ChainCommand, ctx: DecideContext, now: Date, d: DraftContext): Draft[] | Refusal {
  const rules = ctx.evidenceRules ?? DEFAULT_EVIDENCE_RULES;
  const officers = d.officers ? { officers: d.officers } : {};
  // A refusal of one reference names it (`/evidence/N`), in its message too. A report's evidence is the server's
  // (reportInspection builds it from the inspection's answers, and locates its own issues), so its refusal names none.
  const refused = (problem: EvidenceProblem): Refusal => {
    const detail = { 'zh-CN': problem['zh-CN'], en: problem.en };
    if (command.type === 'report') return reject('EVIDENCE_INVALID', detail);
    const { rejection } = reject('EVIDENCE_INVALID', { 'zh-CN': `${problem.pointer}：${detail['zh-CN']}`, en: `${problem.pointer}: ${detail.en}` });
    return { rejection: { ...rejection, pointer: problem.pointer } };
  };
  const attach = (refs: readonly EvidenceRef[] | undefined): { attached: AttachedEvidence[] } | Refusal => {
    const r = resolveEvidence(refs ?? [], d.inputs.evidence ?? new Map(), {
      hazardId: command.hazardId,
      actorId: d.actor.id,
      creating: state === null,
      attached: state?.evidenceIds ?? [],
      quota: ctx.evidenceQuota,
      ...(command.type === 'report' && command.sameInspection ? { shared: command.sameInspection } : {}),
    });
    return 'problem' in r ? refused(r.problem) : r;
  };
  // The evidence of an act that records what its actor saw (REVIEWED_STEP: verify, reject, accept, spot_check, reopen,
  // lift_stop_work): optional, resolved by the same resolveEvidence as every other command's (an upload of the actor,
  // bound to this hazard, a photo an image, within the quota), each received by the server after the step reviewed (the
  // latest submission, the closing, the acceptance; evidence-rules), and none — by id or by content — an upload an
  // earlier act of the hazard already records (one upload, one act); recorded only when sent.
  const reviewEvidence = (type: keyof typeof REVIEWED_STEP, refs: readonly EvidenceRef[] | undefined): { data: { evidence?: AttachedEvidence[] } } | Refusal => {
    if (refs === undefined) return { data: {} };
    const evidence = attach(refs);
    if ('rejection' in evidence) return evidence;
    const s = state as HazardState;
    const reviewed = REVIEWED_STEP[type];
    const problem = reviewEvidenceProblem(refs, evidence.attached, reviewed, reviewedStepAt(s, reviewed), now) ?? reviewEvidenceReused(refs, evidence.attached, s);
    return problem ? refused(problem) : { data: { evidence: evidence.attached } };
  };
  if (command.type === 'report') {
    if (!validPolicy(command.deadline, ctx.calendar)) return reject('INVALID_COMMAND');
    const evidence = attach(command.evidence);
    if ('rejection' in evidence) return evidence;
    const { commandId: _c, hazardId: _h, expectedVersion: _e, occurredAt: _o, type: _t, coOfficerId: _co, sameInspection: _si, ...fields } = command;
    const rest = { ...fields, ...officers };
    const data = { ...rest, evidence: evidence.attached, runningDeadline: runningDeadline(command.deadline, now, ctx) };
    if (command.fixedOnSpot) {
      if (command.level !== 'simple') return reject('INVALID_COMMAND', { 'zh-CN': '只有简易隐患可当场整改', en: 'only simple hazards are fixed on the spot' });
      const problem = evidenceProblem(evidence.attached, rules.fixedOnSpot, null, now);
      if (problem) return problem;
      return [
        { type: 'reported', data: { ...rest, evidence: evidence.attached } },
        { type: 'closed', data: { fixedOnSpot: true } },
      ];
    }
    return [{ type: 'reported', data }];
  }
  if (command.type === 'report_observation') {
    const evidence = attach(command.evidence);
    if ('rejection' in evidence) return evidence;
    const source = SOURCE_OF_ROLE[d.role];
    if (!source) return reject('FORBIDDEN');
    return [
      {
        type: 'reported',
        data: {
          title: command.title,
          level: command.level,
          provisional: true,
          basis: [],
          deadline: DEFAULT_DEADLINES[command.level],
          runningDeadline: runningDeadline(DEFAULT_DEADLINES[command.level], now, ctx),
          pack: { ...MANUAL_PACK },
          domain: command.domain,
          area: (d.inputs.enterprise as EnterpriseRecord).area,
          enterpriseId: command.enterpriseId,
          source,
          evidence: evidence.attached,
          manual: true,
          ...(command.description === undefined ? {} : { description: command.description }),
          ...officers,
        },
      },
    ];
  }
  const s = state as HazardState;
  if (awaitsConfirmedLevel(s, command.type)) return reject('PROVISIONAL_UNCONFIRMED');
  switch (command.type) {
    case 'reclassify':
      if (command.level === s.level) return reject('LEVEL_UNCHANGED');
      return [
        {
          type: 'reclassified',
          data: { from: s.level, to: command.level, reason: command.reason, runningDeadline: runningDeadline(s.deadlinePolicy, now, ctx), ...officers },
        },
      ];
    case 'confirm_level': {
      if (!s.provisional) return reject('NOT_PROVISIONAL');
      // A changed level restarts the path, and with it the deadline.
      const restart = command.level === s.level ? {} : { runningDeadline: runningDeadline(s.deadlinePolicy, now, ctx) };
      return [{ type: 'level_confirmed', data: { from: s.level, to: command.level, reason: command.reason, ...restart, ...officers } }];
    }
    case 'issue_notice': {
      const deadline = computeDeadline(s.deadlinePolicy, now, ctx.calendar).toISOString();
      // No number here: the notice's number is the 文号 the register gives its document with this event.
      return [{ type: 'notice_issued', data: { deadline, policy: s.deadlinePolicy, note: command.note, ...officers } }];
    }
    case 'submit_rectification': {
      if (s.level === 'major' && !s.planApproved) return reject('PLAN_NOT_APPROVED');
      const evidence = attach(command.evidence);
      if ('rejection' in evidence) return evidence;
      // Its "after" photos are new bytes: none an earlier act of the hazard records, above all a rejected submission's.
      const reused = rectificationEvidenceReused(command.evidence, (id) => d.inputs.evidence?.get(id)?.sha256, s, ctx.calendar.utcOffsetMinutes);
      if (reused) return refused(reused);
      const problem = evidenceProblem(evidence.attached, rules.submit[s.level], s.noticeIssuedAt, now);
      if (problem) return problem;
      return [{ type: 'rectification_submitted', data: { evidence: evidence.attached, note: command.note } }];
    }
    case 'verify': {
      const review = reviewEvidence(command.type, command.evidence);
      if ('rejection' in review) return review;
      return [{ type: 'verified', data: { note: command.note, ...review.data, ...officers } }];
    }
    case 'reject': {
      const review = reviewEvidence(command.type, command.evidence);
      if ('rejection' in review) return review;
      return [{ type: 'rejected', data: { reason: command.reason, ...review.data, ...officers } }];
    }
    case 'request_extension':
      if (s.pendingExtension !== null) return reject('EXTENSION_PENDING');
      if (command.extension === 'immediate' || !validPolicy(command.extension, ctx.calendar)) return reject('INVALID_COMMAND');
      return [{ type: 'extension_requested', data: { extension: command.extension, reason: command.reason } }];
    case 'grant_extension': {
      if (s.pendingExtension === null) return reject('NO_PENDING_EXTENSION');
      const from = s.deadline ?? now.toISOString();
      const to = extendDeadline(from, s.pendingExtension, ctx.calendar).toISOString();
      return [{ type: 'extension_granted', data: { from, to, note: command.note } }];
    }
    case 'deny_extension':
      if (s.pendingExtension === null) return reject('NO_PENDING_EXTENSION');
      return [{ type: 'extension_denied', data: { reason: command.reason } }];
    case 'escalate':
      if (command.overdueDeadline !== undefined) {
        const due = Date.parse(command.overdueDeadline);
        if (s.deadline === null || due !== Date.parse(s.deadline) || now.getTime() < due) return reject('NOT_DUE');
      }
      return [{ type: 'escalated', data: { reason: command.reason, overdueDeadline: command.overdueDeadline === undefined ? undefined : (s.deadline as string) } }];
    case 'file_case':
      // No number here: the case's number is the 文号 the register gives its 立案审批表 with this event.
      return [{ type: 'case_filed', data: { ...officers } }];
    case 'list_for_supervision':
      return [{ type: 'listed_for_supervision', data: { authority: command.authority, note: command.note, ...officers } }];
    case 'submit_plan': {
      // The same window the plan form offers (planDeadlineWindow), at the server's clock.
      const late = planDeadlineRefusal(command.plan.deadline, now);
      if (late) return reject(late.code, late.detail);
      return [{ type: 'plan_submitted', data: { plan: command.plan } }];
    }
    case 'approve_plan': {
      if (s.plan === null || s.planApproved) return reject('NO_PENDING_PLAN');
      const passed = planApprovalRefusal(s, now);
      if (passed) return reject(passed.code, passed.detail);
      return [{ type: 'plan_approved', data: { deadline: new Date(Date.parse(s.plan.deadline)).toISOString(), note: command.note } }];
    }
    case 'order_stop_work':
      return [{ type: 'stop_work_ordered', data: { scope: command.scope, reason: command.reason, ...officers } }];
    case 'accept': {
      const review = reviewEvidence(command.type, command.evidence);
      if ('rejection' in review) return review;
      return [{ type: 'accepted', data: { note: command.note, ...review.data, ...officers } }];
    }
    case 'close': {
      if (s.level !== 'major' && s.noticeIssuedAt === null) return reject('NOTICE_REQUIRED');
      const problem = evidenceProblem(s.rectificationEvidence, rules.submit[s.level], s.noticeIssuedAt, now);
      if (problem) return problem;
      return [{ type: 'closed', data: { note: command.note, ...officers } }];
    }
    case 'lift_stop_work': {
      if (s.stopWork === null) return reject('NO_STOP_WORK');
      const review = reviewEvidence(command.type, command.evidence);
      if ('rejection' in review) return review;
      return [{ type: 'stop_work_lifted', data: { note: command.note, ...review.data, ...officers } }];
    }
    case 'delist':
      if (!s.listed) return reject('NOT_LISTED');
      return [{ type: 'delisted', data: { note: command.note, ...officers } }];
    case 'reopen': {
      const review = reviewEvidence(command.type, command.evidence);
      if ('rejection' in review) return review;
      return [{ type: 'reopened', data: { reason: command.reason, runningDeadline: runningDeadline(s.deadlinePolicy, now, ctx), ...review.data } }];
    }
    case 'spot_check': {
      const review = reviewEvidence(command.type, command.evidence);
      if ('rejection' in review) return review;
      const restart = command.result === 'fail' ? { runningDeadline: runningDeadline(s.deadlinePolicy, now, ctx) } : {};
      return [{ type: 'spot_checked', data: { result: command.result, note: command.note, ...restart, ...review.data } }];
    }
    case 'warn_due_soon':
      if (s.deadline === null || Date.parse(command.deadline) !== Date.parse(s.deadline)) return reject('NOT_DUE');
      if (s.warnedFor === s.deadline) return [];
      return [{ type: 'due_soon_warned', data: { deadline: s.deadline } }];
    case 'notice_overdue':
      if (s.deadline === null || Date.parse(command.deadline) !== Date.parse(s.deadline) || now.getTime() < Date.parse(s.deadline)) return reject('NOT_DUE');
      if (s.overdueNoticedFor === s.deadline) return [];
      return [{ type: 'overdue_noticed', data: { deadline: s.deadline } }];
    case 'notify_penalty':
    case 'record_statement':
    case 'record_hearing':
    case 'withdraw_hearing':
    case 'decide_penalty':
      return draftPenalty(s, command, now, d.actor.id, d.role === 'enterprise', officers, d.inputs.penaltyNotices ?? [], ctx.calendar);
  }
  return reject('INVALID_COMMAND');
}
