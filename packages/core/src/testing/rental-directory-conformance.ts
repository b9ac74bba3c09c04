import type { PremisesRecord, RentalDirectory, RentalSeed } from '../ports/rental-directory.js';
import type { ConformanceExpect } from './store-conformance.js';

/** Options of {@link runRentalDirectoryConformance}. */
export interface RentalDirectoryConformanceOptions {
  /** Implementation name shown in the test titles. */
  name: string;
  /** A directory loaded with `seed` (an empty database per call, or ids unique per call). It MUST reject invalid seeds. */
  create: (seed: RentalSeed) => RentalDirectory | Promise<RentalDirectory>;
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => Promise<void>, timeout?: number) => void;
  expect: ConformanceExpect;
}

/** Names of every test of the rental directory suite. */
export const RENTAL_DIRECTORY_CONFORMANCE_TESTS = Object.freeze([
  'a premises is returned as stored, kinds sorted; an unknown one is null',
  'premisesOf lists the premises an enterprise holds, sorted by id',
  'tenancies derive the landlord and area from the premises, and every query field narrows',
  'group-rental points list their tenants, narrowed by area (sub-areas included)',
  'returned records are copies',
  'invalid rental data is refused',
  'ending a tenancy keeps its history: current lists leave it out, includeEnded lists it with endedAt',
  'ending an unknown or an ended tenancy, or with a malformed instant, is refused and changes nothing',
  'a tenant rents the same premises again after an end: a new period, both kept in the history',
  'starting a tenancy is refused, writing nothing, at an unknown premises, at its own, while rented, overlapping the previous period, or dated before TENANCY_EARLIEST (2000)',
  'an end not after the start of its period is refused',
  'listPremises, when implemented, lists every premises as premises(id) answers it, sorted by id',
] as const);

const premises = (id: string, enterpriseId: string, area: string, extra: Partial<PremisesRecord> = {}): PremisesRecord => ({
  id,
  enterpriseId,
  address: `${area} 工业路 ${id} 号`,
  area,
  kinds: ['factory'],
  nineSmall: false,
  labourIntensive: false,
  groupRental: false,
  ...extra,
});

/**
 * The fixture city: landlord L1 holds a group-rental factory P1 (D1/G1, tenants T1, T2) and
 * a shop P2 (D1/G2, tenant T3); landlord L2 holds P3 (D2/G1, a group-rental point, tenant
 * T1); T1 also holds its own premises P4. Ids are prefixed per call.
 */
function citySeed(x: string): RentalSeed {
  return {
    premises: [
      premises(`${x}P1`, `${x}L1`, 'D1/G1', { kinds: ['warehouse', 'factory'], labourIntensive: true, groupRental: true }),
      premises(`${x}P2`, `${x}L1`, 'D1/G2', { kinds: ['shop'], nineSmall: true }),
      premises(`${x}P3`, `${x}L2`, 'D2/G1', { groupRental: true }),
      premises(`${x}P4`, `${x}T1`, 'D1/G1/X', { kinds: ['restaurant'], nineSmall: true }),
    ],
    tenancies: [
      { premisesId: `${x}P1`, tenantEnterpriseId: `${x}T2` },
      { premisesId: `${x}P1`, tenantEnterpriseId: `${x}T1` },
      { premisesId: `${x}P2`, tenantEnterpriseId: `${x}T3` },
      { premisesId: `${x}P3`, tenantEnterpriseId: `${x}T1` },
    ],
  };
}

/**
 * Runs the `RentalDirectory` contract against an implementation: the memory directory runs
 * it in core's tests, and a database-backed one runs it unchanged.
 *
 * @example
 * ```ts
 * runRentalDirectoryConformance({ name: 'memory', describe, it, expect, create: createMemoryRentalDirectory });
 * ```
 */
