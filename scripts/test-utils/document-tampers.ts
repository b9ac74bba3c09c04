// Tampers of the document register and the document trail, run against a real database by
// the SQLite and PostgreSQL tests (decision 009): each edits the tables directly, as someone
// with database access would, and names what `verifyAudit` / `anjian audit verify` must report.
import type { Store } from '@anjian/core';
import { sealDocumentTrailEntry, type Signer } from '@anjian/core/ports';
import { documentContentDigest, documentTrailEntryHash, signStoreCheckpoint, type AuditDocumentFinding, type DocumentTrailEntry } from '@anjian/core/audit';
import { seedAuditTrail } from '@anjian/core/testing';
import type { ExpectedProblem, RawSql } from './audit-tampers.js';

/**
 * The trail every document tamper starts from: hazards H-A … H-F with a numbered and issued
 * `rectification_order` each (D1 2026 #1–#6, trail entries 1–6), signed as checkpoint #1;
 * H-G, H-H (#7, #8) signed as checkpoint #2; then H-I (#9, trail entry 9) not signed yet.
 * 26 events, 9 documents.
 */
export async function seedSignedDocuments(store: Store, signer: Signer): Promise<void> {
  await seedAuditTrail(store, { documents: 'D1' });
  const first = await signStoreCheckpoint(store, signer, { now: '2026-11-10T00:00:00.000Z' });
  if (first.kind !== 'signed') throw new Error(`checkpoint 1: ${first.kind}`);
  await seedAuditTrail(store, { hazardIds: ['H-G', 'H-H'], start: '2026-11-20T00:00:00.000Z', denials: 1, documents: 'D1' });
  const second = await signStoreCheckpoint(store, signer, { now: '2026-11-30T00:00:00.000Z' });
  if (second.kind !== 'signed') throw new Error(`checkpoint 2: ${second.kind}`);
  await seedAuditTrail(store, { hazardIds: ['H-I'], start: '2026-12-01T00:00:00.000Z', denials: 0, documents: 'D1' });
}

/** A document of the seed: D1 2026 rectification_order #n. */
export const seededDocument = (seq: number) => ({ jurisdiction: 'D1', kind: 'rectification_order', year: 2026, seq });

export interface DocumentTamper {
  name: string;
  apply(sql: RawSql): Promise<void>;
  /** The problems `verifyAudit` must report (one per kind). */
  expected: ExpectedProblem[];
  /** The findings `result.documents` must hold. */
  findings: Array<Pick<AuditDocumentFinding, 'severity' | 'code'> & { document: { hazardId: string; seq: number } }>;
  /**
   * What the check of one hazard (`verifyHazardDocuments`, `GET /hazards/{id}/audit`) must find
   * at each hazard named, when it differs from `findings`: a rewritten entry it proves against the
   * next signed head (or the trail's end) is a problem of its document, where the full audit
   * reports the chain's break as a `document_trail` problem.
   */
  perHazard?: DocumentTamper['findings'];
}

/** The findings the check of each hazard named must hold (`perHazard`, else `findings`), by hazard. */
export function hazardFindings(tamper: DocumentTamper): Map<string, DocumentTamper['findings']> {
  const out = new Map<string, DocumentTamper['findings']>();
  for (const f of tamper.perHazard ?? tamper.findings) out.set(f.document.hazardId, [...(out.get(f.document.hazardId) ?? []), f]);
  return out;
}

/** The hazards of {@link seedSignedDocuments}. */
export const SEEDED_HAZARDS = ['H-A', 'H-B', 'H-C', 'H-D', 'H-E', 'H-F', 'H-G', 'H-H', 'H-I'] as const;

const WHERE = "jurisdiction = 'D1' AND kind = 'rectification_order' AND year = 2026";

