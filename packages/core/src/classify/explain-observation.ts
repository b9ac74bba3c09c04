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
  return render(o, labels, lang, undefined);
}

/** The effective operator and phrase template of an observation in one language. */
function phraseOf(o: Observation, lang: Lang): { operator: string; segments: readonly Segment[]; negatedWithoutPhrase: boolean } {
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
  return { operator, segments: template(phrase, lang), negatedWithoutPhrase };
}

/** Render an observation; `actualText` replaces the formatted recorded value when given. */
function render(o: Observation, labels: ReadonlyMap<string, FactLabel>, lang: Lang, actualText: string | undefined): string {
  const fact = labels.get(o.fact);
  const { operator, segments, negatedWithoutPhrase } = phraseOf(o, lang);
  let label = pick(fact?.label, lang) || o.fact;
  if (o.path !== undefined) label += ` ${o.path}`;
  const clause = fill(segments, label, actualText ?? formatValue(o.actual, fact, lang), formatExpected(o, operator, fact, labels, lang), o.operator);
  if (!negatedWithoutPhrase) return clause;
  return lang === 'en' ? `it is not so that ${lowerFirst(clause)}` : `并非${clause}`;
}

type Key = 'fact' | 'actual' | 'expected' | 'operator';
/** A phrase split once into text and placeholders; `before`/`after`: a Chinese character touches it. */
type Segment = string | { key: Key; before: boolean; after: boolean };

const templates: Record<Lang, Map<string, readonly Segment[]>> = { 'zh-CN': new Map(), en: new Map() };
const isHan = (code: number) => code >= 0x3400 && code <= 0x9fff;
const isLatinOrDigit = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

function template(phrase: string, lang: Lang): readonly Segment[] {
  let segments = templates[lang].get(phrase);
  if (segments) return segments;
  const parts: Segment[] = [];
  const zh = lang === 'zh-CN';
  let last = 0;
  for (const m of phrase.matchAll(/\{(fact|actual|expected|operator)\}/g)) {
    const at = m.index;
    if (at > last) parts.push(phrase.slice(last, at));
    const end = at + m[0].length;
    parts.push({ key: m[1] as Key, before: zh && at > 0 && isHan(phrase.charCodeAt(at - 1)), after: zh && end < phrase.length && isHan(phrase.charCodeAt(end)) });
    last = end;
  }
  if (last < phrase.length) parts.push(phrase.slice(last));
  segments = Object.freeze(parts);
  if (templates[lang].size < 1000) templates[lang].set(phrase, segments);
  return segments;
}

/**
 * Fill a phrase's placeholders. In Chinese, a value that starts or ends with a Latin letter
 * or digit gets a space where it meets a Chinese character (「长度为 3 m，超过 2 m」).
 */
function fill(segments: readonly Segment[], fact: string, actual: string, expected: string, operator: string): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'string') {
      out += segment;
      continue;
    }
    const value = segment.key === 'fact' ? fact : segment.key === 'actual' ? actual : segment.key === 'expected' ? expected : operator;
    if (value.length === 0) continue;
    if (segment.before && isLatinOrDigit(value.charCodeAt(0))) out += ' ';
    out += value;
    if (segment.after && (isLatinOrDigit(value.charCodeAt(value.length - 1)) || value.endsWith('%'))) out += ' ';
  }
  return out;
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

/** Bilingual text with both languages. */
type Pair = { 'zh-CN': string; en: string };

/**
 * The one-sentence explanation of a hazard in both languages: the title, then the
 * deciding observations, e.g. 「软管超长：连接软管长度为 3 m，超过 2 m。」 /
 * "Hose too long: length of the connecting hose is 3 m, above 2 m."
 */
export function explainHazard(
  title: { 'zh-CN': string; en?: string },
  observations: readonly Observation[],
  labels: ReadonlyMap<string, FactLabel>,
): Pair {
  return sentence(title, observations.map((o) => clausePair(o, labels)));
}

/**
 * {@link explainHazard} for one pack's labels, remembering the clauses it has rendered
 * (an observation of primitive values renders the same every time), so that explaining a
 * fired hazard costs little more than a lookup. The memory is bounded.
 */
