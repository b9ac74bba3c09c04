// Decision 009 on a real SQLite file: each tamper of the document register or trail edits the
// file with a second connection (as a DBA would), then `verifyAudit` and `anjian audit verify`
// must report it, located (document, hazard), with exit code 1.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { verifyAudit, verifyHazardDocuments } from '@anjian/core/audit';
import { createEd25519Signer, createEd25519Verifier, generateEd25519KeyPair } from '@anjian/core/node';
import { main, memoryIo } from '@anjian/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleHarness } from '../../../scripts/test-utils/bundle-harness.js';
import type { RawSql } from '../../../scripts/test-utils/audit-tampers.js';
import { DOCUMENT_TAMPERS, hazardFindings, SEEDED_HAZARDS, SEEDED_VOID, seedSignedDocuments, seedSignedVoid, VOID_TAMPERS, type DocumentTamper } from '../../../scripts/test-utils/document-tampers.js';
import { createSqliteStore } from '../src/index.js';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'anjian-doc-audit-'));
const keys = generateEd25519KeyPair();
const signer = createEd25519Signer(keys.privateKeyPem);
const verifier = createEd25519Verifier(keys.publicKeyPem);
const publicKeyFile = join(dir, 'checkpoint.pub');
let cli = '';
let n = 0;

beforeAll(async () => {
  writeFileSync(publicKeyFile, keys.publicKeyPem);
  cli = await bundleHarness(join(PACKAGE, '../../scripts/test-utils/anjian-cli.ts'), { external: ['better-sqlite3', 'pg', 'pg-native'], outDir: join(PACKAGE, '.tmp') });
}, 60_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  // Only once bundled: join('', '..') would be the folder above the working directory.
  if (cli) rmSync(dirname(cli), { recursive: true, force: true });
});

async function seededFile(seed = seedSignedDocuments): Promise<string> {
  const path = join(dir, `documents-${++n}.db`);
  const store = createSqliteStore({ path });
  await seed(store, signer);
  store.close();
  return path;
}

function rawSql(db: Database.Database): RawSql {
  return {
    all: async (sql, params = []) => db.prepare(sql.replaceAll('{t}', '')).all(...params) as Record<string, unknown>[],
    run: async (sql, params = []) => void db.prepare(sql.replaceAll('{t}', '')).run(...params),
  };
}

async function audit(path: string) {
  const store = createSqliteStore({ path });
  try {
    return await verifyAudit(store, { verifier });
  } finally {
    store.close();
  }
}

/** `verifyHazardDocuments` (GET /hazards/{id}/audit) of each hazard the tamper names must hold its findings there. */
async function expectPerHazard(path: string, tamper: DocumentTamper) {
  const store = createSqliteStore({ path });
  try {
    for (const [hazardId, wanted] of hazardFindings(tamper)) {
      const found = await verifyHazardDocuments(store, hazardId, { verifier });
      for (const f of wanted) expect(found).toContainEqual(expect.objectContaining({ ...f, document: expect.objectContaining(f.document) }));
    }
  } finally {
    store.close();
  }
}

async function cliVerify(path: string) {
  const io = memoryIo({ env: { LANG: 'en_US.UTF-8' } });
  const code = await main(['audit', 'verify', '--sqlite', path, '--public-key', publicKeyFile, '--format', 'json'], io);
  return { code, doc: JSON.parse(io.out()) as Awaited<ReturnType<typeof verifyAudit>> };
}

