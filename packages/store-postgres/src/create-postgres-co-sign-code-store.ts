import { CO_SIGN_CODE_COLUMNS, CO_SIGN_CODE_REPLACED_COLUMNS, coSignCodeFromRow, coSignCodeToRow, type CoSignCodeRow, type CoSignCodeStore, type CoSignIssueResult } from '@anjian/core/ports';
import pg from 'pg';
import { migrateSchema } from './migrate-schema.js';
import { guardPool, checkPostgresOptions, PostgresStoreError } from './postgres-store-error.js';

/** Options of {@link createPostgresCoSignCodeStore}. */
export interface PostgresCoSignCodeStoreOptions {
  /** A `pg.Pool` the host owns, or a connection string for a pool the code store owns. */
  pool?: pg.Pool;
  connectionString?: string;
  /** Schema of the store (the tables are its migration 14). Default `anjian`. */
  schema?: string;
}

/** A {@link CoSignCodeStore} over PostgreSQL, with `migrate()` and `close()`. */
export interface PostgresCoSignCodeStore extends CoSignCodeStore {
  readonly schema: string;
  /** Runs the store's pending migrations (the same as `PostgresStore.migrate()`: the tables are its migration 14). */
  migrate(): Promise<void>;
  /** Closes the pool if the code store created it. */
  close(): Promise<void>;
}

/**
 * Co-sign codes of two-officer acts (decision 010) over PostgreSQL, shared by every server
 * instance on the schema: a code given through one is used through another, and the attempt
 * limit holds across all of them. Tables of the store's migration 14 (15 adds what a code binds).
 *
 * - `issue` replaces the officer's unused code for the subject and act in one upsert on a
 *   partial unique index (two instances issuing at once leave one), and deletes every code
 *   expired at its `issuedAt`. With `maxLive` it first takes a transaction-level advisory lock on
 *   the officer and counts his live codes: of concurrent issues on any instance, at most `maxLive` live.
 * - `consume` is one `UPDATE … WHERE used_at IS NULL AND expires_at > now`: of concurrent
 *   callers, one changes the row.
 * - `countAttempt` takes a transaction-level advisory lock on the key, then inserts and counts:
 *   parallel attempts of one officer on any instance each see a distinct count. It deletes
 *   attempts of every key that fell out of the window (core uses one window).
 *
 * Only the time passed in is compared (`toISOString()` text in byte order, ms for attempts):
 * never the server's clock.
 *
 * @example
 * ```ts
 * const coSignCodes = createPostgresCoSignCodeStore({ pool, schema: 'anjian' });
 * await coSignCodes.migrate();
 * ```
 */
export function createPostgresCoSignCodeStore(options: PostgresCoSignCodeStoreOptions): PostgresCoSignCodeStore {
  checkPostgresOptions(options, 'createPostgresCoSignCodeStore');
  const schema = options.schema ?? 'anjian';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new PostgresStoreError('CONFIG_INVALID', `schema must be a lower-case SQL identifier, got ${JSON.stringify(schema)}`);
  const ownsPool = !options.pool;
  const pool = guardPool(options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: 5 }), schema);
  const codes = `"${schema}".co_sign_codes`;
  const attempts = `"${schema}".co_sign_attempts`;
  const lockSpace = `anjian-co-sign:${schema}`;

  async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  return {
    schema,
    async migrate() {
      await migrateSchema(pool, schema);
    },
    async issue(record, maxLive) {
      return inTransaction(async (client): Promise<CoSignIssueResult> => {
        await client.query(`DELETE FROM ${codes} WHERE expires_at <= $1`, [record.issuedAt]);
        if (maxLive !== undefined) {
          // The officer's issues run one at a time (any instance), so the count and the write are one step (decision 010, bound).
          await client.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [lockSpace, `issue\n${record.officerId}`]);
          const held = await client.query<{ n: string; frees: string | null }>(
            `SELECT count(*) AS n, min(expires_at) AS frees FROM ${codes} WHERE officer_id = $1 AND used_at IS NULL AND expires_at > $2 AND NOT (subject = $3 AND act = $4)`,
            [record.officerId, record.issuedAt, record.subject, record.act],
          );
          const h = held.rows[0];
          if (h && Number(h.n) >= maxLive && h.frees !== null) return { kind: 'limited', freesAt: h.frees };
        }
        const row = coSignCodeToRow(record);
        // The columns and the mapping are core's (one definition for both SQL stores).
        await client.query(
          `INSERT INTO ${codes} (${CO_SIGN_CODE_COLUMNS.join(', ')}) VALUES (${CO_SIGN_CODE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
           ON CONFLICT (officer_id, subject, act) WHERE used_at IS NULL
           DO UPDATE SET ${CO_SIGN_CODE_REPLACED_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}`,
          CO_SIGN_CODE_COLUMNS.map((c) => row[c]),
        );
        return { kind: 'issued' };
      });
    },
    async live(subject, act, now) {
      const result = await pool.query<CoSignCodeRow>(`SELECT * FROM ${codes} WHERE subject = $1 AND act = $2 AND expires_at > $3 AND used_at IS NULL ORDER BY issued_at, id`, [subject, act, now]);
      return result.rows.map(coSignCodeFromRow);
    },
    async consume(id, now) {
      const result = await pool.query(`UPDATE ${codes} SET used_at = $1 WHERE id = $2 AND used_at IS NULL AND expires_at > $1`, [now, id]);
      return result.rowCount === 1;
    },
    async countAttempt(key, now, windowMs) {
      const atMs = Date.parse(now);
      return inTransaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [lockSpace, key]);
        await client.query(`DELETE FROM ${attempts} WHERE at_ms <= $1`, [atMs - windowMs]);
        await client.query(`INSERT INTO ${attempts} (key, at_ms) VALUES ($1, $2)`, [key, atMs]);
        const counted = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${attempts} WHERE key = $1 AND at_ms > $2`, [key, atMs - windowMs]);
        return Number(counted.rows[0]?.n ?? 0);
      });
    },
    async forgetAttempt(key, at) {
      await pool.query(`DELETE FROM ${attempts} WHERE seq = (SELECT seq FROM ${attempts} WHERE key = $1 AND at_ms = $2 ORDER BY seq DESC LIMIT 1)`, [key, Date.parse(at)]);
    },
    async close() {
      if (ownsPool) await pool.end();
    },
  };
}
