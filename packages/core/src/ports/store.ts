/**
 * The Store port: the review chain's persistence (events, command ids, outbox, denials,
 * hazard list).
 *
 * @module
 */
import type { HazardLevel, LocalizedText } from '../pack/types.js';
import type { ChainEvent, Decision, HazardStatus, HazardSummary, RejectionCode, StoredEvent } from '../chain/types.js';
import type { DocumentNumber, DocumentNumberRequest, DocumentRegisterStore } from './document-register.js';

/** A notification to deliver at least once, written in the same transaction as its event. */
export interface OutboxMessage {
  /** Stable id; receivers deduplicate by it (use it as the Idempotency-Key). */
  id: string;
  hazardId: string;
  eventId: string;
  /** `hazard.<event type>`. */
  topic: string;
  payload: Record<string, unknown>;
  createdAt: string;
}

/** An outbox message handed to a relay under a lease. */
export interface ClaimedOutboxMessage extends OutboxMessage {
  /** Failed deliveries so far (0 on first claim). */
  attempts: number;
  leaseOwner: string;
  leaseUntil: string;
}

/** What a store remembers of an accepted command, to answer its replays. */
export interface CommandRecord {
  commandId: string;
  fingerprint: string;
  hazardId: string;
  /** The events the command produced (its original result). */
  events: StoredEvent[];
}

/** One atomic write of a command's result. */
export interface AppendInput {
  hazardId: string;
  /** Version the events were decided on (0 for a new hazard). */
  expectedVersion: number;
  /** Versions `expectedVersion + 1 …`, in order, non-empty. */
  events: readonly ChainEvent[];
  outbox: readonly OutboxMessage[];
  commandId: string;
  commandFingerprint: string;
  /** The hazard's list row after these events. */
  summary: HazardSummary;
  /** Document numbers (文号) to allocate for these events, in this transaction ({@link DocumentRegisterStore}). */
  documents?: readonly DocumentNumberRequest[];
}

/** Result of {@link EventLogStore.append}; `documents` are the numbers allocated for `AppendInput.documents`, in request order. */
export type AppendResult = { kind: 'ok'; events: StoredEvent[]; documents?: DocumentNumber[] } | { kind: 'conflict'; actualVersion: number } | { kind: 'duplicate-command'; original: CommandRecord };

/** A refused command, for the audit log. Never an event, never an outbox row. */
export interface DenialRecord {
  commandId: string;
  hazardId: string;
  commandType: string;
  actorId: string;
  code: RejectionCode;
  message: LocalizedText & { en: string };
  recordedAt: string;
}

/** A stored denial with its sequence number in the denial log. */
export type StoredDenial = DenialRecord & { seq: number };

/** Filter of {@link ReadModelStore.query}. Every field narrows; omitted fields do not. */
export interface HazardFilter {
  level?: HazardLevel | readonly HazardLevel[];
  status?: HazardStatus | readonly HazardStatus[];
  domain?: string;
  /** Area code; matches the area and its sub-areas (`D1` matches `D1/G3`). */
  area?: string;
  enterpriseId?: string;
  /** Only hazards found at this premises (`HazardSummary.premisesId`). */
  premisesId?: string;
  provisional?: boolean;
  /** Only hazards with a running deadline `<=` this instant (ISO). Use `now` for "overdue". */
  deadlineBefore?: string;
}

/**
 * Arguments of {@link ReadModelStore.stats}: which hazards to count, and how to group them by period.
 * Instants are ISO strings in `Date#toISOString()` form.
 */
export interface HazardStatsQuery {
  /** The same filter as {@link ReadModelStore.query}: every field narrows; omitted fields do not. */
  filter?: HazardFilter;
  /** Only hazards created at or after this instant (inclusive). */
  createdFrom?: string;
  /** Only hazards created before this instant (exclusive): `[createdFrom, createdTo)`. */
  createdTo?: string;
  /** The instant `overdue` is measured against (the caller's clock, never the store's). */
  now: string;
  /**
   * Also count per period of `createdAt` in China Standard Time (UTC+8, no daylight
   * saving): `'day'` gives `'2026-11-01'`, `'month'` gives `'2026-11'`. A hazard created at
   * `2026-10-31T17:00:00.000Z` falls in `2026-11-01` / `2026-11`.
   */
  groupBy?: 'day' | 'month';
}

/** Counts of one period of {@link HazardStats.periods}. */
export interface HazardStatsPeriod {
  /** `YYYY-MM-DD` or `YYYY-MM`, in UTC+8. */
  period: string;
  total: number;
  closed: number;
  /** `closed / total` (never 0/0: a period without hazards is not listed). */
  closureRate: number;
}

