/**
 * The review chain's model: hazard state, commands, events, rejections.
 *
 * @module
 */
import type { DeadlinePolicy, HazardLevel, LocalizedText } from '../pack/types.js';
import type { FindingSource, HazardFinding, ResolvedCitation } from '../classify/types.js';
import type { Role } from '../ports/directory.js';

/**
 * Where a hazard is in its path. `new` is the pseudo-state before the first event
 * (used by the transition and permission tables, never stored).
 */
export type HazardStatus =
  | 'reported'
  | 'rectifying'
  | 'submitted'
  | 'verified'
  | 'escalated'
  | 'case_filed'
  | 'accepted'
  | 'closed';

/** Every stored status, in path order. */
export const HAZARD_STATUSES: readonly HazardStatus[] = Object.freeze([
  'reported',
  'rectifying',
  'submitted',
  'verified',
  'escalated',
  'case_filed',
  'accepted',
  'closed',
]);

/** A status or the pseudo-state `new` (no hazard yet). */
export type StatusOrNew = HazardStatus | 'new';

/** Kinds of evidence. Photos of the defect before, of the fix after; documents (reports, plans). */
export type EvidenceKind = 'photo_before' | 'photo_after' | 'document';

/** A reference to a stored photo or document; the chain never holds the bytes. */
export interface EvidenceRef {
  id: string;
  kind: EvidenceKind;
  /** When the photo was taken (ISO 8601), from the file's metadata or the capturing app. */
  takenAt?: string;
  /** SHA-256 (hex) of the file, so a swapped file is detectable. */
  sha256?: string;
}

/**
 * The six elements of a major-hazard treatment plan (16号令 Art. 15; regulations.md §1.1):
 * objectives and tasks; methods and measures; funds and materials; responsible bodies and
 * people; time limit and milestones; safety measures and emergency plan.
 */
export interface TreatmentPlan {
  objectives: LocalizedText;
  measures: LocalizedText;
  fundsAndMaterials: LocalizedText;
  responsible: LocalizedText;
  /** Planned completion (ISO 8601); becomes the hazard's deadline. */
  deadline: string;
  milestones: LocalizedText;
  safetyAndEmergency: LocalizedText;
}

/** Fields common to every command. */
export interface CommandBase {
  /** Idempotency key: a high-entropy id chosen by the client, one per intended action. */
  commandId: string;
  hazardId: string;
  /** Version the client saw; a stale one is a `CONFLICT`. Omitted: the current version. */
  expectedVersion?: number;
  /** When the client says it happened (ISO 8601); bounded, defaults to the clock. */
  occurredAt?: string;
}

/** A reason in both languages (`zh-CN` required). */
export type Reason = LocalizedText;

/** Report a hazard (first command of every hazard). */
export interface ReportCommand extends CommandBase {
  type: 'report';
  title: LocalizedText;
  level: HazardLevel;
  /** The level rests on a superseded or unverified basis (疑似): enforcement must confirm it. */
  provisional: boolean;
  basis: readonly ResolvedCitation[];
  deadline: DeadlinePolicy;
  pack: { id: string; version: string };
  domain: string;
  area: string;
  enterpriseId: string;
  unitId?: string;
  source: FindingSource;
  findings?: readonly HazardFinding[];
  evidence: readonly EvidenceRef[];
  /** Simple hazards: fixed on the spot; evidence of the fix is attached and the hazard closes at once. */
  fixedOnSpot?: boolean;
}

