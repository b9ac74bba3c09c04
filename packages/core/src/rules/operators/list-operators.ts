import { ARRAY_TYPES, comparisonTest, defineOperator, isFactReference, SCALAR_TYPES, type OperatorDefinition, type OperatorText, type ValueCheckContext } from './define-operator.js';

/** A list literal (json-rules-engine also takes a string, or `{ fact }`; a pack only a list). */
function checkList(value: unknown, context: ValueCheckContext): OperatorText | undefined {
  if (Array.isArray(value)) return undefined;
  if (!context.strict && (typeof value === 'string' || isFactReference(value))) return undefined;
  return { 'zh-CN': '列表，如 [a, b]', en: 'a list, such as [a, b]' };
}

/** One option value (a pack); json-rules-engine compares anything. */
function checkElement(value: unknown, context: ValueCheckContext): OperatorText | undefined {
  if (!context.strict || typeof value === 'string') return undefined;
  return { 'zh-CN': '一个选项值（文字）', en: 'one option value (text)' };
}

const RECORD = { 'zh-CN': '{fact}：{actual}', en: '{fact}: {actual}' };
const NOT_IN = { 'zh-CN': '{fact}：{actual}，不属于{expected}', en: '{fact}: {actual}, not {expected}' };
// an option missing reads after what was recorded: 「现场配备的装备：安全带，不包括正压式空气呼吸器」
// (several observations of one answer share one record: 「…：隔爆，不包括泄爆、惰化、抑爆」)
const INCLUDES = { 'zh-CN': '{fact}：包括{expected}', en: '{fact}: includes {expected}' };
const EXCLUDES = { 'zh-CN': '{fact}：{actual}，不包括{expected}', en: '{fact}: {actual}, without {expected}' };

/** `in`: the fact is one of the listed values (`indexOf` on the value, as json-rules-engine). */
export const isOneOf: OperatorDefinition = defineOperator({
  name: 'in',
  origin: 'json-rules-engine',
  factTypes: SCALAR_TYPES,
  value: 'list',
  phrase: { ...RECORD },
  negation: { ...NOT_IN },
  description: { 'zh-CN': '是列表中的某一个值。', en: 'One of the listed values.' },
  checkValue: checkList,
  comparison: 'in',
  create: () => comparisonTest('in'),
});

/** `notIn`: none of the listed values. */
export const notIn: OperatorDefinition = defineOperator({
  name: 'notIn',
  origin: 'json-rules-engine',
  factTypes: SCALAR_TYPES,
  value: 'list',
  phrase: { ...NOT_IN },
  negation: { ...RECORD },
  description: { 'zh-CN': '不是列表中的任何一个值。', en: 'None of the listed values.' },
  checkValue: checkList,
  comparison: 'notIn',
  create: () => comparisonTest('notIn'),
});

/** `contains`: the (array) fact includes the element; false when the fact is not an array. */
export const contains: OperatorDefinition = defineOperator({
  name: 'contains',
  origin: 'json-rules-engine',
  factTypes: ARRAY_TYPES,
  value: 'element',
  phrase: { ...INCLUDES },
  negation: { ...EXCLUDES },
  description: { 'zh-CN': '多选答案中包含该选项。', en: 'The multiple-choice answer includes the option.' },
  checkValue: checkElement,
  comparison: 'has',
  create: () => comparisonTest('has'),
});

/** `doesNotContain`: the (array) fact does not include the element; false when not an array. */
export const doesNotContain: OperatorDefinition = defineOperator({
  name: 'doesNotContain',
  origin: 'json-rules-engine',
  factTypes: ARRAY_TYPES,
  value: 'element',
  phrase: { ...EXCLUDES },
  negation: { ...INCLUDES },
  description: { 'zh-CN': '多选答案中不包含该选项。', en: 'The multiple-choice answer does not include the option.' },
  checkValue: checkElement,
  comparison: 'lacks',
  create: () => comparisonTest('lacks'),
});
