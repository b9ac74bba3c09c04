import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compilePack, type PackEvaluator } from '../classify/compile-pack.js';
import type { Inspection } from '../classify/types.js';
import { loadPackFromPath } from '../node/load-pack-from-path.js';
import type { Pack } from '../pack/types.js';
import { createHarness } from '../chain/chain-harness.test-util.js';
import { createMemoryInspectionLog } from '../chain/memory-inspection-log.js';
import { createMemoryRentalDirectory } from '../chain/memory-rental-directory.js';
import { reportInspection } from '../chain/report-inspection.js';
import { createMemoryRoundStore } from '../rounds/memory-round-store.js';
import { openRound } from '../rounds/open-round.js';
import { buildEnterpriseFile } from './build-enterprise-file.js';
import { buildLandlordView } from './landlord-view.js';
import { findRecurrences } from './find-recurrences.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
let gasPack: Pack;
let gas: PackEvaluator;
let inspection: Inspection;

beforeAll(async () => {
  const loaded = await loadPackFromPath(join(root, 'checklists/gas'));
  if (!loaded.ok) throw new Error('checklists/gas does not load');
  gasPack = loaded.pack;
  gas = compilePack(loaded.pack);
  // Without its time (2026-11-18, after these tests' clocks): the server's clock stands in, a future one is refused.
  const { inspectedAt: _at, ...untimed } = parse(readFileSync(join(root, 'examples/inspections/gas-basement-hotpot-lpg.yaml'), 'utf8')) as Inspection;
  inspection = untimed;
});

const flags = { nineSmall: true, labourIntensive: false, groupRental: false };

