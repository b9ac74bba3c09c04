import { chainPermitEvent } from './permit-chain.js';
import { isPermitOpen } from './decide-permit.js';
import type { PermitEvent, PermitState } from './permit-types.js';

/** The actor id recorded on events `tickPermit` produces. */
export const PERMIT_SYSTEM_ACTOR = 'system';

/**
 * What the clock decides at `now`: an open permit past its validity expires (recorded, so
 * every expiry is in the log); a job in progress whose monitoring reading is overdue is
 * suspended (`reading_missed`). At most one event; run it until it returns none. Pure.
 */
export function tickPermit(state: PermitState, now: Date): PermitEvent[] {
  const nowMs = now.getTime();
  const at = now.toISOString();
  if (!isPermitOpen(state)) return [];
  if (nowMs > Date.parse(state.validUntil)) return [chainPermitEvent(state, state.permitId, 'expired', { validUntil: state.validUntil }, PERMIT_SYSTEM_ACTOR, at)];
  const interval = state.rule.monitoringIntervalMinutes;
  if (state.status === 'in_progress' && interval !== null && state.lastMonitoredAt !== null) {
    const due = Date.parse(state.lastMonitoredAt) + interval * 60_000;
    if (nowMs > due) return [chainPermitEvent(state, state.permitId, 'suspended', { reason: 'reading_missed', dueAt: new Date(due).toISOString() }, PERMIT_SYSTEM_ACTOR, at)];
  }
  return [];
}
