import type { FindingSource } from '../classify/types.js';
import type { InspectionLog, InspectionRecord } from '../ports/inspection-log.js';
import { collectRoundCoverage, roundCoverage } from '../rounds/round-coverage.js';
import type { RoundRecord, RoundUnit } from '../rounds/types.js';
import type { ConformanceExpect } from './store-conformance.js';

/** Options of {@link runInspectionLogConformance}. */
export interface InspectionLogConformanceOptions {
  name: string;
  /** A fresh, empty log per test. */
  createLog: () => InspectionLog | Promise<InspectionLog>;
  /** Called after each test (close connections, drop schemas). */
  destroyLog?: (log: InspectionLog) => void | Promise<void>;
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => Promise<void>, timeout?: number) => void;
  expect: ConformanceExpect;
}

/** Names of every test of the suite. */
export const INSPECTION_LOG_CONFORMANCE_TESTS = Object.freeze([
  'records an inspection and reads it back as written',
  'a second record with the same id keeps the first',
  'lists an enterprise’s inspections newest first, in pages',
  'recordedBefore leaves out what was recorded at or after the instant, with pages',
  'recordedSince leaves out what was recorded before the instant, with pages and with recordedBefore',
  'firstInspections answers each asked enterprise’s first record of the pack, sources and window',
  'a round’s coverage read with firstInspections equals the coverage read per enterprise',
] as const);

/** A test record (`E1`, the demo kitchen pack, one hazard). */
export function testInspectionRecord(id: string, overrides: Partial<InspectionRecord> = {}): InspectionRecord {
  return {
    id,
    enterpriseId: 'E1',
    area: 'D1/G1',
    domain: 'gas',
    pack: { id: 'demo-kitchen', version: '1.0.0' },
    source: 'grid_patrol',
    actorId: 'grid-1',
    inspectedAt: '2026-12-06T09:30:00+08:00',
    recordedAt: '2026-12-06T01:31:00.000Z',
    inspection: { pack: 'demo-kitchen', premises: 'restaurant', findings: { hose_length_m: 3, gas_type: 'lpg', note: '“引号” & <b>' } },
    hazards: [{ rule: 'G1', hazardId: `hz-${id}`, level: 'general', title: { 'zh-CN': '软管过长', en: 'Hose too long' }, reported: true }],
    ...overrides,
  };
}

/**
 * Forty enterprises in two districts (every fifth one 九小场所, the last four with no record),
 * 600 records over three packs, four sources and the days around 2026-12 with a share stamped
 * exactly at a China-time midnight and pairs sharing an instant, and rounds of each kind over
 * several scopes, packs and windows with an `asOf` within and after each.
 */
function coverageFixture(): { units: RoundUnit[]; records: InspectionRecord[]; rounds: [RoundRecord, Date][] } {
  let x = 20261207;
  const next = (n: number) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % n;
  };
  const units: RoundUnit[] = Array.from({ length: 40 }, (_, i) => {
    const id = `EC${String(i).padStart(2, '0')}`;
    const area = `D${(i % 2) + 1}/G${(i % 3) + 1}`;
    return {
      enterprise: { id, name: id, area },
      premises: [{ id: `P${id}`, enterpriseId: id, address: `${id} 号`, area, kinds: ['restaurant'], nineSmall: i % 5 === 0, labourIntensive: false, groupRental: false }],
    };
  });
  const packs = ['demo-kitchen', 'demo-kitchen', 'demo-fire'];
  const sources: FindingSource[] = ['grid_patrol', 'self_check', 'enforcement', 'sensor'];
  const records: InspectionRecord[] = [];
  for (let i = 0; i < 600; i++) {
    const day = 1 + next(40); // 2026-11-22 … 2026-12-31 in China time
    const midnight = Date.parse('2026-11-21T16:00:00.000Z') + day * 86_400_000;
    const shape = next(4);
    // At a China-time midnight (a window's first instant), a millisecond before one, or within the day.
    const at = shape === 0 ? midnight : shape === 1 ? midnight - 1 : midnight + next(86_400) * 1000;
    const prev = records[records.length - 1];
    const recordedAt = prev && next(8) === 0 ? prev.recordedAt : new Date(at).toISOString(); // same instant as the previous record
    records.push(
      testInspectionRecord(`in-cov${String(i).padStart(4, '0')}`, {
        enterpriseId: prev && recordedAt === prev.recordedAt ? prev.enterpriseId : `EC${String(next(36)).padStart(2, '0')}`,
        pack: { id: packs[next(3)]!, version: '1.0.0' },
        source: sources[next(4)]!,
        recordedAt,
      }),
    );
  }
  const round = (id: string, kind: RoundRecord['kind'], packId: string, scope: Omit<RoundRecord['scope'], 'domain'>, startsOn: string, endsOn: string): RoundRecord => ({
    id,
    kind,
    title: { 'zh-CN': id, en: id },
    packId,
    scope: { domain: packId === 'demo-fire' ? 'fire' : 'gas', ...scope },
    startsOn,
    endsOn,
    openedBy: 'admin',
    openedAt: '2026-11-20T00:00:00.000Z',
  });
  const rounds = [
    round('r-month', 'patrol_coverage', 'demo-kitchen', {}, '2026-12-01', '2026-12-31'),
    round('r-self', 'self_inspection', 'demo-kitchen', { area: 'D1' }, '2026-12-01', '2026-12-15'),
    round('r-campaign', 'special_campaign', 'demo-fire', { nineSmall: true }, '2026-11-25', '2026-12-05'),
    round('r-day', 'patrol_coverage', 'demo-kitchen', { area: 'D2/G3' }, '2026-12-10', '2026-12-10'),
    round('r-empty', 'special_campaign', 'demo-none', {}, '2026-12-01', '2026-12-31'),
  ];
  return {
    units,
    records,
    rounds: rounds.flatMap((r): [RoundRecord, Date][] => [
      [r, new Date(`${r.startsOn}T12:00:00+08:00`)],
      [r, new Date('2027-01-05T00:00:00Z')],
    ]),
  };
}

