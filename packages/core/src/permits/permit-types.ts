import type { GasValues, GasVerdict } from './judge-gas-reading.js';
import type { DerivedHeight, HeightObservation } from './height-grade.js';
import type { DerivedHotWork, HotWorkObservation } from './hot-work-grade.js';
import type { PermitRule, PermitText } from './permit-rules.js';

/** Where a permit is in its life. `expired` is recorded by `tickPermit`; `closed`/`cancelled` end it. */
export type PermitStatus = 'applied' | 'approved' | 'in_progress' | 'suspended' | 'expired' | 'closed' | 'cancelled';

/** Who acts: an id and the permit roles they hold (from the host's directory, never from the command). */
export interface PermitActor {
  id: string;
  roles: readonly string[];
}

/** A gas test (before start or resume) or a monitoring reading. */
export interface GasReadingInput extends GasValues {
  /** When the sample was taken (ISO 8601); not in the future, at most 24 h back. */
  sampledAt: string;
  instrument: string;
  place: string;
}

/**
 * Something attached when the work starts (a video, a signed briefing …), as the start
 * command gives it: its kind (one of the rule's `requiredAttachments`) and where it is —
 * an upload the server holds (`evidenceId`, checked: it exists, the starter uploaded it for
 * this permit, its type suits the kind) or a paper record (`recordNo`, the number under which
 * the enterprise keeps it; recorded as declared, marked `paper`).
 */
export type PermitAttachment = { kind: string; source: 'upload'; evidenceId: string } | { kind: string; source: 'paper'; recordNo: string };

/** An uploaded attachment as the `started` event records it (from the evidence store's record, not the request). */
export interface UploadedPermitAttachment {
  kind: string;
  source: 'upload';
  evidenceId: string;
  sha256: string;
  mime: string;
  size: number;
  /** When the server received the upload. */
  receivedAt: string;
}

/** A paper record as the `started` event records it: declared by the starter, not checked by the server. */
export interface PaperPermitAttachment {
  kind: string;
  source: 'paper';
  recordNo: string;
}

/**
 * An attachment recorded before attachments had a source (a free-text `ref` nobody
 * checked): read it as declared, like a paper record.
 */
export interface LegacyPermitAttachment {
  kind: string;
  ref: string;
}

/** An attachment as a `started` event records it. */
export type RecordedPermitAttachment = UploadedPermitAttachment | PaperPermitAttachment | LegacyPermitAttachment;

/**
 * Apply for a permit. Grade is `none` for kinds without grades. Work at height and hot work
 * declare no grade (absent, or `none`): they give `height` or `hotWork`, what the applicant
 * observed, and the server derives the grade and so the approver (`deriveHeightGrade`,
 * `deriveHotWorkGrade`).
 */
export interface ApplyPermitCommand {
  type: 'apply';
  permitId: string;
  kind: string;
  /** `none` for kinds without grades; absent (or `none`) for work at height and hot work, whose grades the server derives. */
  grade?: string;
  /** Work at height only: the height, the 8.1.2 fall hazards and the Note 2 situations observed (required for it, refused for other kinds). */
  height?: HeightObservation;
  /** Hot work only: the site situations (5.1.2, 5.1.3), open air and wind (5.2.15), the shut-down conditions (5.1.4) observed (required for it, refused for other kinds). */
  hotWork?: HotWorkObservation;
  /**
   * The enterprise applying. Its regime (`hazchem` or `general`: which standard the permit is
   * held to) is the directory's record of it (`EnterpriseRecord.regime`), never the
   * command's: a command that declares `premises` is refused at `/premises`.
   */
  enterpriseId: string;
  area: string;
  workerIds: readonly string[];
  attendantId: string;
  /** Start of the validity window (ISO 8601); the end is derived from the rule. */
  validFrom: string;
  /** LEL of the flammable substance, % vol — required when the rule's limits depend on it. */
  flammableLelPctVol?: number;
}

/** Commands on a permit. */
export type PermitCommand =
  | ApplyPermitCommand
  | { type: 'approve' }
  | { type: 'record_gas_test'; reading: GasReadingInput }
  | { type: 'start'; attachments?: readonly PermitAttachment[] }
  | { type: 'record_reading'; reading: GasReadingInput }
  | { type: 'attendant_present' }
  | { type: 'attendant_absent' }
  | { type: 'resume' }
  | { type: 'close' }
  | { type: 'cancel'; reason: string };

/** Why a job was suspended. */
export type SuspendReason = 'reading_failed' | 'reading_missed' | 'attendant_absent';

/** Event data by type. */
export interface PermitEventDataMap {
  applied: Omit<ApplyPermitCommand, 'type' | 'permitId' | 'flammableLelPctVol' | 'grade' | 'height' | 'hotWork'> & {
    /** The grade of the rule applied: derived (work at height, hot work), `none`, or as declared in events recorded before grades were derived. */
    grade: string;
    /** The enterprise's regime, from the directory at application (as the applicant declared it in events recorded before the regime was derived). */
    premises: 'hazchem' | 'general';
    /** Work at height: what was observed and the grade derived from it. Absent for other kinds and for height permits recorded before grades were derived. */
    height?: DerivedHeight;
    /** Hot work: what was observed and the grade derived from it. Absent for other kinds and for hot-work permits recorded before rule set 2026.12-draft.4. */
    hotWork?: DerivedHotWork;
    validUntil: string;
    flammableLelPctVol: number | null;
    rule: PermitRule;
    rulesVersion: string;
    /** Workers the directory does not know, stored as declared. Absent in events recorded before the check. */
    declaredWorkerIds?: string[];
  };
  approved: { role: string };
  /** A hot-work permit downgraded to 二级 after a shut-down (GB 30871-2022 5.1.4): the downgrade approved by the role named. */
  downgrade_approved: { role: string };
  gas_tested: { reading: GasReadingInput; verdict: GasVerdict };
  started: { testSampledAt: string | null; attachments: RecordedPermitAttachment[] };
  reading_recorded: { reading: GasReadingInput; verdict: GasVerdict };
  attendant_present: Record<string, never>;
  attendant_absent: Record<string, never>;
  suspended: { reason: SuspendReason; dueAt?: string };
  resumed: { testSampledAt: string | null };
  expired: { validUntil: string };
  /** The permit still waits for approval near its planned start (recorded once, by the tick; see `permitApprovalDue`). */
  approval_due: { validFrom: string; dueAt: string };
  closed: Record<string, never>;
  cancelled: { reason: string };
}

