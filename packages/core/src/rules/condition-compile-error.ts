import type { LocalizedText } from '../pack/types.js';

/** Why a condition did not compile. */
export type ConditionCompileErrorCode =
  | 'UNKNOWN_OPERATOR'
  | 'UNKNOWN_CONDITION'
  | 'UNKNOWN_FACT'
  | 'CONDITION_CYCLE'
  | 'CONDITION_TOO_DEEP'
  | 'CONDITION_TOO_LARGE'
  | 'UNSAFE_PATH'
  | 'INVALID_CONDITION'
  /** With declared facts (`compilePack`): the operator does not fit the fact's type. */
  | 'OPERATOR_FACT_TYPE'
  /** With declared facts: a literal does not fit the fact's type. */
  | 'VALUE_TYPE'
  /** With declared facts: a threshold outside the fact's `min`/`max`. */
  | 'VALUE_OUT_OF_RANGE'
  /** With declared facts: not one of the fact's options. */
  | 'VALUE_NOT_AN_OPTION'
  /** With declared facts: `{ fact }` or `params.reference` of an incompatible type. */
  | 'VALUE_FACT_TYPE'
  /** With declared facts: a parameter the operator does not take. */
  | 'UNKNOWN_PARAM';

const BRAND = Symbol.for('anjian.ConditionCompileError');

/**
 * Thrown by {@link compileCondition} when a condition cannot be compiled. Never thrown at
 * evaluation: every check happens once, at compile time.
 *
 * `pointer` is a JSON Pointer (RFC 6901) into the condition that was compiled, or, when
 * `condition` is set, into that named condition of `options.conditions`.
 *
 * @example
 * ```ts
 * try { compileCondition({ fact: 'a', operator: 'nope', value: 1 }); }
 * catch (e) { if (isConditionCompileError(e)) console.log(e.code, e.pointer); } // UNKNOWN_OPERATOR /operator
 * ```
 */
export class ConditionCompileError extends Error {
  override readonly name = 'ConditionCompileError';
  /** Stable machine code. */
  readonly code: ConditionCompileErrorCode;
  /** JSON Pointer to the offending node or property. */
  readonly pointer: string;
  /** Named condition the pointer refers into, when the error is inside one. */
  readonly condition: string | undefined;
  /** The message in both languages (`message` is the English one). */
  readonly localized: LocalizedText & { en: string };
  /**
   * The loader's issue code when it is more precise than `code` (a value of the wrong
   * shape is `INVALID_CONDITION` here, `VALUE_SHAPE` in the loader's issues).
   */
  declare readonly issue?: string;
  readonly [BRAND] = true;

  constructor(code: ConditionCompileErrorCode, message: LocalizedText & { en: string }, pointer: string, condition?: string, options?: { cause?: unknown }) {
    const where = condition === undefined ? pointer || '/' : `conditions.${condition}${pointer}`;
    super(`${message.en} (at ${where})`, options);
    this.code = code;
    this.pointer = pointer;
    this.condition = condition;
    this.localized = message;
  }
}

/** True when `error` is a {@link ConditionCompileError} (across realms and bundled copies). */
export function isConditionCompileError(error: unknown): error is ConditionCompileError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}
