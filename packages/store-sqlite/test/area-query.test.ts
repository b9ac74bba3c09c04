import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HazardFilter } from '@anjian/core/ports';
import { AREA_CASE_ROWS, AREA_CASES, LEVEL_CASES, expectedAreaIds } from '../../../scripts/test-utils/area-query-cases.js';
import { createSqliteStore, type SqliteStore } from '../src/index.js';
import { isAreaQuery } from '../src/area-query.js';

// Area queries (an area, optionally statuses, levels and a deadline bound) are answered by
// a merge of ordered reads, one per stored sub-area (and status). The expected pages are
// computed from the rows by the filter's definition, so the merge is checked against it:
// the area and its sub-areas, ordered by (updated_at, hazard_id), paged without repeats or gaps.
let dir: string;
let store: SqliteStore;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'anjian-area-query-'));
  const path = join(dir, 'anjian.db');
  createSqliteStore({ path }).close();
  const db = new Database(path);
  const insert = db.prepare(`INSERT INTO hazards (hazard_id, version, status, level, provisional, domain, area, enterprise_id, deadline, created_at, updated_at)
    VALUES (?, 1, ?, ?, 0, ?, ?, 'E1', ?, '2026-01-01T00:00:00.000Z', ?)`);
  db.transaction(() => AREA_CASE_ROWS.forEach((r) => insert.run(r.hazard_id, r.status, r.level, domainOf(r.hazard_id), r.area, r.deadline, r.updated_at)))();
  db.close();
  store = createSqliteStore({ path });
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One hazard in three is of the fire domain, the others gas. */
const domainOf = (hazardId: string) => (Number(hazardId.slice(1)) % 3 === 0 ? 'fire' : 'gas');
/** The area cases' expected ids, of one domain. */
const expectedIds = (filter: HazardFilter) => expectedAreaIds(filter).filter((id) => filter.domain === undefined || domainOf(id) === filter.domain);

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

describe('area queries: a merge of ordered reads per sub-area', () => {
  it.each(AREA_CASES.map((filter) => [JSON.stringify(filter), filter] as const))('%s: every page in order, none repeated or missed', async (_, filter) => {
    expect(isAreaQuery(filter)).toBe(true);
    const want = expectedAreaIds(filter);
    for (const limit of [4, 50]) expect(await pages(filter, limit)).toEqual(want);
  });

  // An officer's queue asks one domain's hazards of a status in a district: merged too, each
  // range read through hazards_queue with the domain checked on its rows (with a domain and no
  // status the flat query answers; both compared with the definition here).
  const DOMAIN_CASES: HazardFilter[] = [
    { area: 'D1', domain: 'fire', status: 'submitted' },
    { area: 'D1', domain: 'gas', status: ['reported', 'rectifying'] },
    { area: 'D1/G2', domain: 'fire', status: 'closed', level: 'major' },
    { area: 'D1', domain: 'gas', status: ['reported', 'rectifying'], deadlineBefore: '2026-01-20T00:00:00.000Z' },
    { area: 'D9', domain: 'fire', status: 'reported' },
  ];
  it.each(DOMAIN_CASES.map((filter) => [JSON.stringify(filter), filter] as const))('%s: a domain with statuses is merged, every page in order', async (_, filter) => {
    expect(isAreaQuery(filter)).toBe(true);
    const want = expectedIds(filter);
    for (const limit of [3, 50]) expect(await pages(filter, limit)).toEqual(want);
  });

  it('a domain without statuses keeps the flat query, same answers', async () => {
    for (const filter of [
      { area: 'D1', domain: 'fire' },
      { area: 'D1', domain: 'gas', deadlineBefore: '2026-01-20T00:00:00.000Z' },
    ] as HazardFilter[]) {
      expect(isAreaQuery(filter)).toBe(false);
      expect(await pages(filter, 7)).toEqual(expectedIds(filter));
    }
  });

  it.each(LEVEL_CASES.map((filter) => [JSON.stringify(filter), filter] as const))('%s (city-wide, flat): every page in order', async (_, filter) => {
    expect(await pages(filter, 50)).toEqual(expectedAreaIds(filter));
  });

  it('leaves filters with other conditions, and an empty list, to the flat query', async () => {
    expect(isAreaQuery({ area: 'D1', domain: 'gas' })).toBe(false);
    expect(isAreaQuery({ area: 'D1', enterpriseId: 'E1' })).toBe(false);
    expect(isAreaQuery({ area: 'D1', status: [] })).toBe(false);
    expect(isAreaQuery({ area: 'D1', level: [] })).toBe(false);
    expect(isAreaQuery({ status: 'closed' })).toBe(false);
    expect(isAreaQuery({ area: 'D1', domain: undefined })).toBe(true);
    expect((await store.query({ area: 'D1', status: [] }, { limit: 10 })).items).toEqual([]);
    expect((await store.query({ area: 'D1', enterpriseId: 'E1' }, { limit: 500 })).items.map((i) => i.hazardId).sort()).toEqual(expectedAreaIds({ area: 'D1' }).sort());
  });
});
