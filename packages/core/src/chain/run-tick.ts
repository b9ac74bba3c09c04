import type { CommandResult } from '../ports/store.js';
import { foldEvents, handleCommand, type ChainDeps } from './handle-command.js';
import { tick, DEFAULT_TICK_OPTIONS, type TickAction, type TickOptions } from './tick.js';

/** Options of {@link runTick}. */
export interface RunTickOptions extends TickOptions {
  /** Actor id the Directory resolves to a `system` profile. */
  systemActorId: string;
  /** Page size of the store query. Default 200. */
  pageSize?: number;
}

/**
 * Runs {@link tick} over a store: queries hazards whose running deadline is within the
 * due-soon window, and records every due stage through {@link handleCommand} as the system
 * actor (several stages of one hazard in order). Idempotent and safe to run from several
 * schedulers: a second run, or a concurrent one, records nothing new.
 */
export async function runTick(deps: ChainDeps, options: RunTickOptions): Promise<{ action: TickAction; result: CommandResult }[]> {
  const now = deps.clock.now();
  const dueSoonMs = options.dueSoonMs ?? DEFAULT_TICK_OPTIONS.dueSoonMs;
  const horizon = new Date(now.getTime() + dueSoonMs).toISOString();
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const page = await deps.store.query({ status: 'rectifying', deadlineBefore: horizon }, { limit: options.pageSize ?? 200, after });
    ids.push(...page.items.map((s) => s.hazardId));
    after = page.next;
  } while (after !== null);
  const done: { action: TickAction; result: CommandResult }[] = [];
  for (const id of ids) {
    for (let stage = 0; stage < 3; stage++) {
      const state = foldEvents(await deps.store.load(id));
      const action = state ? tick([state], now, options)[0] : undefined;
      if (!action) break;
      const result = await handleCommand(deps, action.command, options.systemActorId);
      done.push({ action, result });
      if ('rejection' in result || result.replayed) break;
    }
  }
  return done;
}