/** Result of {@link ReadModelStore.stats}: counts over the hazards' current list rows. */
export interface HazardStats {
  total: number;
  /** Every level is a key, 0 when none matched. */
  byLevel: Record<HazardLevel, number>;
  /** Every status is a key, 0 when none matched. */
  byStatus: Record<HazardStatus, number>;
  /** Only domains with at least one matching hazard. */
  byDomain: Record<string, number>;
  /** Hazards whose status is `closed`. */
  closed: number;
  /** `closed / total`, or 0 when `total` is 0. */
  closureRate: number;
  /** Hazards not closed whose running deadline is strictly before `now`. */
  overdue: number;
  /** Present exactly when `groupBy` was given: non-empty periods, ascending. */
  periods?: HazardStatsPeriod[];
}

/** Keyset page request; `after` is the `next` cursor of the previous page. */
export interface PageRequest {
  limit: number;
  after?: string | null;
}

/** One page of hazards, ordered by `(updatedAt, hazardId)` ascending. */
export interface HazardPage {
  items: HazardSummary[];
  /** Opaque cursor of the last item, or null when there is no further page. */
  next: string | null;
}

/**
 * Result of {@link OutboxStore.outboxStatus}: the notification queue at a glance, for dashboards.
 * Every message is in exactly one of `pending`, `delivered` and `dead`; `leased` and
 * `retrying` are parts of `pending` (and may overlap). Instants are ISO strings.
 *
 * @example
 * ```ts
 * const s = await store.outboxStatus(new Date().toISOString());
 * // { pending: 3, retrying: 1, leased: 2, delivered: 31870, dead: 4,
 * //   oldestPendingAt: '2026-11-29T02:40:00.000Z', nextRetryAt: '2026-11-29T02:45:00.000Z' }
 * const ageMs = s.oldestPendingAt === null ? 0 : Date.now() - Date.parse(s.oldestPendingAt);
 * ```
 */
export interface OutboxStatus {
  /** Messages neither delivered nor dead: the queue, including those in flight and those waiting for a retry. */
  pending: number;
  /** Pending messages that failed at least once (`attempts > 0`). */
  retrying: number;
  /** Pending messages under a lease that has not expired at `now` (a relay is delivering them). */
  leased: number;
  /** Messages acknowledged by a relay (`ackOutbox`) and still kept: those `pruneOutbox` deleted are not counted. */
  delivered: number;
  /** Dead letters: the messages {@link OutboxStore.readDeadLetters} lists. */
  dead: number;
  /** `createdAt` of the oldest pending message, or `null` when none is pending; a growing age means a stuck relay. */
  oldestPendingAt: string | null;
  /**
   * The earliest time a message waiting for a retry (pending, `attempts > 0`, not under a
   * lease at `now`) is offered again, or `null` when none waits; earlier than `now` when
   * the relay is behind.
   */
  nextRetryAt: string | null;
}

/** An outbox message as stored, with its position in the outbox (insertion order). */
export type StoredOutboxMessage = OutboxMessage & { seq: number };

/** A signed checkpoint to store: the note text and what it commits to. */
export interface CheckpointInput {
  /** Events covered (the log's first `size` events). */
  size: number;
  /** Log head (hex SHA-256) after `size` events. */
  head: string;
  /** The signed note, exactly as signed (see `createCheckpoint`). */
  text: string;
  /** When it was signed (ISO, `toISOString()` form), by the caller's clock. */
  createdAt: string;
}

/** A stored checkpoint with its number in the checkpoint log (1, 2, 3 …). */
export type StoredCheckpoint = CheckpointInput & { seq: number };

/** Arguments of {@link OutboxStore.claimOutbox}. */
export interface ClaimOutboxInput {
  /** Relay instance id. */
  owner: string;
  now: string;
  leaseMs: number;
  limit: number;
}

/** Arguments of {@link OutboxStore.failOutbox}. */
export interface FailOutboxInput {
  id: string;
  owner: string;
  error: string;
  /** When to offer the message again, or `null` to move it to the dead letters. */
  retryAt: string | null;
}

/** Arguments of {@link OutboxStore.requeueDeadLetters}. */
export interface RequeueDeadLettersInput {
  /** Only these dead letters (ids of {@link OutboxStore.readDeadLetters}); all of them when omitted. */
  ids?: readonly string[];
  /** The caller's clock (ISO): the messages are offered again from this instant. */
  now: string;
}

/** A dead letter as {@link OutboxStore.readDeadLetters} lists it. */
export type DeadLetter = OutboxMessage & { attempts: number; lastError: string };

