import { LEVEL_RANK, type HazardLevel } from '../pack/types.js';
import type { ActorProfile } from '../ports/directory.js';
import { relates, type AuthorizationSubject } from './authorize.js';
import { PERMISSION_TABLE, type PermissionRule } from './permission-table.js';
import type { CommandType, StatusOrNew } from './types.js';

/**
 * Why a command is not open to an actor, the first gate of {@link PERMISSION_TABLE} it fails:
 * - `role` — none of the actor's roles has a row for the command;
 * - `level` — the command is not for hazards of this level (`levels`: the ones it is for);
 * - `status` — not in this status (`statuses`: the ones it is open in, for this level);
 * - `relation` — the hazard is not the actor's enterprise, grid area or jurisdiction;
 * - `reporter` — the actor reported the hazard (separation of duties);
 * - `rectifier` — the actor submitted its rectification or plan;
 * - `downgrade` — the target level is lower than the current one.
 */
export type DenialReason = 'role' | 'level' | 'status' | 'relation' | 'reporter' | 'rectifier' | 'downgrade';

/** Result of {@link explainAuthorization}. */
export type AuthorizationExplanation = { allowed: true } | { allowed: false; reason: DenialReason; levels?: readonly HazardLevel[]; statuses?: readonly StatusOrNew[] };

const union = <T>(lists: readonly (readonly T[])[]): T[] => [...new Set(lists.flat())];

/**
 * Explains {@link authorize}'s answer from the same table: `allowed` is exactly authorize's,
 * and a denial names the first gate every row of the actor's roles fails, in the order role,
 * level, status, relation, reporter, rectifier, downgrade — so a UI can say in one line why an
 * action is not offered ("only when the rectification has been submitted") without keeping
 * its own copy of the rules. The caller words the reason; the levels and statuses are data.
 *
 * @example
 * ```ts
 * explainAuthorization(grid, 'close', { level: 'general', status: 'submitted', … });
 * // { allowed: false, reason: 'status', statuses: ['verified'] }
 * ```
 */
export function explainAuthorization(actor: ActorProfile, command: CommandType, subject: AuthorizationSubject, targetLevel?: HazardLevel): AuthorizationExplanation {
  let rows: PermissionRule[] = PERMISSION_TABLE.filter((r) => r.command === command && actor.roles.includes(r.role));
  if (!rows.length) return { allowed: false, reason: 'role' };
  const byLevel = rows.filter((r) => r.levels.includes(subject.level));
  if (!byLevel.length) return { allowed: false, reason: 'level', levels: union(rows.map((r) => r.levels)) };
  rows = byLevel.filter((r) => r.states.includes(subject.status));
  if (!rows.length) return { allowed: false, reason: 'status', statuses: union(byLevel.map((r) => r.states)) };
  const gates: [DenialReason, (r: PermissionRule) => boolean][] = [
    ['relation', (r) => relates(actor, r.relation, subject)],
    ['reporter', (r) => !(r.notReporter && subject.reporterId === actor.id)],
    ['rectifier', (r) => !(r.notRectifier && subject.rectifierIds.includes(actor.id))],
    ['downgrade', (r) => !(r.noDowngrade && targetLevel !== undefined && LEVEL_RANK[targetLevel] < LEVEL_RANK[subject.level])],
  ];
  for (const [reason, passes] of gates) {
    rows = rows.filter(passes);
    if (!rows.length) return { allowed: false, reason };
  }
  return { allowed: true };
}
