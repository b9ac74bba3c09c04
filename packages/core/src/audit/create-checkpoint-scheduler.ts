import type { Clock } from '../ports/clock.js';
import type { Signer } from '../ports/signer.js';
import type { Store } from '../ports/store.js';
import { signStoreCheckpoint, type SignStoreCheckpointResult } from './sign-store-checkpoint.js';

/** Options of {@link createCheckpointScheduler}. */
export interface CheckpointSchedulerOptions {
  store: Store;
  signer: Signer;
  clock: Clock;
  /** Sign at most once per this many milliseconds (by `clock`). */
  everyMs: number;
  /** Checkpoint origin (see {@link signStoreCheckpoint}). */
  origin?: string;
}

/** A checkpoint scheduler driven by the host: call `tick()` as often as you like. */
export interface CheckpointScheduler {
  /**
   * Signs a checkpoint when `everyMs` has passed since the latest stored one (or none
   * exists); otherwise resolves to `null` without reading the log. Concurrent calls share
   * one signing.
   */
  tick(): Promise<SignStoreCheckpointResult | null>;
}

/**
 * Creates a scheduler that signs checkpoints of a store on a period. Core sets no timer:
 * the host calls `tick()` (from its own interval, cron, or `startCheckpointTimer` in
 * `@anjian/core/node`). Several instances on one database may each sign; checkpoints are
 * append-only and each must extend the previous one, so that is harmless.
 *
 * @example
 * ```ts
 * const scheduler = createCheckpointScheduler({ store, signer, clock: systemClock, everyMs: 15 * 60_000 });
 * setInterval(() => void scheduler.tick(), 60_000);
 * ```
 */
export function createCheckpointScheduler(options: CheckpointSchedulerOptions): CheckpointScheduler {
  if (!(options.everyMs > 0)) throw new RangeError('everyMs must be positive');
  let running: Promise<SignStoreCheckpointResult | null> | null = null;
  const run = async (): Promise<SignStoreCheckpointResult | null> => {
    const now = options.clock.now();
    const latest = await options.store.latestCheckpoint();
    if (latest && now.getTime() - Date.parse(latest.createdAt) < options.everyMs) return null;
    return signStoreCheckpoint(options.store, options.signer, {
      now: now.toISOString(),
      ...(options.origin !== undefined ? { origin: options.origin } : {}),
    });
  };
  return {
    tick() {
      running ??= run().finally(() => {
        running = null;
      });
      return running;
    },
  };
}
