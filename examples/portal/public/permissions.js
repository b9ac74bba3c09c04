// Which review-chain actions the UI offers: core's own PERMISSION_TABLE, bundled for the
// browser by the portal. The server decides; this only hides buttons that would be refused.
import { needsTwoOfficers, PERMISSION_TABLE } from '/vendor/anjian-core.js';
import { allowedBy } from './allowed-by.js';

/** True when the user may send `command` on hazard `state` (`target`: a reclassification's level). */
export const allowed = (roles, userId, command, state, target) => allowedBy(PERMISSION_TABLE, roles, userId, command, state, target);

/** True when `command` (a body with `type`) on `state` is an enforcement act of two officers (core's own rule). */
export const needsSecondOfficer = (state, command) => needsTwoOfficers(state, command);
