import type {
  AppendInput,
  AppendResult,
  ClaimedOutboxMessage,
  ClaimOutboxInput,
  CommandRecord,
  DenialRecord,
  FailOutboxInput,
  HazardFilter,
  HazardPage,
  HazardStats,
  HazardStatsQuery,
  OutboxMessage,
  OutboxStatus,
  PageRequest,
  Store,
  StoredCheckpoint,
  StoredDenial,
  StoredOutboxMessage,
} from '../ports/store.js';
import { checkDocumentContent, checkDocumentRequests, checkVoidDocumentInput, type DocumentKey, type DocumentNumber, type DocumentRecord } from '../ports/document-register.js';
import { documentTrailInput, documentVoidInput, sealDocumentTrailEntry, sealDocumentVoidEntry, type DocumentIssuedEntry, type DocumentTrailEntry } from '../ports/document-trail.js';
import { checkHazardStatsQuery, chinaPeriod, hazardStatsFromGroups, type HazardStatsGroup, type HazardStatsPeriodGroup } from '../ports/hazard-stats.js';
import { decodeKeysetCursor, encodeKeysetCursor } from '../ports/keyset-cursor.js';
import { areaCovers } from './authorize.js';
import { StoreError } from '../ports/store-error.js';
import { createMemoryOutboxRetention } from '../outbox/memory-outbox-retention.js';
import type { HazardSummary, StoredEvent } from './types.js';

interface OutboxRow extends OutboxMessage {
  attempts: number;
  status: 'pending' | 'done' | 'dead';
  availableAt: string;
  leaseOwner: string | null;
  leaseUntil: string | null;
  lastError: string;
  order: number;
}

/** The in-memory store plus test hooks to simulate tampering (used by the tamper tests). */
export interface MemoryStore extends Store {
  /** Direct access to the stored log, for tamper tests ONLY: mutating it bypasses every rule. */
  readonly unsafeLog: StoredEvent[];
  /** The hazard list rows by id, for tamper tests ONLY. */
  readonly unsafeSummaries: Map<string, HazardSummary>;
  /** The outbox rows by id, for tamper tests ONLY (edit a `payload` in place). */
  readonly unsafeOutbox: ReadonlyMap<string, OutboxMessage>;
  /**
   * The issued documents' contents by `jurisdiction\nkind\nyear\nseq`, for tamper tests ONLY
   * (delete one to stand for a document issued before stores kept contents, edit one to alter it).
   */
  readonly unsafeDocumentContents: Map<string, string>;
  /** The document register's records by `jurisdiction\nkind\nyear\nseq`, for tamper tests ONLY (edit a hash, delete a record). */
  readonly unsafeDocumentRegister: Map<string, DocumentRecord>;
  /** The document trail's entries in `seq` order, for tamper tests ONLY (edit, delete, or remove the tail). */
  readonly unsafeDocumentTrail: DocumentTrailEntry[];
}

const clone = <T>(value: T): T => structuredClone(value);

function matches<T>(value: T, wanted: T | readonly T[] | undefined): boolean {
  if (wanted === undefined) return true;
  return Array.isArray(wanted) ? (wanted as readonly T[]).includes(value) : value === wanted;
}

const seriesKey = (s: { jurisdiction: string; kind: string; year: number }): string => `${s.jurisdiction}\n${s.kind}\n${s.year}`;

function invalidAppend(en: string, zh: string): never {
  throw new StoreError('INVALID_APPEND', { 'zh-CN': zh, en });
}

/**
 * A {@link Store} in memory: for tests, demos and single-process hosts that do not need
 * durability. Every read and write deep-clones, so callers can never alias stored data.
 * Operations are atomic because each runs synchronously between two awaits.
 *
 * @example
 * ```ts
 * const store = createMemoryStore();
 * await handleCommand({ store, clock, directory, calendar }, command, 'grid-7');
 * ```
 */
