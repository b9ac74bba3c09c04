import type { EnterpriseRecord } from '../ports/directory.js';
import type { PremisesRecord, RentalDirectory } from '../ports/rental-directory.js';
import type { RoundUnit } from '../rounds/types.js';

/**
 * The straightforward reading of the register a round works on, as `roundUnits` read it before
 * it read the directory as a whole: per enterprise, the premises it holds, its current
 * tenancies and each rented premises, sorted by premises id. The reference that `roundUnits`'
 * tests and `pnpm bench:round-units` compare against (the same units, from 1 + 2 reads per
 * enterprise and one per tenancy).
 */
export async function roundUnitsOneByOne(enterprises: readonly EnterpriseRecord[], rental: RentalDirectory): Promise<RoundUnit[]> {
  const units: RoundUnit[] = [];
  for (const enterprise of enterprises) {
    const premises: PremisesRecord[] = [...(await rental.premisesOf(enterprise.id))];
    for (const t of await rental.tenancies({ tenantEnterpriseId: enterprise.id })) {
      const p = await rental.premises(t.premisesId);
      if (p) premises.push(p);
    }
    premises.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    units.push({ enterprise, premises });
  }
  return units;
}
