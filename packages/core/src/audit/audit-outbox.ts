import { canonicalJson } from '../chain/canonical-json.js';
import type { OutboxMessage, Store } from '../ports/store.js';
import { expectedOutbox, outboxDigest, type LogAudit } from './audit-log.js';
import { where, type ProblemSink } from './audit-problem.js';

/**
 * Compares every outbox message (payload, topic, ids, time; not its delivery state) with
 * the message its event derives (`outboxMessagesFor`, one append per command), and finds
 * messages whose event is gone and events without a message. A message of an event
 * appended after the log was read is checked against a fresh read of that hazard.
 * A message the store pruned (`pruneOutbox`: delivered, or a dead letter given up on) is
 * not missing: the store kept its ids and state (`readPrunedOutbox`). A message deleted
 * any other way — a pending one above all, a notice never sent — is `MISSING_MESSAGE`.
 * Returns the messages read. @internal
 */
export async function auditOutbox(store: Store, log: LogAudit, sink: ProblemSink, pageSize: number): Promise<number> {
  const matched = new Set<string>();
  const bad: Array<{ seq: number; add: () => void }> = [];
  let read = 0;
  for (let from = 1; ;) {
    const page = await store.readOutbox(from, pageSize);
    for (const m of page) {
      read += 1;
      const expected = log.outbox.get(m.eventId) ?? (log.hazards.has(m.hazardId) && !log.hazards.get(m.hazardId)?.state ? 'unknown' : undefined);
      if (expected === 'unknown') continue; // the hazard cannot be replayed: reported as a projection problem
      if (expected && expected.digest === outboxDigest(m) && m.id === m.eventId) {
        matched.add(m.eventId);
        continue;
      }
      const version = Number(/\/(\d+)$/.exec(m.eventId)?.[1] ?? NaN);
      if (!expected) {
        // Appended after the log was read? Then the store has the event now, beyond the log read.
        const fresh = await store.readEvents(m.hazardId);
        const event = fresh.find((e) => e.id === m.eventId);
        if (event && event.seq > log.lastSeq) {
          const derived = expectedOutbox(fresh).find((x) => x.id === m.id);
          if (derived && outboxDigest(derived) === outboxDigest(m)) continue;
        }
        const at = { hazardId: m.hazardId, ...(Number.isFinite(version) ? { version } : {}) };
        bad.push({
          seq: Number.MAX_SAFE_INTEGER,
          add: () =>
            sink.add(
              'outbox',
              'MESSAGE_WITHOUT_EVENT',
              at,
              `发件箱消息 ${m.id} 对应的事件 ${m.eventId} 不在日志中（事件被删除）`,
              `outbox message ${m.id} names event ${m.eventId}, which is not in the log (deleted)`,
            ),
        });
        continue;
      }
      matched.add(m.eventId);
      const at = { seq: expected.seq, hazardId: expected.hazardId, version: expected.version };
      bad.push({
        seq: expected.seq,
        add: async () => {
          const fields = await differingFields(store, m);
          sink.add('outbox', 'MESSAGE_DIFFERS', at, `${where(at)} 的发件箱消息与事件推导的不同（${fields}）`, `the outbox message of ${where(at)} differs from what its event derives (${fields})`);
        },
      });
    }
    const last = page[page.length - 1];
    if (page.length < pageSize || !last) break;
    from = last.seq + 1;
  }
  const pruned = await prunedEventIds(store, pageSize);
  for (const [eventId, expected] of log.outbox) {
    if (matched.has(eventId) || pruned.has(eventId)) continue;
    const at = { seq: expected.seq, hazardId: expected.hazardId, version: expected.version };
    bad.push({ seq: expected.seq, add: () => sink.add('outbox', 'MISSING_MESSAGE', at, `${where(at)} 没有发件箱消息`, `${where(at)} has no outbox message`) });
  }
  await bad.sort((a, b) => a.seq - b.seq)[0]?.add();
  return read;
}

async function differingFields(store: Store, m: OutboxMessage): Promise<string> {
  const derived = expectedOutbox(await store.readEvents(m.hazardId)).find((x) => x.eventId === m.eventId);
  if (!derived) return 'payload';
  const out: string[] = [];
  for (const k of ['id', 'hazardId', 'topic', 'createdAt'] as const) if (derived[k] !== m[k]) out.push(`${k}: ${JSON.stringify(m[k])} ≠ ${JSON.stringify(derived[k])}`);
  const keys = new Set([...Object.keys(m.payload), ...Object.keys(derived.payload)]);
  for (const k of [...keys].sort()) {
    if (canonicalJson(m.payload[k] ?? null) !== canonicalJson(derived.payload[k] ?? null)) out.push(`payload.${k}: ${JSON.stringify(m.payload[k])} ≠ ${JSON.stringify(derived.payload[k])}`);
  }
  return out.join('; ') || 'payload';
}

/**
 * The event ids of the messages the store pruned after delivery or as dead letters (none
 * when the store cannot prune). Only a record naming its own event (id = event id) counts.
 */
async function prunedEventIds(store: Store, pageSize: number): Promise<Set<string>> {
  const out = new Set<string>();
  if (!store.readPrunedOutbox) return out;
  for (let from = 1; ;) {
    const page = await store.readPrunedOutbox(from, pageSize);
    for (const p of page) if (p.id === p.eventId) out.add(p.eventId);
    const last = page[page.length - 1];
    if (page.length < pageSize || !last) return out;
    from = last.seq + 1;
  }
}
