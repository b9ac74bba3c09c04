import type { InspectionRecord } from '../ports/inspection-log.js';
import { hazardReportFact, type ReportFactsQuery, type ReportReadModel } from '../ports/report-read-model.js';
import { generateCity, type CityHazard } from '../reports/city-seed.js';
import { aggregateReportFacts } from '../reports/memory-report-read-model.js';
import type { ConformanceExpect } from './store-conformance.js';

/** A fresh store with its report read model, and how to write history into it. */
export interface ReportReadModelUnderTest {
  model: ReportReadModel;
  /** Writes whole hazard histories (the store's bulk path, or `append` per event). */
  writeHazards(hazards: readonly CityHazard[]): Promise<void> | void;
  writeInspections(records: readonly InspectionRecord[]): Promise<void> | void;
  /** Closes connections, drops schemas. */
  close?(): Promise<void> | void;
}

/** Options of {@link runReportReadModelConformance}. */
export interface ReportReadModelConformanceOptions {
  name: string;
  /** A fresh, empty store per test. */
  open: () => Promise<ReportReadModelUnderTest> | ReportReadModelUnderTest;
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => Promise<void>, timeout?: number) => void;
  expect: ConformanceExpect;
}

/** Names of every test of the suite. */
export const REPORT_READ_MODEL_CONFORMANCE_TESTS = Object.freeze([
  'answers what the in-memory definition answers: the city, a district, a grid, a domain, a quarter',
  'lists the areas with hazards or inspections, sorted',
  'takes in hazards written after a report',
] as const);

const query = (over: Partial<ReportFactsQuery>): ReportFactsQuery => ({
  from: '2026-09-30T16:00:00.000Z',
  to: '2026-10-31T16:00:00.000Z',
  asOf: '2026-10-31T16:00:00.000Z',
  recurrenceDays: 30,
  limit: 7,
  ...over,
});

/**
 * Runs the conformance suite of the {@link ReportReadModel} port: a small generated city is
 * written into a fresh store and every aggregate must equal, field by field, what core's
 * in-memory definition (`aggregateReportFacts` over `hazardReportFact`) computes from the same
 * histories — for the city, a district, a grid, a domain and a quarter; the known areas; and
 * hazards written after a report are in the next one.
 *
 * @example
 * ```ts
 * runReportReadModelConformance({ name: 'sqlite', open: () => openSqliteCity(), describe, it, expect });
 * ```
 */
export function runReportReadModelConformance(options: ReportReadModelConformanceOptions): void {
  const { expect } = options;
  const city = generateCity({ seed: 'report-read-model-conformance', enterprises: 60, inspectionsPerEnterprise: 40, hazardRate: 0.1 });
  const chunks = [...city.chunks()];
  const histories = chunks.flatMap((c) => c.hazards);
  const inspections = chunks.flatMap((c) => c.inspections);
  const facts = histories.map((h) => hazardReportFact(h.events));
  const test = (name: (typeof REPORT_READ_MODEL_CONFORMANCE_TESTS)[number], fn: (under: ReportReadModelUnderTest) => Promise<void>) =>
    options.it(
      name,
      async () => {
        const under = await options.open();
        try {
          for (let i = 0; i < chunks.length; i += 20) {
            await under.writeHazards(chunks.slice(i, i + 20).flatMap((c) => c.hazards));
            await under.writeInspections(chunks.slice(i, i + 20).flatMap((c) => c.inspections));
          }
          await fn(under);
        } finally {
          await under.close?.();
        }
      },
      60_000,
    );

  options.describe(`ReportReadModel conformance: ${options.name}`, () => {
    test('answers what the in-memory definition answers: the city, a district, a grid, a domain, a quarter', async ({ model }) => {
      const grid = city.enterprises[3]!.area;
      const district = grid.split('/')[0]!;
      const queries = [
        query({}),
        query({ area: district }),
        query({ area: grid, recurrenceDays: 90, limit: 3 }),
        query({ area: district, domain: city.enterprises[3]!.domain }),
        query({ from: '2026-06-30T16:00:00.000Z', to: '2026-09-30T16:00:00.000Z', asOf: '2026-09-30T16:00:00.000Z' }),
      ];
      for (const q of queries) expect(await model.reportFacts(q)).toEqual(aggregateReportFacts(facts, inspections, q));
      expect((await model.reportFacts(queries[0]!)).found.length).toBeGreaterThan(0);
    });

    test('lists the areas with hazards or inspections, sorted', async ({ model }) => {
      expect(await model.areas()).toEqual([...new Set([...facts.map((f) => f.area), ...inspections.map((i) => i.area)])].sort());
    });

    test('takes in hazards written after a report', async (under) => {
      const q = query({ from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z', asOf: '2026-11-30T16:00:00.000Z' });
      const before = await under.model.reportFacts(q);
      const extra = [...generateCity({ seed: 'one-more', enterprises: 2, inspectionsPerEnterprise: 200, hazardRate: 0.5 }).chunks()]
        .flatMap((c) => c.hazards)
        .filter((h) => h.events[0]!.recordedAt >= q.from && h.events[0]!.recordedAt < q.to);
      expect(extra.length).toBeGreaterThan(0);
      await under.writeHazards(extra);
      const after = await under.model.reportFacts(q);
      const count = (f: typeof before) => f.found.reduce((n, g) => n + g.found, 0);
      expect(count(after)).toBe(count(before) + extra.length);
      expect(after).toEqual(aggregateReportFacts([...facts, ...extra.map((h) => hazardReportFact(h.events))], inspections, q));
    });
  });
}