/**
 * Arguments of {@link OutboxStore.pruneOutbox}: the cut-offs are instants of the caller's
 * clock (`toISOString()` form), its `now` minus the retention it chose, never the store's.
 *
 * @example
 * ```ts
 * const now = clock.now().getTime(), DAY = 86_400_000;
 * const input = { deliveredBefore: new Date(now - 90 * DAY).toISOString(), deadBefore: new Date(now - 365 * DAY).toISOString(), limit: 1000 };
 * ```
 */
export interface PruneOutboxInput {
  /** Delete delivered messages acknowledged strictly before this instant (`ackOutbox`'s `now`). */
  deliveredBefore: string;
  /**
   * Delete dead letters too: those created strictly before this instant. Omitted, every dead
   * letter is kept — each is a notice nobody received, which someone must see
   * (`readDeadLetters`) and either re-queue or decide to drop by passing this.
   */
  deadBefore?: string;
  /** At most this many messages deleted by this call, 1 … 10 000 (`MAX_PRUNE_OUTBOX_LIMIT`): the write lock a call holds is bounded by it. */
  limit: number;
}

/** Result of {@link OutboxStore.pruneOutbox}: how many messages this call deleted. */
export interface PruneOutboxResult {
  /** Delivered messages deleted. */
  delivered: number;
  /** Dead letters deleted (0 without `deadBefore`). */
  dead: number;
  /** True when the call stopped at `limit`: there may be more to prune, call again. */
  more: boolean;
}

/**
 * What the store keeps of a message {@link OutboxStore.pruneOutbox} deleted: its ids and the
 * state it was deleted in, not its payload. `verifyAudit` reads these to tell a message
 * pruned after delivery from one deleted behind the store's back.
 */
export interface PrunedOutboxMessage {
  /** Position in the pruned list (strictly increasing, gaps allowed). */
  seq: number;
  id: string;
  hazardId: string;
  eventId: string;
  /** `delivered` (acknowledged) or `dead` (a dead letter pruned with `deadBefore`). */
  state: 'delivered' | 'dead';
}

/**
 * The event-log facet of a {@link Store}: the review chain's append-only, hash-chained log,
 * the command ids it answers replays with, the denial log and signed checkpoints.
 * Timestamps are ISO strings in `Date#toISOString()` form (they order lexicographically);
 * a store MUST NOT read its own clock: every instant comes from the caller.
 */
export interface EventLogStore {
  /**
   * Writes one command's result atomically: events, the command record, the outbox rows
   * and the list row (the summary) are all written, or none is.
   *
   * - MUST return `conflict` (writing nothing) when the hazard's current version differs
   *   from `expectedVersion` (0 = the hazard must not exist); of two concurrent appends
   *   with the same `expectedVersion` exactly one succeeds.
   * - MUST return `duplicate-command` with the original record (writing nothing) when
   *   `commandId` was already appended, whatever the hazard; this check comes before the
   *   version check.
   * - MUST assign each event a global `seq`: strictly increasing, contiguous from 1 across
   *   the whole store, in commit order once writers are quiet.
   * - MUST store events byte-for-byte as given (the hash covers them); MUST NOT hash,
   *   re-order or re-time them.
   * - MUST throw {@link StoreError} `INVALID_APPEND` (writing nothing) for invalid input:
   *   no events, or versions not following `expectedVersion` for the same hazard.
   * - MUST allocate, in the same transaction, the next number of each series named in
   *   `documents` (1 + the highest allocated, or 1), and return them in request order; an
   *   append that writes nothing allocates nothing. MUST throw `INVALID_APPEND` for a request
   *   that `checkDocumentRequests` refuses.
   * - MUST throw {@link StoreError} `TRAIL_MISMATCH` (writing nothing) when the hazard's list
   *   row and its event log disagree on the current version (a row without events, events
   *   without a row, the newest event deleted): the database was changed outside the store,
   *   and no command may build on it until `verifyAudit` has run and the data is repaired.
   */
  append(input: AppendInput): Promise<AppendResult>;
  /** A hazard's events ordered by version, or `null` when it has none. MUST NOT write. */
  load(hazardId: string): Promise<StoredEvent[] | null>;
  /** A hazard's events ordered by version (`[]` when it has none). MUST NOT write. */
  readEvents(hazardId: string): Promise<StoredEvent[]>;
  /** At most `limit` events with `seq >= fromSeq`, ordered by `seq`. MUST NOT write. */
  readLog(fromSeq: number, limit: number): Promise<StoredEvent[]>;
  /** The record of an appended command id, or `null`. MUST NOT write. */
  findCommand(commandId: string): Promise<CommandRecord | null>;
  /**
   * Appends a refused command to the denial log. MUST NOT write events, outbox rows or
   * command records.
   */
  recordDenial(denial: DenialRecord): Promise<void>;
  /**
   * At most `limit` denials with `seq >= fromSeq`, ordered by their own strictly increasing
   * `seq` (gaps allowed). MUST NOT write.
   */
  readDenials(fromSeq: number, limit: number): Promise<StoredDenial[]>;
  /**
   * Stores a signed checkpoint as given and returns it with its `seq` (strictly increasing
   * from 1). MUST NOT re-sign or alter `text`; writes nothing else. Checkpoints in the same
   * database as the log only help against edits made *after* they were written; export
   * them to a witness too (see `verifyAudit`).
   */
  appendCheckpoint(checkpoint: CheckpointInput): Promise<StoredCheckpoint>;
  /** The checkpoint with the highest `seq`, or `null`. MUST NOT write. */
  latestCheckpoint(): Promise<StoredCheckpoint | null>;
  /** At most `limit` checkpoints with `seq >= fromSeq`, ordered by `seq`. MUST NOT write. */
  readCheckpoints(fromSeq: number, limit: number): Promise<StoredCheckpoint[]>;
}

