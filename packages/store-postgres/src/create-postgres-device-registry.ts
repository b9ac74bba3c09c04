import type { DeviceCommit, DeviceCommitResult, DeviceRegistry } from '@anjian/core/ports';
import type { Device, DeviceState, DeviceWarning } from '@anjian/core/internal';
import { createMessagePurgeSchedule, MESSAGE_PURGE_BATCH, messageDedupWindow, resolveMessageDedupWindowMs } from '@anjian/core/internal';
import pg from 'pg';
import { guardPool, checkPostgresOptions, PostgresStoreError } from './postgres-store-error.js';
import { createSideOutbox, sideOutboxSchema } from './side-outbox.js';

/** Options of {@link createPostgresDeviceRegistry}. */
export interface PostgresDeviceRegistryOptions {
  /** A `pg.Pool` the host owns, or a connection string for a pool the registry owns. */
  pool?: pg.Pool;
  connectionString?: string;
  /** Schema of the tables (the store's schema is fine: the tables do not overlap). Default `anjian`. */
  schema?: string;
  /** How long a message id stays a duplicate (ms of the caller's clock); default `DEFAULT_MESSAGE_DEDUP_WINDOW_MS` (7 days). */
  messageDedupWindowMs?: number;
}

/** A {@link DeviceRegistry} over PostgreSQL, with `migrate()` (creates the tables if missing) and `close()`. */
export interface PostgresDeviceRegistry extends DeviceRegistry {
  readonly schema: string;
  migrate(): Promise<void>;
  /** Closes the pool if the registry created it. */
  close(): Promise<void>;
}

/**
 * The device registry of monitoring (监测预警) over PostgreSQL: devices, the tracker's state,
 * processed message ids, warnings and the daily-warning outbox, in tables of their own
 * (created by `migrate()`). A `commit` is one transaction: the message id (primary key), the
 * state's version compare-and-set (row lock) and the warnings; a concurrent commit of the
 * same message id loses on the key and answers `duplicate`. The outbox is claimed with
 * `FOR UPDATE SKIP LOCKED`, so several relays can run.
 *
 * @example
 * ```ts
 * const registry = createPostgresDeviceRegistry({ pool, schema: 'anjian' });
 * await registry.migrate();
 * ```
 */
