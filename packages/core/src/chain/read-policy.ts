import type { ActorProfile } from '../ports/directory.js';
import type { InspectionRecord } from '../ports/inspection-log.js';
import type { HazardFilter } from '../ports/store.js';
import { areaCovers } from './authorize.js';
import type { HazardSummary } from './types.js';

/**
 * One readable part: a hazard filter, and for a landlord's tenancy its period — `foundFrom`
 * (the tenancy's `startedAt`, when known): only hazards created at or after that instant;
 * `foundBefore` (its `endedAt`, for an ended one): only those created before. Stores do not
 * know the period ({@link narrow} leaves it out): whoever reads through a store with such a
 * scope keeps only the rows {@link canRead} accepts ({@link timeBounded} says which scopes).
 */
export type ReadScope = HazardFilter & { foundFrom?: string; foundBefore?: string };

/** Whether a scope is bounded in time (a landlord's tenancy period), so a store query by it must be checked row by row with {@link canRead}. */
export const timeBounded = (scope: ReadScope): boolean => scope.foundFrom !== undefined || scope.foundBefore !== undefined;

/**
 * What an actor may read: `'all'`, or the scopes whose union is readable (an empty list
 * reads nothing). Computed by {@link readScopes}, applied by {@link canRead} and
 * {@link narrow}.
 */
export type ReadScopes = 'all' | ReadScope[];

/**
 * The fields of a hazard (list row or folded state) the read policy looks at. `createdAt`
 * (when it was found; an inspection's `recordedAt`) is needed only by a scope with
 * `foundBefore`: without it such a scope grants nothing.
 */
export type ReadableHazard = Pick<HazardSummary, 'enterpriseId' | 'area' | 'domain' | 'premisesId'> & { createdAt?: string };

/**
 * What the read policy looks at in an inspection record: its enterprise, area, domain and
 * premises, and — as the time it was found — when the server recorded it (`recordedAt`, never
 * the inspector's claimed `inspectedAt`). So a landlord reads its tenant's record only when it
 * was taken at the premises it rents to it, within the tenancy, as for the tenant's hazards.
 * Every host (the enterprise file, evidence of an inspection, the portal's records) checks a
 * record with `canRead(scopes, readableInspection(record))`.
 *
 * @example
 * ```ts
 * canRead(readScopes(landlord), readableInspection(record)); // false for a record before the tenancy began
 * ```
 */
export function readableInspection(record: Pick<InspectionRecord, 'enterpriseId' | 'area' | 'domain' | 'premisesId' | 'recordedAt'>): ReadableHazard {
  return {
    enterpriseId: record.enterpriseId,
    area: record.area,
    domain: record.domain,
    createdAt: record.recordedAt,
    ...(record.premisesId === undefined ? {} : { premisesId: record.premisesId }),
  };
}

/**
 * Who may read which hazards, next to the permission table that says who may act on them.
 * A department admin and the system read everything; an enterprise user the hazards of its
 * own enterprises and, as a landlord, those its tenants have at the premises it rents to
 * them (`ActorProfile.tenancies`; the hazard's `premisesId`, derived from the directory when
 * the inspection was reported, must be that premises) — and only those found inside the
 * tenancy's period (from its `startedAt`, when known, to its `endedAt`, for an ended one; a
 * tenant renting again has one period each time); a grid inspector those in its grid areas (sub-areas included); an
 * enforcement officer those of its departments' domains in their areas. The jurisdiction
 * fields of a role the actor does not hold grant nothing. A landlord reads less of a tenant's
 * hazard than its tenant does ({@link readAccess}). Every host (HTTP, portal, CLI)
 * calls this one function, so a hazard is visible or not the same way everywhere.
 *
 * @example
 * ```ts
 * readScopes({ id: 'o', roles: ['enforcement'], departments: [{ id: 'd', domains: ['gas'], areas: ['D1'] }] });
 * // [{ area: 'D1', domain: 'gas' }]
 * ```
 */
export function readScopes(actor: ActorProfile): ReadScopes {
  return scopesOf(actor, true);
}