async function rewriteEntry(sql: RawSql, seq: number, edit: (e: DocumentTrailEntry) => void): Promise<string> {
  const [row] = await sql.all('SELECT * FROM {t}document_trail WHERE seq = ?', [seq]);
  if (!row) throw new Error(`no trail entry ${seq}`);
  const common = {
    seq: Number(row.seq),
    prevHash: String(row.prev_hash),
    jurisdiction: String(row.jurisdiction),
    kind: String(row.kind),
    year: Number(row.year),
    documentSeq: Number(row.document_seq),
    hazardId: String(row.hazard_id),
    eventId: String(row.event_id),
    logSize: Number(row.log_size),
    hash: String(row.hash),
    ...(row.chained_at === null || row.chained_at === undefined ? {} : { chainedAt: String(row.chained_at) }),
  };
  const entry: DocumentTrailEntry =
    row.entry_type === 'voided'
      ? { ...common, type: 'voided', voidedAt: String(row.voided_at), reason: String(row.void_reason), actorId: String(row.voided_by), chainedAt: String(row.chained_at) }
      : { ...common, contentHash: String(row.content_hash), verificationCode: String(row.verification_code), contentDigest: String(row.content_digest), issuedAt: String(row.issued_at) };
  edit(entry);
  entry.hash = documentTrailEntryHash(entry);
  const contentHash = entry.type === undefined ? entry.contentHash : null;
  const contentDigest = entry.type === undefined ? entry.contentDigest : null;
  await sql.run('UPDATE {t}document_trail SET prev_hash = ?, content_hash = ?, content_digest = ?, hash = ? WHERE seq = ?', [entry.prevHash, contentHash, contentDigest, entry.hash, seq]);
  return entry.hash;
}

/** Rewrites document #n's content and its register hash together (what the register alone cannot catch). */
async function rewriteDocument(sql: RawSql, n: number, chain: 'register only' | 'its entry' | 'relink'): Promise<void> {
  const forged = JSON.stringify({ hazardId: 'forged', kind: 'rectification_order', number: n });
  const hash = documentContentDigest(forged);
  await sql.run(`UPDATE {t}documents SET content_hash = ? WHERE ${WHERE} AND seq = ?`, [hash, n]);
  await sql.run(`UPDATE {t}document_contents SET content = ? WHERE ${WHERE} AND seq = ?`, [forged, n]);
  if (chain === 'register only') return;
  const rehashed = await rewriteEntry(sql, n, (e) => {
    if (e.type !== undefined) return;
    e.contentHash = hash;
    e.contentDigest = documentContentDigest(forged);
  });
  if (chain === 'its entry') return;
  // Relink the entries after it, as a thorough forger would: only a checkpoint still sees it.
  const later = await sql.all('SELECT seq FROM {t}document_trail WHERE seq > ? ORDER BY seq', [n]);
  let prev = rehashed;
  for (const row of later) prev = await rewriteEntry(sql, Number(row.seq), (e) => (e.prevHash = prev));
}

const at = (hazardId: string, seq: number) => ({ hazardId, document: seededDocument(seq) });