export function createPostgresDeviceRegistry(options: PostgresDeviceRegistryOptions): PostgresDeviceRegistry {
  checkPostgresOptions(options, 'createPostgresDeviceRegistry');
  const schema = options.schema ?? 'anjian';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new PostgresStoreError('CONFIG_INVALID', `schema must be a lower-case SQL identifier, got ${JSON.stringify(schema)}`);
  const ownsPool = !options.pool;
  const pool = guardPool(options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: 5 }), schema);
  const s = `"${schema}"`;
  const windowMs = resolveMessageDedupWindowMs(options.messageDedupWindowMs);
  const schedule = createMessagePurgeSchedule();
  // Expired ids oldest first, a bounded batch; SKIP LOCKED: never waits on a commit reusing one.
  const purgeSql = `DELETE FROM ${s}.monitoring_message WHERE (device_id, message_id) IN
    (SELECT device_id, message_id FROM ${s}.monitoring_message WHERE received_at <= $1 ORDER BY received_at LIMIT $2 FOR UPDATE SKIP LOCKED)`;

  /** The amortised purge, inside the committing transaction. */
  async function purgeIfDue(client: pg.PoolClient, inputs: readonly DeviceCommit[], results: readonly DeviceCommitResult[]): Promise<void> {
    const inserted = inputs.filter((input, i) => input.messageId !== undefined && results[i]?.kind === 'ok');
    if (inserted.length === 0) return;
    const window = messageDedupWindow(inserted[inserted.length - 1]!.now, windowMs);
    if (schedule.due(inserted.length, Date.parse(window.receivedAt))) await client.query(purgeSql, [window.cutoff, MESSAGE_PURGE_BATCH]);
  }
  const outbox = createSideOutbox(pool, s, 'monitoring_outbox');

  /** One step inside an open transaction; the caller rolls back to its savepoint unless `ok`. */
  async function commitStep(client: pg.PoolClient, input: DeviceCommit): Promise<DeviceCommitResult> {
    if (input.messageId !== undefined) {
      // A new id is inserted; an expired one (at or before the cutoff) renews its receipt; one within the window is a duplicate.
      const window = messageDedupWindow(input.now, windowMs);
      const inserted = await client.query(
        `INSERT INTO ${s}.monitoring_message AS m (device_id, message_id, received_at) VALUES ($1, $2, $3)
         ON CONFLICT (device_id, message_id) DO UPDATE SET received_at = excluded.received_at WHERE m.received_at <= $4`,
        [input.deviceId, input.messageId, window.receivedAt, window.cutoff],
      );
      if (inserted.rowCount === 0) return { kind: 'duplicate' };
    }
    const current = await client.query<{ version: number }>(`SELECT version FROM ${s}.monitoring_state WHERE device_id = $1 FOR UPDATE`, [input.deviceId]);
    const actual = current.rows[0]?.version ?? 0;
    if (actual !== input.expectedVersion) return { kind: 'conflict', actualVersion: actual };
    const version = input.expectedVersion + 1;
    const body = JSON.stringify({ ...input.state, deviceId: input.deviceId, version });
    const written =
      current.rows.length === 0
        ? ((await client.query(`INSERT INTO ${s}.monitoring_state (device_id, version, body) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [input.deviceId, version, body])).rowCount ?? 0)
        : ((await client.query(`UPDATE ${s}.monitoring_state SET version = $2, body = $3 WHERE device_id = $1 AND version = $4`, [input.deviceId, version, body, actual])).rowCount ?? 0);
    if (written !== 1) {
      // Another transaction inserted the first state meanwhile.
      const now = await client.query<{ version: number }>(`SELECT version FROM ${s}.monitoring_state WHERE device_id = $1`, [input.deviceId]);
      return { kind: 'conflict', actualVersion: now.rows[0]?.version ?? 0 };
    }
    for (const w of input.warnings) {
      await client.query(
        `INSERT INTO ${s}.monitoring_warning (key, device_id, enterprise_id, status, opened_at, body) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (key) DO UPDATE SET status = excluded.status, body = excluded.body`,
        [w.key, w.deviceId, w.enterpriseId, w.status, w.openedAt, JSON.stringify(w)],
      );
    }
    return { kind: 'ok', version };
  }

  /** Thrown inside the set-based path when another writer got in between: the batch is redone step by step. */
  class Raced extends Error {}

  /**
   * A batch in a handful of round trips, whatever its size: lock the devices' state rows and
   * read which message ids exist (2 queries), decide every step in memory exactly as the
   * step-by-step path would (in order; duplicate, conflict, a failed device's later steps),
   * then write states, message ids and warnings with one multi-row statement each. If another
   * writer inserted a first state or a message id meanwhile, the counts tell, and the caller
   * redoes the batch step by step.
   */
  async function commitSetBased(client: pg.PoolClient, inputs: readonly DeviceCommit[]): Promise<DeviceCommitResult[]> {
    const ids = [...new Set(inputs.map((i) => i.deviceId))];
    const rows = await client.query<{ device_id: string; version: number }>(`SELECT device_id, version FROM ${s}.monitoring_state WHERE device_id = ANY($1::text[]) FOR UPDATE`, [ids]);
    const stored = new Map(rows.rows.map((r) => [r.device_id, r.version]));
    const withMessage = inputs.filter((i) => i.messageId !== undefined);
    const windows = withMessage.map((i) => messageDedupWindow(i.now, windowMs));
    const seenRows = await client.query<{ device_id: string; message_id: string }>(
      `SELECT m.device_id, m.message_id FROM ${s}.monitoring_message m JOIN unnest($1::text[], $2::text[], $3::text[]) AS x(device_id, message_id, cutoff)
       ON m.device_id = x.device_id AND m.message_id = x.message_id AND m.received_at > x.cutoff`,
      [withMessage.map((i) => i.deviceId), withMessage.map((i) => i.messageId!), windows.map((w) => w.cutoff)],
    );
    // Expired ids used again renew their receipt if still at or before the batch's earliest cutoff; a row
    // that moved meanwhile (another writer) leaves the count short, and the batch is redone step by step.
    const earliestCutoff = windows.reduce((a, w) => (w.cutoff < a ? w.cutoff : a), windows[0]?.cutoff ?? '');
    const seen = new Set(seenRows.rows.map((r) => `${r.device_id}\n${r.message_id}`));
    const version = new Map(ids.map((id) => [id, stored.get(id) ?? 0]));
    const failed = new Set<string>();
    const finalState = new Map<string, { version: number; body: string }>();
    const messages: Array<[string, string, string]> = [];
    const warnings = new Map<string, { w: DeviceCommit['warnings'][number]; body: string }>();
    const results = inputs.map((input): DeviceCommitResult => {
      const current = version.get(input.deviceId)!;
      if (failed.has(input.deviceId)) return { kind: 'conflict', actualVersion: current };
      const key = input.messageId === undefined ? null : `${input.deviceId}\n${input.messageId}`;
      if (key !== null && seen.has(key)) {
        failed.add(input.deviceId);
        return { kind: 'duplicate' };
      }
      if (current !== input.expectedVersion) {
        failed.add(input.deviceId);
        return { kind: 'conflict', actualVersion: current };
      }
      const next = input.expectedVersion + 1;
      version.set(input.deviceId, next);
      finalState.set(input.deviceId, { version: next, body: JSON.stringify({ ...input.state, deviceId: input.deviceId, version: next }) });
      if (key !== null) {
        seen.add(key);
        messages.push([input.deviceId, input.messageId!, messageDedupWindow(input.now, windowMs).receivedAt]);
      }
      for (const w of input.warnings) warnings.set(w.key, { w, body: JSON.stringify(w) });
      return { kind: 'ok', version: next };
    });
    const fresh = [...finalState].filter(([id]) => !stored.has(id));
    const known = [...finalState].filter(([id]) => stored.has(id));
    if (fresh.length > 0) {
      const inserted = await client.query(
        `INSERT INTO ${s}.monitoring_state (device_id, version, body) SELECT d, v, b::jsonb FROM unnest($1::text[], $2::int[], $3::text[]) AS x(d, v, b) ON CONFLICT DO NOTHING`,
        [fresh.map(([id]) => id), fresh.map(([, x]) => x.version), fresh.map(([, x]) => x.body)],
      );
      if (inserted.rowCount !== fresh.length) throw new Raced();
    }
    if (known.length > 0) {
      await client.query(`UPDATE ${s}.monitoring_state AS t SET version = x.v, body = x.b::jsonb FROM unnest($1::text[], $2::int[], $3::text[]) AS x(d, v, b) WHERE t.device_id = x.d`, [
        known.map(([id]) => id),
        known.map(([, x]) => x.version),
        known.map(([, x]) => x.body),
      ]);
    }
    if (messages.length > 0) {
      const inserted = await client.query(
        `INSERT INTO ${s}.monitoring_message AS m (device_id, message_id, received_at) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
         ON CONFLICT (device_id, message_id) DO UPDATE SET received_at = excluded.received_at WHERE m.received_at <= $4`,
        [messages.map((m) => m[0]), messages.map((m) => m[1]), messages.map((m) => m[2]), earliestCutoff],
      );
      if (inserted.rowCount !== messages.length) throw new Raced();
    }
    if (warnings.size > 0) {
      const ws = [...warnings.values()];
      await client.query(
        `INSERT INTO ${s}.monitoring_warning (key, device_id, enterprise_id, status, opened_at, body)
         SELECT k, d, e, st, o, b::jsonb FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(k, d, e, st, o, b)
         ON CONFLICT (key) DO UPDATE SET status = excluded.status, body = excluded.body`,
        [ws.map((x) => x.w.key), ws.map((x) => x.w.deviceId), ws.map((x) => x.w.enterpriseId), ws.map((x) => x.w.status), ws.map((x) => x.w.openedAt), ws.map((x) => x.body)],
      );
    }
    await purgeIfDue(client, inputs, results);
    return results;
  }

  async function commitBatch(inputs: readonly DeviceCommit[]): Promise<DeviceCommitResult[]> {
    if (inputs.length === 0) return [];
    if (inputs.length > 1) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        if (inputs.every((i) => i.durable === false)) await client.query('SET LOCAL synchronous_commit = off');
        const results = await commitSetBased(client, inputs);
        await client.query('COMMIT');
        return results;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (!(error instanceof Raced)) throw error;
      } finally {
        client.release();
      }
    }
    return commitStepwise(inputs);
  }

  /** One step after another, each under a savepoint (a single commit, or a batch another writer raced). */
  async function commitStepwise(inputs: readonly DeviceCommit[]): Promise<DeviceCommitResult[]> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // Heartbeats only (durable: false) do not wait for the WAL flush.
      if (inputs.every((i) => i.durable === false)) await client.query('SET LOCAL synchronous_commit = off');
      const results: DeviceCommitResult[] = [];
      const failed = new Map<string, number>();
      for (const input of inputs) {
        const after = failed.get(input.deviceId);
        if (after !== undefined) {
          results.push({ kind: 'conflict', actualVersion: after });
          continue;
        }
        // One savepoint per step: a duplicate or a conflict undoes its own writes only.
        await client.query('SAVEPOINT step');
        const result = await commitStep(client, input);
        await client.query(result.kind === 'ok' ? 'RELEASE SAVEPOINT step' : 'ROLLBACK TO SAVEPOINT step');
        if (result.kind !== 'ok') failed.set(input.deviceId, result.kind === 'conflict' ? result.actualVersion : input.expectedVersion);
        results.push(result);
      }
      await purgeIfDue(client, inputs, results);
      await client.query('COMMIT');
      return results;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      // Two commits of one message id at once: the loser waited on the key and sees it now.
      if ((error as { code?: string }).code === '23505' && inputs.length === 1 && inputs[0]!.messageId !== undefined) return [{ kind: 'duplicate' }];
      throw error;
    } finally {
      client.release();
    }
  }

  return {
    schema,
    messageDedupWindowMs: windowMs,
    async migrate() {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
      await pool.query(`
        CREATE TABLE IF NOT EXISTS ${s}.monitoring_device (id TEXT PRIMARY KEY, enterprise_id TEXT NOT NULL, body JSONB NOT NULL);
        CREATE INDEX IF NOT EXISTS monitoring_device_enterprise ON ${s}.monitoring_device (enterprise_id, id);
        CREATE TABLE IF NOT EXISTS ${s}.monitoring_state (device_id TEXT PRIMARY KEY, version INTEGER NOT NULL, body JSONB NOT NULL);
        CREATE TABLE IF NOT EXISTS ${s}.monitoring_message (device_id TEXT NOT NULL, message_id TEXT NOT NULL, received_at TEXT NOT NULL, PRIMARY KEY (device_id, message_id));
        CREATE INDEX IF NOT EXISTS monitoring_message_received ON ${s}.monitoring_message (received_at);
        CREATE TABLE IF NOT EXISTS ${s}.monitoring_warning (key TEXT PRIMARY KEY, device_id TEXT NOT NULL, enterprise_id TEXT NOT NULL, status TEXT NOT NULL, opened_at TEXT NOT NULL, body JSONB NOT NULL);
        CREATE INDEX IF NOT EXISTS monitoring_warning_enterprise ON ${s}.monitoring_warning (enterprise_id, status, opened_at);
        ${sideOutboxSchema(s, 'monitoring_outbox')}`);
    },
    async putDevice(device) {
      await pool.query(`INSERT INTO ${s}.monitoring_device (id, enterprise_id, body) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET enterprise_id = excluded.enterprise_id, body = excluded.body`, [
        device.id,
        device.enterpriseId,
        JSON.stringify(device),
      ]);
    },
    async getDevice(id) {
      const r = await pool.query<{ body: Device }>(`SELECT body FROM ${s}.monitoring_device WHERE id = $1`, [id]);
      return r.rows[0]?.body ?? null;
    },
    async listDevices(filter = {}) {
      const r =
        filter.enterpriseId === undefined
          ? await pool.query<{ body: Device }>(`SELECT body FROM ${s}.monitoring_device ORDER BY id COLLATE "C"`)
          : await pool.query<{ body: Device }>(`SELECT body FROM ${s}.monitoring_device WHERE enterprise_id = $1 ORDER BY id COLLATE "C"`, [filter.enterpriseId]);
      return r.rows.map((x) => x.body);
    },
    async loadState(id) {
      const r = await pool.query<{ body: DeviceState }>(`SELECT body FROM ${s}.monitoring_state WHERE device_id = $1`, [id]);
      return r.rows[0]?.body ?? null;
    },
    async hasMessage(deviceId, messageId, now) {
      const { cutoff } = messageDedupWindow(now, windowMs);
      return ((await pool.query(`SELECT 1 FROM ${s}.monitoring_message WHERE device_id = $1 AND message_id = $2 AND received_at > $3`, [deviceId, messageId, cutoff])).rowCount ?? 0) > 0;
    },
    async purgeMessages(now, limit = MESSAGE_PURGE_BATCH) {
      return (await pool.query(purgeSql, [messageDedupWindow(now, windowMs).cutoff, limit])).rowCount ?? 0;
    },
    async commit(input): Promise<DeviceCommitResult> {
      return (await commitBatch([input]))[0]!;
    },
    commitBatch,
    async listWarnings(filter = {}) {
      const r = await pool.query<{ body: DeviceWarning }>(
        `SELECT body FROM ${s}.monitoring_warning WHERE ($1::text IS NULL OR enterprise_id = $1) AND ($2::text IS NULL OR device_id = $2) AND ($3::text IS NULL OR status = $3)
         ORDER BY opened_at COLLATE "C", key COLLATE "C"`,
        [filter.enterpriseId ?? null, filter.deviceId ?? null, filter.status ?? null],
      );
      return r.rows.map((x) => x.body);
    },
    async enqueueNotification(n) {
      return (await outbox.enqueue(pool, [n])) === 1;
    },
    claimOutbox: outbox.claimOutbox,
    ackOutbox: outbox.ackOutbox,
    failOutbox: outbox.failOutbox,
    readNotifications: outbox.readNotifications,
    async close() {
      if (ownsPool) await pool.end();
    },
  };
}
