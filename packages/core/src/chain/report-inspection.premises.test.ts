// Issue 17: a hazard knows its premises, derived from the rental directory when the
// inspection is reported; a landlord then reads exactly its tenants' hazards at its premises
// (through readScopes/narrow against the store) and is named in the outbox messages.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compilePack, type PackEvaluator } from '../classify/compile-pack.js';
import type { Inspection } from '../classify/types.js';
import { loadPackFromPath } from '../node/load-pack-from-path.js';
import type { HazardFilter } from '../ports/store.js';
import { createHarness } from './chain-harness.test-util.js';
import { createMemoryInspectionLog } from './memory-inspection-log.js';
import { createMemoryRentalDirectory, withLandlordTenancies } from './memory-rental-directory.js';
import { narrow, readScopes } from './read-policy.js';
import { reportInspection } from './report-inspection.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
let gas: PackEvaluator;
let inspection: Inspection;

beforeAll(async () => {
  const loaded = await loadPackFromPath(join(root, 'checklists/gas'));
  if (!loaded.ok) throw new Error('checklists/gas does not load');
  gas = compilePack(loaded.pack);
  // Without its time (2026-11-18, after these tests' clocks): the server's clock stands in, a future one is refused.
  const { inspectedAt: _at, ...untimed } = parse(readFileSync(join(root, 'examples/inspections/gas-basement-hotpot-lpg.yaml'), 'utf8')) as Inspection;
  inspection = untimed;
});

const flags = { kinds: ['restaurant'], nineSmall: true, labourIntensive: false, groupRental: false };
// E2 (D1/G2) rents PA to E1; L9 rents PB to E1 in the same area; E1 holds PE1 itself.
const rental = createMemoryRentalDirectory({
  premises: [
    { id: 'PA', enterpriseId: 'E2', address: '工业路 1 号', area: 'D1/G1', ...flags },
    { id: 'PB', enterpriseId: 'L9', address: '工业路 3 号', area: 'D1/G1', ...flags },
    { id: 'PE1', enterpriseId: 'E1', address: '工业路 5 号', area: 'D1/G1', ...flags },
  ],
  tenancies: [
    { premisesId: 'PA', tenantEnterpriseId: 'E1' },
    { premisesId: 'PB', tenantEnterpriseId: 'E1' },
  ],
});

function setup() {
  const h = createHarness('2026-11-02T01:00:00Z', { stage: false });
  h.deps.packs = new Map([[gas.pack.id, gas]]);
  return { h, deps: { ...h.deps, rental, inspections: createMemoryInspectionLog() } };
}

