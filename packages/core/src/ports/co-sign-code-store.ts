/**
 * One co-sign code as kept: who gave it, for what, until when — and the SHA-256 of the code
 * with a salt of its own, never the code itself.
 */
export interface CoSignCodeRecord {
  /** Random id of this issue (not derived from the code). */
  id: string;
  /** The officer who generated the code in his own session: the second officer it confirms. */
  officerId: string;
  /** What it is bound to: `hazard:<hazardId>`, or `enterprise:<enterpriseId>` for an inspection's or an observation's report. */
  subject: string;
  /** The act (command type) it confirms, e.g. `file_case`. */
  act: string;
  /** Hex salt, 32 characters. */
  salt: string;
  /** Lower-case hex SHA-256 of `salt:code`. */
  hash: string;
  /** When it was issued and when it stops being accepted (`toISOString()` form). */
  issuedAt: string;
  expiresAt: string;
  /** When it was used, or null. */
  usedAt: string | null;
  /**
   * What the second officer co-signs with it (decision 010, update): the canonical JSON of the
   * act's bound content (`coSignContentOf`), as he saw it when he generated the code.
   */
  content: string;
  /** Lower-case hex SHA-256 of `content`: redeeming recomputes it from the command submitted. A code kept without one (`''`) confirms nothing. */
  contentDigest: string;
}

/**
 * Where co-sign codes and the attempts to use them are kept (see `issueCoSignCode`). Core
 * decides everything about a code; the store only keeps records and counts attempts, with
 * these guarantees:
 *
 * - `issue` MUST withdraw (delete or mark used) every unused code of the same officer,
 *   subject and act before the new one counts: at most one live code per officer, subject
 *   and act, so generating again never widens what a guess can hit.
 * - `issue` with `maxLive`: when the officer already holds `maxLive` codes that are unused and
 *   expire after the record's `issuedAt`, not counting the one of the same subject and act it
 *   replaces, it MUST write nothing and return `limited` with the earliest `expiresAt` among
 *   them (when a place frees); otherwise it issues and returns `issued`. The count and the
 *   write are one atomic step: of concurrent issues by one officer (any process), no more than
 *   `maxLive` codes are live at once (decision 010, bound). Without `maxLive` it issues.
 * - `live` returns the codes of `subject` and `act` that are unused and expire after `now`.
 * - `consume` marks one code used if it is unused and not expired at `now`: of any number of
 *   concurrent callers for one id, exactly one receives `true`.
 * - `countAttempt` records one attempt of `key` at `now` and returns how many attempts of
 *   `key` fall in `(now - windowMs, now]`, this one included — atomically, so parallel
 *   attempts each see a distinct count and a limit cannot be passed by sending them at once.
 * - `forgetAttempt` removes one attempt of `key` recorded at `at` (a successful use, which
 *   should not count against the officer).
 *
 * A store shared by several server processes (PostgreSQL) lets a code given to one be used
 * through another; the memory store serves a single process.
 */
/** What {@link CoSignCodeStore.issue} did: issued, or refused because the officer holds `maxLive` live codes (`freesAt`: the earliest of their `expiresAt`). */
export type CoSignIssueResult = { kind: 'issued' } | { kind: 'limited'; freesAt: string };

export interface CoSignCodeStore {
  issue(record: CoSignCodeRecord, maxLive?: number): Promise<CoSignIssueResult>;
  live(subject: string, act: string, now: string): Promise<readonly CoSignCodeRecord[]>;
  consume(id: string, now: string): Promise<boolean>;
  countAttempt(key: string, now: string, windowMs: number): Promise<number>;
  forgetAttempt(key: string, at: string): Promise<void>;
}