export const DOCUMENT_TAMPERS: readonly DocumentTamper[] = [
  {
    name: "rewrite a document's content and its hash in the register",
    apply: (sql) => rewriteDocument(sql, 2, 'register only'),
    expected: [{ kind: 'documents', code: 'DOCUMENT_REWRITTEN', position: { ...at('H-B', 2), seq: 2 } }],
    findings: [{ severity: 'problem', code: 'DOCUMENT_REWRITTEN', document: { hazardId: 'H-B', seq: 2 } }],
  },
  {
    name: "rewrite a document's content only",
    apply: (sql) => sql.run(`UPDATE {t}document_contents SET content = ? WHERE ${WHERE} AND seq = 3`, ['{"hazardId":"H-C","kind":"rectification_order","number":33}']),
    expected: [{ kind: 'documents', code: 'CONTENT_REWRITTEN', position: { ...at('H-C', 3), seq: 3 } }],
    findings: [{ severity: 'problem', code: 'CONTENT_REWRITTEN', document: { hazardId: 'H-C', seq: 3 } }],
  },
  {
    name: "delete a document's content",
    apply: (sql) => sql.run(`DELETE FROM {t}document_contents WHERE ${WHERE} AND seq = 5`),
    expected: [{ kind: 'documents', code: 'CONTENT_MISSING', position: { ...at('H-E', 5), seq: 5 } }],
    findings: [{ severity: 'problem', code: 'CONTENT_MISSING', document: { hazardId: 'H-E', seq: 5 } }],
  },
  {
    name: 'delete a document from the register',
    apply: async (sql) => {
      await sql.run(`DELETE FROM {t}document_contents WHERE ${WHERE} AND seq = 4`);
      await sql.run(`DELETE FROM {t}documents WHERE ${WHERE} AND seq = 4`);
    },
    expected: [{ kind: 'documents', code: 'DOCUMENT_MISSING', position: { ...at('H-D', 4), seq: 4 } }],
    findings: [{ severity: 'problem', code: 'DOCUMENT_MISSING', document: { hazardId: 'H-D', seq: 4 } }],
  },
  {
    name: "erase a document's hash (unissue it)",
    apply: (sql) => sql.run(`UPDATE {t}documents SET content_hash = NULL, verification_code = NULL, hashed_at = NULL WHERE ${WHERE} AND seq = 6`),
    expected: [{ kind: 'documents', code: 'DOCUMENT_MISSING', position: { ...at('H-F', 6), seq: 6 } }],
    findings: [{ severity: 'problem', code: 'DOCUMENT_MISSING', document: { hazardId: 'H-F', seq: 6 } }],
  },
  {
    name: 'delete the newest trail entry (not signed yet)',
    apply: (sql) => sql.run('DELETE FROM {t}document_trail WHERE seq = 9'),
    expected: [{ kind: 'documents', code: 'DOCUMENT_UNCHAINED', position: at('H-I', 9) }],
    findings: [{ severity: 'problem', code: 'DOCUMENT_UNCHAINED', document: { hazardId: 'H-I', seq: 9 } }],
  },
  {
    name: 'rewrite a document and its trail entry, recomputing the entry hash',
    apply: (sql) => rewriteDocument(sql, 2, 'its entry'),
    // Entry 3 no longer links to entry 2.
    expected: [{ kind: 'document_trail', code: 'PREV_HASH_MISMATCH', position: { ...at('H-C', 3), seq: 3 } }],
    findings: [],
    // H-B's entry does not link to the head checkpoint #1 signed: entry 3 no longer links to it.
    perHazard: [{ severity: 'problem', code: 'DOCUMENT_REWRITTEN', document: { hazardId: 'H-B', seq: 2 } }],
  },
  {
    name: 'rewrite a signed document and its trail entry, recomputing and relinking every later entry',
    apply: (sql) => rewriteDocument(sql, 8, 'relink'),
    // The chain holds again, but checkpoint #2 signed the trail's head after entry 8.
    expected: [{ kind: 'document_trail', code: 'DOCUMENTS_CHANGED', position: { checkpoint: 2, seq: 1, toSeq: 8 } }],
    findings: [],
    // Entry 8 is checkpoint #2's head, and no longer the hash it signed.
    perHazard: [{ severity: 'problem', code: 'DOCUMENT_REWRITTEN', document: { hazardId: 'H-H', seq: 8 } }],
  },
  {
    name: 'delete a signed trail entry',
    apply: (sql) => sql.run('DELETE FROM {t}document_trail WHERE seq = 4'),
    expected: [{ kind: 'documents', code: 'DOCUMENT_UNCHAINED', position: at('H-D', 4) }],
    findings: [{ severity: 'problem', code: 'DOCUMENT_UNCHAINED', document: { hazardId: 'H-D', seq: 4 } }],
    // Its neighbours' entries no longer link to checkpoint #1's head across the gap.
    perHazard: [
      { severity: 'problem', code: 'DOCUMENT_UNCHAINED', document: { hazardId: 'H-D', seq: 4 } },
      { severity: 'problem', code: 'DOCUMENT_REWRITTEN', document: { hazardId: 'H-C', seq: 3 } },
    ],
  },
  {
    name: 'edit a trail entry without recomputing its hash',
    apply: (sql) => sql.run("UPDATE {t}document_trail SET verification_code = 'FORGED' WHERE seq = 7"),
    expected: [{ kind: 'document_trail', code: 'HASH_MISMATCH', position: { ...at('H-G', 7), seq: 7 } }],
    findings: [{ severity: 'problem', code: 'DOCUMENT_REWRITTEN', document: { hazardId: 'H-G', seq: 7 } }],
  },
  {
    name: 'forge a document numbered after chained ones, naming an event from before the trail (backdated)',
    // H-A/1 (the report, log seq 1) precedes the trail's first entry (logSize 7): a document of
    // it without an entry read as issued before chaining — a notice, exit 0 — though its number
    // (#10) comes after #9, whose event is long after the trail began. Numbers are allocated
    // in the log's order, so #10 cannot be older than #9.
    apply: async (sql) => {
      const content = JSON.stringify({ hazardId: 'H-A', kind: 'rectification_order', number: 10 });
      await sql.run(
        `INSERT INTO {t}documents (jurisdiction, kind, year, seq, hazard_id, event_id, issued_at, content_hash, verification_code, hashed_at)
         VALUES ('D1', 'rectification_order', 2026, 10, 'H-A', 'H-A/1', '2026-11-02T01:01:00.000Z', ?, 'FORGED-10', '2026-11-02T01:01:30.000Z')`,
        [documentContentDigest(content)],
      );
      await sql.run(`INSERT INTO {t}document_contents (jurisdiction, kind, year, seq, content) VALUES ('D1', 'rectification_order', 2026, 10, ?)`, [content]);
    },
    expected: [{ kind: 'documents', code: 'DOCUMENT_UNCHAINED', position: at('H-A', 10) }],
    findings: [{ severity: 'problem', code: 'DOCUMENT_UNCHAINED', document: { hazardId: 'H-A', seq: 10 } }],
  },
  {
    name: "cut the trail's signed tail",
    apply: (sql) => sql.run('DELETE FROM {t}document_trail WHERE seq >= 8'),
    expected: [
      { kind: 'document_trail', code: 'DOCUMENTS_TRUNCATED', position: { checkpoint: 2, seq: 8, toSeq: 8 } },
      { kind: 'documents', code: 'DOCUMENT_UNCHAINED', position: at('H-H', 8) },
    ],
    findings: [
      { severity: 'problem', code: 'DOCUMENT_UNCHAINED', document: { hazardId: 'H-H', seq: 8 } },
      { severity: 'problem', code: 'DOCUMENT_UNCHAINED', document: { hazardId: 'H-I', seq: 9 } },
    ],
  },
];

