import { runDocumentRegisterConformance, runStoreConformance } from '@anjian/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStore, type PostgresStore } from '../src/index.js';
import { freshSchema } from './pg-env.js';

// One schema for the file, migrated once; the suite's ids are unique per test. The real
// server at 127.0.0.1:5432 must be up: an unreachable server fails here, it is not skipped.
let env: Awaited<ReturnType<typeof freshSchema>>;
let empties = 0;
beforeAll(async () => {
  env = await freshSchema('anjian_conf');
  await createPostgresStore({ pool: env.pool, schema: env.schema }).migrate();
});
afterAll(async () => {
  await env?.drop();
});

runStoreConformance({
  name: 'postgres',
  createStore: () => createPostgresStore({ pool: env.pool, schema: env.schema }),
  // The outboxStatus tests count the whole outbox: each gets a schema of its own, dropped after.
  createEmptyStore: async () => {
    const store = createPostgresStore({ pool: env.pool, schema: `${env.schema}_e${++empties}` });
    await store.migrate();
    return store;
  },
  destroyStore: async (store) => {
    const { schema } = store as PostgresStore;
    if (schema !== env.schema) await env.pool.query(`DROP SCHEMA "${schema}" CASCADE`);
  },
  describe,
  it,
  expect,
});

runDocumentRegisterConformance({
  name: 'postgres',
  createStore: () => createPostgresStore({ pool: env.pool, schema: env.schema }),
  describe,
  it,
  expect,
});
