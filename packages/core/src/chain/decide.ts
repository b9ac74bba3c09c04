import type { Calendar } from '../ports/calendar.js';
import type { ActorProfile, Role } from '../ports/directory.js';
import type { DeadlinePolicy, HazardLevel, LocalizedText } from '../pack/types.js';
import { authorize, type AuthorizationSubject } from './authorize.js';
import { canonicalJson } from './canonical-json.js';
import { isChainError } from './chain-error.js';
import { computeDeadline, extendDeadline } from './compute-deadline.js';
import { checkEvidence, DEFAULT_EVIDENCE_RULES, type EvidenceRequirement, type EvidenceRules } from './evidence-rules.js';
import { computeEventHash, GENESIS_HASH } from './hash-event.js';
import { reject } from './rejection-messages.js';
import { findTransition } from './transitions.js';
import {
  COMMAND_TYPES,
  type ChainCommand,
  type ChainEvent,
  type Decision,
  type EventDataMap,
  type EventType,
  type HazardState,
  type ReportCommand,
} from './types.js';

/** Bounds on the claimed `occurredAt` (security.md T19). */
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
}

/** Default {@link TimeLimits}. */
export const DEFAULT_TIME_LIMITS: TimeLimits = Object.freeze({ maxFutureSkewMs: 5 * 60_000, maxBackdateMs: 72 * 3_600_000 });

const LEVELS: readonly HazardLevel[] = ['simple', 'general', 'major'];
const MAJOR_PATH = new Set(['file_case', 'list_for_supervision', 'submit_plan', 'order_stop_work', 'accept', 'close']);

type Draft = { [T in EventType]: { type: T; data: EventDataMap[T] } }[EventType];

function hasText(text: LocalizedText | undefined): boolean {
  return typeof text === 'object' && text !== null && typeof text['zh-CN'] === 'string' && text['zh-CN'].trim() !== '';
}

function validPolicy(policy: DeadlinePolicy, calendar: Calendar): boolean {
  try {
    computeDeadline(policy, new Date(0), calendar);
    return true;
  } catch (error) {
    if (isChainError(error)) return false;
    throw error;
  }
}

/**
 * The review chain's decider: given a hazard's state (`null` before its report), a
 * command, the acting profile and the trusted time, returns the events to append or a
 * rejection. Pure and synchronous: same inputs, same output (events included, with their
 * ids, times and hashes).
 *
 * Order of checks: command shape → hazard existence → declared edge (`INVALID_TRANSITION`)
 * → permission table (`FORBIDDEN`) → claimed time bounds → the command's own rules
 * (evidence, plan, provisional level, reasons). A rejection never carries events.
 *
 * @example
 * ```ts
 * const d = decide(null, { type: 'report', commandId: 'c1', hazardId: 'H1', level: 'general', … }, inspector, clock.now(), { calendar });
 * if ('events' in d) state = d.events.reduce(evolve, state);
 * ```
 */
