import type { Store } from '../ports/store.js';
import type { Verifier } from '../ports/signer.js';
import { readCheckpointsToCheck } from './audit-checkpoints.js';
import { auditDocumentTrail } from './audit-document-trail.js';
import { auditDocuments } from './audit-documents.js';
import { problemSink } from './audit-problem.js';
import type { AuditDocumentFinding } from './types.js';

/**
 * The findings {@link verifyAudit} reports about one hazard's documents (the same check, one
 * hazard): its numbers in the register against their issue and void entries in the document
 * trail, and the trail's entries about it against the register. Reads the whole trail and
 * the stored checkpoints (they say when the trail began) and the hazard's register rows;
 * the trail's own chain and the checkpoints are the full audit's to report.
 */
export async function verifyHazardDocuments(store: Store, hazardId: string, options: { verifier?: Verifier; pageSize?: number } = {}): Promise<AuditDocumentFinding[]> {
  const pageSize = Math.max(1, options.pageSize ?? 5_000);
  const sink = problemSink();
  const checkpoints = await readCheckpointsToCheck(store, [], { pageSize, ...(options.verifier ? { verifier: options.verifier } : {}) }, sink);
  const trail = await auditDocumentTrail(store, sink, pageSize);
  return (await auditDocuments(store, trail, [hazardId], checkpoints, sink, { onlyHazard: hazardId })).findings;
}
