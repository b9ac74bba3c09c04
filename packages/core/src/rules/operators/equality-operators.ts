import { checkScalar, comparisonTest, defineOperator, SCALAR_TYPES, type OperatorDefinition } from './define-operator.js';

const RECORD = { 'zh-CN': '{fact}：{actual}', en: '{fact}: {actual}' };
const NOT_EXPECTED = { 'zh-CN': '{fact}：{actual}，不是{expected}', en: '{fact}: {actual}, not {expected}' };

/** `equal`: strict equality, as json-rules-engine 7.3.1. */
export const equal: OperatorDefinition = defineOperator({
  name: 'equal',
  origin: 'json-rules-engine',
  factTypes: SCALAR_TYPES,
  value: 'scalar',
  phrase: { ...RECORD },
  negation: { ...NOT_EXPECTED },
  booleanReadsAsRecord: true,
  description: { 'zh-CN': '等于给定值（严格相等）。', en: 'Strictly equal to the value.' },
  checkValue: checkScalar,
  comparison: 'eq',
  create: () => comparisonTest('eq'),
});

/** `notEqual`: strict inequality (a missing fact is "not equal" too). */
export const notEqual: OperatorDefinition = defineOperator({
  name: 'notEqual',
  origin: 'json-rules-engine',
  factTypes: SCALAR_TYPES,
  value: 'scalar',
  phrase: { ...NOT_EXPECTED },
  negation: { ...RECORD },
  booleanReadsAsRecord: true,
  description: { 'zh-CN': '不等于给定值。注意：未填写的事实也“不等于”。', en: 'Not strictly equal. Note: a missing fact is "not equal" too.' },
  checkValue: checkScalar,
  comparison: 'ne',
  create: () => comparisonTest('ne'),
});
