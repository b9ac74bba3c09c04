import type Database from 'better-sqlite3';
import type { RoundLogEntry, RoundStore } from '@anjian/core/ports';
import { openDatabase, sqlitePath } from './open-database.js';

/** Options of {@link createSqliteRoundStore}. */
export interface SqliteRoundStoreOptions {
  /** Database file (may be the store's own file: the table does not overlap), or `':memory:'` for tests. */
  path: string;
  busyTimeoutMs?: number;
}

/** A {@link RoundStore} over SQLite, with `close()`. */
export interface SqliteRoundStore extends RoundStore {
  close(): void;
}

// Its own table, created if missing, so the round log can share the store's file without
// touching the store's migrations.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS round_log (
    seq       INTEGER PRIMARY KEY,              -- 1, 2, 3 … as sealed by core
    round_id  TEXT    NOT NULL,
    prev_hash TEXT    NOT NULL,
    hash      TEXT    NOT NULL,
    body      TEXT    NOT NULL                  -- the entry exactly as appended (JSON)
  ) STRICT;
  CREATE INDEX IF NOT EXISTS round_log_round ON round_log (round_id, seq);
`;

/**
 * The hash-chained round log (inspection rounds and their 双随机 draws, issue 17) over SQLite;
 * passes `runRoundStoreConformance`. An append checks seq and prevHash against the last row
 * inside one `BEGIN IMMEDIATE` transaction, so concurrent writers (also other processes on
 * the file) cannot both take a seq.
 *
 * @example
 * ```ts
 * const rounds = createSqliteRoundStore({ path: '.data/anjian.db' });
 * await openRound({ rounds, directory, clock, packDomain }, input, actorId);
 * ```
 */
export function createSqliteRoundStore(options: SqliteRoundStoreOptions): SqliteRoundStore {
  const db: Database.Database = openDatabase(sqlitePath(options, 'createSqliteRoundStore'), options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs });
  db.exec(SCHEMA);
  const st = {
    last: db.prepare('SELECT seq, hash, body FROM round_log ORDER BY seq DESC LIMIT 1'),
    insert: db.prepare('INSERT INTO round_log (seq, round_id, prev_hash, hash, body) VALUES (?, ?, ?, ?, ?)'),
    from: db.prepare('SELECT body FROM round_log WHERE seq >= ? ORDER BY seq LIMIT ?').pluck(),
    ofRound: db.prepare('SELECT body FROM round_log WHERE round_id = ? ORDER BY seq').pluck(),
  };
  const parse = (body: unknown) => JSON.parse(body as string) as RoundLogEntry;
  const appendTx = db.transaction((entry: RoundLogEntry): boolean => {
    const last = st.last.get() as { seq: number; hash: string } | undefined;
    if (entry.seq !== (last?.seq ?? 0) + 1 || entry.prevHash !== (last?.hash ?? '')) return false;
    st.insert.run(entry.seq, entry.roundId, entry.prevHash, entry.hash, JSON.stringify(entry));
    return true;
  });
  return {
    async appendRoundEntry(entry) {
      return appendTx.immediate(entry);
    },
    async readRoundLog(from, limit) {
      return st.from.all(from, Math.max(0, limit)).map(parse);
    },
    async roundEntries(roundId) {
      return st.ofRound.all(roundId).map(parse);
    },
    async lastRoundEntry() {
      const row = st.last.get() as { body: string } | undefined;
      return row ? parse(row.body) : null;
    },
    close() {
      db.close();
    },
  };
}
