import { canonicalJson } from '../chain/canonical-json.js';
import { evolve } from '../chain/evolve.js';
import { computeEventHash, GENESIS_HASH, sha256Hex } from '../chain/hash-event.js';
import { outboxMessagesFor } from '../chain/outbox-messages.js';
import { nextLogHead } from '../chain/verify-chain.js';
import type { ChainEvent, HazardState, StoredEvent } from '../chain/types.js';
import type { OutboxMessage, Store } from '../ports/store.js';
import { where, type ProblemSink } from './audit-problem.js';

/** What the log pass learnt about one hazard. @internal */
export interface HazardFold {
  /** State folded from the hazard's events, or `null` when `evolve` refused them. */
  state: HazardState | null;
  firstSeq: number;
  lastVersion: number;
  lastHash: string;
  lastRecordedAt: string;
}

/** What {@link auditLog} returns. @internal */
export interface LogAudit {
  events: number;
  lastSeq: number;
  head: string;
  /** Log head after the first `n` events, for each `n` asked for that the log reached. */
  headAt: Map<number, string>;
  hazards: Map<string, HazardFold>;
  /** Digest of the outbox message each event must have, by event id. */
  outbox: Map<string, { digest: string; seq: number; hazardId: string; version: number }>;
}

/** The digest of an outbox message as the audit compares it (delivery state excluded). @internal */
export function outboxDigest(m: OutboxMessage): string {
  return sha256Hex(canonicalJson({ id: m.id, hazardId: m.hazardId, eventId: m.eventId, topic: m.topic, payload: m.payload, createdAt: m.createdAt }));
}

/**
 * The outbox messages one hazard's events derive, as `handleCommand` wrote them: one append
 * per command, each message built with the state after the whole command. @internal
 */
export function expectedOutbox(events: readonly ChainEvent[]): OutboxMessage[] {
  const out: OutboxMessage[] = [];
  let state: HazardState | null = null;
  let group: ChainEvent[] = [];
  const flush = () => {
    if (group.length > 0 && state) out.push(...outboxMessagesFor(group, state));
    group = [];
  };
  for (const e of events) {
    if (group.length > 0 && group[0]?.commandId !== e.commandId) flush();
    state = evolve(state, e);
    group.push(e);
  }
  flush();
  return out;
}

/**
 * One pass over the whole log in `seq` order: seq contiguity, each event's hash, the link
 * to the previous event of its hazard, the running log head, each hazard's folded state
 * and the outbox message each event must have. Records the first problem of each kind and
 * goes on. @internal
 */
export async function auditLog(store: Store, sink: ProblemSink, headSizes: ReadonlySet<number>, pageSize: number): Promise<LogAudit> {
  const hazards = new Map<string, HazardFold>();
  const outbox: LogAudit['outbox'] = new Map();
  const pending = new Map<string, StoredEvent[]>(); // the current command's events, per hazard
  const headAt = new Map<number, string>();
  let head = GENESIS_HASH;
  let events = 0;
  let expectedSeq = 1;
  let lastSeq = 0;
  if (headSizes.has(0)) headAt.set(0, head);

  const flush = (hazardId: string) => {
    const group = pending.get(hazardId);
    const fold = hazards.get(hazardId);
    pending.delete(hazardId);
    if (!group || !fold?.state) return;
    const messages = outboxMessagesFor(group, fold.state);
    messages.forEach((m, i) => {
      const e = group[i] as StoredEvent;
      outbox.set(m.id, { digest: outboxDigest(m), seq: e.seq, hazardId, version: e.version });
    });
  };

  for (let from = 1; ;) {
    const page = await store.readLog(from, pageSize);
    for (const e of page) {
      const at = { seq: e.seq, hazardId: e.hazardId, version: e.version };
      if (e.seq !== expectedSeq) {
        const missing = e.seq > expectedSeq;
        sink.add(
          'log_order',
          missing ? 'SEQ_GAP' : 'SEQ_REVERSED',
          missing ? { seq: expectedSeq, toSeq: e.seq - 1 } : at,
          missing ? `日志缺少 seq ${expectedSeq}–${e.seq - 1}（事件被删除）` : `seq ${e.seq} 不按顺序（应为 ${expectedSeq}）`,
          missing ? `the log lacks seq ${expectedSeq}–${e.seq - 1} (events deleted)` : `seq ${e.seq} out of order (expected ${expectedSeq})`,
        );
      }
      expectedSeq = Math.max(expectedSeq, e.seq) + 1;
      lastSeq = Math.max(lastSeq, e.seq);
      let hashOk: boolean;
      try {
        hashOk = computeEventHash(e) === e.hash;
      } catch {
        hashOk = false;
      }
      if (!hashOk) {
        sink.add('event_hash', 'HASH_MISMATCH', at, `${where(at)} 的内容与其哈希不符（被修改）`, `${where(at)} does not match its hash (edited)`);
      }
      const prev = hazards.get(e.hazardId);
      const link = linkProblem(e, prev);
      if (link) sink.add('chain_link', link.code, at, `${where(at)}：${link.zh}`, `${where(at)}: ${link.en}`);

      if (prev && pending.get(e.hazardId)?.[0]?.commandId !== e.commandId) flush(e.hazardId);
      let state: HazardState | null = prev ? prev.state : null;
      try {
        state = prev && !prev.state ? null : evolve(state, e);
      } catch {
        state = null;
      }
      if (prev) {
        prev.state = state;
        prev.lastVersion = e.version;
        prev.lastHash = e.hash;
        prev.lastRecordedAt = e.recordedAt;
      } else hazards.set(e.hazardId, { state, firstSeq: e.seq, lastVersion: e.version, lastHash: e.hash, lastRecordedAt: e.recordedAt });
      const group = pending.get(e.hazardId);
      if (group) group.push(e);
      else pending.set(e.hazardId, [e]);

      head = nextLogHead(head, e.hash);
      events += 1;
      if (headSizes.has(events)) headAt.set(events, head);
    }
    const last = page[page.length - 1];
    if (page.length < pageSize || !last) break;
    from = last.seq + 1;
  }
  for (const hazardId of [...pending.keys()]) flush(hazardId);
  return { events, lastSeq, head, headAt, hazards, outbox };
}

function linkProblem(e: ChainEvent, prev: HazardFold | undefined): { code: string; zh: string; en: string } | null {
  const version = prev ? prev.lastVersion + 1 : 1;
  if (e.version !== version) return { code: 'VERSION_GAP', zh: `版本应为 ${version}（之前的事件被删除或改动）`, en: `version should be ${version} (an earlier event was deleted or changed)` };
  if (e.prevHash !== (prev ? prev.lastHash : GENESIS_HASH)) {
    return {
      code: 'PREV_HASH_MISMATCH',
      zh: '与本隐患上一事件的哈希链接不上（上一事件被改动后重算了哈希）',
      en: 'does not link to the previous event of its hazard (that event was changed and its hash recomputed)',
    };
  }
  if (e.id !== `${e.hazardId}/${e.version}`) return { code: 'ID_MISMATCH', zh: `事件 id 应为 ${e.hazardId}/${e.version}`, en: `event id should be ${e.hazardId}/${e.version}` };
  if (prev && e.recordedAt < prev.lastRecordedAt) return { code: 'RECORDED_AT_REVERSED', zh: '记录时间早于上一事件', en: 'recorded before the previous event' };
  return null;
}