/** Commands after the report, by type. */
export type FollowUpCommand =
  | (CommandBase & { type: 'reclassify'; level: HazardLevel; reason: Reason })
  | (CommandBase & { type: 'confirm_level'; level: HazardLevel; reason: Reason })
  | (CommandBase & { type: 'issue_notice'; noticeNo?: string; note?: Reason })
  | (CommandBase & { type: 'submit_rectification'; evidence: readonly EvidenceRef[]; note?: Reason })
  | (CommandBase & { type: 'verify'; note?: Reason })
  | (CommandBase & { type: 'reject'; reason: Reason })
  | (CommandBase & { type: 'request_extension'; extension: DeadlinePolicy; reason: Reason })
  | (CommandBase & { type: 'grant_extension'; note?: Reason })
  | (CommandBase & { type: 'deny_extension'; reason: Reason })
  | (CommandBase & { type: 'escalate'; reason: Reason; overdueDeadline?: string })
  | (CommandBase & { type: 'file_case'; caseNo: string })
  | (CommandBase & { type: 'list_for_supervision'; authority: LocalizedText; note?: Reason })
  | (CommandBase & { type: 'submit_plan'; plan: TreatmentPlan })
  | (CommandBase & { type: 'order_stop_work'; scope: 'partial' | 'whole'; reason: Reason })
  | (CommandBase & { type: 'accept'; note: Reason; evidence?: readonly EvidenceRef[] })
  | (CommandBase & { type: 'close'; note?: Reason })
  | (CommandBase & { type: 'reopen'; reason: Reason })
  | (CommandBase & { type: 'spot_check'; result: 'pass' | 'fail'; note?: Reason })
  | (CommandBase & { type: 'warn_due_soon'; deadline: string })
  | (CommandBase & { type: 'notice_overdue'; deadline: string });

/** Every command of the review chain. */
export type ChainCommand = ReportCommand | FollowUpCommand;

/** Command type names. */
export type CommandType = ChainCommand['type'];

/** Every command type, in path order. */
export const COMMAND_TYPES: readonly CommandType[] = Object.freeze([
  'report',
  'reclassify',
  'confirm_level',
  'issue_notice',
  'submit_rectification',
  'verify',
  'reject',
  'request_extension',
  'grant_extension',
  'deny_extension',
  'escalate',
  'file_case',
  'list_for_supervision',
  'submit_plan',
  'order_stop_work',
  'accept',
  'close',
  'reopen',
  'spot_check',
  'warn_due_soon',
  'notice_overdue',
] as const);

/** Payloads of events, by event type. */
export interface EventDataMap {
  reported: Omit<ReportCommand, keyof CommandBase | 'type'>;
  reclassified: { from: HazardLevel; to: HazardLevel; reason: Reason };
  level_confirmed: { from: HazardLevel; to: HazardLevel; reason: Reason };
  notice_issued: { deadline: string; policy: DeadlinePolicy; noticeNo?: string; note?: Reason };
  rectification_submitted: { evidence: readonly EvidenceRef[]; note?: Reason };
  verified: { note?: Reason };
  rejected: { reason: Reason };
  extension_requested: { extension: DeadlinePolicy; reason: Reason };
  extension_granted: { from: string; to: string; note?: Reason };
  extension_denied: { reason: Reason };
  escalated: { reason: Reason; overdueDeadline?: string };
  case_filed: { caseNo: string };
  listed_for_supervision: { authority: LocalizedText; note?: Reason };
  plan_submitted: { plan: TreatmentPlan };
  stop_work_ordered: { scope: 'partial' | 'whole'; reason: Reason };
  accepted: { note: Reason; evidence?: readonly EvidenceRef[] };
  closed: { note?: Reason; fixedOnSpot?: boolean };
  reopened: { reason: Reason };
  spot_checked: { result: 'pass' | 'fail'; note?: Reason };
  due_soon_warned: { deadline: string };
  overdue_noticed: { deadline: string };
}

/** Event type names. */
export type EventType = keyof EventDataMap;

/** Who did it, as recorded (the role under which the command was allowed). */
export interface EventActor {
  id: string;
  role: Role;
}

/**
 * One audit-trail event. Everything but `seq` is covered by `hash`.
 *
 * `hash = SHA-256(canonicalJson(event without hash and seq))`, and `prevHash` is the hash
 * of the hazard's previous event (`GENESIS_HASH` for version 1).
 */
