import type { EnterpriseRecord } from '../ports/directory.js';
import type { PremisesRecord, RentalDirectory } from '../ports/rental-directory.js';
import type { RoundUnit } from './types.js';

const byId = (a: PremisesRecord, b: PremisesRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The register a round works on: each enterprise with the premises it holds and those it
 * rents (from the rental directory; none without one), sorted by premises id.
 *
 * The directory is read as a whole, not per enterprise: the current tenancies in one call and,
 * when it lists premises (`listPremises`), every premises in another — two reads whatever the
 * register's size (a work queue, a round page and a report each call this per request). A
 * directory without `listPremises` is asked `premisesOf` per enterprise, and `premises` once
 * per rented premises.
 */
export async function roundUnits(enterprises: readonly EnterpriseRecord[], rental?: RentalDirectory): Promise<RoundUnit[]> {
  if (!rental) return enterprises.map((enterprise) => ({ enterprise, premises: [] }));
  // Current tenancies, sorted by premises id: each tenant's rented premises in that order.
  const rentedBy = new Map<string, string[]>();
  for (const t of await rental.tenancies({})) {
    const list = rentedBy.get(t.tenantEnterpriseId);
    if (list) list.push(t.premisesId);
    else rentedBy.set(t.tenantEnterpriseId, [t.premisesId]);
  }
  const listed = rental.listPremises ? await rental.listPremises() : undefined;
  const known = new Map<string, PremisesRecord | null>(listed?.map((p) => [p.id, p]));
  const heldBy = new Map<string, PremisesRecord[]>();
  for (const p of listed ?? []) {
    const list = heldBy.get(p.enterpriseId);
    if (list) list.push(p);
    else heldBy.set(p.enterpriseId, [p]);
  }
  const premisesById = async (id: string): Promise<PremisesRecord | null> => {
    if (listed || known.has(id)) return known.get(id) ?? null;
    const p = await rental.premises(id);
    known.set(id, p);
    return p;
  };
  const units: RoundUnit[] = [];
  for (const enterprise of enterprises) {
    const premises: PremisesRecord[] = listed ? [...(heldBy.get(enterprise.id) ?? [])] : await rental.premisesOf(enterprise.id);
    for (const id of rentedBy.get(enterprise.id) ?? []) {
      const p = await premisesById(id);
      if (p) premises.push(p);
    }
    premises.sort(byId);
    units.push({ enterprise, premises });
  }
  return units;
}
