// Decision 009 on PostgreSQL (a fresh schema per test): each tamper of the document register
// or trail edits the tables directly, then `verifyAudit` and `anjian audit verify` must report
// it, located (document, hazard), with exit code 1; documents issued before the trail's
// migration are notices (exit 0) until issued again.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentContentDigest, verifyAudit, verifyHazardDocuments } from '@anjian/core/audit';
import { createEd25519Signer, createEd25519Verifier, generateEd25519KeyPair } from '@anjian/core/node';
import { seedAuditTrail } from '@anjian/core/testing';
import { main, memoryIo } from '@anjian/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawSql } from '../../../scripts/test-utils/audit-tampers.js';
import {
  DOCUMENT_TAMPERS,
  hazardFindings,
  insertTrailAsBeforeVoids,
  SEEDED_HAZARDS,
  seededDocument,
  seedSignedDocuments,
  seedSignedVoid,
  VOID_TAMPERS,
} from '../../../scripts/test-utils/document-tampers.js';
import { createPostgresStore, PG_MIGRATIONS } from '../src/index.js';
import { freshSchema, PG_URL } from './pg-env.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-doc-audit-pg-'));
const keys = generateEd25519KeyPair();
const signer = createEd25519Signer(keys.privateKeyPem);
const verifier = createEd25519Verifier(keys.publicKeyPem);
const publicKeyFile = join(dir, 'checkpoint.pub');

beforeAll(() => writeFileSync(publicKeyFile, keys.publicKeyPem));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function numbered(text: string, schema: string): string {
  let i = 0;
  return text.replaceAll('{t}', `"${schema}".`).replace(/\?/g, () => `$${++i}`);
}

async function seededSchema(seed = seedSignedDocuments) {
  const env = await freshSchema('anjian_doc_audit');
  const store = createPostgresStore({ pool: env.pool, schema: env.schema });
  await store.migrate();
  await seed(store, signer);
  const sql: RawSql = {
    all: async (text, params = []) => (await env.pool.query(numbered(text, env.schema), params)).rows as Record<string, unknown>[],
    run: async (text, params = []) => void (await env.pool.query(numbered(text, env.schema), params)),
  };
  return { env, store, sql };
}

async function cliVerify(schema: string, ...extra: string[]) {
  const io = memoryIo({ env: { LANG: 'en_US.UTF-8' } });
  const code = await main(['audit', 'verify', '--postgres', PG_URL, '--schema', schema, ...extra], io);
  return { code, out: io.out() };
}

