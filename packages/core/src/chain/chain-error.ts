import type { LocalizedText } from '../pack/types.js';

/**
 * Codes of {@link ChainError}: misuse of the chain's API (not a refused command).
 * `CALENDAR_NOT_COVERED`: a working-day period reaches a date whose year the host's calendar
 * does not cover (its holiday arrangement is not loaded) — the host's data, not the caller's
 * request, is missing.
 */
export type ChainErrorCode =
  | 'NON_CANONICAL_VALUE'
  | 'INVALID_DATE'
  | 'INVALID_POLICY'
  | 'NO_WORKING_DAY'
  | 'CALENDAR_NOT_COVERED'
  | 'INVALID_APPEND'
  | 'INVALID_CHECKPOINT'
  | 'INVALID_CURSOR'
  | 'INVALID_QUERY'
  | 'TRAIL_MISMATCH';

const BRAND = Symbol.for('anjian.ChainError');

/**
 * Thrown when the review chain's API is misused (a value that has no canonical JSON, a
 * date that does not parse, a calendar without working days). A command the rules refuse
 * is not an error: it is a `Rejection` value.
 *
 * @example
 * ```ts
 * try { canonicalJson({ n: NaN }); } catch (e) { if (isChainError(e)) console.log(e.code); } // NON_CANONICAL_VALUE
 * ```
 */
export class ChainError extends Error {
  override readonly name = 'ChainError';
  /** Stable machine code. */
  readonly code: ChainErrorCode;
  /** The message in both languages (`message` is the English one). */
  readonly localized: LocalizedText & { en: string };
  readonly [BRAND] = true;

  constructor(code: ChainErrorCode, message: LocalizedText & { en: string }, options?: { cause?: unknown }) {
    super(message.en, options);
    this.code = code;
    this.localized = message;
  }
}

/** True when `error` is a {@link ChainError} (across realms and bundled copies). */
export function isChainError(error: unknown): error is ChainError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}
