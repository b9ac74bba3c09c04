// Migration 10 on a schema at version 9 (the previous release) with a document issued
// before: the register stays, the document has no content until it is issued again with the
// same hash, and then never another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStore, PG_MIGRATIONS } from '../src/index.js';
import { freshSchema } from './pg-env.js';

let env: Awaited<ReturnType<typeof freshSchema>>;
beforeAll(async () => {
  env = await freshSchema('anjian_contents');
});
afterAll(async () => {
  await env?.drop();
});

const HASH = 'a'.repeat(64);
const key = { jurisdiction: 'D1', kind: 'rectification_order', year: 2026, seq: 1 };

describe('migration 10: the content of each issued document', () => {
  it('a version-9 schema keeps its register; a document issued before has no content until it is issued again with the same hash, and never another', async () => {
    const s = `"${env.schema}"`;
    // The schema as the previous release's migrate() left it, with one issued document (hash and code, no content).
    await env.pool.query(`CREATE SCHEMA ${s}`);
    await env.pool.query(`CREATE TABLE ${s}.schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    for (const [i, sql] of PG_MIGRATIONS.slice(0, 9).entries()) {
      await env.pool.query(sql.replaceAll('{schema}', s));
      await env.pool.query(`INSERT INTO ${s}.schema_migrations (version) VALUES ($1)`, [i + 1]);
    }
    await env.pool.query(
      `INSERT INTO ${s}.documents (jurisdiction, kind, year, seq, hazard_id, event_id, issued_at, content_hash, verification_code, hashed_at)
       VALUES ('D1', 'rectification_order', 2026, 1, 'H-1', 'H-1/2', '2026-11-28T02:00:00.000Z', $1, 'AAAAA-AAAAA', '2026-11-28T03:00:00.000Z')`,
      [HASH],
    );
    const store = createPostgresStore({ pool: env.pool, schema: env.schema });
    await store.migrate();
    const versions = await env.pool.query(`SELECT max(version) AS v FROM ${s}.schema_migrations`);
    expect(Number((versions.rows[0] as { v: number }).v)).toBe(PG_MIGRATIONS.length);

    const [record] = await store.readDocuments('H-1');
    expect([record?.contentHash, record?.verificationCode, record?.hashedAt]).toEqual([HASH, 'AAAAA-AAAAA', '2026-11-28T03:00:00.000Z']);
    expect(await store.readDocumentContent(key)).toBeNull();
    // Other content (another hash): refused as before, nothing stored.
    expect((await store.recordDocumentHash({ ...key, contentHash: 'b'.repeat(64), verificationCode: 'BBBBB-BBBBB', content: '{"other":1}', at: '2026-12-06T00:00:00.000Z' })).kind).toBe('exists');
    expect(await store.readDocumentContent(key)).toBeNull();
    // The same hash (the document composes as it was issued): its content is stored, the record unchanged.
    const again = await store.recordDocumentHash({ ...key, contentHash: HASH, verificationCode: 'AAAAA-AAAAA', content: '{"issued":1}', at: '2026-12-06T00:00:00.000Z' });
    expect(again.kind === 'exists' ? again.record.hashedAt : again.kind).toBe('2026-11-28T03:00:00.000Z');
    expect(await store.readDocumentContent(key)).toBe('{"issued":1}');
    // Two at once with the same hash: one content is stored, neither fails, and it stays.
    const both = await Promise.all(
      ['{"x":1}', '{"y":1}'].map((content) => store.recordDocumentHash({ ...key, contentHash: HASH, verificationCode: 'AAAAA-AAAAA', content, at: '2026-12-07T00:00:00.000Z' })),
    );
    expect(both.map((r) => r.kind)).toEqual(['exists', 'exists']);
    expect(await store.readDocumentContent(key)).toBe('{"issued":1}');
  });
});
