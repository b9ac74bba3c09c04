// Store.stats by the query's definition, on the cases the SQLite store's stats-query test asks
// (an officer's scopes — a district and a domain —, the whole city, a domain, created ranges, by
// month and by day): both stores answer the same, computed here from the rows
// (scripts/test-utils/stats-query-cases.ts). PostgreSQL counts in one statement (GROUPING SETS).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATS_QUERIES, STATS_ROWS, expectedStats } from '../../../scripts/test-utils/stats-query-cases.js';
import { createPostgresStore, type PostgresStore } from '../src/index.js';
import { freshSchema } from './pg-env.js';

let env: Awaited<ReturnType<typeof freshSchema>>;
let store: PostgresStore;
beforeAll(async () => {
  env = await freshSchema('stats_query');
  store = createPostgresStore({ pool: env.pool, schema: env.schema });
  await store.migrate();
  for (const r of STATS_ROWS)
    await env.pool.query(
      `INSERT INTO "${env.schema}".hazards (hazard_id, version, status, level, provisional, domain, area, enterprise_id, deadline, created_at, updated_at)
       VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [r.hazard_id, r.status, r.level, r.provisional === 1, r.domain, r.area, r.enterprise_id, r.deadline, r.created_at, r.updated_at],
    );
  await env.pool.query(`ANALYZE "${env.schema}".hazards`);
});
afterAll(async () => {
  await env?.drop();
});

describe('stats by the query’s definition', () => {
  it.each(STATS_QUERIES.map((q) => [JSON.stringify(q), q] as const))('%s', async (_, query) => {
    expect(await store.stats(query)).toEqual(expectedStats(query));
  });
});
