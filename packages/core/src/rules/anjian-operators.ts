import type { Facts, LeafSpec, OperatorFactory, OperatorTest } from './operator-implementation.js';
import { parseIsoTime, type IsoTime } from './parse-iso-time.js';

/** The reserved fact date operators compare against unless `params.reference` names another. */
export const DEFAULT_REFERENCE_FACT = '$inspectedAt';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const isNumber = (x: unknown): x is number => typeof x === 'number' && !Number.isNaN(x);

const range: OperatorFactory = (leaf, ctx) => {
  const v = leaf.value;
  if (leaf.valueIsFact || !Array.isArray(v) || v.length !== 2 || !v.every((n) => typeof n === 'number' && Number.isFinite(n)) || (v[0] as number) > (v[1] as number)) {
    ctx.invalid(
      { 'zh-CN': `运算符 ${leaf.operator} 的 value 必须是 [最小值, 最大值]（两个数，最小值不大于最大值）`, en: `the value of operator ${leaf.operator} must be [min, max]: two numbers, min not above max` },
      '/value',
    );
  }
  const [min, max] = v as [number, number];
  return leaf.operator === 'between'
    ? (a) => isNumber(a) && a >= min && a <= max
    : (a) => isNumber(a) && (a < min || a > max);
};

/** Compare two times: at day precision when either is a bare date, else by instant. */
function compareTimes(a: IsoTime, b: IsoTime): number {
  if (a.ms === undefined || b.ms === undefined) return a.day - b.day;
  return a.ms - b.ms;
}

const dateComparison: OperatorFactory = (leaf, ctx) => {
  let literal: IsoTime | undefined;
  if (!leaf.valueIsFact) {
    literal = parseIsoTime(leaf.value);
    if (!literal) {
      ctx.invalid(
        { 'zh-CN': `运算符 ${leaf.operator} 的 value 必须是 ISO 日期（YYYY-MM-DD）或带时区的日期时间，或 { fact }`, en: `the value of operator ${leaf.operator} must be an ISO date (YYYY-MM-DD), a date-time with offset, or { fact }` },
        '/value',
      );
    }
  }
  const sign = leaf.operator === 'before' ? -1 : 1;
  return (a, b) => {
    const actual = parseIsoTime(a);
    const expected = literal ?? parseIsoTime(b);
    if (!actual || !expected) return false;
    return Math.sign(compareTimes(actual, expected)) === sign;
  };
};

/** Fact name a duration operator measures from: `params.reference`, else `$inspectedAt`. */
export function referenceFactOf(leaf: Pick<LeafSpec, 'params'>): string {
  const reference = leaf.params?.['reference'];
  return typeof reference === 'string' ? reference : DEFAULT_REFERENCE_FACT;
}

function duration(unit: 'days' | 'minutes', within: boolean): OperatorFactory {
  return (leaf, ctx) => {
    const n = leaf.value;
    if (leaf.valueIsFact || typeof n !== 'number' || !Number.isFinite(n) || n < 0) {
      ctx.invalid(
        { 'zh-CN': `运算符 ${leaf.operator} 的 value 必须是非负数`, en: `the value of operator ${leaf.operator} must be a non-negative number` },
        '/value',
      );
    }
    const ref = leaf.params?.['reference'];
    if (ref !== undefined && (typeof ref !== 'string' || ref === '')) {
      ctx.invalid({ 'zh-CN': 'params.reference 必须是事实名称', en: 'params.reference must be a fact name' }, '/params/reference');
    }
    const readReference = ctx.reader(referenceFactOf(leaf));
    const now = ctx.now;
    const test: OperatorTest = (a, _b, facts: Facts) => {
      const actual = parseIsoTime(a);
      const referenceValue = readReference(facts);
      const reference = parseIsoTime(referenceValue ?? (now ? now() : undefined));
      if (!actual || !reference) return false;
      let elapsed: number;
      if (unit === 'minutes') {
        if (actual.ms === undefined || reference.ms === undefined) return false;
        elapsed = (reference.ms - actual.ms) / MINUTE_MS;
      } else if (actual.ms === undefined || reference.ms === undefined) {
        elapsed = reference.day - actual.day;
      } else {
        elapsed = (reference.ms - actual.ms) / DAY_MS;
      }
      return within ? elapsed >= 0 && elapsed <= (n as number) : elapsed > (n as number);
    };
    return test;
  };
}

/**
 * anjian's own operators (documented in the operator catalogue):
 *
 * - `between` / `notBetween`: `value: [min, max]`, both ends included; the fact must be a
 *   number (not a numeric string), so a missing or non-numeric fact is neither between
 *   nor not between.
 * - `before` / `after`: ISO dates or date-times with offset; a bare date on either side
 *   compares at day precision (a date-time counts on the day written in it); anything
 *   unparsable is false.
 * - `withinDays` / `olderThanDays` / `withinMinutes` / `olderThanMinutes`: elapsed time
 *   from the fact to the reference (`params.reference`, else `$inspectedAt`, else the
 *   compiler's `now`). Within: `0 ≤ elapsed ≤ N` (a time after the reference is not
 *   "within"); older: `elapsed > N`. Days compare calendar days when either side is a
 *   bare date; minutes need two date-times.
 */
export const ANJIAN_OPERATORS: Readonly<Record<string, OperatorFactory>> = Object.freeze({
  between: range,
  notBetween: range,
  before: dateComparison,
  after: dateComparison,
  withinDays: duration('days', true),
  olderThanDays: duration('days', false),
  withinMinutes: duration('minutes', true),
  olderThanMinutes: duration('minutes', false),
});

