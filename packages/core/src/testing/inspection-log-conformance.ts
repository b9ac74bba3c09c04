import type { InspectionLog, InspectionRecord } from '../ports/inspection-log.js';
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
 * Runs the conformance suite of the {@link InspectionLog} port against an implementation:
 * records read back exactly (nested answers, text with quotes and markup), idempotency on
 * the id, an enterprise's list newest first with `limit` and `before`, and the window
 * `recordedSince` … `recordedBefore` applied to every record.
 *
 * @example
 * ```ts
 * runInspectionLogConformance({ name: 'sqlite', createLog: () => createSqliteInspectionLog({ path: tmpFile() }), describe, it, expect });
 * ```
 */
export function runInspectionLogConformance(options: InspectionLogConformanceOptions): void {
  const { expect } = options;
  const test = (name: (typeof INSPECTION_LOG_CONFORMANCE_TESTS)[number], fn: (log: InspectionLog) => Promise<void>) =>
    options.it(name, async () => {
      const log = await options.createLog();
      try {
        await fn(log);
      } finally {
        await options.destroyLog?.(log);
      }
    });

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
  });
}
