// Migration 10 (decision 009): a schema-9 file's issued documents have no trail entry. The
// audit reports each as issued before documents were chained (a notice: exit 0), issuing one
// again with its hash chains it, and a document issued after the upgrade without its entry
// is a problem (exit 1).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { documentContentDigest, signStoreCheckpoint, verifyAudit } from '@anjian/core/audit';
import { createEd25519Signer, generateEd25519KeyPair } from '@anjian/core/node';
import { seedAuditTrail } from '@anjian/core/testing';
import { main, memoryIo } from '@anjian/cli';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore, MIGRATIONS } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-sqlite-v9-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A schema-9 file (before the document trail) with 6 issued documents, their hashes and contents. */
async function version9File(): Promise<string> {
  const path = join(dir, 'anjian.db');
  const store = createSqliteStore({ path });
  await seedAuditTrail(store, { documents: 'D1' });
  store.close();
  // Migration 10 only creates document_trail: take it away and the file is what schema 9 left.
  const db = new Database(path);
  db.exec('DROP TABLE document_trail');
  // … and the later migrations' tables (12: co-sign codes), which run again.
  db.exec('DROP TABLE co_sign_codes; DROP TABLE co_sign_attempts');
  db.pragma('user_version = 9');
  db.close();
  return path;
}

describe('migration 10: the document trail', () => {
  it('documents issued before are notices, not problems; issued again they are chained; one issued after without its entry is a problem', async () => {
    expect(MIGRATIONS[9]).toContain('CREATE TABLE document_trail');
    const path = await version9File();
    const store = createSqliteStore({ path });
    try {
      expect(await store.readDocumentTrail(1, 10)).toEqual([]);
      const before = await verifyAudit(store);
      expect(before.ok).toBe(true);
      expect(before.checked).toMatchObject({ documents: 6, documentTrail: 0 });
      expect(before.documents.map((f) => [f.severity, f.code, f.document.hazardId, f.document.seq])).toEqual(
        ['H-A', 'H-B', 'H-C', 'H-D', 'H-E', 'H-F'].map((h, i) => ['notice', 'ISSUED_BEFORE_CHAINING', h, i + 1]),
      );
      expect(before.documents[0]?.message.en).toContain('was issued before documents were chained');
      expect(before.documents[0]?.message['zh-CN']).toContain('出具于文书入链之前');

      // The CLI says so and exits 0.
      const io = memoryIo({ env: { LANG: 'en_US.UTF-8' } });
      expect(await main(['audit', 'verify', '--sqlite', path, '--lang', 'en'], io)).toBe(0);
      expect(io.out()).toContain('! ISSUED_BEFORE_CHAINING  rectification_order D1 2026 #1, H-A');
      expect(io.out()).toContain('6 issued documents (0 trail entries, 6 issued before documents were chained)');

      // Issued again with its registered hash (it composes as issued): chained now, the record unchanged.
      const content = JSON.stringify({ hazardId: 'H-A', kind: 'rectification_order', number: 1 });
      const key = { jurisdiction: 'D1', kind: 'rectification_order', year: 2026, seq: 1 };
      const again = await store.recordDocumentHash({ ...key, contentHash: documentContentDigest(content), verificationCode: 'DOC-H-A', content, at: '2026-12-06T00:00:00.000Z' });
      expect(again.kind).toBe('exists');
      const [entry] = await store.readDocumentTrail(1, 10);
      expect(entry).toMatchObject({
        seq: 1,
        documentSeq: 1,
        hazardId: 'H-A',
        eventId: 'H-A/2',
        contentDigest: documentContentDigest(content),
        issuedAt: (await store.readDocuments('H-A'))[0]?.hashedAt,
        logSize: 18,
      });

      // Documents issued after the upgrade are chained; a checkpoint signs the trail.
      await seedAuditTrail(store, { hazardIds: ['H-G'], start: '2026-12-01T00:00:00.000Z', denials: 0, documents: 'D1' });
      const signed = await signStoreCheckpoint(store, createEd25519Signer(generateEd25519KeyPair().privateKeyPem), { now: '2026-12-02T00:00:00.000Z' });
      expect(signed.kind === 'signed' && signed.checkpoint.text).toContain('anjian-documents 2 ');
      await seedAuditTrail(store, { hazardIds: ['H-H'], start: '2026-12-03T00:00:00.000Z', denials: 0, documents: 'D1' });
      const after = await verifyAudit(store);
      expect(after.ok).toBe(true);
      expect(after.checked).toMatchObject({ documents: 8, documentTrail: 3 });
      expect(after.documents.map((f) => f.document.seq)).toEqual([2, 3, 4, 5, 6]);
    } finally {
      store.close();
    }

    // The newest entry deleted: H-H's document (event seq 22, after the trail began) is unchained — exit 1.
    const db = new Database(path);
    db.exec('DELETE FROM document_trail WHERE seq = 3');
    db.close();
    const reopened = createSqliteStore({ path });
    try {
      const result = await verifyAudit(reopened);
      expect(result.ok).toBe(false);
      expect(result.problems).toContainEqual(
        expect.objectContaining({ kind: 'documents', code: 'DOCUMENT_UNCHAINED', position: { hazardId: 'H-H', document: { jurisdiction: 'D1', kind: 'rectification_order', year: 2026, seq: 8 } } }),
      );
      expect(result.documents.filter((f) => f.severity === 'notice')).toHaveLength(5);
    } finally {
      reopened.close();
    }
    const io = memoryIo({ env: { LANG: 'en_US.UTF-8' } });
    expect(await main(['audit', 'verify', '--sqlite', path, '--lang', 'zh-CN'], io)).toBe(1);
    expect(io.out()).toContain('✗ DOCUMENT_UNCHAINED  rectification_order D1 2026 #8, H-H');
    expect(io.out()).toContain('出具于文书入链之后（事件 seq 22）');
  });
});