export interface ChainEvent<T extends EventType = EventType> {
  /** `<hazardId>/<version>`: unique and stable. */
  id: string;
  hazardId: string;
  /** 1, 2, 3 … within the hazard. */
  version: number;
  type: T;
  actor: EventActor;
  commandId: string;
  /** Trusted time, from the Clock (ISO 8601, `toISOString()` form). */
  recordedAt: string;
  /** Claimed time, bounded by the chain's time limits. */
  occurredAt: string;
  pack: { id: string; version: string };
  data: EventDataMap[T];
  prevHash: string;
  hash: string;
}

/** An event as stored: with the global log sequence number the store assigned. */
export type StoredEvent = ChainEvent & { seq: number };

/** Why a command was refused. */
export type RejectionCode =
  | 'FORBIDDEN'
  | 'UNKNOWN_ACTOR'
  | 'INVALID_TRANSITION'
  | 'HAZARD_NOT_FOUND'
  | 'HAZARD_EXISTS'
  | 'CONFLICT'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'EVIDENCE_INSUFFICIENT'
  | 'PROVISIONAL_UNCONFIRMED'
  | 'NOT_PROVISIONAL'
  | 'DOWNGRADE_FORBIDDEN'
  | 'LEVEL_UNCHANGED'
  | 'PLAN_INCOMPLETE'
  | 'NO_PENDING_EXTENSION'
  | 'EXTENSION_PENDING'
  | 'OCCURRED_AT_OUT_OF_RANGE'
  | 'REASON_REQUIRED'
  | 'INVALID_COMMAND'
  | 'NOT_DUE';

/** A refusal: a code and a message in both languages. No event is written. */
export interface Rejection {
  code: RejectionCode;
  message: LocalizedText & { en: string };
}

/** What `decide` returns. */
export type Decision = { events: ChainEvent[] } | { rejection: Rejection };

/** The folded state of one hazard. */
export interface HazardState {
  hazardId: string;
  version: number;
  status: HazardStatus;
  level: HazardLevel;
  provisional: boolean;
  title: LocalizedText;
  domain: string;
  area: string;
  enterpriseId: string;
  unitId: string | null;
  source: FindingSource;
  pack: { id: string; version: string };
  deadlinePolicy: DeadlinePolicy;
  reporterId: string;
  /** Everyone who submitted a rectification or a plan. */
  rectifierIds: readonly string[];
  reportEvidence: readonly EvidenceRef[];
  /** Evidence of the latest rectification submission. */
  rectificationEvidence: readonly EvidenceRef[];
  /** When the running notice (or case, for major) started: evidence "after" must be later. */
  noticeIssuedAt: string | null;
  /** The running deadline, or null when no clock runs. */
  deadline: string | null;
  pendingExtension: DeadlinePolicy | null;
  /** The deadline a due-soon warning, an overdue notice, an escalation was issued for. */
  warnedFor: string | null;
  overdueNoticedFor: string | null;
  escalatedFor: string | null;
  caseNo: string | null;
  listed: boolean;
  stopWork: 'partial' | 'whole' | null;
  plan: TreatmentPlan | null;
  /** Enforcement officer who accepted (验收) the major hazard, or null. */
  acceptedBy: string | null;
  closedBy: string | null;
  reopenCount: number;
  createdAt: string;
  updatedAt: string;
  lastOccurredAt: string;
  lastHash: string;
}

/** A row of the hazard list a store keeps for queries (a projection of the state). */
export interface HazardSummary {
  hazardId: string;
  version: number;
  status: HazardStatus;
  level: HazardLevel;
  provisional: boolean;
  domain: string;
  area: string;
  enterpriseId: string;
  /** Running deadline (ISO, `toISOString()` form) or null. */
  deadline: string | null;
  createdAt: string;
  updatedAt: string;
}