describe('issued documents in the audit of a PostgreSQL schema', () => {
  it('the untouched register and trail verify (library and CLI, exit 0)', async () => {
    const { env, store } = await seededSchema();
    try {
      expect(await verifyAudit(store, { verifier })).toMatchObject({ ok: true, problems: [], documents: [], checked: { events: 26, documents: 9, documentTrail: 9, checkpoints: 2 } });
      for (const hazardId of SEEDED_HAZARDS) expect(await verifyHazardDocuments(store, hazardId, { verifier })).toEqual([]);
      expect((await cliVerify(env.schema, '--public-key', publicKeyFile)).code).toBe(0);
    } finally {
      await env.drop();
    }
  });

  for (const tamper of DOCUMENT_TAMPERS) {
    it(`${tamper.name}: detected, located (also by the hazard's own check), exit 1`, async () => {
      const { env, store, sql } = await seededSchema();
      try {
        await tamper.apply(sql);
        const result = await verifyAudit(store, { verifier });
        expect(result.ok).toBe(false);
        for (const expected of tamper.expected) expect(result.problems).toContainEqual(expect.objectContaining(expected));
        for (const finding of tamper.findings) expect(result.documents).toContainEqual(expect.objectContaining({ ...finding, document: expect.objectContaining(finding.document) }));
        // The hazard's own check (GET /hazards/{id}/audit) names it too.
        for (const [hazardId, wanted] of hazardFindings(tamper)) {
          const found = await verifyHazardDocuments(store, hazardId, { verifier });
          for (const f of wanted) expect(found).toContainEqual(expect.objectContaining({ ...f, document: expect.objectContaining(f.document) }));
        }
        const { code, out } = await cliVerify(env.schema, '--public-key', publicKeyFile, '--format', 'json');
        expect(code).toBe(1);
        const doc = JSON.parse(out) as typeof result;
        for (const expected of tamper.expected) expect(doc.problems).toContainEqual(expect.objectContaining(expected));
      } finally {
        await env.drop();
      }
    });
  }

  it('a void through the store is chained and verifies (exit 0): 10 trail entries', async () => {
    const { env, store } = await seededSchema(seedSignedVoid);
    try {
      expect(await verifyAudit(store, { verifier })).toMatchObject({ ok: true, problems: [], documents: [], checked: { documents: 9, documentTrail: 10 } });
      expect((await cliVerify(env.schema, '--public-key', publicKeyFile)).code).toBe(0);
    } finally {
      await env.drop();
    }
  });

  for (const tamper of VOID_TAMPERS) {
    it(`void: ${tamper.name}: detected, located (also by the hazard's own check), exit 1`, async () => {
      const { env, store, sql } = await seededSchema(seedSignedVoid);
      try {
        await tamper.apply(sql);
        const result = await verifyAudit(store, { verifier });
        expect(result.ok).toBe(false);
        for (const expected of tamper.expected) expect(result.problems).toContainEqual(expect.objectContaining(expected));
        for (const finding of tamper.findings) expect(result.documents).toContainEqual(expect.objectContaining({ ...finding, document: expect.objectContaining(finding.document) }));
        // The hazard's own check (GET /hazards/{id}/audit) names it too.
        for (const [hazardId, wanted] of hazardFindings(tamper)) {
          const found = await verifyHazardDocuments(store, hazardId, { verifier });
          for (const f of wanted) expect(found).toContainEqual(expect.objectContaining({ ...f, document: expect.objectContaining(f.document) }));
        }
        const { code, out } = await cliVerify(env.schema, '--public-key', publicKeyFile, '--format', 'json');
        expect(code).toBe(1);
        const doc = JSON.parse(out) as typeof result;
        for (const expected of tamper.expected) expect(doc.problems).toContainEqual(expect.objectContaining(expected));
      } finally {
        await env.drop();
      }
    });
  }

  it('documents issued before the trail are notices (exit 0) until issued again; 8 issues of one number at once append one entry', async () => {
    const env = await freshSchema('anjian_doc_before');
    try {
      const s = `"${env.schema}"`;
      const store = createPostgresStore({ pool: env.pool, schema: env.schema });
      await store.migrate();
      await seedAuditTrail(store, { documents: 'D1' });
      // Back to the schema before the trail's migration: its table gone, its version not applied.
      await env.pool.query(`DROP TABLE ${s}.document_trail`);
      // (and the co-sign code tables of migration 14, which then runs again)
      await env.pool.query(`DROP TABLE ${s}.co_sign_codes, ${s}.co_sign_attempts`);
      await env.pool.query(`DELETE FROM ${s}.schema_migrations WHERE version >= $1`, [12]);
      expect(PG_MIGRATIONS[11]).toContain('CREATE TABLE {schema}.document_trail');
      await store.migrate();
      const before = await verifyAudit(store);
      expect(before.ok).toBe(true);
      expect(before.documents.map((f) => [f.severity, f.code, f.document.hazardId])).toEqual(['H-A', 'H-B', 'H-C', 'H-D', 'H-E', 'H-F'].map((h) => ['notice', 'ISSUED_BEFORE_CHAINING', h]));
      const cli = await cliVerify(env.schema, '--lang', 'zh-CN');
      expect(cli.code).toBe(0);
      expect(cli.out).toContain('! ISSUED_BEFORE_CHAINING  rectification_order D1 2026 #1, H-A');
      expect(cli.out).toContain('出具于文书入链之前');
      // Issued again with its hash, by 8 at once (a command and its retries): one entry.
      const content = JSON.stringify({ hazardId: 'H-A', kind: 'rectification_order', number: 1 });
      const again = {
        jurisdiction: 'D1',
        kind: 'rectification_order',
        year: 2026,
        seq: 1,
        contentHash: documentContentDigest(content),
        verificationCode: 'DOC-H-A',
        content,
        at: '2026-12-06T00:00:00.000Z',
      };
      const kinds = await Promise.all(Array.from({ length: 8 }, () => store.recordDocumentHash(again)));
      expect(kinds.map((r) => r.kind)).toEqual(Array(8).fill('exists'));
      expect((await store.readDocumentTrail(1, 10)).map((e) => [e.seq, e.hazardId, e.documentSeq, e.logSize])).toEqual([[1, 'H-A', 1, 18]]);
      const after = await verifyAudit(store);
      expect(after.ok).toBe(true);
      expect(after.documents.map((f) => f.document.hazardId)).toEqual(['H-B', 'H-C', 'H-D', 'H-E', 'H-F']);
    } finally {
      await env.drop();
    }
  });

  it('voids written before migration 13 are notices (exit 0) until voided again; a later void without its entry is a problem', async () => {
    const env = await freshSchema('anjian_void_before');
    try {
      const s = `"${env.schema}"`;
      const store = createPostgresStore({ pool: env.pool, schema: env.schema });
      await store.migrate();
      await seedAuditTrail(store, { documents: 'D1' });
      for (const seq of [2, 4]) await store.voidDocument({ ...seededDocument(seq), reason: '文书内容有误', actorId: 'officer-1', at: '2026-11-01T00:00:00.000Z' });
      // Back to the schema before migration 13, its rows as such a store wrote them.
      const sql: RawSql = {
        all: async (text, params = []) => (await env.pool.query(numbered(text, env.schema), params)).rows as Record<string, unknown>[],
        run: async (text, params = []) => void (await env.pool.query(numbered(text, env.schema), params)),
      };
      const rows = await sql.all('SELECT * FROM {t}document_trail ORDER BY seq');
      await env.pool.query(`DELETE FROM ${s}.document_trail`);
      await env.pool.query(
        `ALTER TABLE ${s}.document_trail DROP CONSTRAINT document_trail_number_type_key, DROP COLUMN entry_type, DROP COLUMN voided_at, DROP COLUMN void_reason, DROP COLUMN voided_by, DROP COLUMN chained_at,
           ADD CONSTRAINT document_trail_jurisdiction_kind_year_document_seq_key UNIQUE (jurisdiction, kind, year, document_seq)`,
      );
      await insertTrailAsBeforeVoids(sql, rows);
      // (and the co-sign code tables of migration 14, which then runs again)
      await env.pool.query(`DROP TABLE ${s}.co_sign_codes, ${s}.co_sign_attempts`);
      await env.pool.query(`DELETE FROM ${s}.schema_migrations WHERE version >= 13`);
      expect(PG_MIGRATIONS[12]).toContain('-- 13: voids join the document trail');
      await store.migrate();
      const before = await verifyAudit(store);
      expect(before).toMatchObject({ ok: true, problems: [] });
      expect(before.documents.map((f) => [f.severity, f.code, f.document.hazardId])).toEqual([
        ['notice', 'VOIDED_BEFORE_CHAINING', 'H-B'],
        ['notice', 'VOIDED_BEFORE_CHAINING', 'H-D'],
      ]);
      expect((await cliVerify(env.schema, '--lang', 'zh-CN')).out).toContain('作废于作废入链之前');
      // Voided again by 8 at once: one void entry, the register's void as it was.
      const kinds = await Promise.all(Array.from({ length: 8 }, (_, i) => store.voidDocument({ ...seededDocument(2), reason: `again ${i}`, actorId: 'officer-9', at: '2026-12-06T00:00:00.000Z' })));
      expect(kinds.map((r) => r.kind)).toEqual(Array(8).fill('already-voided'));
      const voids = (await store.readDocumentTrail(1, 100)).filter((e) => e.type === 'voided');
      expect(voids.map((e) => [e.seq, e.documentSeq, e.type === 'voided' && e.reason])).toEqual([[7, 2, '文书内容有误']]);
      expect((await verifyAudit(store)).documents.map((f) => [f.code, f.document.seq])).toEqual([['VOIDED_BEFORE_CHAINING', 4]]);
      await sql.run("UPDATE {t}documents SET voided_at = '2026-12-07T00:00:00.000Z', void_reason = '作废', voided_by = 'officer-1' WHERE seq = 5");
      const after = await verifyAudit(store);
      expect(after.ok).toBe(false);
      expect(after.documents.map((f) => [f.severity, f.code, f.document.seq])).toEqual([
        ['notice', 'VOIDED_BEFORE_CHAINING', 4],
        ['problem', 'VOID_UNCHAINED', 5],
      ]);
      expect((await cliVerify(env.schema)).code).toBe(1);
    } finally {
      await env.drop();
    }
  });
});
