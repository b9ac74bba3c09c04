/** Failed sign-ins allowed per user name and client address within {@link LOGIN_WINDOW_MS}. */
export const LOGIN_MAX_FAILURES = 5;
/** The window of {@link LOGIN_MAX_FAILURES}: 15 minutes. */
export const LOGIN_WINDOW_MS = 15 * 60_000;

/** Counts failed sign-ins per (user name, client address). */
export interface LoginRateLimiter {
  /** Seconds until `key` may try again, or 0 when it may try now. */
  retryAfter(key: string): number;
  /** Records a failed attempt of `key`. */
  fail(key: string): void;
  /** Forgets `key`'s failures (after a successful sign-in). */
  reset(key: string): void;
  /** Takes back one failure of `key` (an attempt counted before its check, which then succeeded). */
  forgive(key: string): void;
}

/**
 * A fixed-window limiter: after `max` failures within `windowMs` of the first one, `key` is
 * refused until the window ends. Keys are `user name + client address`, so guessing one
 * user's password from one address is slowed without locking that user out everywhere.
 */
export function createLoginRateLimiter(options: { now?: () => number; max?: number; windowMs?: number } = {}): LoginRateLimiter {
  const now = options.now ?? Date.now;
  const max = options.max ?? LOGIN_MAX_FAILURES;
  const windowMs = options.windowMs ?? LOGIN_WINDOW_MS;
  const windows = new Map<string, { start: number; failures: number }>();
  const current = (key: string) => {
    const w = windows.get(key);
    if (w && now() - w.start >= windowMs) {
      windows.delete(key);
      return undefined;
    }
    return w;
  };
  return {
    retryAfter(key) {
      const w = current(key);
      return w && w.failures >= max ? Math.max(1, Math.ceil((w.start + windowMs - now()) / 1000)) : 0;
    },
    fail(key) {
      const w = current(key);
      if (w) w.failures++;
      else {
        // Bound memory: drop ended windows, then the oldest (the portal also limits per address).
        if (windows.size >= 10_000) for (const k of [...windows.keys()]) if (!current(k)) windows.delete(k);
        for (const k of windows.keys()) {
          if (windows.size < 10_000) break;
          windows.delete(k);
        }
        windows.set(key, { start: now(), failures: 1 });
      }
    },
    reset(key) {
      windows.delete(key);
    },
    forgive(key) {
      const w = current(key);
      if (w && --w.failures <= 0) windows.delete(key);
    },
  };
}
