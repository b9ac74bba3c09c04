/**
 * The DeviceRegistry port: the devices of monitoring and early warning (监测预警), the
 * tracker's state per device, the message ids already processed, the warnings, and the
 * outbox of the daily early warnings.
 *
 * @module
 */
import type { Device } from '../monitoring/device.js';
import type { DeviceState, DeviceWarning } from '../monitoring/device-state.js';
import type { ClaimedOutboxMessage, ClaimOutboxInput, FailOutboxInput } from './store.js';

/** One atomic write of a tracker step. */
export interface DeviceCommit {
  deviceId: string;
  /** The state's version the step was computed from (0: no state stored yet). */
  expectedVersion: number;
  /** The new state; the registry stores it with version `expectedVersion + 1`. */
  state: DeviceState;
  /** The message the step processed (deduplication), or absent for a tick. */
  messageId?: string;
  /** Warnings to insert or replace by `key` (opened, updated, cleared). */
  warnings: readonly DeviceWarning[];
  /** The caller's clock (ISO). */
  now: string;
  /**
   * `false` for a step that changed nothing but the last-message time (a heartbeat): the
   * registry MAY commit it without waiting for the disk (SQLite `synchronous=NORMAL`,
   * PostgreSQL `synchronous_commit = off`). It survives a process crash, not a power loss —
   * harmless, as such a step is idempotent. Default `true`.
   */
  durable?: boolean;
}

/** Result of {@link DeviceRegistry.commit}. */
export type DeviceCommitResult = { kind: 'ok'; version: number } | { kind: 'duplicate' } | { kind: 'conflict'; actualVersion: number };

/** Filter of {@link DeviceRegistry.listWarnings}; omitted fields do not narrow. */
export interface WarningFilter {
  enterpriseId?: string;
  deviceId?: string;
  status?: 'open' | 'cleared';
}

/** A notification for the outbox relay that is not a review-chain event (the daily early warning). */
export interface DeviceNotification {
  /** Idempotency key, e.g. `daily-warning/<enterprise>/<YYYY-MM-DD>`: enqueuing it again does nothing. */
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  /** The caller's clock (ISO). */
  createdAt: string;
}

/**
 * Where monitoring keeps its data. Every instant is the caller's; a registry MUST NOT read
 * its own clock. Run `runDeviceRegistryConformance` from `@anjian/core/testing` against
 * every implementation.
 *
 * - `putDevice` inserts or replaces a device by id; `getDevice` returns `null` for an
 *   unknown id; `listDevices` returns devices ordered by id (of one enterprise when given).
 * - `commit` writes state, message id and warnings in one transaction, or nothing
 *   (`commitBatch`: several such steps in one transaction):
 *   `duplicate` (nothing written) when `messageId` was already committed for the device —
 *   checked before the version; `conflict` (nothing written) when the stored version is
 *   not `expectedVersion`.
 * - De-duplication window (`messageDedupWindow` of `@anjian/core/monitoring`, default 7 days,
 *   set by the host where the registry is created): a message id is remembered per device
 *   with its `received_at` = the committing step's `now`. At a caller's `now`, an id counts
 *   (`hasMessage` true, `commit` answers `duplicate`) iff `received_at > cutoff`
 *   (`now − window`); an older id MUST NOT count — committing it again is `ok` and renews
 *   its `received_at`. The registry MUST delete ids at or before the cutoff on its own,
 *   amortised (at most every few hundred inserted ids or ten minutes of the caller's
 *   clock, in bounded batches, never reading its own clock), so the table holds about one
 *   window of ids, not every id ever received.
 * - `enqueueNotification` inserts a notification unless its id exists (then returns
 *   false and changes nothing); `claimOutbox`, `ackOutbox` and `failOutbox` have the
 *   semantics of the review chain's `OutboxStore`, so `createOutboxRelay` delivers them.
 */
export interface DeviceRegistry {
  /**
   * The de-duplication window this registry applies, ms (set where it is created). Ingestion
   * refuses a message whose claimed `at` is older (`bad_time`): its id may have been forgotten,
   * so a replay would be processed again. Optional for registries written before it; without
   * it ingestion uses `MonitoringDeps.maxMessageAgeMs` or the default window.
   */
  readonly messageDedupWindowMs?: number;
  putDevice(device: Device): Promise<void>;
  getDevice(deviceId: string): Promise<Device | null>;
  listDevices(filter?: { enterpriseId?: string }): Promise<Device[]>;
  /** The device's stored state, or `null` before its first commit. */
  loadState(deviceId: string): Promise<DeviceState | null>;
  /** Whether `messageId` was committed for the device within the window at `now` (the caller's clock, ISO). MUST NOT write. */
  hasMessage(deviceId: string, messageId: string, now: string): Promise<boolean>;
  /**
   * Deletes up to `limit` (default 1000) message ids outside the window at `now` (the
   * caller's clock, ISO), oldest first; returns how many. A host MAY call it on its own timer
   * (e.g. with `tickDevices`) to drain a backlog faster than the amortised purge of `commit`.
   */
  purgeMessages(now: string, limit?: number): Promise<number>;
  commit(input: DeviceCommit): Promise<DeviceCommitResult>;
  /**
   * Several commits in ONE transaction (a batch of messages that arrived together): each is
   * checked and written as by {@link commit}, in order — a later commit of the same device
   * sees the earlier one (its `expectedVersion` is the earlier one's version + 1) — and one
   * that is a `duplicate` or a `conflict` writes nothing of its own while the others are
   * written; the device's later commits in the batch, computed from it, are then `conflict`
   * too (whatever their versions). Results in input order. `durable` is the transaction's if any input is durable.
   * Nothing of the batch is visible, or survives a crash, before all of it is committed.
   */
  commitBatch(inputs: readonly DeviceCommit[]): Promise<DeviceCommitResult[]>;
  /** Warnings ordered by `openedAt`, then `key`. */
  listWarnings(filter?: WarningFilter): Promise<DeviceWarning[]>;
  enqueueNotification(notification: DeviceNotification): Promise<boolean>;
  claimOutbox(input: ClaimOutboxInput): Promise<ClaimedOutboxMessage[]>;
  ackOutbox(owner: string, ids: readonly string[], now: string): Promise<number>;
  failOutbox(input: FailOutboxInput): Promise<boolean>;
  /** Every notification with its delivery state, oldest first (for audits and tests). MUST NOT write. */
  readNotifications(): Promise<Array<DeviceNotification & { status: 'pending' | 'done' | 'dead'; attempts: number }>>;
}
