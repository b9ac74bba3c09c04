import { evolve } from '../chain/evolve.js';
import { summarize } from '../chain/summarize.js';
import type { HazardState } from '../chain/types.js';
import type { InspectionRecord } from '../ports/inspection-log.js';
import type { Store } from '../ports/store.js';
import { hazardReportFact, type ReportFactsQuery, type ReportReadModel } from '../ports/report-read-model.js';
import { buildPeriodicReport } from '../reports/build-report.js';
import { chainHistory, generateCity, type CityHazard, type HistoryStep } from './city-seed.js';
import { aggregateReportFacts } from '../reports/memory-report-read-model.js';
import type { ConformanceExpect } from './store-conformance.js';
import { appendCityHazard } from './append-city-hazard.js';

/** A fresh store with its report read model, and how to write history into it. */
export interface ReportReadModelUnderTest {
  model: ReportReadModel;
  /** Writes whole hazard histories (the store's bulk path, or `append` per event). */
  writeHazards(hazards: readonly CityHazard[]): Promise<void> | void;
  writeInspections(records: readonly InspectionRecord[]): Promise<void> | void;
  /** The store's ordinary `append`, when it has one: events added to a hazard already projected must move its facts. */
  store?: Pick<Store, 'append'>;
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
  'counts overdue as of the end of the period: closed since, and a deadline extended in the period',
] as const);

const ms = (iso: string) => Date.parse(iso);

/**
 * A gas hazard of enterprise `X9-E1` in area `X9/G1` (apart from the generated city): reported,
 * a notice with `deadline`, then the `then` steps.
 */
