import { describe, expect, it } from 'vitest';
import { createMemoryRentalDirectory } from '../chain/memory-rental-directory.js';
import type { EnterpriseRecord } from '../ports/directory.js';
import type { RentalDirectory } from '../ports/rental-directory.js';
import { generateCity } from '../testing/city-seed.js';
import { roundUnitsOneByOne } from '../testing/round-units-one-by-one.js';
import { roundUnits } from './round-units.js';

/** The directory, counting the calls made to it; `listPremises: false` hides that method (a host's directory without it). */
function counting(rental: RentalDirectory, listPremises = true): { rental: RentalDirectory; calls: () => number } {
  let calls = 0;
  const wrapped: RentalDirectory = {
    premises: (id) => (calls++, rental.premises(id)),
    premisesOf: (id) => (calls++, rental.premisesOf(id)),
    tenancies: (q) => (calls++, rental.tenancies(q)),
    groupRentalPoints: (a) => (calls++, rental.groupRentalPoints(a)),
    endTenancy: (e) => rental.endTenancy(e),
    startTenancy: (s) => rental.startTenancy(s),
    ...(listPremises && rental.listPremises ? { listPremises: () => (calls++, rental.listPremises!()) } : {}),
  };
  return { rental: wrapped, calls: () => calls };
}

async function city() {
  const c = generateCity({ seed: 'round-units', enterprises: 400 });
  const rental = createMemoryRentalDirectory(c.rental);
  // An ended tenancy and a tenant renting again: only current tenancies make a unit's premises.
  const [first, second] = c.rental.tenancies;
  await rental.endTenancy({ ...first!, endedAt: '2026-03-01T00:00:00.000Z' });
  await rental.endTenancy({ ...second!, endedAt: '2026-03-01T00:00:00.000Z' });
  await rental.startTenancy({ ...second!, startedAt: '2026-04-01T00:00:00.000Z' });
  const enterprises: EnterpriseRecord[] = [...c.enterprises, { id: 'ent-unknown', name: '未登记场所的企业', area: 'D1/G1' }] as EnterpriseRecord[];
  return { enterprises, rental, tenancies: c.rental.tenancies.length };
}

describe('roundUnits', () => {
  it('reads the directory in two calls whatever the register size, with the units of the per-enterprise reading', async () => {
    const { enterprises, rental, tenancies } = await city();
    expect(tenancies).toBeGreaterThan(20);
    const reference = await roundUnitsOneByOne(enterprises, rental);
    const c = counting(rental);
    const units = await roundUnits(enterprises, c.rental);
    expect(c.calls()).toBe(2);
    expect(units).toEqual(reference);
    expect(units.some((u) => u.premises.length > 1)).toBe(true);
  });

  it('a directory without listPremises gives the same units, each rented premises read once', async () => {
    const { enterprises, rental } = await city();
    const reference = await roundUnitsOneByOne(enterprises, rental);
    const c = counting(rental, false);
    expect(await roundUnits(enterprises, c.rental)).toEqual(reference);
    const rentedPremises = new Set((await rental.tenancies({})).map((t) => t.premisesId)).size;
    expect(c.calls()).toBe(1 + enterprises.length + rentedPremises);
  });

  it('no directory: every enterprise without premises', async () => {
    const { enterprises } = await city();
    expect(await roundUnits(enterprises)).toEqual(enterprises.map((enterprise) => ({ enterprise, premises: [] })));
  });
});