/** {@link readScopes}, with or without the scopes a landlord's tenancies grant. */
function scopesOf(actor: ActorProfile, tenancies: boolean): ReadScopes {
  if (actor.roles.includes('department_admin') || actor.roles.includes('system')) return 'all';
  const scopes: ReadScope[] = [];
  if (actor.roles.includes('enterprise')) {
    const own = actor.enterpriseIds ?? [];
    for (const enterpriseId of own) scopes.push({ enterpriseId });
    // A landlord reads its tenants' hazards at the premises it rents to them — not elsewhere.
    for (const t of tenancies ? (actor.tenancies ?? []) : []) {
      if (!own.includes(t.landlordEnterpriseId)) continue;
      scopes.push({
        enterpriseId: t.tenantEnterpriseId,
        premisesId: t.premisesId,
        ...(t.startedAt === undefined ? {} : { foundFrom: t.startedAt }),
        ...(t.endedAt === undefined ? {} : { foundBefore: t.endedAt }),
      });
    }
  }
  if (actor.roles.includes('grid')) for (const area of actor.gridAreas ?? []) scopes.push({ area });
  if (actor.roles.includes('enforcement')) {
    for (const dept of actor.departments ?? []) for (const area of dept.areas) for (const domain of dept.domains) scopes.push({ area, domain });
  }
  return scopes;
}

/**
 * How much of a hazard an actor reads: `'full'` — everything its own scope, its grid or its
 * department grants (the hazard, its history, every document); `'premises'` — only as the
 * landlord of the premises its tenant rents (安全生产法 第四十九条: the lessor coordinates and
 * supervises its lessees' safety), so the hazard, its rectification and deadline and the
 * orders concerning the premises, not the tenant's penalty proceeding (see
 * `hazardReadView`); `null` — nothing (the hazard answers as unknown).
 *
 * @example
 * ```ts
 * readAccess(landlord, tenantsHazardAtItsPremises); // 'premises'
 * readAccess(tenant, tenantsHazardAtItsPremises); // 'full'
 * ```
 */
export function readAccess(actor: ActorProfile, hazard: ReadableHazard): ReadAccess | null {
  if (canRead(scopesOf(actor, false), hazard)) return 'full';
  return canRead(readScopes(actor), hazard) ? 'premises' : null;
}

/**
 * Whether some record of `enterprise` (a hazard or an inspection record: of any domain,
 * premises or time) could lie inside the scopes — who may list the enterprise's records at
 * all: the enterprise itself, the grid inspectors and officers of its area, a landlord of
 * one of its premises. Anyone else is refused the list, not answered an empty one (which
 * would name the enterprise and say it is there). The records listed are still each checked
 * with {@link canRead}.
 */
export function mayReadSomeOf(scopes: 'all' | readonly ReadScope[], enterprise: { id: string; area: string }): boolean {
  return scopes === 'all' || scopes.some((s) => (s.enterpriseId === undefined || s.enterpriseId === enterprise.id) && (s.area === undefined || areaCovers(s.area, enterprise.area)));
}

/**
 * Whether an actor with these scopes may be told if an enterprise id is registered, decided
 * without looking the id up: who reads everything, and who holds a scope not bound to one
 * enterprise (a grid inspector, an officer: any registered enterprise may lie in its areas, so
 * the register is its to know). An actor whose every scope names its enterprise (an enterprise
 * user, a landlord through its tenants) may name only those; any other id is refused before it
 * is looked up, so a registered one and an unknown one are answered alike and the register
 * cannot be enumerated. Used by {@link enterpriseForRead}.
 */
export function mayAskAboutEnterprise(scopes: 'all' | readonly ReadScope[], enterpriseId: string): boolean {
  return scopes === 'all' || scopes.some((s) => s.enterpriseId === undefined || s.enterpriseId === enterpriseId);
}

/** What {@link enterpriseForRead} decides: the enterprise, or why a read naming it is refused. */
export type EnterpriseForRead<E> = { ok: true; enterprise: E } | { ok: false; reason: 'forbidden' | 'unknown' };

/**
 * A read that names an enterprise (a list filter, an enterprise's file or rental points),
 * decided in the order that does not leak the register: first whether the actor may ask about
 * the id at all ({@link mayAskAboutEnterprise}: else `forbidden`, before any look-up), then
 * whether it is registered (`unknown`, told only to who may know it), then whether some record
 * of it could lie inside the scopes ({@link mayReadSomeOf}: else `forbidden`). Every host answers
 * a named enterprise through this one function.
 *
 * @example
 * ```ts
 * await enterpriseForRead(readScopes(ownerOfE1), 'E404', (id) => directory.enterprise(id)); // { ok: false, reason: 'forbidden' }, as for 'E3'
 * await enterpriseForRead(readScopes(gridOfD1), 'E404', (id) => directory.enterprise(id)); // { ok: false, reason: 'unknown' }
 * ```
 */
