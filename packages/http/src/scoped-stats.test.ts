// Dashboard statistics over an actor's read scopes must count each readable hazard exactly
// once, however the scopes overlap: checked against a brute-force count of the union.
import { chinaPeriod, hazardStatsFromGroups, type HazardFilter, type HazardStats, type HazardStatsQuery } from '@anjian/core/ports';
import { areaCovers, canRead, type ReadScope } from '@anjian/core/internal';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpProblem } from './problem.js';
import { intersectFilters, MAX_OVERLAPPING_SCOPES, scopedStats } from './scoped-stats.js';

interface Row {
  enterpriseId: string;
  area: string;
  domain: string;
  level: 'simple' | 'general' | 'major';
  status: 'reported' | 'closed';
  createdAt: string;
  overdue: boolean;
  premisesId?: string;
}

const matches = (f: HazardFilter, r: Row) =>
  (f.enterpriseId === undefined || f.enterpriseId === r.enterpriseId) &&
  (f.domain === undefined || f.domain === r.domain) &&
  (f.premisesId === undefined || f.premisesId === r.premisesId) &&
  (f.area === undefined || areaCovers(f.area, r.area));
const inWindow = (q: HazardStatsQuery, r: Row) => (q.createdFrom === undefined || r.createdAt >= q.createdFrom) && (q.createdTo === undefined || r.createdAt < q.createdTo);

/** A reference store: counts the rows a filter selects, one snapshot, exactly. */
function fakeStore(rows: readonly Row[]) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    async stats(q: HazardStatsQuery): Promise<HazardStats> {
      calls++;
      const hit = rows.filter((r) => matches(q.filter ?? {}, r) && inWindow(q, r));
      const groups = hit.map((r) => ({ level: r.level, status: r.status, domain: r.domain, count: 1, overdue: r.overdue ? 1 : 0 }));
      const periods = q.groupBy ? hit.map((r) => ({ period: chinaPeriod(r.createdAt, q.groupBy!), total: 1, closed: r.status === 'closed' ? 1 : 0 })) : undefined;
      // hazardStatsFromGroups sums groups; periods need merging by key first.
      const merged = periods && [
        ...periods
          .reduce((m, p) => {
            const o = m.get(p.period) ?? { period: p.period, total: 0, closed: 0 };
            m.set(p.period, { period: p.period, total: o.total + p.total, closed: o.closed + p.closed });
            return m;
          }, new Map<string, { period: string; total: number; closed: number }>())
          .values(),
      ];
      return hazardStatsFromGroups(groups, merged);
    },
  };
}

const row = fc
  .record({
    enterpriseId: fc.constantFrom('E1', 'E2', 'E3'),
    area: fc.constantFrom('D1/G1', 'D1/G2', 'D2/G1', 'D1/G1/S1'),
    domain: fc.constantFrom('gas', 'fire'),
    level: fc.constantFrom('simple' as const, 'general' as const, 'major' as const),
    status: fc.constantFrom('reported' as const, 'closed' as const),
    createdAt: fc.constantFrom('2026-11-01T02:00:00.000Z', '2026-11-02T20:00:00.000Z', '2026-12-01T00:00:00.000Z'),
    overdue: fc.boolean(),
    premisesId: fc.constantFrom(undefined, 'P1', 'P2'),
  })
  .map(({ premisesId, ...r }): Row => (premisesId === undefined ? r : { ...r, premisesId }));
const instant = fc.constantFrom('2026-11-01T02:00:00.000Z', '2026-11-02T00:00:00.000Z', '2026-11-15T00:00:00.000Z', '2026-12-01T00:00:00.000Z');
const scope: fc.Arbitrary<ReadScope> = fc.oneof(
  fc.record({ enterpriseId: fc.constantFrom('E1', 'E2', 'E3') }),
  // A landlord's tenancy: a tenant at a premises, within a period.
  fc.record({ enterpriseId: fc.constantFrom('E1', 'E2'), premisesId: fc.constantFrom('P1', 'P2'), foundFrom: instant, foundBefore: instant }, { requiredKeys: ['enterpriseId', 'premisesId'] }),
  fc.record({ area: fc.constantFrom('D1', 'D1/G1', 'D1/G2', 'D2', 'D1/G1/S1') }),
  fc.record({ area: fc.constantFrom('D1', 'D1/G1', 'D2'), domain: fc.constantFrom('gas', 'fire') }),
);
const requestFilter: fc.Arbitrary<HazardFilter> = fc.oneof(
  fc.constant({}),
  fc.record({ domain: fc.constantFrom('gas', 'fire') }),
  fc.record({ area: fc.constantFrom('D1', 'D1/G1', 'D2/G1') }),
  fc.record({ enterpriseId: fc.constantFrom('E1', 'E2') }),
);

describe('scopedStats', () => {
  it('equals the brute-force count of the union of the scopes, for any overlap', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 40 }),
        fc.array(scope, { maxLength: 6 }),
        requestFilter,
        fc.constantFrom(undefined, 'day' as const, 'month' as const),
        fc.record({ createdFrom: instant, createdTo: instant }, { requiredKeys: [] }),
        async (rows, scopes, filter, groupBy, window) => {
          const query: HazardStatsQuery = { filter, now: '2026-11-28T00:00:00.000Z', ...(groupBy ? { groupBy } : {}), ...window };
          const readable = rows.filter((r) => matches(filter, r) && canRead(scopes, r));
          const expected = await fakeStore(readable).stats({ ...query, filter: {} });
          expect(await scopedStats(fakeStore(rows), query, scopes)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("passes 'all' straight to the store, and asks once for a single scope", async () => {
    const store = fakeStore([]);
    await scopedStats(store, { now: '2026-11-28T00:00:00.000Z' }, 'all');
    await scopedStats(store, { now: '2026-11-28T00:00:00.000Z' }, [{ area: 'D1' }, { area: 'D1/G1' }]);
    expect(store.calls).toBe(2);
  });

  it('refuses more overlapping scopes than it will combine, with a bilingual 400', async () => {
    const scopes = Array.from({ length: MAX_OVERLAPPING_SCOPES + 1 }, (_, i) => ({ enterpriseId: `E${i}`, area: 'D1' })).map((s, i) =>
      i === 0 ? { area: 'D1' as const, domain: 'gas' } : { enterpriseId: s.enterpriseId },
    );
    const error = await scopedStats(fakeStore([]), { now: '2026-11-28T00:00:00.000Z' }, scopes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpProblem);
    expect(error).toMatchObject({ status: 400, code: 'STATS_SCOPE_TOO_BROAD' });
  });

  it('intersects filters: the deeper area wins, different enterprises, domains or premises meet nowhere', () => {
    expect(intersectFilters({ enterpriseId: 'E1', premisesId: 'P1' }, { enterpriseId: 'E1', premisesId: 'P2' })).toBeNull();
    expect(intersectFilters({ area: 'D1' }, { area: 'D1/G1', domain: 'gas' })).toEqual({ area: 'D1/G1', domain: 'gas' });
    expect(intersectFilters({ area: 'D1/G2' }, { area: 'D1/G1' })).toBeNull();
    expect(intersectFilters({ enterpriseId: 'E1' }, { enterpriseId: 'E2' })).toBeNull();
    expect(intersectFilters({ enterpriseId: 'E1' }, { area: 'D1' })).toEqual({ enterpriseId: 'E1', area: 'D1' });
  });
});
