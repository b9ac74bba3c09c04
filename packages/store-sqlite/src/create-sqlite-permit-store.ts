import type Database from 'better-sqlite3';
import {
  checkPermitAppend,
  isPermitOpen,
  OPEN_PERMIT_STATUSES,
  openPermitLimit,
  permitNextDueAt,
  type OpenPermitCount,
  type OpenPermitFilter,
  type PermitAppend,
  type PermitAppendResult,
  type PermitEvent,
  type PermitState,
  type PermitStatus,
  type PermitStore,
} from '@anjian/core/internal';
import { openDatabase, sqlitePath } from './open-database.js';
import { createSideOutbox, sideOutboxSchema } from './side-outbox.js';

/** Options of {@link createSqlitePermitStore}. */
export interface SqlitePermitStoreOptions {
  /** Database file (may be the store's own file: the tables do not overlap), or `':memory:'` for tests. */
  path: string;
  busyTimeoutMs?: number;
}

/** A {@link PermitStore} over SQLite, with `close()`. */
export interface SqlitePermitStore extends PermitStore {
  close(): void;
}

// Own tables, created if missing (like the device registry), so the permits can share the
// store's file without touching its migrations.
const SCHEMA =
  `
  CREATE TABLE IF NOT EXISTS permit (
    id TEXT PRIMARY KEY, enterprise_id TEXT NOT NULL, area TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL,
    open INTEGER NOT NULL, next_due_at TEXT, version INTEGER NOT NULL, body TEXT NOT NULL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS permit_open_area ON permit (area, kind, id) WHERE open = 1;
  CREATE INDEX IF NOT EXISTS permit_open_kind ON permit (kind, id) WHERE open = 1;
  CREATE INDEX IF NOT EXISTS permit_open_enterprise ON permit (enterprise_id, id) WHERE open = 1;
  CREATE INDEX IF NOT EXISTS permit_due ON permit (next_due_at, id) WHERE next_due_at IS NOT NULL;
  CREATE TABLE IF NOT EXISTS permit_event (
    permit_id TEXT NOT NULL, version INTEGER NOT NULL, type TEXT NOT NULL, recorded_at TEXT NOT NULL, body TEXT NOT NULL,
    PRIMARY KEY (permit_id, version)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS permit_command (command_id TEXT PRIMARY KEY, permit_id TEXT NOT NULL, version INTEGER NOT NULL, fingerprint TEXT) STRICT, WITHOUT ROWID;
` + sideOutboxSchema('permit_outbox');

// An area and its sub-areas (`D1`, `D1/…`, not `D10`), as ONE range of permit_open_area:
// ['D1', 'D10') holds `D1`, `D1/…` and the codes with a byte below '0' after `D1` (`D1-x`),
// which the last term leaves out. (`area = @area OR <range of D1/…>` made SQLite walk the
// primary key in id order over every permit for the ORDER BY id: 10× slower at 40 000.)
const AREA_RANGE = "area >= @area AND area < @area || '0' AND (area = @area OR substr(area, length(@area) + 1, 1) = '/')";

/**
 * The statement of `listOpen` for the filters present (named parameters `@area`, `@kind`,
 * `@enterpriseId`, `@afterId`, `@s0…` for the statuses, `@limit`). Exported for the test that
 * reads its query plan.
 */
export function openPermitListSql(filter: OpenPermitFilter, statusCount: number): string {
  const where = ['open = 1'];
  if (filter.area !== undefined) where.push(AREA_RANGE);
  // With an area, `+kind` keeps the planner on permit_open_area (kind is read from its
  // entries): on `kind = @kind` it walks permit_open_kind in id order over the whole city.
  if (filter.kind !== undefined) where.push(filter.area !== undefined ? '+kind = @kind' : 'kind = @kind');
  if (filter.enterpriseId !== undefined) where.push('enterprise_id = @enterpriseId');
  if (filter.afterId !== undefined) where.push('id > @afterId');
  where.push(`status IN (${Array.from({ length: statusCount }, (_, i) => `@s${i}`).join(', ')})`);
  return `SELECT body FROM permit WHERE ${where.join(' AND ')} ORDER BY id LIMIT @limit`;
}

const STATUS_SET = new Set<string>(['applied', 'approved', 'in_progress', 'suspended', 'expired', 'closed', 'cancelled']);

/**
 * Hazardous-work permits over SQLite (better-sqlite3, WAL, `synchronous=FULL`): each
 * permit's hash-chained events, its folded state (indexed by area, kind and the next clock
 * deadline), the command ids and the outbox of permit texts. An `append` is one
 * `BEGIN IMMEDIATE` transaction — command id, version compare-and-set, the chain check,
 * events, state, notifications — so a `kill -9` leaves all of it or none.
 *
 * @example
 * ```ts
 * const permits = createSqlitePermitStore({ path: '.data/anjian.db' });
 * await handlePermitCommand({ store: permits, rules: DEFAULT_PERMIT_RULES }, input);
 * ```
 */
