import type { Lang } from '../pack/types.js';
import { OPERATOR_CATALOGUE } from '../rules/operator-catalogue.js';
import { pick, type FactLabel } from './fact-labels.js';
import { formatValue } from './format-value.js';
import type { Observation } from './types.js';

/** Operator whose phrase describes a negated observation of the key. */
const COMPLEMENT: Readonly<Record<string, string>> = {
  equal: 'notEqual',
  notEqual: 'equal',
  lessThan: 'greaterThanInclusive',
  greaterThanInclusive: 'lessThan',
  lessThanInclusive: 'greaterThan',
  greaterThan: 'lessThanInclusive',
  in: 'notIn',
  notIn: 'in',
  contains: 'doesNotContain',
  doesNotContain: 'contains',
  between: 'notBetween',
  notBetween: 'between',
  withinDays: 'olderThanDays',
  olderThanDays: 'withinDays',
  withinMinutes: 'olderThanMinutes',
  olderThanMinutes: 'withinMinutes',
};

/**
 * One observation as a clause, from the operator catalogue's phrase with the fact's
 * label, the recorded value and the threshold filled in, e.g. 「连接软管长度为 3 m，超过 2 m」
 * / "Length of the connecting hose is 3 m, above 2 m".
 */
export function explainObservation(o: Observation, labels: ReadonlyMap<string, FactLabel>, lang: Lang): string {
  const fact = labels.get(o.fact);
  let operator = o.operator;
  let negatedWithoutPhrase = false;
  if (o.negated) {
    const complement = COMPLEMENT[operator];
    if (complement) operator = complement;
    else negatedWithoutPhrase = true;
  }
  // "是否…为否，不是是" reads badly: for a boolean, the recorded value says it all
  if (operator === 'notEqual' && typeof o.actual === 'boolean') operator = 'equal';
  const spec = Object.hasOwn(OPERATOR_CATALOGUE, operator) ? OPERATOR_CATALOGUE[operator] : undefined;
  const phrase = spec ? pick(spec.phrase, lang) : lang === 'en' ? '{fact} is {actual} ({operator} {expected})' : '{fact}为{actual}（{operator} {expected}）';
  let label = pick(fact?.label, lang) || o.fact;
  if (o.path !== undefined) label += ` ${o.path}`;
  const clause = fill(phrase, lang, {
    fact: label,
    actual: formatValue(o.actual, fact, lang),
    expected: formatExpected(o, operator, fact, labels, lang),
    operator: o.operator,
  });
  if (!negatedWithoutPhrase) return clause;
  return lang === 'en' ? `it is not so that ${lowerFirst(clause)}` : `并非${clause}`;
}

const CJK = /[\u3400-\u9fff]/;
const LATIN_START = /^[A-Za-z0-9]/;
const LATIN_END = /[A-Za-z0-9%]$/;

/**
 * Fill `{name}` placeholders. In Chinese, a value that starts or ends with Latin letters
 * or digits gets a space where it meets a Chinese character (「长度为 3 m，超过 2 m」).
 */
function fill(phrase: string, lang: Lang, values: Readonly<Record<string, string>>): string {
  return phrase.replace(/\{(fact|actual|expected|operator)\}/g, (match: string, key: string, offset: number) => {
    let value = values[key] ?? match;
    if (lang !== 'zh-CN') return value;
    const before = phrase[offset - 1];
    const after = phrase[offset + match.length];
    if (before !== undefined && CJK.test(before) && LATIN_START.test(value) && !CJK.test(value[0]!)) value = ` ${value}`;
    if (after !== undefined && CJK.test(after) && LATIN_END.test(value)) value = `${value} `;
    return value;
  });
}

function formatExpected(o: Observation, operator: string, fact: FactLabel | undefined, labels: ReadonlyMap<string, FactLabel>, lang: Lang): string {
  const zh = lang === 'zh-CN';
  if (o.valueFact !== undefined) {
    const other = labels.get(o.valueFact);
    return `${formatValue(o.expected, other, lang)}${zh ? '（' : ' ('}${pick(other?.label, lang) || o.valueFact}${zh ? '）' : ')'}`;
  }
  const shape = OPERATOR_CATALOGUE[operator]?.value;
  if (shape === 'range' && Array.isArray(o.expected) && o.expected.length === 2) {
    const unit = fact?.unit ? ` ${fact.unit}` : '';
    return `${String(o.expected[0])}–${String(o.expected[1])}${unit}`;
  }
  if (shape === 'duration') return String(o.expected);
  return formatValue(o.expected, fact, lang);
}

/** Lower-case the first letter of an English clause unless it starts an acronym ("LPG"). */
export function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/**
 * The one-sentence explanation of a hazard in both languages: the title, then the
 * deciding observations, e.g. 「软管超长：连接软管长度为 3 m，超过 2 m。」 /
 * "Hose too long: length of the connecting hose is 3 m, above 2 m."
 */
export function explainHazard(
  title: { 'zh-CN': string; en?: string },
  observations: readonly Observation[],
  labels: ReadonlyMap<string, FactLabel>,
): { 'zh-CN': string; en: string } {
  const zh = observations.map((o) => explainObservation(o, labels, 'zh-CN'));
  const en = observations.map((o) => lowerFirst(explainObservation(o, labels, 'en')));
  const titleZh = pick(title, 'zh-CN');
  const titleEn = pick(title, 'en');
  return {
    'zh-CN': zh.length > 0 ? `${titleZh}：${zh.join('；')}。` : `${titleZh}。`,
    en: en.length > 0 ? `${titleEn}: ${en.join('; ')}.` : `${titleEn}.`,
  };
}
