/**
 * The one check of `Store.pruneOutbox`'s input, shared by every store.
 *
 * @module
 */
import { quoteInput } from '../pack/quote-input.js';
import { StoreError } from './store-error.js';
import type { PruneOutboxInput } from './store.js';

/** The largest `limit` of `Store.pruneOutbox`: a call deletes at most this many messages. */
export const MAX_PRUNE_OUTBOX_LIMIT = 10_000;

function invalid(en: string, zh: string): never {
  throw new StoreError('INVALID_PRUNE', { 'zh-CN': `发件箱清理参数无效：${zh}`, en: `pruneOutbox: ${en}` });
}

function checkInstant(name: string, value: unknown): void {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString() !== value) {
    invalid(
      `${name} must be an instant in toISOString() form (e.g. 2026-09-01T00:00:00.000Z: the caller's clock minus the retention), got ${quoteInput(String(value))}`,
      `${name} 必须是 toISOString() 格式的时间（如 2026-09-01T00:00:00.000Z，即调用方时钟减去保留期），实际为 ${quoteInput(String(value))}`,
    );
  }
}

/**
 * Throws {@link StoreError} `INVALID_PRUNE` unless `deliveredBefore` (and `deadBefore` when
 * given) are instants in `Date#toISOString()` form — stores compare them as strings — and
 * `limit` is an integer in 1 … {@link MAX_PRUNE_OUTBOX_LIMIT}. Stores call it before touching
 * their backend, so a malformed cut-off deletes nothing.
 */
export function checkPruneOutboxInput(input: PruneOutboxInput): void {
  checkInstant('deliveredBefore', input?.deliveredBefore);
  if (input.deadBefore !== undefined) checkInstant('deadBefore', input.deadBefore);
  if (!Number.isInteger(input.limit) || input.limit < 1 || input.limit > MAX_PRUNE_OUTBOX_LIMIT) {
    invalid(
      `limit must be an integer from 1 to ${MAX_PRUNE_OUTBOX_LIMIT} (call again while the result says more), got ${quoteInput(String(input.limit))}`,
      `limit 必须是 1 到 ${MAX_PRUNE_OUTBOX_LIMIT} 之间的整数（结果中 more 为 true 时再次调用），实际为 ${quoteInput(String(input.limit))}`,
    );
  }
}