/**
 * The outbox facet of a {@link Store}: notifications written in the same transaction as
 * their events (by {@link EventLogStore.append}), delivered at least once by a relay under
 * leases. Every instant comes from the caller's clock; a store MUST NOT read its own.
 */
export interface OutboxStore {
  /**
   * Leases up to `limit` messages that are pending and available (`retryAt <= now`), or
   * whose lease expired at `now`, oldest first, to `owner` until `now + leaseMs`.
   * A message MUST be leased to at most one owner at a time (exactly one concurrent caller
   * receives it). MUST NOT return delivered or dead messages.
   */
  claimOutbox(input: ClaimOutboxInput): Promise<ClaimedOutboxMessage[]>;
  /**
   * Marks messages delivered at `now` (the caller's clock), only those whose lease `owner`
   * still holds; returns how many were acknowledged. MUST NOT acknowledge a message leased
   * to another owner, delivered or dead; acknowledged messages MUST never be claimed again.
   */
  ackOutbox(owner: string, ids: readonly string[], now: string): Promise<number>;
  /**
   * Releases the lease, increments `attempts`, records `error` and offers the message again
   * at `retryAt`, or moves it to the dead letters when `retryAt` is `null`. Returns false
   * (changing nothing) when `owner` no longer holds the lease.
   */
  failOutbox(input: FailOutboxInput): Promise<boolean>;
  /** At most `limit` dead letters, oldest first, with their attempts and last error. MUST NOT write. */
  readDeadLetters(limit: number): Promise<DeadLetter[]>;
  /**
   * Offers dead letters (all, or those of `ids`) again once the cause is fixed, e.g. a wrong
   * webhook secret: each becomes pending with `attempts` 0, available at `now`, without a
   * lease; its `lastError` is kept until the next attempt. Returns how many were re-queued.
   * MUST NOT touch messages that are not dead (an id of a pending or delivered message is
   * ignored), and MUST NOT change ids, topics or payloads (receivers deduplicate by id).
   */
  requeueDeadLetters(input: RequeueDeadLettersInput): Promise<number>;
  /**
   * Counts the outbox by state ({@link OutboxStatus}). MUST be computed by the backend as one
   * aggregate statement (no paging through rows, no `readDeadLetters`), MUST NOT write (not
   * even to expire leases), and MUST reflect one consistent snapshot under concurrent
   * appends, claims and acknowledgements: `pending`, `delivered` and `dead` partition the
   * messages. `pending` counts messages neither acknowledged nor dead, whatever their lease
   * or retry time; `retrying` those of them with `attempts > 0`; `leased` those whose lease
   * runs strictly after `now`; `dead` equals the number of rows `readDeadLetters` would
   * return without a limit. `oldestPendingAt` is the least `createdAt` of pending messages
   * and `nextRetryAt` the least retry time of pending messages with `attempts > 0` that are
   * not leased at `now`; each is `null` when no message qualifies. `now` is the caller's
   * clock, never the store's.
   */
  outboxStatus(now: string): Promise<OutboxStatus>;
  /**
   * At most `limit` messages (whatever their delivery state) with their own strictly
   * increasing `seq` (insertion order, gaps allowed), `seq >= fromSeq`, ordered by `seq`;
   * payloads exactly as appended. MUST NOT write (for audits).
   */
  readOutbox(fromSeq: number, limit: number): Promise<StoredOutboxMessage[]>;
  /**
   * Retention: deletes delivered messages acknowledged before `deliveredBefore` and, only
   * when `deadBefore` is given, dead letters created before it; returns how many of each.
   * Optional (a store without it keeps every message); a store that has it MUST have
   * {@link OutboxStore.readPrunedOutbox}.
   *
   * - MUST NOT delete a pending message, leased or not, whatever its age or attempts; MUST
   *   NOT delete a dead letter when `deadBefore` is omitted, nor a delivered one acknowledged
   *   at or after `deliveredBefore`. A message re-queued or acknowledged concurrently is
   *   judged in its new state.
   * - MUST delete at most `limit` messages per call, delivered first (oldest
   *   acknowledgement first), then dead letters (oldest first), in one short transaction per
   *   call, so a call never holds the write lock for long; `more` is true when it stopped at
   *   `limit`. A database store MUST find them through an index, not by reading the whole outbox.
   * - MUST, in the same transaction, keep each deleted message's ids and state for
   *   `readPrunedOutbox` (the audit's proof that it was delivered or given up, not removed).
   * - MUST throw {@link StoreError} `INVALID_PRUNE` before touching anything when an
   *   instant is not in `toISOString()` form or `limit` is not an integer in 1 …
   *   10 000 (`checkPruneOutboxInput`).
   * - Instants are the caller's clock; a store MUST NOT read its own.
   */
  pruneOutbox?(input: PruneOutboxInput): Promise<PruneOutboxResult>;
  /**
   * At most `limit` pruned messages with `seq >= fromSeq`, ordered by `seq`: every message
   * `pruneOutbox` deleted, none it did not. MUST NOT write (for audits).
   */
  readPrunedOutbox?(fromSeq: number, limit: number): Promise<PrunedOutboxMessage[]>;
}

