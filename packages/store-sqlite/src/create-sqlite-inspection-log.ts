import type Database from 'better-sqlite3';
import type { FirstInspection, InspectionLog, InspectionRecord } from '@anjian/core/ports';
import { openDatabase, sqlitePath } from './open-database.js';

/** Options of {@link createSqliteInspectionLog}. */
export interface SqliteInspectionLogOptions {
  /** Database file (may be the store's own file: the table does not overlap), or `':memory:'` for tests. */
  path: string;
  busyTimeoutMs?: number;
}

/** An {@link InspectionLog} over SQLite, with `close()`. */
export interface SqliteInspectionLog extends InspectionLog {
  close(): void;
}

// Its own table, created if missing, so the log can share the store's file without touching
// the store's migrations (the store's user_version stays the store's).
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS inspection_log (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,  -- recording order: lists are newest first
    id            TEXT    NOT NULL UNIQUE,
    enterprise_id TEXT    NOT NULL,
    recorded_at   TEXT    NOT NULL,
    body          TEXT    NOT NULL                    -- the InspectionRecord as JSON
  ) STRICT;
`;
// An enterprise's records in recording order, with the recording time in the index: a list
// with `recordedBefore` steps past what came after the cutoff in the index instead of reading
// each such row of the table (a first-quarter round read in December: 0.23 of the time at a
// county city's 3.5 M inspections, scripts/bench/inspection-cutoff.ts). It replaces the
// previous release's (enterprise_id, seq), in one transaction, once per file.
const INDEX = `
  CREATE INDEX IF NOT EXISTS inspection_log_enterprise_recorded ON inspection_log (enterprise_id, seq, recorded_at);
  DROP INDEX IF EXISTS inspection_log_enterprise;
`;
// A round's coverage (firstInspections): each asked enterprise's records of one pack in the
// window, sought in the index with their source beside them; only the rows of the records that
// qualify are read (for their id), no body is parsed.
// Through (enterprise_id, seq, recorded_at) every record of each enterprise was stepped over
// and the pack and source parsed from the body of each row in the window (a city-wide round at
// 1.5 M inspections: 601–722 ms, 114–159 ms with this index). The expressions are those of
// FIRST_INSPECTIONS_SQL, word for word (SQLite matches an indexed expression by its text).
// Built once per file, in proportion to the records (7 s for 1.5 M on the loaded machine).
const PACK_INDEX = `
  CREATE INDEX IF NOT EXISTS inspection_log_pack_recorded ON inspection_log (enterprise_id, json_extract(body, '$.pack.id'), recorded_at, json_extract(body, '$.source'));
`;

/**
 * Each asked enterprise's first qualifying record (earliest recorded_at, then the last
 * recorded), through inspection_log_pack_recorded: the enterprise, pack and window sought, the
 * source checked in the index. @internal
 */
export const FIRST_INSPECTIONS_SQL = `SELECT enterprise_id AS enterpriseId, id, recorded_at AS recordedAt FROM (
         SELECT enterprise_id, id, recorded_at, ROW_NUMBER() OVER (PARTITION BY enterprise_id ORDER BY recorded_at ASC, seq DESC) AS n
         FROM inspection_log INDEXED BY inspection_log_pack_recorded
         WHERE enterprise_id IN (SELECT value FROM json_each(@enterpriseIds)) AND json_extract(body, '$.pack.id') = @packId
           AND recorded_at >= @recordedSince AND recorded_at < @recordedBefore AND json_extract(body, '$.source') IN (SELECT value FROM json_each(@sources))
       ) WHERE n = 1`;

/**
 * The inspection log over SQLite (better-sqlite3, WAL, `synchronous=FULL`): one row per
 * submitted inspection, written once (`INSERT … ON CONFLICT (id) DO NOTHING`), listed per
 * enterprise newest first through an index on (enterprise, recording order, recording time),
 * which also answers `recordedBefore` and `recordedSince` without reading the rows they leave out;
 * `firstInspections` answers a round's enterprises in one query through an index of (enterprise,
 * pack, recording time, source). Opening a file of a release before these indexes builds them
 * once (in proportion to the records, ≈ a minute for a few million on a loaded machine), holding
 * the file's write lock meanwhile.
 *
 * @example
 * ```ts
 * const inspections = createSqliteInspectionLog({ path: '.data/anjian.db' });
 * const api = createAnjianApi({ store, inspections, … });
 * ```
 */
export function createSqliteInspectionLog(options: SqliteInspectionLogOptions): SqliteInspectionLog {
  const db: Database.Database = openDatabase(sqlitePath(options, 'createSqliteInspectionLog'), options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs });
  db.exec(SCHEMA);
  const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'inspection_log'").pluck().all() as string[];
  if (!indexes.includes('inspection_log_enterprise_recorded') || indexes.includes('inspection_log_enterprise')) db.transaction(() => db.exec(INDEX)).immediate();
  if (!indexes.includes('inspection_log_pack_recorded')) db.transaction(() => db.exec(PACK_INDEX)).immediate();
  const st = {
    insert: db.prepare('INSERT INTO inspection_log (id, enterprise_id, recorded_at, body) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING'),
    get: db.prepare('SELECT body FROM inspection_log WHERE id = ?').pluck(),
    // `@before` is the cursor id (NULL: from the newest), `@recordedBefore` and `@recordedSince`
    // the window's bounds (NULL: none), both checked on the index's recorded_at.
    list: db
      .prepare(
        'SELECT body FROM inspection_log WHERE enterprise_id = @enterpriseId AND (@before IS NULL OR seq < (SELECT seq FROM inspection_log WHERE id = @before)) AND (@recordedBefore IS NULL OR recorded_at < @recordedBefore) AND (@recordedSince IS NULL OR recorded_at >= @recordedSince) ORDER BY seq DESC LIMIT @limit',
      )
      .pluck(),
    first: db.prepare(FIRST_INSPECTIONS_SQL),
  };
  const parse = (body: unknown) => JSON.parse(body as string) as InspectionRecord;
  return {
    async recordInspection(record) {
      return st.insert.run(record.id, record.enterpriseId, record.recordedAt, JSON.stringify(record)).changes === 1;
    },
    async readInspection(id) {
      const body = st.get.get(id);
      return body === undefined ? null : parse(body);
    },
    async listInspections({ enterpriseId, limit, before, recordedBefore, recordedSince }) {
      const rows = st.list.all({ enterpriseId, before: before ?? null, recordedBefore: recordedBefore ?? null, recordedSince: recordedSince ?? null, limit });
      return rows.map(parse);
    },
    async firstInspections({ enterpriseIds, packId, sources, recordedSince, recordedBefore }) {
      if (enterpriseIds.length === 0 || sources.length === 0) return [];
      return st.first.all({ enterpriseIds: JSON.stringify(enterpriseIds), packId, sources: JSON.stringify(sources), recordedSince, recordedBefore }) as FirstInspection[];
    },
    close() {
      db.close();
    },
  };
}
