/**
 * What each built-in operator accepts: the fact types it may compare and the shape of its
 * `value`. The loader checks conditions against this table; the compiler implements the
 * semantics (see `operators.ts`). Both read the same table, so they cannot disagree on
 * which operators exist.
 *
 * @module
 */
import type { FactType, LocalizedText } from '../pack/types.js';

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

/** Description of one operator. */
export interface OperatorSpec {
  name: string;
  /** `json-rules-engine` operators must answer exactly like the reference engine. */
  origin: 'json-rules-engine' | 'anjian';
  /** Fact types the operator may be used on. */
  factTypes: readonly FactType[];
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
  phrase: LocalizedText & { en: string };
  /** What it means, for the authoring docs. */
  description: LocalizedText & { en: string };
}

const scalarTypes: readonly FactType[] = ['boolean', 'number', 'count', 'enum', 'text', 'date', 'datetime'];
const numeric: readonly FactType[] = ['number', 'count'];
const dates: readonly FactType[] = ['date', 'datetime'];
const arrays: readonly FactType[] = ['multi', 'evidence'];

const spec = (s: OperatorSpec): OperatorSpec => Object.freeze(s);

/**
 * The operator table. Hosts cannot add operators through a pack; an unknown name is a
 * load-time error.
 */
export const OPERATOR_CATALOGUE: Readonly<Record<string, OperatorSpec>> = Object.freeze({
  equal: spec({
    name: 'equal', origin: 'json-rules-engine', factTypes: scalarTypes, value: 'scalar',
    phrase: { 'zh-CN': '{fact}：{actual}', en: '{fact}: {actual}' },
    description: { 'zh-CN': '等于给定值（严格相等）。', en: 'Strictly equal to the value.' },
  }),
  notEqual: spec({
    name: 'notEqual', origin: 'json-rules-engine', factTypes: scalarTypes, value: 'scalar',
    phrase: { 'zh-CN': '{fact}：{actual}，不是{expected}', en: '{fact}: {actual}, not {expected}' },
    description: { 'zh-CN': '不等于给定值。注意：未填写的事实也“不等于”。', en: 'Not strictly equal. Note: a missing fact is "not equal" too.' },
  }),
  lessThan: spec({
    name: 'lessThan', origin: 'json-rules-engine', factTypes: numeric, value: 'scalar',
    phrase: { 'zh-CN': '{fact}：{actual}，低于{expected}', en: '{fact}: {actual}, below {expected}' },
    description: { 'zh-CN': '小于给定数值。', en: 'Less than the number.' },
  }),
  lessThanInclusive: spec({
    name: 'lessThanInclusive', origin: 'json-rules-engine', factTypes: numeric, value: 'scalar',
    phrase: { 'zh-CN': '{fact}：{actual}，不高于{expected}', en: '{fact}: {actual}, not above {expected}' },
    description: { 'zh-CN': '小于或等于给定数值。', en: 'Less than or equal to the number.' },
  }),
  greaterThan: spec({
    name: 'greaterThan', origin: 'json-rules-engine', factTypes: numeric, value: 'scalar',
    phrase: { 'zh-CN': '{fact}：{actual}，超过{expected}', en: '{fact}: {actual}, above {expected}' },
    description: { 'zh-CN': '大于给定数值。', en: 'Greater than the number.' },
  }),
  greaterThanInclusive: spec({
    name: 'greaterThanInclusive', origin: 'json-rules-engine', factTypes: numeric, value: 'scalar',
    phrase: { 'zh-CN': '{fact}：{actual}，不低于{expected}', en: '{fact}: {actual}, not below {expected}' },
    description: { 'zh-CN': '大于或等于给定数值。', en: 'Greater than or equal to the number.' },
  }),
  in: spec({
    name: 'in', origin: 'json-rules-engine', factTypes: scalarTypes, value: 'list',
    phrase: { 'zh-CN': '{fact}：{actual}', en: '{fact}: {actual}' },
    description: { 'zh-CN': '是列表中的某一个值。', en: 'One of the listed values.' },
  }),
  notIn: spec({
    name: 'notIn', origin: 'json-rules-engine', factTypes: scalarTypes, value: 'list',
    phrase: { 'zh-CN': '{fact}：{actual}，不属于{expected}', en: '{fact}: {actual}, not {expected}' },
    description: { 'zh-CN': '不是列表中的任何一个值。', en: 'None of the listed values.' },
  }),
  contains: spec({
    name: 'contains', origin: 'json-rules-engine', factTypes: arrays, value: 'element',
    phrase: { 'zh-CN': '{fact}：包括{expected}', en: '{fact}: includes {expected}' },
    description: { 'zh-CN': '多选答案中包含该选项。', en: 'The multiple-choice answer includes the option.' },
  }),
  doesNotContain: spec({
    name: 'doesNotContain', origin: 'json-rules-engine', factTypes: arrays, value: 'element',
    phrase: { 'zh-CN': '{fact}：不包括{expected}', en: '{fact}: does not include {expected}' },
    description: { 'zh-CN': '多选答案中不包含该选项。', en: 'The multiple-choice answer does not include the option.' },
  }),
  between: spec({
    name: 'between', origin: 'anjian', factTypes: numeric, value: 'range',
    phrase: { 'zh-CN': '{fact}：{actual}，在{expected}范围内', en: '{fact}: {actual}, within {expected}' },
    description: { 'zh-CN': '在 [最小值, 最大值] 之间（含两端）。', en: 'Within [min, max], both ends included.' },
  }),
  notBetween: spec({
    name: 'notBetween', origin: 'anjian', factTypes: numeric, value: 'range',
    phrase: { 'zh-CN': '{fact}：{actual}，超出{expected}范围', en: '{fact}: {actual}, outside {expected}' },
    description: { 'zh-CN': '不在 [最小值, 最大值] 之间（未填写时为假）。', en: 'Outside [min, max] (false when missing).' },
  }),
  before: spec({
    name: 'before', origin: 'anjian', factTypes: dates, value: 'date',
    phrase: { 'zh-CN': '{fact}：{actual}，早于{expected}', en: '{fact}: {actual}, before {expected}' },
    description: { 'zh-CN': '日期早于给定日期（或另一事实）。', en: 'A date before the given date (or another fact).' },
  }),
  after: spec({
    name: 'after', origin: 'anjian', factTypes: dates, value: 'date',
    phrase: { 'zh-CN': '{fact}：{actual}，晚于{expected}', en: '{fact}: {actual}, after {expected}' },
    description: { 'zh-CN': '日期晚于给定日期（或另一事实）。', en: 'A date after the given date (or another fact).' },
  }),
  withinDays: spec({
    name: 'withinDays', origin: 'anjian', factTypes: dates, value: 'duration', params: ['reference'],
    phrase: { 'zh-CN': '{fact}：{actual}，在{reference}前{expected}天之内', en: '{fact}: {actual}, within {expected} days before {reference}' },
    description: {
      'zh-CN': '日期在参照时间（默认检查时间，或 params.reference 指定的事实）之前的 N 天之内。',
      en: 'The date lies within N days before the reference (the inspection time, or the fact named by params.reference).',
    },
  }),
  olderThanDays: spec({
    name: 'olderThanDays', origin: 'anjian', factTypes: dates, value: 'duration', params: ['reference'],
    phrase: { 'zh-CN': '{fact}：{actual}，距{reference}已超过{expected}天', en: '{fact}: {actual}, more than {expected} days before {reference}' },
    description: {
      'zh-CN': '日期早于参照时间超过 N 天（如检验过期）。',
      en: 'The date is more than N days before the reference (e.g. an overdue inspection).',
    },
  }),
  withinMinutes: spec({
    name: 'withinMinutes', origin: 'anjian', factTypes: ['datetime'], value: 'duration', params: ['reference'],
    phrase: { 'zh-CN': '{fact}：{actual}，在{reference}前{expected}分钟之内', en: '{fact}: {actual}, within {expected} minutes before {reference}' },
    description: {
      'zh-CN': '时间在参照时间之前的 N 分钟之内（如作业前 30 分钟内完成气体分析）。',
      en: 'The time lies within N minutes before the reference (e.g. gas analysis within 30 minutes before work).',
    },
  }),
  olderThanMinutes: spec({
    name: 'olderThanMinutes', origin: 'anjian', factTypes: ['datetime'], value: 'duration', params: ['reference'],
    phrase: { 'zh-CN': '{fact}：{actual}，距{reference}已超过{expected}分钟', en: '{fact}: {actual}, more than {expected} minutes before {reference}' },
    description: {
      'zh-CN': '时间早于参照时间超过 N 分钟。',
      en: 'The time is more than N minutes before the reference.',
    },
  }),
});

/**
 * Facts every evaluation supplies besides the findings. Packs may use them in conditions
 * without declaring them.
 */
export const RESERVED_FACTS: Readonly<Record<string, FactType>> = Object.freeze({
  /** The premises kind id of the inspection. */
  $premises: 'enum',
  /** The inspection time (ISO 8601). Date operators default to it as their reference. */
  $inspectedAt: 'datetime',
});

/** Caps that keep evaluation bounded (security.md T3). */
export const CONDITION_LIMITS = Object.freeze({
  /** Maximum nesting depth of one condition (after resolving references). */
  maxDepth: 32,
  /** Maximum number of leaves in one condition (after resolving references). */
  maxLeaves: 2000,
  /** Maximum length of a `path`. */
  maxPathLength: 256,
});

/**
 * The only `path` syntax accepted: property access from the root, `$.a.b[0]`.
 * Never JSONPath filters, recursion, wildcards or scripts (security.md T1, T2).
 */
export const SAFE_PATH = /^\$(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d{1,6}\])*$/;

/** Property names a path may never touch, even where the grammar allows them. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
