import type { FactType } from '../../pack/types.js';
import { parseIsoTime } from '../parse-iso-time.js';
import { DATE_TYPES, defineOperator, type Facts, type LeafSpec, type OperatorDefinition, type OperatorFactory, type OperatorTest, type OperatorText } from './define-operator.js';

/** The reserved fact duration operators measure from unless `params.reference` names another. */
export const DEFAULT_REFERENCE_FACT = '$inspectedAt';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Fact name a duration operator measures from: `params.reference`, else `$inspectedAt`. */
export function referenceFactOf(leaf: Pick<LeafSpec, 'params'>): string {
  const reference = leaf.params?.['reference'];
  return typeof reference === 'string' ? reference : DEFAULT_REFERENCE_FACT;
}

/** A non-negative finite number. */
function checkDuration(value: unknown): OperatorText | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return undefined;
  return { 'zh-CN': '不小于 0 的数字', en: 'a number ≥ 0' };
}

/**
 * Elapsed time from the fact to the reference (`params.reference`, else `$inspectedAt`,
 * else the compiler's `now`). Within: `0 ≤ elapsed ≤ N` (a time after the reference is not
 * "within"); older: `elapsed > N`. Days compare calendar days when either side is a bare
 * date; minutes need two date-times.
 */
function duration(unit: 'days' | 'minutes', within: boolean): OperatorFactory {
  return (leaf, ctx) => {
    const n = leaf.value as number;
    const ref = leaf.params?.['reference'];
    if (ref !== undefined && (typeof ref !== 'string' || ref === '')) {
      ctx.invalid({ 'zh-CN': 'params.reference 必须是事实名称', en: 'params.reference must be a fact name' }, '/params/reference');
    }
    const readReference = ctx.reader(referenceFactOf(leaf));
    const now = ctx.now;
    const test: OperatorTest = (a, _b, facts: Facts) => {
      const actual = parseIsoTime(a);
      if (!actual) return false;
      const referenceValue = readReference(facts);
      const reference = parseIsoTime(referenceValue ?? (now ? now() : undefined));
      if (!reference) return false;
      let elapsed: number;
      if (unit === 'minutes') {
        if (actual.ms === undefined || reference.ms === undefined) return false;
        elapsed = (reference.ms - actual.ms) / MINUTE_MS;
      } else if (actual.ms === undefined || reference.ms === undefined) {
        elapsed = reference.day - actual.day;
      } else {
        elapsed = (reference.ms - actual.ms) / DAY_MS;
      }
      return within ? elapsed >= 0 && elapsed <= n : elapsed > n;
    };
    return test;
  };
}

const text = (zh: string, en: string): OperatorText => ({ 'zh-CN': zh, en });
const defineDuration = (
  name: string,
  unit: 'days' | 'minutes',
  within: boolean,
  factTypes: readonly FactType[],
  phrase: OperatorText,
  negation: OperatorText,
  description: OperatorText,
): OperatorDefinition =>
  defineOperator({ name, origin: 'anjian', factTypes, value: 'duration', params: ['reference'], phrase, negation, description, checkValue: checkDuration, create: duration(unit, within) });

const withinDaysPhrase = text('{fact}：{actual}，在{reference}前{expected}天之内', '{fact}: {actual}, within {expected} days before {reference}');
const olderThanDaysPhrase = text('{fact}：{actual}，距{reference}已超过{expected}天', '{fact}: {actual}, more than {expected} days before {reference}');
const withinMinutesPhrase = text('{fact}：{actual}，在{reference}前{expected}分钟之内', '{fact}: {actual}, within {expected} minutes before {reference}');
const olderThanMinutesPhrase = text('{fact}：{actual}，距{reference}已超过{expected}分钟', '{fact}: {actual}, more than {expected} minutes before {reference}');

/** `withinDays`: the date lies within N days before the reference. */
export const withinDays = defineDuration(
  'withinDays',
  'days',
  true,
  DATE_TYPES,
  withinDaysPhrase,
  { ...olderThanDaysPhrase },
  text(
    '日期在参照时间（默认检查时间，或 params.reference 指定的事实）之前的 N 天之内。',
    'The date lies within N days before the reference (the inspection time, or the fact named by params.reference).',
  ),
);

/** `olderThanDays`: the date is more than N days before the reference. */
export const olderThanDays = defineDuration(
  'olderThanDays',
  'days',
  false,
  DATE_TYPES,
  olderThanDaysPhrase,
  { ...withinDaysPhrase },
  text('日期早于参照时间超过 N 天（如检验过期）。', 'The date is more than N days before the reference (e.g. an overdue inspection).'),
);

/** `withinMinutes`: the time lies within N minutes before the reference (two date-times). */
export const withinMinutes = defineDuration(
  'withinMinutes',
  'minutes',
  true,
  ['datetime'],
  withinMinutesPhrase,
  { ...olderThanMinutesPhrase },
  text('时间在参照时间之前的 N 分钟之内（如作业前 30 分钟内完成气体分析）。', 'The time lies within N minutes before the reference (e.g. gas analysis within 30 minutes before work).'),
);

/** `olderThanMinutes`: the time is more than N minutes before the reference. */
export const olderThanMinutes = defineDuration(
  'olderThanMinutes',
  'minutes',
  false,
  ['datetime'],
  olderThanMinutesPhrase,
  { ...withinMinutesPhrase },
  text('时间早于参照时间超过 N 分钟。', 'The time is more than N minutes before the reference.'),
);
