import type { EnterpriseRecord } from '../ports/directory.js';
import type { PremisesRecord, RentalDirectory } from '../ports/rental-directory.js';
import type { RoundUnit } from './types.js';

/**
 * The register a round works on: each enterprise with the premises it holds and those it
 * rents (from the rental directory; none without one), sorted by premises id.
 */
export async function roundUnits(enterprises: readonly EnterpriseRecord[], rental?: RentalDirectory): Promise<RoundUnit[]> {
  const units: RoundUnit[] = [];
  for (const enterprise of enterprises) {
    const premises: PremisesRecord[] = [];
    if (rental) {
      premises.push(...(await rental.premisesOf(enterprise.id)));
      for (const t of await rental.tenancies({ tenantEnterpriseId: enterprise.id })) {
        const p = await rental.premises(t.premisesId);
        if (p) premises.push(p);
      }
    }
    premises.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    units.push({ enterprise, premises });
  }
  return units;
}
