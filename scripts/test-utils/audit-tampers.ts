// Tampers of issue #11 item 7, run against a real database by the SQLite and PostgreSQL
// tests: each edits the tables directly, as someone with database access would, and names
// the problem `verifyAudit` / `anjian audit verify` must report.
import type { Store } from '@anjian/core';
import type { AppendInput, Signer } from '@anjian/core/ports';
import { computeEventHash, signStoreCheckpoint, type AuditProblem } from '@anjian/core/audit';
import { appendInput } from './store-fixtures.js';
import { seedAuditTrail } from '@anjian/core/testing';

/** Raw SQL on the store's tables: `?` placeholders, `{t}` before every table name. */
export interface RawSql {
  all(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  run(sql: string, params?: unknown[]): Promise<void>;
}

/** What a tamper must produce: a problem matching this (first bad position of its kind). */
export type ExpectedProblem = Pick<AuditProblem, 'kind' | 'code'> & { position: AuditProblem['position'] };

export interface Tamper {
  name: string;
  apply(sql: RawSql): Promise<void>;
  expected: ExpectedProblem;
}

/**
 * The trail every tamper starts from: 6 hazards (18 events, H-A major) signed as checkpoint
 * #1, then 2 more hazards (6 events, seq 19–24) signed as checkpoint #2.
 */
export async function seedSignedTrail(store: Store, signer: Signer): Promise<void> {
  await seedAuditTrail(store);
  const first = await signStoreCheckpoint(store, signer, { now: '2026-11-10T00:00:00.000Z' });
  if (first.kind !== 'signed') throw new Error(`checkpoint 1: ${first.kind}`);
  await seedAuditTrail(store, { hazardIds: ['H-G', 'H-H'], start: '2026-11-20T00:00:00.000Z', denials: 1 });
  const second = await signStoreCheckpoint(store, signer, { now: '2026-11-30T00:00:00.000Z' });
  if (second.kind !== 'signed') throw new Error(`checkpoint 2: ${second.kind}`);
}

async function editEvent(sql: RawSql, seq: number, edit: (body: Record<string, unknown>) => void, rehash: boolean): Promise<void> {
  const [row] = await sql.all('SELECT body FROM {t}events WHERE seq = ?', [seq]);
  const body = JSON.parse(String(row?.body)) as Record<string, unknown>;
  edit(body);
  if (rehash) body.hash = computeEventHash(body as never);
  await sql.run('UPDATE {t}events SET body = ? WHERE seq = ?', [JSON.stringify(body), seq]);
}

export const TAMPERS: readonly Tamper[] = [
  {
    name: 'edit the last event and recompute its hash',
    apply: (sql) => editEvent(sql, 24, (b) => ((b.data as Record<string, unknown>).to = '2027-06-30T16:00:00.000Z'), true),
    expected: { kind: 'checkpoint', code: 'HEAD_MISMATCH', position: { checkpoint: 2, seq: 19, toSeq: 24 } },
  },
  {
    name: 'delete a whole stream',
    apply: (sql) => sql.run("DELETE FROM {t}events WHERE hazard_id = 'H-C'"),
    expected: { kind: 'log_order', code: 'SEQ_GAP', position: { seq: 3, toSeq: 3 } },
  },
  {
    name: 'swap events of two hazards',
    apply: async (sql) => {
      await sql.run('UPDATE {t}events SET seq = -1 WHERE seq = 19');
      await sql.run('UPDATE {t}events SET seq = 19 WHERE seq = 20');
      await sql.run('UPDATE {t}events SET seq = 20 WHERE seq = -1');
    },
    expected: { kind: 'checkpoint', code: 'HEAD_MISMATCH', position: { checkpoint: 2, seq: 19, toSeq: 24 } },
  },
  {
    name: 'cut the tail',
    apply: (sql) => sql.run('DELETE FROM {t}events WHERE seq > 21'),
    expected: { kind: 'checkpoint', code: 'TRUNCATED', position: { checkpoint: 2, seq: 22, toSeq: 24 } },
  },
  {
    name: 'delete the newest event',
    apply: (sql) => sql.run('DELETE FROM {t}events WHERE seq = 24'),
    expected: { kind: 'checkpoint', code: 'TRUNCATED', position: { checkpoint: 2, seq: 24, toSeq: 24 } },
  },
  {
    name: 'edit the projection (major → simple)',
    apply: (sql) => sql.run("UPDATE {t}hazards SET level = 'simple' WHERE hazard_id = 'H-A'"),
    expected: { kind: 'projection', code: 'ROW_DIFFERS', position: { hazardId: 'H-A', version: 2, seq: 1 } },
  },
  {
    name: 'edit an outbox payload',
    apply: async (sql) => {
      const [row] = await sql.all("SELECT payload FROM {t}outbox WHERE id = 'H-B/2'");
      const payload = JSON.parse(String(row?.payload)) as Record<string, unknown>;
      payload.deadline = '2027-12-31T16:00:00.000Z';
      await sql.run("UPDATE {t}outbox SET payload = ? WHERE id = 'H-B/2'", [JSON.stringify(payload)]);
    },
    expected: { kind: 'outbox', code: 'MESSAGE_DIFFERS', position: { seq: 8, hazardId: 'H-B', version: 2 } },
  },
  {
    name: 'edit a middle event',
    apply: (sql) => editEvent(sql, 8, (b) => (b.occurredAt = '2026-11-01T00:00:00.000Z'), false),
    expected: { kind: 'event_hash', code: 'HASH_MISMATCH', position: { seq: 8, hazardId: 'H-B', version: 2 } },
  },
  {
    name: 'edit a middle event and recompute its hash',
    apply: (sql) => editEvent(sql, 8, (b) => (b.occurredAt = '2026-11-01T00:00:00.000Z'), true),
    // H-B's next event (v3, seq 13) no longer links to it.
    expected: { kind: 'chain_link', code: 'PREV_HASH_MISMATCH', position: { seq: 13, hazardId: 'H-B', version: 3 } },
  },
];

/**
 * Tampers after which the list row and the event log disagree on a hazard's version: the
 * store must refuse the next append on that hazard (`TRAIL_MISMATCH`) and write nothing.
 */
export const VERSION_TAMPERS: readonly { name: string; apply(sql: RawSql): Promise<void>; append: AppendInput }[] = [
  { name: 'the newest event deleted', apply: (sql) => sql.run('DELETE FROM {t}events WHERE seq = 24'), append: appendInput('H-H', 3, 'after-newest-deleted') },
  { name: 'a whole stream deleted', apply: (sql) => sql.run("DELETE FROM {t}events WHERE hazard_id = 'H-C'"), append: appendInput('H-C', 0, 'after-stream-deleted') },
  { name: 'a list row deleted', apply: (sql) => sql.run("DELETE FROM {t}hazards WHERE hazard_id = 'H-A'"), append: appendInput('H-A', 0, 'after-row-deleted') },
  { name: 'a list row version raised', apply: (sql) => sql.run("UPDATE {t}hazards SET version = 5 WHERE hazard_id = 'H-B'"), append: appendInput('H-B', 5, 'after-row-raised') },
];
