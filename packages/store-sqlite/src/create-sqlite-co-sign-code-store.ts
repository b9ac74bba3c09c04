import type Database from 'better-sqlite3';
import {
  CO_SIGN_CODE_COLUMNS,
  CO_SIGN_CODE_REPLACED_COLUMNS,
  coSignCodeFromRow,
  coSignCodeToRow,
  type CoSignCodeRecord,
  type CoSignCodeRow,
  type CoSignCodeStore,
  type CoSignIssueResult,
} from '@anjian/core/ports';
import { openDatabase, sqlitePath } from './open-database.js';

/** Options of {@link createSqliteCoSignCodeStore}. */
export interface SqliteCoSignCodeStoreOptions {
  /** Database file — the store's own file is the usual choice (its tables come with the store's schemas 12 and 13). */
  path: string;
  busyTimeoutMs?: number;
}

/** A {@link CoSignCodeStore} over SQLite, with `close()`. */
export interface SqliteCoSignCodeStore extends CoSignCodeStore {
  close(): void;
}

/**
 * Co-sign codes of two-officer acts (decision 010) over SQLite: every process that opens the
 * file sees the same codes and attempt counts, and they survive a restart. Tables of the
 * store's schema 12 (`co_sign_codes`, `co_sign_attempts`; schema 13 adds what a code binds), created when any store of this
 * package opens the file.
 *
 * - `issue` replaces the officer's unused code for the subject and act in one upsert (a
 *   partial unique index keeps one), and deletes every code expired at its `issuedAt`. With
 *   `maxLive` it counts the officer's live codes in the same `BEGIN IMMEDIATE` transaction.
 * - `consume` is one `UPDATE … WHERE used_at IS NULL AND expires_at > now`: of concurrent
 *   callers (any process), one changes the row.
 * - `countAttempt` inserts and counts in one `BEGIN IMMEDIATE` transaction, so processes
 *   counting at once each see a distinct count; it deletes attempts of every key that fell
 *   out of the window (core uses one window).
 *
 * Only the time passed in is compared (`toISOString()` text, ms for attempts): never the
 * wall clock.
 *
 * @example
 * ```ts
 * const coSignCodes = createSqliteCoSignCodeStore({ path: '.data/anjian.db' });
 * const api = createAnjianApi({ store, coSignCodes, ... });
 * ```
 */
export function createSqliteCoSignCodeStore(options: SqliteCoSignCodeStoreOptions): SqliteCoSignCodeStore {
  const db: Database.Database = openDatabase(sqlitePath(options, 'createSqliteCoSignCodeStore'), options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs });
  const st = {
    dropExpired: db.prepare('DELETE FROM co_sign_codes WHERE expires_at <= ?'),
    // The columns and the mapping are core's (one definition for both SQL stores).
    upsert: db.prepare(`INSERT INTO co_sign_codes (${CO_SIGN_CODE_COLUMNS.join(', ')}) VALUES (${CO_SIGN_CODE_COLUMNS.map((c) => `@${c}`).join(', ')})
      ON CONFLICT (officer_id, subject, act) WHERE used_at IS NULL
      DO UPDATE SET ${CO_SIGN_CODE_REPLACED_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}`),
    // The officer's live codes but the one of this subject and act (which the upsert replaces): his place count (decision 010, bound).
    held: db.prepare('SELECT count(*) AS n, min(expires_at) AS frees FROM co_sign_codes WHERE officer_id = ? AND used_at IS NULL AND expires_at > ? AND NOT (subject = ? AND act = ?)'),
    live: db.prepare('SELECT * FROM co_sign_codes WHERE subject = ? AND act = ? AND expires_at > ? AND used_at IS NULL ORDER BY issued_at, id'),
    consume: db.prepare('UPDATE co_sign_codes SET used_at = ? WHERE id = ? AND used_at IS NULL AND expires_at > ?'),
    dropAttempts: db.prepare('DELETE FROM co_sign_attempts WHERE at_ms <= ?'),
    insertAttempt: db.prepare('INSERT INTO co_sign_attempts (key, at_ms) VALUES (?, ?)'),
    countAttempts: db.prepare('SELECT count(*) FROM co_sign_attempts WHERE key = ? AND at_ms > ?').pluck(),
    forgetAttempt: db.prepare('DELETE FROM co_sign_attempts WHERE seq = (SELECT seq FROM co_sign_attempts WHERE key = ? AND at_ms = ? ORDER BY seq DESC LIMIT 1)'),
  };
  const issue = db.transaction((record: CoSignCodeRecord, maxLive: number | undefined): CoSignIssueResult => {
    st.dropExpired.run(record.issuedAt);
    if (maxLive !== undefined) {
      const held = st.held.get(record.officerId, record.issuedAt, record.subject, record.act) as { n: number; frees: string | null };
      if (held.n >= maxLive && held.frees !== null) return { kind: 'limited', freesAt: held.frees };
    }
    st.upsert.run(coSignCodeToRow(record));
    return { kind: 'issued' };
  });
  const countAttempt = db.transaction((key: string, atMs: number, windowMs: number): number => {
    st.dropAttempts.run(atMs - windowMs);
    st.insertAttempt.run(key, atMs);
    return Number(st.countAttempts.get(key, atMs - windowMs));
  });
  return {
    async issue(record, maxLive) {
      return issue.immediate({ ...record }, maxLive);
    },
    async live(subject, act, now) {
      return (st.live.all(subject, act, now) as CoSignCodeRow[]).map(coSignCodeFromRow);
    },
    async consume(id, now) {
      return st.consume.run(now, id, now).changes === 1;
    },
    async countAttempt(key, now, windowMs) {
      return countAttempt.immediate(key, Date.parse(now), windowMs);
    },
    async forgetAttempt(key, at) {
      st.forgetAttempt.run(key, Date.parse(at));
    },
    close() {
      db.close();
    },
  };
}
