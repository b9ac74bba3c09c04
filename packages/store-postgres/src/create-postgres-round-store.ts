import type { RoundLogEntry, RoundStore } from '@anjian/core/ports';
import pg from 'pg';
import { guardPool, checkPostgresOptions, PostgresStoreError } from './postgres-store-error.js';

/** Options of {@link createPostgresRoundStore}. */
export interface PostgresRoundStoreOptions {
  /** A `pg.Pool` the host owns, or a connection string for a pool the store owns. */
  pool?: pg.Pool;
  connectionString?: string;
  /** Schema of the table (the store's schema is fine: the table does not overlap). Default `anjian`. */
  schema?: string;
}

/** A {@link RoundStore} over PostgreSQL, with `migrate()` and `close()`. */
export interface PostgresRoundStore extends RoundStore {
  readonly schema: string;
  /** Creates the table if missing. */
  migrate(): Promise<void>;
  /** Closes the pool if the store created it. */
  close(): Promise<void>;
}

/**
 * The hash-chained round log (inspection rounds and their 双随机 draws, issue 17) over
 * PostgreSQL; passes `runRoundStoreConformance`. One statement appends: it inserts only when
 * the entry's seq and prevHash follow the last row, and the primary key on `seq` lets exactly
 * one of several concurrent appends at one seq win (the others answer `false`).
 *
 * @example
 * ```ts
 * const rounds = createPostgresRoundStore({ pool, schema: 'anjian' });
 * await rounds.migrate();
 * ```
 */
export function createPostgresRoundStore(options: PostgresRoundStoreOptions): PostgresRoundStore {
  checkPostgresOptions(options, 'createPostgresRoundStore');
  const schema = options.schema ?? 'anjian';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new PostgresStoreError('CONFIG_INVALID', `schema must be a lower-case SQL identifier, got ${JSON.stringify(schema)}`);
  const ownsPool = !options.pool;
  const pool = guardPool(options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: 5 }), schema);
  const t = `"${schema}".round_log`;
  const parse = (row: { body: string }) => JSON.parse(row.body) as RoundLogEntry;
  return {
    schema,
    async migrate() {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await pool.query(`CREATE TABLE IF NOT EXISTS ${t} (
        seq       BIGINT PRIMARY KEY,
        round_id  TEXT COLLATE "C" NOT NULL,
        prev_hash TEXT NOT NULL,
        hash      TEXT NOT NULL,
        body      TEXT NOT NULL
      )`);
      await pool.query(`CREATE INDEX IF NOT EXISTS round_log_round ON ${t} (round_id, seq)`);
    },
    async appendRoundEntry(entry) {
      const result = await pool.query(
        `INSERT INTO ${t} (seq, round_id, prev_hash, hash, body)
         SELECT $1, $2, $3, $4, $5
         WHERE $1::bigint = coalesce((SELECT max(seq) FROM ${t}), 0) + 1
           AND $3::text = coalesce((SELECT hash FROM ${t} ORDER BY seq DESC LIMIT 1), '')
         ON CONFLICT (seq) DO NOTHING`,
        [entry.seq, entry.roundId, entry.prevHash, entry.hash, JSON.stringify(entry)],
      );
      return result.rowCount === 1;
    },
    async readRoundLog(from, limit) {
      return (await pool.query(`SELECT body FROM ${t} WHERE seq >= $1 ORDER BY seq LIMIT $2`, [from, Math.max(0, limit)])).rows.map(parse);
    },
    async roundEntries(roundId) {
      return (await pool.query(`SELECT body FROM ${t} WHERE round_id = $1 ORDER BY seq`, [roundId])).rows.map(parse);
    },
    async lastRoundEntry() {
      const row = (await pool.query(`SELECT body FROM ${t} ORDER BY seq DESC LIMIT 1`)).rows[0] as { body: string } | undefined;
      return row ? parse(row) : null;
    },
    async close() {
      if (ownsPool) await pool.end();
    },
  };
}
