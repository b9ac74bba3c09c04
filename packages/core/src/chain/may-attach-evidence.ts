import type { ActorProfile } from '../ports/directory.js';
import { authorize, type AuthorizationSubject } from './authorize.js';
import { EVIDENCE_COMMAND_TYPES } from './command-shape.js';
import { findTransition } from './transitions.js';

/**
 * Whether `actor` may add evidence to a hazard now: whether one of the commands that carry
 * evidence ({@link EVIDENCE_COMMAND_TYPES}: the rectification, the acceptance, the lifting
 * of a stop-work order, …) is open to the actor on the hazard in its current level and
 * status — {@link authorize}'s answer, from the same permission table, so that who may upload
 * a hazard's photos is exactly who may then use them. Reading the hazard is not enough: a
 * landlord reading its tenant's hazard, or a grid inspector whose acts take no evidence, may
 * not bind files to it.
 *
 * @example
 * ```ts
 * mayAttachEvidence(owner, hazard); // true while its rectification may be submitted
 * mayAttachEvidence(landlord, tenantHazard); // false
 * ```
 */
export function mayAttachEvidence(actor: ActorProfile, hazard: AuthorizationSubject): boolean {
  return EVIDENCE_COMMAND_TYPES.some((type) => findTransition(type, hazard.level, hazard.status) !== undefined && authorize(actor, type, hazard).allowed);
}
