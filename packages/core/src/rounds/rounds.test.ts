import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { drawSpotCheck } from '../chain/draw-spot-check.js';
import { createStaticDirectory } from '../chain/static-directory.js';
import type { InspectionRecord } from '../ports/inspection-log.js';
import type { PremisesRecord } from '../ports/rental-directory.js';
import { runRoundStoreConformance } from '../testing/round-store-conformance.js';
import { createMemoryRoundStore } from './memory-round-store.js';
import { checkRoundInput, drawRoundSample, openRound, readRound, redrawRoundSample, type RoundDeps, type RoundDrawInput } from './open-round.js';
import { roundCoverage } from './round-coverage.js';
import { roundCoverageForReport } from './report-coverage.js';
import { collectRoundWork, collectRoundWorkFor, roundWorkFor, roundWorkToWarn, type RoundWorker } from './round-work.js';
import type { ActorProfile } from '../ports/directory.js';
import { createMemoryInspectionLog } from '../chain/memory-inspection-log.js';
import { roundsFromLog, sealRoundEntry, verifyRoundLog } from './round-log.js';
import { RoundError, type RoundInput, type RoundLogEntry, type RoundUnit } from './types.js';

runRoundStoreConformance({ name: 'memory', describe, it, expect, create: createMemoryRoundStore });

const premises = (id: string, enterpriseId: string, extra: Partial<PremisesRecord> = {}): PremisesRecord => ({
  id,
  enterpriseId,
  address: `${id} 号`,
  area: 'D1/G1',
  kinds: ['restaurant'],
  nineSmall: false,
  labourIntensive: false,
  groupRental: false,
  ...extra,
});
// Twelve restaurants in D1 (E01–E10 in D1/G1, E11–E12 in D1/G2), one in D2; E01–E04 are 九小场所.
const UNITS: RoundUnit[] = [
  ...Array.from({ length: 12 }, (_, i) => {
    const id = `E${String(i + 1).padStart(2, '0')}`;
    return { enterprise: { id, name: id, area: i < 10 ? 'D1/G1' : 'D1/G2' }, premises: [premises(`P${id}`, id, { nineSmall: i < 4 })] };
  }),
  { enterprise: { id: 'E99', name: 'E99', area: 'D2/G1' }, premises: [premises('PE99', 'E99')] },
];

const clock = {
  at: new Date('2026-12-01T02:00:00Z'),
  now() {
    return this.at;
  },
};
function deps(): RoundDeps {
  return {
    rounds: createMemoryRoundStore(),
    directory: createStaticDirectory(
      [
        { id: 'admin', roles: ['department_admin'] },
        { id: 'officer-gas-d1', roles: ['enforcement'], departments: [{ id: 'g', domains: ['gas'], areas: ['D1'] }] },
        { id: 'grid-g1', roles: ['grid'], gridAreas: ['D1/G1'] },
      ],
      UNITS.map((u) => u.enterprise),
    ),
    clock,
    packDomain: (id) => ({ gas: 'gas', fire: 'fire' })[id] ?? null,
    seedKey: new Uint8Array(32).fill(7),
  };
}
const ROUND: RoundInput = {
  id: 'gas-2026-12',
  kind: 'patrol_coverage',
  title: { 'zh-CN': '十二月燃气全覆盖巡查' },
  packId: 'gas',
  scope: { area: 'D1' },
  startsOn: '2026-12-01',
  endsOn: '2026-12-15',
};

const record = (id: string, enterpriseId: string, recordedAt: string, extra: Partial<InspectionRecord> = {}): InspectionRecord => ({
  id,
  enterpriseId,
  area: 'D1/G1',
  domain: 'gas',
  pack: { id: 'gas', version: '1.0.0' },
  source: 'grid_patrol',
  actorId: 'grid-g1',
  inspectedAt: null,
  recordedAt,
  inspection: { pack: 'gas', findings: {} },
  hazards: [],
  ...extra,
});

