import type Database from 'better-sqlite3';
import type { DeviceCommit, DeviceCommitResult, DeviceRegistry } from '@anjian/core/ports';
import type { Device, DeviceState, DeviceWarning } from '@anjian/core/internal';
import { createMessagePurgeSchedule, MESSAGE_PURGE_BATCH, messageDedupWindow, resolveMessageDedupWindowMs } from '@anjian/core/internal';
import { openDatabase, sqlitePath } from './open-database.js';
import { createSideOutbox, sideOutboxSchema } from './side-outbox.js';

/** Options of {@link createSqliteDeviceRegistry}. */
export interface SqliteDeviceRegistryOptions {
  /** Database file (may be the store's own file: the tables do not overlap), or `':memory:'` for tests. */
  path: string;
  busyTimeoutMs?: number;
  /** How long a message id stays a duplicate (ms of the caller's clock); default `DEFAULT_MESSAGE_DEDUP_WINDOW_MS` (7 days). */
  messageDedupWindowMs?: number;
}

/** A {@link DeviceRegistry} over SQLite, with `close()`. */
export interface SqliteDeviceRegistry extends DeviceRegistry {
  close(): void;
}

// Own tables, created if missing, so the registry can share the store's file without touching
// its migrations (the store's user_version stays the store's).
const SCHEMA =
  `
  CREATE TABLE IF NOT EXISTS monitoring_device (id TEXT PRIMARY KEY, enterprise_id TEXT NOT NULL, body TEXT NOT NULL) STRICT;
  CREATE INDEX IF NOT EXISTS monitoring_device_enterprise ON monitoring_device (enterprise_id, id);
  CREATE TABLE IF NOT EXISTS monitoring_state (device_id TEXT PRIMARY KEY, version INTEGER NOT NULL, body TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS monitoring_message (device_id TEXT NOT NULL, message_id TEXT NOT NULL, received_at TEXT NOT NULL, PRIMARY KEY (device_id, message_id)) STRICT, WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS monitoring_message_received ON monitoring_message (received_at);
  CREATE TABLE IF NOT EXISTS monitoring_warning (
    key TEXT PRIMARY KEY, device_id TEXT NOT NULL, enterprise_id TEXT NOT NULL, status TEXT NOT NULL, opened_at TEXT NOT NULL, body TEXT NOT NULL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS monitoring_warning_enterprise ON monitoring_warning (enterprise_id, status, opened_at);
` + sideOutboxSchema('monitoring_outbox');

/**
 * The device registry of monitoring (监测预警) over SQLite (better-sqlite3, WAL,
 * `synchronous=FULL`): devices, the tracker's state per device, processed message ids,
 * warnings and the daily-warning outbox. A `commit` is one `BEGIN IMMEDIATE` transaction
 * (message-id check, version compare-and-set, state, message id, warnings), so a `kill -9`
 * leaves either all of a step or none of it.
 *
 * @example
 * ```ts
 * const registry = createSqliteDeviceRegistry({ path: '.data/anjian.db' });
 * const relay = createOutboxRelay({ store: registry, owner: 'sms', deliver });
 * ```
 */
