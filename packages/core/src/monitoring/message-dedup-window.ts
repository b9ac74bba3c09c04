/**
 * The de-duplication window of sensor message ids: how long a processed id still makes
 * the same id from the same device a duplicate. The rule lives here once; registries only
 * apply it (compare `received_at` with {@link messageDedupWindow}'s `cutoff`, delete the
 * rows at or before it in bounded batches).
 *
 * @module
 */

/**
 * Default window, 7 days. MQTT QoS 1 redelivery and device retries come within minutes or
 * hours; 7 days also covers a gateway that buffered its messages through a week-long
 * holiday outage and sends them again. At one message a minute it keeps ≈ 10 080 ids per
 * device instead of 525 600 a year.
 */
export const DEFAULT_MESSAGE_DEDUP_WINDOW_MS = 7 * 86_400_000;

/** A registry deletes expired ids at most once per this many inserted ids… */
export const MESSAGE_PURGE_EVERY_INSERTS = 500;
/** …or once this much of the caller's clock has passed since its last purge… */
export const MESSAGE_PURGE_INTERVAL_MS = 10 * 60_000;
/** …and deletes at most this many rows per purge (≥ the inserts between purges, so deletion keeps pace). */
export const MESSAGE_PURGE_BATCH = 1_000;

/**
 * Checks a host's window: a positive whole number of milliseconds (default
 * {@link DEFAULT_MESSAGE_DEDUP_WINDOW_MS}). Throws a bilingual `RangeError` otherwise.
 */
export function resolveMessageDedupWindowMs(windowMs: number | undefined): number {
  const ms = windowMs ?? DEFAULT_MESSAGE_DEDUP_WINDOW_MS;
  if (!(Number.isSafeInteger(ms) && ms > 0)) throw new RangeError(`messageDedupWindowMs must be a positive integer of milliseconds / messageDedupWindowMs 须为正整数毫秒, got ${String(windowMs)}`);
  return ms;
}

/** What a registry stores and compares for one message id at `now` (see {@link messageDedupWindow}). */
export interface MessageDedupWindow {
  /** `now` as canonical ISO (`toISOString`): the id's `received_at`. */
  receivedAt: string;
  /**
   * `now − window` as canonical ISO. A stored id with `received_at > cutoff` is a duplicate;
   * one with `received_at <= cutoff` is not (the id may be used again) and may be deleted.
   */
  cutoff: string;
}

/**
 * The window at `now` (the caller's clock, never the registry's). Canonical ISO strings of
 * one format compare as text in time order, so SQL stores compare `received_at` directly.
 * Throws a bilingual `RangeError` for an unreadable `now`.
 */
export function messageDedupWindow(now: string | Date, windowMs: number): MessageDedupWindow {
  const t = typeof now === 'string' ? Date.parse(now) : now.getTime();
  if (!Number.isFinite(t)) throw new RangeError(`now must be an ISO instant / now 须为 ISO 时间, got ${String(now)}`);
  return { receivedAt: new Date(t).toISOString(), cutoff: new Date(t - windowMs).toISOString() };
}

/**
 * Amortised purge schedule of one registry instance: {@link MessagePurgeSchedule.due} says
 * whether to delete expired ids now — after {@link MESSAGE_PURGE_EVERY_INSERTS} inserted ids
 * or {@link MESSAGE_PURGE_INTERVAL_MS} of the caller's clock since the last purge (the first
 * insert of an instance purges).
 */
export interface MessagePurgeSchedule {
  /** Counts `inserted` ids at `nowMs`; `true` when a purge is due (the schedule then restarts). */
  due(inserted: number, nowMs: number): boolean;
}

/** A fresh {@link MessagePurgeSchedule}. */
export function createMessagePurgeSchedule(): MessagePurgeSchedule {
  let count = 0;
  let last: number | null = null;
  return {
    due(inserted, nowMs) {
      count += inserted;
      if (last !== null && count < MESSAGE_PURGE_EVERY_INSERTS && nowMs - last < MESSAGE_PURGE_INTERVAL_MS) return false;
      count = 0;
      last = nowMs;
      return true;
    },
  };
}
