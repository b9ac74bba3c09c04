import { openCheckpoint, readCheckpointUnverified } from '../chain/checkpoint.js';
import { foldEvents } from '../chain/handle-command.js';
import { summarize } from '../chain/summarize.js';
import { canonicalJson } from '../chain/canonical-json.js';
import { verifyChain, type ChainBreakReason } from '../chain/verify-chain.js';
import type { Verifier } from '../ports/signer.js';
import type { HazardPage, Store } from '../ports/store.js';
import type { HazardSummary } from '../chain/types.js';
import type { AuditDocumentFinding } from './types.js';
import { verifyHazardDocuments } from './verify-hazard-documents.js';

/** Result of {@link verifyHazardTrail}: what the hazard page shows ("trail verified at …"). */
export interface HazardTrailStatus {
  hazardId: string;
  /** Events of the hazard in the log. */
  version: number;
  /** When this check ran (ISO). */
  verifiedAt: string;
  /** The hazard's own chain (hashes and links) verifies, its list row equals the rebuild, and its documents have no problem. */
  ok: boolean;
  chain: { ok: true } | { ok: false; reason: ChainBreakReason; version: number };
  projection: { ok: boolean };
  /**
   * The newest stored checkpoint and how many of this hazard's events it covers (events
   * with `seq <= size`), or `null` when none exists. `signed` is true when a verifier was
   * given and the signature verified.
   */
  checkpoint: { seq: number; createdAt: string; size: number; coversVersion: number; signed: boolean } | null;
  /** What the full audit finds about this hazard's documents ({@link verifyHazardDocuments}): problems and notices. */
  documents: AuditDocumentFinding[];
}

/**
 * Checks one hazard's trail now: its events' hashes and links, its list row against a
 * rebuild, its issued and voided documents against the document trail (the full audit's
 * check, for this hazard), and which of its events the newest checkpoint covers. Cheap (one hazard's
 * events); it does not compare the checkpoint's head with the log — that needs the whole
 * log ({@link verifyAudit}). Returns `null` when the hazard has no events.
 */
export async function verifyHazardTrail(store: Store, hazardId: string, options: { now: string; verifier?: Verifier }): Promise<HazardTrailStatus | null> {
  const events = await store.load(hazardId);
  if (!events || events.length === 0) return null;
  const chain = verifyChain(events, { contiguousSeq: false });
  const state = foldEvents(events);
  // No lookup by id on the port: narrow by the enterprise the log says (a row moved to
  // another enterprise is then not found, which is a difference too).
  let row: HazardSummary | undefined;
  for (let after: string | null = null, first = true; state && !row && (first || after !== null); first = false) {
    const page: HazardPage = await store.query({ enterpriseId: state.enterpriseId }, { limit: 1000, after });
    row = page.items.find((r) => r.hazardId === hazardId);
    after = page.next;
  }
  const projectionOk = state !== null && row !== undefined && canonicalJson(row) === canonicalJson(summarize(state));
  const latest = await store.latestCheckpoint();
  let checkpoint: HazardTrailStatus['checkpoint'] = null;
  if (latest) {
    const opened = options.verifier ? await openCheckpoint(latest.text, options.verifier) : readCheckpointUnverified(latest.text);
    const size = opened?.size ?? latest.size;
    checkpoint = {
      seq: latest.seq,
      createdAt: latest.createdAt,
      size,
      coversVersion: events.filter((e) => e.seq <= size).length,
      signed: options.verifier !== undefined && opened !== null,
    };
  }
  const documents = await verifyHazardDocuments(store, hazardId, options.verifier ? { verifier: options.verifier } : {});
  return {
    hazardId,
    version: events.length,
    verifiedAt: options.now,
    ok: chain.ok && projectionOk && documents.every((f) => f.severity !== 'problem'),
    chain: chain.ok ? { ok: true } : { ok: false, reason: chain.reason, version: events[chain.brokenAt]?.version ?? chain.brokenAt + 1 },
    projection: { ok: projectionOk },
    checkpoint,
    documents,
  };
}
