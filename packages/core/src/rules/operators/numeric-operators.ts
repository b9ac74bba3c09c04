import { checkScalar, defineOperator, NUMERIC_TYPES, type OperatorDefinition, type OperatorText } from './define-operator.js';

/**
 * json-rules-engine 7.3.1 `numberValidator`: `parseFloat(x).toString() !== 'NaN'`. For a
 * number that is "not NaN" (parseFloat of a number's own text gives it back, Infinity
 * included), without converting it to text.
 */
function isNumberLike(value: unknown): boolean {
  return typeof value === 'number' ? value === value : !Number.isNaN(Number.parseFloat(value as string));
}

const phrase = (zh: string, en: string): OperatorText => ({ 'zh-CN': `{fact}：{actual}，${zh}{expected}`, en: `{fact}: {actual}, ${en} {expected}` });
const BELOW = phrase('低于', 'below');
const NOT_ABOVE = phrase('不高于', 'not above');
const ABOVE = phrase('超过', 'above');
const NOT_BELOW = phrase('不低于', 'not below');

// The fact value must pass parseFloat (json-rules-engine's validator); the comparison is
// then JavaScript's own, so numeric strings compare as strings against strings.

/** `lessThan`. */
export const lessThan: OperatorDefinition = defineOperator({
  name: 'lessThan', origin: 'json-rules-engine', factTypes: NUMERIC_TYPES, value: 'scalar',
  phrase: { ...BELOW }, negation: { ...NOT_BELOW },
  description: { 'zh-CN': '小于给定数值。', en: 'Less than the number.' },
  checkValue: checkScalar,
  create: () => (a, b) => isNumberLike(a) && (a as number) < (b as number),
});

/** `lessThanInclusive`. */
export const lessThanInclusive: OperatorDefinition = defineOperator({
  name: 'lessThanInclusive', origin: 'json-rules-engine', factTypes: NUMERIC_TYPES, value: 'scalar',
  phrase: { ...NOT_ABOVE }, negation: { ...ABOVE },
  description: { 'zh-CN': '小于或等于给定数值。', en: 'Less than or equal to the number.' },
  checkValue: checkScalar,
  create: () => (a, b) => isNumberLike(a) && (a as number) <= (b as number),
});

/** `greaterThan`. */
export const greaterThan: OperatorDefinition = defineOperator({
  name: 'greaterThan', origin: 'json-rules-engine', factTypes: NUMERIC_TYPES, value: 'scalar',
  phrase: { ...ABOVE }, negation: { ...NOT_ABOVE },
  description: { 'zh-CN': '大于给定数值。', en: 'Greater than the number.' },
  checkValue: checkScalar,
  create: () => (a, b) => isNumberLike(a) && (a as number) > (b as number),
});

/** `greaterThanInclusive`. */
export const greaterThanInclusive: OperatorDefinition = defineOperator({
  name: 'greaterThanInclusive', origin: 'json-rules-engine', factTypes: NUMERIC_TYPES, value: 'scalar',
  phrase: { ...NOT_BELOW }, negation: { ...BELOW },
  description: { 'zh-CN': '大于或等于给定数值。', en: 'Greater than or equal to the number.' },
  checkValue: checkScalar,
  create: () => (a, b) => isNumberLike(a) && (a as number) >= (b as number),
});
