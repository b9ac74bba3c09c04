import { GENESIS_HASH } from '../chain/hash-event.js';
import type { DocumentTrailEntry, DocumentTrailStore } from '../ports/document-trail.js';

const LINE = /^anjian-documents (\d+) ([0-9a-f]{64})$/;

/**
 * The checkpoint extension line committing to the first `count` entries of the document
 * trail: `anjian-documents <count> <head>`, where `head` is the `hash` of entry `count` (the
 * trail is chained, so its last hash commits to every entry before) or the genesis hash.
 */
export function documentsExtension(count: number, head: string): string {
  return `anjian-documents ${count} ${head}`;
}

/** Reads {@link documentsExtension} back from a checkpoint's extension lines, or `null` (a checkpoint signed before documents were chained). */
export function readDocumentsExtension(extensions: readonly string[] | undefined): { count: number; head: string } | null {
  for (const line of extensions ?? []) {
    const m = LINE.exec(line);
    if (m) return { count: Number(m[1]), head: m[2] as string };
  }
  return null;
}

/** The head of an empty document trail. */
export const EMPTY_DOCUMENTS_HEAD = GENESIS_HASH;

/** Every entry of the document trail, in `seq` order. @internal */
export async function readWholeDocumentTrail(store: DocumentTrailStore, pageSize = 5_000): Promise<DocumentTrailEntry[]> {
  const out: DocumentTrailEntry[] = [];
  for (let from = 1; ;) {
    const page = await store.readDocumentTrail(from, pageSize);
    out.push(...page);
    const last = page[page.length - 1];
    if (page.length < pageSize || !last) return out;
    from = last.seq + 1;
  }
}
