import { areaCovers } from '../chain/authorize.js';
import type { PremisesRecord } from '../ports/rental-directory.js';
import type { RoundScope, RoundUnit } from './types.js';

function premisesMatches(scope: RoundScope, p: PremisesRecord): boolean {
  return (
    (scope.premisesKinds === undefined || scope.premisesKinds.some((k) => p.kinds.includes(k))) &&
    (scope.nineSmall === undefined || p.nineSmall === scope.nineSmall) &&
    (scope.labourIntensive === undefined || p.labourIntensive === scope.labourIntensive) &&
    (scope.groupRental === undefined || p.groupRental === scope.groupRental)
  );
}

/**
 * Whether a round covers an enterprise: its registered area inside `scope.area`, and — when
 * the scope names premises kinds or flags — at least one premises it holds or rents that
 * matches all of them (an enterprise without premises is then out of scope).
 */
export function inRoundScope(scope: RoundScope, unit: RoundUnit): boolean {
  if (scope.area !== undefined && !areaCovers(scope.area, unit.enterprise.area)) return false;
  const premisesFilter = scope.premisesKinds !== undefined || scope.nineSmall !== undefined || scope.labourIntensive !== undefined || scope.groupRental !== undefined;
  return !premisesFilter || unit.premises.some((p) => premisesMatches(scope, p));
}

/** The units a round covers, sorted by enterprise id (duplicates are the caller's error and are kept once). */
export function roundPopulation(scope: RoundScope, units: readonly RoundUnit[]): RoundUnit[] {
  const seen = new Map<string, RoundUnit>();
  for (const u of units) if (!seen.has(u.enterprise.id) && inRoundScope(scope, u)) seen.set(u.enterprise.id, u);
  return [...seen.values()].sort((a, b) => (a.enterprise.id < b.enterprise.id ? -1 : a.enterprise.id > b.enterprise.id ? 1 : 0));
}
