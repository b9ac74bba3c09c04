// A round's coverage (InspectionLog.firstInspections) through an index of its own:
// (enterprise_id, pack id, recorded_at, source), the pack and source taken from the stored record
// (json_extract) when the record is written. The query went through (enterprise_id, seq,
// recorded_at): every record of each asked enterprise was stepped over in the index (the window
// checked there, not sought), and the pack and source were parsed from the body of each row in
// the window (city-wide fire self-inspection at 1.5 M inspections: 601–722 ms, bench:read-routes).
// A file of the previous release gets the index when the log opens; the answers stay.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { testInspectionRecord } from '@anjian/core/testing';
import { createSqliteInspectionLog } from '../src/index.js';
import { FIRST_INSPECTIONS_SQL } from '../src/create-sqlite-inspection-log.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T01:00:00.000Z`;
const ARGS = { enterpriseIds: JSON.stringify(['E1', 'E2', 'E3']), packId: 'fire', sources: JSON.stringify(['self_check']), recordedSince: at(3), recordedBefore: at(20) };

/** The log's file as the previous release created and wrote it: fire and gas, self-check and patrol, days 1–24. */
function previousReleaseFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'anjian-insp-first-'));
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
    CREATE INDEX IF NOT EXISTS inspection_log_enterprise_recorded ON inspection_log (enterprise_id, seq, recorded_at);
  `);
  const insert = db.prepare('INSERT INTO inspection_log (id, enterprise_id, recorded_at, body) VALUES (?, ?, ?, ?)');
  for (let d = 1; d <= 24; d++) {
    const record = testInspectionRecord(`in-${d}`, {
      enterpriseId: `E${1 + (d % 3)}`,
      pack: { id: d % 4 === 0 ? 'gas' : 'fire', version: '1.0.0' },
      source: d % 5 === 0 ? 'grid_patrol' : 'self_check',
      recordedAt: at(d),
    });
    insert.run(record.id, record.enterpriseId, record.recordedAt, JSON.stringify(record));
  }
  // Two at one instant for E3: the one recorded last is the first (as listInspections lists it first).
  for (const id of ['in-tie-a', 'in-tie-b']) {
    const record = testInspectionRecord(id, { enterpriseId: 'E3', pack: { id: 'fire', version: '1.0.0' }, source: 'self_check', recordedAt: '2026-11-05T00:30:00.000Z' });
    insert.run(record.id, record.enterpriseId, record.recordedAt, JSON.stringify(record));
  }
  db.close();
  return path;
}

describe('inspection log: a round’s first inspections through (enterprise_id, pack, recorded_at, source)', () => {
  it('a file of the previous release gets the index on open; firstInspections seeks it and answers as before', async () => {
    const path = previousReleaseFile();
    const log = createSqliteInspectionLog({ path });
    const db = new Database(path, { readonly: true });
    try {
      const columns = (db.pragma('index_xinfo(inspection_log_pack_recorded)') as { name: string | null; key: number }[]).filter((c) => c.key === 1).map((c) => c.name);
      expect(columns).toEqual(['enterprise_id', null, 'recorded_at', null]); // null: the two json_extract expressions
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${FIRST_INSPECTIONS_SQL}`).all(ARGS) as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(plan).toMatch(/SEARCH inspection_log USING INDEX inspection_log_pack_recorded \(enterprise_id=\? AND <expr>=\? AND recorded_at>\? AND recorded_at<\?\)/);
    } finally {
      db.close();
    }
    // Days 3..19, fire (not d % 4 = 0), self-check (not d % 5 = 0): E1 day 3 → in-3? d=3 → E1; E2 day 4 is gas, day 7 → E2; E3 the tie at 00:30 on day 5 (days 5 and 8 are a patrol and gas).
    const first = await log.firstInspections!({ enterpriseIds: ['E1', 'E2', 'E3', 'E9', 'E1'], packId: 'fire', sources: ['self_check'], recordedSince: at(3), recordedBefore: at(20) });
    expect(first.sort((a, b) => (a.enterpriseId < b.enterpriseId ? -1 : 1))).toEqual([
      { enterpriseId: 'E1', id: 'in-3', recordedAt: at(3) },
      { enterpriseId: 'E2', id: 'in-7', recordedAt: at(7) },
      { enterpriseId: 'E3', id: 'in-tie-b', recordedAt: '2026-11-05T00:30:00.000Z' },
    ]);
    // A record written after the upgrade is in the index.
    await log.recordInspection(testInspectionRecord('in-new', { enterpriseId: 'E9', pack: { id: 'fire', version: '1.0.0' }, source: 'self_check', recordedAt: at(19) }));
    expect(await log.firstInspections!({ enterpriseIds: ['E9'], packId: 'fire', sources: ['self_check', 'grid_patrol'], recordedSince: at(3), recordedBefore: at(20) })).toEqual([
      { enterpriseId: 'E9', id: 'in-new', recordedAt: at(19) },
    ]);
    log.close();
    createSqliteInspectionLog({ path }).close(); // opening again changes nothing
  });
});
