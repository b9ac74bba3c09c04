import type { Clock } from '../ports/clock.js';
import type { Directory } from '../ports/directory.js';
import type { CommandResult, Store } from '../ports/store.js';
import { isChainError } from './chain-error.js';
import { commandFingerprint } from './command-fingerprint.js';
import { decide, type DecideContext } from './decide.js';
import { evolve } from './evolve.js';
import { outboxMessagesFor } from './outbox-messages.js';
import { reject } from './rejection-messages.js';
import { summarize } from './summarize.js';
import type { ChainCommand, HazardState, Rejection } from './types.js';

/** What {@link handleCommand} needs: the store, the trusted clock, the directory, the decider context. */
export interface ChainDeps extends DecideContext {
  store: Store;
  clock: Clock;
  directory: Directory;
  /**
   * How many times to re-decide when another writer won the race and the command did not
   * pin `expectedVersion`. Default 3. A pinned version always conflicts instead.
   */
  conflictRetries?: number;
}

/** Folds stored events into a state (`null` for none). */
export function foldEvents(events: readonly Parameters<typeof evolve>[1][] | null): HazardState | null {
  if (!events) return null;
  let state: HazardState | null = null;
  for (const event of events) state = evolve(state, event);
  return state;
}

/**
 * Runs one command through the chain: replay check by command id → who is the actor
 * (Directory) → load → expected version → `decide` → one atomic `append` of events,
 * outbox messages, command record and summary. Every rejection (denial, conflict, key
 * reuse, rule violation) is recorded in the store's denial log and writes no event and no
 * outbox row. A replay of an accepted command returns its original events with
 * `replayed: true` and writes nothing.
 *
 * Throws only when a port throws (store down, directory down) or the chain is misused.
 *
 * @example
 * ```ts
 * const result = await handleCommand(deps, { type: 'verify', commandId: crypto.randomUUID(), hazardId: 'H1', expectedVersion: 4 }, 'grid-7');
 * if ('rejection' in result) show(result.rejection.message['zh-CN']);
 * ```
 */
export async function handleCommand(deps: ChainDeps, command: ChainCommand, actorId: string): Promise<CommandResult> {
  const { store } = deps;
  let fingerprint = '';
  const denied = async (rejection: Rejection): Promise<CommandResult> => {
    await store.recordDenial({
      commandId: String(command.commandId),
      hazardId: String(command.hazardId),
      commandType: String(command.type),
      actorId,
      code: rejection.code,
      message: rejection.message,
      recordedAt: deps.clock.now().toISOString(),
    });
    return { rejection };
  };

  if (typeof command?.commandId !== 'string' || command.commandId === '' || typeof command.hazardId !== 'string') {
    return denied(reject('INVALID_COMMAND').rejection);
  }
  try {
    fingerprint = commandFingerprint(command, actorId);
  } catch (error) {
    if (isChainError(error)) return denied(reject('INVALID_COMMAND', { 'zh-CN': error.localized['zh-CN'], en: error.localized.en }).rejection);
    throw error;
  }
  const previous = await store.findCommand(command.commandId);
  if (previous) {
    if (previous.fingerprint !== fingerprint) return denied(reject('IDEMPOTENCY_KEY_REUSED').rejection);
    return { events: previous.events, replayed: true };
  }
  const actor = await deps.directory.resolve(actorId);
  if (!actor || actor.id !== actorId) return denied(reject('UNKNOWN_ACTOR').rejection);

  const attempts = command.expectedVersion === undefined ? (deps.conflictRetries ?? 3) + 1 : 1;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const state = foldEvents(await store.load(command.hazardId));
    const version = state?.version ?? 0;
    if (command.expectedVersion !== undefined && command.expectedVersion !== version) {
      return denied(reject('CONFLICT', { 'zh-CN': `当前版本 ${version}`, en: `current version ${version}` }).rejection);
    }
    let decision;
    try {
      decision = decide(state, command, actor, deps.clock.now(), deps);
    } catch (error) {
      if (isChainError(error) && error.code === 'INVALID_DATE') return denied(reject('INVALID_COMMAND').rejection);
      throw error;
    }
    if ('rejection' in decision) return denied(decision.rejection);
    if (decision.events.length === 0) return { events: [] };
    let after = state;
    for (const event of decision.events) after = evolve(after, event);
    const result = await store.append({
      hazardId: command.hazardId,
      expectedVersion: version,
      events: decision.events,
      outbox: outboxMessagesFor(decision.events, after as HazardState),
      commandId: command.commandId,
      commandFingerprint: fingerprint,
      summary: summarize(after as HazardState),
    });
    if (result.kind === 'ok') return { events: result.events };
    if (result.kind === 'duplicate-command') {
      if (result.original.fingerprint !== fingerprint) return denied(reject('IDEMPOTENCY_KEY_REUSED').rejection);
      return { events: result.original.events, replayed: true };
    }
  }
  return denied(reject('CONFLICT').rejection);
}
