import type { CheckpointScheduler } from '../audit/create-checkpoint-scheduler.js';
import type { SignStoreCheckpointResult } from '../audit/sign-store-checkpoint.js';

/**
 * Calls `scheduler.tick()` now and then every `intervalMs` (an unref'd Node timer, so it
 * never keeps the process alive). Results and errors go to the callbacks; a refusal (the
 * log no longer extends the latest checkpoint) is a result, not an error. Returns `stop`.
 *
 * @example
 * ```ts
 * const stop = startCheckpointTimer(scheduler, { intervalMs: 60_000, onResult: (r) => r?.kind === 'refused' && alarm(r.message.en) });
 * ```
 */
export function startCheckpointTimer(
  scheduler: CheckpointScheduler,
  options: { intervalMs: number; onResult?: (result: SignStoreCheckpointResult | null) => void; onError?: (error: unknown) => void },
): () => void {
  const run = () => {
    scheduler.tick().then(
      (result) => options.onResult?.(result),
      (error: unknown) => (options.onError ? options.onError(error) : console.error('anjian checkpoint:', error)),
    );
  };
  run();
  const timer = setInterval(run, Math.max(1_000, options.intervalMs));
  timer.unref();
  return () => clearInterval(timer);
}
