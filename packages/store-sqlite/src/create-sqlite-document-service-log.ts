import type Database from 'better-sqlite3';
import { servicePhase, type DocumentServiceLog, type DocumentServiceRecord } from '@anjian/core/ports';
import { openDatabase, sqlitePath } from './open-database.js';

/** Options of {@link createSqliteDocumentServiceLog}. */
export interface SqliteDocumentServiceLogOptions {
  /** Database file (may be the store's own file: the table does not overlap), or `':memory:'` for tests. */
  path: string;
  busyTimeoutMs?: number;
}

/** A {@link DocumentServiceLog} over SQLite, with `close()`. */
export interface SqliteDocumentServiceLog extends DocumentServiceLog {
  close(): void;
}

// Its own table, created if missing, so the log can share the store's file without touching
// the store's migrations (the store's user_version stays the store's).
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS document_service (
    ord          INTEGER PRIMARY KEY AUTOINCREMENT,  -- recording order
    jurisdiction TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    year         INTEGER NOT NULL,
    seq          INTEGER NOT NULL,
    phase        TEXT    NOT NULL,                   -- service | receipt: one each per document
    hazard_id    TEXT    NOT NULL,
    body         TEXT    NOT NULL,                   -- the DocumentServiceRecord as JSON
    UNIQUE (jurisdiction, kind, year, seq, phase)
  ) STRICT;
  CREATE INDEX IF NOT EXISTS document_service_hazard ON document_service (hazard_id, ord);
`;

/**
 * The service log of enforcement documents (送达与签收) over SQLite: one row per document
 * and phase (delivery, receipt), a unique key making a second entry of a phase a no-op
 * (`INSERT … ON CONFLICT DO NOTHING`; the recorded one is returned).
 *
 * @example
 * ```ts
 * const service = createSqliteDocumentServiceLog({ path: '.data/anjian.db' });
 * ```
 */
export function createSqliteDocumentServiceLog(options: SqliteDocumentServiceLogOptions): SqliteDocumentServiceLog {
  const db: Database.Database = openDatabase(sqlitePath(options, 'createSqliteDocumentServiceLog'), options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs });
  db.exec(SCHEMA);
  const st = {
    insert: db.prepare('INSERT INTO document_service (jurisdiction, kind, year, seq, phase, hazard_id, body) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING'),
    get: db.prepare('SELECT body FROM document_service WHERE jurisdiction = ? AND kind = ? AND year = ? AND seq = ? AND phase = ?').pluck(),
    list: db.prepare('SELECT body FROM document_service WHERE hazard_id = ? ORDER BY ord').pluck(),
  };
  return {
    async recordService(record) {
      const key = [record.jurisdiction, record.kind, record.year, record.seq, servicePhase(record.entry)];
      if (st.insert.run(...key, record.hazardId, JSON.stringify(record)).changes === 1) return { kind: 'recorded', record: structuredClone(record) };
      return { kind: 'exists', record: JSON.parse(st.get.get(...key) as string) as DocumentServiceRecord };
    },
    async readService(hazardId) {
      return st.list.all(hazardId).map((body) => JSON.parse(body as string) as DocumentServiceRecord);
    },
    close() {
      db.close();
    },
  };
}
