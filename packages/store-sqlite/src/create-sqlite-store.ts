import type { HazardSummary, Store, StoredEvent } from '@anjian/core';
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
  HazardStatsQuery,
  OutboxMessage,
  OutboxStatus,
  PageRequest,
  PrunedOutboxMessage,
  PruneOutboxInput,
  PruneOutboxResult,
  StoredCheckpoint,
  StoredDenial,
  StoredOutboxMessage,
} from '@anjian/core/ports';
import {
  checkDocumentContent,
  checkDocumentRequests,
  checkHazardStatsQuery,
  checkPruneOutboxInput,
  checkVoidDocumentInput,
  decodeKeysetCursor,
  documentTrailInput,
  documentVoidInput,
  encodeKeysetCursor,
  sealDocumentTrailEntry,
  sealDocumentVoidEntry,
} from '@anjian/core/ports';
import type { DocumentNumber, DocumentRecord, DocumentTrailEntry, RecordDocumentHashInput, RecordDocumentHashResult, VoidDocumentInput, VoidDocumentResult } from '@anjian/core/ports';
import type Database from 'better-sqlite3';
import { openDatabase, sqlitePath, SqliteStoreError } from './open-database.js';
import { PRUNABLE_DEAD, PRUNABLE_DELIVERED } from './prune-outbox-sql.js';
import { buildHazardQuery, type HazardRow } from './hazard-query.js';
import { isAreaQuery, readAreaPage } from './area-query.js';
import { readHazardStats } from './hazard-stats.js';

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /** Database file; `':memory:'` for tests (not durable). */
  path: string;
  /** How long a writer waits for another's lock before failing. Default 10 s. */
  busyTimeoutMs?: number;
  /**
   * Pages of WAL after which a commit checkpoints them into the database file. Default
   * 4 000 (16 MB with 4 KB pages); SQLite's own default is 1 000, which copies a page that
   * many commits rewrite up to four times as often. 0 turns automatic checkpoints off (then
   * run `PRAGMA wal_checkpoint` yourself, or the WAL grows without bound).
   */
  walAutocheckpoint?: number;
  /** Called after each group commit with its size and duration (for benchmarks and metrics). */
  onGroupCommit?: (group: GroupCommitInfo) => void;
}

/** One group commit, as reported to {@link SqliteStoreOptions.onGroupCommit}. */
export interface GroupCommitInfo {
  /** Appends written in the group. */
  appends: number;
  /** Milliseconds from BEGIN to the end of the durable COMMIT. */
  ms: number;
}

/** The SQLite store: a {@link Store} plus file-level operations. */
export interface SqliteStore extends Store {
  /** Online backup through SQLite's backup API: consistent, includes the WAL. */
  backup(destination: string): Promise<void>;
  /** `PRAGMA integrity_check`: `'ok'` or the problems found. */
  integrityCheck(): string;
  /** The pragmas in force, for health checks: `{ journalMode: 'wal', synchronous: 2, walAutocheckpoint: 4000 }`. */
  durability(): { journalMode: string; synchronous: number; walAutocheckpoint: number };
  /** Outbox retention (`Store.pruneOutbox`): one `BEGIN IMMEDIATE` transaction of at most `limit` deletions per call. */
  pruneOutbox(input: PruneOutboxInput): Promise<PruneOutboxResult>;
  /** What `pruneOutbox` deleted (`Store.readPrunedOutbox`). */
  readPrunedOutbox(fromSeq: number, limit: number): Promise<PrunedOutboxMessage[]>;
  close(): void;
}

/** Most appends written in one group commit. */
const MAX_GROUP = 256;

interface EventRow {
  seq: number;
  body: string;
}
interface OutboxRow {
  id: string;
  hazard_id: string;
  event_id: string;
  topic: string;
  payload: string;
  created_at: string;
  attempts: number;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string;
}

interface PrunableRow {
  seq: number;
  id: string;
  hazard_id: string;
  event_id: string;
}

interface CheckpointRow {
  seq: number;
  size: number;
  head: string;
  text: string;
  created_at: string;
}
const toCheckpoint = (r: CheckpointRow): StoredCheckpoint => ({ seq: r.seq, size: r.size, head: r.head, text: r.text, createdAt: r.created_at });

interface DocumentRow {
  jurisdiction: string;
  kind: string;
  year: number;
  seq: number;
  hazard_id: string;
  event_id: string;
  issued_at: string;
  content_hash: string | null;
  verification_code: string | null;
  hashed_at: string | null;
  voided_at: string | null;
  void_reason: string | null;
  voided_by: string | null;
}
interface TrailRow {
  seq: number;
  prev_hash: string;
  hash: string;
  jurisdiction: string;
  kind: string;
  year: number;
  document_seq: number;
  hazard_id: string;
  event_id: string;
  entry_type: 'issued' | 'voided';
  content_hash: string | null;
  verification_code: string | null;
  content_digest: string | null;
  issued_at: string | null;
  voided_at: string | null;
  void_reason: string | null;
  voided_by: string | null;
  chained_at: string | null;
  log_size: number;
}

