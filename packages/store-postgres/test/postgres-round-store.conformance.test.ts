import { runRoundStoreConformance } from '@anjian/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresRoundStore } from '../src/index.js';
import { freshSchema } from './pg-env.js';

// One schema for the file, a fresh table per test (the suite needs an empty log).
let env: Awaited<ReturnType<typeof freshSchema>>;
beforeAll(async () => {
  env = await freshSchema('anjian_rounds');
});
let n = 0;
runRoundStoreConformance({
  name: 'postgres',
  create: async () => {
    const schema = `${env.schema}_${++n}`;
    const s = createPostgresRoundStore({ pool: env.pool, schema });
    await s.migrate();
    return s;
  },
  describe,
  it,
  expect,
});

afterAll(async () => {
  for (let i = 1; i <= n; i++) await env.pool.query(`DROP SCHEMA IF EXISTS "${env.schema}_${i}" CASCADE`);
  await env?.drop();
});
