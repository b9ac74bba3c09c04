import type { OperatorFactory, OperatorTest } from './operator-implementation.js';

const arrayIndexOf = Array.prototype.indexOf;
const stringIndexOf = String.prototype.indexOf;

/** json-rules-engine 7.3.1 `numberValidator`, verbatim: `parseFloat(x).toString() !== 'NaN'`. */
function isNumberLike(value: unknown): boolean {
  return !Number.isNaN(Number.parseFloat(value as string));
}

/**
 * `b.indexOf(a)` as json-rules-engine calls it, for the two kinds of `b` it can meet in
 * data: arrays (strict equality) and strings (substring after string conversion). For
 * anything else json-rules-engine throws a TypeError and the run fails; anjian answers
 * `-2`, which both `in` (> -1) and `notIn` (=== -1) read as false.
 */
function indexIn(list: unknown, element: unknown): number {
  if (Array.isArray(list)) return arrayIndexOf.call(list, element);
  if (typeof list === 'string') return stringIndexOf.call(list, element as string);
  return -2;
}

const listValue: OperatorFactory = (leaf, ctx) => {
  if (!leaf.valueIsFact && !Array.isArray(leaf.value) && typeof leaf.value !== 'string') {
    ctx.invalid(
      { 'zh-CN': `运算符 ${leaf.operator} 的 value 必须是列表`, en: `the value of operator ${leaf.operator} must be a list` },
      '/value',
    );
  }
  return leaf.operator === 'in'
    ? (a, b) => indexIn(b, a) > -1
    : (a, b) => indexIn(b, a) === -1;
};

const constant = (test: OperatorTest): OperatorFactory => () => test;

/**
 * The operators of json-rules-engine 7.3.1 (`engine-default-operators.js`) with the same
 * results, fact-value validators included: numeric operators require
 * `parseFloat(fact)` to be a number and then compare with JavaScript's `<`/`>` (so
 * numeric strings compare as strings against strings, and as numbers against numbers),
 * `contains`/`doesNotContain` require the fact to be an array, `in`/`notIn` use
 * `indexOf` on the value.
 */
export const JRE_OPERATORS: Readonly<Record<string, OperatorFactory>> = Object.freeze({
  equal: constant((a, b) => a === b),
  notEqual: constant((a, b) => a !== b),
  in: listValue,
  notIn: listValue,
  contains: constant((a, b) => Array.isArray(a) && arrayIndexOf.call(a, b) > -1),
  doesNotContain: constant((a, b) => Array.isArray(a) && arrayIndexOf.call(a, b) === -1),
  lessThan: constant((a, b) => isNumberLike(a) && (a as number) < (b as number)),
  lessThanInclusive: constant((a, b) => isNumberLike(a) && (a as number) <= (b as number)),
  greaterThan: constant((a, b) => isNumberLike(a) && (a as number) > (b as number)),
  greaterThanInclusive: constant((a, b) => isNumberLike(a) && (a as number) >= (b as number)),
});
