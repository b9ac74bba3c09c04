import { defineOperator, NUMERIC_TYPES, type OperatorDefinition, type OperatorFactory, type OperatorText } from './define-operator.js';

const isNumber = (x: unknown): x is number => typeof x === 'number' && !Number.isNaN(x);

/** `[min, max]`: two finite numbers, min not above max. */
function checkRange(value: unknown): OperatorText | undefined {
  if (Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n)) && (value[0] as number) <= (value[1] as number)) {
    return undefined;
  }
  return { 'zh-CN': '[最小值, 最大值] 两个数字，且最小值不大于最大值', en: 'a pair [min, max] of numbers with min ≤ max' };
}

const range =
  (inside: boolean): OperatorFactory =>
  (leaf) => {
    const [min, max] = leaf.value as [number, number];
    return inside ? (a) => isNumber(a) && a >= min && a <= max : (a) => isNumber(a) && (a < min || a > max);
  };
const WITHIN = { 'zh-CN': '{fact}：{actual}，在{expected}范围内', en: '{fact}: {actual}, within {expected}' };
const OUTSIDE = { 'zh-CN': '{fact}：{actual}，超出{expected}范围', en: '{fact}: {actual}, outside {expected}' };

/**
 * `between`: within `[min, max]`, both ends included. The fact must be a number (not a
 * numeric string): a missing or non-numeric fact is neither between nor not between.
 */
export const between: OperatorDefinition = defineOperator({
  name: 'between',
  origin: 'anjian',
  factTypes: NUMERIC_TYPES,
  value: 'range',
  phrase: { ...WITHIN },
  negation: { ...OUTSIDE },
  description: { 'zh-CN': '在 [最小值, 最大值] 之间（含两端）。', en: 'Within [min, max], both ends included.' },
  checkValue: checkRange,
  create: range(true),
});

/** `notBetween`: outside `[min, max]` (false when missing or not a number). */
export const notBetween: OperatorDefinition = defineOperator({
  name: 'notBetween',
  origin: 'anjian',
  factTypes: NUMERIC_TYPES,
  value: 'range',
  phrase: { ...OUTSIDE },
  negation: { ...WITHIN },
  description: { 'zh-CN': '不在 [最小值, 最大值] 之间（未填写时为假）。', en: 'Outside [min, max] (false when missing).' },
  checkValue: checkRange,
  create: range(false),
});
