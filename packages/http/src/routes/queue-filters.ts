import type { ActorProfile, HazardStatus } from '@anjian/core';
import type { HazardFilter } from '@anjian/core/ports';

/** The roles that have a work queue. */
export const QUEUE_ROLES = ['grid', 'enforcement', 'enterprise'] as const;
/** A role with a work queue. */
export type QueueRole = (typeof QUEUE_ROLES)[number];

const OPEN: HazardStatus[] = ['reported', 'rectifying', 'submitted', 'verified', 'escalated', 'case_filed', 'accepted'];

/**
 * The queries behind a role's work queue, from the actor's profile:
 * grid — rectifications `submitted` in its areas (to verify);
 * enforcement — open major, escalated and provisional hazards of its departments' domains
 * and areas; enterprise — its own open hazards.
 */
export function queueFilters(role: QueueRole, actor: ActorProfile): HazardFilter[] {
  switch (role) {
    case 'grid':
      return (actor.gridAreas ?? []).map((area) => ({ area, status: 'submitted' }));
    case 'enforcement':
      return (actor.departments ?? []).flatMap((dept) =>
        dept.areas.flatMap((area) =>
          dept.domains.flatMap((domain): HazardFilter[] => [
            { area, domain, level: 'major', status: OPEN },
            { area, domain, status: 'escalated' },
            { area, domain, provisional: true, status: OPEN },
          ]),
        ),
      );
    case 'enterprise':
      return (actor.enterpriseIds ?? []).map((enterpriseId) => ({ enterpriseId, status: OPEN }));
  }
}
