import { runPermitStoreConformance } from '@anjian/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresPermitStore, type PostgresPermitStore } from '../src/index.js';
import { freshSchema } from './pg-env.js';

// The real server at 127.0.0.1:5432; each test gets a schema of its own (the suite needs an empty store).
let env: Awaited<ReturnType<typeof freshSchema>>;
let n = 0;
beforeAll(async () => {
  env = await freshSchema('anjian_permit');
});
afterAll(async () => {
  await env?.drop();
});

runPermitStoreConformance({
  name: 'postgres',
  createStore: async () => {
    const store = createPostgresPermitStore({ pool: env.pool, schema: `${env.schema}_${++n}` });
    await store.migrate();
    return store;
  },
  destroyStore: async (store) => {
    await env.pool.query(`DROP SCHEMA "${(store as PostgresPermitStore).schema}" CASCADE`);
  },
  describe,
  it,
  expect,
});
