// GET /hazards/{id}/audit checks the hazard's documents (issued and voided) with the full
// audit's check (decision 009), on a real SQLite file edited by a second connection: a
// rewritten document and an un-voided one are named at the hazard they belong to, with the
// same findings as GET /audit/verify, and not at other hazards; a rewritten trail entry of the
// hazard is named there too, from the hazard's entries and their links to the signed head.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createStaticDirectory } from '@anjian/core';
import { createEd25519Signer, createEd25519Verifier, generateEd25519KeyPair } from '@anjian/core/node';
import { createFixedClock, TEST_ACTORS, TEST_CALENDAR_2026 } from '@anjian/core/testing';
import { createSqliteStore } from '@anjian/store-sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import type { RawSql } from '../../../scripts/test-utils/audit-tampers.js';
import { DOCUMENT_TAMPERS, seedSignedVoid, VOID_TAMPERS } from '../../../scripts/test-utils/document-tampers.js';
import { createAnjianApi, type AnjianApiOptions } from '../src/index.js';
import type { AuditApiOptions } from '../src/routes/audit-routes.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-hazard-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const keys = generateEd25519KeyPair();
let n = 0;

async function setup() {
  const path = join(dir, `anjian-${++n}.db`);
  const seeding = createSqliteStore({ path });
  await seedSignedVoid(seeding, createEd25519Signer(keys.privateKeyPem));
  seeding.close();
  const db = new Database(path);
  const sql: RawSql = {
    all: async (text, params = []) => db.prepare(text.replaceAll('{t}', '')).all(...params) as Record<string, unknown>[],
    run: async (text, params = []) => void db.prepare(text.replaceAll('{t}', '')).run(...params),
  };
  const store = createSqliteStore({ path });
  const options: AnjianApiOptions & { audit: AuditApiOptions } = {
    store,
    directory: createStaticDirectory(Object.values(TEST_ACTORS)),
    calendar: TEST_CALENDAR_2026,
    clock: createFixedClock('2026-12-06T08:00:00Z'),
    packs: [],
    logger: false,
    authenticate: async (request) => request.headers.get('x-actor'),
    audit: { verifier: createEd25519Verifier(keys.publicKeyPem) },
  };
  const api = createAnjianApi(options);
  const get = async (actor: string, path: string) => {
    const r = await api.fetch(new Request(`http://test.local${path}`, { headers: { 'x-actor': actor } }));
    return { status: r.status, body: (await r.json()) as Record<string, any> };
  };
  return { sql, get, close: () => (db.close(), store.close()) };
}

describe("GET /hazards/{id}/audit checks the hazard's documents", () => {
  it('untouched: no finding, ok', async () => {
    const { get, close } = await setup();
    try {
      const r = await get('grid-g1', '/hazards/H-C/audit');
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ ok: true, documents: [] });
    } finally {
      close();
    }
  });

  for (const tamper of [DOCUMENT_TAMPERS[0]!, VOID_TAMPERS[0]!, VOID_TAMPERS[2]!]) {
    it(`${tamper.name}: the hazard's audit names it as the full audit does; other hazards are not concerned`, async () => {
      const { sql, get, close } = await setup();
      try {
        await tamper.apply(sql);
        const hazardId = tamper.findings[0]!.document.hazardId;
        const full = await get('admin-gas', '/audit/verify');
        const expected = (full.body.documents as Array<{ document: { hazardId: string } }>).filter((f) => f.document.hazardId === hazardId);
        expect(expected.length).toBeGreaterThan(0);
        const r = await get('grid-g1', `/hazards/${hazardId}/audit`);
        expect(r.status).toBe(200);
        expect(r.body.ok).toBe(false);
        expect(r.body.chain).toEqual({ ok: true });
        expect(r.body.documents).toEqual(expected);
        for (const f of tamper.findings) expect(r.body.documents).toContainEqual(expect.objectContaining({ severity: f.severity, code: f.code }));
        expect(r.body.documents[0].message['zh-CN']).toContain(`隐患 ${hazardId}`);
        expect(r.body.documents[0].message.en).toContain(`hazard ${hazardId}`);
        const other = await get('grid-g1', '/hazards/H-G/audit');
        expect(other.body).toMatchObject({ ok: true, documents: [] });
      } finally {
        close();
      }
    });
  }

  it("a document and its trail entry rewritten, the entry re-hashed: the hazard's audit names it (its entry no longer links to the signed head), though it reads only the hazard's entries", async () => {
    const tamper = DOCUMENT_TAMPERS.find((t) => t.name === 'rewrite a document and its trail entry, recomputing the entry hash')!;
    const { sql, get, close } = await setup();
    try {
      await tamper.apply(sql);
      const r = await get('grid-g1', '/hazards/H-B/audit');
      expect(r.status).toBe(200);
      expect(r.body.ok).toBe(false);
      expect(r.body.documents).toEqual([expect.objectContaining({ severity: 'problem', code: 'DOCUMENT_REWRITTEN', trailSeq: 2, document: expect.objectContaining({ hazardId: 'H-B', seq: 2 }) })]);
      expect(r.body.documents[0].message['zh-CN']).toContain('第 3 条没有链接到上一条');
      expect(r.body.documents[0].message.en).toContain('entry 3 does not link to the one before');
      // The full audit reports the break of the trail itself.
      expect((await get('admin-gas', '/audit/verify')).body.problems).toContainEqual(expect.objectContaining({ kind: 'document_trail', code: 'PREV_HASH_MISMATCH' }));
      expect((await get('grid-g1', '/hazards/H-G/audit')).body).toMatchObject({ ok: true, documents: [] });
    } finally {
      close();
    }
  });
});
