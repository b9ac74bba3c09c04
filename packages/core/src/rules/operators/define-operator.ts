/**
 * The shape of one operator: everything the loader, the compiler and the explainer know
 * about it lives in one object (one file per family next to this one).
 *
 * @module
 */
import type { FactType, LocalizedText } from '../../pack/types.js';

/** Bilingual text with both languages. */
export type OperatorText = LocalizedText & { en: string };

/** Facts as the compiled conditions read them: own properties only. */
export type Facts = Readonly<Record<string, unknown>>;

/** Shape an operator expects of its `value`. */
export type OperatorValueShape =
  /** A single literal of the fact's type (or a `{ fact }` reference). */
  | 'scalar'
  /** An array of literals of the fact's type. */
  | 'list'
  /** A `[min, max]` pair of numbers. */
  | 'range'
  /** A non-negative number (days, minutes). */
  | 'duration'
  /** An ISO date/datetime literal (or a `{ fact }` reference). */
  | 'date'
  /** A literal element that the (array) fact should contain. */
  | 'element';

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
  invalid(message: OperatorText, at?: string): never;
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

/** Compiles one leaf's operator. The compiler has checked the value with `checkValue` first. */
export type OperatorFactory = (leaf: LeafSpec, context: OperatorContext) => OperatorTest;

/** What a value check sees besides the value: is it a pack (declared facts, stricter) or a bare condition. */
export interface ValueCheckContext {
  /**
   * True when the condition belongs to a pack (the loader and `compilePack`): values must
   * have the documented shape. False for a bare `compileCondition`, which accepts what
   * json-rules-engine accepts (an object for `equal`, a string for `in`).
   */
  strict: boolean;
}

/** One built-in operator. Frozen; hosts cannot add operators through a pack. */
export interface OperatorDefinition {
  name: string;
  /** `json-rules-engine` operators must answer exactly like the reference engine. */
  origin: 'json-rules-engine' | 'anjian';
  /** Fact types the operator may be used on. */
  factTypes: readonly FactType[];
  /** Shape of `value`. */
  value: OperatorValueShape;
  /** Named parameters the operator reads from `params`. */
  params?: readonly string[];
  /**
   * How one observation reads in an explanation: a "label：value" record, then the
   * comparison when there is one (「软管长度：3 m，超过 2 m」 / "Hose length: 3 m, above 2 m").
   * `{fact}` (the fact's label, case kept), `{actual}` (the recorded value), `{expected}`
   * (the threshold) and, for duration operators, `{reference}` (the time measured from)
   * are filled in.
   */
  phrase: OperatorText;
  /** The phrase of the observation under a `not` (the comparison did not hold). */
  negation: OperatorText;
  /** A boolean recorded value says it all (「设有报警器：否」, not 「否，不是是」): both phrases read as the bare record. */
  booleanReadsAsRecord?: boolean;
  /** What it means, for the authoring docs. */
  description: OperatorText;
  /**
   * Check `value` (a literal, or a `{ fact }` reference where the operator takes one):
   * `undefined` when usable, else the shape it must have, as "a value that is …" (the
   * compiler names the operator and locates the value). The only value check there is:
   * the loader runs the compiler.
   */
  checkValue(value: unknown, context: ValueCheckContext): OperatorText | undefined;
  /** Compile a leaf into its test. */
  create: OperatorFactory;
  /**
   * For json-rules-engine's comparisons: which one it is. `create` is then
   * {@link comparisonTest} of it, and the compiler may fuse the fact read and the
   * comparison into one closure (`condition-nodes.ts`) — same semantics, fewer calls.
   */
  comparison?: Comparison;
}

/**
 * json-rules-engine's comparisons: `equal`, `notEqual`, the numeric four, `in` / `notIn`
 * (the value is the list) and `contains` / `doesNotContain` (the fact is the list).
 */
export type Comparison = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'in' | 'notIn' | 'has' | 'lacks';

