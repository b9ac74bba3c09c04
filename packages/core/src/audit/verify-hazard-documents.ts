import type { Store } from '../ports/store.js';
import type { Verifier } from '../ports/signer.js';
import type { DocumentIssuedEntry, DocumentTrailEntry, DocumentVoidedEntry } from '../ports/document-trail.js';
import { documentKey } from './audit-document-trail.js';
import { auditDocuments } from './audit-documents.js';
import { problemSink } from './audit-problem.js';
import { storedCheckpointSearch } from './first-stored-checkpoint.js';
import { proveTrailEntries, type UnprovenEntry } from './prove-trail-entries.js';
import type { AuditDocumentFinding } from './types.js';

/**
 * The findings {@link verifyAudit} reports about one hazard's documents (the same comparison,
 * one hazard), at a cost in proportion to the hazard rather than to the document trail
 * (decision 009, per hazard; threat T48): its numbers in the register against the hazard's
 * own issue and void entries (`readHazardDocumentTrail`), each of those entries proved to be
 * in the trail — linked entry by entry up to the head signed by the first checkpoint that
 * covers it, or to the trail's end after the newest checkpoint — and an entry that does not
 * prove is a problem of its document (`DOCUMENT_REWRITTEN`, or `VOID_REWRITTEN` for a void
 * entry). The trail-wide facts the comparison needs are read by index: the first entry (when
 * chaining began), the first checkpoint that signed the trail and the first entry carrying
 * `chainedAt` (binary searches), the chained number below an unchained one. The trail's own
 * chain and the checkpoints as a whole are the full audit's to report.
 */
export async function verifyHazardDocuments(store: Store, hazardId: string, options: { verifier?: Verifier } = {}): Promise<AuditDocumentFinding[]> {
  const own = await store.readHazardDocumentTrail(hazardId);
  const checkpoints = storedCheckpointSearch(store, options.verifier);
  const signedFirst = await checkpoints.first((p) => p.documents !== null);
  const [first] = await store.readDocumentTrail(1, 1);
  const byKey = new Map<string, DocumentIssuedEntry>();
  const voidByKey = new Map<string, DocumentVoidedEntry>();
  for (const e of own) {
    const key = documentKey(e, e.documentSeq);
    if (e.type === 'voided') {
      if (!voidByKey.has(key)) voidByKey.set(key, e);
    } else if (!byKey.has(key)) byKey.set(key, e);
  }
  const entries = {
    byKey,
    voidByKey,
    firstLogSize: first?.logSize,
    voidsChainedFrom: await firstChainedAt(store, first, own),
    issueBefore: (series: { jurisdiction: string; kind: string; year: number }, documentSeq: number) => store.readDocumentIssueBefore(series, documentSeq),
  };
  // A checkpoint whose signature fails says nothing of when the trail began (the full audit leaves it out too).
  const signed = signedFirst?.verified ? [{ checkpoint: signedFirst.checkpoint, stored: signedFirst.stored }] : [];
  const { findings } = await auditDocuments(store, entries, [hazardId], signed, problemSink(), { onlyHazard: hazardId });
  const unproven = await proveTrailEntries(store, [...byKey.values(), ...voidByKey.values()], (seq) => checkpoints.first((p) => p.documents !== null && p.documents.count >= seq));
  for (const e of [...byKey.values(), ...voidByKey.values()].sort((a, b) => a.seq - b.seq)) {
    const failed = unproven.get(e.seq);
    const code = e.type === 'voided' ? 'VOID_REWRITTEN' : 'DOCUMENT_REWRITTEN';
    // Reported once per document: the comparison may already have found it rewritten.
    if (!failed || findings.some((f) => f.code === code && f.document.hazardId === e.hazardId && documentKey(f.document, f.document.seq) === documentKey(e, e.documentSeq))) continue;
    findings.push(unprovenFinding(e, failed));
  }
  return findings;
}

/**
 * The `chainedAt` of the first entry that carries one (entries written before voids were
 * chained have none, every later one has): the first entry, else a binary search up to the
 * hazard's first entry that carries one, or galloping from the start. O(log trail) reads.
 */
async function firstChainedAt(store: Store, first: DocumentTrailEntry | undefined, own: readonly DocumentTrailEntry[]): Promise<string | undefined> {
  if (!first || first.chainedAt !== undefined) return first?.chainedAt;
  const probes = new Map<number, Promise<DocumentTrailEntry | undefined>>();
  // The first entry at or after n: whether it carries chainedAt is false, then true, as n grows.
  const at = (n: number) => {
    if (!probes.has(n))
      probes.set(
        n,
        store.readDocumentTrail(n, 1).then((page) => page[0]),
      );
    return probes.get(n) as Promise<DocumentTrailEntry | undefined>;
  };
  let lo = first.seq + 1;
  let hi = own.find((e) => e.chainedAt !== undefined)?.seq;
  for (let step = 1; hi === undefined; step *= 2) {
    const e = await at(first.seq + step);
    if (!e) return undefined;
    if (e.chainedAt !== undefined) hi = e.seq;
    else lo = e.seq + 1;
  }
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if ((await at(mid))?.chainedAt !== undefined) hi = mid;
    else lo = mid + 1;
  }
  return (await at(lo))?.chainedAt;
}

function unprovenFinding(e: DocumentTrailEntry, failed: UnprovenEntry): AuditDocumentFinding {
  const name = `${e.kind} ${e.jurisdiction} ${e.year} #${e.documentSeq}`;
  const cp = failed.checkpoint === undefined ? null : `#${failed.checkpoint}`;
  const why = {
    missing: [`第 ${failed.at} 条缺失`, `entry ${failed.at} is missing`],
    hash: [`第 ${failed.at} 条与其哈希不符`, `entry ${failed.at} does not hash to its hash`],
    link: [`第 ${failed.at} 条没有链接到上一条`, `entry ${failed.at} does not link to the one before`],
    head: [`第 ${failed.at} 条不是检查点 ${cp ?? ''} 签的链头`, `entry ${failed.at} is not the head checkpoint ${cp ?? ''} signed`],
    checkpoint: [`覆盖它的检查点 ${cp ?? ''} 签名不对（伪造或被改）`, `checkpoint ${cp ?? ''}, which covers it, is not signed by the key (forged or altered)`],
  }[failed.why];
  const upTo = cp ? [`到检查点 ${cp} 签的链头`, `up to the head checkpoint ${cp} signed`] : ['到文书链末尾', 'up to the end of the trail'];
  const what = e.type === 'voided' ? ['作废记录', 'void entry'] : ['出具记录', 'issue entry'];
  return {
    severity: 'problem',
    code: e.type === 'voided' ? 'VOID_REWRITTEN' : 'DOCUMENT_REWRITTEN',
    document: {
      jurisdiction: e.jurisdiction,
      kind: e.kind,
      year: e.year,
      seq: e.documentSeq,
      hazardId: e.hazardId,
      eventId: e.eventId,
      verificationCode: e.type === 'voided' ? null : e.verificationCode,
    },
    trailSeq: e.seq,
    message: {
      'zh-CN': `文书 ${name}（隐患 ${e.hazardId}，事件 ${e.eventId}）的${what[0]}（文书链第 ${e.seq} 条）不能逐条链接${upTo[0]}：${why[0]}（记录被改写，或其后的记录被改动、删除或重新链接）`,
      en: `document ${name} (hazard ${e.hazardId}, event ${e.eventId}) has a ${what[1]} (trail entry ${e.seq}) that does not link ${upTo[1]}: ${why[1]} (the entry was rewritten, or entries after it edited, deleted or relinked)`,
    },
  };
}