describe('buildEnterpriseFile (一企一档)', () => {
  it('gathers profile, premises, applicable packs, inspections, hazards, rounds covered and missed, and recurrences', async () => {
    const h = createHarness('2026-11-02T01:00:00Z', { stage: false });
    h.deps.packs = new Map([[gas.pack.id, gas]]);
    const rental = createMemoryRentalDirectory({
      premises: [
        { id: 'PA', enterpriseId: 'E2', address: '工业路 1 号', area: 'D1/G1', kinds: ['restaurant'], ...flags },
        { id: 'PW', enterpriseId: 'E1', address: '工业路 9 号', area: 'D1/G1', kinds: ['warehouse'], ...flags },
      ],
      tenancies: [{ premisesId: 'PA', tenantEnterpriseId: 'E1' }],
    });
    const inspections = createMemoryInspectionLog();
    const rounds = createMemoryRoundStore();
    const deps = { ...h.deps, rental, inspections };
    const roundDeps = { rounds, directory: h.directory, clock: h.clock, packDomain: (id: string) => (id === 'gas' ? 'gas' : null) };
    await openRound(
      roundDeps,
      { id: 'R-OCT', kind: 'patrol_coverage', title: { 'zh-CN': '十月巡查' }, packId: 'gas', scope: { area: 'D1' }, startsOn: '2026-10-01', endsOn: '2026-10-31' },
      'admin-gas',
    );
    await openRound(
      roundDeps,
      { id: 'R-NOV', kind: 'patrol_coverage', title: { 'zh-CN': '十一月巡查' }, packId: 'gas', scope: { area: 'D1' }, startsOn: '2026-11-01', endsOn: '2026-11-30' },
      'admin-gas',
    );
    await openRound(roundDeps, { id: 'R-D2', kind: 'patrol_coverage', title: { 'zh-CN': '二区' }, packId: 'gas', scope: { area: 'D2' }, startsOn: '2026-11-01', endsOn: '2026-11-30' }, 'admin-gas');

    const first = await reportInspection(deps, { inspection, packId: 'gas', enterpriseId: 'E1', premisesId: 'PA', key: 'v1' }, 'grid-g1');
    h.clock.set('2026-11-20T01:00:00Z');
    const second = await reportInspection(deps, { inspection, packId: 'gas', enterpriseId: 'E1', premisesId: 'PA', key: 'v2' }, 'grid-g1');
    if (!first.ok || !second.ok) throw new Error('refused');

    const file = await buildEnterpriseFile({ ...deps, rounds, packDefinitions: [gasPack] }, 'E1', { asOf: new Date('2026-11-21T00:00:00Z'), recurrenceDays: 30 });
    if (!file) throw new Error('no file');
    expect(file.profile).toEqual({ id: 'E1', name: '测试餐馆一', area: 'D1/G1' });
    expect(file.premises.held.map((p) => p.id)).toEqual(['PW']);
    expect(file.premises.rented.map((r) => [r.premises.id, r.landlordEnterpriseId])).toEqual([['PA', 'E2']]);
    expect(file.packs.map((p) => [p.id, p.premisesKinds])).toEqual([['gas', ['restaurant']]]);
    expect(file.inspections.map((r) => r.id)).toEqual([second.inspectionId, first.inspectionId]);
    expect(file.hazards.open).toHaveLength(first.reports.length + second.reports.length);
    expect(file.hazards.closed).toHaveLength(0);
    expect(file.hazards.open.every((x) => x.summary.premisesId === 'PA' && Array.isArray(x.documents))).toBe(true);
    expect(file.rounds.covered.map((r) => r.roundId)).toEqual(['R-NOV']);
    expect(file.rounds.missed.map((r) => r.roundId)).toEqual(['R-OCT']);
    expect(file.rounds.due).toEqual([]);
    // Every item failed again 18 days later: one recurrence per hazard of the second visit.
    expect(file.recurrences).toHaveLength(second.reports.length);
    expect(new Set(file.recurrences.map((r) => r.hazardId))).toEqual(new Set(second.reports.map((r) => r.hazardId)));
    expect(file.recurrences[0]).toMatchObject({ days: 18, windowDays: 30 });
    expect(file.recurrences[0]!.explanation['zh-CN']).toContain('18 天内再次不合格');
    // A shorter window: no recurrence.
    const strict = await buildEnterpriseFile({ ...deps, rounds, packDefinitions: [gasPack] }, 'E1', { asOf: new Date('2026-11-21T00:00:00Z'), recurrenceDays: 10 });
    expect(strict?.recurrences).toEqual([]);
    // The landlord's file lists its tenant; an unknown enterprise has none.
    expect((await buildEnterpriseFile(deps, 'E2', { asOf: new Date() }))?.premises.tenants.map((t) => t.tenantEnterpriseId)).toEqual(['E1']);
    expect(await buildEnterpriseFile(deps, 'E404', { asOf: new Date() })).toBeNull();
    // The landlord view: E2's rental point PA with its tenant E1's hazards there rolled up.
    const view = await buildLandlordView({ rental, store: h.store }, 'E2', { asOf: new Date('2026-11-21T00:00:00Z'), visible: () => true });
    expect(view.premises.map((l) => [l.premises.id, l.tenants.map((t) => [t.tenantEnterpriseId, t.open])])).toEqual([['PA', [['E1', first.reports.length + second.reports.length]]]]);
    expect(view.totals).toMatchObject({ premises: 1, tenants: 1, open: first.reports.length + second.reports.length });
    const none = await buildLandlordView({ rental, store: h.store }, 'E2', { asOf: new Date(), visible: () => false });
    expect(none.totals.open).toBe(0);
    // E1's tenancy is recorded as ended on 11-10 and started again on 11-15: the view counts the first visit's hazards
    // in the past period and the second visit's in the current one; both files list the past period.
    await rental.endTenancy({ premisesId: 'PA', tenantEnterpriseId: 'E1', endedAt: '2026-11-10T00:00:00.000Z' });
    await rental.startTenancy({ premisesId: 'PA', tenantEnterpriseId: 'E1', startedAt: '2026-11-15T00:00:00.000Z', startedBy: 'grid-g1' });
    const again = await buildLandlordView({ rental, store: h.store }, 'E2', { asOf: new Date('2026-11-21T00:00:00Z'), visible: () => true });
    expect(again.premises[0]!.tenants.map((t) => [t.tenantEnterpriseId, t.period, t.startedAt, t.open])).toEqual([['E1', 2, '2026-11-15T00:00:00.000Z', second.reports.length]]);
    expect(again.premises[0]!.pastTenancies).toEqual([{ tenantEnterpriseId: 'E1', period: 1, endedAt: '2026-11-10T00:00:00.000Z', open: first.reports.length, closed: 0 }]);
    const tenantFile = await buildEnterpriseFile(deps, 'E1', { asOf: new Date() });
    expect(tenantFile?.premises.rented.map((r) => [r.premises.id, r.period, r.startedAt])).toEqual([['PA', 2, '2026-11-15T00:00:00.000Z']]);
    expect(tenantFile?.premises.past.map((t) => [t.premisesId, t.period, t.endedAt])).toEqual([['PA', 1, '2026-11-10T00:00:00.000Z']]);
    expect((await buildEnterpriseFile(deps, 'E2', { asOf: new Date() }))?.premises.past.map((t) => [t.tenantEnterpriseId, t.period])).toEqual([['E1', 1]]);
    await expect(buildEnterpriseFile(deps, 'E1', { asOf: new Date(), recurrenceDays: 0 })).rejects.toThrow(RangeError);
  });

  it('findRecurrences: same enterprise and item within the window, never a manual observation or another item', () => {
    const fact = (hazardId: string, item: string | null, createdAt: string) => ({
      hazardId,
      version: 1,
      enterpriseId: 'E1',
      area: 'D1',
      domain: 'gas',
      level: 'general',
      source: 'grid_patrol' as const,
      item,
      createdAt,
      deadline: null,
      closedAt: null,
      onTime: null,
      overdue: [],
    });
    const r = findRecurrences(
      [
        fact('h1', 'gas:A', '2026-01-01T00:00:00.000Z'),
        fact('h2', 'gas:B', '2026-01-05T00:00:00.000Z'),
        fact('h3', 'gas:A', '2026-01-31T00:00:00.000Z'),
        fact('h4', null, '2026-01-31T00:00:00.000Z'),
        fact('h5', 'gas:A', '2026-04-01T00:00:00.000Z'),
      ],
      30,
    );
    expect(r.map((x) => [x.hazardId, x.previousHazardId, x.days])).toEqual([['h3', 'h1', 30]]);
  });
});
