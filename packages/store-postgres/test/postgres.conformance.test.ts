import { runStoreConformance } from '@anjian/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../src/index.js';
import { freshSchema } from './pg-env.js';

// One schema for the file, migrated once; the suite's ids are unique per test. The real
// server at 127.0.0.1:5432 must be up: an unreachable server fails here, it is not skipped.
let env: Awaited<ReturnType<typeof freshSchema>>;
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
  describe,
  it,
  expect,
});
