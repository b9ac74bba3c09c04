import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresStore, type PostgresStore } from '@anjian/store-postgres';
import { DOCUMENT_KINDS, issuedContentText, verifyDocument } from '@anjian/documents';
import { checkEveryKind } from './every-kind.js';
import { checkIssuedStands } from '../../documents/test/issued-stands.js';
import { renderDocumentPdf } from '../src/index.js';
import { font, hasPoppler } from './tools.js';

// The real server at 127.0.0.1:5432 (database test): unreachable fails, it is not skipped.
const PG_URL = process.env.ANJIAN_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `anjian_docs_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const dir = mkdtempSync(join(tmpdir(), 'anjian-docs-pg-'));
let store: PostgresStore;
beforeAll(async () => {
  store = createPostgresStore({ connectionString: PG_URL, schema });
  await store.migrate();
});
// pg is a dependency of the store package: raw SQL (a deleted content row, the test schema dropped) through it.
const pg = createRequire(new URL('../../store-postgres/package.json', import.meta.url))('pg') as {
  Pool: new (options: { connectionString: string }) => { query(sql: string, values?: unknown[]): Promise<unknown>; end(): Promise<void> };
};
afterAll(async () => {
  await store?.close();
  const pool = new pg.Pool({ connectionString: PG_URL });
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(font === null || !hasPoppler)('every kind from a chain run on PostgreSQL (issue 15)', () => {
  it('issued, numbered in the event transaction, rendered as PDF: pdftotext finds every required field, the 文号, code and hash; the register verifies', async () => {
    const result = await checkEveryKind(store, dir);
    for (const kind of DOCUMENT_KINDS) expect(result.get(kind)!.missing, `${kind} (${result.get(kind)!.number ?? 'no number'})`).toEqual([]);
    const sealed = result.get('stop_work_order')!.sealed;
    const { hash, code } = sealed.verification;
    const recorded = await store.recordDocumentHash({ ...sealed.registered!, contentHash: hash, verificationCode: code, content: issuedContentText(sealed), at: '2026-11-20T03:00:00.000Z' });
    expect(recorded.kind).toBe('recorded');
    expect(verifyDocument(await store.findDocumentByCode(code), { hash }).status).toBe('unchanged');
    expect(verifyDocument(await store.findDocumentByCode(code), { hash: hash.replace(/.$/, hash.endsWith('0') ? '1' : '0') }).status).toBe('altered');
  }, 120_000);
});

describe('issued documents on PostgreSQL stand byte for byte', () => {
  it('the directory and every template change after the issue: each issued document reads the same content, hash, HTML and PDF bytes; one issued before the register kept contents is re-composed only while its hash matches', async () => {
    const issuedSchema = `${schema}_issued`;
    const issued = createPostgresStore({ connectionString: PG_URL, schema: issuedSchema });
    const pool = new pg.Pool({ connectionString: PG_URL });
    try {
      await issued.migrate();
      const snapshots = await checkIssuedStands(
        issued,
        async (k) => {
          await pool.query(`DELETE FROM "${issuedSchema}".document_contents WHERE jurisdiction = $1 AND kind = $2 AND year = $3 AND seq = $4`, [k.jurisdiction, k.kind, k.year, k.seq]);
        },
        font ? (doc) => renderDocumentPdf(doc, { font: font! }) : undefined,
      );
      expect(snapshots.length).toBe(DOCUMENT_KINDS.length);
    } finally {
      await issued.close();
      await pool.query(`DROP SCHEMA IF EXISTS "${issuedSchema}" CASCADE`);
      await pool.end();
    }
  }, 120_000);
});
