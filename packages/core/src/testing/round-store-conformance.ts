import type { RoundStore } from '../ports/round-store.js';
import { sealRoundEntry, verifyRoundLog } from '../rounds/round-log.js';
import type { RoundLogEntry, RoundRecord } from '../rounds/types.js';
import type { ConformanceExpect } from './store-conformance.js';

/** Options of {@link runRoundStoreConformance}. */
export interface RoundStoreConformanceOptions {
  /** Implementation name shown in the test titles. */
  name: string;
  /** An empty round store per call (a fresh database, file or schema). */
  create: () => RoundStore | Promise<RoundStore>;
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => Promise<void>, timeout?: number) => void;
  expect: ConformanceExpect;
}

/** Names of every test of the round store suite. */
export const ROUND_STORE_CONFORMANCE_TESTS = Object.freeze([
  'an empty log reads empty; entries append in seq order and read back exactly (the chain verifies)',
  'an append at a taken seq or with the wrong prevHash writes nothing and answers false',
  'concurrent appends at one seq: exactly one wins',
  'roundEntries lists one round; readRoundLog pages from a seq; returned entries are copies',
] as const);

const round = (id: string): RoundRecord => ({
  id,
  kind: 'special_campaign',
  title: { 'zh-CN': `生命通道专项 ${id}`, en: `Escape routes ${id}` },
  packId: 'fire',
  scope: { domain: 'fire', area: 'D1', groupRental: true },
  startsOn: '2026-12-01',
  endsOn: '2026-12-31',
  openedBy: 'admin',
  openedAt: '2026-11-30T02:00:00.000Z',
});

const opened = (prev: RoundLogEntry | null, id: string) => sealRoundEntry(prev, { type: 'round_opened', roundId: id, actorId: 'admin', recordedAt: '2026-11-30T02:00:00.000Z', data: round(id) });
const drawn = (prev: RoundLogEntry | null, id: string, seed: string) =>
  sealRoundEntry(prev, {
    type: 'sample_drawn',
    roundId: id,
    actorId: 'admin',
    recordedAt: '2026-12-01T02:00:00.000Z',
    data: {
      kind: 'spot_check_draw',
      method: 'sha256-rank-v1',
      seed,
      count: 2,
      scope: {},
      population: 3,
      populationDigest: 'ab'.repeat(32),
      selected: ['E2', 'E1'],
      digest: 'cd'.repeat(32),
      roundId: id,
    },
  });

/**
 * The contract of {@link RoundStore}, run unchanged against every implementation (memory,
 * SQLite, PostgreSQL): exact round trips, the seq/prevHash compare-and-set, one winner under
 * concurrency, copies out.
 */
export function runRoundStoreConformance(options: RoundStoreConformanceOptions): void {
  const { describe, it, expect } = options;
  const [roundTrip, casTest, concurrent, listing] = ROUND_STORE_CONFORMANCE_TESTS;
  describe(`RoundStore conformance: ${options.name}`, () => {
    it(roundTrip, async () => {
      const store = await options.create();
      expect(await store.readRoundLog(1, 100)).toEqual([]);
      expect(await store.lastRoundEntry()).toBeNull();
      const a = opened(null, 'R1');
      const b = drawn(a, 'R1', '福彩3D 2026335 417');
      const c = drawn(b, 'R1', '福彩3D 2026336 902');
      for (const e of [a, b, c]) expect(await store.appendRoundEntry(e)).toBe(true);
      const log = await store.readRoundLog(1, 100);
      expect(log).toEqual([a, b, c]);
      expect(verifyRoundLog(log)).toEqual({ ok: true, entries: 3 });
      expect(await store.lastRoundEntry()).toEqual(c);
    });
    it(casTest, async () => {
      const store = await options.create();
      const a = opened(null, 'R1');
      expect(await store.appendRoundEntry(a)).toBe(true);
      expect(await store.appendRoundEntry(opened(null, 'R2'))).toBe(false); // seq 1 is taken
      const forged = { ...opened(a, 'R2'), prevHash: '00'.repeat(32) };
      expect(await store.appendRoundEntry(forged)).toBe(false);
      expect(await store.appendRoundEntry({ ...opened(a, 'R2'), seq: 3 })).toBe(false); // a gap
      expect(await store.readRoundLog(1, 100)).toEqual([a]);
    });
    it(concurrent, async () => {
      const store = await options.create();
      const a = opened(null, 'R1');
      await store.appendRoundEntry(a);
      const rivals = ['X', 'Y', 'Z', 'W'].map((s) => drawn(a, 'R1', s));
      const results = await Promise.all(rivals.map((e) => store.appendRoundEntry(e)));
      expect(results.filter(Boolean)).toHaveLength(1);
      const log = await store.readRoundLog(1, 100);
      expect(log).toHaveLength(2);
      expect(verifyRoundLog(log)).toEqual({ ok: true, entries: 2 });
    });
    it(listing, async () => {
      const store = await options.create();
      const a = opened(null, 'R1');
      const b = opened(a, 'R2');
      const c = drawn(b, 'R1', 's');
      for (const e of [a, b, c]) await store.appendRoundEntry(e);
      expect(await store.roundEntries('R1')).toEqual([a, c]);
      expect(await store.roundEntries('R9')).toEqual([]);
      expect(await store.readRoundLog(2, 1)).toEqual([b]);
      const read = (await store.roundEntries('R2'))[0] as RoundLogEntry<'round_opened'>;
      read.data.title['zh-CN'] = 'changed';
      expect(((await store.roundEntries('R2'))[0] as RoundLogEntry<'round_opened'>).data.title['zh-CN']).toBe('生命通道专项 R2');
    });
  });
}
