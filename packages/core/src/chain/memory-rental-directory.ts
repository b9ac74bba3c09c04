import { areaCovers } from './authorize.js';
import type { ActorProfile } from '../ports/directory.js';
import { checkRentalSeed, checkTenancyEnd, checkTenancyStart, tenancyEndRefused, tenancyStartRefused } from '../ports/rental-directory.js';
import type { GroupRentalPoint, PremisesRecord, RentalDirectory, RentalSeed, TenancyRecord } from '../ports/rental-directory.js';

const byTenancy = (a: TenancyRecord, b: TenancyRecord) =>
  a.premisesId < b.premisesId ? -1 : a.premisesId > b.premisesId ? 1 : a.tenantEnterpriseId < b.tenantEnterpriseId ? -1 : a.tenantEnterpriseId > b.tenantEnterpriseId ? 1 : a.period - b.period;
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
      return { premisesId: p.id, landlordEnterpriseId: p.enterpriseId, tenantEnterpriseId: t.tenantEnterpriseId, area: p.area, period: 1 };
    })
    .sort(byTenancy);
  const copy = (p: PremisesRecord): PremisesRecord => structuredClone(p);
  // The latest period of a tenant at a premises (the current one, if any: periods never overlap).
  const latest = (premisesId: string, tenantEnterpriseId: string): TenancyRecord | undefined =>
    tenancies.filter((x) => x.premisesId === premisesId && x.tenantEnterpriseId === tenantEnterpriseId).at(-1);
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
    async listPremises() {
      return [...premises.values()].sort(byId).map(copy);
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
      const t = latest(end.premisesId, end.tenantEnterpriseId);
      const refused = tenancyEndRefused(end, t);
      if (refused) throw refused;
      const ended = t as TenancyRecord;
      ended.endedAt = end.endedAt;
      if (end.endedBy !== undefined) ended.endedBy = end.endedBy;
      return { ...ended };
    },
    async startTenancy(start) {
      checkTenancyStart(start);
      const p = premises.get(start.premisesId);
      const before = latest(start.premisesId, start.tenantEnterpriseId);
      const refused = tenancyStartRefused(start, p?.enterpriseId, before);
      if (refused) throw refused;
      const holder = p as PremisesRecord;
      const t: TenancyRecord = {
        premisesId: holder.id,
        landlordEnterpriseId: holder.enterpriseId,
        tenantEnterpriseId: start.tenantEnterpriseId,
        area: holder.area,
        period: (before?.period ?? 0) + 1,
        startedAt: start.startedAt,
        ...(start.startedBy === undefined ? {} : { startedBy: start.startedBy }),
      };
      tenancies.push(t);
      tenancies.sort(byTenancy);
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

/**
 * Who may start or end a tenancy at `premises`: a department admin; a grid inspector whose
 * grid areas cover the premises' area; an enforcement officer one of whose departments has
 * an area covering it (any domain: a tenancy is not a domain's). Never the landlord or the
 * tenant by itself — the relation decides what a landlord reads, so the parties do not set it.
 */
export function mayChangeTenancy(actor: ActorProfile | null, premises: Pick<PremisesRecord, 'area'>): boolean {
  if (!actor) return false;
  if (actor.roles.includes('department_admin')) return true;
  if (actor.roles.includes('grid') && (actor.gridAreas ?? []).some((a) => areaCovers(a, premises.area))) return true;
  return actor.roles.includes('enforcement') && (actor.departments ?? []).some((d) => d.areas.some((a) => areaCovers(a, premises.area)));
}
