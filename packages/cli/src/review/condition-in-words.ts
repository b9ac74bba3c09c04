import type { Condition, Lang, Pack } from '@anjian/core';
import { factLabels, formatValue } from '@anjian/core/internal';

type Labels = ReturnType<typeof factLabels>;

const OPERATOR_WORDS: Readonly<Record<string, Record<Lang, string>>> = Object.freeze({
  equal: { 'zh-CN': '为', en: 'is' },
  notEqual: { 'zh-CN': '不为', en: 'is not' },
  greaterThan: { 'zh-CN': '大于', en: 'is more than' },
  greaterThanInclusive: { 'zh-CN': '不小于', en: 'is at least' },
  lessThan: { 'zh-CN': '小于', en: 'is less than' },
  lessThanInclusive: { 'zh-CN': '不大于', en: 'is at most' },
  in: { 'zh-CN': '为以下之一：', en: 'is one of' },
  notIn: { 'zh-CN': '不是以下任何一项：', en: 'is none of' },
  contains: { 'zh-CN': '包括', en: 'includes' },
  doesNotContain: { 'zh-CN': '不包括', en: 'does not include' },
  between: { 'zh-CN': '介于', en: 'is between' },
  notBetween: { 'zh-CN': '不在以下范围：', en: 'is not between' },
  before: { 'zh-CN': '早于', en: 'is before' },
  after: { 'zh-CN': '晚于', en: 'is after' },
  withinDays: { 'zh-CN': '在检查时间前以下天数之内：', en: 'is within this many days before the inspection:' },
  olderThanDays: { 'zh-CN': '距检查时间已超过以下天数：', en: 'is more than this many days before the inspection:' },
  withinMinutes: { 'zh-CN': '在参照时间前以下分钟之内：', en: 'is within this many minutes before the reference:' },
  olderThanMinutes: { 'zh-CN': '距参照时间已超过以下分钟：', en: 'is more than this many minutes before the reference:' },
});

/**
 * A pack condition as a reviewer reads it: fact labels, option labels, 是/否, units — named
 * conditions written out; `且`/`或` (and/or) with brackets for nesting. For the rule table of
 * `anjian export` (legal review) and the form of `anjian form`.
 *
 * @example
 * ```ts
 * conditionInWords(rule.when, pack, 'zh-CN'); // '使用的燃气种类 为 瓶装液化石油气 且 用气场所位于地下或半地下 为 是'
 * ```
 */
export function conditionInWords(condition: Condition, pack: Pack, lang: Lang, labels: Labels = factLabels(pack)): string {
  return words(condition, pack, lang, labels, 0);
}

function words(condition: Condition, pack: Pack, lang: Lang, labels: Labels, depth: number): string {
  const zh = lang === 'zh-CN';
  const c = condition as unknown as Record<string, unknown>;
  const inner = (x: Condition) => words(x, pack, lang, labels, depth + 1);
  const group = (list: Condition[], sep: string) => (list.length === 1 || depth === 0 ? list.map(inner).join(sep) : `${zh ? '（' : '('}${list.map(inner).join(sep)}${zh ? '）' : ')'}`);
  if (depth > 16) return '…';
  if (Array.isArray(c.all)) return group(c.all as Condition[], zh ? ' 且 ' : ' and ');
  if (Array.isArray(c.any)) return group(c.any as Condition[], zh ? ' 或 ' : ' or ');
  if (Array.isArray(c.of)) {
    const list = (c.of as Condition[]).map(inner).join(zh ? '；' : '; ');
    return zh ? `以下至少 ${String(c.atLeast)} 项成立：${list}` : `at least ${String(c.atLeast)} of: ${list}`;
  }
  if (c.not !== undefined) return zh ? `并非${inner(c.not as Condition)}` : `not ${inner(c.not as Condition)}`;
  if (typeof c.condition === 'string') {
    const named = pack.conditions ?? {};
    const target = Object.hasOwn(named, c.condition) ? named[c.condition] : undefined;
    return target !== undefined ? inner(target) : `[${c.condition}]`;
  }
  const fact = labels.get(String(c.fact));
  const name = fact ? (zh ? fact.label['zh-CN'] : (fact.label.en ?? fact.label['zh-CN'])) : String(c.fact);
  const operator = String(c.operator);
  const op = OPERATOR_WORDS[operator]?.[lang] ?? operator;
  const value = c.value;
  let shown: string;
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'fact' in value) {
    const other = labels.get(String((value as { fact: unknown }).fact));
    shown = other ? (zh ? other.label['zh-CN'] : (other.label.en ?? other.label['zh-CN'])) : String((value as { fact: unknown }).fact);
  } else if ((operator === 'between' || operator === 'notBetween') && Array.isArray(value)) {
    shown = `${formatValue(value[0], fact, lang)}–${formatValue(value[1], fact, lang)}`;
  } else if (operator === 'contains' || operator === 'doesNotContain') {
    shown = formatValue([value], fact, lang);
  } else if (typeof value === 'number' && !fact) {
    shown = String(value);
  } else {
    shown = formatValue(value, fact && (operator.endsWith('Days') || operator.endsWith('Minutes') || operator.endsWith('Hours')) ? undefined : fact, lang);
  }
  return `${name} ${op} ${shown}`;
}
