import { areaCovers, type ActorProfile, type HazardFilter, type HazardSummary } from '@anjian/core';

/**
 * What an actor may read (security.md T20): department admins and the system read
 * everything; an enterprise user the hazards of its own enterprises; a grid inspector those
 * of its grid areas; an enforcement officer those of its departments' domains and areas.
 * `'all'`, or the list of filters whose union is readable (empty: nothing).
 */
export function readScopes(actor: ActorProfile): 'all' | HazardFilter[] {
  if (actor.roles.includes('department_admin') || actor.roles.includes('system')) return 'all';
  const scopes: HazardFilter[] = [];
  if (actor.roles.includes('enterprise')) for (const enterpriseId of actor.enterpriseIds ?? []) scopes.push({ enterpriseId });
  if (actor.roles.includes('grid')) for (const area of actor.gridAreas ?? []) scopes.push({ area });
  if (actor.roles.includes('enforcement')) {
    for (const dept of actor.departments ?? []) for (const area of dept.areas) for (const domain of dept.domains) scopes.push({ area, domain });
  }
  return scopes;
}

/** Whether a hazard (its list row or state) lies inside one of the scopes. */
export function canRead(scopes: 'all' | readonly HazardFilter[], hazard: Pick<HazardSummary, 'enterpriseId' | 'area' | 'domain'>): boolean {
  if (scopes === 'all') return true;
  return scopes.some(
    (s) =>
      (s.enterpriseId === undefined || s.enterpriseId === hazard.enterpriseId) &&
      (s.area === undefined || areaCovers(s.area, hazard.area)) &&
      (s.domain === undefined || s.domain === hazard.domain),
  );
}

/**
 * The request's filter narrowed to a single scope, or `null` when they cannot both hold
 * (e.g. another enterprise), so the store's indexes serve the query.
 */
export function narrow(filter: HazardFilter, scope: HazardFilter): HazardFilter | null {
  const out: HazardFilter = { ...filter };
  if (scope.enterpriseId !== undefined) {
    if (filter.enterpriseId !== undefined && filter.enterpriseId !== scope.enterpriseId) return null;
    out.enterpriseId = scope.enterpriseId;
  }
  if (scope.domain !== undefined) {
    if (filter.domain !== undefined && filter.domain !== scope.domain) return null;
    out.domain = scope.domain;
  }
  if (scope.area !== undefined) {
    if (filter.area === undefined || areaCovers(filter.area, scope.area)) out.area = scope.area;
    else if (!areaCovers(scope.area, filter.area)) return null;
  }
  return out;
}
