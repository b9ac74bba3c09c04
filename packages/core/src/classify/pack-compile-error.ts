import type { LocalizedText } from '../pack/types.js';

/** Why a pack did not compile into an evaluator. */
export type PackCompileErrorCode =
  | 'UNKNOWN_FACT'
  | 'UNKNOWN_REGULATION'
  | 'UNKNOWN_RULE'
  | 'UNKNOWN_PREMISES'
  | 'INVALID_PACK'
  | 'UNKNOWN_OPERATOR'
  | 'UNKNOWN_CONDITION'
  | 'CONDITION_CYCLE'
  | 'CONDITION_TOO_DEEP'
  | 'CONDITION_TOO_LARGE'
  | 'UNSAFE_PATH'
  | 'INVALID_CONDITION'
  | 'OPERATOR_FACT_TYPE'
  | 'VALUE_TYPE'
  | 'VALUE_OUT_OF_RANGE'
  | 'VALUE_NOT_AN_OPTION'
  | 'VALUE_FACT_TYPE'
  | 'UNKNOWN_PARAM';

const BRAND = Symbol.for('anjian.PackCompileError');

/**
 * Thrown by {@link compilePack} when the pack cannot be evaluated (it was not produced by
 * the loader: a loaded pack always compiles, the loader runs the same checks). `pointer` is a JSON Pointer into the pack
 * object (e.g. `/sections/0/items/1/hazards/0/when/all/0/operator`); a condition error is
 * kept as `cause`.
 */
export class PackCompileError extends Error {
  override readonly name = 'PackCompileError';
  readonly code: PackCompileErrorCode;
  readonly pointer: string;
  /** The message in both languages (`message` is the English one). */
  readonly localized: LocalizedText & { en: string };
  readonly [BRAND] = true;

  constructor(code: PackCompileErrorCode, message: LocalizedText & { en: string }, pointer: string, options?: { cause?: unknown }) {
    super(`${message.en} (at ${pointer || '/'})`, options);
    this.code = code;
    this.pointer = pointer;
    this.localized = message;
  }
}

/** True when `error` is a {@link PackCompileError}. */
export function isPackCompileError(error: unknown): error is PackCompileError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}