export async function enterpriseForRead<E extends { id: string; area: string }>(
  scopes: 'all' | readonly ReadScope[],
  enterpriseId: string,
  lookup: (id: string) => Promise<E | null>,
): Promise<EnterpriseForRead<E>> {
  if (!mayAskAboutEnterprise(scopes, enterpriseId)) return { ok: false, reason: 'forbidden' };
  const enterprise = await lookup(enterpriseId);
  if (!enterprise) return { ok: false, reason: 'unknown' };
  return mayReadSomeOf(scopes, enterprise) ? { ok: true, enterprise } : { ok: false, reason: 'forbidden' };
}

/**
 * Whether an actor reads inspection rounds (the list of rounds, a round's draws and coverage):
 * a grid inspector, an enforcement officer, a department admin, the system. An enterprise user
 * reads the rounds it is in from its enterprise file; it and an actor with no role are refused
 * before a round is looked up, so they learn nothing of round ids. Which coverage entries a
 * reader sees is still {@link canRead}'s.
 */
export function mayReadRounds(actor: ActorProfile): boolean {
  return actor.roles.some((role) => role === 'grid' || role === 'enforcement' || role === 'department_admin' || role === 'system');
}

/** What {@link readAccess} grants: all of a hazard, or a landlord's view of its tenant's hazard. */
export type ReadAccess = 'full' | 'premises';

/**
 * Whether a hazard lies inside one of the scopes. A scope field that is absent does not
 * constrain; `area` covers sub-areas (`D1` covers `D1/G3`, not `D10`); a scope's
 * `premisesId` matches only a hazard found at that premises (a hazard without one never); a
 * scope's `foundFrom` only a hazard whose `createdAt` is that instant or later, its
 * `foundBefore` only one whose `createdAt` is earlier (a hazard without `createdAt` never).
 */
export function canRead(scopes: 'all' | readonly ReadScope[], hazard: ReadableHazard): boolean {
  if (scopes === 'all') return true;
  return scopes.some(
    (s) =>
      (s.enterpriseId === undefined || s.enterpriseId === hazard.enterpriseId) &&
      (s.area === undefined || areaCovers(s.area, hazard.area)) &&
      (s.domain === undefined || s.domain === hazard.domain) &&
      (s.premisesId === undefined || s.premisesId === hazard.premisesId) &&
      (s.foundFrom === undefined || (hazard.createdAt !== undefined && hazard.createdAt >= s.foundFrom)) &&
      (s.foundBefore === undefined || (hazard.createdAt !== undefined && hazard.createdAt < s.foundBefore)),
  );
}

/**
 * A request's filter narrowed to one scope, so a store's indexes serve the query: the
 * result matches exactly the hazards that match both `filter` and `scope`, or it is `null`
 * when none can (another enterprise, another domain, a disjoint area). A scope's period
 * (`foundFrom`, `foundBefore`) is not a store filter and is left out: check the rows with {@link canRead}.
 */
export function narrow(filter: HazardFilter, scope: ReadScope): HazardFilter | null {
  const out: HazardFilter = { ...filter };
  if (scope.enterpriseId !== undefined) {
    if (filter.enterpriseId !== undefined && filter.enterpriseId !== scope.enterpriseId) return null;
    out.enterpriseId = scope.enterpriseId;
  }
  if (scope.domain !== undefined) {
    if (filter.domain !== undefined && filter.domain !== scope.domain) return null;
    out.domain = scope.domain;
  }
  if (scope.premisesId !== undefined) {
    if (filter.premisesId !== undefined && filter.premisesId !== scope.premisesId) return null;
    out.premisesId = scope.premisesId;
  }
  if (scope.area !== undefined) {
    if (filter.area === undefined || areaCovers(filter.area, scope.area)) out.area = scope.area;
    else if (!areaCovers(scope.area, filter.area)) return null;
  }
  return out;
}
