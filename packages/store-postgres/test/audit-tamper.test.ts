// Tamper tests of issue #11 item 7 on PostgreSQL (a fresh schema per test): each tamper
// edits the tables directly, then `verifyAudit` and `anjian audit verify` must name it at
// its position.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyAudit } from '@anjian/core/audit';
import { createEd25519Signer, createEd25519Verifier, generateEd25519KeyPair } from '@anjian/core/node';
import { main, memoryIo } from '@anjian/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleHarness } from '../../../scripts/test-utils/bundle-harness.js';
import { seedSignedTrail, TAMPERS, VERSION_TAMPERS, type RawSql } from '../../../scripts/test-utils/audit-tampers.js';
import { createPostgresStore } from '../src/index.js';
import { freshSchema, PG_URL } from './pg-env.js';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'anjian-audit-pg-'));
const keys = generateEd25519KeyPair();
const signer = createEd25519Signer(keys.privateKeyPem);
const verifier = createEd25519Verifier(keys.publicKeyPem);
const publicKeyFile = join(dir, 'checkpoint.pub');
let cli = '';

beforeAll(async () => {
  writeFileSync(publicKeyFile, keys.publicKeyPem);
  cli = await bundleHarness(join(PACKAGE, '../../scripts/test-utils/anjian-cli.ts'), { external: ['better-sqlite3', 'pg', 'pg-native'], outDir: join(PACKAGE, '.tmp') });
}, 60_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  // Only once bundled: join('', '..') would be the folder above the working directory.
  if (cli) rmSync(dirname(cli), { recursive: true, force: true });
});

/** A fresh schema holding the signed trail. */
async function signedSchema() {
  const env = await freshSchema('anjian_audit');
  const store = createPostgresStore({ pool: env.pool, schema: env.schema });
  await store.migrate();
  await seedSignedTrail(store, signer);
  const sql: RawSql = {
    all: async (text, params = []) => (await env.pool.query(numbered(text, env.schema), params)).rows as Record<string, unknown>[],
    run: async (text, params = []) => void (await env.pool.query(numbered(text, env.schema), params)),
  };
  return { env, store, sql };
}

function numbered(text: string, schema: string): string {
  let i = 0;
  return text.replaceAll('{t}', `"${schema}".`).replace(/\?/g, () => `$${++i}`);
}

async function cliVerify(schema: string) {
  const io = memoryIo({ env: { LANG: 'en_US.UTF-8' } });
  const code = await main(['audit', 'verify', '--postgres', PG_URL, '--schema', schema, '--public-key', publicKeyFile, '--format', 'json'], io);
  return { code, doc: JSON.parse(io.out()) as Awaited<ReturnType<typeof verifyAudit>> };
}

describe('audit of a PostgreSQL schema', () => {
  it('the untouched trail verifies (library and CLI, exit 0)', async () => {
    const { env, store } = await signedSchema();
    try {
      expect(await verifyAudit(store, { verifier })).toMatchObject({ ok: true, problems: [], checked: { events: 24, hazards: 8, checkpoints: 2, denials: 4 } });
      const { code, doc } = await cliVerify(env.schema);
      expect(code).toBe(0);
      expect(doc.ok).toBe(true);
    } finally {
      await env.drop();
    }
  });

  for (const tamper of TAMPERS) {
    it(`${tamper.name}: detected with its position`, async () => {
      const { env, store, sql } = await signedSchema();
      try {
        await tamper.apply(sql);
        const result = await verifyAudit(store, { verifier });
        expect(result.ok).toBe(false);
        expect(result.problems).toContainEqual(expect.objectContaining(tamper.expected));
        const { code, doc } = await cliVerify(env.schema);
        expect(code).toBe(1);
        expect(doc.problems).toContainEqual(expect.objectContaining(tamper.expected));
      } finally {
        await env.drop();
      }
    });
  }

  for (const tamper of VERSION_TAMPERS) {
    it(`${tamper.name}: the next append on that hazard is refused (TRAIL_MISMATCH) and writes nothing`, async () => {
      const { env, store, sql } = await signedSchema();
      try {
        await tamper.apply(sql);
        const before = await store.readLog(1, 1000);
        await expect(store.append(tamper.append)).rejects.toMatchObject({ code: 'TRAIL_MISMATCH' });
        expect(await store.readLog(1, 1000)).toEqual(before);
        expect(await store.findCommand(tamper.append.commandId)).toBeNull();
        // Other hazards still append in the same group commit.
        const other = await store.append({
          ...tamper.append,
          hazardId: 'H-NEW',
          commandId: `${tamper.append.commandId}-other`,
          expectedVersion: 0,
          events: tamper.append.events.map((e) => ({ ...e, hazardId: 'H-NEW', id: 'H-NEW/1', version: 1 })),
          outbox: [],
          summary: { ...tamper.append.summary, hazardId: 'H-NEW', version: 1 },
        });
        expect(other.kind).toBe('ok');
      } finally {
        await env.drop();
      }
    });
  }

  it('anjian audit verify as a child process: exit 1 and the first bad position', async () => {
    const { env, sql } = await signedSchema();
    try {
      await TAMPERS.find((t) => t.name === 'cut the tail')!.apply(sql);
      const run = spawnSync(process.execPath, [cli, 'audit', 'verify', '--postgres', PG_URL, '--schema', env.schema, '--public-key', publicKeyFile, '--lang', 'en'], {
        encoding: 'utf8',
        cwd: PACKAGE,
        env: { ...process.env, NO_COLOR: '1' },
      });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('checkpoint TRUNCATED  seq 22–24, checkpoint #2');
      expect(run.stdout).not.toContain(PG_URL);
      // A schema that does not exist is a usage error, and is not created.
      const io = memoryIo({ env: { LANG: 'en_US.UTF-8' } });
      expect(await main(['audit', 'verify', '--postgres', PG_URL, '--schema', `${env.schema}_typo`], io)).toBe(2);
      expect(io.err()).toContain('holds no anjian tables');
      expect((await env.pool.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [`${env.schema}_typo`])).rowCount).toBe(0);
    } finally {
      await env.drop();
    }
  }, 30_000);
});
