/**
 * The SQLite store's outbox retention queries (`pruneOutbox`), in one place for the store and
 * the test that checks their plans.
 *
 * @module
 */

/**
 * Delivered rows to prune, oldest delivery first: a range of `outbox_ready (status,
 * available_at, seq)`, since an acknowledgement sets `available_at` to its instant (schema
 * 17). Rows acknowledged before that keep an earlier `available_at`, so `done_at` is checked
 * as well. Parameters: the cut-off twice, the limit.
 */
export const PRUNABLE_DELIVERED = `SELECT seq, id, hazard_id, event_id FROM outbox INDEXED BY outbox_ready
  WHERE status = 'done' AND available_at < ? AND done_at < ? ORDER BY available_at, seq LIMIT ?`;

/** Dead letters to prune, oldest first: the `status = 'dead'` range of `outbox_ready` (few rows). Parameters: the cut-off, the limit. */
export const PRUNABLE_DEAD = `SELECT seq, id, hazard_id, event_id FROM outbox INDEXED BY outbox_ready
  WHERE status = 'dead' AND created_at < ? ORDER BY seq LIMIT ?`;