export function runRentalDirectoryConformance(options: RentalDirectoryConformanceOptions): void {
  const { expect, it } = options;
  let counter = 0;
  const fresh = async () => {
    const x = `c${Date.now().toString(36)}${++counter}-`;
    return { x, dir: await options.create(citySeed(x)) };
  };

  options.describe(`RentalDirectory conformance: ${options.name}`, () => {
    it(RENTAL_DIRECTORY_CONFORMANCE_TESTS[0], async () => {
      const { x, dir } = await fresh();
      expect(await dir.premises(`${x}P1`)).toEqual({ ...citySeed(x).premises[0], kinds: ['factory', 'warehouse'] });
      expect(await dir.premises(`${x}P9`)).toBeNull();
    });

    it(RENTAL_DIRECTORY_CONFORMANCE_TESTS[1], async () => {
      const { x, dir } = await fresh();
      expect((await dir.premisesOf(`${x}L1`)).map((p) => p.id)).toEqual([`${x}P1`, `${x}P2`]);
      expect((await dir.premisesOf(`${x}T1`)).map((p) => p.id)).toEqual([`${x}P4`]);
      expect(await dir.premisesOf(`${x}nobody`)).toEqual([]);
    });

    it(RENTAL_DIRECTORY_CONFORMANCE_TESTS[11], async () => {
      const { x, dir } = await fresh();
      if (!dir.listPremises) return; // optional: roundUnits then reads premisesOf per enterprise
      const all = await dir.listPremises();
      expect(all.map((p) => p.id)).toEqual(all.map((p) => p.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      const mine = all.filter((p) => p.id.startsWith(x));
      expect(mine.map((p) => p.id)).toEqual([`${x}P1`, `${x}P2`, `${x}P3`, `${x}P4`]);
      for (const p of mine) expect(p).toEqual(await dir.premises(p.id));
    });

    it(RENTAL_DIRECTORY_CONFORMANCE_TESTS[2], async () => {
      const { x, dir } = await fresh();
      expect(await dir.tenancies({ landlordEnterpriseId: `${x}L1` })).toEqual([
        { premisesId: `${x}P1`, landlordEnterpriseId: `${x}L1`, tenantEnterpriseId: `${x}T1`, area: 'D1/G1', period: 1 },
        { premisesId: `${x}P1`, landlordEnterpriseId: `${x}L1`, tenantEnterpriseId: `${x}T2`, area: 'D1/G1', period: 1 },
        { premisesId: `${x}P2`, landlordEnterpriseId: `${x}L1`, tenantEnterpriseId: `${x}T3`, area: 'D1/G2', period: 1 },
      ]);
      expect((await dir.tenancies({ tenantEnterpriseId: `${x}T1` })).map((t) => [t.premisesId, t.landlordEnterpriseId])).toEqual([
        [`${x}P1`, `${x}L1`],
        [`${x}P3`, `${x}L2`],
      ]);
      expect(await dir.tenancies({ landlordEnterpriseId: `${x}L2`, tenantEnterpriseId: `${x}T2` })).toEqual([]);
      expect((await dir.tenancies({ premisesId: `${x}P2` })).map((t) => t.tenantEnterpriseId)).toEqual([`${x}T3`]);
      expect(await dir.tenancies({ landlordEnterpriseId: `${x}T1` })).toEqual([]);
    });

    it(RENTAL_DIRECTORY_CONFORMANCE_TESTS[3], async () => {
      const { x, dir } = await fresh();
      const all = await dir.groupRentalPoints();
      const mine = all.filter((g) => g.premises.id.startsWith(x));
      expect(mine.map((g) => [g.premises.id, g.tenantEnterpriseIds])).toEqual([
        [`${x}P1`, [`${x}T1`, `${x}T2`]],
        [`${x}P3`, [`${x}T1`]],
      ]);
      expect((await dir.groupRentalPoints('D1')).filter((g) => g.premises.id.startsWith(x)).map((g) => g.premises.id)).toEqual([`${x}P1`]);
      expect((await dir.groupRentalPoints('D1/G1/X')).filter((g) => g.premises.id.startsWith(x))).toEqual([]);
      expect((await dir.groupRentalPoints('D')).filter((g) => g.premises.id.startsWith(x))).toEqual([]);
    });

    it(RENTAL_DIRECTORY_CONFORMANCE_TESTS[4], async () => {
      const { x, dir } = await fresh();
      const p = (await dir.premises(`${x}P1`))!;
      (p.kinds as string[]).push('mutated');
      p.area = 'Z9';
      (await dir.tenancies({ premisesId: `${x}P1` }))[0]!.area = 'Z9';
      expect((await dir.premises(`${x}P1`))!.area).toBe('D1/G1');
      expect((await dir.premises(`${x}P1`))!.kinds).toEqual(['factory', 'warehouse']);
      expect((await dir.tenancies({ premisesId: `${x}P1` }))[0]!.area).toBe('D1/G1');
    });

    it(RENTAL_DIRECTORY_CONFORMANCE_TESTS[5], async () => {
      const x = `bad${++counter}-`;
      const ok = citySeed(x);
      const bad: RentalSeed[] = [
        { ...ok, tenancies: [...ok.tenancies, { premisesId: `${x}P9`, tenantEnterpriseId: `${x}T1` }] },
        { ...ok, tenancies: [...ok.tenancies, { premisesId: `${x}P1`, tenantEnterpriseId: `${x}L1` }] },
        { ...ok, tenancies: [...ok.tenancies, { premisesId: `${x}P1`, tenantEnterpriseId: `${x}T1` }] },
        { ...ok, premises: [...ok.premises, premises(`${x}P1`, `${x}L3`, 'D3')] },
        { ...ok, premises: [premises(`${x}P5`, `${x}L3`, 'D3/', {}), ...ok.premises] },
        { ...ok, premises: [premises(`${x}P5`, `${x}L3`, 'D3', { address: ' ' }), ...ok.premises] },
      ];
      for (const seed of bad) await expect((async () => options.create(seed))()).rejects.toThrow();
    });

    it(RENTAL_DIRECTORY_CONFORMANCE_TESTS[6], async () => {
      const { x, dir } = await fresh();
      const endedAt = '2026-12-06T04:00:00.000Z';
      expect(await dir.endTenancy({ premisesId: `${x}P1`, tenantEnterpriseId: `${x}T1`, endedAt })).toEqual({
        premisesId: `${x}P1`,
        landlordEnterpriseId: `${x}L1`,
        tenantEnterpriseId: `${x}T1`,
        area: 'D1/G1',
        period: 1,
        endedAt,
      });
      // Current tenancies: T1 rents only P3 now; P1 keeps T2.
      expect((await dir.tenancies({ tenantEnterpriseId: `${x}T1` })).map((t) => t.premisesId)).toEqual([`${x}P3`]);
      expect(await dir.tenancies({ premisesId: `${x}P1` })).toEqual([{ premisesId: `${x}P1`, landlordEnterpriseId: `${x}L1`, tenantEnterpriseId: `${x}T2`, area: 'D1/G1', period: 1 }]);
      expect((await dir.groupRentalPoints('D1/G1')).filter((g) => g.premises.id.startsWith(x)).map((g) => g.tenantEnterpriseIds)).toEqual([[`${x}T2`]]);
      // History: the ended tenancy with its end; current ones without one.
      expect(await dir.tenancies({ landlordEnterpriseId: `${x}L1`, includeEnded: true })).toEqual([
        { premisesId: `${x}P1`, landlordEnterpriseId: `${x}L1`, tenantEnterpriseId: `${x}T1`, area: 'D1/G1', period: 1, endedAt },
        { premisesId: `${x}P1`, landlordEnterpriseId: `${x}L1`, tenantEnterpriseId: `${x}T2`, area: 'D1/G1', period: 1 },
        { premisesId: `${x}P2`, landlordEnterpriseId: `${x}L1`, tenantEnterpriseId: `${x}T3`, area: 'D1/G2', period: 1 },
      ]);
      expect((await dir.tenancies({ tenantEnterpriseId: `${x}T1`, includeEnded: true })).map((t) => [t.premisesId, t.endedAt ?? null])).toEqual([
        [`${x}P1`, endedAt],
        [`${x}P3`, null],
      ]);
    });

    it(RENTAL_DIRECTORY_CONFORMANCE_TESTS[7], async () => {
      const { x, dir } = await fresh();
      const end = { premisesId: `${x}P2`, tenantEnterpriseId: `${x}T3`, endedAt: '2026-12-06T04:00:00.000Z' };
      // The refusal's class name (an instanceof check would fail across bundles of core).
      const refusal = async (attempt: Promise<unknown>) =>
        attempt.then(
          () => 'accepted',
          (e: unknown) => (e as Error).name,
        );
      expect(await refusal(dir.endTenancy({ ...end, tenantEnterpriseId: `${x}T1` }))).toBe('RentalDirectoryError');
      expect(await refusal(dir.endTenancy({ ...end, premisesId: `${x}P9` }))).toBe('RentalDirectoryError');
      for (const endedAt of ['2026-12-06', '2026-12-06T04:00:00Z', 'tomorrow', '2026-02-30T00:00:00.000Z']) {
        expect(await refusal(dir.endTenancy({ ...end, endedAt }))).toBe('RentalDirectoryError');
      }
      expect((await dir.tenancies({ premisesId: `${x}P2` })).map((t) => t.tenantEnterpriseId)).toEqual([`${x}T3`]);
      await dir.endTenancy(end);
      expect(await refusal(dir.endTenancy({ ...end, endedAt: '2026-12-07T04:00:00.000Z' }))).toBe('RentalDirectoryError');
      expect((await dir.tenancies({ premisesId: `${x}P2`, includeEnded: true })).map((t) => t.endedAt)).toEqual([end.endedAt]);
    });

    it(RENTAL_DIRECTORY_CONFORMANCE_TESTS[8], async () => {
      const { x, dir } = await fresh();
      const base = { premisesId: `${x}P2`, landlordEnterpriseId: `${x}L1`, tenantEnterpriseId: `${x}T3`, area: 'D1/G2' };
      const end1 = '2026-03-01T00:00:00.000Z';
      const start2 = '2026-06-01T00:00:00.000Z';
      const end2 = '2026-09-01T00:00:00.000Z';
      expect(await dir.endTenancy({ premisesId: `${x}P2`, tenantEnterpriseId: `${x}T3`, endedAt: end1, endedBy: 'grid-1' })).toEqual({ ...base, period: 1, endedAt: end1, endedBy: 'grid-1' });
      expect(await dir.startTenancy({ premisesId: `${x}P2`, tenantEnterpriseId: `${x}T3`, startedAt: start2, startedBy: 'grid-2' })).toEqual({
        ...base,
        period: 2,
        startedAt: start2,
        startedBy: 'grid-2',
      });
      expect(await dir.tenancies({ premisesId: `${x}P2` })).toEqual([{ ...base, period: 2, startedAt: start2, startedBy: 'grid-2' }]);
      expect(await dir.endTenancy({ premisesId: `${x}P2`, tenantEnterpriseId: `${x}T3`, endedAt: end2 })).toEqual({ ...base, period: 2, startedAt: start2, startedBy: 'grid-2', endedAt: end2 });
      // A third period may start the instant the second ended.
      await dir.startTenancy({ premisesId: `${x}P2`, tenantEnterpriseId: `${x}T3`, startedAt: end2 });
      expect(await dir.tenancies({ landlordEnterpriseId: `${x}L1`, tenantEnterpriseId: `${x}T3`, includeEnded: true })).toEqual([
        { ...base, period: 1, endedAt: end1, endedBy: 'grid-1' },
        { ...base, period: 2, startedAt: start2, startedBy: 'grid-2', endedAt: end2 },
        { ...base, period: 3, startedAt: end2 },
      ]);
      expect((await dir.tenancies({ tenantEnterpriseId: `${x}T3` })).map((t) => t.period)).toEqual([3]);
      // A first tenancy of a tenant new to the premises, listed among the others in order; a group-rental point lists it.
      expect(await dir.startTenancy({ premisesId: `${x}P1`, tenantEnterpriseId: `${x}T3`, startedAt: start2 })).toEqual({
        premisesId: `${x}P1`,
        landlordEnterpriseId: `${x}L1`,
        tenantEnterpriseId: `${x}T3`,
        area: 'D1/G1',
        period: 1,
        startedAt: start2,
      });
      expect((await dir.tenancies({ premisesId: `${x}P1` })).map((t) => t.tenantEnterpriseId)).toEqual([`${x}T1`, `${x}T2`, `${x}T3`]);
      expect((await dir.groupRentalPoints('D1/G1')).filter((g) => g.premises.id.startsWith(x)).map((g) => g.tenantEnterpriseIds)).toEqual([[`${x}T1`, `${x}T2`, `${x}T3`]]);
    });

    it(RENTAL_DIRECTORY_CONFORMANCE_TESTS[9], async () => {
      const { x, dir } = await fresh();
      const refusal = async (attempt: Promise<unknown>) =>
        attempt.then(
          () => 'accepted',
          (e: unknown) => `${(e as Error).name}:${(e as { code?: string }).code}`,
        );
      const start = { premisesId: `${x}P2`, tenantEnterpriseId: `${x}T9`, startedAt: '2026-06-01T00:00:00.000Z' };
      expect(await refusal(dir.startTenancy({ ...start, premisesId: `${x}P9` }))).toBe('RentalDirectoryError:UNKNOWN');
      expect(await refusal(dir.startTenancy({ ...start, tenantEnterpriseId: `${x}L1` }))).toBe('RentalDirectoryError:INVALID');
      expect(await refusal(dir.startTenancy({ ...start, startedAt: '2026-06-01' }))).toBe('RentalDirectoryError:INVALID');
      // 1970 (a defaulted date) and the last instant before the floor; the floor itself is a start.
      expect(await refusal(dir.startTenancy({ ...start, startedAt: '1970-01-01T00:00:00.000Z' }))).toBe('RentalDirectoryError:INVALID');
      expect(await refusal(dir.startTenancy({ ...start, startedAt: '1999-12-31T23:59:59.999Z' }))).toBe('RentalDirectoryError:INVALID');
      expect(await refusal(dir.endTenancy({ premisesId: `${x}P2`, tenantEnterpriseId: `${x}T3`, endedAt: '1999-12-31T23:59:59.999Z' }))).toBe('RentalDirectoryError:INVALID');
      expect(await refusal(dir.startTenancy({ ...start, tenantEnterpriseId: '' }))).toBe('RentalDirectoryError:INVALID');
      // Rented already (a loaded tenancy), then overlapping the period that ended.
      expect(await refusal(dir.startTenancy({ ...start, tenantEnterpriseId: `${x}T3` }))).toBe('RentalDirectoryError:CONFLICT');
      await dir.endTenancy({ premisesId: `${x}P2`, tenantEnterpriseId: `${x}T3`, endedAt: '2026-07-01T00:00:00.000Z' });
      expect(await refusal(dir.startTenancy({ ...start, tenantEnterpriseId: `${x}T3` }))).toBe('RentalDirectoryError:CONFLICT');
      expect(await dir.tenancies({ premisesId: `${x}P2` })).toEqual([]);
      expect((await dir.tenancies({ premisesId: `${x}P2`, includeEnded: true })).map((t) => t.period)).toEqual([1]);
      expect(await dir.tenancies({ tenantEnterpriseId: `${x}T9`, includeEnded: true })).toEqual([]);
      // Ending twice, or ending the tenant's tenancy at a premises it never rented.
      expect(await refusal(dir.endTenancy({ premisesId: `${x}P2`, tenantEnterpriseId: `${x}T3`, endedAt: '2026-08-01T00:00:00.000Z' }))).toBe('RentalDirectoryError:CONFLICT');
      expect(await refusal(dir.endTenancy({ premisesId: `${x}P2`, tenantEnterpriseId: `${x}T9`, endedAt: '2026-08-01T00:00:00.000Z' }))).toBe('RentalDirectoryError:UNKNOWN');
    });

    it(RENTAL_DIRECTORY_CONFORMANCE_TESTS[10], async () => {
      const { x, dir } = await fresh();
      const startedAt = '2026-06-01T00:00:00.000Z';
      await dir.startTenancy({ premisesId: `${x}P3`, tenantEnterpriseId: `${x}T9`, startedAt });
      for (const endedAt of [startedAt, '2026-05-31T23:59:59.999Z']) {
        const error = await dir.endTenancy({ premisesId: `${x}P3`, tenantEnterpriseId: `${x}T9`, endedAt }).then(
          () => null,
          (e: unknown) => e as { name: string; code: string; field: string },
        );
        expect(error && [error.name, error.code, error.field]).toEqual(['RentalDirectoryError', 'INVALID', 'endedAt']);
      }
      expect(await dir.tenancies({ premisesId: `${x}P3`, tenantEnterpriseId: `${x}T9` })).toEqual([
        { premisesId: `${x}P3`, landlordEnterpriseId: `${x}L2`, tenantEnterpriseId: `${x}T9`, area: 'D2/G1', period: 1, startedAt },
      ]);
    });
  });
}
