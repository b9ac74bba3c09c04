import type Database from 'better-sqlite3';
import type { ClaimedOutboxMessage, OutboxMessage } from '@anjian/core/ports';

/**
 * The table of a facet's own outbox (the device registry's daily warnings, the permit
 * store's texts): created if missing, beside the facet's other tables.
 */
export function sideOutboxSchema(table: string): string {
  return `
  CREATE TABLE IF NOT EXISTS ${table} (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, topic TEXT NOT NULL, payload TEXT NOT NULL, created_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0, available_at TEXT NOT NULL,
    lease_owner TEXT, lease_until TEXT, last_error TEXT, done_at TEXT
  ) STRICT;
  CREATE INDEX IF NOT EXISTS ${table}_ready ON ${table} (status, available_at, seq);
`;
}

interface OutboxRow {
  seq: number;
  id: string;
  topic: string;
  payload: string;
  created_at: string;
  status: 'pending' | 'done' | 'dead';
  attempts: number;
}

/** A message for a facet's own outbox (the device registry's daily warnings, the permit store's texts): no hazard, no event. */
type SideOutboxMessage = Pick<OutboxMessage, 'id' | 'topic' | 'payload' | 'createdAt'>;

/**
 * The outbox half of a facet over SQLite — enqueue (idempotent by id), claim with a lease,
 * ack, retry or dead-letter by the lease owner, read all — on one table made by
 * {@link sideOutboxSchema}. `enqueue` runs inside the caller's transaction when called in one.
 */
export function createSideOutbox(db: Database.Database, table: string) {
  const st = {
    enqueue: db.prepare(`INSERT INTO ${table} (id, topic, payload, created_at, available_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`),
    ready: db.prepare(`SELECT * FROM ${table} WHERE status = 'pending' AND available_at <= @now AND (lease_until IS NULL OR lease_until <= @now) ORDER BY seq LIMIT @limit`),
    lease: db.prepare(`UPDATE ${table} SET lease_owner = ?, lease_until = ? WHERE id = ?`),
    ack: db.prepare(`UPDATE ${table} SET status = 'done', done_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND status = 'pending' AND lease_owner = ?`),
    retry: db.prepare(`UPDATE ${table} SET attempts = attempts + 1, last_error = ?, available_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND status = 'pending' AND lease_owner = ?`),
    dead: db.prepare(`UPDATE ${table} SET status = 'dead', attempts = attempts + 1, last_error = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND status = 'pending' AND lease_owner = ?`),
    all: db.prepare(`SELECT * FROM ${table} ORDER BY seq`),
  };

  const claim = db.transaction((owner: string, now: string, leaseMs: number, limit: number): ClaimedOutboxMessage[] => {
    const until = new Date(Date.parse(now) + leaseMs).toISOString();
    return (st.ready.all({ now, limit }) as OutboxRow[]).map((r) => {
      st.lease.run(owner, until, r.id);
      return {
        id: r.id,
        hazardId: '',
        eventId: r.id,
        topic: r.topic,
        payload: JSON.parse(r.payload) as Record<string, unknown>,
        createdAt: r.created_at,
        attempts: r.attempts,
        leaseOwner: owner,
        leaseUntil: until,
      };
    });
  });

  return {
    /** Adds a message unless its id is already there; true when added. */
    enqueue(n: SideOutboxMessage): boolean {
      return st.enqueue.run(n.id, n.topic, JSON.stringify(n.payload), n.createdAt, n.createdAt).changes === 1;
    },
    async claimOutbox({ owner, now, leaseMs, limit }: { owner: string; now: string; leaseMs: number; limit: number }): Promise<ClaimedOutboxMessage[]> {
      return claim.immediate(owner, now, leaseMs, limit);
    },
    async ackOutbox(owner: string, ids: readonly string[], now: string): Promise<number> {
      let n = 0;
      db.transaction(() => {
        for (const id of ids) n += st.ack.run(now, id, owner).changes;
      }).immediate();
      return n;
    },
    async failOutbox({ id, owner, error, retryAt }: { id: string; owner: string; error: string; retryAt: string | null }): Promise<boolean> {
      return (retryAt === null ? st.dead.run(error, id, owner) : st.retry.run(error, retryAt, id, owner)).changes === 1;
    },
    async readNotifications() {
      return (st.all.all() as OutboxRow[]).map((r) => ({
        id: r.id,
        topic: r.topic,
        payload: JSON.parse(r.payload) as Record<string, unknown>,
        createdAt: r.created_at,
        status: r.status,
        attempts: r.attempts,
      }));
    },
  };
}
