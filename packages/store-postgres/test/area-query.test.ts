import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HazardFilter } from '@anjian/core/ports';
import { AREA_CASE_ROWS, AREA_CASES, LEVEL_CASES, expectedAreaIds } from '../../../scripts/test-utils/area-query-cases.js';
import { createPostgresStore, type PostgresStore } from '../src/index.js';
import { isAreaQuery, isLevelQuery } from '../src/hazard-query.js';
import { freshSchema } from './pg-env.js';

// Area queries (an area, optionally statuses, levels and a deadline bound) are read per
// stored sub-area (and status) in page order. The expected pages are computed from the rows
// by the filter's definition: the area and its sub-areas, ordered by (updated_at, hazard_id),
// paged without repeats or gaps.
let env: Awaited<ReturnType<typeof freshSchema>>;
let store: PostgresStore;
beforeAll(async () => {
  env = await freshSchema('area_query');
  store = createPostgresStore({ pool: env.pool, schema: env.schema });
  await store.migrate();
  const rows = AREA_CASE_ROWS;
  await env.pool.query(
    `INSERT INTO "${env.schema}".hazards (hazard_id, version, status, level, provisional, domain, area, enterprise_id, deadline, created_at, updated_at)
     SELECT h, 1, s, l, false, 'gas', a, 'E1', d, '2026-01-01T00:00:00.000Z', u FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(h, s, l, a, d, u)`,
    [rows.map((r) => r.hazard_id), rows.map((r) => r.status), rows.map((r) => r.level), rows.map((r) => r.area), rows.map((r) => r.deadline), rows.map((r) => r.updated_at)],
  );
});
afterAll(async () => {
  await store.close();
  await env.drop();
});

const pages = async (filter: HazardFilter, limit: number) => {
  const seen: string[] = [];
  let after: string | null = null;
  let n = 0;
  do {
    const page = await store.query(filter, { limit, after });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items.map((i) => i.hazardId));
    after = page.next;
  } while (after !== null && ++n < 500);
  return seen;
};

describe('area queries: ordered reads per sub-area and status', () => {
  it.each(AREA_CASES.map((filter) => [JSON.stringify(filter), filter] as const))('%s: every page in order, none repeated or missed', async (_, filter) => {
    expect(isAreaQuery(filter)).toBe(true);
    const want = expectedAreaIds(filter);
    for (const limit of [4, 50]) expect(await pages(filter, limit)).toEqual(want);
  });

  it.each(LEVEL_CASES.map((filter) => [JSON.stringify(filter), filter] as const))('%s (per level): every page in order, none repeated or missed', async (_, filter) => {
    expect(isLevelQuery(filter)).toBe(true);
    const want = expectedAreaIds(filter);
    for (const limit of [4, 50]) expect(await pages(filter, limit)).toEqual(want);
  });

  it('leaves filters with other conditions, and an empty list, to the flat query', async () => {
    expect(isAreaQuery({ area: 'D1', domain: 'gas' })).toBe(false);
    expect(isAreaQuery({ area: 'D1', status: [] })).toBe(false);
    expect(isAreaQuery({ area: 'D1', level: [] })).toBe(false);
    expect((await store.query({ area: 'D1', status: [] }, { limit: 10 })).items).toEqual([]);
    expect((await store.query({ area: 'D1', enterpriseId: 'E1' }, { limit: 500 })).items.map((i) => i.hazardId).sort()).toEqual(expectedAreaIds({ area: 'D1' }).sort());
  });
});