export function createExplainer(labels: ReadonlyMap<string, FactLabel>, maxCached = 20_000): (title: { 'zh-CN': string; en?: string }, observations: readonly Observation[]) => Pair {
  // fact → operator → expected → the clause split around the recorded value (a "frame"),
  // plus the whole clauses already rendered for primitive recorded values. A hit costs a
  // few map lookups; a new recorded value costs formatting that value only (negated
  // observations have their own cache). Observations with a path or a referenced fact
  // take the uncached path.
  const caches = [new Map<string, Map<string, Map<unknown, Entry>>>(), new Map<string, Map<string, Map<unknown, Entry>>>()] as const;
  let size = 0;
  const clause = (o: Observation): Pair => {
    if (o.path !== undefined || o.valueFact !== undefined || !cacheable(o.expected, true)) return clausePair(o, labels);
    const cache = caches[o.negated === true ? 1 : 0];
    let byOperator = cache.get(o.fact);
    if (byOperator === undefined) cache.set(o.fact, (byOperator = new Map()));
    let byExpected = byOperator.get(o.operator);
    if (byExpected === undefined) byOperator.set(o.operator, (byExpected = new Map()));
    let entry = byExpected.get(o.expected);
    if (entry === undefined) {
      // `expected` is a leaf's literal here (references take the uncached path), so the
      // entries are bounded by the pack's leaves; only the remembered clauses need a cap.
      byExpected.set(o.expected, (entry = { byActual: new Map(), frames: [undefined, undefined] }));
    }
    const remember = cacheable(o.actual, false);
    if (remember) {
      const known = entry.byActual.get(o.actual);
      if (known !== undefined) return known;
    }
    const flavour = typeof o.actual === 'boolean' ? 1 : 0;
    let frame = entry.frames[flavour];
    if (frame === undefined) entry.frames[flavour] = frame = frameOf(o, labels);
    const pair = frame === null ? clausePair(o, labels) : fillFrame(frame, o.actual, labels.get(o.fact));
    if (remember && size < maxCached) {
      entry.byActual.set(o.actual, pair);
      size += 1;
    }
    return pair;
  };
  return (title, observations) => {
    const clauses: Pair[] = [];
    for (const o of observations) clauses.push(clause(o));
    return sentence(title, clauses);
  };
}

interface Entry {
  byActual: Map<unknown, Pair>;
  /** Frames for a non-boolean and a boolean recorded value (the phrase may differ); null: cannot be framed. */
  frames: [Frame | null | undefined, Frame | null | undefined];
}

/** A clause split around the recorded value, per language; `before`/`after`: Chinese spacing applies there. */
interface Frame {
  zh: { prefix: string; suffix: string; before: boolean; after: boolean };
  en: { prefix: string; suffix: string };
}

const SENTINEL = '\u0000';

function frameOf(o: Observation, labels: ReadonlyMap<string, FactLabel>): Frame | null {
  const zh = render(o, labels, 'zh-CN', SENTINEL).split(SENTINEL);
  const en = render(o, labels, 'en', SENTINEL).split(SENTINEL);
  const slot = phraseOf(o, 'zh-CN').segments.filter((s): s is Exclude<Segment, string> => typeof s !== 'string' && s.key === 'actual');
  if (zh.length !== 2 || en.length !== 2 || slot.length !== 1 || en[0] === '') return null;
  return {
    zh: { prefix: zh[0]!, suffix: zh[1]!, before: slot[0]!.before, after: slot[0]!.after },
    en: { prefix: lowerFirst(en[0]!), suffix: en[1]! },
  };
}

function fillFrame(frame: Frame, actual: unknown, fact: FactLabel | undefined): Pair {
  const zhValue = formatValue(actual, fact, 'zh-CN');
  let zh = frame.zh.prefix;
  if (zhValue.length > 0) {
    if (frame.zh.before && isLatinOrDigit(zhValue.charCodeAt(0))) zh += ' ';
    zh += zhValue;
    if (frame.zh.after && (isLatinOrDigit(zhValue.charCodeAt(zhValue.length - 1)) || zhValue.endsWith('%'))) zh += ' ';
  }
  return { 'zh-CN': zh + frame.zh.suffix, en: frame.en.prefix + formatValue(actual, fact, 'en') + frame.en.suffix };
}

/**
 * Values whose rendering depends only on the value: primitives (strings up to 64
 * characters), and, for `expected`, frozen arrays: the condition's own literal, copied
 * and frozen at compile time, so its identity stands for its content.
 */
function cacheable(value: unknown, arrays: boolean): boolean {
  switch (typeof value) {
    case 'undefined':
    case 'boolean':
    case 'number':
      return true;
    case 'string':
      return value.length <= 64;
    default:
      return value === null || (arrays && Array.isArray(value) && Object.isFrozen(value));
  }
}

function sentence(title: { 'zh-CN': string; en?: string }, clauses: readonly Pair[]): Pair {
  const titleZh = title['zh-CN'];
  const titleEn = title.en ?? title['zh-CN'];
  if (clauses.length === 0) return { 'zh-CN': `${titleZh}。`, en: `${titleEn}.` };
  let zh = `${titleZh}：${clauses[0]!['zh-CN']}`;
  let en = `${titleEn}: ${clauses[0]!.en}`;
  for (let i = 1; i < clauses.length; i++) {
    zh += `；${clauses[i]!['zh-CN']}`;
    en += `; ${clauses[i]!.en}`;
  }
  return { 'zh-CN': `${zh}。`, en: `${en}.` };
}

function clausePair(o: Observation, labels: ReadonlyMap<string, FactLabel>): Pair {
  return { 'zh-CN': explainObservation(o, labels, 'zh-CN'), en: lowerFirst(explainObservation(o, labels, 'en')) };
}
