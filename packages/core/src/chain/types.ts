/**
 * The review chain's model: hazard state, commands, events, rejections.
 *
 * @module
 */
import type { DeadlinePolicy, HazardLevel, LocalizedText } from '../pack/types.js';
import type { FindingSource, HazardFinding, ResolvedCitation } from '../classify/types.js';
import type { Role } from '../ports/directory.js';
import type { Penalty } from './penalty-articles.js';

/**
 * Where a hazard is in its path. `new` is the pseudo-state before the first event
 * (used by the transition and permission tables, never stored).
 */
export type HazardStatus = 'reported' | 'rectifying' | 'submitted' | 'verified' | 'escalated' | 'case_filed' | 'accepted' | 'closed';

/** Every stored status, in path order. */
export const HAZARD_STATUSES: readonly HazardStatus[] = Object.freeze(['reported', 'rectifying', 'submitted', 'verified', 'escalated', 'case_filed', 'accepted', 'closed']);

/** A status or the pseudo-state `new` (no hazard yet). */
export type StatusOrNew = HazardStatus | 'new';

/**
 * Kinds of evidence. Photos of the defect before, of the fix after; documents (reports, plans);
 * `photo_review`: what a reviewer saw on site when reviewing (复查照片 of a verification or a
 * rejection, 抽查照片 of a spot check, the site at a reopening or an acceptance). A reviewer's
 * photos are never `photo_after`: those are the rectifier's, and only they satisfy the
 * rectification's evidence rules.
 */
export type EvidenceKind = 'photo_before' | 'photo_after' | 'document' | 'photo_review';

/**
 * What a command says about evidence: the id of an upload in the `EvidenceStore` and
 * what it shows. Nothing else: the file's hash, type and receipt time are read from the
 * store by `handleCommand`, never taken from the command.
 */
export interface EvidenceRef {
  id: string;
  kind: EvidenceKind;
}

/**
 * Evidence as the chain records it in an event: the command's reference resolved through
 * the `EvidenceStore` (server-side facts only).
 */
export interface AttachedEvidence {
  id: string;
  kind: EvidenceKind;
  /** SHA-256 (hex) of the stored bytes: a swapped file is detectable. */
  sha256: string;
  mime: string;
  size: number;
  /** When the server received the upload (trusted clock, ISO 8601): "taken after the notice" is judged by it. */
  receivedAt: string;
  /** The capture time the file or the app claimed (EXIF): shown, never trusted. */
  claimedTakenAt?: string;
}

/** An enforcement officer as recorded on a two-officer act (《行政处罚法》第四十二条). */
export interface RecordedOfficer {
  id: string;
  /** 执法证号. */
  certificateNo: string;
}

/**
 * The six elements of a major-hazard treatment plan (16号令 Art. 15):
 * objectives and tasks; methods and measures; funds and materials; responsible bodies and
 * people; time limit and milestones; safety measures and emergency plan.
 */
