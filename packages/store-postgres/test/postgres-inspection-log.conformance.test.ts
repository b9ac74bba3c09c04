import { runInspectionLogConformance } from '@anjian/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresInspectionLog, type PostgresInspectionLog } from '../src/index.js';
import { freshSchema } from './pg-env.js';

// One schema for the file; each test gets a table of its own schema (the suite needs an empty log).
let env: Awaited<ReturnType<typeof freshSchema>>;
let n = 0;
beforeAll(async () => {
  env = await freshSchema('anjian_insp');
});
afterAll(async () => {
  await env?.drop();
});

runInspectionLogConformance({
  name: 'postgres',
  createLog: async () => {
    const log = createPostgresInspectionLog({ pool: env.pool, schema: `${env.schema}_${++n}` });
    await log.migrate();
    return log;
  },
  destroyLog: async (log) => {
    await env.pool.query(`DROP SCHEMA "${(log as PostgresInspectionLog).schema}" CASCADE`);
  },
  describe,
  it,
  expect,
});
