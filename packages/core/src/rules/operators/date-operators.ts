import { parseIsoTime, type IsoTime } from '../parse-iso-time.js';
import { DATE_TYPES, defineOperator, isFactReference, type OperatorDefinition, type OperatorFactory, type OperatorText } from './define-operator.js';

/** Compare two times: at day precision when either is a bare date, else by instant. */
export function compareTimes(a: IsoTime, b: IsoTime): number {
  if (a.ms === undefined || b.ms === undefined) return a.day - b.day;
  return a.ms - b.ms;
}

/** An ISO date or date-time with offset, as {@link parseIsoTime} reads it (the one date grammar), or `{ fact }`. */
function checkDate(value: unknown): OperatorText | undefined {
  if (isFactReference(value) || parseIsoTime(value) !== undefined) return undefined;
  return {
    'zh-CN': '日期（YYYY-MM-DD）、带时区的 ISO 8601 时间（如 2026-11-28T08:00:00+08:00）或 { fact: 其他事实 }',
    en: 'a date (YYYY-MM-DD), an ISO 8601 date-time with offset (such as 2026-11-28T08:00:00+08:00) or { fact: other }',
  };
}

const comparison =
  (sign: -1 | 1): OperatorFactory =>
  (leaf) => {
    const literal = leaf.valueIsFact ? undefined : parseIsoTime(leaf.value);
    return (a, b) => {
      const actual = parseIsoTime(a);
      const expected = literal ?? parseIsoTime(b);
      if (!actual || !expected) return false;
      return Math.sign(compareTimes(actual, expected)) === sign;
    };
  };

/**
 * `before`: the date lies before the value (an ISO date, a date-time with offset, or
 * another fact). A bare date on either side compares at day precision (a date-time counts
 * on the day written in it); anything unparsable is false.
 */
export const before: OperatorDefinition = defineOperator({
  name: 'before',
  origin: 'anjian',
  factTypes: DATE_TYPES,
  value: 'date',
  phrase: { 'zh-CN': '{fact}：{actual}，早于{expected}', en: '{fact}: {actual}, before {expected}' },
  negation: { 'zh-CN': '{fact}：{actual}，不早于{expected}', en: '{fact}: {actual}, not before {expected}' },
  description: { 'zh-CN': '日期早于给定日期（或另一事实）。', en: 'A date before the given date (or another fact).' },
  checkValue: checkDate,
  create: comparison(-1),
});

/** `after`: the date lies after the value; as {@link before}. */
export const after: OperatorDefinition = defineOperator({
  name: 'after',
  origin: 'anjian',
  factTypes: DATE_TYPES,
  value: 'date',
  phrase: { 'zh-CN': '{fact}：{actual}，晚于{expected}', en: '{fact}: {actual}, after {expected}' },
  negation: { 'zh-CN': '{fact}：{actual}，不晚于{expected}', en: '{fact}: {actual}, not after {expected}' },
  description: { 'zh-CN': '日期晚于给定日期（或另一事实）。', en: 'A date after the given date (or another fact).' },
  checkValue: checkDate,
  create: comparison(1),
});
