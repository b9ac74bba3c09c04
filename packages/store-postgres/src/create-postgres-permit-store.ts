import {
  checkPermitAppend,
  isPermitOpen,
  OPEN_PERMIT_STATUSES,
  openPermitLimit,
  permitNextDueAt,
  type OpenPermitCount,
  type PermitAppendResult,
  type PermitEvent,
  type PermitState,
  type PermitStore,
} from '@anjian/core/internal';
import pg from 'pg';
import { guardPool, checkPostgresOptions, PostgresStoreError } from './postgres-store-error.js';
import { createSideOutbox, sideOutboxSchema } from './side-outbox.js';

/** Options of {@link createPostgresPermitStore}. */
export interface PostgresPermitStoreOptions {
  /** A `pg.Pool` the host owns, or a connection string for a pool the store owns. */
  pool?: pg.Pool;
  connectionString?: string;
  /** Schema of the tables (the store's schema is fine: the tables do not overlap). Default `anjian`. */
  schema?: string;
}

/** A {@link PermitStore} over PostgreSQL, with `migrate()` (creates the tables if missing) and `close()`. */
export interface PostgresPermitStore extends PermitStore {
  readonly schema: string;
  migrate(): Promise<void>;
  /** Closes the pool if the store created it. */
  close(): Promise<void>;
}

/**
 * Hazardous-work permits over PostgreSQL, in tables of their own (created by `migrate()`):
 * each permit's hash-chained events (kept as the exact JSON text, so hashes recompute), its
 * folded state indexed by area, kind and next clock deadline, the command ids and the
 * outbox of permit texts. An `append` is one transaction: the command id (primary key —
 * a concurrent duplicate loses on it), the permit row locked `FOR UPDATE`, the chain check,
 * events, state and notifications. The outbox is claimed with `FOR UPDATE SKIP LOCKED`.
 *
 * @example
 * ```ts
 * const permits = createPostgresPermitStore({ pool, schema: 'anjian' });
 * await permits.migrate();
 * ```
 */
