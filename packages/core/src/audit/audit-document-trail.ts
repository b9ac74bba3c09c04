import { GENESIS_HASH } from '../chain/hash-event.js';
import { documentTrailEntryHash, type DocumentIssuedEntry, type DocumentTrailEntry, type DocumentTrailStore, type DocumentVoidedEntry } from '../ports/document-trail.js';
import type { ProblemSink } from './audit-problem.js';

/** The key of a document number: `jurisdiction\nkind\nyear\nseq`. @internal */
export const documentKey = (d: { jurisdiction: string; kind: string; year: number }, seq: number): string => `${d.jurisdiction}\n${d.kind}\n${d.year}\n${seq}`;

/** The first break of a document trail read in `seq` order, or `null`. @internal */
export function documentTrailBreak(entries: readonly DocumentTrailEntry[]): { seq: number; code: 'SEQ_GAP' | 'HASH_MISMATCH' | 'PREV_HASH_MISMATCH' | 'DUPLICATE_ENTRY' } | null {
  let prev = GENESIS_HASH;
  const seen = new Set<string>();
  for (const [i, e] of entries.entries()) {
    if (e.seq !== i + 1) return { seq: i + 1, code: 'SEQ_GAP' };
    if (documentTrailEntryHash(e) !== e.hash) return { seq: e.seq, code: 'HASH_MISMATCH' };
    if (e.prevHash !== prev) return { seq: e.seq, code: 'PREV_HASH_MISMATCH' };
    // One issue entry and one void entry at most per number.
    const key = `${documentKey(e, e.documentSeq)}\n${e.type ?? 'issued'}`;
    if (seen.has(key)) return { seq: e.seq, code: 'DUPLICATE_ENTRY' };
    seen.add(key);
    prev = e.hash;
  }
  return null;
}

/**
 * The entries the comparison with the register reads ({@link auditDocuments}): the whole
 * trail's ({@link DocumentTrailAudit}) or one hazard's. @internal
 */
export interface DocumentEntries {
  /** The issue entry of each document number (the first, when a number has two). */
  byKey: Map<string, DocumentIssuedEntry>;
  /** The void entry of each voided document number (the first, when a number has two). */
  voidByKey: Map<string, DocumentVoidedEntry>;
  /** `logSize` of the first entry: documents of later events were issued after the trail began. */
  firstLogSize: number | undefined;
  /**
   * The earliest `chainedAt` of the trail: voids were chained from then on (entries written
   * before voids were chained have none). `undefined` when no entry has one.
   */
  voidsChainedFrom: string | undefined;
  /**
   * The issue entry of the highest number below `documentSeq` in its series, when `byKey`
   * does not hold the whole trail (one hazard's entries: the store's index answers it).
   */
  issueBefore?: (series: { jurisdiction: string; kind: string; year: number }, documentSeq: number) => Promise<DocumentIssuedEntry | null>;
}

/** What {@link auditDocumentTrail} learnt: the whole trail's entries, its length and heads. @internal */
export interface DocumentTrailAudit extends DocumentEntries {
  count: number;
  /** The trail's head (the `hash` of entry `n`, or the genesis hash) for every `n` ≤ count. */
  headAt(n: number): string | undefined;
}

/**
 * Reads the whole document trail and checks its chain: `seq` 1, 2, 3 …, each entry hashes
 * to its `hash`, links to the previous one, and no number has two entries. Reports the
 * first break (kind `document_trail`, `seq` = the entry). @internal
 */
export async function auditDocumentTrail(store: DocumentTrailStore, sink: ProblemSink, pageSize: number): Promise<DocumentTrailAudit> {
  const entries: DocumentTrailEntry[] = [];
  for (let from = 1; ;) {
    const page = await store.readDocumentTrail(from, pageSize);
    entries.push(...page);
    const last = page[page.length - 1];
    if (page.length < pageSize || !last) break;
    from = last.seq + 1;
  }
  const broken = documentTrailBreak(entries);
  if (broken) {
    const e = entries.find((x) => x.seq === broken.seq) ?? entries[broken.seq - 1];
    const doc = e ? `（${e.kind} ${e.jurisdiction} ${e.year} #${e.documentSeq}，隐患 ${e.hazardId}）` : '';
    const docEn = e ? ` (${e.kind} ${e.jurisdiction} ${e.year} #${e.documentSeq}, hazard ${e.hazardId})` : '';
    const what = {
      SEQ_GAP: ['之前有条目被删除或重新编号', 'an entry before it was deleted or renumbered'],
      HASH_MISMATCH: ['的内容与其哈希不符（被改动）', 'does not hash to its stored hash (edited)'],
      PREV_HASH_MISMATCH: ['没有链接到上一条（上一条被改动并重算了哈希、被替换或被删除）', 'does not link to the previous entry (edited with a recomputed hash, replaced or deleted)'],
      DUPLICATE_ENTRY: ['重复登记了同一文号（或同一作废）', 'records a number (or a void) already recorded'],
    }[broken.code];
    sink.add(
      'document_trail',
      broken.code,
      { seq: broken.seq, ...(e ? { hazardId: e.hazardId, document: { jurisdiction: e.jurisdiction, kind: e.kind, year: e.year, seq: e.documentSeq } } : {}) },
      `文书链第 ${broken.seq} 条${doc}${what[0]}`,
      `document trail entry ${broken.seq}${docEn} ${what[1]}`,
    );
  }
  const byKey = new Map<string, DocumentIssuedEntry>();
  const voidByKey = new Map<string, DocumentVoidedEntry>();
  let voidsChainedFrom: string | undefined;
  for (const e of entries) {
    const key = documentKey(e, e.documentSeq);
    if (e.type === 'voided') {
      if (!voidByKey.has(key)) voidByKey.set(key, e);
    } else if (!byKey.has(key)) byKey.set(key, e);
    if (e.chainedAt !== undefined && (voidsChainedFrom === undefined || Date.parse(e.chainedAt) < Date.parse(voidsChainedFrom))) voidsChainedFrom = e.chainedAt;
  }
  return {
    count: entries.length,
    byKey,
    voidByKey,
    voidsChainedFrom,
    headAt: (n) => (n === 0 ? GENESIS_HASH : entries[n - 1]?.hash),
    firstLogSize: entries[0]?.logSize,
  };
}