export function createSqlitePermitStore(options: SqlitePermitStoreOptions): SqlitePermitStore {
  const db: Database.Database = openDatabase(sqlitePath(options, 'createSqlitePermitStore'), options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs });
  db.exec(SCHEMA);
  const outbox = createSideOutbox(db, 'permit_outbox');
  const st = {
    command: db.prepare('SELECT permit_id AS permitId, version, fingerprint FROM permit_command WHERE command_id = ?'),
    state: db.prepare('SELECT version, body FROM permit WHERE id = ?'),
    events: db.prepare('SELECT body FROM permit_event WHERE permit_id = ? ORDER BY version').pluck(),
    insertPermit: db.prepare(
      'INSERT INTO permit (id, enterprise_id, area, kind, status, open, next_due_at, version, body) VALUES (@id, @enterpriseId, @area, @kind, @status, @open, @due, @version, @body)',
    ),
    updatePermit: db.prepare('UPDATE permit SET status = @status, open = @open, next_due_at = @due, version = @version, body = @body WHERE id = @id AND version = @expected'),
    insertEvent: db.prepare('INSERT INTO permit_event (permit_id, version, type, recorded_at, body) VALUES (?, ?, ?, ?, ?)'),
    insertCommand: db.prepare('INSERT INTO permit_command (command_id, permit_id, version, fingerprint) VALUES (?, ?, ?, ?)'),
    due: db.prepare('SELECT body FROM permit WHERE next_due_at IS NOT NULL AND next_due_at <= ? ORDER BY next_due_at, id LIMIT ?').pluck(),
  };
  const listCache = new Map<string, Database.Statement>();
  const countCache = new Map<string, Database.Statement>();

  const append = db.transaction((input: PermitAppend): PermitAppendResult => {
    if (input.commandId !== undefined) {
      const seen = st.command.get(input.commandId) as { permitId: string; version: number } | undefined;
      if (seen) return { kind: 'duplicate', permitId: seen.permitId, version: seen.version };
    }
    const row = st.state.get(input.permitId) as { version: number; body: string } | undefined;
    const actual = row?.version ?? 0;
    if (actual !== input.expectedVersion) return { kind: 'conflict', actualVersion: actual };
    const current = row ? (JSON.parse(row.body) as PermitState) : null;
    const checked = checkPermitAppend(current, input.permitId, input.events);
    if (!checked.ok) return { kind: 'invalid', reason: checked.reason };
    const s = checked.state;
    const values = { id: s.permitId, status: s.status, open: isPermitOpen(s) ? 1 : 0, due: permitNextDueAt(s), version: s.version, body: JSON.stringify(s) };
    if (row) st.updatePermit.run({ ...values, expected: actual });
    else st.insertPermit.run({ ...values, enterpriseId: s.enterpriseId, area: s.area, kind: s.rule.kind });
    for (const e of input.events) st.insertEvent.run(e.permitId, e.version, e.type, e.recordedAt, JSON.stringify(e));
    if (input.commandId !== undefined) st.insertCommand.run(input.commandId, s.permitId, s.version, input.commandFingerprint ?? null);
    for (const n of input.notifications ?? []) outbox.enqueue(n);
    return { kind: 'ok', version: s.version, state: s };
  });

  function listStatement(filter: OpenPermitFilter, statuses: readonly PermitStatus[]): Database.Statement {
    const key = [filter.area !== undefined, filter.kind !== undefined, filter.enterpriseId !== undefined, filter.afterId !== undefined, statuses.length].join(',');
    let s = listCache.get(key);
    if (!s) {
      s = db.prepare(openPermitListSql(filter, statuses.length)).pluck();
      listCache.set(key, s);
    }
    return s;
  }

  return {
    async append(input) {
      return append.immediate(input);
    },
    async loadState(id) {
      const row = st.state.get(id) as { body: string } | undefined;
      return row ? (JSON.parse(row.body) as PermitState) : null;
    },
    async readPermit(id) {
      const row = st.state.get(id) as { body: string } | undefined;
      if (!row) return null;
      return { state: JSON.parse(row.body) as PermitState, events: (st.events.all(id) as string[]).map((b) => JSON.parse(b) as PermitEvent) };
    },
    async commandVersion(commandId) {
      const seen = st.command.get(commandId) as { permitId: string; version: number; fingerprint: string | null } | undefined;
      return seen ? { permitId: seen.permitId, version: seen.version, fingerprint: seen.fingerprint } : null;
    },
    async listOpen(filter = {}) {
      const statuses = (filter.statuses ?? OPEN_PERMIT_STATUSES).filter((x) => STATUS_SET.has(x));
      if (statuses.length === 0) return [];
      const params: Record<string, unknown> = { limit: openPermitLimit(filter.limit) };
      if (filter.area !== undefined) params.area = filter.area;
      if (filter.kind !== undefined) params.kind = filter.kind;
      if (filter.enterpriseId !== undefined) params.enterpriseId = filter.enterpriseId;
      if (filter.afterId !== undefined) params.afterId = filter.afterId;
      statuses.forEach((x, i) => (params[`s${i}`] = x));
      return (listStatement(filter, statuses).all(params) as string[]).map((b) => JSON.parse(b) as PermitState);
    },
    async countOpen(filter = {}) {
      const key = filter.area === undefined ? 'all' : 'area';
      let s = countCache.get(key);
      if (!s) {
        s = db.prepare(`SELECT kind, status, COUNT(*) AS count FROM permit WHERE open = 1 ${filter.area === undefined ? '' : `AND ${AREA_RANGE}`} GROUP BY kind, status ORDER BY kind, status`);
        countCache.set(key, s);
      }
      return s.all(filter.area === undefined ? {} : { area: filter.area }) as OpenPermitCount[];
    },
    async listDue(now, limit) {
      return (st.due.all(now, limit) as string[]).map((b) => JSON.parse(b) as PermitState);
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
