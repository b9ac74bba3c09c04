import type { Store } from '../ports/store.js';
import type { Verifier } from '../ports/signer.js';
import { readCheckpointsToCheck } from './audit-checkpoints.js';
import { auditDocumentTrail } from './audit-document-trail.js';
import { auditDocuments } from './audit-documents.js';
import { problemSink } from './audit-problem.js';
import type { AuditDocumentFinding } from './types.js';

/**
 * One hazard's documents checked against the whole document trail, as
 * {@link verifyHazardDocuments} did before it read the hazard's entries only (decision 009,
 * per hazard): reads every trail entry and every stored checkpoint on each call, so it costs
 * in proportion to the trail. Kept as the reference the per-hazard read is measured and
 * tested against (`pnpm bench:hazard-audit`); a page view should call
 * {@link verifyHazardDocuments}.
 */
export async function verifyHazardDocumentsWholeTrail(store: Store, hazardId: string, options: { verifier?: Verifier; pageSize?: number } = {}): Promise<AuditDocumentFinding[]> {
  const pageSize = Math.max(1, options.pageSize ?? 5_000);
  const sink = problemSink();
  const checkpoints = await readCheckpointsToCheck(store, [], { pageSize, ...(options.verifier ? { verifier: options.verifier } : {}) }, sink);
  const trail = await auditDocumentTrail(store, sink, pageSize);
  return (await auditDocuments(store, trail, [hazardId], checkpoints, sink, { onlyHazard: hazardId })).findings;
}
