/**
 * The PermitStore port: hazardous-work permits (危险作业许可) — each permit's hash-chained
 * event log, its folded state for queries, the command ids already handled, and the outbox
 * of the permit texts (SMS when a job is suspended or overdue to close).
 *
 * @module
 */
import type { PermitEvent, PermitKind, PermitState, PermitStatus } from '../permits/index.js';
import type { ClaimedOutboxMessage, ClaimOutboxInput, FailOutboxInput } from './store.js';

/** A notification for the outbox relay, written in the same transaction as the events. */
export interface PermitNotification {
  /** Idempotency key, e.g. `permit/<permitId>/<version>/suspended`: enqueuing it again does nothing. */
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  /** The caller's clock (ISO). */
  createdAt: string;
}

/** One atomic write: a command's (or a tick's) events. */
export interface PermitAppend {
  permitId: string;
  /** The version the events were decided on (0: a new permit). */
  expectedVersion: number;
  /**
   * The events, versions `expectedVersion + 1 …`, chained on the stored last hash. The store
   * checks the chain (`checkPermitAppend`) and folds them with `evolvePermit` — it never
   * takes a state from the caller.
   */
  events: readonly PermitEvent[];
  /** The command's id: a second append with the same id writes nothing and answers `duplicate`. */
  commandId?: string;
  /** A digest of the command, kept with its id, so a reused id with another command can be told apart. */
  commandFingerprint?: string;
  /** Outbox messages written with the events, or not at all. */
  notifications?: readonly PermitNotification[];
}

/** Result of {@link PermitStore.append}. */
export type PermitAppendResult =
  | { kind: 'ok'; version: number; state: PermitState }
  | { kind: 'duplicate'; permitId: string; version: number }
  | { kind: 'conflict'; actualVersion: number }
  | { kind: 'invalid'; reason: PermitAppendProblem };

/** Why the store refused events as not belonging to the permit's chain. */
export type PermitAppendProblem = 'empty' | 'permit_id' | 'version' | 'prev_hash' | 'hash' | 'first_event';

/** Filter of {@link PermitStore.listOpen}; omitted fields do not narrow. */
export interface OpenPermitFilter {
  /** An area code; it covers its sub-areas (`D1` covers `D1/G3`, not `D10`). */
  area?: string;
  kind?: PermitKind | string;
  enterpriseId?: string;
  /** Only these statuses (all open statuses by default: applied, approved, in_progress, suspended). */
  statuses?: readonly PermitStatus[];
  /** Keyset: permits with id greater than this. */
  afterId?: string;
  /** At most this many (default 100, at most 1 000). */
  limit?: number;
}

/** One count of {@link PermitStore.countOpen}. */
export interface OpenPermitCount {
  kind: string;
  status: PermitStatus;
  count: number;
}

/**
 * Where permits live. Every instant is the caller's; a store MUST NOT read its own clock.
 * Run `runPermitStoreConformance` from `@anjian/core/testing` against every implementation.
 *
 * - `append` writes events, the folded state, the command id and the notifications in one
 *   transaction, or nothing: `duplicate` when `commandId` was already appended (checked
 *   first); `conflict` when the stored version is not `expectedVersion`; `invalid` when the
 *   events do not continue the stored chain (versions, `prevHash`, recomputed hashes).
 * - `readPermit` returns the state and the whole log in version order; `loadState` the state.
 * - `listOpen` returns open permits (not expired, closed or cancelled) ordered by id;
 *   `countOpen` counts them by kind and status (one area, or all).
 * - `listDue` returns open permits whose next clock deadline (`permitNextDueAt`) is at or
 *   before `now`, oldest deadline first — the ones `tickPermit` has something to record for.
 * - The outbox methods have the semantics of the review chain's `OutboxStore`, so
 *   `createOutboxRelay` delivers the notifications.
 */
export interface PermitStore {
  append(input: PermitAppend): Promise<PermitAppendResult>;
  loadState(permitId: string): Promise<PermitState | null>;
  readPermit(permitId: string): Promise<{ state: PermitState; events: PermitEvent[] } | null>;
  /** The version a command id produced and the command's fingerprint (null when none was given), or null. MUST NOT write. */
  commandVersion(commandId: string): Promise<{ permitId: string; version: number; fingerprint: string | null } | null>;
  listOpen(filter?: OpenPermitFilter): Promise<PermitState[]>;
  /** Open permits by kind and status, in an area (sub-areas included) or everywhere. */
  countOpen(filter?: { area?: string }): Promise<OpenPermitCount[]>;
  listDue(now: string, limit: number): Promise<PermitState[]>;
  claimOutbox(input: ClaimOutboxInput): Promise<ClaimedOutboxMessage[]>;
  ackOutbox(owner: string, ids: readonly string[], now: string): Promise<number>;
  failOutbox(input: FailOutboxInput): Promise<boolean>;
  /** Every notification with its delivery state, oldest first (audits, tests). MUST NOT write. */
  readNotifications(): Promise<Array<PermitNotification & { status: 'pending' | 'done' | 'dead'; attempts: number }>>;
}
