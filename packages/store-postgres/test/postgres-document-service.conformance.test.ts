import { runDocumentServiceConformance } from '@anjian/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDocumentServiceLog, type PostgresDocumentServiceLog } from '../src/index.js';
import { freshSchema } from './pg-env.js';

// One schema for the file; each test gets a table of its own schema (the suite needs an empty log).
let env: Awaited<ReturnType<typeof freshSchema>>;
let n = 0;
beforeAll(async () => {
  env = await freshSchema('anjian_docsvc');
});
afterAll(async () => {
  await env?.drop();
});

runDocumentServiceConformance({
  name: 'postgres',
  createLog: async () => {
    const log = createPostgresDocumentServiceLog({ pool: env.pool, schema: `${env.schema}_${++n}` });
    await log.migrate();
    return log;
  },
  destroyLog: async (log) => {
    await env.pool.query(`DROP SCHEMA "${(log as PostgresDocumentServiceLog).schema}" CASCADE`);
  },
  describe,
  it,
  expect,
});