const arrayIndexOf = Array.prototype.indexOf;
const stringIndexOf = String.prototype.indexOf;

/**
 * `list.indexOf(element)` as json-rules-engine calls it, for the two kinds of `list` it can
 * meet in data: arrays (strict equality) and strings (substring after string conversion).
 * For anything else json-rules-engine throws a TypeError and the run fails; anjian answers
 * `-2`, which both `in` (> -1) and `notIn` (=== -1) read as false.
 */
export function indexIn(list: unknown, element: unknown): number {
  if (Array.isArray(list)) return arrayIndexOf.call(list, element);
  if (typeof list === 'string') return stringIndexOf.call(list, element as string);
  return -2;
}

/**
 * json-rules-engine 7.3.1 `numberValidator`: `parseFloat(x).toString() !== 'NaN'`. For a
 * number that is "not NaN" (parseFloat of a number's own text gives it back, Infinity
 * included), without converting it to text.
 */
export function isNumberLike(value: unknown): boolean {
  return typeof value === 'number' ? value === value : !Number.isNaN(Number.parseFloat(value as string));
}

/**
 * The test of a comparison, as json-rules-engine 7.3.1 computes it: strict (in)equality;
 * for the numeric ones the fact must pass its number validator, then JavaScript's own
 * `<`/`>` decides (numeric strings compare as strings against strings); `in` looks the
 * fact up in the value with `indexOf`, `contains` the value in the (array) fact.
 */
export function comparisonTest(comparison: Comparison): OperatorTest {
  switch (comparison) {
    case 'eq':
      return (a, b) => a === b;
    case 'ne':
      return (a, b) => a !== b;
    case 'lt':
      return (a, b) => isNumberLike(a) && (a as number) < (b as number);
    case 'le':
      return (a, b) => isNumberLike(a) && (a as number) <= (b as number);
    case 'gt':
      return (a, b) => isNumberLike(a) && (a as number) > (b as number);
    case 'ge':
      return (a, b) => isNumberLike(a) && (a as number) >= (b as number);
    case 'in':
      return (a, b) => indexIn(b, a) > -1;
    case 'notIn':
      return (a, b) => indexIn(b, a) === -1;
    case 'has':
      return (a, b) => Array.isArray(a) && arrayIndexOf.call(a, b) > -1;
    case 'lacks':
      return (a, b) => Array.isArray(a) && arrayIndexOf.call(a, b) === -1;
  }
}

/** Freeze an operator definition (and its arrays and texts). */
export function defineOperator(definition: OperatorDefinition): OperatorDefinition {
  Object.freeze(definition.factTypes);
  if (definition.params) Object.freeze(definition.params);
  for (const text of [definition.phrase, definition.negation, definition.description]) Object.freeze(text);
  return Object.freeze(definition);
}

/** Fact types grouped as the definitions use them. */
export const SCALAR_TYPES: readonly FactType[] = Object.freeze(['boolean', 'number', 'count', 'enum', 'text', 'date', 'datetime']);
/** Numeric fact types. */
export const NUMERIC_TYPES: readonly FactType[] = Object.freeze(['number', 'count']);
/** Date fact types. */
export const DATE_TYPES: readonly FactType[] = Object.freeze(['date', 'datetime']);
/** Array fact types. */
export const ARRAY_TYPES: readonly FactType[] = Object.freeze(['multi', 'evidence']);

/** `{ fact: … }` as a value. */
export function isFactReference(value: unknown): value is { fact: unknown; path?: unknown } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, 'fact');
}

/** `checkValue` of the scalar shape: one literal or `{ fact }` (strict), anything (json-rules-engine). */
export function checkScalar(value: unknown, context: ValueCheckContext): OperatorText | undefined {
  if (context.strict && value !== null && typeof value === 'object' && !isFactReference(value)) {
    return { 'zh-CN': '单个值或 { fact: 其他事实 }', en: 'a single value or { fact: other }' };
  }
  return undefined;
}