describe('issued documents in the audit of a real SQLite file', () => {
  it('the untouched register and trail verify (library and CLI, exit 0): 9 documents, 9 trail entries', async () => {
    const path = await seededFile();
    const result = await audit(path);
    expect(result).toMatchObject({ ok: true, problems: [], documents: [], checked: { events: 26, documents: 9, documentTrail: 9, checkpoints: 2 } });
    const { code, doc } = await cliVerify(path);
    expect(code).toBe(0);
    expect(doc.checked.documents).toBe(9);
    const store = createSqliteStore({ path });
    try {
      for (const hazardId of SEEDED_HAZARDS) expect(await verifyHazardDocuments(store, hazardId, { verifier })).toEqual([]);
    } finally {
      store.close();
    }
  });

  for (const tamper of DOCUMENT_TAMPERS) {
    it(`${tamper.name}: detected, located (also by the hazard's own check), exit 1`, async () => {
      const path = await seededFile();
      const db = new Database(path);
      await tamper.apply(rawSql(db));
      db.close();
      const result = await audit(path);
      expect(result.ok).toBe(false);
      for (const expected of tamper.expected) expect(result.problems).toContainEqual(expect.objectContaining(expected));
      for (const finding of tamper.findings) expect(result.documents).toContainEqual(expect.objectContaining({ ...finding, document: expect.objectContaining(finding.document) }));
      for (const p of result.problems) expect(p.message['zh-CN']).not.toBe(p.message.en);
      await expectPerHazard(path, tamper);
      const { code, doc } = await cliVerify(path);
      expect(code).toBe(1);
      for (const expected of tamper.expected) expect(doc.problems).toContainEqual(expect.objectContaining(expected));
    });
  }

  it('a void through the store is chained and verifies (exit 0): 10 trail entries', async () => {
    const path = await seededFile(seedSignedVoid);
    const result = await audit(path);
    expect(result).toMatchObject({ ok: true, problems: [], documents: [], checked: { documents: 9, documentTrail: 10 } });
    expect((await cliVerify(path)).code).toBe(0);
  });

  for (const tamper of VOID_TAMPERS) {
    it(`void: ${tamper.name}: detected, located (also by the hazard's own check), bilingual, exit 1`, async () => {
      const path = await seededFile(seedSignedVoid);
      const db = new Database(path);
      await tamper.apply(rawSql(db));
      db.close();
      const result = await audit(path);
      expect(result.ok).toBe(false);
      for (const expected of tamper.expected) expect(result.problems).toContainEqual(expect.objectContaining(expected));
      for (const finding of tamper.findings) expect(result.documents).toContainEqual(expect.objectContaining({ ...finding, document: expect.objectContaining(finding.document) }));
      for (const f of result.documents) expect(f.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      for (const f of result.documents) expect(f.message.en).toMatch(/^document /);
      await expectPerHazard(path, tamper);
      const { code, doc } = await cliVerify(path);
      expect(code).toBe(1);
      for (const expected of tamper.expected) expect(doc.problems).toContainEqual(expect.objectContaining(expected));
    });
  }

  it('an un-voided document: the CLI names it, its hazard and its void entry in both languages (child process)', async () => {
    const path = await seededFile(seedSignedVoid);
    const db = new Database(path);
    await VOID_TAMPERS[0]!.apply(rawSql(db));
    db.close();
    const run = (lang: string) =>
      spawnSync(process.execPath, [cli, 'audit', 'verify', '--sqlite', path, '--public-key', publicKeyFile, '--lang', lang], {
        encoding: 'utf8',
        cwd: PACKAGE,
        env: { ...process.env, NO_COLOR: '1' },
      });
    const en = run('en');
    expect(en.status).toBe(1);
    expect(en.stdout).toContain('VOID_UNDONE  rectification_order D1 2026 #3, H-C, trail entry 10');
    expect(en.stdout).toContain(`document rectification_order D1 2026 #3 (hazard H-C, event H-C/2) was voided at ${SEEDED_VOID.at} and chained (trail entry 10), yet the register shows it in force`);
    const zh = run('zh-CN');
    expect(zh.status).toBe(1);
    expect(zh.stdout).toContain(`文书 rectification_order D1 2026 #3（隐患 H-C，事件 H-C/2）已于 ${SEEDED_VOID.at} 作废并记入文书链（第 10 条），登记簿却显示未作废`);
  }, 30_000);

  it('anjian audit verify as a child process names the rewritten document and its hazard, in both languages', async () => {
    const path = await seededFile();
    const db = new Database(path);
    await DOCUMENT_TAMPERS[0]!.apply(rawSql(db));
    db.close();
    const run = (lang: string) =>
      spawnSync(process.execPath, [cli, 'audit', 'verify', '--sqlite', path, '--public-key', publicKeyFile, '--lang', lang], {
        encoding: 'utf8',
        cwd: PACKAGE,
        env: { ...process.env, NO_COLOR: '1' },
      });
    const en = run('en');
    expect(en.status).toBe(1);
    expect(en.stdout).toContain('documents DOCUMENT_REWRITTEN  rectification_order D1 2026 #2, H-B, trail entry 2');
    expect(en.stdout).toContain('document rectification_order D1 2026 #2 (hazard H-B, event H-B/2) differs from trail entry 2 (the register was rewritten): contentHash');
    const zh = run('zh-CN');
    expect(zh.status).toBe(1);
    expect(zh.stdout).toContain('文书 rectification_order D1 2026 #2（隐患 H-B，事件 H-B/2）的登记与文书链第 2 条不同（登记簿被改写）');
  }, 30_000);
});
