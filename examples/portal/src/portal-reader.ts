/**
 * Who reads a portal page: the signed-in user as the API's directory knows them. Every read
 * route of the portal (`/inspections`, `/monitoring`, `/worklist`, `/places`, `/demo/sms`)
 * asks this first, so it fails closed as the API does: without a session 401, and a signed-in
 * user the directory no longer knows (a profile removed while the session lives) 403
 * `UNKNOWN_ACTOR` with the API's words — not the empty lists that looked like "nothing there".
 */
import type { ActorProfile, Directory } from '@anjian/core';
import { UNKNOWN_ACTOR_DETAIL } from '@anjian/http';
import { portalProblem } from './portal-problem.js';

/** The reader's profile, or the answer that refuses the request. */
export type PortalReader = { ok: true; actor: ActorProfile } | { ok: false; response: Response };

/** The signed-in `actorId` resolved by `directory` (the API's), or the 401/403 that refuses the read. */
export async function portalReader(request: Request, actorId: string | null, directory: Directory): Promise<PortalReader> {
  if (!actorId) return { ok: false, response: portalProblem(request, 401, 'UNAUTHENTICATED', '请先登录。', 'Sign in first.') };
  const actor = await directory.resolve(actorId);
  if (!actor || actor.id !== actorId) return { ok: false, response: portalProblem(request, 403, 'UNKNOWN_ACTOR', `${UNKNOWN_ACTOR_DETAIL['zh-CN']}。`, `${UNKNOWN_ACTOR_DETAIL.en}.`) };
  return { ok: true, actor };
}
