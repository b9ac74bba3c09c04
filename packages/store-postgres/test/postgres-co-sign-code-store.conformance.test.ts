import { runCoSignCodeStoreConformance } from '@anjian/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresCoSignCodeStore, createPostgresStore, type PostgresCoSignCodeStore } from '../src/index.js';
import { freshSchema, PG_URL } from './pg-env.js';

// The real server at 127.0.0.1:5432; each test gets a schema of its own, and the peer is a
// store on a pool of its own (a second server instance).
let env: Awaited<ReturnType<typeof freshSchema>>;
let n = 0;
beforeAll(async () => {
  env = await freshSchema('anjian_cosign');
});
afterAll(async () => {
  await env?.drop();
});

runCoSignCodeStoreConformance({
  name: 'postgres',
  createStore: async () => {
    const store = createPostgresCoSignCodeStore({ pool: env.pool, schema: `${env.schema}_${++n}` });
    await store.migrate();
    return store;
  },
  peer: (store) => createPostgresCoSignCodeStore({ connectionString: PG_URL, schema: (store as PostgresCoSignCodeStore).schema }),
  rows: async (store) => {
    const s = `"${(store as PostgresCoSignCodeStore).schema}"`;
    const codes = await env.pool.query(`SELECT * FROM ${s}.co_sign_codes`);
    const attempts = await env.pool.query(`SELECT * FROM ${s}.co_sign_attempts`);
    return { codes: codes.rows as Record<string, unknown>[], attempts: attempts.rows as Record<string, unknown>[] };
  },
  destroyStore: async (store, peer) => {
    if (peer !== store) await (peer as PostgresCoSignCodeStore).close();
    await env.pool.query(`DROP SCHEMA "${(store as PostgresCoSignCodeStore).schema}" CASCADE`);
  },
  describe,
  it,
  expect,
});

describe('PostgreSQL co-sign codes: the store’s migrations', () => {
  it('the store’s migrate() creates the tables (migration 14), and a code store before migrate() says to run it', async () => {
    const schema = `${env.schema}_m`;
    const before = createPostgresCoSignCodeStore({ pool: env.pool, schema });
    await expect(before.live('hazard:H-1', 'file_case', '2026-12-06T00:00:00.000Z')).rejects.toMatchObject({ code: 'NOT_MIGRATED' });
    const store = createPostgresStore({ pool: env.pool, schema });
    await store.migrate();
    expect(await before.live('hazard:H-1', 'file_case', '2026-12-06T00:00:00.000Z')).toEqual([]);
    await env.pool.query(`DROP SCHEMA "${schema}" CASCADE`);
  });
});
