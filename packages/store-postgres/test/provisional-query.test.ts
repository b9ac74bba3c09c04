// Provisional hazards (a level awaiting confirmation) are read through their own partial index
// (migration 17, hazards_provisional): GET /hazards?provisional=true and an officer's work queue
// (one query per district and domain) intersected the domain and status indexes and read the
// area's hazards (76 ms a query at 75 000 hazards). The pages are those of the filter's
// definition, computed from the rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILTERS, ROWS, expected } from '../../../scripts/test-utils/provisional-query-cases.js';
import { createPostgresStore, type PostgresStore } from '../src/index.js';
import { buildHazardQuery } from '../src/hazard-query.js';
import { freshSchema } from './pg-env.js';

let env: Awaited<ReturnType<typeof freshSchema>>;
let store: PostgresStore;
beforeAll(async () => {
  env = await freshSchema('provisional_query');
  store = createPostgresStore({ pool: env.pool, schema: env.schema });
  await store.migrate();
  for (const r of ROWS)
    await env.pool.query(
      `INSERT INTO "${env.schema}".hazards (hazard_id, version, status, level, provisional, domain, area, enterprise_id, deadline, created_at, updated_at)
       VALUES ($1, 1, $2, $3, $4, $5, $6, $7, NULL, '2026-01-01T00:00:00.000Z', $8)`,
      [r.hazard_id, r.status, r.level, r.provisional === 1, r.domain, r.area, r.enterprise_id, r.updated_at],
    );
  await env.pool.query(`ANALYZE "${env.schema}".hazards`);
});
afterAll(async () => {
  await env?.drop();
});

describe('provisional hazards through hazards_provisional', () => {
  it.each(FILTERS.map((f) => [JSON.stringify(f), f] as const))('%s: every page as the filter defines it', async (_, filter) => {
    const want = expected(filter);
    expect(want.length).toBeGreaterThan(0);
    for (const limit of [3, 50]) {
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page = await store.query(filter, { limit, after });
        seen.push(...page.items.map((h) => h.hazardId));
        after = page.next;
      } while (after !== null);
      expect(seen).toEqual(want);
    }
  });

  it('the partial index exists and serves a provisional filter (sequential scans off: the table is small here)', async () => {
    const client = await env.pool.connect();
    try {
      await client.query('SET enable_seqscan = off');
      // An enterprise's provisional hazards may as well come through the enterprise index (as few rows).
      for (const filter of FILTERS.filter((f) => f.provisional === true && f.enterpriseId === undefined)) {
        const { sql, params } = buildHazardQuery(`"${env.schema}".hazards`, filter, null, 50);
        const plan = (await client.query(`EXPLAIN ${sql}`, params)).rows.map((r: Record<string, string>) => r['QUERY PLAN']).join(' | ');
        expect(plan, JSON.stringify(filter)).toContain('hazards_provisional');
      }
    } finally {
      await client.query('RESET enable_seqscan');
      client.release();
    }
  });
});