export interface TreatmentPlan {
  objectives: LocalizedText;
  measures: LocalizedText;
  fundsAndMaterials: LocalizedText;
  responsible: LocalizedText;
  /** Planned completion (ISO 8601); becomes the hazard's deadline once an officer approves the plan (`approve_plan`). */
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

/**
 * Report a hazard classified by a pack (first command of such a hazard).
 *
 * **Trusted, derived form — never build it from a request.** Every field (level, title,
 * basis, provisional flag, deadline policy, pack, domain, area, enterprise, source) is what
 * the server's compiled pack, the `Directory` and the actor's role decide. Hosts
 * report through `reportInspection` (which derives it) or, for an observation outside any
 * pack, the `report_observation` command; `parseCommand` refuses `report`. A host that
 * copies a client's JSON into a `ReportCommand` lets the client choose its own level, area
 * and deadline.
 */
export interface ReportCommand extends CommandBase {
  type: 'report';
  title: LocalizedText;
  level: HazardLevel;
  /** The level is provisional (疑似): it rests on a superseded or unverified basis, or its rule leaves it to people (`confirmation`); enforcement must confirm it. */
  provisional: boolean;
  basis: readonly ResolvedCitation[];
  deadline: DeadlinePolicy;
  pack: { id: string; version: string };
  domain: string;
  area: string;
  enterpriseId: string;
  unitId?: string;
  /**
   * The premises the inspection took place at (`RentalDirectory`), when it named one:
   * checked by `reportInspection` against the directory (the enterprise holds it or rents
   * there), never taken from a request as is.
   */
  premisesId?: string;
  /**
   * The landlord (出租方) of the premises when the enterprise is its tenant: derived from the
   * directory by `reportInspection`; the landlord reads the hazard and is notified.
   */
  landlordEnterpriseId?: string;
  source: FindingSource;
  findings?: readonly HazardFinding[];
  evidence: readonly EvidenceRef[];
  /** Simple hazards: fixed on the spot; evidence of the fix is attached and the hazard closes at once. */
  fixedOnSpot?: boolean;
  /**
   * An enforcement officer's inspection names the second officer present (现场检查记录 needs
   * two); checked through the Directory and recorded as `officers` in the event.
   */
  coOfficerId?: string;
  /**
   * The inspection record (`InspectionRecord.id`) that reported the hazard: derived by
   * `reportInspection` (the record's id), recorded in the `reported` event so the hazard links
   * to the answers and photos it was found with.
   */
  inspectionId?: string;
  /**
   * The other hazards the same inspection reports (ids): an upload of the reporter bound to one
   * of them may be attached to this one too (an answer's photo that serves several hazards stays
   * bound to the first). Set by `reportInspection`; not recorded in the event.
   */
  sameInspection?: readonly string[];
}

/**
 * A manual observation outside any pack (an officer's or grid inspector's own finding):
 * always provisional until a second person (not the reporter) confirms the level; the
 * deadline policy is the default for the level; area from the Directory's record of the
 * enterprise; source from the actor's role.
 */
export interface ReportObservationCommand extends CommandBase {
  type: 'report_observation';
  title: LocalizedText;
  description?: LocalizedText;
  enterpriseId: string;
  domain: string;
  level: HazardLevel;
  evidence: readonly EvidenceRef[];
  /** An enforcement officer's observation: the second officer present (see {@link TwoOfficerFields}). */
  coOfficerId?: string;
}

/**
 * The second enforcement officer of a two-officer act (执法人员不得少于两人): an actor id
 * resolved through the Directory at command time. Required on `file_case`,
 * `order_stop_work`, `list_for_supervision`, on `accept` and `close` of a major hazard, and
 * on a `reclassify` / `confirm_level` that lowers a major hazard. Optional on an enforcement
 * officer's `issue_notice`, `verify`, `reject` (and report): named, it is checked the same
 * way and both officers are recorded, which their enforcement documents need.
 */
export interface TwoOfficerFields {
  coOfficerId?: string;
}

/** Commands after the report, by type. */
export type FollowUpCommand =
  | (CommandBase & TwoOfficerFields & { type: 'reclassify'; level: HazardLevel; reason: Reason })
  | (CommandBase & TwoOfficerFields & { type: 'confirm_level'; level: HazardLevel; reason: Reason })
  | (CommandBase & TwoOfficerFields & { type: 'issue_notice'; note?: Reason })
  | (CommandBase & { type: 'submit_rectification'; evidence: readonly EvidenceRef[]; note?: Reason })
  | (CommandBase & TwoOfficerFields & { type: 'verify'; note?: Reason; evidence?: readonly EvidenceRef[] })
  | (CommandBase & TwoOfficerFields & { type: 'reject'; reason: Reason; evidence?: readonly EvidenceRef[] })
  | (CommandBase & { type: 'request_extension'; extension: DeadlinePolicy; reason: Reason })
  | (CommandBase & { type: 'grant_extension'; note?: Reason })
  | (CommandBase & { type: 'deny_extension'; reason: Reason })
  | (CommandBase & { type: 'escalate'; reason: Reason; overdueDeadline?: string })
  | (CommandBase & TwoOfficerFields & { type: 'file_case' })
  | (CommandBase & TwoOfficerFields & { type: 'list_for_supervision'; authority: LocalizedText; note?: Reason })
  | (CommandBase & { type: 'submit_plan'; plan: TreatmentPlan })
  | (CommandBase & { type: 'approve_plan'; note?: Reason })
  | (CommandBase & TwoOfficerFields & { type: 'order_stop_work'; scope: 'partial' | 'whole'; reason: Reason })
  | (CommandBase & TwoOfficerFields & { type: 'accept'; note: Reason; evidence?: readonly EvidenceRef[] })
  | (CommandBase & TwoOfficerFields & { type: 'close'; note?: Reason })
  | (CommandBase & TwoOfficerFields & { type: 'lift_stop_work'; note: Reason; evidence?: readonly EvidenceRef[] })
  | (CommandBase & TwoOfficerFields & { type: 'delist'; note: Reason })
  | (CommandBase & { type: 'reopen'; reason: Reason; evidence?: readonly EvidenceRef[] })
  | (CommandBase & { type: 'spot_check'; result: 'pass' | 'fail'; note?: Reason; evidence?: readonly EvidenceRef[] })
  | (CommandBase & { type: 'warn_due_soon'; deadline: string })
  | (CommandBase & { type: 'notice_overdue'; deadline: string })
  | (CommandBase & TwoOfficerFields & { type: 'notify_penalty'; penalty: Penalty })
  | (CommandBase & { type: 'record_statement'; statement: Reason; hearingRequested: boolean })
  | (CommandBase & { type: 'record_hearing'; report: Reason })
  | (CommandBase & { type: 'withdraw_hearing'; reason: Reason })
  | (CommandBase & TwoOfficerFields & { type: 'decide_penalty'; penalty: Penalty });

/** Every command of the review chain. */
export type ChainCommand = ReportCommand | ReportObservationCommand | FollowUpCommand;

/** The commands `parseCommand` accepts from an untrusted body (everything but `report`). */
export type UntrustedCommand = ReportObservationCommand | FollowUpCommand;

/** Command type names. */
export type CommandType = ChainCommand['type'];

/** Every command type, in path order. */
export const COMMAND_TYPES: readonly CommandType[] = Object.freeze([
  'report',
  'report_observation',
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
  'approve_plan',
  'order_stop_work',
  'accept',
  'close',
  'lift_stop_work',
  'delist',
  'reopen',
  'spot_check',
  'warn_due_soon',
  'notice_overdue',
  'notify_penalty',
  'record_statement',
  'record_hearing',
  'withdraw_hearing',
  'decide_penalty',
] as const);

/** The two officers of a two-officer act, as recorded in its event: the actor first. */
export interface OfficersData {
  officers?: readonly [RecordedOfficer, RecordedOfficer];
}

/** Payloads of events, by event type. */
export interface EventDataMap {
  reported: Omit<ReportCommand, keyof CommandBase | 'type' | 'evidence' | 'coOfficerId' | 'sameInspection'> &
    OfficersData & {
      evidence: readonly AttachedEvidence[];
      /** A manual observation (`report_observation`), not a pack's classification. */
      manual?: true;
      /**
       * The deadline that runs from the report: the level's policy counted from the trusted
       * time of the report. Absent on events recorded before deadlines ran from the report.
       */
      runningDeadline?: string;
      description?: LocalizedText;
    };
  reclassified: { from: HazardLevel; to: HazardLevel; reason: Reason; runningDeadline?: string } & OfficersData;
  level_confirmed: { from: HazardLevel; to: HazardLevel; reason: Reason; runningDeadline?: string } & OfficersData;
  notice_issued: {
    deadline: string;
    policy: DeadlinePolicy;
    /**
     * @deprecated Only in events recorded before the notice number was derived (a number the
     * officer or grid inspector typed); a notice issued since has its number in the document
     * register: the 文号 of its 隐患整改通知书 or 责令限期整改指令书.
     */
    noticeNo?: string;
    note?: Reason;
  } & OfficersData;
  rectification_submitted: { evidence: readonly AttachedEvidence[]; note?: Reason };
  /** `evidence`: the reviewer's own photos and documents (`photo_review`, `document`), present when the command carried some. */
  verified: { note?: Reason; evidence?: readonly AttachedEvidence[] } & OfficersData;
  rejected: { reason: Reason; evidence?: readonly AttachedEvidence[] } & OfficersData;
  extension_requested: { extension: DeadlinePolicy; reason: Reason };
  extension_granted: { from: string; to: string; note?: Reason };
  extension_denied: { reason: Reason };
  escalated: { reason: Reason; overdueDeadline?: string };
  /**
   * `caseNo` only in events recorded before the case number was derived (a number the officer
   * typed); a case filed since has its number in the document register: the 文号 of its 立案审批表.
   */
  case_filed: { caseNo?: string } & OfficersData;
  listed_for_supervision: { authority: LocalizedText; note?: Reason } & OfficersData;
  plan_submitted: { plan: TreatmentPlan };
  plan_approved: { deadline: string; note?: Reason };
  stop_work_ordered: { scope: 'partial' | 'whole'; reason: Reason } & OfficersData;
  accepted: { note: Reason; evidence?: readonly AttachedEvidence[] } & OfficersData;
  closed: { note?: Reason; fixedOnSpot?: boolean } & OfficersData;
  stop_work_lifted: { note: Reason; evidence?: readonly AttachedEvidence[] } & OfficersData;
  delisted: { note: Reason } & OfficersData;
  reopened: { reason: Reason; runningDeadline?: string; evidence?: readonly AttachedEvidence[] };
  spot_checked: { result: 'pass' | 'fail'; note?: Reason; runningDeadline?: string; evidence?: readonly AttachedEvidence[] };
  due_soon_warned: { deadline: string };
  overdue_noticed: { deadline: string };
  /**
   * 行政处罚告知书: the proposed penalty and, computed on the server from the notice's time,
   * the end of the period to state and defend (陈述、申辩) and, when the penalty carries the
   * hearing right (《行政处罚法》第六十三条), the end of the period to ask for one.
   */
  penalty_notified: { penalty: Penalty; statementDeadline: string; hearingRight: boolean; hearingDeadline?: string } & OfficersData;
  /** The party's statement and defence (陈述、申辩), or its waiver, as recorded. */
  statement_recorded: { statement: Reason; hearingRequested: boolean };
  /** The hearing the party asked for was held (听证); the presiding officer (the actor) investigated nothing of the case. */
  hearing_held: { report: Reason };
  /** The party withdrew its hearing request before the hearing (itself, in its own session): `reason` is what it declared. */
  hearing_withdrawn: { reason: Reason };
  /** 行政处罚决定书: the penalty decided (never heavier than the one notified). */
  penalty_decided: { penalty: Penalty; statementHeard: boolean } & OfficersData;
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
  | 'EVIDENCE_INVALID'
  | 'SEPARATION_OF_DUTIES'
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
  | 'NOT_DUE'
  | 'NOTICE_REQUIRED'
  | 'NO_PENDING_PLAN'
  | 'PLAN_NOT_APPROVED'
  | 'NO_STOP_WORK'
  | 'NOT_LISTED'
  | 'CO_SIGN_CODE_INVALID'
  | 'CO_SIGN_CODE_LIMITED'
  | 'CO_SIGN_CONTENT_MISMATCH';

/** A refusal: a code and a message in both languages. No event is written. */
export interface Rejection {
  code: RejectionCode;
  message: LocalizedText & { en: string };
  /** The JSON pointer of the command's field at fault, when the refusal names one (`/penalty/fineAmount`). */
  pointer?: string;
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
  /** The premises it was found at (present only when the report named one, checked against the directory). */
  premisesId?: string;
  /** The premises' landlord when the enterprise is a tenant there (present only then). */
  landlordEnterpriseId?: string;
  source: FindingSource;
  pack: { id: string; version: string };
  deadlinePolicy: DeadlinePolicy;
  reporterId: string;
  /** A manual observation (`report_observation`): its level needs a second person's confirmation. */
  manual: boolean;
  /**
   * The hazard was major at some point. Stays true after a downgrade: its reporter still
   * may not verify or close it.
   */
  wasMajor: boolean;
  /** Everyone who submitted a rectification or a plan. */
  rectifierIds: readonly string[];
  reportEvidence: readonly AttachedEvidence[];
  /** Evidence of the latest rectification submission. */
  rectificationEvidence: readonly AttachedEvidence[];
  /**
   * When the latest rectification was submitted (recorded), or null: none since the report or
   * the last reopening. A reviewer's photos of verify and reject must be received after it.
   */
  rectificationSubmittedAt: string | null;
  /** Ids of every upload attached to the hazard so far (the per-hazard quota counts them). */
  evidenceIds: readonly string[];
  /**
   * The SHA-256 of every upload attached to the hazard so far, as the evidence store gave it
   * when each was attached: a reviewer's or officer's evidence repeating one of these bytes is
   * not the evidence of a new act, whatever its id, nor is a rectification's "after" photo
   * (`rectificationEvidenceReused`; a "before" photo or a document may repeat).
   */
  evidenceHashes: readonly string[];
  /**
   * The rectifications a reviewer rejected (复查不合格), oldest first: when each was submitted and
   * rejected (recorded times), and the SHA-256 of each of its uploads. Present once one was. A
   * later submission's "after" photos repeating one of these bytes are refused, naming the
   * rejection (`rectificationEvidenceReused`): a rejected proof does not come back as a new one.
   */
  rejectedRectifications?: readonly { submittedAt: string | null; rejectedAt: string; sha256: readonly string[] }[];
  /** When the running notice (or case, for major) started: evidence "after" must be later. */
  noticeIssuedAt: string | null;
  /** The running deadline, or null when no clock runs. */
  deadline: string | null;
  pendingExtension: DeadlinePolicy | null;
  /** The deadline a due-soon warning, an overdue notice, an escalation was issued for. */
  warnedFor: string | null;
  overdueNoticedFor: string | null;
  escalatedFor: string | null;
  /**
   * When the case was filed (立案), or null: no case. The case number (案号) is not kept here —
   * it is the 文号 the document register gave the case's 立案审批表 (`case_filing_approval`), the
   * number the case's documents print.
   */
  caseFiledAt: string | null;
  /**
   * @deprecated The number an officer typed when filing a case before the number was derived
   * (recorded in its `case_filed` event); null for cases filed since — their number is the
   * 立案审批表's 文号 in the document register.
   */
  caseNo: string | null;
  listed: boolean;
  stopWork: 'partial' | 'whole' | null;
  plan: TreatmentPlan | null;
  /** An enforcement officer approved the current plan: its date is the deadline. */
  planApproved: boolean;
  /** Enforcement officer who accepted (验收) the major hazard, or null. */
  acceptedBy: string | null;
  /** Both officers of the acceptance, or empty. */
  acceptedOfficers: readonly string[];
  /** When the major hazard was accepted (验收, recorded), or null. The lifting of its stop-work order takes evidence received after it. */
  acceptedAt: string | null;
  closedBy: string | null;
  /** When the hazard was closed (销号, recorded), or null while open. A spot check's or reopening's photos must be received after it. */
  closedAt: string | null;
  /** The administrative-penalty proceeding of the hazard's case; present once a penalty was notified. */
  penalty?: PenaltyProceeding;
  reopenCount: number;
  createdAt: string;
  updatedAt: string;
  lastOccurredAt: string;
  lastHash: string;
}

/** Where a case's administrative penalty stands (行政处罚告知 → 陈述申辩 → 决定). */
export interface PenaltyProceeding {
  notified: Penalty;
  notifiedAt: string;
  statementDeadline: string;
  hearingRight: boolean;
  hearingDeadline: string | null;
  /**
   * The party's statement, when recorded; `byParty` when the enterprise recorded it itself (an
   * officer's record of what it said waives nothing: it neither ends the reply period early nor
   * keeps the party from stating, and asking for a hearing, itself).
   */
  statement: { recordedAt: string; hearingRequested: boolean; byParty: boolean } | null;
  /** The officers of the notice: the hearing is presided by someone else (《行政处罚法》第六十四条第（四）项). */
  notifiedBy: readonly string[];
  /** The hearing, once held: when and who presided. */
  hearing: { recordedAt: string; presidedBy: string } | null;
  /** The party's withdrawal of its hearing request, once recorded (then no hearing is held, and the decision need not wait for one). */
  hearingWithdrawn: { recordedAt: string } | null;
  decided: Penalty | null;
  decidedAt: string | null;
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
  /** The premises the hazard was found at; present only when it has one (stores MUST keep it and filter on it). */
  premisesId?: string;
  /** Running deadline (ISO, `toISOString()` form) or null. */
  deadline: string | null;
  createdAt: string;
  updatedAt: string;
}
