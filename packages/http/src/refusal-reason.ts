import type { ChainCommand, HazardState, RejectionCode } from '@anjian/core';
import { explainAuthorization, type DenialReason, type Directory } from '@anjian/core/internal';

/**
 * The machine-readable reason of a 403 command refusal, in the problem body's `reason`:
 *
 * - `UNKNOWN_ACTOR` — the directory does not know the actor;
 * - `ROLE` — none of the actor's roles may send this command;
 * - `LEVEL` — not for hazards of this level;
 * - `STATE` — not in the hazard's current status;
 * - `SCOPE` — the hazard is outside the actor's enterprise, grid area or jurisdiction;
 * - `SEPARATION_OF_DUTIES` — the actor reported the hazard, rectified it, or is the only
 *   officer of a two-officer act;
 * - `DOWNGRADE` — the target level is lower than the current one.
 */
export type RefusalReason = 'UNKNOWN_ACTOR' | 'ROLE' | 'LEVEL' | 'STATE' | 'SCOPE' | 'SEPARATION_OF_DUTIES' | 'DOWNGRADE';

/** Every {@link RefusalReason}, for the OpenAPI document. */
export const REFUSAL_REASONS: readonly RefusalReason[] = Object.freeze(['UNKNOWN_ACTOR', 'ROLE', 'LEVEL', 'STATE', 'SCOPE', 'SEPARATION_OF_DUTIES', 'DOWNGRADE']);

const FROM_DENIAL: Record<DenialReason, RefusalReason> = {
  role: 'ROLE',
  level: 'LEVEL',
  status: 'STATE',
  relation: 'SCOPE',
  reporter: 'SEPARATION_OF_DUTIES',
  rectifier: 'SEPARATION_OF_DUTIES',
  downgrade: 'DOWNGRADE',
};

/**
 * Why core refused `command` with a 403 code, from core's own permission table
 * (`explainAuthorization`), or `undefined` for codes that are not 403 refusals.
 */
export async function refusalReason(code: RejectionCode, command: ChainCommand, actorId: string, state: HazardState | null, directory: Directory): Promise<RefusalReason | undefined> {
  if (code === 'UNKNOWN_ACTOR') return 'UNKNOWN_ACTOR';
  if (code === 'SEPARATION_OF_DUTIES') return 'SEPARATION_OF_DUTIES';
  if (code !== 'FORBIDDEN') return undefined;
  const actor = await directory.resolve(actorId);
  if (!actor) return 'UNKNOWN_ACTOR';
  let subject: Parameters<typeof explainAuthorization>[2];
  if (state !== null) subject = state;
  else if (command.type === 'report_observation') {
    const enterprise = await directory.enterprise(command.enterpriseId);
    subject = { level: command.level, status: 'new', domain: command.domain, area: enterprise?.area ?? '', enterpriseId: command.enterpriseId, reporterId: null, rectifierIds: [] };
  } else return 'ROLE';
  const target = command.type === 'reclassify' || command.type === 'confirm_level' ? command.level : undefined;
  const explained = explainAuthorization(actor, command.type, subject, target);
  // Allowed by the table yet refused: a role that may not report observations (no source for it).
  return explained.allowed ? 'ROLE' : FROM_DENIAL[explained.reason];
}
