import { checkPruneOutboxInput } from '../ports/prune-outbox.js';
import type { PrunedOutboxMessage, PruneOutboxInput, PruneOutboxResult } from '../ports/store.js';

/** The fields of a memory outbox row that retention reads. */
interface RetainedRow {
  id: string;
  hazardId: string;
  eventId: string;
  createdAt: string;
  status: 'pending' | 'done' | 'dead';
  /** Position in the outbox (insertion order). */
  order: number;
}

/**
 * The retention half of the memory store's outbox (`pruneOutbox`, `readPrunedOutbox`): it
 * remembers when each message was acknowledged (`delivered`, called by `ackOutbox` with the
 * caller's `now`), deletes from the store's row map what the port's contract allows, and
 * keeps the ids and state of what it deleted for the audit. Synchronous, so each call is
 * atomic in the memory store. @internal
 */
export function createMemoryOutboxRetention() {
  const deliveredAt = new Map<string, string>();
  const pruned: PrunedOutboxMessage[] = [];

  return {
    /** Records the acknowledgement instant of a message (the caller's clock). */
    delivered(id: string, at: string): void {
      deliveredAt.set(id, at);
    },
    /** `pruneOutbox` over `rows` (the store's outbox by id): delivered first, oldest acknowledgement first, then dead letters, oldest first. */
    prune(rows: Map<string, RetainedRow>, input: PruneOutboxInput): PruneOutboxResult {
      checkPruneOutboxInput(input);
      const delivered = [...rows.values()]
        .filter((r) => r.status === 'done' && (deliveredAt.get(r.id) ?? r.createdAt) < input.deliveredBefore)
        .map((r) => ({ r, at: deliveredAt.get(r.id) ?? r.createdAt }))
        .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.r.order - b.r.order))
        .map(({ r }) => r)
        .slice(0, input.limit);
      const { deadBefore } = input;
      const dead =
        deadBefore === undefined
          ? []
          : [...rows.values()]
              .filter((r) => r.status === 'dead' && r.createdAt < deadBefore)
              .sort((a, b) => a.order - b.order)
              .slice(0, input.limit - delivered.length);
      for (const r of [...delivered, ...dead]) {
        rows.delete(r.id);
        deliveredAt.delete(r.id);
        pruned.push({ seq: pruned.length + 1, id: r.id, hazardId: r.hazardId, eventId: r.eventId, state: r.status === 'done' ? 'delivered' : 'dead' });
      }
      return { delivered: delivered.length, dead: dead.length, more: delivered.length + dead.length === input.limit };
    },
    /** `readPrunedOutbox`: copies, in `seq` order. */
    readPruned(fromSeq: number, limit: number): PrunedOutboxMessage[] {
      return pruned
        .filter((p) => p.seq >= fromSeq)
        .slice(0, Math.max(0, Math.floor(limit)))
        .map((p) => ({ ...p }));
    },
  };
}
