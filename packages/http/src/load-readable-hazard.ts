import { foldEvents, type ActorProfile, type HazardState, type StoredEvent } from '@anjian/core';
import { hazardIdRefusal, readAccess, quoteInput, type ReadAccess } from '@anjian/core/internal';
import { HttpProblem } from './problem.js';
import type { RouteContext } from './types.js';

/**
 * The 404 of a hazard that does not exist or that the actor may not read: the same answer
 * either way, so a hazard's existence never leaks outside the read scope.
 */
export function hazardNotFound(hazardId: string): HttpProblem {
  const shown = quoteInput(hazardId);
  return new HttpProblem(404, 'HAZARD_NOT_FOUND', { 'zh-CN': '未找到隐患', en: 'Hazard not found' }, { 'zh-CN': `没有隐患 ${shown}`, en: `no hazard ${shown}` });
}

/**
 * A hazard's folded state and history when it exists and the request's actor may read it
 * (core's read policy); `null` otherwise (unknown actor included). `access` says how much of
 * it (core's `readAccess`): a landlord reading its tenant's hazard gets `'premises'` — a route
 * that shows the history or documents goes through core's `hazardReadView` and
 * `mayReadDocumentKind` with it. An id in the permit or
 * inspection bindings' namespace (`permit:…`, `inspection:…`, which core refuses for hazards) is
 * never a readable hazard, even one a store kept from before that rule: its evidence would be a
 * permit's or an inspection record's. `reader`: the actor a read route already resolved
 * (`readerOf`), else it is resolved here.
 */
export async function loadReadableHazard(
  ctx: Pick<RouteContext, 'deps' | 'actorId'>,
  hazardId: string,
  reader?: ActorProfile,
): Promise<{ state: HazardState; events: StoredEvent[]; access: ReadAccess } | null> {
  if (hazardIdRefusal(hazardId) !== null) return null;
  const events = await ctx.deps.store.load(hazardId);
  const state = foldEvents(events);
  if (!events || !state || ctx.actorId === null) return null;
  const actor = reader ?? (await ctx.deps.directory.resolve(ctx.actorId));
  const access = actor ? readAccess(actor, state) : null;
  if (access === null) return null;
  return { state, events: [...events], access };
}
