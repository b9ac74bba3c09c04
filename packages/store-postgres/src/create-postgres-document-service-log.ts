import { servicePhase, type DocumentServiceLog, type DocumentServiceRecord } from '@anjian/core/ports';
import pg from 'pg';
import { guardPool, checkPostgresOptions, PostgresStoreError } from './postgres-store-error.js';

/** Options of {@link createPostgresDocumentServiceLog}. */
export interface PostgresDocumentServiceLogOptions {
  /** A `pg.Pool` the host owns, or a connection string for a pool the log owns. */
  pool?: pg.Pool;
  connectionString?: string;
  /** Schema of the table (the store's schema is fine: the table does not overlap). Default `anjian`. */
  schema?: string;
}

/** A {@link DocumentServiceLog} over PostgreSQL, with `migrate()` (creates the table if missing) and `close()`. */
export interface PostgresDocumentServiceLog extends DocumentServiceLog {
  readonly schema: string;
  migrate(): Promise<void>;
  /** Closes the pool if the log created it. */
  close(): Promise<void>;
}

/**
 * The service log of enforcement documents (送达与签收) over PostgreSQL: one row per document
 * and phase (delivery, receipt), the primary key making the second of two concurrent
 * receipts a no-op (`INSERT … ON CONFLICT DO NOTHING`, then the recorded row is read back).
 * Its own table, created by `migrate()` if missing, so it shares the store's schema without
 * touching the store's migrations.
 *
 * @example
 * ```ts
 * const service = createPostgresDocumentServiceLog({ pool, schema: 'anjian' });
 * await service.migrate();
 * ```
 */
export function createPostgresDocumentServiceLog(options: PostgresDocumentServiceLogOptions): PostgresDocumentServiceLog {
  checkPostgresOptions(options, 'createPostgresDocumentServiceLog');
  const schema = options.schema ?? 'anjian';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new PostgresStoreError('CONFIG_INVALID', `schema must be a lower-case SQL identifier, got ${JSON.stringify(schema)}`);
  const ownsPool = !options.pool;
  const pool = guardPool(options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: 5 }), schema);
  const t = `"${schema}".document_service`;
  return {
    schema,
    async migrate() {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await pool.query(`CREATE TABLE IF NOT EXISTS ${t} (
        jurisdiction TEXT    NOT NULL,
        kind         TEXT    NOT NULL,
        year         INTEGER NOT NULL,
        seq          INTEGER NOT NULL,
        phase        TEXT    NOT NULL,
        hazard_id    TEXT    NOT NULL,
        ord          BIGSERIAL,
        body         TEXT    NOT NULL,
        PRIMARY KEY (jurisdiction, kind, year, seq, phase)
      )`);
      await pool.query(`CREATE INDEX IF NOT EXISTS document_service_hazard ON ${t} (hazard_id, ord)`);
    },
    async recordService(record) {
      const key = [record.jurisdiction, record.kind, record.year, record.seq, servicePhase(record.entry)];
      const inserted = await pool.query(`INSERT INTO ${t} (jurisdiction, kind, year, seq, phase, hazard_id, body) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`, [
        ...key,
        record.hazardId,
        JSON.stringify(record),
      ]);
      if (inserted.rowCount === 1) return { kind: 'recorded', record: structuredClone(record) };
      const existing = await pool.query<{ body: string }>(`SELECT body FROM ${t} WHERE jurisdiction = $1 AND kind = $2 AND year = $3 AND seq = $4 AND phase = $5`, key);
      return { kind: 'exists', record: JSON.parse(existing.rows[0]?.body as string) as DocumentServiceRecord };
    },
    async readService(hazardId) {
      const result = await pool.query<{ body: string }>(`SELECT body FROM ${t} WHERE hazard_id = $1 ORDER BY ord`, [hazardId]);
      return result.rows.map((r) => JSON.parse(r.body) as DocumentServiceRecord);
    },
    async close() {
      if (ownsPool) await pool.end();
    },
  };
}
