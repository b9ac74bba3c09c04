// A round's coverage (firstInspections) through inspection_log_pack_recorded on a schema the
// previous release migrated: migrate() builds the index; the statement seeks each enterprise's
// records of the pack in the window (given the table's statistics, as autovacuum's ANALYZE
// gathers them), and answers as before — a tie on recorded_at goes to the later
// recorded, a record written after the upgrade is found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testInspectionRecord } from '@anjian/core/testing';
import { createPostgresInspectionLog } from '../src/index.js';
import { firstInspectionsSql } from '../src/create-postgres-inspection-log.js';
import { freshSchema } from './pg-env.js';

let env: Awaited<ReturnType<typeof freshSchema>>;
beforeAll(async () => {
  env = await freshSchema('anjian_insp_first');
});
afterAll(async () => {
  await env?.drop();
});

describe('inspection log: a round coverage through inspection_log_pack_recorded', () => {
  it('a schema of the previous release gets the index; the statement seeks it; answers incl. a tie and a later record', async () => {
    const s = `"${env.schema}"`;
    const t = `${s}.inspection_log`;
    await env.pool.query(`CREATE SCHEMA ${s}`);
    await env.pool.query(`CREATE TABLE ${t} (seq BIGSERIAL PRIMARY KEY, id TEXT NOT NULL UNIQUE, enterprise_id TEXT NOT NULL, recorded_at TEXT NOT NULL, body JSONB NOT NULL)`);
    await env.pool.query(`CREATE INDEX inspection_log_enterprise_recorded ON ${t} (enterprise_id, seq, recorded_at)`);
    const write = async (r: ReturnType<typeof testInspectionRecord>) =>
      env.pool.query(`INSERT INTO ${t} (id, enterprise_id, recorded_at, body) VALUES ($1, $2, $3, $4)`, [r.id, r.enterpriseId, r.recordedAt, JSON.stringify(r)]);
    const base = testInspectionRecord('in-0');
    const rec = (id: string, enterpriseId: string, recordedAt: string, packId = base.pack.id, source: typeof base.source = base.source) =>
      testInspectionRecord(id, { enterpriseId, recordedAt, pack: { ...base.pack, id: packId }, source });
    await write(rec('in-a1', 'E1', '2026-03-05T01:00:00.000Z'));
    await write(rec('in-a2', 'E1', '2026-03-02T01:00:00.000Z'));
    await write(rec('in-a3', 'E1', '2026-03-01T01:00:00.000Z', 'other-pack'));
    await write(rec('in-b1', 'E2', '2026-03-03T01:00:00.000Z'));
    await write(rec('in-b2', 'E2', '2026-03-03T01:00:00.000Z')); // a tie: the later recorded
    await write(rec('in-c1', 'E3', '2026-02-20T01:00:00.000Z')); // before the window

    const log = createPostgresInspectionLog({ pool: env.pool, schema: env.schema });
    await log.migrate();
    await env.pool.query(`ANALYZE ${t}`); // as autovacuum does: statistics of the index's expressions
    const query = { enterpriseIds: ['E1', 'E2', 'E3', 'E4'], packId: base.pack.id, sources: [base.source], recordedSince: '2026-03-01T00:00:00.000Z', recordedBefore: '2026-04-01T00:00:00.000Z' };
    const client = await env.pool.connect();
    try {
      await client.query('SET enable_seqscan = off');
      await client.query('SET enable_bitmapscan = off');
      const plan = await client.query(`EXPLAIN ${firstInspectionsSql(t)}`, [query.enterpriseIds, query.recordedSince, query.recordedBefore, query.packId, query.sources]);
      const text = plan.rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
      expect(text).toMatch(/Index Scan using inspection_log_pack_recorded/);
      // The pack and the window are sought in the index (the source, its last column, is checked
      // as an index condition or a filter, as the planner estimates).
      expect(text).toMatch(/Index Cond: .*enterprise_id = ANY.*'pack'::text\) ->> 'id'::text\) = .*recorded_at >= .*recorded_at < /s);
    } finally {
      client.release();
    }
    const first = async () => (await log.firstInspections!(query)).map((f) => `${f.enterpriseId} ${f.id}`).sort();
    expect(await first()).toEqual(['E1 in-a2', 'E2 in-b2']);
    expect(await log.recordInspection(rec('in-d1', 'E4', '2026-03-10T01:00:00.000Z'))).toBe(true);
    expect(await first()).toEqual(['E1 in-a2', 'E2 in-b2', 'E4 in-d1']);
  });
});
