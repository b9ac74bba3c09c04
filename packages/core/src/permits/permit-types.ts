import type { GasValues, GasVerdict } from './judge-gas-reading.js';
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

/** Something attached when the work starts (a video, a signed briefing …): its kind and the evidence id. */
export interface PermitAttachment {
  /** One of the rule's `requiredAttachments`, e.g. `video`, `signed_briefing`. */
  kind: string;
  /** The evidence record's id (stored by the host's evidence store). */
  ref: string;
}

/** Apply for a permit. Grade is `none` for kinds without grades. */
export interface ApplyPermitCommand {
  type: 'apply';
  permitId: string;
  kind: string;
  grade: string;
  premises: 'hazchem' | 'general';
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
  applied: Omit<ApplyPermitCommand, 'type' | 'permitId' | 'flammableLelPctVol'> & { validUntil: string; flammableLelPctVol: number | null; rule: PermitRule; rulesVersion: string };
  approved: { role: string };
  gas_tested: { reading: GasReadingInput; verdict: GasVerdict };
  started: { testSampledAt: string | null; attachments: PermitAttachment[] };
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
  attendantId: string;
  validFrom: string;
  validUntil: string;
  flammableLelPctVol: number | null;
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
  /** Another command changed the permit at the same time, five times over (try again). */
  | 'CONFLICT'
  /** The command id was used before for another command. */
  | 'IDEMPOTENCY_KEY_REUSED';

/** A refused command: a code and the reason in both languages. */
export interface PermitRejection {
  code: PermitRejectionCode;
  message: PermitText;
  /** For `INVALID_COMMAND`: the JSON pointer of the field in the command (`/reading/instrument`). */
  pointer?: string;
}

/** What `decidePermit` returns. */
export type PermitDecision = { ok: true; events: PermitEvent[] } | { ok: false; rejection: PermitRejection };
