import type { ActorProfile } from '../ports/directory.js';
import { authorize, type AuthorizationSubject } from './authorize.js';
import { EVIDENCE_COMMAND_TYPES } from './command-shape.js';
import { findTransition } from './transitions.js';

/**
 * Whether `actor` may add evidence to a hazard now: whether one of the commands that carry
 * evidence ({@link EVIDENCE_COMMAND_TYPES}: the rectification, a reviewer's verify, reject,
 * spot_check and reopen with its on-site photos, the acceptance, the lifting of a stop-work
 * order, …) is open to the actor on the hazard in its current level and status —
 * {@link authorize}'s answer, from the same permission table, so that who may upload a
 * hazard's photos is exactly who may then use them. Reading the hazard is not enough: a
 * landlord reading its tenant's hazard, or a grid inspector outside its area or while no
 * review of its own is open, may not bind files to it.
 *
 * @example
 * ```ts
 * mayAttachEvidence(owner, hazard); // true while its rectification may be submitted
 * mayAttachEvidence(gridOfTheArea, submittedHazard); // true: it may verify or reject it
 * mayAttachEvidence(landlord, tenantHazard); // false
 * ```
 */
export function mayAttachEvidence(actor: ActorProfile, hazard: AuthorizationSubject): boolean {
  return EVIDENCE_COMMAND_TYPES.some((type) => findTransition(type, hazard.level, hazard.status) !== undefined && authorize(actor, type, hazard).allowed);
}