/** The void of the seed: D1 2026 #3 (H-C), voided through the store after {@link seedSignedDocuments} — trail entry 10. */
export const SEEDED_VOID = { at: '2026-12-02T00:00:00.000Z', reason: '文书内容有误', actorId: 'officer-1' };

/** {@link seedSignedDocuments}, then #3 voided through the store ({@link SEEDED_VOID}: trail entry 10, not signed yet). */
export async function seedSignedVoid(store: Store, signer: Signer): Promise<void> {
  await seedSignedDocuments(store, signer);
  const voided = await store.voidDocument({ ...seededDocument(3), ...SEEDED_VOID });
  if (voided.kind !== 'voided') throw new Error(`void: ${voided.kind}`);
}

/** Tampers of voids (decision 009, voids), from {@link seedSignedVoid}. */
export const VOID_TAMPERS: readonly DocumentTamper[] = [
  {
    name: 'un-void a voided document in the register',
    apply: (sql) => sql.run(`UPDATE {t}documents SET voided_at = NULL, void_reason = NULL, voided_by = NULL WHERE ${WHERE} AND seq = 3`),
    expected: [{ kind: 'documents', code: 'VOID_UNDONE', position: { ...at('H-C', 3), seq: 10 } }],
    findings: [{ severity: 'problem', code: 'VOID_UNDONE', document: { hazardId: 'H-C', seq: 3 } }],
  },
  {
    name: 'un-void a document, then void it again with another date, reason and officer',
    apply: async (sql) => {
      await sql.run(`UPDATE {t}documents SET voided_at = NULL, void_reason = NULL, voided_by = NULL WHERE ${WHERE} AND seq = 3`);
      await sql.run(`UPDATE {t}documents SET voided_at = ?, void_reason = ?, voided_by = ? WHERE ${WHERE} AND seq = 3`, ['2026-12-04T00:00:00.000Z', '企业申请撤回', 'officer-2']);
    },
    expected: [{ kind: 'documents', code: 'VOID_REWRITTEN', position: { ...at('H-C', 3), seq: 10 } }],
    findings: [{ severity: 'problem', code: 'VOID_REWRITTEN', document: { hazardId: 'H-C', seq: 3 } }],
  },
  {
    name: 'void a document in the register, outside the store',
    apply: (sql) => sql.run(`UPDATE {t}documents SET voided_at = ?, void_reason = ?, voided_by = ? WHERE ${WHERE} AND seq = 5`, ['2026-12-03T00:00:00.000Z', '作废', 'officer-1']),
    expected: [{ kind: 'documents', code: 'VOID_UNCHAINED', position: at('H-E', 5) }],
    findings: [{ severity: 'problem', code: 'VOID_UNCHAINED', document: { hazardId: 'H-E', seq: 5 } }],
  },
  {
    name: 'void a document outside the store, dated before the trail began',
    // Its issue entry was written by a store that chains voids: its void cannot be older.
    apply: (sql) => sql.run(`UPDATE {t}documents SET voided_at = ?, void_reason = ?, voided_by = ? WHERE ${WHERE} AND seq = 1`, ['2020-01-01T00:00:00.000Z', '作废', 'officer-1']),
    expected: [{ kind: 'documents', code: 'VOID_UNCHAINED', position: at('H-A', 1) }],
    findings: [{ severity: 'problem', code: 'VOID_UNCHAINED', document: { hazardId: 'H-A', seq: 1 } }],
  },
  {
    name: 'delete the void entry (the newest, not signed yet)',
    apply: (sql) => sql.run('DELETE FROM {t}document_trail WHERE seq = 10'),
    expected: [{ kind: 'documents', code: 'VOID_UNCHAINED', position: at('H-C', 3) }],
    findings: [{ severity: 'problem', code: 'VOID_UNCHAINED', document: { hazardId: 'H-C', seq: 3 } }],
  },
  {
    name: "edit the void entry's reason without recomputing its hash",
    apply: (sql) => sql.run("UPDATE {t}document_trail SET void_reason = '伪造' WHERE seq = 10"),
    expected: [{ kind: 'document_trail', code: 'HASH_MISMATCH', position: { ...at('H-C', 3), seq: 10 } }],
    findings: [{ severity: 'problem', code: 'VOID_REWRITTEN', document: { hazardId: 'H-C', seq: 3 } }],
  },
];

