// The inspection log's cutoff index on a schema the previous release migrated: (enterprise_id,
// seq) becomes (enterprise_id, seq, recorded_at), so `recordedBefore` is an index condition
// instead of a filter on the table row of every inspection recorded after the cutoff
// (scripts/bench/inspection-cutoff.ts). The records and the lists stay as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testInspectionRecord } from '@anjian/core/testing';
import { createPostgresInspectionLog } from '../src/index.js';
import { freshSchema } from './pg-env.js';

let env: Awaited<ReturnType<typeof freshSchema>>;
beforeAll(async () => {
  env = await freshSchema('anjian_insp_cutoff');
});
afterAll(async () => {
  await env?.drop();
});

const at = (day: number) => `2026-0${day < 10 ? 1 : 2}-${String(day < 10 ? day : day - 9).padStart(2, '0')}T01:00:00.000Z`;

describe('inspection log: the cutoff is checked in the index', () => {
  it('a schema of the previous release gets (enterprise_id, seq, recorded_at) instead of (enterprise_id, seq); its records and lists stay', async () => {
    const s = `"${env.schema}"`;
    const t = `${s}.inspection_log`;
    // The table as the previous release's migrate() created it, with records.
    await env.pool.query(`CREATE SCHEMA ${s}`);
    await env.pool.query(`CREATE TABLE ${t} (seq BIGSERIAL PRIMARY KEY, id TEXT NOT NULL UNIQUE, enterprise_id TEXT NOT NULL, recorded_at TEXT NOT NULL, body JSONB NOT NULL)`);
    await env.pool.query(`CREATE INDEX inspection_log_enterprise ON ${t} (enterprise_id, seq)`);
    for (let d = 1; d <= 12; d++) {
      const record = testInspectionRecord(`in-${d}`, { enterpriseId: d % 3 === 0 ? 'E2' : 'E1', recordedAt: at(d) });
      await env.pool.query(`INSERT INTO ${t} (id, enterprise_id, recorded_at, body) VALUES ($1, $2, $3, $4)`, [record.id, record.enterpriseId, record.recordedAt, JSON.stringify(record)]);
    }
    const indexes = async () =>
      (
        await env.pool.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = 'inspection_log' AND indexdef NOT LIKE '%UNIQUE%' ORDER BY indexname`, [env.schema])
      ).rows.map((r: { indexname: string; indexdef: string }) => `${r.indexname} ${r.indexdef.replace(/^.* USING btree /, '')}`);
    expect(await indexes()).toEqual(['inspection_log_enterprise (enterprise_id, seq)']);

    const log = createPostgresInspectionLog({ pool: env.pool, schema: env.schema });
    await log.migrate();
    expect(await indexes()).toEqual([
      'inspection_log_enterprise_recorded (enterprise_id, seq, recorded_at)',
      "inspection_log_pack_recorded (enterprise_id, (((body -> 'pack'::text) ->> 'id'::text)), recorded_at, ((body ->> 'source'::text)))",
    ]);
    // The log's list query with a cutoff: the cutoff is a condition of the index scan.
    const client = await env.pool.connect();
    try {
      await client.query('SET enable_seqscan = off');
      const plan = await client.query(
        `EXPLAIN SELECT body FROM ${t} WHERE enterprise_id = 'E1' AND (NULL::text IS NULL OR seq < (SELECT seq FROM ${t} WHERE id = NULL)) AND ('2026-02-01T00:00:00.000Z'::text IS NULL OR recorded_at < '2026-02-01T00:00:00.000Z') ORDER BY seq DESC LIMIT 20`,
      );
      const text = plan.rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
      expect(text).toMatch(/Index Scan Backward using inspection_log_enterprise_recorded/);
      expect(text).toMatch(/Index Cond: \(\(enterprise_id = 'E1'::text\) AND \(recorded_at < /);
    } finally {
      client.release();
    }

    const ids = async (q: { before?: string; recordedBefore?: string; limit?: number }) => (await log.listInspections({ enterpriseId: 'E1', limit: q.limit ?? 50, ...q })).map((r) => r.id);
    expect(await ids({})).toEqual(['in-11', 'in-10', 'in-8', 'in-7', 'in-5', 'in-4', 'in-2', 'in-1']);
    expect(await ids({ recordedBefore: at(10) })).toEqual(['in-8', 'in-7', 'in-5', 'in-4', 'in-2', 'in-1']);
    expect(await ids({ recordedBefore: at(10), limit: 2 })).toEqual(['in-8', 'in-7']);
    expect(await ids({ recordedBefore: at(10), before: 'in-7', limit: 2 })).toEqual(['in-5', 'in-4']);
    expect(await log.readInspection('in-12')).toEqual(testInspectionRecord('in-12', { enterpriseId: 'E2', recordedAt: at(12) }));
    expect(await log.recordInspection(testInspectionRecord('in-13', { recordedAt: at(13) }))).toBe(true);
    expect(await ids({ limit: 1 })).toEqual(['in-13']);

    // Migrating again changes nothing.
    await log.migrate();
    expect(await indexes()).toEqual([
      'inspection_log_enterprise_recorded (enterprise_id, seq, recorded_at)',
      "inspection_log_pack_recorded (enterprise_id, (((body -> 'pack'::text) ->> 'id'::text)), recorded_at, ((body ->> 'source'::text)))",
    ]);
  });
});
