// Derived, not declared: at a place of the directory the premises kind of a report is the
// place's (its kinds the pack has questions for), so a premises-scoped question is asked where
// the directory says the place is of that kind — whatever kind the request claims.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compilePack, type PackEvaluator } from '../classify/compile-pack.js';
import type { Inspection } from '../classify/types.js';
import { loadPackFromPath } from '../node/load-pack-from-path.js';
import { createHarness } from './chain-harness.test-util.js';
import { createMemoryInspectionLog } from './memory-inspection-log.js';
import { createMemoryRentalDirectory } from './memory-rental-directory.js';
import { reportInspection } from './report-inspection.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
let gas: PackEvaluator;
let inspection: Inspection;

beforeAll(async () => {
  const loaded = await loadPackFromPath(join(root, 'checklists/gas'));
  if (!loaded.ok) throw new Error('checklists/gas does not load');
  gas = compilePack(loaded.pack);
  const { inspectedAt: _at, premises: _kind, ...untimed } = parse(readFileSync(join(root, 'examples/inspections/gas-basement-hotpot-lpg.yaml'), 'utf8')) as Inspection;
  inspection = untimed;
});

const flags = { nineSmall: false, labourIntensive: false, groupRental: false };
// E1 holds a canteen, a building the gas pack has no kind for, and a place that is both a hotel and a restaurant; E2 holds one of its own.
const rental = createMemoryRentalDirectory({
  premises: [
    { id: 'PC', enterpriseId: 'E1', address: '工业路 1 号', area: 'D1/G1', kinds: ['canteen'], ...flags },
    { id: 'PG', enterpriseId: 'E1', address: '工业路 3 号', area: 'D1/G1', kinds: ['group_rental'], ...flags },
    { id: 'PH', enterpriseId: 'E1', address: '工业路 5 号', area: 'D1/G1', kinds: ['hotel', 'restaurant'], ...flags },
    { id: 'P2', enterpriseId: 'E2', address: '工业路 7 号', area: 'D1/G2', kinds: ['restaurant'], ...flags },
  ],
  tenancies: [],
});

function setup() {
  const h = createHarness('2026-11-02T01:00:00Z', { stage: false });
  h.deps.packs = new Map([[gas.pack.id, gas]]);
  const inspections = createMemoryInspectionLog();
  return { h, inspections, deps: { ...h.deps, rental, inspections } };
}

const codes = (r: Awaited<ReturnType<typeof reportInspection>>) => (r.ok ? [] : r.issues.map((i) => `${i.code} ${i.pointer}`));

describe('the premises kind of a report at a place', () => {
  it('is the place’s kind from the directory when the request declares none', async () => {
    const { deps, inspections } = setup();
    const r = await reportInspection(deps, { inspection, packId: 'gas', enterpriseId: 'E1', premisesId: 'PC', key: 'pc' }, 'grid-g1');
    expect(codes(r)).toEqual([]);
    if (!r.ok) return;
    expect(r.warnings.map((w) => w.code)).not.toContain('PREMISES_MISSING');
    expect(r.reports.length).toBeGreaterThan(0);
    const record = await inspections.readInspection(r.inspectionId!);
    expect(record?.inspection.premises).toBe('canteen');
    expect(record?.premisesId).toBe('PC');
  });

  it('refuses a declared kind the place is not, at /premises in both languages, and writes nothing', async () => {
    const { h, deps } = setup();
    const r = await reportInspection(deps, { inspection: { ...inspection, premises: 'restaurant' }, packId: 'gas', enterpriseId: 'E1', premisesId: 'PC', key: 'mismatch' }, 'grid-g1');
    expect(codes(r)).toEqual(['PREMISES_KIND_MISMATCH /premises']);
    if (r.ok) return;
    expect(r.issues[0]!.message['zh-CN']).toContain('canteen');
    expect(r.issues[0]!.message.en).toContain('not restaurant');
    expect((await h.deps.store.query({}, { limit: 10 })).items).toEqual([]);
    expect(await deps.inspections.listInspections({ enterpriseId: 'E1', limit: 10 })).toEqual([]);
  });

  it('refuses a named place the pack has no kind for', async () => {
    const { deps } = setup();
    const r = await reportInspection(deps, { inspection: { ...inspection, premises: 'canteen' }, packId: 'gas', enterpriseId: 'E1', premisesId: 'PG', key: 'pg' }, 'grid-g1');
    expect(codes(r)).toEqual(['PACK_NOT_AT_PREMISES /premisesId']);
  });

  it('takes one of the place’s own kinds when it has several, and asks for one when none is declared', async () => {
    const { deps } = setup();
    const none = await reportInspection(deps, { inspection, packId: 'gas', enterpriseId: 'E1', premisesId: 'PH', key: 'ph-none' }, 'grid-g1');
    expect(codes(none)).toEqual(['PREMISES_KIND_AMBIGUOUS /premises']);
    const hotel = await reportInspection(deps, { inspection: { ...inspection, premises: 'hotel' }, packId: 'gas', enterpriseId: 'E1', premisesId: 'PH', key: 'ph-hotel' }, 'grid-g1');
    expect(codes(hotel)).toEqual([]);
    const canteen = await reportInspection(deps, { inspection: { ...inspection, premises: 'canteen' }, packId: 'gas', enterpriseId: 'E1', premisesId: 'PH', key: 'ph-canteen' }, 'grid-g1');
    expect(codes(canteen)).toEqual(['PREMISES_KIND_MISMATCH /premises']);
  });

  it('refuses another enterprise’s place before any kind is derived', async () => {
    const { deps } = setup();
    const r = await reportInspection(deps, { inspection, packId: 'gas', enterpriseId: 'E1', premisesId: 'P2', key: 'p2' }, 'grid-g1');
    expect(codes(r)).toEqual(['NOT_AT_PREMISES /premisesId']);
  });
});