/**
 * Rewrites the trail as a store before voids were chained left it (SQLite schema 10,
 * PostgreSQL before migration 13): `rows` (read before) without their void entries, the issue
 * entries re-sealed without `chainedAt`, inserted into `{t}document_trail` (its original
 * columns only). For the migration tests of voids.
 */
export async function insertTrailAsBeforeVoids(sql: RawSql, rows: readonly Record<string, unknown>[]): Promise<void> {
  let previous: { seq: number; hash: string } | null = null;
  for (const row of rows.filter((r) => (r.entry_type ?? 'issued') === 'issued')) {
    const e = sealDocumentTrailEntry(previous, {
      jurisdiction: String(row.jurisdiction),
      kind: String(row.kind),
      year: Number(row.year),
      documentSeq: Number(row.document_seq),
      hazardId: String(row.hazard_id),
      eventId: String(row.event_id),
      contentHash: String(row.content_hash),
      verificationCode: String(row.verification_code),
      contentDigest: String(row.content_digest),
      issuedAt: String(row.issued_at),
      logSize: Number(row.log_size),
    });
    await sql.run(
      `INSERT INTO {t}document_trail (seq, prev_hash, hash, jurisdiction, kind, year, document_seq, hazard_id, event_id, content_hash, verification_code, content_digest, issued_at, log_size)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [e.seq, e.prevHash, e.hash, e.jurisdiction, e.kind, e.year, e.documentSeq, e.hazardId, e.eventId, e.contentHash, e.verificationCode, e.contentDigest, e.issuedAt, e.logSize],
    );
    previous = e;
  }
}