/** Event types. */
export type PermitEventType = keyof PermitEventDataMap;

/** One event in a permit's hash-chained log. */
export interface PermitEvent<T extends PermitEventType = PermitEventType> {
  /** `<permitId>/<version>`. */
  id: string;
  permitId: string;
  version: number;
  type: T;
  actorId: string;
  /** Trusted time (the host's clock), ISO 8601. */
  recordedAt: string;
  data: PermitEventDataMap[T];
  prevHash: string;
  hash: string;
}

/** The latest gas test or reading, as the state keeps it. */
export interface LastSample {
  sampledAt: string;
  pass: boolean;
}

/** A permit folded from its events. */
export interface PermitState {
  permitId: string;
  version: number;
  status: PermitStatus;
  rule: PermitRule;
  enterpriseId: string;
  area: string;
  applicantId: string;
  /** When the application was recorded. Absent in states stored before it was kept: read it as long ago. */
  appliedAt?: string;
  workerIds: readonly string[];
  /**
   * The workers the directory did not know at application, stored as declared (a
   * contractor's worker): show them as such. Absent in states recorded before persons were
   * checked: read it as "not checked".
   */
  declaredWorkerIds?: readonly string[];
  attendantId: string;
  validFrom: string;
  validUntil: string;
  flammableLelPctVol: number | null;
  /** Work at height: the observation and the derived grade the approver follows from. Absent for other kinds and for height permits recorded before grades were derived. */
  height?: DerivedHeight;
  /** Hot work: the observation and the derived grade the approver follows from. Absent for other kinds and for hot-work permits recorded before rule set 2026.12-draft.4. */
  hotWork?: DerivedHotWork;
  /** Who approved the downgrade of a shut-down unit's hot work to 二级, or null. Absent when there was none to approve. */
  downgradeApproverId?: string | null;
  /** The attachments the start recorded (uploads checked, paper records declared). Absent before the start, and in states stored before it was kept. */
  attachments?: readonly RecordedPermitAttachment[];
  approverId: string | null;
  /**
   * When the approver was warned that the permit still waits for approval near its planned
   * start (`approval_due`), or null. Absent in states stored before the warning existed: read it
   * as null.
   */
  approvalDueWarnedAt?: string | null;
  lastTest: LastSample | null;
  /** Start of the current monitoring interval: the start, resume or last reading. */
  lastMonitoredAt: string | null;
  attendantPresent: boolean;
  suspendedAt: string | null;
  suspendReason: SuspendReason | null;
  lastHash: string;
  updatedAt: string;
}

/** Codes of a refused permit command. */
export type PermitRejectionCode =
  | 'INVALID_COMMAND'
  | 'ALREADY_EXISTS'
  | 'NOT_FOUND'
  | 'NO_RULE_IN_FORCE'
  | 'LEL_REQUIRED'
  | 'WRONG_STATUS'
  | 'APPROVER_ROLE'
  | 'SEPARATION_OF_DUTIES'
  | 'NOT_ATTENDANT'
  | 'INVALID_TIME'
  | 'READING_INCOMPLETE'
  | 'OUTSIDE_VALIDITY'
  | 'PERMIT_EXPIRED'
  | 'NO_PASSING_TEST'
  | 'GAS_TEST_STALE'
  | 'ATTENDANT_ABSENT'
  | 'ATTACHMENT_MISSING'
  /** An attachment names no upload, someone else's, one used elsewhere, or a type its kind does not accept (or there is no evidence store). */
  | 'ATTACHMENT_INVALID'
  /** A named person (attendant, worker) the directory knows is not of the applying enterprise, or the attendant is unknown to it. */
  | 'PERSON_NOT_OF_ENTERPRISE'
  /** The directory does not state the applying enterprise's regime (`EnterpriseRecord.regime`), or does not know the enterprise: no standard to hold the permit to. */
  | 'ENTERPRISE_REGIME_UNKNOWN'
  /** Another command changed the permit at the same time, five times over (try again). */
  | 'CONFLICT'
  /** The command id was used before for another command. */
  | 'IDEMPOTENCY_KEY_REUSED';

/** A refused command: a code and the reason in both languages. */
export interface PermitRejection {
  code: PermitRejectionCode;
  message: PermitText;
  /**
   * The JSON pointer of the field in the command (`/reading/instrument`, `/attachments/0/evidenceId`, `/workerIds/2`), when one
   * field is at fault. For `APPROVER_ROLE` on work at height: the fact of the permit's application (and of `PermitState.height`)
   * that set its grade — `/height/heightM`, `/height/fallFactors/<i>` or `/height/situations/<i>`; on hot work
   * `/hotWork/situations/<i>`, `/hotWork/situations` (none: 二级), `/hotWork/windForce` or `/hotWork/shutDown`.
   */
  pointer?: string;
}

/** What `decidePermit` returns. */
export type PermitDecision = { ok: true; events: PermitEvent[] } | { ok: false; rejection: PermitRejection };
