// Tamper tests of issue #11 item 7 on a real SQLite file: each tamper edits the file with
// a second connection (as a DBA would), then `verifyAudit` and `anjian audit verify` must
// name it at its position.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { verifyAudit } from '@anjian/core/audit';
import { createEd25519Signer, createEd25519Verifier, generateEd25519KeyPair } from '@anjian/core/node';
import { main, memoryIo } from '@anjian/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleHarness } from '../../../scripts/test-utils/bundle-harness.js';
import { seedSignedTrail, TAMPERS, VERSION_TAMPERS, type RawSql } from '../../../scripts/test-utils/audit-tampers.js';
import { createSqliteStore } from '../src/index.js';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'anjian-audit-'));
const keys = generateEd25519KeyPair();
const signer = createEd25519Signer(keys.privateKeyPem);
const verifier = createEd25519Verifier(keys.publicKeyPem);
const publicKeyFile = join(dir, 'checkpoint.pub');
const privateKeyFile = join(dir, 'checkpoint.key');
let cli = '';
let n = 0;

beforeAll(async () => {
  writeFileSync(publicKeyFile, keys.publicKeyPem);
  writeFileSync(privateKeyFile, keys.privateKeyPem);
  cli = await bundleHarness(join(PACKAGE, '../../scripts/test-utils/anjian-cli.ts'), { external: ['better-sqlite3', 'pg', 'pg-native'], outDir: join(PACKAGE, '.tmp') });
}, 60_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  // Only once bundled: join('', '..') would be the folder above the working directory.
  if (cli) rmSync(dirname(cli), { recursive: true, force: true });
});

/** A database file with the signed trail, closed. */
async function signedFile(): Promise<string> {
  const path = join(dir, `trail-${++n}.db`);
  const store = createSqliteStore({ path });
  await seedSignedTrail(store, signer);
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

async function cliVerify(path: string) {
  const io = memoryIo({ env: { LANG: 'en_US.UTF-8' } });
  const code = await main(['audit', 'verify', '--sqlite', path, '--public-key', publicKeyFile, '--format', 'json'], io);
  return { code, doc: JSON.parse(io.out()) as Awaited<ReturnType<typeof verifyAudit>>, err: io.err() };
}

describe('audit of a real SQLite file', () => {
  it('the untouched trail verifies (library and CLI, exit 0)', async () => {
    const path = await signedFile();
    expect(await audit(path)).toMatchObject({ ok: true, problems: [], checked: { events: 24, hazards: 8, checkpoints: 2, denials: 4, signatures: true } });
    const { code, doc } = await cliVerify(path);
    expect(code).toBe(0);
    expect(doc.ok).toBe(true);
  });

  for (const tamper of TAMPERS) {
    it(`${tamper.name}: detected with its position`, async () => {
      const path = await signedFile();
      const db = new Database(path);
      await tamper.apply(rawSql(db));
      db.close();
      const result = await audit(path);
      expect(result.ok).toBe(false);
      expect(result.problems).toContainEqual(expect.objectContaining(tamper.expected));
      const { code, doc } = await cliVerify(path);
      expect(code).toBe(1);
      expect(doc.problems).toContainEqual(expect.objectContaining(tamper.expected));
    });
  }

  for (const tamper of VERSION_TAMPERS) {
    it(`${tamper.name}: the next append on that hazard is refused (TRAIL_MISMATCH) and writes nothing`, async () => {
      const path = await signedFile();
      const db = new Database(path);
      await tamper.apply(rawSql(db));
      db.close();
      const store = createSqliteStore({ path });
      try {
        const before = await store.readLog(1, 1000);
        await expect(store.append(tamper.append)).rejects.toMatchObject({ code: 'TRAIL_MISMATCH' });
        expect(await store.readLog(1, 1000)).toEqual(before);
        expect(await store.findCommand(tamper.append.commandId)).toBeNull();
        expect((await store.readOutbox(1, 1000)).some((m) => m.id === tamper.append.outbox[0]?.id && m.createdAt === tamper.append.outbox[0]?.createdAt)).toBe(false);
      } finally {
        store.close();
      }
    });
  }

  it('anjian audit verify as a child process: exit 1 and the first bad position, in both languages', async () => {
    const path = await signedFile();
    const db = new Database(path);
    await TAMPERS.find((t) => t.name === 'edit the projection (major → simple)')!.apply(rawSql(db));
    db.close();
    const run = (lang: string) =>
      spawnSync(process.execPath, [cli, 'audit', 'verify', '--sqlite', path, '--public-key', publicKeyFile, '--lang', lang], {
        encoding: 'utf8',
        cwd: PACKAGE,
        env: { ...process.env, NO_COLOR: '1' },
      });
    const en = run('en');
    expect(en.status).toBe(1);
    expect(en.stdout).toContain('projection ROW_DIFFERS  seq 1, H-A v2');
    expect(en.stdout).toContain('level: "simple" ≠ "major"');
    // The sample in docs/cli.md is this output (for the file name the docs use).
    const doc = readFileSync(join(PACKAGE, '../../docs/cli.md'), 'utf8');
    const sample = /^```text\n(projection ROW_DIFFERS[\s\S]*?)^```$/m.exec(doc)?.[1];
    expect(en.stdout).toBe(sample?.replace('sqlite:.data/anjian.db', `sqlite:${path}`));
    const zh = run('zh-CN');
    expect(zh.status).toBe(1);
    expect(zh.stdout).toContain('列表行与日志重建结果不同');
  }, 30_000);

  it('anjian audit checkpoint signs (child process); usage errors exit 2', async () => {
    const path = await signedFile();
    const sign = spawnSync(process.execPath, [cli, 'audit', 'checkpoint', '--sqlite', path, '--key', privateKeyFile], { encoding: 'utf8', cwd: PACKAGE });
    expect(sign.status).toBe(0);
    expect(sign.stdout.split('\n').slice(0, 2)).toEqual(['anjian/audit-log', '24']);
    const usage = (argv: string[]) => main(argv, memoryIo({ env: { LANG: 'en_US.UTF-8' } }));
    expect(await usage(['audit', 'verify'])).toBe(2);
    expect(await usage(['audit', 'verify', '--sqlite', join(dir, 'missing.db')])).toBe(2);
    expect(await usage(['audit', 'frobnicate', '--sqlite', path])).toBe(2);
    expect(await usage(['audit', 'checkpoint', '--sqlite', path])).toBe(2);
    expect(await usage(['audit', 'verify', '--sqlite', path, '--public-key', privateKeyFile + '.nope'])).toBe(2);
    // A witness copy catches a cut tail even when the stored checkpoints were deleted too.
    const db = new Database(path);
    db.exec('DELETE FROM events WHERE seq > 20; DELETE FROM checkpoints;');
    db.close();
    writeFileSync(join(dir, 'witness.note'), sign.stdout);
    const io = memoryIo({ env: { LANG: 'en_US.UTF-8' } });
    expect(await main(['audit', 'verify', '--sqlite', path, '--public-key', publicKeyFile, '--checkpoint', join(dir, 'witness.note')], io)).toBe(1);
    expect(io.out()).toContain('checkpoint TRUNCATED  seq 21–24');
  }, 30_000);
});
