import type { FirstInspection, InspectionLog, InspectionRecord } from '@anjian/core/ports';
import pg from 'pg';
import { guardPool, checkPostgresOptions, PostgresStoreError } from './postgres-store-error.js';

/** Options of {@link createPostgresInspectionLog}. */
export interface PostgresInspectionLogOptions {
  /** A `pg.Pool` the host owns, or a connection string for a pool the log owns. */
  pool?: pg.Pool;
  connectionString?: string;
  /** Schema of the table (the store's schema is fine: the table does not overlap). Default `anjian`. */
  schema?: string;
}

/** An {@link InspectionLog} over PostgreSQL, with `migrate()` (creates the table if missing) and `close()`. */
export interface PostgresInspectionLog extends InspectionLog {
  readonly schema: string;
  migrate(): Promise<void>;
  /** Closes the pool if the log created it. */
  close(): Promise<void>;
}

/**
 * Each asked enterprise's first qualifying record (earliest recorded_at, byte order as
 * JavaScript compares, then the last recorded) of table `t`: $1 the enterprises, $2 and $3 the
 * window, $4 the pack, $5 the sources — all conditions of inspection_log_pack_recorded. @internal
 */
export const firstInspectionsSql = (t: string) => `SELECT DISTINCT ON (enterprise_id) enterprise_id AS "enterpriseId", id, recorded_at AS "recordedAt" FROM ${t}
         WHERE enterprise_id = ANY($1::text[]) AND recorded_at >= $2 AND recorded_at < $3 AND body->'pack'->>'id' = $4 AND body->>'source' = ANY($5::text[])
         ORDER BY enterprise_id, recorded_at COLLATE "C" ASC, seq DESC`;

/**
 * The inspection log over PostgreSQL: one row per submitted inspection, written once
 * (`INSERT … ON CONFLICT (id) DO NOTHING`), listed per enterprise newest first through an
 * index on (enterprise, recording order, recording time), which also answers `recordedBefore`
 * without reading the rows it leaves out; `firstInspections` answers a round's enterprises in
 * one query through an index of (enterprise, pack, recording time, source). Its own table, created by `migrate()` if missing,
 * so it shares the store's schema without touching the store's migrations; on a table of a
 * release before these indexes, `migrate()` builds them once (in proportion to the records),
 * holding off writes to the table meanwhile.
 *
 * @example
 * ```ts
 * const inspections = createPostgresInspectionLog({ pool, schema: 'anjian' });
 * await inspections.migrate();
 * ```
 */
export function createPostgresInspectionLog(options: PostgresInspectionLogOptions): PostgresInspectionLog {
  checkPostgresOptions(options, 'createPostgresInspectionLog');
  const schema = options.schema ?? 'anjian';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new PostgresStoreError('CONFIG_INVALID', `schema must be a lower-case SQL identifier, got ${JSON.stringify(schema)}`);
  const ownsPool = !options.pool;
  const pool = guardPool(options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: 5 }), schema);
  const t = `"${schema}".inspection_log`;
  const parse = (rows: { body: InspectionRecord }[]) => rows.map((r) => r.body);
  return {
    schema,
    async migrate() {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await pool.query(`CREATE TABLE IF NOT EXISTS ${t} (
        seq           BIGSERIAL PRIMARY KEY,
        id            TEXT  NOT NULL UNIQUE,
        enterprise_id TEXT  NOT NULL,
        recorded_at   TEXT  NOT NULL,
        body          JSONB NOT NULL
      )`);
      // An enterprise's records in recording order with the recording time: `recordedBefore` is
      // a condition of the index scan, not a filter on the table row of each record after the
      // cutoff (scripts/bench/inspection-cutoff.ts). It replaces the previous release's
      // (enterprise_id, seq): one statement string, so one transaction.
      await pool.query(`CREATE INDEX IF NOT EXISTS inspection_log_enterprise_recorded ON ${t} (enterprise_id, seq, recorded_at); DROP INDEX IF EXISTS "${schema}".inspection_log_enterprise`);
      // A round's coverage (firstInspections): each asked enterprise's records of the round's
      // pack in the window sought in the index, the source checked there too; only the rows
      // that qualify are read. Through (enterprise_id, seq, recorded_at) the pack and source
      // were read from the body of every record in the window (a city-wide round at 1.5 M
      // inspections: 1.7–3.9 s, 0.37–0.64 s with this index, load ~30). The expressions are
      // those of firstInspectionsSql. Built once, in proportion to the records (12–18 s for
      // 1.5 M on the loaded machine), holding off writes to the table meanwhile.
      await pool.query(`CREATE INDEX IF NOT EXISTS inspection_log_pack_recorded ON ${t} (enterprise_id, (body->'pack'->>'id'), recorded_at, (body->>'source'))`);
    },
    async recordInspection(record) {
      const result = await pool.query(`INSERT INTO ${t} (id, enterprise_id, recorded_at, body) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`, [
        record.id,
        record.enterpriseId,
        record.recordedAt,
        JSON.stringify(record),
      ]);
      return result.rowCount === 1;
    },
    async readInspection(id) {
      const result = await pool.query<{ body: InspectionRecord }>(`SELECT body FROM ${t} WHERE id = $1`, [id]);
      return result.rows[0]?.body ?? null;
    },
    async listInspections({ enterpriseId, limit, before, recordedBefore, recordedSince }) {
      // $2 the cursor id (NULL: from the newest), $3 the recordedBefore and $5 the recordedSince
      // bound (NULL: none), both conditions of the index scan on recorded_at.
      const result = await pool.query<{ body: InspectionRecord }>(
        `SELECT body FROM ${t} WHERE enterprise_id = $1 AND ($2::text IS NULL OR seq < (SELECT seq FROM ${t} WHERE id = $2)) AND ($3::text IS NULL OR recorded_at < $3) AND ($5::text IS NULL OR recorded_at >= $5) ORDER BY seq DESC LIMIT $4`,
        [enterpriseId, before ?? null, recordedBefore ?? null, limit, recordedSince ?? null],
      );
      return parse(result.rows);
    },
    async firstInspections({ enterpriseIds, packId, sources, recordedSince, recordedBefore }) {
      if (enterpriseIds.length === 0 || sources.length === 0) return [];
      // Each asked enterprise's first qualifying record, through inspection_log_pack_recorded.
      const result = await pool.query<FirstInspection>(firstInspectionsSql(t), [[...enterpriseIds], recordedSince, recordedBefore, packId, [...sources]]);
      return result.rows;
    },
    async close() {
      if (ownsPool) await pool.end();
    },
  };
}
