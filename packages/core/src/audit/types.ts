import type { Verifier } from '../ports/signer.js';

/**
 * What a problem found by {@link verifyAudit} is about:
 *
 * - `log_order` — the global log's `seq` is not 1, 2, 3 … (an event or a whole stream was
 *   deleted from the middle, or rows were renumbered).
 * - `event_hash` — an event's content does not hash to its stored `hash` (edited in place).
 * - `chain_link` — an event does not follow the previous event of its hazard (`version`,
 *   `prevHash`, `id`, `recordedAt`): an edit whose hash was recomputed, or a deletion.
 * - `checkpoint` — a signed checkpoint does not match the log (tail cut, history rewritten,
 *   events reordered), its signature or origin is wrong, or none exists although a key was given.
 * - `projection` — the `hazards` list row differs from a rebuild of the hazard from its events.
 * - `outbox` — an outbox message differs from what its events derive, or has no event, or is missing.
 * - `denials` — the denial log differs from what a checkpoint signed.
 */
export type AuditProblemKind = 'log_order' | 'event_hash' | 'chain_link' | 'checkpoint' | 'projection' | 'outbox' | 'denials';

/**
 * Where a problem is: the event's global `seq`, the hazard and its version, the checkpoint
 * number. For kind `denials`, `seq` and `toSeq` are positions in the denial log instead.
 */
export interface AuditPosition {
  seq?: number;
  hazardId?: string;
  version?: number;
  /** `seq` of the stored checkpoint concerned (absent for a checkpoint given as text). */
  checkpoint?: number;
  /** For a range (a checkpoint's head only tells that something in it changed): the last seq of the range. */
  toSeq?: number;
}

/** One problem: the FIRST bad position of its kind (the audit reports one per kind). */
export interface AuditProblem {
  kind: AuditProblemKind;
  /** UPPER_SNAKE detail, e.g. `SEQ_GAP`, `HASH_MISMATCH`, `TRUNCATED`, `ROW_DIFFERS`. */
  code: string;
  position: AuditPosition;
  message: { 'zh-CN': string; en: string };
}

/** How much {@link verifyAudit} read. */
export interface AuditChecked {
  events: number;
  hazards: number;
  projectionRows: number;
  outboxMessages: number;
  denials: number;
  /** Checkpoints compared with the log (stored ones and those given as text). */
  checkpoints: number;
  /** Whether checkpoint signatures were checked (a verifier was given). */
  signatures: boolean;
}

/** Result of {@link verifyAudit}. `ok` is true exactly when `problems` is empty. */
export interface AuditResult {
  ok: boolean;
  checked: AuditChecked;
  /** Log head (hex) after the events read. */
  head: string;
  /** At most one per kind, in the order of {@link AuditProblemKind}. */
  problems: AuditProblem[];
  /** When the audit ran (ISO), from `options.now` or the system time. */
  verifiedAt: string;
}

/** Options of {@link verifyAudit}. */
export interface VerifyAuditOptions {
  /** Public key of the checkpoint signer: signatures are checked, and a log with events but no checkpoint is a problem. */
  verifier?: Verifier;
  /** Signed checkpoint notes kept OUTSIDE the database (a witness's copies); checked like stored ones. */
  checkpoints?: readonly string[];
  /** Expected checkpoint origin (refuses checkpoints of another log). */
  origin?: string;
  /** Rows per read (default 5 000). */
  pageSize?: number;
  /** The audit's time (ISO) for `verifiedAt`. */
  now?: string;
}
