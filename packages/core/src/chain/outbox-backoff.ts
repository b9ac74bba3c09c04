/** Retry policy of an outbox relay. */
export interface BackoffPolicy {
  /** Delay after the first failure. Default 30 s. */
  baseMs?: number;
  /** Upper bound of a delay. Default 1 h. */
  maxMs?: number;
  /** Failures after which a message goes to the dead letters. Default 10. */
  maxAttempts?: number;
}

/**
 * When a failed outbox message should be offered again (exponential backoff, capped), or
 * `null` when it has failed `maxAttempts` times and belongs in the dead letters. Pass the
 * result as `retryAt` to `Store.failOutbox`. `attempts` is the count before this failure.
 */
export function nextRetryAt(attempts: number, now: Date, policy: BackoffPolicy = {}): string | null {
  const { baseMs = 30_000, maxMs = 3_600_000, maxAttempts = 10 } = policy;
  if (attempts + 1 >= maxAttempts) return null;
  return new Date(now.getTime() + Math.min(maxMs, baseMs * 2 ** attempts)).toISOString();
}
