import { documentTrailEntryHash, type DocumentTrailEntry, type DocumentTrailStore } from '../ports/document-trail.js';
import type { StoredCheckpointProbe } from './first-stored-checkpoint.js';

/** Why an entry of the trail does not prove to be in it: the first failing step of its segment. @internal */
export interface UnprovenEntry {
  /** The entry of the segment that fails (its own `seq`, or a later one). */
  at: number;
  why: 'missing' | 'hash' | 'link' | 'head' | 'checkpoint';
  /** The stored checkpoint whose head the segment ends at, when one covers the entry. */
  checkpoint?: number;
}

/**
 * Proves that entries of the document trail are in it without reading the whole trail: each
 * entry `s` is linked, entry by entry, up to the head signed by the first checkpoint whose
 * documents line covers it (`count >= s`) — every entry of that segment is present, hashes to
 * its hash and links to the one before, and the segment's last hash is the signed head. An
 * entry after the newest checkpoint is linked to the end of the trail (the chain alone
 * protects it, as in the full audit). Cost: the entries between each entry and the next
 * checkpoint, not the trail. A forger who rewrites an entry must relink every entry after it
 * up to a signed head, which then differs. A covering checkpoint whose signature fails proves
 * nothing: its entries do not prove. Returns the entries that do not prove, by `seq`. @internal
 */
export async function proveTrailEntries(
  store: DocumentTrailStore,
  entries: readonly DocumentTrailEntry[],
  coveringCheckpoint: (seq: number) => Promise<(StoredCheckpointProbe & { verified: boolean }) | null>,
  pageSize = 5_000,
): Promise<Map<number, UnprovenEntry>> {
  const segments: Array<{ entry: DocumentTrailEntry; to: number; cp: (StoredCheckpointProbe & { verified: boolean }) | null }> = [];
  for (const entry of entries) {
    const cp = await coveringCheckpoint(entry.seq);
    segments.push({ entry, to: cp?.documents ? cp.documents.count : Infinity, cp });
  }
  // Read the segments' union once, a merged range at a time.
  const read = new Map<number, DocumentTrailEntry>();
  const ranges = segments.map((g) => [g.entry.seq, g.to] as [number, number]).sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [from, to] of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && from <= prev[1] + 1) prev[1] = Math.max(prev[1], to);
    else merged.push([from, to]);
  }
  for (const [from, to] of merged) {
    for (let next = from; next <= to;) {
      const page = await store.readDocumentTrail(next, Math.min(pageSize, to - next + 1));
      for (const e of page) if (e.seq <= to) read.set(e.seq, e);
      const lastEntry = page[page.length - 1];
      if (!lastEntry || page.length < Math.min(pageSize, to - next + 1)) break;
      next = lastEntry.seq + 1;
    }
  }
  const hashOk = new Map<number, boolean>();
  const hashes = (e: DocumentTrailEntry) => {
    if (!hashOk.has(e.seq)) hashOk.set(e.seq, documentTrailEntryHash(e) === e.hash);
    return hashOk.get(e.seq) as boolean;
  };
  const out = new Map<number, UnprovenEntry>();
  for (const { entry, to, cp } of segments) {
    const where = cp ? { checkpoint: cp.stored } : {};
    // The checkpoint that covers it does not verify: nothing signed to prove it against.
    if (cp && !cp.verified) {
      out.set(entry.seq, { at: entry.seq, why: 'checkpoint', checkpoint: cp.stored });
      continue;
    }
    const own = read.get(entry.seq);
    if (!own || own.hash !== entry.hash || !hashes(entry) || !hashes(own)) {
      out.set(entry.seq, { at: entry.seq, why: own ? 'hash' : 'missing', ...where });
      continue;
    }
    let prev = own;
    let failed: UnprovenEntry | null = null;
    // Up to the signed head, or to the end of the trail as read.
    for (let seq = entry.seq + 1; seq <= to; seq++) {
      const e = read.get(seq);
      if (!e) {
        // The end of the trail, unless entries follow the gap (or a checkpoint signed more).
        if (to !== Infinity || [...read.keys()].some((k) => k > seq)) failed = { at: seq, why: 'missing', ...where };
        break;
      }
      if (!hashes(e)) {
        failed = { at: seq, why: 'hash', ...where };
        break;
      }
      if (e.prevHash !== prev.hash) {
        failed = { at: seq, why: 'link', ...where };
        break;
      }
      prev = e;
    }
    if (!failed && cp?.documents && to !== Infinity && prev.seq === to && prev.hash !== cp.documents.head) failed = { at: to, why: 'head', checkpoint: cp.stored };
    if (failed) out.set(entry.seq, failed);
  }
  return out;
}