describe('reportInspection at a premises', () => {
  it('derives the premises and the landlord from the directory; the landlord reads the tenant’s hazards at its premises only', async () => {
    const { h, deps } = setup();
    const atPa = await reportInspection(deps, { inspection, packId: 'gas', enterpriseId: 'E1', premisesId: 'PA', key: 'pa' }, 'grid-g1');
    const atPb = await reportInspection(deps, { inspection, packId: 'gas', enterpriseId: 'E1', premisesId: 'PB', key: 'pb' }, 'grid-g1');
    const own = await reportInspection(deps, { inspection, packId: 'gas', enterpriseId: 'E1', premisesId: 'PE1', key: 'pe1' }, 'grid-g1');
    const none = await reportInspection(deps, { inspection, packId: 'gas', enterpriseId: 'E1', key: 'none' }, 'grid-g1');
    if (!atPa.ok || !atPb.ok || !own.ok || !none.ok) throw new Error('reports refused');
    const paId = atPa.reports[0]!.hazardId;
    expect(await h.state(paId)).toMatchObject({ premisesId: 'PA', landlordEnterpriseId: 'E2', area: 'D1/G1', enterpriseId: 'E1' });
    expect(await h.state(own.reports[0]!.hazardId)).toMatchObject({ premisesId: 'PE1' });
    expect(await h.state(own.reports[0]!.hazardId)).not.toHaveProperty('landlordEnterpriseId');
    expect(await h.state(none.reports[0]!.hazardId)).not.toHaveProperty('premisesId');
    expect((await deps.inspections.readInspection(atPa.inspectionId!))?.premisesId).toBe('PA');

    // The landlord E2, resolved with the directory's tenancies, queried through the read policy.
    const landlord = await withLandlordTenancies({ id: 'owner-e2', roles: ['enterprise'], enterpriseIds: ['E2'] }, rental);
    const scopes = readScopes(landlord);
    if (scopes === 'all') throw new Error('unexpected');
    const read = async (filter: HazardFilter) => {
      const ids = new Set<string>();
      for (const scope of scopes) {
        const f = narrow(filter, scope);
        if (f) for (const row of (await h.store.query(f, { limit: 100 })).items) ids.add(row.hazardId);
      }
      return [...ids].sort();
    };
    expect(await read({})).toEqual(atPa.reports.map((r) => r.hazardId).sort());
    expect(await read({ premisesId: 'PB' })).toEqual([]);
    expect(await read({ enterpriseId: 'E1', area: 'D1/G1' })).toEqual(atPa.reports.map((r) => r.hazardId).sort());

    // The outbox names the landlord on the tenant's hazard, on every message of it.
    const outbox = await h.store.readOutbox(1, 1000);
    const ofPa = outbox.filter((m) => m.hazardId === paId);
    expect(ofPa.length).toBeGreaterThan(0);
    for (const m of ofPa) expect(m.payload).toMatchObject({ premisesId: 'PA', landlordEnterpriseId: 'E2' });
    for (const m of outbox.filter((x) => x.hazardId === none.reports[0]!.hazardId)) expect(m.payload).not.toHaveProperty('landlordEnterpriseId');
  });

  it('refuses an unknown premises, a premises the enterprise neither holds nor rents, and a premises without a directory; nothing is written', async () => {
    const { h, deps } = setup();
    const codes = async (premisesId: string, d: typeof deps | typeof h.deps = deps) => {
      const r = await reportInspection(d, { inspection, packId: 'gas', enterpriseId: 'E2', premisesId, key: `k-${Buffer.from(premisesId).toString('hex')}` }, 'owner-e2');
      return r.ok ? [] : r.issues.map((i) => `${i.code} ${i.pointer}`);
    };
    expect(await codes('P-NOWHERE')).toEqual(['UNKNOWN_PREMISES /premisesId']);
    expect(await codes('PB')).toEqual(['NOT_AT_PREMISES /premisesId']);
    expect(await codes('bad id!')).toEqual(['PATTERN /premisesId']);
    expect(await codes('PA', h.deps)).toEqual(['UNKNOWN_PREMISES /premisesId']);
    expect(h.store.unsafeLog).toHaveLength(0);
    // The landlord holds PA: it may report there, with no landlord of its own.
    const r = await reportInspection(deps, { inspection, packId: 'gas', enterpriseId: 'E2', premisesId: 'PA', key: 'own' }, 'owner-e2');
    expect(r.ok && r.reports.every((x) => x.ok)).toBe(true);
  });

  it('derives the premises of an enterprise with one place only (renting at one premises, holding none) when the report names none', async () => {
    const { h, deps } = setup();
    // E2 rents PC from L9 and holds nothing else there.
    const one = createMemoryRentalDirectory({
      premises: [{ id: 'PC', enterpriseId: 'L9', address: '工业路 7 号', area: 'D1/G2', ...flags }],
      tenancies: [{ premisesId: 'PC', tenantEnterpriseId: 'E2' }],
    });
    const r = await reportInspection({ ...deps, rental: one }, { inspection, packId: 'gas', enterpriseId: 'E2', key: 'e2' }, 'owner-e2');
    if (!r.ok) throw new Error('report refused');
    expect(await h.state(r.reports[0]!.hazardId)).toMatchObject({ premisesId: 'PC', landlordEnterpriseId: 'L9', enterpriseId: 'E2' });
    expect((await deps.inspections.readInspection(r.inspectionId!))?.premisesId).toBe('PC');
    // E1 works at three places (holds PE1, rents PA and PB): nothing to derive, the report names none.
    const e1 = await reportInspection(deps, { inspection, packId: 'gas', enterpriseId: 'E1', key: 'e1' }, 'grid-g1');
    if (!e1.ok) throw new Error('report refused');
    expect(await h.state(e1.reports[0]!.hazardId)).not.toHaveProperty('premisesId');
  });
});
