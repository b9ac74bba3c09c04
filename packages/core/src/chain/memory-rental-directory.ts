import { areaCovers } from './authorize.js';
import type { ActorProfile } from '../ports/directory.js';
import { checkRentalSeed, checkTenancyEnd, tenancyEndRefused } from '../ports/rental-directory.js';
import type { GroupRentalPoint, PremisesRecord, RentalDirectory, RentalSeed, TenancyRecord } from '../ports/rental-directory.js';

const byTenancy = (a: TenancyRecord, b: TenancyRecord) =>
  a.premisesId < b.premisesId ? -1 : a.premisesId > b.premisesId ? 1 : a.tenantEnterpriseId < b.tenantEnterpriseId ? -1 : a.tenantEnterpriseId > b.tenantEnterpriseId ? 1 : 0;
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A {@link RentalDirectory} in memory over checked rental data (tests, demos, small
 * deployments). The seed is checked by `checkRentalSeed` first: invalid data throws and
 * nothing is loaded.
 *
 * @example
 * ```ts
 * const rental = createMemoryRentalDirectory({
 *   premises: [{ id: 'P1', enterpriseId: 'L1', address: '工业路 1 号', area: 'D1/G1', kinds: ['factory'], nineSmall: false, labourIntensive: true, groupRental: true }],
 *   tenancies: [{ premisesId: 'P1', tenantEnterpriseId: 'E1' }],
 * });
 * ```
 */
export function createMemoryRentalDirectory(seed: RentalSeed): RentalDirectory {
  checkRentalSeed(seed);
  const premises = new Map(seed.premises.map((p) => [p.id, structuredClone({ ...p, kinds: [...new Set(p.kinds)].sort() })]));
  const tenancies: TenancyRecord[] = seed.tenancies
    .map((t) => {
      const p = premises.get(t.premisesId)!;
      return { premisesId: p.id, landlordEnterpriseId: p.enterpriseId, tenantEnterpriseId: t.tenantEnterpriseId, area: p.area };
    })
    .sort(byTenancy);
  const copy = (p: PremisesRecord): PremisesRecord => structuredClone(p);
  return {
    async premises(premisesId) {
      const p = premises.get(premisesId);
      return p ? copy(p) : null;
    },
    async premisesOf(enterpriseId) {
      return [...premises.values()]
        .filter((p) => p.enterpriseId === enterpriseId)
        .sort(byId)
        .map(copy);
    },
    async tenancies(query) {
      return tenancies
        .filter(
          (t) =>
            (query.landlordEnterpriseId === undefined || t.landlordEnterpriseId === query.landlordEnterpriseId) &&
            (query.tenantEnterpriseId === undefined || t.tenantEnterpriseId === query.tenantEnterpriseId) &&
            (query.premisesId === undefined || t.premisesId === query.premisesId) &&
            (query.includeEnded === true || t.endedAt === undefined),
        )
        .map((t) => ({ ...t }));
    },
    async groupRentalPoints(area) {
      const points: GroupRentalPoint[] = [];
      for (const p of [...premises.values()].sort(byId)) {
        if (!p.groupRental || (area !== undefined && !areaCovers(area, p.area))) continue;
        points.push({ premises: copy(p), tenantEnterpriseIds: tenancies.filter((t) => t.premisesId === p.id && t.endedAt === undefined).map((t) => t.tenantEnterpriseId) });
      }
      return points;
    },
    async endTenancy(end) {
      checkTenancyEnd(end);
      const t = tenancies.find((x) => x.premisesId === end.premisesId && x.tenantEnterpriseId === end.tenantEnterpriseId);
      if (!t || t.endedAt !== undefined) throw tenancyEndRefused(end, t !== undefined);
      t.endedAt = end.endedAt;
      return { ...t };
    },
  };
}

/**
 * The profile with `tenancies` derived from the rental directory: every tenancy whose
 * landlord is one of the actor's enterprises, ended ones included with their `endedAt` (role
 * `enterprise` only; any `tenancies` the profile carried are replaced). Call it in
 * `Directory.resolve`, so the read policy sees the relations of the moment: a landlord keeps
 * reading what a former tenant had found at its premises before the end, nothing after.
 */
export async function withLandlordTenancies(actor: ActorProfile, rental: RentalDirectory): Promise<ActorProfile> {
  const { tenancies: _ignored, ...rest } = actor;
  if (!actor.roles.includes('enterprise') || !actor.enterpriseIds?.length) return rest;
  const found: TenancyRecord[] = [];
  for (const landlordEnterpriseId of actor.enterpriseIds) found.push(...(await rental.tenancies({ landlordEnterpriseId, includeEnded: true })));
  return found.length ? { ...rest, tenancies: found } : rest;
}