const toTrailEntry = (r: TrailRow): DocumentTrailEntry => {
  const common = {
    seq: r.seq,
    prevHash: r.prev_hash,
    jurisdiction: r.jurisdiction,
    kind: r.kind,
    year: r.year,
    documentSeq: r.document_seq,
    hazardId: r.hazard_id,
    eventId: r.event_id,
    logSize: r.log_size,
    hash: r.hash,
  };
  if (r.entry_type === 'voided') {
    return { ...common, type: 'voided', voidedAt: r.voided_at ?? '', reason: r.void_reason ?? '', actorId: r.voided_by ?? '', chainedAt: r.chained_at ?? '' };
  }
  return {
    ...common,
    contentHash: r.content_hash ?? '',
    verificationCode: r.verification_code ?? '',
    contentDigest: r.content_digest ?? '',
    issuedAt: r.issued_at ?? '',
    ...(r.chained_at === null ? {} : { chainedAt: r.chained_at }),
  };
};

const toDocument = (r: DocumentRow): DocumentRecord => ({
  jurisdiction: r.jurisdiction,
  kind: r.kind,
  year: r.year,
  seq: r.seq,
  hazardId: r.hazard_id,
  eventId: r.event_id,
  issuedAt: r.issued_at,
  contentHash: r.content_hash,
  verificationCode: r.verification_code,
  hashedAt: r.hashed_at,
  voided: r.voided_at === null ? null : { at: r.voided_at, reason: r.void_reason ?? '', actorId: r.voided_by ?? '' },
});

const toEvent = (row: EventRow): StoredEvent => ({ ...(JSON.parse(row.body) as Omit<StoredEvent, 'seq'>), seq: row.seq });
const toMessage = (row: OutboxRow): OutboxMessage => ({
  id: row.id,
  hazardId: row.hazard_id,
  eventId: row.event_id,
  topic: row.topic,
  payload: JSON.parse(row.payload) as Record<string, unknown>,
  createdAt: row.created_at,
});

/**
 * Create the embedded SQLite store (the default store of anjian).
 *
 * Every `append` is atomic: the command-id check, the compare-and-set on the hazard's
 * version (backed by `UNIQUE(hazard_id, version)`), the events, the command record, the
 * outbox rows and the hazard's list row are written together or not at all, inside a
 * `BEGIN IMMEDIATE` transaction. Appends that arrive together share one transaction, each
 * without a savepoint unless a write fails (group commit), so one fsync acknowledges them all; none is
 * acknowledged before the COMMIT. The file runs in
 * WAL mode with `synchronous=FULL`, asserted at open, so an acknowledged command survives
 * `kill -9` and power loss. Several processes may open the same file; SQLite serialises
 * their writes.
 *
 * @example
 * ```ts
 * const store = createSqliteStore({ path: '.data/anjian.db' });
 * await handleCommand({ store, clock, calendar, directory }, command, actorId);
 * await store.backup('.data/backup.db');
 * ```
 */
