import { areaCovers } from '../chain/authorize.js';
import { canRead, readScopes } from '../chain/read-policy.js';
import type { ActorProfile } from '../ports/directory.js';
import type { PermitCommand, PermitState } from './permit-types.js';

/** The domain of permits in the read policy (the hazardous-work pack's). */
export const PERMIT_DOMAIN = 'hazardous_work';

/**
 * Whether `actor` may read a permit: the review chain's read policy with the permit's
 * enterprise, area and the `hazardous_work` domain — an enterprise user its own
 * enterprises' permits, a grid inspector those in its grid areas, an enforcement officer
 * those in its departments' areas when they supervise `hazardous_work`, an admin all.
 */
export function canReadPermit(actor: ActorProfile, permit: Pick<PermitState, 'enterpriseId' | 'area'>): boolean {
  return canRead(readScopes(actor), { enterpriseId: permit.enterpriseId, area: permit.area, domain: PERMIT_DOMAIN });
}

/** Whether `actor` acts for the enterprise (role `enterprise`, the enterprise among its own). */
export function actsForEnterprise(actor: ActorProfile, enterpriseId: string): boolean {
  return actor.roles.includes('enterprise') && (actor.enterpriseIds ?? []).includes(enterpriseId);
}

/** Whether `actor` supervises `area` (a grid inspector's area, or an officer's department area for `hazardous_work`). */
export function supervisesArea(actor: ActorProfile, area: string): boolean {
  if (actor.roles.includes('department_admin')) return true;
  if (actor.roles.includes('grid') && (actor.gridAreas ?? []).some((a) => areaCovers(a, area))) return true;
  return actor.roles.includes('enforcement') && (actor.departments ?? []).some((d) => d.domains.includes(PERMIT_DOMAIN) && d.areas.some((a) => areaCovers(a, area)));
}

/**
 * Who may send a permit command, before `decidePermit`'s own rules (the approver's grade
 * role, separation of duties, only the attendant confirms being present): people of the
 * permit's enterprise for every command; besides them, a supervisor of the permit's area
 * may record that the attendant is absent (a spot check on site). An apply is checked
 * against the enterprise it names.
 */
export function mayCommandPermit(actor: ActorProfile, permit: Pick<PermitState, 'enterpriseId' | 'area'>, type: PermitCommand['type']): boolean {
  if (actsForEnterprise(actor, permit.enterpriseId)) return true;
  return type === 'attendant_absent' && supervisesArea(actor, permit.area);
}
