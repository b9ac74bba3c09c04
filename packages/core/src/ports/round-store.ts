/**
 * Where inspection rounds and their 双随机 draws are kept: the {@link RoundStore} port
 * (issue 17). Memory in core, SQLite and PostgreSQL in the store packages; run
 * `runRoundStoreConformance` of `@anjian/core/testing` against an implementation.
 *
 * @module
 */
import type { RoundLogEntry } from '../rounds/types.js';

/**
 * An append-only, hash-chained log of round entries (`round_opened`, `sample_drawn`).
 * Entries are sealed by core (`sealRoundEntry`); the store keeps them exactly.
 *
 * - `appendRoundEntry(entry)` MUST store the entry only when `entry.seq` is one more than the
 *   last stored seq (1 for an empty log) and `entry.prevHash` equals the last entry's hash
 *   (`''` for the first), and answer `true`; otherwise it MUST write nothing and answer
 *   `false` (another writer went first: the caller re-reads the head and seals again).
 *   Under concurrency exactly one of several appends at one seq succeeds.
 * - `readRoundLog(from, limit)` answers the entries with `seq >= from`, ascending, at most
 *   `limit`; `roundEntries(roundId)` those of one round, ascending by seq; `lastRoundEntry()`
 *   the newest entry or `null`.
 * - Returned entries are copies, field for field as appended (the hash still verifies).
 */
export interface RoundStore {
  appendRoundEntry(entry: RoundLogEntry): Promise<boolean>;
  readRoundLog(from: number, limit: number): Promise<RoundLogEntry[]>;
  roundEntries(roundId: string): Promise<RoundLogEntry[]>;
  lastRoundEntry(): Promise<RoundLogEntry | null>;
}
