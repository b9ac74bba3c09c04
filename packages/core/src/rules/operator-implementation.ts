/** Facts as the compiled conditions read them: own properties only. */
export type Facts = Readonly<Record<string, unknown>>;

/** What an operator factory learns about its leaf at compile time. */
export interface LeafSpec {
  operator: string;
  /** The literal `value`, or the `{ fact }` reference object when `valueIsFact`. */
  value: unknown;
  valueIsFact: boolean;
  params: Readonly<Record<string, unknown>> | undefined;
}

/** Context an operator factory may use: how to reject the leaf, and the host's clock fallback. */
export interface OperatorContext {
  /** Reject the leaf at compile time (throws an INVALID_CONDITION error). `at` is a pointer suffix, e.g. `/value`. */
  invalid(message: { 'zh-CN': string; en: string }, at?: string): never;
  /** Fallback reference time for duration operators when the reference fact is missing. */
  now: (() => string) | undefined;
  /** How the compiled condition reads a fact by name (honours `reservedFrom`). */
  reader(name: string): (facts: Facts) => unknown;
}

/**
 * A compiled operator: `actual` is the fact's value (after `path`), `expected` the literal
 * or the referenced fact's value. Must return a boolean; may throw only on hostile values
 * (the leaf turns a throw into `false`).
 */
export type OperatorTest = (actual: unknown, expected: unknown, facts: Facts) => boolean;

/** Compiles one leaf's operator; validates what can be validated at compile time. */
export type OperatorFactory = (leaf: LeafSpec, context: OperatorContext) => OperatorTest;