export function createSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const db = openDatabase(sqlitePath(options, 'createSqliteStore'), {
    ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
    ...(options.walAutocheckpoint === undefined ? {} : { walAutocheckpoint: options.walAutocheckpoint }),
  });
  const st = prepare(db);

  /** Hazard queries, prepared once per shape (their SQL differs only with the filter's shape). */
  const statements = new Map<string, Database.Statement>();
  const cached = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= 256) statements.clear();
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  /** Several reads of one shape open at once (an area page): a statement each. */
  const nth = new Map<string, Database.Statement[]>();
  const cachedNth = (sql: string, index: number): Database.Statement => {
    let list = nth.get(sql);
    if (!list) {
      if (nth.size >= 64) nth.clear();
      list = [];
      nth.set(sql, list);
    }
    return (list[index] ??= db.prepare(sql));
  };
  const readTx = db.transaction((read: () => HazardRow[]): HazardRow[] => read());

  const eventsOfCommand = (commandId: string) => (st.eventsOfCommand.all(commandId) as EventRow[]).map(toEvent);

  /**
   * The checks of one append, reading only: the duplicate, the trail, the version. Returns
   * the verdict when nothing may be written, `null` when the append may go ahead. Throws
   * TRAIL_MISMATCH (before any write, so the group is not disturbed).
   */
  const check = (input: AppendInput): AppendResult | null => {
    const command = st.findCommand.get(input.commandId) as { fingerprint: string; hazard_id: string } | undefined;
    if (command) {
      return {
        kind: 'duplicate-command',
        original: { commandId: input.commandId, fingerprint: command.fingerprint, hazardId: command.hazard_id, events: eventsOfCommand(input.commandId) },
      };
    }
    const current = (st.hazardVersion.get(input.hazardId) as { version: number } | undefined)?.version ?? 0;
    const logged = (st.loggedVersion.get(input.hazardId) as { version: number | null }).version ?? 0;
    if (current !== logged) {
      throw new SqliteStoreError(
        'TRAIL_MISMATCH',
        `hazard ${input.hazardId}: list row at version ${current}, event log at version ${logged}; the database was changed outside the store (run anjian audit verify)`,
      );
    }
    return current === input.expectedVersion ? null : { kind: 'conflict', actualVersion: current };
  };
  /** The writes of one append whose checks passed. A throw leaves partial rows: the caller rolls back. */
  const write = (input: AppendInput): AppendResult => {
    const stored: StoredEvent[] = [];
    for (const event of input.events) {
      const info = st.insertEvent.run(event.hazardId, event.version, event.id, event.type, event.commandId, event.recordedAt, JSON.stringify(event));
      stored.push({ ...event, seq: Number(info.lastInsertRowid) });
    }
    st.insertCommand.run(input.commandId, input.commandFingerprint, input.hazardId);
    for (const message of input.outbox) {
      st.insertOutbox.run(message.id, message.hazardId, message.eventId, message.topic, JSON.stringify(message.payload), message.createdAt, message.createdAt);
    }
    const s = input.summary;
    st.upsertHazard.run(s.hazardId, s.version, s.status, s.level, s.provisional ? 1 : 0, s.domain, s.area, s.enterpriseId, s.deadline, s.createdAt, s.updatedAt, s.premisesId ?? null);
    if (input.documents === undefined) return { kind: 'ok', events: stored };
    // The next number of each series, inside this transaction: SQLite serialises writers
    // (BEGIN IMMEDIATE), so max + 1 is gapless and unique across processes.
    const documents = input.documents.map((r): DocumentNumber => {
      const issuedAt = (input.events.find((e) => e.id === r.eventId) as StoredEvent).recordedAt;
      const { seq } = st.allocateDocument.get({ j: r.jurisdiction, k: r.kind, y: r.year, h: input.hazardId, e: r.eventId, at: issuedAt }) as { seq: number };
      return { jurisdiction: r.jurisdiction, kind: r.kind, year: r.year, eventId: r.eventId, seq, hazardId: input.hazardId, issuedAt };
    });
    return { kind: 'ok', events: stored, documents };
  };
  // The slow path: one savepoint per append (better-sqlite3 nests transactions as savepoints).
  const appendTx = db.transaction((input: AppendInput): AppendResult => check(input) ?? write(input));

  const claimTx = db.transaction((input: ClaimOutboxInput): ClaimedOutboxMessage[] => {
    const until = new Date(Date.parse(input.now) + input.leaseMs).toISOString();
    const rows = st.readyOutbox.all(input.now, input.now, Math.max(0, Math.floor(input.limit))) as OutboxRow[];
    return rows.map((row) => {
      st.lease.run(input.owner, until, row.id);
      return { ...toMessage(row), attempts: row.attempts, leaseOwner: input.owner, leaseUntil: until };
    });
  });

  const ackTx = db.transaction((owner: string, ids: readonly string[], at: string) => {
    let n = 0;
    for (const id of ids) n += st.ack.run(at, at, id, owner).changes;
    return n;
  });

  // One entry of the document trail per issued number, chained to the last one, in the issuing transaction (decision 009).
  const chainDocument = (record: DocumentRecord, content: string, at: string): void => {
    if (st.trailEntryOf.get(record.jurisdiction, record.kind, record.year, record.seq, 'issued')) return;
    const last = st.lastTrailEntry.get() as { seq: number; hash: string } | undefined;
    const entry = sealDocumentTrailEntry(last ?? null, documentTrailInput(record, content, (st.logSize.get() as { n: number }).n, at));
    st.insertTrailEntry.run(entry);
  };

  // One void entry per voided number, chained in the voiding transaction (decision 009, voids).
  const chainVoid = (record: DocumentRecord, at: string): void => {
    if (!record.voided || st.trailEntryOf.get(record.jurisdiction, record.kind, record.year, record.seq, 'voided')) return;
    const last = st.lastTrailEntry.get() as { seq: number; hash: string } | undefined;
    const entry = sealDocumentVoidEntry(last ?? null, documentVoidInput(record, (st.logSize.get() as { n: number }).n, at));
    st.insertVoidEntry.run(entry);
  };

  const recordHashTx = db.transaction((input: RecordDocumentHashInput): RecordDocumentHashResult => {
    const row = st.documentAt.get(input.jurisdiction, input.kind, input.year, input.seq) as DocumentRow | undefined;
    if (!row) return { kind: 'not-found' };
    if (row.content_hash !== null) {
      // Issued before contents (or the trail) were kept: the same hash stores the same document's content (INSERT OR IGNORE: never over one) and chains it.
      if (row.content_hash === input.contentHash) {
        st.insertDocumentContent.run(input.jurisdiction, input.kind, input.year, input.seq, input.content);
        chainDocument(toDocument(row), input.content, input.at);
      }
      return { kind: 'exists', record: toDocument(row) };
    }
    if (st.documentByCode.get(input.verificationCode)) return { kind: 'code-taken' };
    st.recordDocumentHash.run(input.contentHash, input.verificationCode, input.at, input.jurisdiction, input.kind, input.year, input.seq);
    st.insertDocumentContent.run(input.jurisdiction, input.kind, input.year, input.seq, input.content);
    const record = { ...toDocument(row), contentHash: input.contentHash, verificationCode: input.verificationCode, hashedAt: input.at };
    chainDocument(record, input.content, input.at);
    return { kind: 'recorded', record };
  });

  const voidTx = db.transaction((input: VoidDocumentInput): VoidDocumentResult => {
    const row = st.documentAt.get(input.jurisdiction, input.kind, input.year, input.seq) as DocumentRow | undefined;
    if (!row) return { kind: 'not-found' };
    if (row.voided_at !== null) {
      // Voided before voids were chained: chained now, as the register has it.
      chainVoid(toDocument(row), input.at);
      return { kind: 'already-voided', record: toDocument(row) };
    }
    st.voidDocument.run(input.at, input.reason, input.actorId, input.jurisdiction, input.kind, input.year, input.seq);
    const record = toDocument({ ...row, voided_at: input.at, void_reason: input.reason, voided_by: input.actorId });
    chainVoid(record, input.at);
    return { kind: 'voided', record };
  });

  const prune = (row: PrunableRow, state: 'delivered' | 'dead'): void => {
    st.deleteOutbox.run(row.seq);
    st.insertPruned.run(row.id, row.hazard_id, row.event_id, state);
  };
  // Retention: delivered first (oldest delivery first), then dead letters, at most `limit` in all;
  // each row deleted and its ids kept for the audit in the same transaction.
  const pruneTx = db.transaction((input: PruneOutboxInput): PruneOutboxResult => {
    const done = st.prunableDelivered.all(input.deliveredBefore, input.deliveredBefore, input.limit) as PrunableRow[];
    const dead = input.deadBefore === undefined || done.length >= input.limit ? [] : (st.prunableDead.all(input.deadBefore, input.limit - done.length) as PrunableRow[]);
    for (const row of done) prune(row, 'delivered');
    for (const row of dead) prune(row, 'dead');
    return { delivered: done.length, dead: dead.length, more: done.length + dead.length === input.limit };
  });

  const requeueTx = db.transaction((ids: readonly string[] | undefined, now: string) => {
    if (ids === undefined) return st.requeueAll.run(now).changes;
    let n = 0;
    for (const id of ids) n += st.requeueOne.run(now, id).changes;
    return n;
  });

  /**
   * Group commit. Appends that arrive while the event loop is busy are written in ONE
   * `BEGIN IMMEDIATE` transaction, so one fsync acknowledges them all. Every append keeps
   * its own checks and result; none is acknowledged before the shared COMMIT is durable.
   *
   * The common case takes no savepoint: the checks read before any write, so an append
   * that fails them writes nothing. Savepoints cost a statement journal per append (the
   * largest share of a group's time when they were taken for every one); they are needed
   * only when a write itself fails — a constraint backing the checks against a writer in
   * another process, or a broken input. Then the whole group is rolled back and redone one
   * append at a time, each in its own savepoint, so the failure stays with its append.
   */
  interface PendingAppend {
    input: AppendInput;
    resolve: (result: AppendResult) => void;
    reject: (error: unknown) => void;
  }
  type Outcome = { result: AppendResult } | { error: unknown };
  const pending: PendingAppend[] = [];
  const appendOne = (input: AppendInput): AppendResult => {
    try {
      return appendTx(input);
    } catch (error) {
      // The UNIQUE constraints back the checks against a writer in another process.
      if (!isUniqueViolation(error)) throw error;
      const original = st.findCommand.get(input.commandId) as { fingerprint: string; hazard_id: string } | undefined;
      if (original) {
        return {
          kind: 'duplicate-command',
          original: { commandId: input.commandId, fingerprint: original.fingerprint, hazardId: original.hazard_id, events: eventsOfCommand(input.commandId) },
        };
      }
      return { kind: 'conflict', actualVersion: (st.hazardVersion.get(input.hazardId) as { version: number } | undefined)?.version ?? 0 };
    }
  };
  /** Thrown out of the fast path to roll the group back and take the slow one. */
  const redo = Symbol('redo the group one append at a time');
  const groupFastTx = db.transaction((batch: PendingAppend[]) =>
    batch.map((item): Outcome => {
      let verdict: AppendResult | null;
      try {
        verdict = check(item.input);
      } catch (error) {
        return { error };
      }
      if (verdict) return { result: verdict };
      try {
        return { result: write(item.input) };
      } catch {
        throw redo;
      }
    }),
  );
  const groupSlowTx = db.transaction((batch: PendingAppend[]) =>
    batch.map((item): Outcome => {
      try {
        return { result: appendOne(item.input) };
      } catch (error) {
        return { error };
      }
    }),
  );
  const flush = () => {
    const batch = pending.splice(0, MAX_GROUP);
    if (pending.length > 0) setImmediate(flush);
    const started = performance.now();
    let outcomes: Outcome[];
    try {
      try {
        outcomes = groupFastTx.immediate(batch);
      } catch (error) {
        if (error !== redo) throw error;
        outcomes = groupSlowTx.immediate(batch);
      }
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    options.onGroupCommit?.({ appends: batch.length, ms: performance.now() - started });
    outcomes.forEach((outcome, i) => ('result' in outcome ? batch[i]!.resolve(outcome.result) : batch[i]!.reject(outcome.error)));
  };

  const store: SqliteStore = {
    append(input) {
      if (input.events.length === 0) return Promise.reject(new SqliteStoreError('INVALID_APPEND', 'append needs at least one event'));
      const misfit = input.events.some((event, i) => event.hazardId !== input.hazardId || event.version !== input.expectedVersion + i + 1);
      if (misfit) return Promise.reject(new SqliteStoreError('INVALID_APPEND', 'event versions must follow expectedVersion, for the same hazard'));
      // The log keeps ids unique through UNIQUE (hazard_id, version) alone (migration 8).
      if (input.events.some((event) => event.id !== `${event.hazardId}/${event.version}`)) return Promise.reject(new SqliteStoreError('INVALID_APPEND', 'an event id must be <hazardId>/<version>'));
      try {
        checkDocumentRequests(input.events, input.documents);
      } catch (error) {
        return Promise.reject(error as Error);
      }
      return new Promise<AppendResult>((resolve, reject) => {
        pending.push({ input, resolve, reject });
        if (pending.length === 1) setImmediate(flush);
      });
    },

    async load(hazardId) {
      const rows = st.eventsOfHazard.all(hazardId) as EventRow[];
      return rows.length === 0 ? null : rows.map(toEvent);
    },

    async readEvents(hazardId) {
      return (st.eventsOfHazard.all(hazardId) as EventRow[]).map(toEvent);
    },

    async readLog(fromSeq, limit) {
      return (st.readLog.all(fromSeq, Math.max(0, Math.floor(limit))) as EventRow[]).map(toEvent);
    },

    async findCommand(commandId): Promise<CommandRecord | null> {
      const row = st.findCommand.get(commandId) as { fingerprint: string; hazard_id: string } | undefined;
      return row ? { commandId, fingerprint: row.fingerprint, hazardId: row.hazard_id, events: eventsOfCommand(commandId) } : null;
    },

    async recordDenial(denial: DenialRecord) {
      st.insertDenial.run(denial.commandId, denial.hazardId, denial.commandType, denial.actorId, denial.code, JSON.stringify(denial.message), denial.recordedAt);
    },

    async readDenials(fromSeq, limit): Promise<StoredDenial[]> {
      const rows = st.readDenials.all(fromSeq, Math.max(0, Math.floor(limit))) as Array<Record<string, unknown>>;
      return rows.map((r) => ({
        seq: r.seq as number,
        commandId: r.command_id as string,
        hazardId: r.hazard_id as string,
        commandType: r.command_type as string,
        actorId: r.actor_id as string,
        code: r.code as DenialRecord['code'],
        message: JSON.parse(r.message as string) as DenialRecord['message'],
        recordedAt: r.recorded_at as string,
      }));
    },

    async query(filter: HazardFilter, page: PageRequest): Promise<HazardPage> {
      const limit = Math.max(1, Math.min(1000, Math.floor(page.limit)));
      const after = page.after ? decodeKeysetCursor(page.after) : null;
      // An area query reads its areas and its rows in one snapshot (see readAreaPage).
      const rows = readTx(() => {
        const merged = isAreaQuery(filter) ? readAreaPage<HazardRow>(cached, cachedNth, filter, after, limit + 1) : null;
        if (merged) return merged;
        const { sql, params } = buildHazardQuery(filter, after, limit + 1);
        return cached(sql).all(...params) as HazardRow[];
      });
      const items: HazardSummary[] = rows.slice(0, limit).map((r) => ({
        hazardId: r.hazard_id,
        version: r.version,
        status: r.status as HazardSummary['status'],
        level: r.level as HazardSummary['level'],
        provisional: r.provisional === 1,
        domain: r.domain,
        area: r.area,
        enterpriseId: r.enterprise_id,
        ...(r.premises_id === null || r.premises_id === undefined ? {} : { premisesId: r.premises_id }),
        deadline: r.deadline,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      }));
      const last = items[items.length - 1];
      return { items, next: rows.length > limit && last ? encodeKeysetCursor(last.updatedAt, last.hazardId) : null };
    },

    async claimOutbox(input) {
      return claimTx.immediate(input);
    },

    async ackOutbox(owner, ids, now) {
      return ackTx.immediate(owner, ids, now);
    },

    async requeueDeadLetters(input) {
      return requeueTx.immediate(input.ids, input.now);
    },

    async failOutbox(input: FailOutboxInput) {
      const info = input.retryAt === null ? st.dead.run(input.error, input.id, input.owner) : st.retry.run(input.error, input.retryAt, input.id, input.owner);
      return info.changes === 1;
    },

    async pruneOutbox(input) {
      checkPruneOutboxInput(input);
      return pruneTx.immediate(input);
    },

    async readPrunedOutbox(fromSeq, limit) {
      const rows = st.readPruned.all(fromSeq, Math.max(0, Math.floor(limit))) as Array<PrunableRow & { state: 'delivered' | 'dead' }>;
      return rows.map((r) => ({ seq: r.seq, id: r.id, hazardId: r.hazard_id, eventId: r.event_id, state: r.state }));
    },

    async readDeadLetters(limit) {
      const rows = st.deadLetters.all(Math.max(0, Math.floor(limit))) as OutboxRow[];
      return rows.map((r) => ({ ...toMessage(r), attempts: r.attempts, lastError: r.last_error }));
    },

    async outboxStatus(now): Promise<OutboxStatus> {
      const r = st.outboxStatus.get({ now }) as OutboxStatus;
      return { pending: r.pending, retrying: r.retrying, leased: r.leased, delivered: r.delivered, dead: r.dead, oldestPendingAt: r.oldestPendingAt ?? null, nextRetryAt: r.nextRetryAt ?? null };
    },

    async readOutbox(fromSeq, limit): Promise<StoredOutboxMessage[]> {
      const rows = st.readOutbox.all(fromSeq, Math.max(0, Math.floor(limit))) as Array<OutboxRow & { seq: number }>;
      return rows.map((r) => ({ ...toMessage(r), seq: r.seq }));
    },

    async appendCheckpoint(input): Promise<StoredCheckpoint> {
      const info = st.insertCheckpoint.run(input.size, input.head, input.text, input.createdAt);
      return { seq: Number(info.lastInsertRowid), size: input.size, head: input.head, text: input.text, createdAt: input.createdAt };
    },

    async latestCheckpoint() {
      const row = st.latestCheckpoint.get() as CheckpointRow | undefined;
      return row ? toCheckpoint(row) : null;
    },

    async readCheckpoints(fromSeq, limit) {
      return (st.readCheckpoints.all(fromSeq, Math.max(0, Math.floor(limit))) as CheckpointRow[]).map(toCheckpoint);
    },

    async readDocuments(hazardId) {
      return (st.documentsOfHazard.all(hazardId) as DocumentRow[]).map(toDocument);
    },

    async readDocumentRegister(after, limit) {
      const n = Math.max(0, Math.floor(limit));
      const rows = (after === null ? st.registerFirst.all(n) : st.registerAfter.all(after.jurisdiction, after.kind, after.year, after.seq, n)) as Array<DocumentRow & { content: string | null }>;
      return rows.map((r) => ({ ...toDocument(r), content: r.content }));
    },

    async readDocumentSeries(series, fromSeq, limit) {
      return (st.documentSeries.all(series.jurisdiction, series.kind, series.year, fromSeq, Math.max(0, Math.floor(limit))) as DocumentRow[]).map(toDocument);
    },

    async recordDocumentHash(input) {
      checkDocumentContent(input.content);
      return recordHashTx.immediate(input);
    },

    async readDocumentTrail(fromSeq, limit) {
      return (st.documentTrail.all(fromSeq, Math.max(0, Math.floor(limit))) as TrailRow[]).map(toTrailEntry);
    },

    async readHazardDocumentTrail(hazardId) {
      return (st.hazardDocumentTrail.all(hazardId) as TrailRow[]).map(toTrailEntry);
    },

    async readDocumentIssueBefore(series, documentSeq) {
      const row = st.documentIssueBefore.get(series.jurisdiction, series.kind, series.year, documentSeq) as TrailRow | undefined;
      const entry = row ? toTrailEntry(row) : null;
      return entry && entry.type === undefined ? entry : null;
    },

    async readDocumentContent(key) {
      const row = st.documentContent.get(key.jurisdiction, key.kind, key.year, key.seq) as { content: string } | undefined;
      return row?.content ?? null;
    },

    async voidDocument(input) {
      checkVoidDocumentInput(input);
      return voidTx.immediate(input);
    },

    async findDocumentByCode(code) {
      const row = st.documentByCode.get(code) as DocumentRow | undefined;
      return row ? toDocument(row) : null;
    },

    async stats(query: HazardStatsQuery) {
      checkHazardStatsQuery(query);
      return readHazardStats(db, query);
    },

    async backup(destination) {
      await db.backup(destination);
    },

    integrityCheck() {
      const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
      return rows.map((r) => r.integrity_check).join('\n');
    },

    durability() {
      return {
        journalMode: String(db.pragma('journal_mode', { simple: true })),
        synchronous: Number(db.pragma('synchronous', { simple: true })),
        walAutocheckpoint: Number(db.pragma('wal_autocheckpoint', { simple: true })),
      };
    },

    close() {
      db.close();
    },
  };
  return store;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT') === true;
}

