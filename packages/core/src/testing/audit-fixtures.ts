import { evolve } from '../chain/evolve.js';
import { computeEventHash, GENESIS_HASH } from '../chain/hash-event.js';
import { outboxMessagesFor } from '../chain/outbox-messages.js';
import { summarize } from '../chain/summarize.js';
import type { ChainEvent, EventType, HazardState } from '../chain/types.js';
import type { Store } from '../ports/store.js';
import type { DocumentNumberRequest } from '../ports/document-register.js';
import { documentContentDigest } from '../ports/document-trail.js';

/** Options of {@link seedAuditTrail}. */
export interface SeedAuditTrailOptions {
  /** Hazard ids (default `H-A` … `H-F`). */
  hazardIds?: readonly string[];
  /** First `recordedAt` (default `2026-11-02T01:00:00.000Z`); each event one minute later. */
  start?: string;
  /** Denials to record (default 3). */
  denials?: number;
  /**
   * Number and issue a `rectification_order` of this jurisdiction (year 2026) with every
   * notice: allocated in the notice's append, then issued with `recordDocumentHash` (content
   * `{"hazardId":…,"kind":…,"number":…}`, its SHA-256 as the hash, code `DOC-<hazard>`).
   * Default: no documents.
   */
  documents?: string;
}

/**
 * Appends a small, valid audit trail to a store WITHOUT the decider: for every hazard a
 * report (level `major` for the first, `general` for the others), a notice, then for every
 * other hazard one command of two events (extension requested and granted). Events are
 * interleaved across hazards; hashes, outbox rows and list rows are what `handleCommand`
 * would write for these events. For audit and tamper tests of store adapters.
 *
 * @example
 * ```ts
 * const { events } = await seedAuditTrail(store);
 * expect((await verifyAudit(store)).ok).toBe(true);
 * ```
 */
export async function seedAuditTrail(store: Store, options: SeedAuditTrailOptions = {}): Promise<{ hazardIds: string[]; events: number }> {
  const ids = [...(options.hazardIds ?? ['H-A', 'H-B', 'H-C', 'H-D', 'H-E', 'H-F'])];
  let at = Date.parse(options.start ?? '2026-11-02T01:00:00.000Z');
  const states = new Map<string, HazardState>();
  let events = 0;
  let n = 0;
  const append = async (hazardId: string, drafts: Array<{ type: EventType; data: unknown; actor: { id: string; role: ChainEvent['actor']['role'] } }>, document?: string) => {
    const commandId = `seed-${hazardId}-${++n}`;
    let state = states.get(hazardId) ?? null;
    const made: ChainEvent[] = [];
    for (const d of drafts) {
      at += 60_000;
      const version = (state?.version ?? 0) + 1;
      const recordedAt = new Date(at).toISOString();
      const body = {
        id: `${hazardId}/${version}`,
        hazardId,
        version,
        type: d.type,
        actor: d.actor,
        commandId,
        recordedAt,
        occurredAt: recordedAt,
        pack: { id: 'demo-kitchen', version: '0.1.0' },
        data: d.data,
        prevHash: state?.lastHash ?? GENESIS_HASH,
      } as Omit<ChainEvent, 'hash'>;
      const event = { ...body, hash: computeEventHash(body) } as ChainEvent;
      state = evolve(state, event);
      made.push(event);
    }
    const after = state as HazardState;
    const first = made[0] as ChainEvent;
    const requests: DocumentNumberRequest[] | undefined = document === undefined ? undefined : [{ jurisdiction: document, kind: 'rectification_order', year: 2026, eventId: first.id }];
    const result = await store.append({
      hazardId,
      expectedVersion: states.get(hazardId)?.version ?? 0,
      events: made,
      outbox: outboxMessagesFor(made, after),
      commandId,
      commandFingerprint: `fp-${commandId}`,
      summary: summarize(after),
      ...(requests ? { documents: requests } : {}),
    });
    if (result.kind !== 'ok') throw new Error(`seedAuditTrail: append ${commandId} gave ${result.kind}`);
    for (const number of result.documents ?? []) {
      const content = JSON.stringify({ hazardId, kind: number.kind, number: number.seq });
      const issued = await store.recordDocumentHash({
        ...number,
        contentHash: documentContentDigest(content),
        verificationCode: `DOC-${hazardId}`,
        content,
        at: new Date(Date.parse(first.recordedAt) + 1_000).toISOString(),
      });
      if (issued.kind !== 'recorded') throw new Error(`seedAuditTrail: issuing ${number.kind} ${number.seq} gave ${issued.kind}`);
    }
    states.set(hazardId, after);
    events += made.length;
  };
  const grid = { id: 'grid-g1', role: 'grid' as const };
  for (const [i, id] of ids.entries()) {
    await append(id, [
      {
        type: 'reported',
        actor: grid,
        data: {
          title: { 'zh-CN': `隐患 ${id}`, en: `hazard ${id}` },
          level: i === 0 ? 'major' : 'general',
          provisional: false,
          basis: [],
          deadline: { days: 7 },
          pack: { id: 'demo-kitchen', version: '0.1.0' },
          domain: 'gas',
          area: 'D1/G1',
          enterpriseId: 'E1',
          source: 'grid_patrol',
          evidence: [],
        },
      },
    ]);
  }
  for (const id of ids) {
    await append(id, [{ type: 'notice_issued', actor: grid, data: { deadline: new Date(at + 7 * 86_400_000).toISOString(), policy: { days: 7 } } }], options.documents);
  }
  for (const id of ids.filter((_, i) => i % 2 === 1)) {
    const owner = { id: 'owner-e1', role: 'enterprise' as const };
    const to = new Date(at + 14 * 86_400_000).toISOString();
    await append(id, [
      { type: 'extension_requested', actor: owner, data: { extension: { days: 7 }, reason: { code: 'other', text: { 'zh-CN': '等待配件', en: 'waiting for parts' } } } },
      { type: 'extension_granted', actor: grid, data: { from: states.get(id)?.deadline ?? to, to } },
    ]);
  }
  for (let d = 0; d < (options.denials ?? 3); d++) {
    await store.recordDenial({
      commandId: `denied-${d}`,
      hazardId: ids[d % ids.length] as string,
      commandType: 'close',
      actorId: 'owner-e2',
      code: 'FORBIDDEN',
      message: { 'zh-CN': '无权操作', en: 'forbidden' },
      recordedAt: new Date(at + d).toISOString(),
    });
  }
  return { hazardIds: ids, events };
}