/**
 * Runs the conformance suite of the {@link InspectionLog} port against an implementation:
 * records read back exactly (nested answers, text with quotes and markup), idempotency on
 * the id, an enterprise's list newest first with `limit` and `before`, the window
 * `recordedSince` … `recordedBefore` applied to every record, and — when the log has the
 * optional `firstInspections` — each asked enterprise's first qualifying record (window
 * bounds, pack, sources, ties on `recordedAt`).
 *
 * @example
 * ```ts
 * runInspectionLogConformance({ name: 'sqlite', createLog: () => createSqliteInspectionLog({ path: tmpFile() }), describe, it, expect });
 * ```
 */
export function runInspectionLogConformance(options: InspectionLogConformanceOptions): void {
  const { expect } = options;
  const test = (name: (typeof INSPECTION_LOG_CONFORMANCE_TESTS)[number], fn: (log: InspectionLog) => Promise<void>, timeout?: number) =>
    options.it(
      name,
      async () => {
        const log = await options.createLog();
        try {
          await fn(log);
        } finally {
          await options.destroyLog?.(log);
        }
      },
      timeout,
    );

  options.describe(`InspectionLog conformance: ${options.name}`, () => {
    test('records an inspection and reads it back as written', async (log) => {
      expect(await log.readInspection('in-none')).toBeNull();
      const record = testInspectionRecord('in-a1', { hazards: [], inspectedAt: null });
      expect(await log.recordInspection(record)).toBe(true);
      expect(await log.readInspection('in-a1')).toEqual(record);
    });

    test('a second record with the same id keeps the first', async (log) => {
      const first = testInspectionRecord('in-b1');
      expect(await log.recordInspection(first)).toBe(true);
      expect(await log.recordInspection({ ...first, recordedAt: '2026-12-07T00:00:00.000Z', hazards: [] })).toBe(false);
      expect(await log.readInspection('in-b1')).toEqual(first);
      expect((await log.listInspections({ enterpriseId: 'E1', limit: 10 })).map((r) => r.id)).toEqual(['in-b1']);
    });

    test('lists an enterprise’s inspections newest first, in pages', async (log) => {
      for (const [i, enterpriseId] of ['E1', 'E2', 'E1', 'E1', 'E2'].entries()) {
        await log.recordInspection(testInspectionRecord(`in-c${i}`, { enterpriseId, recordedAt: `2026-12-06T01:0${i}:00.000Z` }));
      }
      expect((await log.listInspections({ enterpriseId: 'E1', limit: 10 })).map((r) => r.id)).toEqual(['in-c3', 'in-c2', 'in-c0']);
      expect((await log.listInspections({ enterpriseId: 'E1', limit: 2 })).map((r) => r.id)).toEqual(['in-c3', 'in-c2']);
      expect((await log.listInspections({ enterpriseId: 'E1', limit: 2, before: 'in-c2' })).map((r) => r.id)).toEqual(['in-c0']);
      expect((await log.listInspections({ enterpriseId: 'E2', limit: 10 })).map((r) => r.id)).toEqual(['in-c4', 'in-c1']);
      expect(await log.listInspections({ enterpriseId: 'E9', limit: 10 })).toEqual([]);
    });

    test('recordedBefore leaves out what was recorded at or after the instant, with pages', async (log) => {
      for (const [i, enterpriseId] of ['E1', 'E2', 'E1', 'E1', 'E1'].entries()) {
        await log.recordInspection(testInspectionRecord(`in-d${i}`, { enterpriseId, recordedAt: `2026-12-06T01:0${i}:00.000Z` }));
      }
      const list = (before?: string) => log.listInspections({ enterpriseId: 'E1', limit: 1, recordedBefore: '2026-12-06T01:03:00.000Z', ...(before === undefined ? {} : { before }) });
      expect((await list()).map((r) => r.id)).toEqual(['in-d2']);
      expect((await list('in-d2')).map((r) => r.id)).toEqual(['in-d0']);
      expect(await list('in-d0')).toEqual([]);
      expect((await log.listInspections({ enterpriseId: 'E1', limit: 10, recordedBefore: '2026-12-06T01:00:00.000Z' })).map((r) => r.id)).toEqual([]);
      expect((await log.listInspections({ enterpriseId: 'E1', limit: 10, recordedBefore: '2027-01-01T00:00:00.000Z' })).map((r) => r.id)).toEqual(['in-d4', 'in-d3', 'in-d2', 'in-d0']);
    });

    test('recordedSince leaves out what was recorded before the instant, with pages and with recordedBefore', async (log) => {
      // Recording order e0 … e5; e4's clock was behind (recorded after e3, stamped before the window).
      for (const [i, [enterpriseId, minute]] of (
        [
          ['E1', 0],
          ['E1', 3],
          ['E2', 4],
          ['E1', 5],
          ['E1', 1],
          ['E1', 7],
        ] as const
      ).entries()) {
        await log.recordInspection(testInspectionRecord(`in-e${i}`, { enterpriseId, recordedAt: `2026-12-06T01:0${minute}:00.000Z` }));
      }
      const since = '2026-12-06T01:03:00.000Z';
      const list = (q: { limit: number; before?: string; recordedBefore?: string }) => log.listInspections({ enterpriseId: 'E1', recordedSince: since, ...q }).then((page) => page.map((r) => r.id));
      expect(await list({ limit: 10 })).toEqual(['in-e5', 'in-e3', 'in-e1']); // inclusive at e1's instant; e4 and e0 are before it
      expect(await list({ limit: 2 })).toEqual(['in-e5', 'in-e3']);
      expect(await list({ limit: 2, before: 'in-e3' })).toEqual(['in-e1']);
      expect(await list({ limit: 2, before: 'in-e1' })).toEqual([]);
      expect(await list({ limit: 10, recordedBefore: '2026-12-06T01:07:00.000Z' })).toEqual(['in-e3', 'in-e1']);
      expect(await list({ limit: 10, recordedBefore: since })).toEqual([]);
      expect((await log.listInspections({ enterpriseId: 'E1', limit: 10, recordedSince: '2026-12-06T01:08:00.000Z' })).map((r) => r.id)).toEqual([]);
      expect((await log.listInspections({ enterpriseId: 'E2', limit: 10, recordedSince: since })).map((r) => r.id)).toEqual(['in-e2']);
    });

    test('firstInspections answers each asked enterprise’s first record of the pack, sources and window', async (log) => {
      if (!log.firstInspections) return; // optional: a log without it is read per enterprise
      const since = '2026-12-05T16:00:00.000Z';
      const until = '2026-12-06T16:00:00.000Z';
      // In recording order; `f2` and `f3` share an instant (the later recorded, f3, is first).
      const rows: [string, string, string, Partial<InspectionRecord>?][] = [
        ['f0', 'E1', '2026-12-05T15:59:59.999Z'], // before the window
        ['f1', 'E1', '2026-12-06T03:00:00.000Z'],
        ['f2', 'E1', '2026-12-06T02:00:00.000Z'], // recorded later, stamped earlier
        ['f3', 'E1', '2026-12-06T02:00:00.000Z'],
        ['f4', 'E2', until], // at the window's end: out
        ['f5', 'E2', '2026-12-06T05:00:00.000Z', { pack: { id: 'other-pack', version: '1.0.0' } }],
        ['f6', 'E2', '2026-12-06T06:00:00.000Z', { source: 'self_check' }],
        ['f7', 'E3', since], // at the window's start: in
        ['f8', 'E3', '2026-12-06T01:00:00.000Z', { source: 'enforcement' }],
        ['f9', 'E4', '2026-12-06T01:00:00.000Z'], // not asked
      ];
      for (const [id, enterpriseId, recordedAt, more] of rows) await log.recordInspection(testInspectionRecord(`in-${id}`, { enterpriseId, recordedAt, ...more }));
      const first = async (q: { enterpriseIds: string[]; packId?: string; sources: FindingSource[]; recordedSince?: string; recordedBefore?: string }) =>
        (await log.firstInspections!({ packId: 'demo-kitchen', recordedSince: since, recordedBefore: until, ...q })).sort((a, b) => (a.enterpriseId < b.enterpriseId ? -1 : 1));
      const asked = ['E1', 'E2', 'E3', 'E5', 'E1'];
      expect(await first({ enterpriseIds: asked, sources: ['grid_patrol'] })).toEqual([
        { enterpriseId: 'E1', id: 'in-f3', recordedAt: '2026-12-06T02:00:00.000Z' },
        { enterpriseId: 'E3', id: 'in-f7', recordedAt: since },
      ]);
      expect(await first({ enterpriseIds: asked, sources: ['enforcement', 'self_check'] })).toEqual([
        { enterpriseId: 'E2', id: 'in-f6', recordedAt: '2026-12-06T06:00:00.000Z' },
        { enterpriseId: 'E3', id: 'in-f8', recordedAt: '2026-12-06T01:00:00.000Z' },
      ]);
      expect(await first({ enterpriseIds: ['E2'], packId: 'other-pack', sources: ['grid_patrol'] })).toEqual([{ enterpriseId: 'E2', id: 'in-f5', recordedAt: '2026-12-06T05:00:00.000Z' }]);
      expect(await first({ enterpriseIds: ['E1', 'E2'], sources: ['grid_patrol'], recordedSince: '2026-12-06T02:00:00.001Z', recordedBefore: '2026-12-07T00:00:00.000Z' })).toEqual([
        { enterpriseId: 'E1', id: 'in-f1', recordedAt: '2026-12-06T03:00:00.000Z' },
        { enterpriseId: 'E2', id: 'in-f4', recordedAt: until },
      ]);
      expect(await first({ enterpriseIds: ['E1'], sources: ['grid_patrol'], recordedSince: '2026-12-01T00:00:00.000Z' })).toEqual([
        { enterpriseId: 'E1', id: 'in-f0', recordedAt: '2026-12-05T15:59:59.999Z' },
      ]);
      expect(await first({ enterpriseIds: ['E5', 'E9'], sources: ['grid_patrol'] })).toEqual([]);
      expect(await first({ enterpriseIds: [], sources: ['grid_patrol'] })).toEqual([]);
      expect(await first({ enterpriseIds: asked, sources: [] })).toEqual([]);
    });

    test('a round’s coverage read with firstInspections equals the coverage read per enterprise', async (log) => {
      if (!log.firstInspections) return;
      const { units, records, rounds } = coverageFixture();
      for (const r of records) await log.recordInspection(r);
      // The same log without the optional method: collectRoundCoverage lists each enterprise.
      const perEnterprise: InspectionLog = { recordInspection: (r) => log.recordInspection(r), readInspection: (id) => log.readInspection(id), listInspections: (q) => log.listInspections(q) };
      let done = 0;
      for (const [round, asOf] of rounds) {
        const single = await collectRoundCoverage(log, round, units, asOf);
        expect(single).toEqual(await collectRoundCoverage(perEnterprise, round, units, asOf));
        // And the pure coverage over every record, newest first as the log lists them (of two
        // records of one instant, the first listed covers).
        expect(single).toEqual(roundCoverage(round, units, [...records].reverse(), asOf));
        done += single.done;
      }
      expect(done).toBeGreaterThan(0);
    }, 60_000);
  });
}
