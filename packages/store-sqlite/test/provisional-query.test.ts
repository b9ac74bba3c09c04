// Provisional hazards (a level awaiting confirmation) are read through their own partial index
// (schema 15, hazards_provisional): GET /hazards?provisional=true and an officer's work queue
// (one query per district and domain) read every hazard of the area to find the few provisional
// ones (165 ms a query at 75 000 hazards, bench:read-routes). The pages are those of the filter's
// definition, computed here from the rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILTERS, ROWS, expected } from '../../../scripts/test-utils/provisional-query-cases.js';
import { createSqliteStore, type SqliteStore } from '../src/index.js';
import { buildHazardQuery } from '../src/hazard-query.js';

let dir: string;
let path: string;
let store: SqliteStore;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'anjian-provisional-'));
  path = join(dir, 'anjian.db');
  createSqliteStore({ path }).close();
  const db = new Database(path);
  const insert = db.prepare(`INSERT INTO hazards (hazard_id, version, status, level, provisional, domain, area, enterprise_id, deadline, created_at, updated_at)
    VALUES (@hazard_id, 1, @status, @level, @provisional, @domain, @area, @enterprise_id, NULL, '2026-01-01T00:00:00.000Z', @updated_at)`);
  db.transaction(() => ROWS.forEach((r) => insert.run(r)))();
  db.close();
  store = createSqliteStore({ path });
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
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

  it('a provisional filter is read through the partial index, whatever else it names', () => {
    const db = new Database(path, { readonly: true });
    try {
      for (const filter of FILTERS.filter((f) => f.provisional === true)) {
        const { sql, params } = buildHazardQuery(filter, ['2026-01-01T00:00:00.000Z', 'H'], 50);
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
        expect(plan, JSON.stringify(filter)).toContain('hazards_provisional');
      }
    } finally {
      db.close();
    }
  });
});
