// Migration 11 (decision 009, voids): a schema-10 file's voids have no void entry and its
// issue entries no chainedAt. The audit reports each void as voided before voids were chained
// (a notice: exit 0), voiding one again chains it, and a void written into the register
// after the upgrade without its entry is a problem (exit 1).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { verifyAudit } from '@anjian/core/audit';
import { seedAuditTrail } from '@anjian/core/testing';
import { main, memoryIo } from '@anjian/cli';
import { afterAll, describe, expect, it } from 'vitest';
import type { RawSql } from '../../../scripts/test-utils/audit-tampers.js';
import { insertTrailAsBeforeVoids, seededDocument } from '../../../scripts/test-utils/document-tampers.js';
import { createSqliteStore, MIGRATIONS } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-sqlite-v10-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const VOIDED_AT = '2026-11-01T00:00:00.000Z';

/** A schema-10 file: 6 issued documents chained (no chainedAt), #2 and #4 voided without entry. */
async function version10File(): Promise<string> {
  const path = join(dir, 'anjian.db');
  const store = createSqliteStore({ path });
  await seedAuditTrail(store, { documents: 'D1' });
  for (const seq of [2, 4]) expect((await store.voidDocument({ ...seededDocument(seq), reason: '文书内容有误', actorId: 'officer-1', at: VOIDED_AT })).kind).toBe('voided');
  store.close();
  const db = new Database(path);
  const sql: RawSql = {
    all: async (text, params = []) => db.prepare(text.replaceAll('{t}', '')).all(...params) as Record<string, unknown>[],
    run: async (text, params = []) => void db.prepare(text.replaceAll('{t}', '')).run(...params),
  };
  const rows = await sql.all('SELECT * FROM {t}document_trail ORDER BY seq');
  db.exec('DROP TABLE document_trail');
  db.exec(MIGRATIONS[9] as string);
  await insertTrailAsBeforeVoids(sql, rows);
  // The later migrations' tables (12: co-sign codes) go too: they run again.
  db.exec('DROP TABLE co_sign_codes; DROP TABLE co_sign_attempts');
  db.pragma('user_version = 10');
  db.close();
  return path;
}

describe('migration 11: voids in the document trail', () => {
  it('voids written before are notices; voided again they are chained; a later void without its entry is a problem', async () => {
    expect(MIGRATIONS[10]).toContain('-- 11: voids join the document trail');
    const path = await version10File();
    const store = createSqliteStore({ path });
    try {
      // The schema-10 entries keep their hashes through the table's rebuild.
      const trail = await store.readDocumentTrail(1, 100);
      expect(trail.map((e) => [e.seq, e.type, e.chainedAt])).toEqual([1, 2, 3, 4, 5, 6].map((n) => [n, undefined, undefined]));
      const before = await verifyAudit(store);
      expect(before.ok).toBe(true);
      expect(before.problems).toEqual([]);
      expect(before.documents.map((f) => [f.severity, f.code, f.document.hazardId, f.document.seq])).toEqual([
        ['notice', 'VOIDED_BEFORE_CHAINING', 'H-B', 2],
        ['notice', 'VOIDED_BEFORE_CHAINING', 'H-D', 4],
      ]);
      expect(before.documents[0]?.message.en).toContain('was voided before voids were chained');
      expect(before.documents[0]?.message['zh-CN']).toContain('作废于作废入链之前');
      const io = memoryIo({ env: { LANG: 'en_US.UTF-8' } });
      expect(await main(['audit', 'verify', '--sqlite', path, '--lang', 'en'], io)).toBe(0);
      expect(io.out()).toContain('! VOIDED_BEFORE_CHAINING  rectification_order D1 2026 #2, H-B');
      expect(io.out()).toContain('6 issued documents (6 trail entries, 2 voided before voids were chained)');

      // Voided again: the register unchanged, its void chained as it is.
      const again = await store.voidDocument({ ...seededDocument(2), reason: 'again', actorId: 'officer-9', at: '2026-12-06T00:00:00.000Z' });
      expect(again.kind).toBe('already-voided');
      expect((await store.readDocumentTrail(7, 10)).map((e) => (e.type === 'voided' ? [e.documentSeq, e.voidedAt, e.reason, e.actorId, e.chainedAt] : null))).toEqual([
        [2, VOIDED_AT, '文书内容有误', 'officer-1', '2026-12-06T00:00:00.000Z'],
      ]);
      const chained = await verifyAudit(store);
      expect(chained.ok).toBe(true);
      expect(chained.documents.map((f) => [f.code, f.document.seq])).toEqual([['VOIDED_BEFORE_CHAINING', 4]]);

      // A void written into the register after voids were chained, without its entry: a problem.
      const db = new Database(path);
      db.prepare("UPDATE documents SET voided_at = '2026-12-07T00:00:00.000Z', void_reason = '作废', voided_by = 'officer-1' WHERE seq = 5").run();
      db.close();
      const after = await verifyAudit(store);
      expect(after.ok).toBe(false);
      expect(after.problems).toContainEqual(expect.objectContaining({ kind: 'documents', code: 'VOID_UNCHAINED', position: { hazardId: 'H-E', document: seededDocument(5) } }));
      expect(after.documents.map((f) => [f.severity, f.code, f.document.seq])).toEqual([
        ['notice', 'VOIDED_BEFORE_CHAINING', 4],
        ['problem', 'VOID_UNCHAINED', 5],
      ]);
    } finally {
      store.close();
    }
  });
});