/**
 * The read-model facet of a {@link Store}: the hazards' list rows (the summaries
 * {@link EventLogStore.append} writes), filtered, paged and counted.
 */
export interface ReadModelStore {
  /**
   * Filters summaries and pages them by `(updatedAt, hazardId)` ascending with an opaque
   * cursor; a page MUST NOT repeat or skip a row that did not change meanwhile. A cursor
   * the store did not issue MUST throw `InvalidCursorError` (code `INVALID_CURSOR`).
   * MUST NOT write.
   */
  query(filter: HazardFilter, page: PageRequest): Promise<HazardPage>;
  /**
   * Counts the list rows that match `filter` (exactly as `query` would select them) and
   * were created in `[createdFrom, createdTo)`. MUST be computed by the backend (an
   * aggregate over indexed columns), MUST NOT page through `query`, and MUST NOT write.
   * `closed` counts status `closed`; `overdue` counts rows not closed with a non-null
   * `deadline < now`; rates are `closed / total` as a JavaScript division (0 when `total`
   * is 0), so every store returns the same numbers. Periods are computed from `createdAt`
   * shifted by +8 hours (China has no daylight saving); they are present only when
   * `groupBy` is given, ascending, and only for periods with at least one hazard. Under
   * concurrent appends the counts MUST reflect one consistent snapshot. A query whose
   * instants are not in `toISOString()` form, or whose `groupBy` is neither `day` nor
   * `month`, MUST throw `ChainError` `INVALID_QUERY` (`checkHazardStatsQuery`) before
   * reading. Stores build the result with `hazardStatsFromGroups`.
   */
  stats(query: HazardStatsQuery): Promise<HazardStats>;
}

/**
 * Persistence of the review chain: the {@link EventLogStore}, {@link OutboxStore} and
 * {@link ReadModelStore} and {@link DocumentRegisterStore} facets over one database, so that an append writes all of them in
 * one transaction. Every method returns a Promise and MUST NOT block the event loop for
 * long; a store MUST NOT read its own clock (every instant is an argument). Errors of the
 * same kind are the same type in every store: {@link StoreError} with its `code`,
 * `InvalidCursorError`, `ChainError` `INVALID_QUERY`. Run `runStoreConformance` from
 * `@anjian/core/testing` against every implementation; code that needs only one facet
 * (the outbox relay, a dashboard) asks for only that facet.
 */
export interface Store extends EventLogStore, OutboxStore, ReadModelStore, DocumentRegisterStore {}

/** What {@link handleCommand} returns: the decision, whether it was a replay, and the document numbers allocated with it. */
export type CommandResult = Decision & { replayed?: boolean; documents?: DocumentNumber[] };