export function createMemoryStore(): MemoryStore {
  const log: StoredEvent[] = [];
  const commands = new Map<string, CommandRecord>();
  const summaries = new Map<string, HazardSummary>();
  const denials: StoredDenial[] = [];
  const outbox = new Map<string, OutboxRow>();
  let outboxOrder = 0;
  const retention = createMemoryOutboxRetention();
  const checkpoints: StoredCheckpoint[] = [];
  // Document numbers by `series key\nseq`, in allocation order, and the last number of each series.
  const register = new Map<string, DocumentRecord>();
  const contents = new Map<string, string>();
  const trail: DocumentTrailEntry[] = [];
  const seriesLast = new Map<string, number>();

  // Index by hazard; rebuilt when a tamper test edits `unsafeLog` directly (length or identity change).
  const byHazard = new Map<string, StoredEvent[]>();
  let indexed = 0;
  let indexedLast: StoredEvent | undefined;
  const eventsOf = (hazardId: string): StoredEvent[] => {
    if (indexed !== log.length || log[log.length - 1] !== indexedLast) {
      byHazard.clear();
      for (const e of log) {
        const list = byHazard.get(e.hazardId);
        if (list) list.push(e);
        else byHazard.set(e.hazardId, [e]);
      }
      indexed = log.length;
      indexedLast = log[log.length - 1];
    }
    return byHazard.get(hazardId) ?? [];
  };

  return {
    unsafeLog: log,
    unsafeSummaries: summaries,
    unsafeOutbox: outbox,
    unsafeDocumentContents: contents,
    unsafeDocumentRegister: register,
    unsafeDocumentTrail: trail,

    async append(input: AppendInput): Promise<AppendResult> {
      if (input.events.length === 0) invalidAppend('append needs at least one event', '追加至少需要一个事件');
      input.events.forEach((e, i) => {
        if (e.hazardId !== input.hazardId || e.version !== input.expectedVersion + i + 1) {
          invalidAppend('event versions must follow expectedVersion', '事件版本必须紧接 expectedVersion');
        }
      });
      checkDocumentRequests(input.events, input.documents);
      const original = commands.get(input.commandId);
      if (original) return { kind: 'duplicate-command', original: clone(original) };
      const current = summaries.get(input.hazardId)?.version ?? 0;
      const logged = eventsOf(input.hazardId).at(-1)?.version ?? 0;
      if (current !== logged) {
        throw new StoreError('TRAIL_MISMATCH', {
          'zh-CN': `隐患 ${input.hazardId} 的列表行为版本 ${current}，事件日志为版本 ${logged}：数据被改动，请运行审计核验`,
          en: `hazard ${input.hazardId}: list row at version ${current}, event log at version ${logged}; the data was changed outside the store, run the audit`,
        });
      }
      if (current !== input.expectedVersion) return { kind: 'conflict', actualVersion: current };
      const stored: StoredEvent[] = input.events.map((e, i) => ({ ...clone(e), seq: log.length + i + 1 }));
      const indexCurrent = indexed === log.length && log[log.length - 1] === indexedLast;
      log.push(...stored);
      if (indexCurrent) {
        for (const e of stored) {
          const list = byHazard.get(e.hazardId);
          if (list) list.push(e);
          else byHazard.set(e.hazardId, [e]);
        }
        indexed = log.length;
        indexedLast = log[log.length - 1];
      }
      commands.set(input.commandId, {
        commandId: input.commandId,
        fingerprint: input.commandFingerprint,
        hazardId: input.hazardId,
        events: clone(stored),
      });
      summaries.set(input.hazardId, clone(input.summary));
      for (const m of input.outbox) {
        outbox.set(m.id, {
          ...clone(m),
          attempts: 0,
          status: 'pending',
          availableAt: m.createdAt,
          leaseOwner: null,
          leaseUntil: null,
          lastError: '',
          order: ++outboxOrder,
        });
      }
      if (input.documents === undefined) return { kind: 'ok', events: clone(stored) };
      const numbers: DocumentNumber[] = input.documents.map((r) => {
        const key = seriesKey(r);
        const seq = (seriesLast.get(key) ?? 0) + 1;
        seriesLast.set(key, seq);
        const issuedAt = (input.events.find((e) => e.id === r.eventId) as StoredEvent).recordedAt;
        const record: DocumentRecord = {
          jurisdiction: r.jurisdiction,
          kind: r.kind,
          year: r.year,
          eventId: r.eventId,
          seq,
          hazardId: input.hazardId,
          issuedAt,
          contentHash: null,
          verificationCode: null,
          hashedAt: null,
          voided: null,
        };
        register.set(`${key}\n${seq}`, record);
        const { contentHash: _h, verificationCode: _c, hashedAt: _a, voided: _v, ...number } = record;
        return number;
      });
      return { kind: 'ok', events: clone(stored), documents: numbers };
    },

    async readDocuments(hazardId) {
      return clone([...register.values()].filter((r) => r.hazardId === hazardId));
    },

    async readDocumentRegister(after, limit) {
      const order = (a: DocumentKey, b: DocumentKey): number =>
        a.jurisdiction !== b.jurisdiction ? (a.jurisdiction < b.jurisdiction ? -1 : 1) : a.kind !== b.kind ? (a.kind < b.kind ? -1 : 1) : a.year !== b.year ? a.year - b.year : a.seq - b.seq;
      return [...register.values()]
        .filter((r) => after === null || order(r, after) > 0)
        .sort(order)
        .slice(0, Math.max(0, Math.floor(limit)))
        .map((r) => ({ ...clone(r), content: contents.get(`${seriesKey(r)}\n${r.seq}`) ?? null }));
    },

    async readDocumentSeries(series, fromSeq, limit) {
      const key = seriesKey(series);
      return clone(
        [...register.values()]
          .filter((r) => seriesKey(r) === key && r.seq >= fromSeq)
          .sort((a, b) => a.seq - b.seq)
          .slice(0, Math.max(0, Math.floor(limit))),
      );
    },

    async recordDocumentHash(input) {
      checkDocumentContent(input.content);
      const key = `${seriesKey(input)}\n${input.seq}`;
      const record = register.get(key);
      if (!record) return { kind: 'not-found' };
      // One entry of the document trail per issued number, chained to the last one.
      const chain = (issued: DocumentRecord): void => {
        if (trail.some((t) => t.type === undefined && t.jurisdiction === issued.jurisdiction && t.kind === issued.kind && t.year === issued.year && t.documentSeq === issued.seq)) return;
        trail.push(sealDocumentTrailEntry(trail[trail.length - 1] ?? null, documentTrailInput(issued, input.content, log.length, input.at)));
      };
      if (record.contentHash !== null) {
        // Issued before contents (or the trail) were kept: the same hash stores the same document's content and chains it.
        if (record.contentHash === input.contentHash) {
          if (!contents.has(key)) contents.set(key, input.content);
          chain(record);
        }
        return { kind: 'exists', record: clone(record) };
      }
      if ([...register.values()].some((r) => r.verificationCode === input.verificationCode)) return { kind: 'code-taken' };
      record.contentHash = input.contentHash;
      record.verificationCode = input.verificationCode;
      record.hashedAt = input.at;
      contents.set(key, input.content);
      chain(record);
      return { kind: 'recorded', record: clone(record) };
    },

    async readDocumentContent(key) {
      return contents.get(`${seriesKey(key)}\n${key.seq}`) ?? null;
    },

    async readDocumentTrail(fromSeq, limit) {
      return clone(trail.filter((t) => t.seq >= fromSeq).slice(0, Math.max(0, Math.floor(limit))));
    },

    async readHazardDocumentTrail(hazardId) {
      return clone(trail.filter((t) => t.hazardId === hazardId));
    },

    async readDocumentIssueBefore(series, documentSeq) {
      let best: DocumentIssuedEntry | null = null;
      for (const t of trail) {
        if (t.type !== undefined || t.jurisdiction !== series.jurisdiction || t.kind !== series.kind || t.year !== series.year || t.documentSeq >= documentSeq) continue;
        if (!best || t.documentSeq > best.documentSeq) best = t;
      }
      return best ? clone(best) : null;
    },

    async voidDocument(input) {
      checkVoidDocumentInput(input);
      const record = register.get(`${seriesKey(input)}\n${input.seq}`);
      if (!record) return { kind: 'not-found' };
      // One void entry per number, chained with the void — or, for a void written before voids were chained, when it is voided again.
      const chainVoid = (): void => {
        if (trail.some((t) => t.type === 'voided' && t.jurisdiction === record.jurisdiction && t.kind === record.kind && t.year === record.year && t.documentSeq === record.seq)) return;
        trail.push(sealDocumentVoidEntry(trail[trail.length - 1] ?? null, documentVoidInput(record, log.length, input.at)));
      };
      if (record.voided) {
        chainVoid();
        return { kind: 'already-voided', record: clone(record) };
      }
      record.voided = { at: input.at, reason: input.reason, actorId: input.actorId };
      chainVoid();
      return { kind: 'voided', record: clone(record) };
    },

    async findDocumentByCode(code) {
      const found = [...register.values()].find((r) => r.verificationCode === code);
      return found ? clone(found) : null;
    },

    async load(hazardId) {
      const events = eventsOf(hazardId);
      return events.length === 0 ? null : clone(events);
    },

    async readEvents(hazardId) {
      return clone(eventsOf(hazardId));
    },

    async readLog(fromSeq, limit) {
      // seq is dense from 1 in an untampered log, so start near `fromSeq - 1`.
      let start = Math.min(Math.max(0, fromSeq - 1), log.length);
      while (start > 0 && (log[start - 1]?.seq ?? 0) >= fromSeq) start--;
      while (start < log.length && (log[start]?.seq ?? 0) < fromSeq) start++;
      return clone(log.slice(start, start + Math.max(0, limit)));
    },

    async findCommand(commandId) {
      const record = commands.get(commandId);
      return record ? clone(record) : null;
    },

    async recordDenial(denial: DenialRecord) {
      denials.push({ ...clone(denial), seq: denials.length + 1 });
    },

    async readDenials(fromSeq, limit) {
      return clone(denials.filter((d) => d.seq >= fromSeq).slice(0, Math.max(0, limit)));
    },

    async query(filter: HazardFilter, page: PageRequest): Promise<HazardPage> {
      const after = page.after ? decodeKeysetCursor(page.after) : null;
      const rows = [...summaries.values()]
        .filter((s) => matchesFilter(s, filter))
        .sort((a, b) => compareKey(a, b))
        .filter((s) => after === null || compareKey(s, { updatedAt: after[0], hazardId: after[1] }) > 0);
      const items = rows.slice(0, Math.max(1, page.limit));
      const last = items[items.length - 1];
      const next = rows.length > items.length && last ? encodeKeysetCursor(last.updatedAt, last.hazardId) : null;
      return { items: clone(items), next };
    },

    async claimOutbox(input: ClaimOutboxInput): Promise<ClaimedOutboxMessage[]> {
      const leaseUntil = new Date(Date.parse(input.now) + input.leaseMs).toISOString();
      const claimable = [...outbox.values()]
        .filter((r) => r.status === 'pending' && r.availableAt <= input.now && (r.leaseUntil === null || r.leaseUntil <= input.now))
        .sort((a, b) => a.order - b.order)
        .slice(0, Math.max(0, input.limit));
      return claimable.map((r) => {
        r.leaseOwner = input.owner;
        r.leaseUntil = leaseUntil;
        const { status: _s, availableAt: _a, lastError: _l, order: _o, ...message } = r;
        return clone({ ...message, leaseOwner: input.owner, leaseUntil });
      });
    },

    async ackOutbox(owner, ids, now) {
      let acked = 0;
      for (const id of ids) {
        const r = outbox.get(id);
        if (r && r.status === 'pending' && r.leaseOwner === owner) {
          r.status = 'done';
          r.leaseOwner = null;
          r.leaseUntil = null;
          retention.delivered(id, now);
          acked++;
        }
      }
      return acked;
    },

    async failOutbox(input: FailOutboxInput) {
      const r = outbox.get(input.id);
      if (!r || r.status !== 'pending' || r.leaseOwner !== input.owner) return false;
      r.attempts += 1;
      r.lastError = input.error;
      r.leaseOwner = null;
      r.leaseUntil = null;
      if (input.retryAt === null) r.status = 'dead';
      else r.availableAt = input.retryAt;
      return true;
    },

    async stats(query: HazardStatsQuery): Promise<HazardStats> {
      checkHazardStatsQuery(query);
      const groups = new Map<string, HazardStatsGroup>();
      const periods = new Map<string, HazardStatsPeriodGroup>();
      for (const s of summaries.values()) {
        if (!matchesFilter(s, query.filter ?? {})) continue;
        if (query.createdFrom !== undefined && s.createdAt < query.createdFrom) continue;
        if (query.createdTo !== undefined && s.createdAt >= query.createdTo) continue;
        const key = JSON.stringify([s.level, s.status, s.domain]);
        const g = groups.get(key) ?? { level: s.level, status: s.status, domain: s.domain, count: 0, overdue: 0 };
        g.count += 1;
        if (s.status !== 'closed' && s.deadline !== null && s.deadline < query.now) g.overdue += 1;
        groups.set(key, g);
        if (query.groupBy !== undefined) {
          const period = chinaPeriod(s.createdAt, query.groupBy);
          const p = periods.get(period) ?? { period, total: 0, closed: 0 };
          p.total += 1;
          if (s.status === 'closed') p.closed += 1;
          periods.set(period, p);
        }
      }
      return hazardStatsFromGroups(groups.values(), query.groupBy === undefined ? undefined : periods.values());
    },

    async outboxStatus(now: string): Promise<OutboxStatus> {
      const status: OutboxStatus = { pending: 0, retrying: 0, leased: 0, delivered: 0, dead: 0, oldestPendingAt: null, nextRetryAt: null };
      for (const r of outbox.values()) {
        if (r.status === 'done') status.delivered++;
        else if (r.status === 'dead') status.dead++;
        else {
          status.pending++;
          const leased = r.leaseUntil !== null && r.leaseUntil > now;
          if (leased) status.leased++;
          if (r.attempts > 0) status.retrying++;
          if (status.oldestPendingAt === null || r.createdAt < status.oldestPendingAt) status.oldestPendingAt = r.createdAt;
          if (r.attempts > 0 && !leased && (status.nextRetryAt === null || r.availableAt < status.nextRetryAt)) status.nextRetryAt = r.availableAt;
        }
      }
      return status;
    },

    async readOutbox(fromSeq, limit): Promise<StoredOutboxMessage[]> {
      return [...outbox.values()]
        .filter((r) => r.order >= fromSeq)
        .sort((a, b) => a.order - b.order)
        .slice(0, Math.max(0, limit))
        .map((r) => clone({ id: r.id, hazardId: r.hazardId, eventId: r.eventId, topic: r.topic, payload: r.payload, createdAt: r.createdAt, seq: r.order }));
    },

    async pruneOutbox(input) {
      return retention.prune(outbox, input);
    },

    async readPrunedOutbox(fromSeq, limit) {
      return retention.readPruned(fromSeq, limit);
    },

    async appendCheckpoint(input) {
      const stored: StoredCheckpoint = { size: input.size, head: input.head, text: input.text, createdAt: input.createdAt, seq: checkpoints.length + 1 };
      checkpoints.push(stored);
      return clone(stored);
    },

    async latestCheckpoint() {
      const last = checkpoints[checkpoints.length - 1];
      return last ? clone(last) : null;
    },

    async readCheckpoints(fromSeq, limit) {
      return clone(checkpoints.filter((c) => c.seq >= fromSeq).slice(0, Math.max(0, limit)));
    },

    async requeueDeadLetters(input) {
      const only = input.ids === undefined ? null : new Set(input.ids);
      let requeued = 0;
      for (const r of outbox.values()) {
        if (r.status !== 'dead' || (only !== null && !only.has(r.id))) continue;
        r.status = 'pending';
        r.attempts = 0;
        r.availableAt = input.now;
        r.leaseOwner = null;
        r.leaseUntil = null;
        requeued++;
      }
      return requeued;
    },

    async readDeadLetters(limit) {
      return [...outbox.values()]
        .filter((r) => r.status === 'dead')
        .sort((a, b) => a.order - b.order)
        .slice(0, Math.max(0, limit))
        .map((r) => {
          const { status: _s, availableAt: _a, leaseOwner: _lo, leaseUntil: _lu, order: _o, ...rest } = r;
          return clone(rest);
        });
    },
  };
}

function matchesFilter(s: HazardSummary, filter: HazardFilter): boolean {
  return (
    matches(s.level, filter.level) &&
    matches(s.status, filter.status) &&
    (filter.domain === undefined || s.domain === filter.domain) &&
    (filter.area === undefined || areaCovers(filter.area, s.area)) &&
    (filter.enterpriseId === undefined || s.enterpriseId === filter.enterpriseId) &&
    (filter.premisesId === undefined || s.premisesId === filter.premisesId) &&
    (filter.provisional === undefined || s.provisional === filter.provisional) &&
    (filter.deadlineBefore === undefined || (s.deadline !== null && s.deadline <= filter.deadlineBefore))
  );
}

function compareKey(a: { updatedAt: string; hazardId: string }, b: { updatedAt: string; hazardId: string }): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? -1 : 1;
  return a.hazardId === b.hazardId ? 0 : a.hazardId < b.hazardId ? -1 : 1;
}