export function decide(
  state: HazardState | null,
  command: ChainCommand,
  actor: ActorProfile,
  now: Date,
  ctx: DecideContext,
): Decision {
  if (
    typeof command !== 'object' ||
    command === null ||
    !COMMAND_TYPES.includes(command.type) ||
    typeof command.commandId !== 'string' ||
    command.commandId === '' ||
    typeof command.hazardId !== 'string' ||
    command.hazardId === '' ||
    Number.isNaN(now.getTime())
  ) {
    return reject('INVALID_COMMAND');
  }
  if (state === null && command.type !== 'report') return reject('HAZARD_NOT_FOUND');
  if (state !== null && command.type === 'report') return reject('HAZARD_EXISTS');
  if (state !== null && state.hazardId !== command.hazardId) return reject('INVALID_COMMAND');
  if (command.type === 'report' && !LEVELS.includes(command.level)) return reject('INVALID_COMMAND');

  const subject: AuthorizationSubject =
    state === null
      ? {
          level: (command as ReportCommand).level,
          status: 'new',
          domain: (command as ReportCommand).domain,
          area: (command as ReportCommand).area,
          enterpriseId: (command as ReportCommand).enterpriseId,
          reporterId: null,
          rectifierIds: [],
        }
      : { ...state, reporterId: state.reporterId };
  if (!findTransition(command.type, subject.level, subject.status)) return reject('INVALID_TRANSITION');
  const target = command.type === 'reclassify' || command.type === 'confirm_level' ? command.level : undefined;
  const auth = authorize(actor, command.type, subject, target);
  if (!auth.allowed) return reject('FORBIDDEN');

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
  const occurredAt = new Date(claimedMs).toISOString();

  const drafts = draftEvents(state, command, ctx, new Date(recordedMs));
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

function seal(
  state: HazardState | null,
  command: ChainCommand,
  role: Role,
  actorId: string,
  recordedAt: string,
  occurredAt: string,
  drafts: readonly Draft[],
): ChainEvent[] {
  const pack = state === null ? (command as ReportCommand).pack : state.pack;
  let prevHash = state === null ? GENESIS_HASH : state.lastHash;
  let version = state === null ? 0 : state.version;
  const events: ChainEvent[] = [];
  for (const draft of drafts) {
    version += 1;
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
      // Through canonical JSON: drops undefined, rejects NaN, so stores round-trip it exactly.
      data: JSON.parse(canonicalJson(draft.data)) as EventDataMap[EventType],
      prevHash,
    };
    const hash = computeEventHash(body);
    events.push({ ...body, hash } as ChainEvent);
    prevHash = hash;
  }
  return events;
}

function evidenceProblem(
  evidence: ReportCommand['evidence'] | undefined,
  requirement: EvidenceRequirement,
  noticeAt: string | null,
  now: Date,
): { rejection: NonNullable<ReturnType<typeof reject>['rejection']> } | null {
  if (!Array.isArray(evidence)) return reject('INVALID_COMMAND');
  const problems = checkEvidence(evidence, requirement, noticeAt, now);
  if (problems.length === 0) return null;
  return reject('EVIDENCE_INSUFFICIENT', {
    'zh-CN': problems.map((p) => p['zh-CN']).join('；'),
    en: problems.map((p) => p.en).join('; '),
  });
}

