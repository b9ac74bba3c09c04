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
 * - `document_trail` — the document trail's chain is broken (an entry edited, deleted or
 *   renumbered) or differs from what a checkpoint signed (`seq` = the trail entry).
 * - `documents` — an issued document of the register differs from its trail entry (hash or
 *   content rewritten, deleted), or has none though it was issued after the trail began. The
 *   first is here; `AuditResult.documents` lists every one.
 */
export type AuditProblemKind = 'log_order' | 'event_hash' | 'chain_link' | 'checkpoint' | 'projection' | 'outbox' | 'denials' | 'document_trail' | 'documents';

/** A document number: its series (jurisdiction, kind, year) and its number in it. */
export interface AuditDocumentKey {
  jurisdiction: string;
  kind: string;
  year: number;
  seq: number;
}

/**
 * Where a problem is: the event's global `seq`, the hazard and its version, the checkpoint
 * number. For kind `denials`, `seq` and `toSeq` are positions in the denial log instead; for
 * `document_trail`, positions in the document trail; `document` names the document concerned.
 */
export interface AuditPosition {
  /** The document concerned (kinds `document_trail` and `documents`), with `hazardId`. */
  document?: AuditDocumentKey;
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
  /** Issued documents of the register compared with the document trail. */
  documents: number;
  /** Entries of the document trail. */
  documentTrail: number;
}

/**
 * What the audit found about one issued document: a `problem` (`ok` is false) or a `notice`
 * (`ISSUED_BEFORE_CHAINING`: issued before the store kept the document trail — its register
 * row cannot be checked against the signed record; `VOIDED_BEFORE_CHAINING`: likewise for a
 * void; `ok` stays true).
 *
 * Codes: `DOCUMENT_REWRITTEN` (the register's hash, code, hazard or event differs from the
 * trail), `CONTENT_REWRITTEN` (the stored content is not the one chained), `CONTENT_MISSING`,
 * `DOCUMENT_MISSING` (chained, but gone from the register or its hash erased),
 * `DOCUMENT_UNCHAINED` (issued after the trail began, yet no entry), `ISSUED_BEFORE_CHAINING`;
 * of voids (decision 009): `VOID_UNDONE` (chained void, the register shows the number in
 * force), `VOID_REWRITTEN` (the register's void differs from its entry: rewritten or voided
 * again), `VOID_UNCHAINED` (voided after voids were chained, yet no entry), and the notice
 * `VOIDED_BEFORE_CHAINING` (voided before the store chained voids; `ok` stays true).
 */
export interface AuditDocumentFinding {
  severity: 'problem' | 'notice';
  code:
    | 'DOCUMENT_REWRITTEN'
    | 'CONTENT_REWRITTEN'
    | 'CONTENT_MISSING'
    | 'DOCUMENT_MISSING'
    | 'DOCUMENT_UNCHAINED'
    | 'ISSUED_BEFORE_CHAINING'
    | 'VOID_UNDONE'
    | 'VOID_REWRITTEN'
    | 'VOID_UNCHAINED'
    | 'VOIDED_BEFORE_CHAINING';
  document: AuditDocumentKey & { hazardId: string; eventId: string; verificationCode: string | null };
  /** The document's entry in the trail, when it has one. */
  trailSeq?: number;
  message: { 'zh-CN': string; en: string };
}

/** Result of {@link verifyAudit}. `ok` is true exactly when `problems` is empty. */
export interface AuditResult {
  ok: boolean;
  checked: AuditChecked;
  /** Log head (hex) after the events read. */
  head: string;
  /** At most one per kind, in the order of {@link AuditProblemKind}. */
  problems: AuditProblem[];
  /** Every finding about an issued or voided document (problems and notices): in the register's order (series, number) when the store reads it by pages, else by hazard in log order. */
  documents: AuditDocumentFinding[];
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