function overdueCase(hazardId: string, reportedAt: string, deadline: string, then: HistoryStep[]): CityHazard {
  const grid = { id: 'grid-X9/G1', role: 'grid' as const };
  const title = { 'zh-CN': '燃气检查项 GAS-001 不符合要求', en: 'gas item GAS-001 not compliant' };
  const finding = { rule: 'GAS-001-H1', item: 'GAS-001', kind: 'rule', level: 'general', provisional: false, party: 'operator', title, basis: [], deadline: { days: 10 }, observations: [] };
  const reported = {
    title,
    level: 'general',
    provisional: false,
    basis: [],
    deadline: { days: 10 },
    pack: { id: 'gas', version: '1.0.0' },
    domain: 'gas',
    area: 'X9/G1',
    enterpriseId: 'X9-E1',
    source: 'grid_patrol',
    findings: [{ ...finding, explanation: { 'zh-CN': 'GAS-001 判定为不符合', en: 'GAS-001 was found not compliant' } }],
    evidence: [],
  } as unknown as HistoryStep['data'];
  return chainHistory(hazardId, { id: 'gas', version: '1.0.0' }, [
    { type: 'reported', actor: grid, at: ms(reportedAt), data: reported },
    { type: 'notice_issued', actor: grid, at: ms(reportedAt) + 3_600_000, data: { deadline, policy: { days: 10 } } as HistoryStep['data'] },
    ...then,
  ]);
}

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

    test('counts overdue as of the end of the period: closed since, and a deadline extended in the period', async (under) => {
      const grid = { id: 'grid-X9/G1', role: 'grid' as const };
      const owner = { id: 'user-X9-E1', role: 'enterprise' as const };
      const officer = { id: 'officer-X9', role: 'enforcement' as const };
      // Overdue from 20 November until its (late) rectification is submitted on 2 December; verified, closed on 3 December.
      const late = overdueCase('hz-x9-late', '2026-11-02T02:00:00.000Z', '2026-11-20T03:00:00.000Z', [
        { type: 'rectification_submitted', actor: owner, at: ms('2026-12-02T02:00:00.000Z'), data: { evidence: [] } as HistoryStep['data'] },
        { type: 'verified', actor: grid, at: ms('2026-12-02T08:00:00.000Z'), data: {} as HistoryStep['data'] },
        { type: 'closed', actor: officer, at: ms('2026-12-03T02:00:00.000Z'), data: {} as HistoryStep['data'] },
      ]);
      // Overdue from 10 November until the deadline is extended on 12 November to 10 December; still open.
      const extended = overdueCase('hz-x9-extended', '2026-11-01T02:00:00.000Z', '2026-11-10T03:00:00.000Z', [
        { type: 'extension_granted', actor: officer, at: ms('2026-11-12T02:00:00.000Z'), data: { to: '2026-12-10T03:00:00.000Z' } as HistoryStep['data'] },
      ]);
      await under.writeHazards([late, extended]);
      const x9 = (over: Partial<ReportFactsQuery>) => query({ area: 'X9', limit: 20, ...over });
      const overdueOf = async (q: ReportFactsQuery) => {
        const f = await under.model.reportFacts(q);
        expect(f).toEqual(
          aggregateReportFacts(
            [late, extended].map((h) => hazardReportFact(h.events)),
            [],
            q,
          ),
        );
        expect(f.overdue.total).toBe(f.overdue.items.length);
        return f.overdue.items.map((o) => `${o.hazardId} ${o.deadline}`);
      };
      const november = { from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z', asOf: '2026-11-30T16:00:00.000Z' };
      const december = { from: '2026-11-30T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z', asOf: '2026-12-31T16:00:00.000Z' };
      expect(await overdueOf(x9(november))).toEqual(['hz-x9-late 2026-11-20T03:00:00.000Z']);
      expect(await overdueOf(x9(december))).toEqual(['hz-x9-extended 2026-12-10T03:00:00.000Z']);
      // Mid-November, before the extension: overdue at the deadline then in force.
      expect(await overdueOf(x9({ ...november, asOf: '2026-11-11T00:00:00.000Z' }))).toEqual(['hz-x9-extended 2026-11-10T03:00:00.000Z']);
      // At the instant of the submission it is still overdue (counted from just after an event); after it the
      // rectification waits for the officers and is not the enterprise's overdue, nor after the closure.
      expect(await overdueOf(x9({ ...december, asOf: '2026-12-02T02:00:00.000Z' }))).toEqual(['hz-x9-late 2026-11-20T03:00:00.000Z']);
      expect(await overdueOf(x9({ ...december, asOf: '2026-12-02T02:00:00.001Z' }))).toEqual([]);
      expect(await overdueOf(x9({ ...december, asOf: '2026-12-03T02:00:00.001Z' }))).toEqual([]);
      // The whole report, generated on 6 December: November's bulletin says what was overdue at its end.
      const now = '2026-12-06T00:00:00.000Z';
      const nov = await buildPeriodicReport(under.model, { kind: 'monthly', period: '2026-11', area: 'X9', now });
      expect([nov.summary.overdue, nov.overdue.items.map((o) => o.hazardId), nov.areas.map((a) => [a.area, a.overdue])]).toEqual([1, ['hz-x9-late'], [['X9/G1', 1]]]);
      expect(nov.enterprises.map((e) => [e.enterpriseId, e.found, e.overdue])).toEqual([['X9-E1', 2, 1]]);
      const dec = await buildPeriodicReport(under.model, { kind: 'monthly', period: '2026-12', area: 'X9', now: '2027-01-02T00:00:00.000Z' });
      expect([dec.summary.overdue, dec.overdue.items.map((o) => o.hazardId), dec.summary.closed]).toEqual([1, ['hz-x9-extended'], 1]);
      // Every store agrees with the definition on the city and these two together.
      const all = [...facts, ...[late, extended].map((h) => hazardReportFact(h.events))];
      for (const q of [query(november), query(december)]) expect(await under.model.reportFacts(q)).toEqual(aggregateReportFacts(all, inspections, q));
      if (under.store !== undefined) {
        // A hazard projected while open, then closed through append: its span ends at the closure.
        const later = overdueCase('hz-x9-later', '2026-11-03T02:00:00.000Z', '2026-11-21T03:00:00.000Z', [
          { type: 'rectification_submitted', actor: owner, at: ms('2026-12-04T02:00:00.000Z'), data: { evidence: [] } as HistoryStep['data'] },
          { type: 'verified', actor: grid, at: ms('2026-12-04T08:00:00.000Z'), data: {} as HistoryStep['data'] },
          { type: 'closed', actor: officer, at: ms('2026-12-05T02:00:00.000Z'), data: {} as HistoryStep['data'] },
        ]);
        await under.writeHazards([{ events: later.events.slice(0, 2), summary: summarize(later.events.slice(0, 2).reduce<HazardState | null>((st, e) => evolve(st, e), null)!), outbox: [] }]);
        expect((await under.model.reportFacts(x9(december))).overdue.items.map((o) => o.hazardId)).toEqual(['hz-x9-later', 'hz-x9-extended']);
        await appendCityHazard(under.store, later, { after: 2, fingerprint: 'report-read-model-conformance' });
        expect((await under.model.reportFacts(x9(december))).overdue.items.map((o) => o.hazardId)).toEqual(['hz-x9-extended']);
        expect((await under.model.reportFacts(x9(november))).overdue.items.map((o) => o.hazardId)).toEqual(['hz-x9-late', 'hz-x9-later']);
        const facts3 = [late, extended, later].map((h) => hazardReportFact(h.events));
        for (const q of [x9(november), x9(december)]) expect(await under.model.reportFacts(q)).toEqual(aggregateReportFacts(facts3, [], q));
      }
    });
  });
}
