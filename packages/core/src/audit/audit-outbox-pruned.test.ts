// The audit's rule for pruned outbox messages, on the memory store with its rows edited
// directly: a message the store lists as pruned (readPrunedOutbox) is not missing; a message
// deleted without that record — a pending notice above all — is MISSING_MESSAGE.
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../chain/memory-store.js';
import type { OutboxMessage, PrunedOutboxMessage } from '../ports/store.js';
import { seedAuditTrail } from '../testing/audit-fixtures.js';
import { verifyAudit } from './verify-audit.js';

const NOW = '2026-12-07T00:00:00.000Z';

async function seeded() {
  const store = createMemoryStore();
  await seedAuditTrail(store);
  const messages = [...store.unsafeOutbox.values()];
  // A tamper hook: the map behind unsafeOutbox, to delete rows as a DBA would.
  const rows = store.unsafeOutbox as Map<string, OutboxMessage>;
  return { store, messages, rows };
}

const record = (m: OutboxMessage, seq: number, state: PrunedOutboxMessage['state'] = 'delivered'): PrunedOutboxMessage => ({ seq, id: m.id, hazardId: m.hazardId, eventId: m.eventId, state });

describe('verifyAudit and pruned outbox messages', () => {
  it('messages the store pruned are not missing, delivered or dead, read by pages', async () => {
    const { store, messages, rows } = await seeded();
    const pruned = messages.slice(0, 5).map((m, i) => record(m, i * 2 + 1, i === 4 ? 'dead' : 'delivered'));
    for (const m of messages.slice(0, 5)) rows.delete(m.id);
    const readPrunedOutbox = async (fromSeq: number, limit: number) => pruned.filter((p) => p.seq >= fromSeq).slice(0, limit);
    expect(await verifyAudit({ ...store, readPrunedOutbox }, { now: NOW, pageSize: 2 })).toMatchObject({ ok: true, problems: [] });
  });

  it('a message deleted without a prune record is MISSING_MESSAGE', async () => {
    const { store, messages, rows } = await seeded();
    const [a, b] = messages as [OutboxMessage, OutboxMessage];
    for (const m of [a, b]) rows.delete(m.id);
    // a was pruned; b (say, still pending) was deleted behind the store's back.
    const records = [record(a, 1)];
    const result = await verifyAudit({ ...store, readPrunedOutbox: async (from: number) => records.filter((p) => p.seq >= from) }, { now: NOW });
    expect(result.ok).toBe(false);
    const [hazardId, version] = b.eventId.split('/') as [string, string];
    expect(result.problems).toMatchObject([{ kind: 'outbox', code: 'MISSING_MESSAGE', position: { hazardId, version: Number(version) } }]);
  });

  it('a prune record whose id is not its event id covers nothing', async () => {
    const { store, messages, rows } = await seeded();
    const c = messages[2] as OutboxMessage;
    rows.delete(c.id);
    const records = [{ ...record(c, 1), id: `${c.id}-x` }];
    const result = await verifyAudit({ ...store, readPrunedOutbox: async () => records }, { now: NOW });
    expect(result.problems).toMatchObject([{ kind: 'outbox', code: 'MISSING_MESSAGE', position: { hazardId: c.hazardId } }]);
  });

  it('without readPrunedOutbox every deleted message is missing', async () => {
    const { store, messages, rows } = await seeded();
    rows.delete((messages[2] as OutboxMessage).id);
    expect((await verifyAudit(store, { now: NOW })).problems).toMatchObject([{ kind: 'outbox', code: 'MISSING_MESSAGE' }]);
  });
});
