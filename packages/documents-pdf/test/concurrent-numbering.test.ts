// Issue 15 acceptance: 200 documents issued concurrently by 8 writers (separate store
// instances on one SQLite file; separate pools on one PostgreSQL schema) → each series is
// 1..n without gap or duplicate, and every number belongs to the event that issued it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryEvidenceStore, createStaticDirectory, handleCommand, type ChainCommand, type ChainDeps, type Store } from '@anjian/core';
import { createFixedClock, evidence, reportCommand, stageEvidence, TEST_ACTORS, TEST_CALENDAR_2026, TEST_ENTERPRISES } from '@anjian/core/testing';
import { documentNumbering } from '@anjian/documents';
import { createPostgresStore } from '@anjian/store-postgres';
import { createSqliteStore } from '@anjian/store-sqlite';

const WRITERS = 8;
const PER_WRITER = 25; // 8 × 25 = 200 documents: half grid notices, half officers' orders

/** Writer `w` issues its documents through its own store instance; returns the hazards it wrote. */
async function writer(store: Store, w: number): Promise<string[]> {
  const clock = createFixedClock('2026-11-02T01:00:00Z');
  const evidenceStore = createMemoryEvidenceStore();
  const deps: ChainDeps = {
    store,
    clock,
    directory: createStaticDirectory(Object.values(TEST_ACTORS), TEST_ENTERPRISES),
    calendar: TEST_CALENDAR_2026,
    evidence: evidenceStore,
    documentNumbers: documentNumbering({ jurisdiction: 'D1' }),
  };
  const officer = w % 2 === 1;
  const actor = officer ? 'officer-gas-d1' : 'grid-g1';
  const ids: string[] = [];
  for (let i = 0; i < PER_WRITER; i++) {
    const hazardId = `H-C${w}-${i}`;
    const report = stageEvidence(evidenceStore, reportCommand(hazardId, { source: officer ? 'enforcement' : 'grid_patrol', evidence: evidence(hazardId, 'photo_before', 1) }), actor, clock.now());
    const reported = await handleCommand(deps, report, actor);
    if ('rejection' in reported) throw new Error(reported.rejection.message.en);
    const notice = { type: 'issue_notice', commandId: `${hazardId}:n`, hazardId, ...(officer ? { coOfficerId: 'officer2-gas-d1' } : {}) } as ChainCommand;
    const issued = await handleCommand(deps, notice, actor, officer ? { coSignerId: 'officer2-gas-d1' } : {});
    if ('rejection' in issued) throw new Error(issued.rejection.message.en);
    ids.push(hazardId);
  }
  return ids;
}

async function runWriters(stores: Store[], reader: Store): Promise<void> {
  const hazards = (await Promise.all(stores.map((s, w) => writer(s, w)))).flat();
  for (const kind of ['rectification_notice', 'rectification_order']) {
    const series = await reader.readDocumentSeries({ jurisdiction: 'D1', kind, year: 2026 }, 1, 1000);
    expect(
      series.map((r) => r.seq),
      kind,
    ).toEqual(Array.from({ length: (WRITERS / 2) * PER_WRITER }, (_, i) => i + 1));
    expect(new Set(series.map((r) => r.eventId)).size, kind).toBe(series.length);
  }
  // Each hazard's notice took exactly one number, of its own event.
  for (const id of hazards) {
    const docs = await reader.readDocuments(id);
    expect(
      docs.map((d) => d.eventId),
      id,
    ).toEqual([`${id}/2`]);
  }
}

describe('200 documents issued concurrently by 8 writers (issue 15)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'anjian-docs-concurrent-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('SQLite, 8 store instances on one file: each series 1..100, no gap, no duplicate', async () => {
    const path = join(dir, 'numbers.db');
    const stores = Array.from({ length: WRITERS }, () => createSqliteStore({ path }));
    try {
      await runWriters(stores, stores[0]!);
    } finally {
      for (const s of stores) s.close();
    }
  }, 120_000);

  describe('PostgreSQL', () => {
    const PG_URL = process.env.ANJIAN_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const schema = `anjian_docnum_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    let stores: ReturnType<typeof createPostgresStore>[] = [];
    beforeAll(async () => {
      stores = Array.from({ length: WRITERS }, () => createPostgresStore({ connectionString: PG_URL, schema }));
      await stores[0]!.migrate();
    });
    afterAll(async () => {
      for (const s of stores) await s.close();
      const pg = createRequire(new URL('../../store-postgres/package.json', import.meta.url))('pg') as {
        Pool: new (options: { connectionString: string }) => { query(sql: string): Promise<unknown>; end(): Promise<void> };
      };
      const pool = new pg.Pool({ connectionString: PG_URL });
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    });

    it('8 stores (own pools) on one schema: each series 1..100, no gap, no duplicate', async () => {
      await runWriters(stores, stores[0]!);
    }, 120_000);
  });
});
