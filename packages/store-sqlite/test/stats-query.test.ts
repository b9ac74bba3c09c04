// Store.stats counts an officer's scope (a district and a domain; GET /stats asks one per district
// and domain of its departments, 40 for a city's 8 districts and 5 domains) and the whole city from
// hazards_domain_counts (schema 16): from the index alone, already in the order of its groups, where
// the planner read the table rows through hazards_domain or hazards_level and sorted them. The
// answers are those of the query's definition, computed from the rows
// (scripts/test-utils/stats-query-cases.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATS_NOW, STATS_QUERIES, STATS_ROWS, expectedStats } from '../../../scripts/test-utils/stats-query-cases.js';
import { createSqliteStore, type SqliteStore } from '../src/index.js';
import { buildHazardStats } from '../src/hazard-stats.js';

let dir: string;
let path: string;
let store: SqliteStore;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'anjian-stats-query-'));
  path = join(dir, 'anjian.db');
  createSqliteStore({ path }).close();
  const db = new Database(path);
  const insert = db.prepare(`INSERT INTO hazards (hazard_id, version, status, level, provisional, domain, area, enterprise_id, deadline, created_at, updated_at)
    VALUES (@hazard_id, 1, @status, @level, @provisional, @domain, @area, @enterprise_id, @deadline, @created_at, @updated_at)`);
  db.transaction(() => STATS_ROWS.forEach((r) => insert.run(r)))();
  db.exec('ANALYZE');
  db.close();
  store = createSqliteStore({ path });
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('stats by the query’s definition, through hazards_domain_counts', () => {
  it.each(STATS_QUERIES.map((q) => [JSON.stringify(q), q] as const))('%s', async (_, query) => {
    expect(await store.stats(query)).toEqual(expectedStats(query));
  });

  it('an officer’s scope (a district and a domain) and the whole city are counted from hazards_domain_counts, in its order', () => {
    const db = new Database(path, { readonly: true });
    try {
      for (const filter of [{ area: 'D1', domain: 'gas' }, { domain: 'fire' }, {}]) {
        const { groups } = buildHazardStats({ filter, now: STATS_NOW });
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${groups.sql}`).all(...groups.params) as { detail: string }[]).map((r) => r.detail).join(' | ');
        expect(plan, JSON.stringify(filter)).toMatch(/USING COVERING INDEX hazards_domain_counts/);
        expect(plan, JSON.stringify(filter)).not.toMatch(/TEMP B-TREE/);
      }
    } finally {
      db.close();
    }
  });
});
