import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '@anjian/core/audit';
import { aggregateReportFacts, buildPeriodicReport, generateCity, type CityChunk } from '@anjian/core/internal';
import { hazardReportFact, type ReportFactsQuery } from '@anjian/core/ports';
import { createPostgresBulkLoader, createPostgresReportReadModel, createPostgresStore, type PostgresReportReadModel } from '../src/index.js';
import { freshSchema } from './pg-env.js';

const city = generateCity({ seed: 'postgres-reports', enterprises: 80, inspectionsPerEnterprise: 40, hazardRate: 0.1 });
const chunks: CityChunk[] = [...city.chunks()];
let env: Awaited<ReturnType<typeof freshSchema>>;
let model: PostgresReportReadModel;

beforeAll(async () => {
  env = await freshSchema('anjian_reports');
  const loader = createPostgresBulkLoader({ pool: env.pool, schema: env.schema });
  await loader.migrate();
  for (let i = 0; i < chunks.length; i += 20) {
    await loader.writeHazards(chunks.slice(i, i + 20).flatMap((c) => c.hazards));
    await loader.writeInspections(chunks.slice(i, i + 20).flatMap((c) => c.inspections));
  }
  model = createPostgresReportReadModel({ pool: env.pool, schema: env.schema });
});
afterAll(async () => {
  await env?.drop();
});

const facts = chunks.flatMap((c) => c.hazards.map((h) => hazardReportFact(h.events)));
const inspections = chunks.flatMap((c) => c.inspections);
const query = (over: Partial<ReportFactsQuery>): ReportFactsQuery => ({
  from: '2026-09-30T16:00:00.000Z',
  to: '2026-10-31T16:00:00.000Z',
  asOf: '2026-10-31T16:00:00.000Z',
  recurrenceDays: 30,
  limit: 7,
  ...over,
});

describe('PostgreSQL report read model', () => {
  it('answers the same aggregates as the in-memory definition', async () => {
    const area = city.enterprises[3]!.area;
    const queries = [
      query({}),
      query({ area: area.split('/')[0]! }),
      query({ area, recurrenceDays: 90, limit: 3 }),
      query({ area: area.split('/')[0]!, domain: 'gas' }),
      query({ from: '2026-06-30T16:00:00.000Z', to: '2026-09-30T16:00:00.000Z', asOf: '2026-09-30T16:00:00.000Z' }),
    ];
    for (const q of queries) {
      const sql = await model.reportFacts(q);
      expect(sql).toEqual(aggregateReportFacts(facts, inspections, q));
      if (q === queries[0]) expect(sql.found.length).toBeGreaterThan(0);
    }
    expect(await model.areas()).toEqual([...new Set([...facts.map((f) => f.area), ...inspections.map((i) => i.area)])].sort());
  });

  it('builds a monthly report, keeps up with later hazards, and the audit accepts the loaded history', async () => {
    const before = await buildPeriodicReport(model, { kind: 'monthly', period: '2026-11', now: '2026-12-01T00:00:00.000Z' });
    const extra = generateCity({ seed: 'one-more', enterprises: 2, inspectionsPerEnterprise: 200, hazardRate: 0.5 });
    const hazards = [...extra.chunks()].flatMap((c) => c.hazards).filter((h) => h.events[0]!.recordedAt >= before.period.from && h.events[0]!.recordedAt < before.period.to);
    const loader = createPostgresBulkLoader({ pool: env.pool, schema: env.schema });
    await loader.writeHazards(hazards);
    await expect(loader.writeHazards([hazards[0]!])).rejects.toThrow();
    const after = await buildPeriodicReport(model, { kind: 'monthly', period: '2026-11', now: '2026-12-01T00:00:00.000Z' });
    expect(after.summary.found).toBe(before.summary.found + hazards.length);
    const store = createPostgresStore({ pool: env.pool, schema: env.schema });
    const audit = await verifyAudit(store, { now: city.until });
    expect(audit.problems).toEqual([]);
  });
});