function prepare(db: Database.Database) {
  return {
    findCommand: db.prepare('SELECT fingerprint, hazard_id FROM commands WHERE command_id = ?'),
    // Through the command's hazard (UNIQUE (hazard_id, version)): no index on command_id.
    eventsOfCommand: db.prepare(`SELECT e.seq, e.body FROM commands c JOIN events e ON e.hazard_id = c.hazard_id AND e.command_id = c.command_id
      WHERE c.command_id = ? ORDER BY e.seq`),
    hazardVersion: db.prepare('SELECT version FROM hazards WHERE hazard_id = ?'),
    loggedVersion: db.prepare('SELECT max(version) AS version FROM events WHERE hazard_id = ?'),
    insertEvent: db.prepare('INSERT INTO events (hazard_id, version, id, type, command_id, recorded_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    insertCommand: db.prepare('INSERT INTO commands (command_id, fingerprint, hazard_id) VALUES (?, ?, ?)'),
    insertOutbox: db.prepare('INSERT INTO outbox (id, hazard_id, event_id, topic, payload, created_at, available_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    upsertHazard: db.prepare(`INSERT INTO hazards (hazard_id, version, status, level, provisional, domain, area, enterprise_id, deadline, created_at, updated_at, premises_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (hazard_id) DO UPDATE SET version = excluded.version, status = excluded.status, level = excluded.level,
        provisional = excluded.provisional, domain = excluded.domain, area = excluded.area, enterprise_id = excluded.enterprise_id,
        deadline = excluded.deadline, created_at = excluded.created_at, updated_at = excluded.updated_at, premises_id = excluded.premises_id`),
    eventsOfHazard: db.prepare('SELECT seq, body FROM events WHERE hazard_id = ? ORDER BY version'),
    readLog: db.prepare('SELECT seq, body FROM events WHERE seq >= ? ORDER BY seq LIMIT ?'),
    insertDenial: db.prepare('INSERT INTO denials (command_id, hazard_id, command_type, actor_id, code, message, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    readDenials: db.prepare('SELECT * FROM denials WHERE seq >= ? ORDER BY seq LIMIT ?'),
    readyOutbox: db.prepare(`SELECT * FROM outbox WHERE status = 'pending' AND available_at <= ?
      AND (lease_until IS NULL OR lease_until <= ?) ORDER BY seq LIMIT ?`),
    lease: db.prepare('UPDATE outbox SET lease_owner = ?, lease_until = ? WHERE id = ?'),
    // available_at = done_at: the delivered rows are then in outbox_ready in delivery order, for pruneOutbox (migration 17).
    ack: db.prepare(`UPDATE outbox SET status = 'done', done_at = ?, available_at = ?, lease_owner = NULL, lease_until = NULL
      WHERE id = ? AND lease_owner = ? AND status = 'pending'`),
    retry: db.prepare(`UPDATE outbox SET attempts = attempts + 1, last_error = ?, available_at = ?, lease_owner = NULL, lease_until = NULL
      WHERE id = ? AND lease_owner = ? AND status = 'pending'`),
    dead: db.prepare(`UPDATE outbox SET status = 'dead', attempts = attempts + 1, last_error = ?, lease_owner = NULL, lease_until = NULL
      WHERE id = ? AND lease_owner = ? AND status = 'pending'`),
    readOutbox: db.prepare('SELECT * FROM outbox WHERE seq >= ? ORDER BY seq LIMIT ?'),
    insertCheckpoint: db.prepare('INSERT INTO checkpoints (size, head, text, created_at) VALUES (?, ?, ?, ?)'),
    latestCheckpoint: db.prepare('SELECT * FROM checkpoints ORDER BY seq DESC LIMIT 1'),
    readCheckpoints: db.prepare('SELECT * FROM checkpoints WHERE seq >= ? ORDER BY seq LIMIT ?'),
    allocateDocument: db.prepare(`INSERT INTO documents (jurisdiction, kind, year, seq, hazard_id, event_id, issued_at)
      VALUES (@j, @k, @y, (SELECT coalesce(max(seq), 0) + 1 FROM documents WHERE jurisdiction = @j AND kind = @k AND year = @y), @h, @e, @at)
      RETURNING seq`),
    documentsOfHazard: db.prepare('SELECT * FROM documents WHERE hazard_id = ? ORDER BY rowid'),
    documentSeries: db.prepare('SELECT * FROM documents WHERE jurisdiction = ? AND kind = ? AND year = ? AND seq >= ? ORDER BY seq LIMIT ?'),
    documentAt: db.prepare('SELECT * FROM documents WHERE jurisdiction = ? AND kind = ? AND year = ? AND seq = ?'),
    registerFirst: db.prepare(`SELECT d.*, c.content FROM documents d LEFT JOIN document_contents c USING (jurisdiction, kind, year, seq)
      ORDER BY d.jurisdiction, d.kind, d.year, d.seq LIMIT ?`),
    registerAfter: db.prepare(`SELECT d.*, c.content FROM documents d LEFT JOIN document_contents c USING (jurisdiction, kind, year, seq)
      WHERE (d.jurisdiction, d.kind, d.year, d.seq) > (?, ?, ?, ?) ORDER BY d.jurisdiction, d.kind, d.year, d.seq LIMIT ?`),
    documentByCode: db.prepare('SELECT * FROM documents WHERE verification_code = ?'),
    recordDocumentHash: db.prepare(`UPDATE documents SET content_hash = ?, verification_code = ?, hashed_at = ?
      WHERE jurisdiction = ? AND kind = ? AND year = ? AND seq = ? AND content_hash IS NULL`),
    insertDocumentContent: db.prepare('INSERT OR IGNORE INTO document_contents (jurisdiction, kind, year, seq, content) VALUES (?, ?, ?, ?, ?)'),
    trailEntryOf: db.prepare('SELECT seq FROM document_trail WHERE jurisdiction = ? AND kind = ? AND year = ? AND document_seq = ? AND entry_type = ?'),
    lastTrailEntry: db.prepare('SELECT seq, hash FROM document_trail ORDER BY seq DESC LIMIT 1'),
    logSize: db.prepare('SELECT coalesce(max(seq), 0) AS n FROM events'),
    insertTrailEntry:
      db.prepare(`INSERT INTO document_trail (seq, prev_hash, hash, jurisdiction, kind, year, document_seq, hazard_id, event_id, content_hash, verification_code, content_digest, issued_at, chained_at, log_size)
      VALUES (@seq, @prevHash, @hash, @jurisdiction, @kind, @year, @documentSeq, @hazardId, @eventId, @contentHash, @verificationCode, @contentDigest, @issuedAt, @chainedAt, @logSize)`),
    insertVoidEntry:
      db.prepare(`INSERT INTO document_trail (seq, prev_hash, hash, entry_type, jurisdiction, kind, year, document_seq, hazard_id, event_id, voided_at, void_reason, voided_by, chained_at, log_size)
      VALUES (@seq, @prevHash, @hash, 'voided', @jurisdiction, @kind, @year, @documentSeq, @hazardId, @eventId, @voidedAt, @reason, @actorId, @chainedAt, @logSize)`),
    documentTrail: db.prepare('SELECT * FROM document_trail WHERE seq >= ? ORDER BY seq LIMIT ?'),
    hazardDocumentTrail: db.prepare('SELECT * FROM document_trail WHERE hazard_id = ? ORDER BY seq'),
    documentIssueBefore: db.prepare(`SELECT * FROM document_trail WHERE jurisdiction = ? AND kind = ? AND year = ? AND document_seq < ? AND entry_type = 'issued'
      ORDER BY document_seq DESC LIMIT 1`),
    documentContent: db.prepare('SELECT content FROM document_contents WHERE jurisdiction = ? AND kind = ? AND year = ? AND seq = ?'),
    voidDocument: db.prepare(`UPDATE documents SET voided_at = ?, void_reason = ?, voided_by = ?
      WHERE jurisdiction = ? AND kind = ? AND year = ? AND seq = ? AND voided_at IS NULL`),
    deadLetters: db.prepare(`SELECT * FROM outbox WHERE status = 'dead' ORDER BY seq LIMIT ?`),
    prunableDelivered: db.prepare(PRUNABLE_DELIVERED),
    prunableDead: db.prepare(PRUNABLE_DEAD),
    deleteOutbox: db.prepare('DELETE FROM outbox WHERE seq = ?'),
    insertPruned: db.prepare('INSERT INTO outbox_pruned (id, hazard_id, event_id, state) VALUES (?, ?, ?, ?)'),
    readPruned: db.prepare('SELECT * FROM outbox_pruned WHERE seq >= ? ORDER BY seq LIMIT ?'),
    requeueAll: db.prepare(`UPDATE outbox SET status = 'pending', attempts = 0, available_at = ?, lease_owner = NULL, lease_until = NULL WHERE status = 'dead'`),
    requeueOne: db.prepare(`UPDATE outbox SET status = 'pending', attempts = 0, available_at = ?, lease_owner = NULL, lease_until = NULL
      WHERE id = ? AND status = 'dead'`),
    // One statement, so one snapshot. The counts of done and dead rows read only the
    // outbox_ready index (status first); the pending details touch only pending rows.
    outboxStatus: db.prepare(`SELECT
        (SELECT count(*) FROM outbox WHERE status = 'done') AS delivered,
        (SELECT count(*) FROM outbox WHERE status = 'dead') AS dead,
        count(*) AS pending,
        coalesce(sum(attempts > 0), 0) AS retrying,
        coalesce(sum(lease_until IS NOT NULL AND lease_until > @now), 0) AS leased,
        min(created_at) AS oldestPendingAt,
        min(CASE WHEN attempts > 0 AND (lease_until IS NULL OR lease_until <= @now) THEN available_at END) AS nextRetryAt
      FROM outbox WHERE status = 'pending'`),
  };
}
