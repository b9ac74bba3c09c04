// Outbox retention (Store.pruneOutbox) on a real SQLite file, beyond the conformance suite:
// the prune queries read a range of outbox_ready (no scan of the table), a row acknowledged
// before schema 17 is judged by its done_at, and verifyAudit tells a pruned message from one
// deleted by hand (a pending notice above all).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { verifyAudit } from '@anjian/core/audit';
import { seedAuditTrail } from '@anjian/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore, type SqliteStore } from '../src/index.js';
import { PRUNABLE_DEAD, PRUNABLE_DELIVERED } from '../src/prune-outbox-sql.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-outbox-retention-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CLAIMED_AT = '2026-12-01T00:00:00.000Z';
const FAR = '2099-01-01T00:00:00.000Z';

/** A store with the audit fixture's trail (one message per event), every message claimed by `relay`. */
async function seeded(): Promise<{ store: SqliteStore; path: string; ids: string[] }> {
  const path = join(dir, `retention-${++n}.db`);
  const store = createSqliteStore({ path });
  await seedAuditTrail(store);
  const claimed = await store.claimOutbox({ owner: 'relay', now: CLAIMED_AT, leaseMs: 3_600_000, limit: 1000 });
  return { store, path, ids: claimed.map((m) => m.id) };
}

function withFile<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const plan = (db: Database.Database, sql: string, ...params: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join('\n');

describe('outbox retention on a SQLite file', () => {
  it('the prune queries read a range of outbox_ready, never the whole table', async () => {
    const { store, path } = await seeded();
    store.close();
    withFile(path, (db) => {
      const delivered = plan(db, PRUNABLE_DELIVERED, FAR, FAR, 1000);
      expect(delivered).toMatch(/SEARCH outbox USING INDEX outbox_ready \(status=\? AND available_at<\?\)/);
      expect(delivered).not.toMatch(/SCAN|TEMP B-TREE/);
      const dead = plan(db, PRUNABLE_DEAD, FAR, 1000);
      expect(dead).toMatch(/SEARCH outbox USING INDEX outbox_ready \(status=\?\)/);
      expect(dead).not.toMatch(/SCAN outbox/);
    });
  });

  it('an acknowledgement puts the row in delivery order; a row acknowledged before schema 17 is judged by its done_at', async () => {
    const { store, path, ids } = await seeded();
    const [early, late, legacyEarly, legacyLate] = ids as [string, string, string, string];
    expect(await store.ackOutbox('relay', [early, legacyEarly], '2026-12-02T00:00:00.000Z')).toBe(2);
    expect(await store.ackOutbox('relay', [late, legacyLate], '2026-12-20T00:00:00.000Z')).toBe(2);
    store.close();
    withFile(path, (db) => {
      const row = db.prepare('SELECT available_at, done_at FROM outbox WHERE id = ?');
      expect(row.get(late)).toEqual({ available_at: '2026-12-20T00:00:00.000Z', done_at: '2026-12-20T00:00:00.000Z' });
      // As schema 16 left them: available_at is still the creation instant.
      db.prepare('UPDATE outbox SET available_at = created_at WHERE id IN (?, ?)').run(legacyEarly, legacyLate);
    });
    const again = createSqliteStore({ path });
    try {
      expect(await again.pruneOutbox({ deliveredBefore: '2026-12-10T00:00:00.000Z', limit: 100 })).toEqual({ delivered: 2, dead: 0, more: false });
      expect((await again.readPrunedOutbox(1, 100)).map((p) => p.id).sort()).toEqual([early, legacyEarly].sort());
      const left = new Set((await again.readOutbox(1, 1000)).map((m) => m.id));
      expect([late, legacyLate].every((id) => left.has(id))).toBe(true);
    } finally {
      again.close();
    }
  });

  it('verifyAudit: pruned messages are not missing; a pending message deleted by hand is', async () => {
    const { store, path, ids } = await seeded();
    const [dead, pending, deliveredByHand, ...delivered] = ids as [string, string, string, ...string[]];
    expect(await store.ackOutbox('relay', [deliveredByHand, ...delivered], '2026-12-02T00:00:00.000Z')).toBe(delivered.length + 1);
    expect(await store.failOutbox({ id: dead, owner: 'relay', error: 'HTTP 410', retryAt: null })).toBe(true);
    let pruned = 0;
    for (let more = true; more;) {
      const r = await store.pruneOutbox({ deliveredBefore: FAR, deadBefore: FAR, limit: 4 });
      pruned += r.delivered + r.dead;
      more = r.more;
    }
    expect(pruned).toBe(ids.length - 1);
    expect((await store.readOutbox(1, 1000)).map((m) => m.id)).toEqual([pending]);
    expect(await verifyAudit(store, { now: FAR })).toMatchObject({ ok: true, problems: [] });
    store.close();

    // The pending notice deleted behind the store's back: still missing.
    withFile(path, (db) => db.prepare('DELETE FROM outbox WHERE id = ?').run(pending));
    const [hazardId, version] = pending.split('/') as [string, string];
    const reopened = createSqliteStore({ path });
    try {
      const result = await verifyAudit(reopened, { now: FAR });
      expect(result.ok).toBe(false);
      expect(result.problems).toMatchObject([{ kind: 'outbox', code: 'MISSING_MESSAGE', position: { hazardId, version: Number(version) } }]);
    } finally {
      reopened.close();
    }
  });

  it('verifyAudit: a delivered message deleted by hand, not pruned, is missing', async () => {
    const { store, path, ids } = await seeded();
    expect(await store.ackOutbox('relay', ids, '2026-12-02T00:00:00.000Z')).toBe(ids.length);
    store.close();
    const victim = ids[3] as string;
    withFile(path, (db) => db.prepare('DELETE FROM outbox WHERE id = ?').run(victim));
    const reopened = createSqliteStore({ path });
    try {
      const result = await verifyAudit(reopened, { now: FAR });
      expect(result.problems).toMatchObject([{ kind: 'outbox', code: 'MISSING_MESSAGE', position: { hazardId: victim.split('/')[0] } }]);
    } finally {
      reopened.close();
    }
  });
});
