import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '@anjian/core/audit';
import { aggregateReportFacts, buildPeriodicReport, generateCity, type CityChunk } from '@anjian/core/internal';
import { hazardReportFact, type ReportFactsQuery } from '@anjian/core/ports';
import { createSqliteBulkLoader, createSqliteReportReadModel, createSqliteStore, type SqliteReportReadModel } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-reports-'));
const path = join(dir, 'city.db');
const city = generateCity({ seed: 'sqlite-reports', enterprises: 80, inspectionsPerEnterprise: 40, hazardRate: 0.1 });
const chunks: CityChunk[] = [...city.chunks()];
let model: SqliteReportReadModel;

beforeAll(() => {
  const loader = createSqliteBulkLoader({ path });
  for (let i = 0; i < chunks.length; i += 20) {
    loader.writeHazards(chunks.slice(i, i + 20).flatMap((c) => c.hazards));
    loader.writeInspections(chunks.slice(i, i + 20).flatMap((c) => c.inspections));
  }
  loader.close();
  model = createSqliteReportReadModel({ path });
});
afterAll(() => {
  model.close();
  rmSync(dir, { recursive: true, force: true });
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

describe('SQLite report read model', () => {
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
      const memory = aggregateReportFacts(facts, inspections, q);
      expect(sql).toEqual(memory);
      if (q === queries[0]) expect(sql.found.length).toBeGreaterThan(0);
    }
    expect(await model.areas()).toEqual([...new Set([...facts.map((f) => f.area), ...inspections.map((i) => i.area)])].sort());
  });

  it('builds a monthly report, and keeps up with a hazard appended after the bulk load', async () => {
    const before = await buildPeriodicReport(model, { kind: 'monthly', period: '2026-11', now: '2026-12-01T00:00:00.000Z' });
    expect(before.summary.inspections).toBe(inspections.filter((i) => i.recordedAt >= before.period.from && i.recordedAt < before.period.to).length);
    const extra = generateCity({ seed: 'one-more', enterprises: 2, inspectionsPerEnterprise: 200, hazardRate: 0.5 });
    const hazards = [...extra.chunks()].flatMap((c) => c.hazards).filter((h) => h.events[0]!.recordedAt >= before.period.from && h.events[0]!.recordedAt < before.period.to);
    expect(hazards.length).toBeGreaterThan(0);
    const loader = createSqliteBulkLoader({ path });
    loader.writeHazards(hazards);
    loader.close();
    const after = await buildPeriodicReport(model, { kind: 'monthly', period: '2026-11', now: '2026-12-01T00:00:00.000Z' });
    expect(after.summary.found).toBe(before.summary.found + hazards.length);
  });

  it('loads a history the audit accepts, and refuses a broken one whole', async () => {
    const store = createSqliteStore({ path });
    try {
      const audit = await verifyAudit(store, { now: city.until });
      expect(audit.problems).toEqual([]);
    } finally {
      store.close();
    }
    const [h] = generateCity({ seed: 'broken', enterprises: 3, hazardRate: 0.3 }).chunks().next().value!.hazards;
    const loader = createSqliteBulkLoader({ path });
    try {
      expect(() => loader.writeHazards([{ ...h!, events: h!.events.slice(1) }])).toThrow(/version 1/);
      expect(() => loader.writeHazards([h!, h!])).toThrow();
    } finally {
      loader.close();
    }
    const check = createSqliteStore({ path });
    try {
      expect(await check.load(h!.summary.hazardId)).toBeNull();
    } finally {
      check.close();
    }
  });
});

describe('SQLite report projection', () => {
  it('is rebuilt from the log when the facts’ definition changes', async () => {
    const Database = (await import('better-sqlite3')).default;
    const before = await model.reportFacts(query({}));
    const db = new Database(path);
    db.prepare("UPDATE report_hazards SET level = 'major'").run();
    db.prepare("UPDATE report_cursor SET seq = 1 WHERE name = 'fact-version'").run();
    db.close();
    expect(await model.reportFacts(query({}))).toEqual(before);
  });
});