export function createSqliteDeviceRegistry(options: SqliteDeviceRegistryOptions): SqliteDeviceRegistry {
  const path = sqlitePath(options, 'createSqliteDeviceRegistry');
  const windowMs = resolveMessageDedupWindowMs(options.messageDedupWindowMs);
  const schedule = createMessagePurgeSchedule();
  const db: Database.Database = openDatabase(path, options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs });
  db.exec(SCHEMA);
  const st = {
    putDevice: db.prepare('INSERT INTO monitoring_device (id, enterprise_id, body) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET enterprise_id = excluded.enterprise_id, body = excluded.body'),
    getDevice: db.prepare('SELECT body FROM monitoring_device WHERE id = ?').pluck(),
    allDevices: db.prepare('SELECT body FROM monitoring_device ORDER BY id').pluck(),
    devicesOf: db.prepare('SELECT body FROM monitoring_device WHERE enterprise_id = ? ORDER BY id').pluck(),
    loadState: db.prepare('SELECT version, body FROM monitoring_state WHERE device_id = ?'),
    hasMessage: db.prepare('SELECT 1 FROM monitoring_message WHERE device_id = ? AND message_id = ? AND received_at > ?').pluck(),
    // An expired id used again (checked above in the same transaction) renews its receipt.
    insertMessage: db.prepare(
      'INSERT INTO monitoring_message (device_id, message_id, received_at) VALUES (?, ?, ?) ON CONFLICT (device_id, message_id) DO UPDATE SET received_at = excluded.received_at',
    ),
    purgeMessages: db.prepare(
      'DELETE FROM monitoring_message WHERE (device_id, message_id) IN (SELECT device_id, message_id FROM monitoring_message WHERE received_at <= ? ORDER BY received_at LIMIT ?)',
    ),
    insertState: db.prepare('INSERT INTO monitoring_state (device_id, version, body) VALUES (?, ?, ?)'),
    updateState: db.prepare('UPDATE monitoring_state SET version = ?, body = ? WHERE device_id = ? AND version = ?'),
    putWarning: db.prepare(
      `INSERT INTO monitoring_warning (key, device_id, enterprise_id, status, opened_at, body) VALUES (@key, @deviceId, @enterpriseId, @status, @openedAt, @body)
       ON CONFLICT (key) DO UPDATE SET status = excluded.status, body = excluded.body`,
    ),
    warnings: db
      .prepare(
        `SELECT body FROM monitoring_warning WHERE (@enterpriseId IS NULL OR enterprise_id = @enterpriseId) AND (@deviceId IS NULL OR device_id = @deviceId)
       AND (@status IS NULL OR status = @status) ORDER BY opened_at, key`,
      )
      .pluck(),
  };

  const step = (input: DeviceCommit): DeviceCommitResult => {
    const window = messageDedupWindow(input.now, windowMs);
    if (input.messageId !== undefined && st.hasMessage.get(input.deviceId, input.messageId, window.cutoff) !== undefined) return { kind: 'duplicate' };
    const row = st.loadState.get(input.deviceId) as { version: number } | undefined;
    const actual = row?.version ?? 0;
    if (actual !== input.expectedVersion) return { kind: 'conflict', actualVersion: actual };
    const version = input.expectedVersion + 1;
    const body = JSON.stringify({ ...input.state, deviceId: input.deviceId, version });
    if (row) st.updateState.run(version, body, input.deviceId, actual);
    else st.insertState.run(input.deviceId, version, body);
    if (input.messageId !== undefined) st.insertMessage.run(input.deviceId, input.messageId, window.receivedAt);
    for (const w of input.warnings) st.putWarning.run({ key: w.key, deviceId: w.deviceId, enterpriseId: w.enterpriseId, status: w.status, openedAt: w.openedAt, body: JSON.stringify(w) });
    return { kind: 'ok', version };
  };
  const commitStep = db.transaction(step);

  /** The amortised purge, inside the committing transaction: expired ids, oldest first, a bounded batch. */
  function purgeIfDue(inputs: readonly DeviceCommit[], results: readonly DeviceCommitResult[]): void {
    const inserted = inputs.filter((input, i) => input.messageId !== undefined && results[i]?.kind === 'ok');
    if (inserted.length === 0) return;
    const window = messageDedupWindow(inserted[inserted.length - 1]!.now, windowMs);
    if (schedule.due(inserted.length, Date.parse(window.receivedAt))) st.purgeMessages.run(window.cutoff, MESSAGE_PURGE_BATCH);
  }

  const commit = db.transaction((input: DeviceCommit): DeviceCommitResult => {
    const result = step(input);
    purgeIfDue([input], [result]);
    return result;
  });

  function commitSteps(inputs: readonly DeviceCommit[]): DeviceCommitResult[] {
    const failed = new Set<string>();
    return inputs.map((input): DeviceCommitResult => {
      if (failed.has(input.deviceId)) return { kind: 'conflict', actualVersion: (st.loadState.get(input.deviceId) as { version: number } | undefined)?.version ?? 0 };
      const r = commitStep(input);
      if (r.kind !== 'ok') failed.add(input.deviceId);
      return r;
    });
  }
  const commitMany = db.transaction((inputs: readonly DeviceCommit[]): DeviceCommitResult[] => {
    const results = commitSteps(inputs);
    purgeIfDue(inputs, results);
    return results;
  });

  const outbox = createSideOutbox(db, 'monitoring_outbox');

  return {
    messageDedupWindowMs: windowMs,
    async putDevice(device) {
      st.putDevice.run(device.id, device.enterpriseId, JSON.stringify(device));
    },
    async getDevice(id) {
      const body = st.getDevice.get(id) as string | undefined;
      return body === undefined ? null : (JSON.parse(body) as Device);
    },
    async listDevices(filter = {}) {
      const rows = (filter.enterpriseId === undefined ? st.allDevices.all() : st.devicesOf.all(filter.enterpriseId)) as string[];
      return rows.map((b) => JSON.parse(b) as Device);
    },
    async loadState(id) {
      const row = st.loadState.get(id) as { body: string } | undefined;
      return row ? (JSON.parse(row.body) as DeviceState) : null;
    },
    async hasMessage(deviceId, messageId, now) {
      return st.hasMessage.get(deviceId, messageId, messageDedupWindow(now, windowMs).cutoff) !== undefined;
    },
    async purgeMessages(now, limit = MESSAGE_PURGE_BATCH) {
      return st.purgeMessages.run(messageDedupWindow(now, windowMs).cutoff, limit).changes;
    },
    async commit(input) {
      if (input.durable !== false) return commit.immediate(input);
      // A heartbeat: no fsync of its own; the next durable commit flushes the WAL with it.
      db.pragma('synchronous = NORMAL');
      try {
        return commit.immediate(input);
      } finally {
        if (path !== ':memory:') db.pragma('synchronous = FULL');
      }
    },
    async commitBatch(inputs) {
      if (inputs.length === 0) return [];
      if (inputs.some((i) => i.durable !== false)) return commitMany.immediate(inputs);
      db.pragma('synchronous = NORMAL');
      try {
        return commitMany.immediate(inputs);
      } finally {
        if (path !== ':memory:') db.pragma('synchronous = FULL');
      }
    },
    async listWarnings(filter = {}) {
      return (st.warnings.all({ enterpriseId: filter.enterpriseId ?? null, deviceId: filter.deviceId ?? null, status: filter.status ?? null }) as string[]).map((b) => JSON.parse(b) as DeviceWarning);
    },
    async enqueueNotification(n) {
      return outbox.enqueue(n);
    },
    claimOutbox: outbox.claimOutbox,
    ackOutbox: outbox.ackOutbox,
    failOutbox: outbox.failOutbox,
    readNotifications: outbox.readNotifications,
    close() {
      db.close();
    },
  };
}
