import type { Store } from '../ports/store.js';
import { auditDenials } from './audit-denials.js';
import { auditLog } from './audit-log.js';
import { auditOutbox } from './audit-outbox.js';
import { problemSink } from './audit-problem.js';
import { auditProjection } from './audit-projection.js';
import { compareCheckpoints, readCheckpointsToCheck } from './audit-checkpoints.js';
import { readDenialsExtension } from './denial-head.js';
import { auditDocumentTrail } from './audit-document-trail.js';
import { auditDocuments, compareDocumentCheckpoints } from './audit-documents.js';
import type { AuditResult, VerifyAuditOptions } from './types.js';

/**
 * Audits a store: reads the whole event log, the hazard list, the outbox, the denial log
 * and every checkpoint, and reports the FIRST bad position of each kind of problem.
 *
 * What each check catches, and what it cannot (docs/audit.md says it at length):
 *
 * - **log order** (`log_order`): `seq` must run 1, 2, 3 … — catches deleting any event or a
 *   whole hazard's stream from the middle of the log; not the newest events (see checkpoints).
 * - **event hashes** (`event_hash`): catches an edit of any field of any event that did not
 *   recompute the hash.
 * - **chain links** (`chain_link`): each event names the previous event of its hazard —
 *   catches an edit whose hash was recomputed when a later event of that hazard exists, and
 *   a deleted event of a hazard; not an edit of a hazard's newest event with a recomputed hash.
 * - **checkpoints** (`checkpoint`): the log head after the signed size must equal the
 *   signed head — catches cutting the tail, deleting the newest events, editing the newest
 *   event with a recomputed hash, and swapping events of two hazards, for every event
 *   a checkpoint covered; it names a range, not an event. With `verifier`, forged or altered
 *   checkpoints are refused, and a log with events but no checkpoint is a problem. Events
 *   after the newest checkpoint are covered only by the other checks; stored checkpoints
 *   can be deleted with the log — pass the witness's copies in `checkpoints`.
 * - **projection** (`projection`): every hazard-list row must equal `summarize` of the
 *   hazard's folded events — catches a live edit of a row (major → simple), a row left
 *   after its stream was deleted, a row ahead of its log.
 * - **outbox** (`outbox`): every message must equal what its command's events derive
 *   (`outboxMessagesFor`) — catches an edited payload, a message whose event is gone, an
 *   event without its message. Delivery state (attempts, leases) is not audited. A message
 *   the store pruned (`pruneOutbox`, listed by `readPrunedOutbox`) is not missing; one deleted
 *   otherwise — a pending message, a notice never sent — is.
 * - **denials** (`denials`): the denial log has no chain; a checkpoint signs its head, so
 *   edits and deletions of denials a checkpoint covered are caught (as a range).
 * - **document trail** (`document_trail`): the trail of issued documents is chained like the
 *   events (seq, hash, link) and signed by checkpoints (`anjian-documents <count> <head>`).
 * - **documents** (`documents`): every issued document of the register must match its trail
 *   entry (hash, code, hazard, event, content digest), and every entry its document — catches
 *   a rewrite of a register row's hash and content together, a deleted document or content,
 *   a document without its entry. Documents issued before the trail began are notices
 *   (`ISSUED_BEFORE_CHAINING`), not problems; `result.documents` lists every finding.
 *
 * None of it stops someone holding both the database and the signing key from rewriting
 * everything consistently; only checkpoint copies kept elsewhere (a witness) catch that.
 *
 * @example
 * ```ts
 * const result = await verifyAudit(store, { verifier });
 * if (!result.ok) for (const p of result.problems) console.log(p.kind, p.position, p.message.en);
 * ```
 */
export async function verifyAudit(store: Store, options: VerifyAuditOptions = {}): Promise<AuditResult> {
  const pageSize = Math.max(1, options.pageSize ?? 5_000);
  const verifiedAt = options.now ?? new Date().toISOString();
  const sink = problemSink();
  // Checkpoints first: every one was signed over a log no longer than the one read next.
  const checkpoints = await readCheckpointsToCheck(
    store,
    options.checkpoints ?? [],
    { pageSize, ...(options.verifier ? { verifier: options.verifier } : {}), ...(options.origin !== undefined ? { origin: options.origin } : {}) },
    sink,
  );
  const sizes = new Set(checkpoints.map((c) => c.checkpoint.size));
  const denialCounts = new Set(checkpoints.flatMap((c) => readDenialsExtension(c.checkpoint.extensions)?.count ?? []));
  const log = await auditLog(store, sink, sizes, pageSize);
  const denials = await auditDenials(store, sink, denialCounts, pageSize);
  compareCheckpoints(checkpoints, log, denials, sink);
  if (options.verifier && log.events > 0 && checkpoints.length === 0 && !sink.has('checkpoint')) {
    sink.add(
      'checkpoint',
      'NO_CHECKPOINT',
      {},
      '没有可核对的签名检查点：无法发现截尾或对最新事件的改动（检查点被删除，或从未签发）',
      'no signed checkpoint to compare with: a cut tail or an edit of the newest events cannot be detected (checkpoints deleted, or never signed)',
    );
  }
  const projectionRows = await auditProjection(store, log, sink, pageSize);
  const outboxMessages = await auditOutbox(store, log, sink, pageSize);
  const trail = await auditDocumentTrail(store, sink, pageSize);
  compareDocumentCheckpoints(checkpoints, trail, sink);
  const documents = await auditDocuments(store, trail, log.hazards.keys(), checkpoints, sink);
  const problems = sink.list();
  return {
    ok: problems.length === 0,
    checked: {
      events: log.events,
      hazards: log.hazards.size,
      projectionRows,
      outboxMessages,
      denials: denials.count,
      checkpoints: checkpoints.length,
      signatures: options.verifier !== undefined,
      documents: documents.documents,
      documentTrail: trail.count,
    },
    head: log.head,
    problems,
    documents: documents.findings,
    verifiedAt,
  };
}
