import { checkScalar, comparisonTest, defineOperator, NUMERIC_TYPES, type OperatorDefinition, type OperatorText } from './define-operator.js';

const phrase = (zh: string, en: string): OperatorText => ({ 'zh-CN': `{fact}：{actual}，${zh}{expected}`, en: `{fact}: {actual}, ${en} {expected}` });
const BELOW = phrase('低于', 'below');
const NOT_ABOVE = phrase('不高于', 'not above');
const ABOVE = phrase('超过', 'above');
const NOT_BELOW = phrase('不低于', 'not below');

// The fact value must pass json-rules-engine's number validator; the comparison is then
// JavaScript's own, so numeric strings compare as strings against strings.

/** `lessThan`. */
export const lessThan: OperatorDefinition = defineOperator({
  name: 'lessThan',
  origin: 'json-rules-engine',
  factTypes: NUMERIC_TYPES,
  value: 'scalar',
  phrase: { ...BELOW },
  negation: { ...NOT_BELOW },
  description: { 'zh-CN': '小于给定数值。', en: 'Less than the number.' },
  checkValue: checkScalar,
  comparison: 'lt',
  create: () => comparisonTest('lt'),
});

/** `lessThanInclusive`. */
export const lessThanInclusive: OperatorDefinition = defineOperator({
  name: 'lessThanInclusive',
  origin: 'json-rules-engine',
  factTypes: NUMERIC_TYPES,
  value: 'scalar',
  phrase: { ...NOT_ABOVE },
  negation: { ...ABOVE },
  description: { 'zh-CN': '小于或等于给定数值。', en: 'Less than or equal to the number.' },
  checkValue: checkScalar,
  comparison: 'le',
  create: () => comparisonTest('le'),
});

/** `greaterThan`. */
export const greaterThan: OperatorDefinition = defineOperator({
  name: 'greaterThan',
  origin: 'json-rules-engine',
  factTypes: NUMERIC_TYPES,
  value: 'scalar',
  phrase: { ...ABOVE },
  negation: { ...NOT_ABOVE },
  description: { 'zh-CN': '大于给定数值。', en: 'Greater than the number.' },
  checkValue: checkScalar,
  comparison: 'gt',
  create: () => comparisonTest('gt'),
});

/** `greaterThanInclusive`. */
export const greaterThanInclusive: OperatorDefinition = defineOperator({
  name: 'greaterThanInclusive',
  origin: 'json-rules-engine',
  factTypes: NUMERIC_TYPES,
  value: 'scalar',
  phrase: { ...NOT_BELOW },
  negation: { ...BELOW },
  description: { 'zh-CN': '大于或等于给定数值。', en: 'Greater than or equal to the number.' },
  checkValue: checkScalar,
  comparison: 'ge',
  create: () => comparisonTest('ge'),
});
