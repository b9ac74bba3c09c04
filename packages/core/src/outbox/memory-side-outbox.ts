import type { ClaimedOutboxMessage, ClaimOutboxInput, FailOutboxInput, OutboxMessage } from '../ports/store.js';

/** A message for a facet's own outbox (the device registry's daily warnings, the permit store's texts): no hazard, no event. */
type SideOutboxMessage = Pick<OutboxMessage, 'id' | 'topic' | 'payload' | 'createdAt'>;

interface Row extends SideOutboxMessage {
  seq: number;
  status: 'pending' | 'done' | 'dead';
  attempts: number;
  availableAt: string;
  leaseOwner: string | null;
  leaseUntil: string | null;
  lastError: string | null;
}

const copy = <T>(v: T): T => structuredClone(v);

/**
 * The outbox half of a memory facet — enqueue (idempotent by id), claim with a lease, ack,
 * retry or dead-letter by the lease owner, read all — shared by the memory device registry
 * and the memory permit store. Values are copied in and out.
 */
export function createMemorySideOutbox() {
  const outbox = new Map<string, Row>();
  let seq = 0;
  const inOrder = () => [...outbox.values()].sort((a, b) => a.seq - b.seq);

  return {
    /** Adds a message unless its id is already there; true when added. */
    enqueue(n: SideOutboxMessage): boolean {
      if (outbox.has(n.id)) return false;
      outbox.set(n.id, { ...copy(n), seq: ++seq, status: 'pending', attempts: 0, availableAt: n.createdAt, leaseOwner: null, leaseUntil: null, lastError: null });
      return true;
    },
    async claimOutbox({ owner, now, leaseMs, limit }: ClaimOutboxInput): Promise<ClaimedOutboxMessage[]> {
      const until = new Date(Date.parse(now) + leaseMs).toISOString();
      const out: ClaimedOutboxMessage[] = [];
      for (const row of inOrder()) {
        if (out.length >= limit) break;
        if (row.status !== 'pending' || row.availableAt > now || (row.leaseUntil !== null && row.leaseUntil > now)) continue;
        row.leaseOwner = owner;
        row.leaseUntil = until;
        out.push({ id: row.id, hazardId: '', eventId: row.id, topic: row.topic, payload: copy(row.payload), createdAt: row.createdAt, attempts: row.attempts, leaseOwner: owner, leaseUntil: until });
      }
      return out;
    },
    async ackOutbox(owner: string, ids: readonly string[], now: string): Promise<number> {
      let n = 0;
      for (const id of ids) {
        const row = outbox.get(id);
        if (!row || row.status !== 'pending' || row.leaseOwner !== owner) continue;
        row.status = 'done';
        row.leaseOwner = row.leaseUntil = null;
        row.availableAt = now;
        n++;
      }
      return n;
    },
    async failOutbox({ id, owner, error, retryAt }: FailOutboxInput): Promise<boolean> {
      const row = outbox.get(id);
      if (!row || row.status !== 'pending' || row.leaseOwner !== owner) return false;
      row.attempts += 1;
      row.lastError = error;
      row.leaseOwner = row.leaseUntil = null;
      if (retryAt === null) row.status = 'dead';
      else row.availableAt = retryAt;
      return true;
    },
    async readNotifications() {
      return inOrder().map((r) => ({ id: r.id, topic: r.topic, payload: copy(r.payload), createdAt: r.createdAt, status: r.status, attempts: r.attempts }));
    },
  };
}
