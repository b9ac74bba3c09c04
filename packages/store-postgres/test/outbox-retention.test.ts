// Outbox retention (Store.pruneOutbox) on the real PostgreSQL server, beyond the conformance
// suite: the prune statement reads the partial indexes of migration 18 (never the outbox
// table in seq order), and verifyAudit tells a pruned message from one deleted by hand (a
// pending notice above all).
import { verifyAudit } from '@anjian/core/audit';
import { seedAuditTrail } from '@anjian/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStore, type PostgresStore } from '../src/index.js';
import { pruneOutboxStatement } from '../src/prune-outbox-sql.js';
import { freshSchema } from './pg-env.js';

let env: Awaited<ReturnType<typeof freshSchema>>;
let n = 0;
const schemas: string[] = [];
beforeAll(async () => {
  env = await freshSchema('anjian_retention');
});
afterAll(async () => {
  for (const schema of schemas) await env?.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await env?.drop();
});

const CLAIMED_AT = '2026-12-01T00:00:00.000Z';
const FAR = '2099-01-01T00:00:00.000Z';

/** A store in a schema of its own with the audit fixture's trail, every message claimed by `relay`. */
async function seeded(): Promise<{ store: PostgresStore; t: string; ids: string[] }> {
  const schema = `${env.schema}_${++n}`;
  schemas.push(schema);
  const store = createPostgresStore({ pool: env.pool, schema });
  await store.migrate();
  await seedAuditTrail(store);
  const claimed = await store.claimOutbox({ owner: 'relay', now: CLAIMED_AT, leaseMs: 3_600_000, limit: 1000 });
  return { store, t: `"${schema}".outbox`, ids: claimed.map((m) => m.id) };
}

describe('outbox retention on PostgreSQL', () => {
  it('the prune statement reads outbox_done and outbox_dead, not the table', async () => {
    const { store } = await seeded();
    const client = await env.pool.connect();
    try {
      // A few rows: without this the planner rightly reads the small table; the test checks that the indexes serve the statement.
      await client.query('SET enable_seqscan = off');
      const plan = await client.query(`EXPLAIN ${pruneOutboxStatement(`"${store.schema}"`)}`.replaceAll('$1', `'${FAR}'`).replaceAll('$2', `'${FAR}'`).replaceAll('$3', '1000'));
      const text = plan.rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
      expect(text).toMatch(/Index Scan using outbox_done on outbox/);
      expect(text).toMatch(/Index Cond: \(\(done_at\)::text < /);
      expect(text).toMatch(/Index Scan using outbox_dead on outbox/);
      expect(text).not.toMatch(/Seq Scan|Sort Key: outbox\.done_at/);
    } finally {
      client.release();
    }
  });

  it('verifyAudit: pruned messages are not missing; a pending message deleted by hand is', async () => {
    const { store, t, ids } = await seeded();
    const [dead, pending, ...delivered] = ids as [string, string, ...string[]];
    expect(await store.ackOutbox('relay', delivered, '2026-12-02T00:00:00.000Z')).toBe(delivered.length);
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

    await env.pool.query(`DELETE FROM ${t} WHERE id = $1`, [pending]);
    const [hazardId, version] = pending.split('/') as [string, string];
    const result = await verifyAudit(store, { now: FAR });
    expect(result.ok).toBe(false);
    expect(result.problems).toMatchObject([{ kind: 'outbox', code: 'MISSING_MESSAGE', position: { hazardId, version: Number(version) } }]);
  });

  it('two stores pruning at once delete each message once and keep one record of it', async () => {
    const { store, ids } = await seeded();
    expect(await store.ackOutbox('relay', ids, '2026-12-02T00:00:00.000Z')).toBe(ids.length);
    // A second instance on the same schema (another process's store), pruning at the same time.
    const other = createPostgresStore({ pool: env.pool, schema: store.schema });
    const loop = async (s: PostgresStore) => {
      let deleted = 0;
      for (let more = true; more;) {
        const r = await s.pruneOutbox({ deliveredBefore: FAR, limit: 2 });
        deleted += r.delivered;
        more = r.more;
      }
      return deleted;
    };
    const [a, b] = await Promise.all([loop(store), loop(other)]);
    expect(a + b).toBe(ids.length);
    const records = await store.readPrunedOutbox(1, 1000);
    expect(records.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(await store.readOutbox(1, 1000)).toEqual([]);
  });

  it('verifyAudit: a delivered message deleted by hand, not pruned, is missing', async () => {
    const { store, t, ids } = await seeded();
    expect(await store.ackOutbox('relay', ids, '2026-12-02T00:00:00.000Z')).toBe(ids.length);
    const victim = ids[3] as string;
    await env.pool.query(`DELETE FROM ${t} WHERE id = $1`, [victim]);
    const result = await verifyAudit(store, { now: FAR });
    expect(result.problems).toMatchObject([{ kind: 'outbox', code: 'MISSING_MESSAGE', position: { hazardId: victim.split('/')[0] } }]);
  });
});
