import type { ClaimedOutboxMessage, OutboxMessage } from '@anjian/core/ports';
import type pg from 'pg';

/**
 * The table of a facet's own outbox (the device registry's daily warnings, the permit
 * store's texts), created if missing in `schema` (already quoted) beside the facet's other
 * tables.
 */
export function sideOutboxSchema(schema: string, table: string): string {
  return `
        CREATE TABLE IF NOT EXISTS ${schema}.${table} (
          seq BIGSERIAL PRIMARY KEY, id TEXT NOT NULL UNIQUE, topic TEXT NOT NULL, payload JSONB NOT NULL, created_at TEXT NOT NULL,
          status TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0, available_at TEXT NOT NULL,
          lease_owner TEXT, lease_until TEXT, last_error TEXT, done_at TEXT);
        CREATE INDEX IF NOT EXISTS ${table}_ready ON ${schema}.${table} (status, available_at, seq);`;
}

interface OutboxRow {
  seq: string;
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  created_at: string;
  status: 'pending' | 'done' | 'dead';
  attempts: number;
}

/** A message for a facet's own outbox (the device registry's daily warnings, the permit store's texts): no hazard, no event. */
type SideOutboxMessage = Pick<OutboxMessage, 'id' | 'topic' | 'payload' | 'createdAt'>;

/**
 * The outbox half of a facet over PostgreSQL — enqueue (idempotent by id), claim with a
 * lease (`FOR UPDATE SKIP LOCKED`, so several relays can run), ack, retry or dead-letter by
 * the lease owner, read all — on one table made by {@link sideOutboxSchema}.
 */
export function createSideOutbox(pool: pg.Pool, schema: string, table: string) {
  const t = `${schema}.${table}`;
  return {
    /**
     * Adds the messages whose id is not there yet, in one statement, on `db`: the pool, or
     * the client of the caller's open transaction. Resolves to how many were added.
     */
    async enqueue(db: pg.Pool | pg.PoolClient, ns: readonly SideOutboxMessage[]): Promise<number> {
      if (ns.length === 0) return 0;
      const r = await db.query(
        `INSERT INTO ${t} (id, topic, payload, created_at, available_at) SELECT id, topic, payload::jsonb, created_at, created_at FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS n(id, topic, payload, created_at) ON CONFLICT (id) DO NOTHING`,
        [ns.map((n) => n.id), ns.map((n) => n.topic), ns.map((n) => JSON.stringify(n.payload)), ns.map((n) => n.createdAt)],
      );
      return r.rowCount ?? 0;
    },
    async claimOutbox({ owner, now, leaseMs, limit }: { owner: string; now: string; leaseMs: number; limit: number }): Promise<ClaimedOutboxMessage[]> {
      const until = new Date(Date.parse(now) + leaseMs).toISOString();
      const r = await pool.query<OutboxRow>(
        `UPDATE ${t} SET lease_owner = $1, lease_until = $2 WHERE seq IN (
           SELECT seq FROM ${t} WHERE status = 'pending' AND available_at <= $3 AND (lease_until IS NULL OR lease_until <= $3)
           ORDER BY seq LIMIT $4 FOR UPDATE SKIP LOCKED) RETURNING *`,
        [owner, until, now, limit],
      );
      return r.rows
        .sort((a, b) => Number(a.seq) - Number(b.seq))
        .map((x): ClaimedOutboxMessage => ({
          id: x.id,
          hazardId: '',
          eventId: x.id,
          topic: x.topic,
          payload: x.payload,
          createdAt: x.created_at,
          attempts: x.attempts,
          leaseOwner: owner,
          leaseUntil: until,
        }));
    },
    async ackOutbox(owner: string, ids: readonly string[], now: string): Promise<number> {
      const r = await pool.query(`UPDATE ${t} SET status = 'done', done_at = $1, lease_owner = NULL, lease_until = NULL WHERE id = ANY($2::text[]) AND status = 'pending' AND lease_owner = $3`, [
        now,
        [...ids],
        owner,
      ]);
      return r.rowCount ?? 0;
    },
    async failOutbox({ id, owner, error, retryAt }: { id: string; owner: string; error: string; retryAt: string | null }): Promise<boolean> {
      const r =
        retryAt === null
          ? await pool.query(
              `UPDATE ${t} SET status = 'dead', attempts = attempts + 1, last_error = $1, lease_owner = NULL, lease_until = NULL WHERE id = $2 AND status = 'pending' AND lease_owner = $3`,
              [error, id, owner],
            )
          : await pool.query(
              `UPDATE ${t} SET attempts = attempts + 1, last_error = $1, available_at = $2, lease_owner = NULL, lease_until = NULL WHERE id = $3 AND status = 'pending' AND lease_owner = $4`,
              [error, retryAt, id, owner],
            );
      return r.rowCount === 1;
    },
    async readNotifications() {
      const r = await pool.query<OutboxRow>(`SELECT * FROM ${t} ORDER BY seq`);
      return r.rows.map((x) => ({ id: x.id, topic: x.topic, payload: x.payload, createdAt: x.created_at, status: x.status, attempts: x.attempts }));
    },
  };
}
