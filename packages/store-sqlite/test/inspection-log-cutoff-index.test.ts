// The inspection log's cutoff index on a file the previous release wrote: (enterprise_id, seq)
// becomes (enterprise_id, seq, recorded_at), so `recordedBefore` is checked in the index
// instead of reading the table row of every inspection recorded after the cutoff
// (scripts/bench/inspection-cutoff.ts). The records and the lists stay as they were.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { testInspectionRecord } from '@anjian/core/testing';
import { createSqliteInspectionLog } from '../src/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const at = (day: number) => `2026-0${day < 10 ? 1 : 2}-${String(day < 10 ? day : day - 9).padStart(2, '0')}T01:00:00.000Z`;

/** The log's file as the previous release created and wrote it. */
function previousReleaseFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'anjian-insp-cutoff-'));
  dirs.push(dir);
  const path = join(dir, 'anjian.db');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS inspection_log (
      seq           INTEGER PRIMARY KEY AUTOINCREMENT,
      id            TEXT    NOT NULL UNIQUE,
      enterprise_id TEXT    NOT NULL,
      recorded_at   TEXT    NOT NULL,
      body          TEXT    NOT NULL
    ) STRICT;
    CREATE INDEX IF NOT EXISTS inspection_log_enterprise ON inspection_log (enterprise_id, seq);
  `);
  const insert = db.prepare('INSERT INTO inspection_log (id, enterprise_id, recorded_at, body) VALUES (?, ?, ?, ?)');
  for (let d = 1; d <= 12; d++) {
    const record = testInspectionRecord(`in-${d}`, { enterpriseId: d % 3 === 0 ? 'E2' : 'E1', recordedAt: at(d) });
    insert.run(record.id, record.enterpriseId, record.recordedAt, JSON.stringify(record));
  }
  db.close();
  return path;
}

const shape = (path: string) => {
  const db = new Database(path, { readonly: true });
  const indexes = (db.pragma('index_list(inspection_log)') as { name: string; origin: string }[])
    .filter((i) => i.origin === 'c')
    .map((i) => `${i.name} (${(db.pragma(`index_info(${i.name})`) as { name: string }[]).map((c) => c.name).join(', ')})`);
  const plan = (
    db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT body FROM inspection_log WHERE enterprise_id = @enterpriseId AND (@before IS NULL OR seq < (SELECT seq FROM inspection_log WHERE id = @before)) AND (@recordedBefore IS NULL OR recorded_at < @recordedBefore) ORDER BY seq DESC LIMIT @limit',
      )
      .all({ enterpriseId: 'E1', before: null, recordedBefore: '2026-02-01T00:00:00.000Z', limit: 20 }) as { detail: string }[]
  ).map((r) => r.detail);
  db.close();
  return { indexes, plan };
};

describe('inspection log: the cutoff is checked in the index', () => {
  it('a file of the previous release gets (enterprise_id, seq, recorded_at) instead of (enterprise_id, seq); its records and lists stay', async () => {
    const path = previousReleaseFile();
    expect(shape(path).indexes).toEqual(['inspection_log_enterprise (enterprise_id, seq)']);

    const log = createSqliteInspectionLog({ path });
    const { indexes, plan } = shape(path);
    // (and a round's index, inspection-log-first-index.test.ts)
    expect(indexes).toEqual(['inspection_log_pack_recorded (enterprise_id, , recorded_at, )', 'inspection_log_enterprise_recorded (enterprise_id, seq, recorded_at)']);
    expect(plan.some((d) => d.includes('USING INDEX inspection_log_enterprise_recorded (enterprise_id=?)'))).toBe(true);
    expect(plan.some((d) => d.includes('TEMP B-TREE'))).toBe(false);

    const ids = async (q: { before?: string; recordedBefore?: string; limit?: number }) => (await log.listInspections({ enterpriseId: 'E1', limit: q.limit ?? 50, ...q })).map((r) => r.id);
    expect(await ids({})).toEqual(['in-11', 'in-10', 'in-8', 'in-7', 'in-5', 'in-4', 'in-2', 'in-1']);
    expect(await ids({ recordedBefore: at(10) })).toEqual(['in-8', 'in-7', 'in-5', 'in-4', 'in-2', 'in-1']);
    expect(await ids({ recordedBefore: at(10), limit: 2 })).toEqual(['in-8', 'in-7']);
    expect(await ids({ recordedBefore: at(10), before: 'in-7', limit: 2 })).toEqual(['in-5', 'in-4']);
    expect(await log.readInspection('in-12')).toEqual(testInspectionRecord('in-12', { enterpriseId: 'E2', recordedAt: at(12) }));
    expect(await log.recordInspection(testInspectionRecord('in-13', { recordedAt: at(13) }))).toBe(true);
    expect(await ids({ limit: 1 })).toEqual(['in-13']);
    log.close();

    // Opening again changes nothing.
    createSqliteInspectionLog({ path }).close();
    expect(shape(path).indexes).toEqual(['inspection_log_pack_recorded (enterprise_id, , recorded_at, )', 'inspection_log_enterprise_recorded (enterprise_id, seq, recorded_at)']);
  });
});
