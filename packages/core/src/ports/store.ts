/**
 * The Store port: the review chain's persistence (events, command ids, outbox, denials,
 * hazard list).
 *
 * @module
 */
import type { HazardLevel, LocalizedText } from '../pack/types.js';
import type { ChainEvent, Decision, HazardStatus, HazardSummary, RejectionCode, StoredEvent } from '../chain/types.js';

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
}

/** Result of {@link Store.append}. */
export type AppendResult =
  | { kind: 'ok'; events: StoredEvent[] }
  | { kind: 'conflict'; actualVersion: number }
  | { kind: 'duplicate-command'; original: CommandRecord };

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

/** Filter of {@link Store.query}. Every field narrows; omitted fields do not. */
export interface HazardFilter {
  level?: HazardLevel | readonly HazardLevel[];
  status?: HazardStatus | readonly HazardStatus[];
  domain?: string;
  /** Area code; matches the area and its sub-areas (`D1` matches `D1/G3`). */
  area?: string;
  enterpriseId?: string;
  provisional?: boolean;
  /** Only hazards with a running deadline `<=` this instant (ISO). Use `now` for "overdue". */
  deadlineBefore?: string;
}

/**
 * Arguments of {@link Store.stats}: which hazards to count, and how to group them by period.
 * Instants are ISO strings in `Date#toISOString()` form.
 */