export function createPostgresPermitStore(options: PostgresPermitStoreOptions): PostgresPermitStore {
  checkPostgresOptions(options, 'createPostgresPermitStore');
  const schema = options.schema ?? 'anjian';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new PostgresStoreError('CONFIG_INVALID', `schema must be a lower-case SQL identifier, got ${JSON.stringify(schema)}`);
  const ownsPool = !options.pool;
  const pool = guardPool(options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: 5 }), schema);
  const s = `"${schema}"`;
  const outbox = createSideOutbox(pool, s, 'permit_outbox');

  return {
    schema,
    async migrate() {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
      await pool.query(`
        CREATE TABLE IF NOT EXISTS ${s}.permit (
          id TEXT COLLATE "C" PRIMARY KEY, enterprise_id TEXT NOT NULL, area TEXT COLLATE "C" NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL,
          open BOOLEAN NOT NULL, next_due_at TEXT COLLATE "C", version INTEGER NOT NULL, body TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS permit_open_area ON ${s}.permit (area, kind, id) WHERE open;
        CREATE INDEX IF NOT EXISTS permit_open_kind ON ${s}.permit (kind, id) WHERE open;
        CREATE INDEX IF NOT EXISTS permit_open_enterprise ON ${s}.permit (enterprise_id, id) WHERE open;
        CREATE INDEX IF NOT EXISTS permit_due ON ${s}.permit (next_due_at, id) WHERE next_due_at IS NOT NULL;
        CREATE TABLE IF NOT EXISTS ${s}.permit_event (
          permit_id TEXT NOT NULL, version INTEGER NOT NULL, type TEXT NOT NULL, recorded_at TEXT NOT NULL, body TEXT NOT NULL,
          PRIMARY KEY (permit_id, version));
        CREATE TABLE IF NOT EXISTS ${s}.permit_command (command_id TEXT PRIMARY KEY, permit_id TEXT NOT NULL, version INTEGER NOT NULL, fingerprint TEXT);
        ${sideOutboxSchema(s, 'permit_outbox')}`);
    },
    async append(input): Promise<PermitAppendResult> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        if (input.commandId !== undefined) {
          const seen = await client.query<{ permit_id: string; version: number }>(`SELECT permit_id, version FROM ${s}.permit_command WHERE command_id = $1`, [input.commandId]);
          if (seen.rows[0]) {
            await client.query('ROLLBACK');
            return { kind: 'duplicate', permitId: seen.rows[0].permit_id, version: seen.rows[0].version };
          }
        }
        const row = (await client.query<{ version: number; body: string }>(`SELECT version, body FROM ${s}.permit WHERE id = $1 FOR UPDATE`, [input.permitId])).rows[0];
        const actual = row?.version ?? 0;
        if (actual !== input.expectedVersion) {
          await client.query('ROLLBACK');
          return { kind: 'conflict', actualVersion: actual };
        }
        const checked = checkPermitAppend(row ? (JSON.parse(row.body) as PermitState) : null, input.permitId, input.events);
        if (!checked.ok) {
          await client.query('ROLLBACK');
          return { kind: 'invalid', reason: checked.reason };
        }
        const st = checked.state;
        const body = JSON.stringify(st);
        if (row) {
          await client.query(`UPDATE ${s}.permit SET status = $2, open = $3, next_due_at = $4, version = $5, body = $6 WHERE id = $1`, [
            st.permitId,
            st.status,
            isPermitOpen(st),
            permitNextDueAt(st),
            st.version,
            body,
          ]);
        } else {
          const inserted = await client.query(
            `INSERT INTO ${s}.permit (id, enterprise_id, area, kind, status, open, next_due_at, version, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
            [st.permitId, st.enterpriseId, st.area, st.rule.kind, st.status, isPermitOpen(st), permitNextDueAt(st), st.version, body],
          );
          if (inserted.rowCount !== 1) {
            // Another transaction created the permit first.
            await client.query('ROLLBACK');
            const now = await pool.query<{ version: number }>(`SELECT version FROM ${s}.permit WHERE id = $1`, [input.permitId]);
            return { kind: 'conflict', actualVersion: now.rows[0]?.version ?? 0 };
          }
        }
        const ev = input.events;
        await client.query(`INSERT INTO ${s}.permit_event (permit_id, version, type, recorded_at, body) SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[])`, [
          ev.map((e) => e.permitId),
          ev.map((e) => e.version),
          ev.map((e) => e.type),
          ev.map((e) => e.recordedAt),
          ev.map((e) => JSON.stringify(e)),
        ]);
        if (input.commandId !== undefined) {
          const cmd = await client.query(`INSERT INTO ${s}.permit_command (command_id, permit_id, version, fingerprint) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
            input.commandId,
            st.permitId,
            st.version,
            input.commandFingerprint ?? null,
          ]);
          if (cmd.rowCount !== 1) {
            await client.query('ROLLBACK');
            const seen = await pool.query<{ permit_id: string; version: number }>(`SELECT permit_id, version FROM ${s}.permit_command WHERE command_id = $1`, [input.commandId]);
            return { kind: 'duplicate', permitId: seen.rows[0]?.permit_id ?? input.permitId, version: seen.rows[0]?.version ?? 0 };
          }
        }
        await outbox.enqueue(client, input.notifications ?? []);
        await client.query('COMMIT');
        return { kind: 'ok', version: st.version, state: st };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async loadState(id) {
      const r = await pool.query<{ body: string }>(`SELECT body FROM ${s}.permit WHERE id = $1`, [id]);
      return r.rows[0] ? (JSON.parse(r.rows[0].body) as PermitState) : null;
    },
    async readPermit(id) {
      const client = await pool.connect();
      try {
        // One snapshot for the state and the log.
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const r = await client.query<{ body: string }>(`SELECT body FROM ${s}.permit WHERE id = $1`, [id]);
        const events = r.rows[0] ? await client.query<{ body: string }>(`SELECT body FROM ${s}.permit_event WHERE permit_id = $1 ORDER BY version`, [id]) : null;
        await client.query('COMMIT');
        if (!r.rows[0] || !events) return null;
        return { state: JSON.parse(r.rows[0].body) as PermitState, events: events.rows.map((x) => JSON.parse(x.body) as PermitEvent) };
      } catch (error) {
        // Never hand the pool a connection inside an aborted transaction.
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async commandVersion(commandId) {
      const r = await pool.query<{ permit_id: string; version: number; fingerprint: string | null }>(`SELECT permit_id, version, fingerprint FROM ${s}.permit_command WHERE command_id = $1`, [
        commandId,
      ]);
      return r.rows[0] ? { permitId: r.rows[0].permit_id, version: r.rows[0].version, fingerprint: r.rows[0].fingerprint } : null;
    },
    async listOpen(filter = {}) {
      const statuses = [...(filter.statuses ?? OPEN_PERMIT_STATUSES)];
      if (statuses.length === 0) return [];
      const where = ['open'];
      const params: unknown[] = [];
      const add = (sql: string, value: unknown) => {
        params.push(value);
        where.push(sql.replaceAll('?', `$${params.length}`));
      };
      // The area and its sub-areas (`D1`, `D1/…`): a range the index serves ('0' follows '/').
      if (filter.area !== undefined) add("(area = ?::text OR (area >= ?::text || '/' AND area < ?::text || '0'))", filter.area);
      if (filter.kind !== undefined) add('kind = ?', filter.kind);
      if (filter.enterpriseId !== undefined) add('enterprise_id = ?', filter.enterpriseId);
      if (filter.afterId !== undefined) add('id > ?', filter.afterId);
      add('status = ANY(?::text[])', statuses);
      params.push(openPermitLimit(filter.limit));
      const r = await pool.query<{ body: string }>(`SELECT body FROM ${s}.permit WHERE ${where.join(' AND ')} ORDER BY id LIMIT $${params.length}`, params);
      return r.rows.map((x) => JSON.parse(x.body) as PermitState);
    },
    async countOpen(filter = {}) {
      const r =
        filter.area === undefined
          ? await pool.query<{ kind: string; status: string; count: string }>(
              `SELECT kind, status, COUNT(*) AS count FROM ${s}.permit WHERE open GROUP BY kind, status ORDER BY kind COLLATE "C", status COLLATE "C"`,
            )
          : await pool.query<{ kind: string; status: string; count: string }>(
              `SELECT kind, status, COUNT(*) AS count FROM ${s}.permit WHERE open AND (area = $1::text OR (area >= $1::text || '/' AND area < $1::text || '0')) GROUP BY kind, status ORDER BY kind COLLATE "C", status COLLATE "C"`,
              [filter.area],
            );
      return r.rows.map((x) => ({ kind: x.kind, status: x.status, count: Number(x.count) }) as OpenPermitCount);
    },
    async listDue(now, limit) {
      const r = await pool.query<{ body: string }>(`SELECT body FROM ${s}.permit WHERE next_due_at IS NOT NULL AND next_due_at <= $1 ORDER BY next_due_at, id LIMIT $2`, [now, limit]);
      return r.rows.map((x) => JSON.parse(x.body) as PermitState);
    },
    claimOutbox: outbox.claimOutbox,
    ackOutbox: outbox.ackOutbox,
    failOutbox: outbox.failOutbox,
    readNotifications: outbox.readNotifications,
    async close() {
      if (ownsPool) await pool.end();
    },
  };
}
