import { evolve } from '../chain/evolve.js';
import { outboxMessagesFor } from '../chain/outbox-messages.js';
import { summarize } from '../chain/summarize.js';
import type { HazardState } from '../chain/types.js';
import type { Store } from '../ports/store.js';
import type { CityHazard } from './city-seed.js';

/** Options of {@link appendCityHazard}. */
export interface AppendCityHazardOptions {
  /** Append only the events after this version (the earlier ones are folded, not written); default 0. */
  after?: number;
  /** The command fingerprint recorded with each event; default `city`. */
  fingerprint?: string;
}

/**
 * Appends a generated city hazard's history (`generateCity`) through `store.append`, one event
 * per command with its outbox messages and list row, as the chain would — the slow, ordinary
 * path a bulk loader is compared with. Throws when an append is refused. Returns the hazard's
 * state after its last event.
 *
 * @example
 * ```ts
 * for (const chunk of city.chunks()) for (const h of chunk.hazards) await appendCityHazard(store, h);
 * ```
 */
export async function appendCityHazard(store: Pick<Store, 'append'>, hazard: CityHazard, options: AppendCityHazardOptions = {}): Promise<HazardState> {
  const after = options.after ?? 0;
  let state: HazardState | null = null;
  for (const event of hazard.events) {
    state = evolve(state, event);
    if (event.version <= after) continue;
    const result = await store.append({
      hazardId: event.hazardId,
      expectedVersion: event.version - 1,
      events: [event],
      outbox: outboxMessagesFor([event], state),
      commandId: event.commandId,
      commandFingerprint: options.fingerprint ?? 'city',
      summary: summarize(state),
    });
    if (result.kind !== 'ok') throw new Error(`appendCityHazard: ${event.id} was not appended (${result.kind})`);
  }
  if (state === null) throw new Error(`appendCityHazard: ${hazard.summary.hazardId} has no events`);
  return state;
}