export interface HazardStatsQuery {
  /** The same filter as {@link Store.query}: every field narrows; omitted fields do not. */
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

/** Result of {@link Store.stats}: counts over the hazards' current list rows. */
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
 * Result of {@link Store.outboxStatus}: the notification queue at a glance, for dashboards.
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
  /** Messages acknowledged by a relay (`ackOutbox`). Stores keep delivered rows, so this counts all time. */
  delivered: number;
  /** Dead letters: the messages {@link Store.readDeadLetters} lists. */
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

/** What an adapter can do; core and the conformance suite adapt to it. */
export interface StoreCapabilities {
  /** Several processes may append concurrently (PG: yes; SQLite file: one writer at a time). */
  concurrentWriters: boolean;
  /** Data survives a process restart. */
  durable: boolean;
  /** Outbox leases are enforced across processes. */
  outboxLeases: boolean;
}

/** Arguments of {@link Store.claimOutbox}. */
export interface ClaimOutboxInput {
  /** Relay instance id. */
  owner: string;
  now: string;
  leaseMs: number;
  limit: number;
}

/** Arguments of {@link Store.failOutbox}. */
export interface FailOutboxInput {
  id: string;
  owner: string;
  error: string;
  /** When to offer the message again, or `null` to move it to the dead letters. */
  retryAt: string | null;
}

/**
 * Persistence of the review chain. Every method returns a Promise and MUST NOT block the
 * event loop for long. Timestamps are ISO strings in `Date#toISOString()` form, so they
 * order lexicographically. Run `runStoreConformance` from `@anjian/core/testing` against
 * every implementation.
 *
 * Normative rules:
 *
 * - **append** is atomic: events, the command record, the outbox rows and the summary are
 *   all written, or none is. It MUST return `conflict` (writing nothing) when the
 *   hazard's current version differs from `expectedVersion` (0 = the hazard must not
 *   exist). It MUST return `duplicate-command` with the original record (writing nothing)
 *   when `commandId` was already appended, whatever the hazard; the duplicate check comes
 *   before the version check. Of two concurrent appends with the same `expectedVersion`
 *   exactly one succeeds. It assigns each event a global `seq`: strictly increasing,
 *   contiguous from 1 across the whole store, in commit order once writers are quiet. It
 *   MUST store events byte-for-byte as given (the hash covers them) and MUST NOT hash,
 *   re-order or re-time them. Invalid input (empty events, versions not following
 *   `expectedVersion`) throws. It MUST throw (writing nothing) an error with code
 *   `TRAIL_MISMATCH` when the hazard's list row and its event log disagree on the current
 *   version (a row without events, events without a row, the newest event deleted): the
 *   database was changed outside the store, and no command may build on it until
 *   `verifyAudit` has been run and the data repaired.
 * - **load / readEvents** return a hazard's events ordered by version; `load` returns
 *   `null` when the hazard has no events.
 * - **readLog(fromSeq, limit)** returns events with `seq >= fromSeq` ordered by `seq`,
 *   at most `limit` of them.
 * - **findCommand** returns the record of an appended command id, or `null`.
 * - **recordDenial** appends to a separate denial log; it MUST NOT write events, outbox
 *   rows or command records. `readDenials(fromSeq, limit)` reads it back ordered by its own
 *   strictly increasing `seq` (gaps allowed), at most `limit` rows with `seq >= fromSeq`.
 * - **query** filters summaries and pages by `(updatedAt, hazardId)` ascending with an
 *   opaque cursor; a page never repeats or skips a row that did not change meanwhile.
 * - **claimOutbox** leases up to `limit` messages that are pending and available
 *   (`retryAt <= now`), or whose lease expired, oldest first. A message MUST be leased to
 *   at most one owner at a time (exactly one concurrent caller receives it).
 *   **ackOutbox** marks delivered messages done (only if `owner` still holds the lease;
 *   returns how many were acknowledged). **failOutbox** releases the lease, increments
 *   `attempts` and reschedules at `retryAt`, or moves the message to the dead letters when
 *   `retryAt` is `null`; it returns false when `owner` no longer holds the lease.
 *   **readDeadLetters** lists dead messages.
 * - **outboxStatus(now)** counts the outbox by state ({@link OutboxStatus}). It MUST be
 *   computed by the backend as one aggregate statement (no paging through rows, no
 *   `readDeadLetters`), MUST NOT write (not even to expire leases), and MUST reflect one
 *   consistent snapshot under concurrent appends, claims and acknowledgements: `pending`,
 *   `delivered` and `dead` partition the messages. `pending` counts messages neither
 *   acknowledged nor dead, whatever their lease or retry time; `retrying` those of them
 *   with `attempts > 0`; `leased` those whose lease runs strictly after `now`
 *   (`leaseUntil > now`); `dead` equals the number of rows `readDeadLetters` would return
 *   without a limit. `oldestPendingAt` is the least `createdAt` of pending messages and
 *   `nextRetryAt` the least retry time of pending messages with `attempts > 0` that are
 *   not leased at `now`; each is `null` when no message qualifies. `now` is the caller's
 *   clock, never the store's.
 * - **readOutbox(fromSeq, limit)** returns outbox messages (whatever their delivery state)
 *   with their own strictly increasing `seq` (insertion order, gaps allowed), `seq >= fromSeq`,
 *   ordered by `seq`, at most `limit`; payloads exactly as appended. Read-only (for audits).
 * - **appendCheckpoint** stores a signed checkpoint as given (it MUST NOT re-sign or alter
 *   `text`) and returns it with its `seq`: strictly increasing from 1. It writes nothing
 *   else. **latestCheckpoint** returns the one with the highest `seq`, or `null`;
 *   **readCheckpoints(fromSeq, limit)** lists them ordered by `seq`, `seq >= fromSeq`.
 *   Checkpoints in the same database as the log only help against edits made *after* they
 *   were written; export them to a witness too (see `verifyAudit`).
 * - **stats** counts the list rows that match `filter` (exactly as `query` would select
 *   them) and were created in `[createdFrom, createdTo)`. It MUST be computed by the
 *   backend (an aggregate over indexed columns), MUST NOT page through `query`, and MUST
 *   NOT write. `closed` counts status `closed`; `overdue` counts rows not closed with a
 *   non-null `deadline < now`; rates are `closed / total` as a JavaScript division (0 when
 *   `total` is 0), so every store returns the same numbers. Periods are computed from
 *   `createdAt` shifted by +8 hours (China has no daylight saving); they are present only
 *   when `groupBy` is given, ascending, and only for periods with at least one hazard.
 *   Under concurrent appends the counts MUST reflect one consistent snapshot. A query whose
 *   instants are not in `toISOString()` form, or whose `groupBy` is neither `day` nor
 *   `month`, is misuse: it throws `ChainError` `INVALID_QUERY` (`checkHazardStatsQuery`)
 *   before reading. Stores build the result with `hazardStatsFromGroups`.
 */
export interface Store {
  readonly capabilities: StoreCapabilities;
  append(input: AppendInput): Promise<AppendResult>;
  load(hazardId: string): Promise<StoredEvent[] | null>;
  readEvents(hazardId: string): Promise<StoredEvent[]>;
  readLog(fromSeq: number, limit: number): Promise<StoredEvent[]>;
  findCommand(commandId: string): Promise<CommandRecord | null>;
  recordDenial(denial: DenialRecord): Promise<void>;
  readDenials(fromSeq: number, limit: number): Promise<StoredDenial[]>;
  query(filter: HazardFilter, page: PageRequest): Promise<HazardPage>;
  claimOutbox(input: ClaimOutboxInput): Promise<ClaimedOutboxMessage[]>;
  ackOutbox(owner: string, ids: readonly string[]): Promise<number>;
  failOutbox(input: FailOutboxInput): Promise<boolean>;
  readDeadLetters(limit: number): Promise<(OutboxMessage & { attempts: number; lastError: string })[]>;
  stats(query: HazardStatsQuery): Promise<HazardStats>;
  outboxStatus(now: string): Promise<OutboxStatus>;
  readOutbox(fromSeq: number, limit: number): Promise<StoredOutboxMessage[]>;
  appendCheckpoint(checkpoint: CheckpointInput): Promise<StoredCheckpoint>;
  latestCheckpoint(): Promise<StoredCheckpoint | null>;
  readCheckpoints(fromSeq: number, limit: number): Promise<StoredCheckpoint[]>;
}

/** What {@link handleCommand} returns: the decision, plus whether it was a replay. */
export type CommandResult = Decision & { replayed?: boolean };
