import { LEVEL_RANK, type HazardLevel } from '../pack/types.js';
import type { ActorProfile, Role } from '../ports/directory.js';
import { PERMISSION_TABLE, type PermissionRule, type Relation } from './permission-table.js';
import type { CommandType, StatusOrNew } from './types.js';

/** What authorisation needs to know about the hazard (or, for a report, the reported one). */
export interface AuthorizationSubject {
  level: HazardLevel;
  status: StatusOrNew;
  domain: string;
  area: string;
  enterpriseId: string;
  reporterId: string | null;
  rectifierIds: readonly string[];
}

/** Result of {@link authorize}: the role the command is allowed under, or a denial. */
export type AuthorizationResult = { allowed: true; role: Role; rule: PermissionRule } | { allowed: false };

/** True when `area` is `scope` or one of its sub-areas (`D1` covers `D1/G3`, not `D10`). */
export function areaCovers(scope: string, area: string): boolean {
  return area === scope || area.startsWith(`${scope}/`);
}

/** True when `actor` stands in `relation` to `subject` (own enterprise, own grid area, jurisdiction, any). */
export function relates(actor: ActorProfile, relation: Relation, subject: AuthorizationSubject): boolean {
  switch (relation) {
    case 'any':
      return true;
    case 'own_enterprise':
      return (actor.enterpriseIds ?? []).includes(subject.enterpriseId);
    case 'own_area':
      return (actor.gridAreas ?? []).some((a) => areaCovers(a, subject.area));
    case 'jurisdiction':
      return (actor.departments ?? []).some((d) => d.domains.includes(subject.domain) && d.areas.some((a) => areaCovers(a, subject.area)));
  }
}

/**
 * Decides whether `actor` may run `command` on `subject`, from {@link PERMISSION_TABLE}
 * only: deny by default; the first row (in table order) that matches one of the actor's
 * roles allows. `targetLevel` is the level a reclassification or confirmation asks for.
 *
 * @example
 * ```ts
 * authorize(officer, 'accept', { level: 'major', status: 'submitted', domain: 'gas', area: 'D1/G1',
 *   enterpriseId: 'E1', reporterId: 'officer-1', rectifierIds: ['owner-1'] }); // { allowed: false } — reporter
 * ```
 */
export function authorize(actor: ActorProfile, command: CommandType, subject: AuthorizationSubject, targetLevel?: HazardLevel): AuthorizationResult {
  for (const rule of PERMISSION_TABLE) {
    if (rule.command !== command) continue;
    if (!actor.roles.includes(rule.role)) continue;
    if (!rule.levels.includes(subject.level) || !rule.states.includes(subject.status)) continue;
    if (!relates(actor, rule.relation, subject)) continue;
    if (rule.notReporter && subject.reporterId === actor.id) continue;
    if (rule.notRectifier && subject.rectifierIds.includes(actor.id)) continue;
    if (rule.noDowngrade && targetLevel !== undefined && LEVEL_RANK[targetLevel] < LEVEL_RANK[subject.level]) continue;
    return { allowed: true, role: rule.role, rule };
  }
  return { allowed: false };
}