describe('rounds: scope and coverage', () => {
  it('coverage counts the round’s pack and source inside its days (by recordedAt, UTC+8); the rest is due, then overdue', async () => {
    const d = deps();
    const round = await openRound(d, ROUND, 'officer-gas-d1');
    expect(round.scope).toEqual({ domain: 'gas', area: 'D1' });
    const records = [
      record('in-1', 'E01', '2026-12-02T03:00:00.000Z'),
      record('in-2', 'E02', '2026-11-30T16:30:00.000Z'), // 2026-12-01 00:30 in China: inside
      record('in-3', 'E03', '2026-11-30T15:30:00.000Z'), // 2026-11-30 23:30 in China: before the round
      record('in-4', 'E04', '2026-12-03T03:00:00.000Z', { source: 'self_check' }), // a self-check does not cover a patrol round
      record('in-5', 'E05', '2026-12-03T03:00:00.000Z', { pack: { id: 'fire', version: '1' } }), // another pack
      record('in-6', 'E99', '2026-12-03T03:00:00.000Z'), // out of scope (D2)
      record('in-7', 'E01', '2026-12-01T03:00:00.000Z'), // E01's earliest covering inspection
    ];
    const during = roundCoverage(round, UNITS, records, new Date('2026-12-10T00:00:00Z'));
    expect([during.total, during.done, during.due, during.overdue]).toEqual([12, 2, 10, 0]);
    expect(during.entries[0]).toEqual({ enterpriseId: 'E01', status: 'done', inspectionId: 'in-7', inspectedOn: '2026-12-01' });
    expect(during.entries.map((e) => e.enterpriseId)).not.toContain('E99');
    const after = roundCoverage(round, UNITS, records, new Date('2026-12-15T16:00:00Z')); // 12-16 in China
    expect([after.done, after.due, after.overdue, after.rate]).toEqual([2, 0, 10, 2 / 12]);
    // Premises flags narrow the population: only 九小场所 (E01–E04).
    const nine = { ...round, scope: { ...round.scope, nineSmall: true } };
    expect(roundCoverage(nine, UNITS, records, new Date('2026-12-10T00:00:00Z')).entries.map((e) => `${e.enterpriseId}:${e.status}`)).toEqual(['E01:done', 'E02:done', 'E03:due', 'E04:due']);
  });

  it('feeds the periodic reports: rounds overlapping the period, coverage at its end, narrowed by area and by domain', async () => {
    const d = deps();
    await openRound(d, ROUND, 'admin');
    const inspections = createMemoryInspectionLog();
    await inspections.recordInspection(record('in-1', 'E01', '2026-12-02T03:00:00.000Z'));
    await inspections.recordInspection(record('in-2', 'E11', '2026-12-20T03:00:00.000Z')); // after the round's days
    const december = { from: '2026-11-30T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' };
    const now = new Date('2027-01-05T00:00:00Z');
    expect(await roundCoverageForReport({ rounds: d.rounds, inspections, units: UNITS }, december, null, null, now)).toEqual([{ roundId: ROUND.id, title: ROUND.title, due: 0, done: 1, overdue: 11 }]);
    expect(await roundCoverageForReport({ rounds: d.rounds, inspections, units: UNITS }, december, 'D1/G2', null, now)).toEqual([
      { roundId: ROUND.id, title: ROUND.title, due: 0, done: 0, overdue: 2 },
    ]);
    expect(await roundCoverageForReport({ rounds: d.rounds, inspections, units: UNITS }, { from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' }, null, null, now)).toEqual([]);
    // A department's report (narrowed to a domain) lists the rounds of that domain only: a round's domain is its pack's.
    await openRound(d, { ...ROUND, id: 'fire-2026-12', title: { 'zh-CN': '十二月消防巡查' }, packId: 'fire' }, 'admin');
    const ids = async (domain: string | null) => (await roundCoverageForReport({ rounds: d.rounds, inspections, units: UNITS }, december, null, domain, now)).map((l) => l.roundId);
    expect(await ids(null)).toEqual(['fire-2026-12', ROUND.id]);
    expect(await ids('gas')).toEqual([ROUND.id]);
    expect(await ids('fire')).toEqual(['fire-2026-12']);
    expect(await ids('confined_space')).toEqual([]);
  });

  it('drives work lists: due and overdue members, by who does the round’s inspections; gone before the start and a month after the end', async () => {
    const d = deps();
    await openRound(d, ROUND, 'admin'); // patrol coverage of D1, 12-01 … 12-15
    await openRound(d, { ...ROUND, id: 'self-2026-12', kind: 'self_inspection', title: { 'zh-CN': '十二月燃气自查' }, scope: { area: 'D1/G2' }, endsOn: '2026-12-31' }, 'admin');
    await openRound(d, { ...ROUND, id: 'later', startsOn: '2027-01-01', endsOn: '2027-01-31' }, 'admin');
    const inspections = createMemoryInspectionLog();
    await inspections.recordInspection(record('in-1', 'E01', '2026-12-02T03:00:00.000Z'));
    await inspections.recordInspection(record('in-2', 'E12', '2026-12-02T03:00:00.000Z', { area: 'D1/G2', source: 'self_check', actorId: 'owner-e12' }));
    const source = { rounds: d.rounds, inspections, units: UNITS };

    const during = await collectRoundWork(source, new Date('2026-12-14T02:00:00Z'));
    // 11 of the patrol (E01 done), 1 of the self-inspection (E12 done); the later round has not started.
    expect(during.filter((w) => w.roundId === ROUND.id).map((w) => w.enterpriseId)).toEqual(UNITS.slice(1, 12).map((u) => u.enterprise.id));
    expect(during.filter((w) => w.roundId === 'self-2026-12')).toMatchObject([{ enterpriseId: 'E11', status: 'due', daysLeft: 17, kind: 'self_inspection' }]);
    expect(during.find((w) => w.enterpriseId === 'E02')).toMatchObject({
      status: 'due',
      daysLeft: 1,
      daysOverdue: 0,
      endsAt: '2026-12-15T16:00:00.000Z',
      enterpriseName: 'E02',
      area: 'D1/G1',
      domain: 'gas',
    });
    // Who does it: the grid inspector its areas' patrols; the officer campaigns only; an enterprise its own self-inspection.
    const grid = { id: 'grid-g1', roles: ['grid'] as const, gridAreas: ['D1/G1'] };
    expect(roundWorkFor(grid, during).map((w) => w.enterpriseId)).toEqual(UNITS.slice(1, 10).map((u) => u.enterprise.id));
    expect(roundWorkFor({ id: 'o', roles: ['enforcement'], departments: [{ id: 'g', domains: ['gas'], areas: ['D1'] }] }, during)).toEqual([]);
    expect(roundWorkFor({ id: 'owner-e11', roles: ['enterprise'], enterpriseIds: ['E11'] }, during).map((w) => w.roundId)).toEqual(['self-2026-12']);
    expect(roundWorkFor({ id: 'both', roles: ['grid', 'enterprise'], gridAreas: ['D1/G2'], enterpriseIds: ['E11'] }, during, 'enterprise').map((w) => w.roundId)).toEqual(['self-2026-12']);
    // A warning names what is overdue or ends within the horizon: the patrol ends tomorrow, the self-inspection in 17 days.
    expect(new Set(roundWorkToWarn(during, new Date('2026-12-14T02:00:00Z'), 3).map((w) => w.roundId))).toEqual(new Set([ROUND.id]));

    const after = await collectRoundWork(source, new Date('2026-12-20T02:00:00Z'));
    expect(after[0]).toMatchObject({ roundId: ROUND.id, status: 'overdue', daysOverdue: 5, daysLeft: 0 }); // overdue first
    expect(after.filter((w) => w.status === 'overdue')).toHaveLength(11);
    expect((await collectRoundWork(source, new Date('2027-01-14T02:00:00Z'))).map((w) => w.roundId)).toEqual([...Array(11).fill(ROUND.id), 'self-2026-12', ...Array(12).fill('later')]);
    // 31 days after its last day a round no longer fills work lists (its report still counts the missed).
    expect((await collectRoundWork(source, new Date('2027-01-15T02:00:00Z'))).some((w) => w.roundId === ROUND.id)).toBe(false);
    expect((await collectRoundWork(source, new Date('2027-01-15T02:00:00Z'), { overdueForDays: 60 })).some((w) => w.roundId === ROUND.id)).toBe(true);
  });

  it('one actor’s work (collectRoundWorkFor) is roundWorkFor over every round’s work, reading the inspections of the units it works only', async () => {
    const d = deps();
    await openRound(d, ROUND, 'admin'); // patrol coverage of D1
    await openRound(d, { ...ROUND, id: 'self-2026-12', kind: 'self_inspection', title: { 'zh-CN': '十二月燃气自查' }, scope: { area: 'D1/G2' }, endsOn: '2026-12-31' }, 'admin');
    await openRound(d, { ...ROUND, id: 'campaign', kind: 'special_campaign', title: { 'zh-CN': '燃气专项' }, scope: {} }, 'admin');
    const log = createMemoryInspectionLog();
    await log.recordInspection(record('in-1', 'E01', '2026-12-02T03:00:00.000Z'));
    await log.recordInspection(record('in-2', 'E12', '2026-12-02T03:00:00.000Z', { area: 'D1/G2', source: 'self_check', actorId: 'owner-e12' }));
    let reads = 0;
    // Enterprises read: one per list, and each enterprise asked of the single read.
    const inspections = {
      ...log,
      listInspections: (q: Parameters<typeof log.listInspections>[0]) => (reads++, log.listInspections(q)),
      firstInspections: (q: Parameters<NonNullable<typeof log.firstInspections>>[0]) => ((reads += q.enterpriseIds.length), log.firstInspections!(q)),
    };
    const source = { rounds: d.rounds, inspections, units: UNITS };
    const actors: Array<[ActorProfile, RoundWorker | undefined]> = [
      [{ id: 'grid-g1', roles: ['grid'], gridAreas: ['D1/G1'] }, 'grid'],
      [{ id: 'grid-g2', roles: ['grid'], gridAreas: ['D1/G2'] }, undefined],
      [{ id: 'o', roles: ['enforcement'], departments: [{ id: 'g', domains: ['gas'], areas: ['D1'] }] }, 'enforcement'],
      [{ id: 'o2', roles: ['enforcement'], departments: [{ id: 'f', domains: ['fire'], areas: ['D1'] }] }, 'enforcement'],
      [{ id: 'owner-e11', roles: ['enterprise'], enterpriseIds: ['E11'] }, 'enterprise'],
      [{ id: 'both', roles: ['grid', 'enterprise'], gridAreas: ['D1/G2'], enterpriseIds: ['E11'] }, 'enterprise'],
      [{ id: 'both', roles: ['grid', 'enterprise'], gridAreas: ['D1/G2'], enterpriseIds: ['E11'] }, undefined],
    ];
    for (const at of ['2026-12-14T02:00:00Z', '2026-12-20T02:00:00Z', '2027-01-14T02:00:00Z']) {
      reads = 0;
      const all = await collectRoundWork(source, new Date(at));
      const everything = reads;
      for (const [actor, role] of actors) {
        reads = 0;
        const mine = await collectRoundWorkFor(actor, source, new Date(at), role);
        expect(mine, `${actor.id} ${role} ${at}`).toEqual(roundWorkFor(actor, all, role));
        expect(reads).toBeLessThan(everything);
      }
    }
    reads = 0;
    await collectRoundWorkFor({ id: 'owner-e11', roles: ['enterprise'], enterpriseIds: ['E11'] }, source, new Date('2026-12-14T02:00:00Z'), 'enterprise');
    expect(reads).toBe(1); // E11's self-inspection only
  });

  it('refuses bad rounds with a located message in both languages, and actors outside the domain or area', async () => {
    const d = deps();
    const error = (input: Partial<RoundInput>) => {
      try {
        checkRoundInput({ ...ROUND, ...input } as RoundInput, d.packDomain);
        return null;
      } catch (e) {
        return e instanceof RoundError ? `${e.code} ${e.pointer}` : String(e);
      }
    };
    expect(error({})).toBeNull();
    expect(error({ packId: 'nope' })).toBe('UNKNOWN_PACK /packId');
    expect(error({ endsOn: '2026-11-30' })).toBe('DATE_ORDER /endsOn');
    expect(error({ startsOn: '2026-02-30' })).toBe('DATE /startsOn');
    // Dates bound the coverage's reading: from 2000-01-01, at most 1,096 days (a three-year campaign fits).
    expect(error({ startsOn: '1000-01-01', endsOn: '9999-12-31' })).toBe('DATE_RANGE /startsOn');
    expect(error({ startsOn: '1999-12-31', endsOn: '2000-01-31' })).toBe('DATE_RANGE /startsOn');
    expect(error({ startsOn: '2000-01-01', endsOn: '2000-01-31' })).toBeNull();
    expect(error({ startsOn: '2020-01-01', endsOn: '2022-12-31' })).toBeNull();
    expect(error({ startsOn: '2024-01-01', endsOn: '2026-12-31' })).toBeNull();
    expect(error({ startsOn: '2024-01-01', endsOn: '2027-01-01' })).toBe('DATE_RANGE /endsOn');
    expect(error({ startsOn: '2026-12-01', endsOn: '9999-12-31' })).toBe('DATE_RANGE /endsOn');
    const long = (() => {
      try {
        checkRoundInput({ ...ROUND, startsOn: '2026-12-01', endsOn: '9999-12-31' }, d.packDomain);
      } catch (e) {
        return (e as RoundError).localized;
      }
    })();
    expect(long).toEqual({ 'zh-CN': expect.stringContaining('1096 天'), en: expect.stringContaining('1096-day') });
    expect(error({ scope: { area: 'D1 G1' } })).toBe('PATTERN /scope/area');
    expect(error({ scope: { domain: 'fire' } as never })).toBe('UNKNOWN_FIELD /scope/domain');
    // What the server derives is refused, not silently dropped: a commitment, who opened it and when (POST /rounds answered 201 before).
    expect(error({ seeds: { commitment: 'a'.repeat(64) } } as never)).toBe('UNKNOWN_FIELD /seeds');
    expect(error({ openedBy: 'admin' } as never)).toBe('UNKNOWN_FIELD /openedBy');
    expect(error({ openedAt: '2020-01-01T00:00:00Z' } as never)).toBe('UNKNOWN_FIELD /openedAt');
    await expect(openRound(d, { ...ROUND, packId: 'fire' }, 'officer-gas-d1')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(openRound(d, { ...ROUND, scope: {} }, 'officer-gas-d1')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(openRound(d, ROUND, 'grid-g1')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await openRound(d, ROUND, 'admin');
    await expect(openRound(d, ROUND, 'admin')).rejects.toMatchObject({ code: 'ROUND_EXISTS' });
    expect(await d.rounds.readRoundLog(1, 10)).toHaveLength(1);
  });
});

describe('rounds: the 双随机 draw in the round log', () => {
  const hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
  // Re-drawn by hand as docs/security.md T33 tells a reader to: SHA-256 of `seed\nid` per enterprise, lowest first.
  const byHand = (seed: string, ids: string[], count: number) =>
    ids
      .map((id) => [hex(`${seed}\n${id}`), id] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .slice(0, count)
      .map(([, id]) => id);
  const D1 = UNITS.filter((u) => u.enterprise.area.startsWith('D1')).map((u) => u.enterprise.id);

  it('the seed is committed when the round opens and revealed by the draw: it verifies, and the list is re-drawn by hand', async () => {
    const d = deps();
    const round = await openRound(d, ROUND, 'admin');
    expect(round.seeds).toMatchObject({ method: 'hmac-sha256-commit-v1', nonce: expect.stringMatching(/^[0-9a-f]{64}$/), commitment: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // Another opening with the same key and id commits to another seed (a fresh CSPRNG nonce).
    expect((await openRound({ ...deps(), seedKey: d.seedKey! }, ROUND, 'admin')).seeds!.commitment).not.toBe(round.seeds!.commitment);

    const { entry: first, replayed } = await drawRoundSample(d, { roundId: ROUND.id, count: 3, key: 'draw-1', units: UNITS }, 'officer-gas-d1');
    expect(replayed).toBe(false);
    expect(first.data).toMatchObject({ drawNo: 1, commitment: round.seeds!.commitment, population: 12 });
    expect(hex(first.data.seed)).toBe(round.seeds!.commitment);
    expect(first.data.selected).toEqual(byHand(first.data.seed, D1, 3));
    // The register in another order: the same list; a changed register is told apart by the population digest.
    expect(redrawRoundSample(round, first.data, [...UNITS].reverse()).same).toBe(true);
    expect(redrawRoundSample(round, first.data, UNITS.slice(1)).same).toBe(false);

    const log1 = await d.rounds.readRoundLog(1, 100);
    expect(log1.map((e) => e.type)).toEqual(['round_opened', 'sample_drawn']);
    expect(log1[1]).toEqual(first);
    expect(verifyRoundLog(log1).ok).toBe(true);
    expect(roundsFromLog(log1)[0]!.draws[0]).toMatchObject({ seedChanged: false, seedCheck: 'verified' });

    // Drawing again needs a reason; it reveals the seed committed by the first draw, appends, and is marked.
    clock.at = new Date('2026-12-02T02:00:00Z');
    await expect(drawRoundSample(d, { roundId: ROUND.id, count: 3, key: 'draw-2', units: UNITS }, 'admin')).rejects.toMatchObject({ code: 'REASON_REQUIRED', pointer: '/reason' });
    const { entry: second } = await drawRoundSample(d, { roundId: ROUND.id, count: 3, key: 'draw-2', reason: '抽中企业已停业', units: UNITS }, 'admin');
    expect(second.data).toMatchObject({ drawNo: 2, commitment: first.data.nextCommitment, reason: '抽中企业已停业' });
    expect(hex(second.data.seed)).toBe(first.data.nextCommitment);
    expect(second.data.selected).toEqual(byHand(second.data.seed, D1, 3));
    const draws = (await readRound(d.rounds, ROUND.id))!.draws;
    expect(draws.map((x) => [x.draw.seed, x.seedChanged, x.earlierSeeds, x.seedCheck])).toEqual([
      [first.data.seed, false, [], 'verified'],
      [second.data.seed, true, [first.data.seed], 'verified'],
    ]);

    // Rewriting the first draw's seed in storage is found by the chain; re-sealed, by the commitment.
    const log2 = await d.rounds.readRoundLog(1, 100);
    const tampered = log2.map((e) => (e.seq === 2 ? { ...e, data: { ...e.data, seed: 'chosen' } } : e));
    expect(verifyRoundLog(tampered)).toMatchObject({ ok: false, seq: 2 });
    expect(verifyRoundLog(log2.filter((e) => e.seq !== 2))).toMatchObject({ ok: false });
    const resealed = tampered.reduce<RoundLogEntry[]>((out, e) => [...out, sealRoundEntry(out[out.length - 1] ?? null, e)], []);
    expect(verifyRoundLog(resealed).ok).toBe(true);
    expect(roundsFromLog(resealed)[0]!.draws[0]!.seedCheck).toBe('mismatch');
  });

  it('the drawer cannot choose: a request with a seed is refused in both languages, and nothing is recorded', async () => {
    const d = deps();
    await openRound(d, ROUND, 'admin');
    const refused = await drawRoundSample(d, { roundId: ROUND.id, seed: '福彩3D 2026335 417', count: 3, key: 'k', units: UNITS } as RoundDrawInput, 'officer-gas-d1').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RoundError);
    expect(refused).toMatchObject({ code: 'SEED_NOT_ACCEPTED', pointer: '/seed' });
    expect((refused as RoundError).localized['zh-CN']).toContain('承诺');
    expect((refused as RoundError).localized.en).toContain('commitment');
    expect(await d.rounds.readRoundLog(1, 10)).toHaveLength(1);
  });

  it('count is a positive integer no larger than the population (1e9 is refused, located, in both languages), and nothing is recorded', async () => {
    const d = deps();
    await openRound(d, ROUND, 'admin');
    const draw = (count: number) => drawRoundSample(d, { roundId: ROUND.id, count, key: `k-${count}`, units: UNITS }, 'officer-gas-d1').catch((e: unknown) => e as RoundError);
    for (const [count, code] of [
      [1e9, 'COUNT_ABOVE_POPULATION'],
      [13, 'COUNT_ABOVE_POPULATION'],
      [0, 'INVALID_DRAW'],
      [-1, 'INVALID_DRAW'],
      [2.5, 'INVALID_DRAW'],
    ] as const) {
      const refused = await draw(count);
      expect(refused).toBeInstanceOf(RoundError);
      expect(refused).toMatchObject({ code, pointer: '/count' });
      expect((refused as RoundError).localized['zh-CN']).toMatch(/抽取数量/);
      expect((refused as RoundError).localized.en).toMatch(/count/);
    }
    expect((await d.rounds.readRoundLog(1, 10)).map((e) => e.type)).toEqual(['round_opened']);
    // The whole population (D1 holds 12) is a count the law allows: drawn and recorded.
    const all = (await draw(12)) as Awaited<ReturnType<typeof drawRoundSample>>;
    expect([all.entry.data.count, all.entry.data.selected.length, all.entry.data.population]).toEqual([12, 12, 12]);
  });

  it('one Idempotency-Key records one draw: a retry replays it, six at once record it once, another count with the key is refused', async () => {
    const d = deps();
    await openRound(d, ROUND, 'admin');
    const input = { roundId: ROUND.id, count: 3, key: 'draw-once', reason: '首次抽取', units: UNITS };
    const results = await Promise.all(Array.from({ length: 6 }, () => drawRoundSample(d, input, 'officer-gas-d1')));
    expect(new Set(results.map((r) => r.entry.hash)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect((await d.rounds.readRoundLog(1, 100)).filter((e) => e.type === 'sample_drawn')).toHaveLength(1);
    const retry = await drawRoundSample(d, input, 'officer-gas-d1');
    expect(retry).toEqual({ entry: results[0]!.entry, replayed: true });
    await expect(drawRoundSample(d, { ...input, count: 4 }, 'officer-gas-d1')).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    // The key is the drawer's: another officer's request with it is its own (a re-draw, with its reason).
    const other = await drawRoundSample(d, { ...input, reason: '复核' }, 'admin');
    expect([other.replayed, other.entry.data.drawNo]).toEqual([false, 2]);
  });

  it('re-draws are capped: at most two after the first, each with its reason on the record; a fourth draw is refused, says what to do and records nothing', async () => {
    const d = deps();
    await openRound(d, ROUND, 'admin');
    const draw = (key: string, reason?: string, actor = 'officer-gas-d1') => drawRoundSample(d, { roundId: ROUND.id, count: 3, key, units: UNITS, ...(reason === undefined ? {} : { reason }) }, actor);
    await draw('d-1');
    await draw('d-2', '抽中企业已停业');
    await draw('d-3', '抽中企业已搬迁', 'admin');
    const refused = await draw('d-4', '再抽一次').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RoundError);
    expect(refused).toMatchObject({ code: 'REDRAW_LIMIT', pointer: '/roundId' });
    expect((refused as RoundError).localized['zh-CN']).toContain('新的轮次');
    expect((refused as RoundError).localized.en).toContain('new round');
    // Another person cannot lift the cap either; nothing was appended.
    await expect(draw('d-5', '复核', 'admin')).rejects.toMatchObject({ code: 'REDRAW_LIMIT' });
    const log = await d.rounds.readRoundLog(1, 100);
    expect(log.map((e) => e.type)).toEqual(['round_opened', 'sample_drawn', 'sample_drawn', 'sample_drawn']);
    expect(verifyRoundLog(log).ok).toBe(true);
    // The trail: every draw, who drew it, why, in order.
    const draws = (await readRound(d.rounds, ROUND.id))!.draws;
    expect(draws.map((x) => [x.draw.drawNo, x.actorId, x.draw.reason ?? null, x.seedCheck])).toEqual([
      [1, 'officer-gas-d1', null, 'verified'],
      [2, 'officer-gas-d1', '抽中企业已停业', 'verified'],
      [3, 'admin', '抽中企业已搬迁', 'verified'],
    ]);
  });

  it('fails closed without a commitment: a round opened before commitments (typed seeds) is read, never drawn again', async () => {
    const d = deps();
    // A log written before T33: the round without `seeds`, a draw with a typed seed.
    const { seeds: _none, ...legacyRound } = await openRound({ ...d, seedKey: undefined }, ROUND, 'admin');
    expect(_none).toBeUndefined();
    const opened = (await d.rounds.readRoundLog(1, 1))[0]!;
    const typed = drawSpotCheck({ seed: '福彩3D 2026335 417', count: 3, scope: {}, enterprises: UNITS.map((u) => u.enterprise).filter((e) => D1.includes(e.id)) });
    await d.rounds.appendRoundEntry(
      sealRoundEntry(opened, { type: 'sample_drawn', roundId: ROUND.id, actorId: 'admin', recordedAt: '2026-12-01T03:00:00.000Z', data: { ...typed, roundId: ROUND.id } }),
    );
    const state = (await readRound(d.rounds, ROUND.id))!;
    expect(state.round).toEqual(legacyRound);
    expect(state.draws.map((x) => [x.draw.seed, x.seedCheck])).toEqual([['福彩3D 2026335 417', 'typed']]);
    expect(redrawRoundSample(state.round, state.draws[0]!.draw, UNITS).same).toBe(true);
    const refused = await drawRoundSample(d, { roundId: ROUND.id, count: 3, key: 'k', reason: '再抽', units: UNITS }, 'admin').catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'NO_SEED_COMMITMENT', pointer: '/roundId' });
    expect((refused as RoundError).localized['zh-CN']).toContain('请开启新的轮次');

    // A committed round on a server without its key, or with another key, cannot draw either.
    const e = deps();
    await openRound(e, ROUND, 'admin');
    await expect(drawRoundSample({ ...e, seedKey: undefined }, { roundId: ROUND.id, count: 3, key: 'k', units: UNITS }, 'admin')).rejects.toMatchObject({ code: 'NO_SEED_KEY' });
    await expect(drawRoundSample({ ...e, seedKey: new Uint8Array(32).fill(9) }, { roundId: ROUND.id, count: 3, key: 'k', units: UNITS }, 'admin')).rejects.toMatchObject({ code: 'SEED_KEY_CHANGED' });
    await expect(openRound({ ...deps(), seedKey: new Uint8Array(16) }, ROUND, 'admin')).rejects.toMatchObject({ code: 'SEED_KEY_INVALID' });
    expect(await e.rounds.readRoundLog(1, 10)).toHaveLength(1);
  });

  it('refuses a draw for an unknown round, a bad count, key or reason, an unknown field, and an actor who may not draw; nothing is recorded', async () => {
    const d = deps();
    await openRound(d, ROUND, 'admin');
    const draw = (extra: Partial<RoundDrawInput>, actor = 'admin') => drawRoundSample(d, { roundId: ROUND.id, count: 1, key: 'k', units: UNITS, ...extra }, actor);
    await expect(draw({ roundId: 'nope' })).rejects.toMatchObject({ code: 'UNKNOWN_ROUND' });
    await expect(draw({ count: -1 })).rejects.toMatchObject({ code: 'INVALID_DRAW', pointer: '/count' });
    await expect(draw({ key: 'a b' })).rejects.toMatchObject({ code: 'INVALID_DRAW', pointer: '/key' });
    await expect(draw({ reason: '原因\u202e' })).rejects.toMatchObject({ code: 'INVALID_DRAW', pointer: '/reason' });
    await expect(draw({ seedHint: 'x' } as Partial<RoundDrawInput>)).rejects.toMatchObject({ code: 'UNKNOWN_FIELD', pointer: '/seedHint' });
    await expect(draw({}, 'grid-g1')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await d.rounds.readRoundLog(1, 10)).toHaveLength(1);
  });
});
