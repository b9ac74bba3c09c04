import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HazardFilter } from '@anjian/core/ports';
import { createSqliteStore, type SqliteStore } from '../src/index.js';
import { isAreaQuery } from '../src/area-query.js';

// Area queries (an area, optionally statuses and a deadline bound) are answered by a merge
// of ordered reads, one per stored sub-area (and status). The expected pages are computed
// here from the rows themselves, so the merge is checked against the definition of the
// filter: the area and its sub-areas (`D1` covers `D1/G2`, not `D10` nor `D1-x`), ordered
// by (updated_at, hazard_id), paged without repeats or gaps.
const AREAS = ['D1', 'D1/G1', 'D1/G2', 'D1/G2/X', 'D1-x', 'D10', 'D10/G1', 'D2/G1', 'D0/G9'];
const STATUSES = ['reported', 'rectifying', 'submitted', 'closed'];

interface Row {
  hazard_id: string;
  status: string;
  area: string;
  deadline: string | null;
  updated_at: string;
}

const rows: Row[] = Array.from({ length: 400 }, (_, i) => {
  const status = STATUSES[(i * 7) % STATUSES.length]!;
  return {
    hazard_id: `H${String(i).padStart(4, '0')}`,
    status,
    area: AREAS[(i * 5) % AREAS.length]!,
    deadline: status === 'closed' ? null : new Date(Date.UTC(2026, 0, 1 + (i % 40))).toISOString(),
    // Several hazards share an updated_at, so the id breaks ties.
    updated_at: new Date(Date.UTC(2026, 1, 1, 0, Math.floor(((i * 37) % 400) / 3))).toISOString(),
  };
});

let dir: string;
let store: SqliteStore;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'anjian-area-query-'));
  const path = join(dir, 'anjian.db');
  createSqliteStore({ path }).close();
  const db = new Database(path);
  const insert = db.prepare(`INSERT INTO hazards (hazard_id, version, status, level, provisional, domain, area, enterprise_id, deadline, created_at, updated_at)
    VALUES (?, 1, ?, 'general', 0, 'gas', ?, 'E1', ?, '2026-01-01T00:00:00.000Z', ?)`);
  db.transaction(() => rows.forEach((r) => insert.run(r.hazard_id, r.status, r.area, r.deadline, r.updated_at)))();
  db.close();
  store = createSqliteStore({ path });
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const under = (area: string, candidate: string) => candidate === area || candidate.startsWith(`${area}/`);
const expected = (filter: HazardFilter) => {
  const statuses = filter.status === undefined ? null : ([] as string[]).concat(filter.status as string | string[]);
  return rows
    .filter((r) => under(filter.area!, r.area))
    .filter((r) => statuses === null || statuses.includes(r.status))
    .filter((r) => filter.deadlineBefore === undefined || (r.deadline !== null && r.deadline <= filter.deadlineBefore))
    .sort((a, b) => (a.updated_at < b.updated_at ? -1 : a.updated_at > b.updated_at ? 1 : a.hazard_id < b.hazard_id ? -1 : 1))
    .map((r) => r.hazard_id);
};
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
  const cases: HazardFilter[] = [
    { area: 'D1' },
    { area: 'D1/G2' },
    { area: 'D10' },
    { area: 'D1-x' },
    { area: 'D9' },
    { area: 'D1', status: ['reported', 'submitted'] },
    { area: 'D1/G2', status: 'rectifying' },
    { area: 'D1', deadlineBefore: '2026-01-20T00:00:00.000Z' },
    { area: 'D1', status: ['reported', 'rectifying'], deadlineBefore: '2026-01-10T00:00:00.000Z' },
    { area: 'D1', deadlineBefore: '2025-01-01T00:00:00.000Z' },
  ];
  it.each(cases.map((filter) => [JSON.stringify(filter), filter] as const))('%s: every page in order, none repeated or missed', async (_, filter) => {
    expect(isAreaQuery(filter)).toBe(true);
    const want = expected(filter);
    for (const limit of [4, 50]) expect(await pages(filter, limit)).toEqual(want);
  });

  it('leaves filters with other conditions, and an empty status list, to the flat query', async () => {
    expect(isAreaQuery({ area: 'D1', level: 'major' })).toBe(false);
    expect(isAreaQuery({ area: 'D1', enterpriseId: 'E1' })).toBe(false);
    expect(isAreaQuery({ area: 'D1', status: [] })).toBe(false);
    expect(isAreaQuery({ status: 'closed' })).toBe(false);
    expect(isAreaQuery({ area: 'D1', level: undefined })).toBe(true);
    expect((await store.query({ area: 'D1', status: [] }, { limit: 10 })).items).toEqual([]);
    expect((await store.query({ area: 'D1', enterpriseId: 'E1' }, { limit: 500 })).items.map((i) => i.hazardId).sort()).toEqual(expected({ area: 'D1' }).sort());
  });
});