function draftEvents(
  state: HazardState | null,
  command: ChainCommand,
  ctx: DecideContext,
  now: Date,
): Draft[] | { rejection: NonNullable<ReturnType<typeof reject>['rejection']> } {
  const rules = ctx.evidenceRules ?? DEFAULT_EVIDENCE_RULES;
  if (command.type === 'report') {
    if (!hasText(command.title) || !validPolicy(command.deadline, ctx.calendar)) return reject('INVALID_COMMAND');
    const { commandId: _c, hazardId: _h, expectedVersion: _e, occurredAt: _o, type: _t, ...data } = command;
    if (command.fixedOnSpot) {
      if (command.level !== 'simple') return reject('INVALID_COMMAND', { 'zh-CN': '只有简易隐患可当场整改', en: 'only simple hazards are fixed on the spot' });
      const problem = evidenceProblem(command.evidence, rules.fixedOnSpot, null, now);
      if (problem) return problem;
      return [
        { type: 'reported', data },
        { type: 'closed', data: { fixedOnSpot: true } },
      ];
    }
    if (!Array.isArray(command.evidence)) return reject('INVALID_COMMAND');
    return [{ type: 'reported', data }];
  }
  const s = state as HazardState;
  if (s.level === 'major' && s.provisional && MAJOR_PATH.has(command.type)) return reject('PROVISIONAL_UNCONFIRMED');
  switch (command.type) {
    case 'reclassify':
      if (!LEVELS.includes(command.level)) return reject('INVALID_COMMAND');
      if (command.level === s.level) return reject('LEVEL_UNCHANGED');
      if (!hasText(command.reason)) return reject('REASON_REQUIRED');
      return [{ type: 'reclassified', data: { from: s.level, to: command.level, reason: command.reason } }];
    case 'confirm_level':
      if (!LEVELS.includes(command.level)) return reject('INVALID_COMMAND');
      if (!s.provisional) return reject('NOT_PROVISIONAL');
      if (!hasText(command.reason)) return reject('REASON_REQUIRED');
      return [{ type: 'level_confirmed', data: { from: s.level, to: command.level, reason: command.reason } }];
    case 'issue_notice': {
      const deadline = computeDeadline(s.deadlinePolicy, now, ctx.calendar).toISOString();
      return [{ type: 'notice_issued', data: { deadline, policy: s.deadlinePolicy, noticeNo: command.noticeNo, note: command.note } }];
    }
    case 'submit_rectification': {
      const problem = evidenceProblem(command.evidence, rules.submit[s.level], s.noticeIssuedAt, now);
      if (problem) return problem;
      return [{ type: 'rectification_submitted', data: { evidence: command.evidence, note: command.note } }];
    }
    case 'verify':
      return [{ type: 'verified', data: { note: command.note } }];
    case 'reject':
      if (!hasText(command.reason)) return reject('REASON_REQUIRED');
      return [{ type: 'rejected', data: { reason: command.reason } }];
    case 'request_extension':
      if (s.pendingExtension !== null) return reject('EXTENSION_PENDING');
      if (!hasText(command.reason)) return reject('REASON_REQUIRED');
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
      if (!hasText(command.reason)) return reject('REASON_REQUIRED');
      return [{ type: 'extension_denied', data: { reason: command.reason } }];
    case 'escalate':
      if (!hasText(command.reason)) return reject('REASON_REQUIRED');
      if (command.overdueDeadline !== undefined) {
        if (command.overdueDeadline !== s.deadline || now.getTime() < Date.parse(command.overdueDeadline)) return reject('NOT_DUE');
      }
      return [{ type: 'escalated', data: { reason: command.reason, overdueDeadline: command.overdueDeadline } }];
    case 'file_case':
      if (typeof command.caseNo !== 'string' || command.caseNo.trim() === '') return reject('INVALID_COMMAND');
      return [{ type: 'case_filed', data: { caseNo: command.caseNo } }];
    case 'list_for_supervision':
      if (!hasText(command.authority)) return reject('INVALID_COMMAND');
      return [{ type: 'listed_for_supervision', data: { authority: command.authority, note: command.note } }];
    case 'submit_plan': {
      const p = command.plan;
      const complete =
        typeof p === 'object' &&
        p !== null &&
        hasText(p.objectives) &&
        hasText(p.measures) &&
        hasText(p.fundsAndMaterials) &&
        hasText(p.responsible) &&
        hasText(p.milestones) &&
        hasText(p.safetyAndEmergency) &&
        typeof p.deadline === 'string' &&
        Date.parse(p.deadline) > now.getTime();
      if (!complete) return reject('PLAN_INCOMPLETE');
      return [{ type: 'plan_submitted', data: { plan: p } }];
    }
    case 'order_stop_work':
      if (command.scope !== 'partial' && command.scope !== 'whole') return reject('INVALID_COMMAND');
      if (!hasText(command.reason)) return reject('REASON_REQUIRED');
      return [{ type: 'stop_work_ordered', data: { scope: command.scope, reason: command.reason } }];
    case 'accept':
      if (!hasText(command.note)) return reject('REASON_REQUIRED');
      return [{ type: 'accepted', data: { note: command.note, evidence: command.evidence } }];
    case 'close': {
      const problem = evidenceProblem(s.rectificationEvidence, rules.submit[s.level], s.noticeIssuedAt, now);
      if (problem) return problem;
      return [{ type: 'closed', data: { note: command.note } }];
    }
    case 'reopen':
      if (!hasText(command.reason)) return reject('REASON_REQUIRED');
      return [{ type: 'reopened', data: { reason: command.reason } }];
    case 'spot_check':
      if (command.result !== 'pass' && command.result !== 'fail') return reject('INVALID_COMMAND');
      return [{ type: 'spot_checked', data: { result: command.result, note: command.note } }];
    case 'warn_due_soon':
      if (command.deadline !== s.deadline) return reject('NOT_DUE');
      if (s.warnedFor === command.deadline) return [];
      return [{ type: 'due_soon_warned', data: { deadline: command.deadline } }];
    case 'notice_overdue':
      if (command.deadline !== s.deadline || now.getTime() < Date.parse(command.deadline)) return reject('NOT_DUE');
      if (s.overdueNoticedFor === command.deadline) return [];
      return [{ type: 'overdue_noticed', data: { deadline: command.deadline } }];
  }
  return reject('INVALID_COMMAND');
}
