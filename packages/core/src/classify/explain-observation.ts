import type { Lang } from '../pack/types.js';
import { operatorDefinition } from '../rules/operators.js';
import { DEFAULT_REFERENCE_FACT } from '../rules/operators/duration-operators.js';
import { pick, type FactLabel } from './fact-labels.js';
import { explanationSentence, recordsSentence, type Pair } from './explanation-sentence.js';
import { formatValue } from './format-value.js';
import type { Observation } from './types.js';

/** The time duration operators measure from unless `params.reference` names another fact. */
const DEFAULT_REFERENCE = DEFAULT_REFERENCE_FACT;

/** The bare record, for a missing value (the comparison adds nothing to 「未填写」). */
const RECORD = { 'zh-CN': '{fact}：{actual}', en: '{fact}: {actual}' } as const;

/** An operator outside the catalogue (a host's own compiled condition): name it. */
const UNKNOWN = {
  'zh-CN': '{fact}：{actual}（{operator} {expected}）',
  en: '{fact}: {actual} ({operator} {expected})',
  negated: { 'zh-CN': '{fact}：{actual}（并非 {operator} {expected}）', en: '{fact}: {actual} (not {operator} {expected})' },
} as const;

/**
 * One observation as a "label：value" record, then the comparison when it adds to the
 * value, from the operator catalogue's phrase: 「连接软管长度：3 m，超过 2 m」 /
 * "Length of the connecting hose: 3 m, above 2 m"; 「设有报警器：否」 / "Alarm installed: no".
 * Labels keep their case ("LPG…", "Chinese…"); a missing value reads 「未填写」 / "not recorded".
 */
export function explainObservation(o: Observation, labels: ReadonlyMap<string, FactLabel>, lang: Lang): string {
  return render(o, labels, lang, undefined);
}

/**
 * The phrase template of an observation in one language, from its operator's definition:
 * the phrase, or its negation under a `not`; a boolean recorded value of `equal` /
 * `notEqual` reads as the bare record (「设有报警器：否」, not 「否，不是是」).
 */
function phraseOf(o: Observation, lang: Lang): { segments: readonly Segment[] } {
  const definition = operatorDefinition(o.operator);
  let phrase: string;
  if (o.actual === undefined || o.actual === null) phrase = RECORD[lang];
  else if (definition === undefined) phrase = o.negated ? UNKNOWN.negated[lang] : UNKNOWN[lang];
  else if (definition.booleanReadsAsRecord && typeof o.actual === 'boolean') phrase = RECORD[lang];
  else phrase = pick(o.negated ? definition.negation : definition.phrase, lang);
  return { segments: template(phrase, lang) };
}

/** Render an observation; `actualText` replaces the formatted recorded value when given. */
function render(o: Observation, labels: ReadonlyMap<string, FactLabel>, lang: Lang, actualText: string | undefined): string {
  const fact = labels.get(o.fact);
  const { segments } = phraseOf(o, lang);
  let label = pick(fact?.label, lang) || o.fact;
  if (o.path !== undefined) label += ` ${o.path}`;
  return fill(segments, {
    fact: label,
    actual: actualText ?? formatValue(o.actual, fact, lang),
    expected: formatExpected(o, fact, labels, lang),
    operator: o.operator,
    reference: formatReference(o.reference, labels, lang),
  });
}

type Key = 'fact' | 'actual' | 'expected' | 'operator' | 'reference';
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
  for (const m of phrase.matchAll(/\{(fact|actual|expected|operator|reference)\}/g)) {
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
 * or digit gets a space where it meets a Chinese character (「超过 2 m」); full-width
 * punctuation needs none (「长度：3 m，超过 2 m」).
 */
function fill(segments: readonly Segment[], values: Readonly<Record<Key, string>>): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'string') {
      out += segment;
      continue;
    }
    const value = values[segment.key];
    if (value.length === 0) continue;
    if (segment.before && isLatinOrDigit(value.charCodeAt(0))) out += ' ';
    out += value;
    if (segment.after && (isLatinOrDigit(value.charCodeAt(value.length - 1)) || value.endsWith('%'))) out += ' ';
  }
  return out;
}

/**
 * The threshold as it reads after the recorded value. In English, option labels there are
 * quoted (`not “High-rise building” or “Underground”`): they keep their capital letter and
 * their commas cannot run into the list's.
 */
function formatExpected(o: Observation, fact: FactLabel | undefined, labels: ReadonlyMap<string, FactLabel>, lang: Lang): string {
  const zh = lang === 'zh-CN';
  if (o.valueFact !== undefined) {
    const other = labels.get(o.valueFact);
    const label = pick(other?.label, lang) || o.valueFact;
    const value = formatValue(o.expected, other, lang);
    return zh ? `${label}（${value}）` : `“${label}” (${value})`;
  }
  const shape = operatorDefinition(o.operator)?.value;
  if (shape === 'range' && Array.isArray(o.expected) && o.expected.length === 2) {
    const unit = fact?.unit ? ` ${fact.unit}` : '';
    return `${String(o.expected[0])}–${String(o.expected[1])}${unit}`;
  }
  if (shape === 'duration') return String(o.expected);
  const one = (v: unknown) => {
    const text = formatValue(v, fact, lang);
    return !zh && typeof v === 'string' && fact?.options?.has(v) ? `“${text}”` : text;
  };
  if (!Array.isArray(o.expected)) return one(o.expected);
  if (o.expected.length === 0) return formatValue(o.expected, fact, lang);
  const items = o.expected.map(one);
  if (zh) return items.join('、');
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]!}`;
}

/** What a duration is measured from: the inspection, or the referenced fact. */
function formatReference(reference: string | undefined, labels: ReadonlyMap<string, FactLabel>, lang: Lang): string {
  if (reference === undefined || reference === DEFAULT_REFERENCE) return lang === 'en' ? 'the inspection' : '检查';
  const label = pick(labels.get(reference)?.label, lang) || reference;
  return lang === 'en' ? `“${label}”` : label;
}

/**
 * The explanation of a hazard in both languages: the title, then the deciding
 * observations as records joined by 「；」 / "; ", e.g.
 * 「软管超长。连接软管长度：3 m，超过 2 m。」 / "Hose too long. Length of the connecting hose: 3 m, above 2 m."
 */
export function explainHazard(title: { 'zh-CN': string; en?: string }, observations: readonly Observation[], labels: ReadonlyMap<string, FactLabel>): Pair {
  return explanationSentence(
    title,
    observations,
    observations.map((o) => clausePair(o, labels)),
    (o) => bareRecord(o, labels),
    (members) => listRecord(members, labels),
  );
}

/**
 * What the classifier explains with: {@link explainHazard} for one pack's labels, plus
 * `leaves`, the same sentence from the observations of a compiled condition's `record`
 * walk and the ids of their leaves, with the title already a sentence.
 * @internal
 */
export interface Explainer {
  (title: { 'zh-CN': string; en?: string }, observations: readonly Observation[]): Pair;
  leaves(head: Pair, observations: readonly Observation[], leaves: readonly number[]): Pair;
}

/**
 * {@link explainHazard} for one pack's labels, remembering the clauses it has rendered
 * (an observation of primitive values renders the same every time), so that explaining a
 * fired hazard costs little more than a lookup. The memory is bounded.
 */
export function createExplainer(labels: ReadonlyMap<string, FactLabel>, maxCached = 20_000): Explainer {
  // fact → operator → expected → the clause split around the recorded value (a "frame"),
  // plus the whole clauses already rendered for primitive recorded values. A hit costs a
  // few map lookups; a new recorded value costs formatting that value only (negated
  // observations have their own cache). Observations with a path, a referenced fact or a
  // reference time other than the inspection's take the uncached path.
  const caches = [new Map<string, Map<string, Map<unknown, Entry>>>(), new Map<string, Map<string, Map<unknown, Entry>>>()] as const;
  let size = 0;
  const clause = (o: Observation): Pair => {
    if (o.path !== undefined || o.valueFact !== undefined || (o.reference !== undefined && o.reference !== DEFAULT_REFERENCE) || !cacheable(o.expected, true)) {
      return clausePair(o, labels);
    }
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
    let pair: Pair;
    if (o.actual === undefined || o.actual === null)
      pair = clausePair(o, labels); // the bare record, no frame
    else {
      const flavour = typeof o.actual === 'boolean' ? 1 : 0;
      let frame = entry.frames[flavour];
      if (frame === undefined) entry.frames[flavour] = frame = frameOf(o, labels);
      pair = frame === null ? clausePair(o, labels) : fillFrame(frame, o.actual, labels.get(o.fact));
    }
    if (remember && size < maxCached) {
      entry.byActual.set(o.actual, pair);
      size += 1;
    }
    return pair;
  };
  // the bare record of a fact's value (to merge the records of a repeated fact), per fact:
  // the values seen, and a frame around the value for the others (as a leaf's clauses)
  const bareByFact = new Map<string, Entry>();
  const bare = (o: Observation): Pair => {
    if (o.path !== undefined) return bareRecord(o, labels);
    let entry = bareByFact.get(o.fact);
    if (entry === undefined) bareByFact.set(o.fact, (entry = { byActual: new Map(), frames: [undefined, undefined] }));
    const remember = cacheable(o.actual, false);
    let pair = remember ? entry.byActual.get(o.actual) : undefined;
    if (pair !== undefined) return pair;
    if (o.actual === undefined || o.actual === null) pair = bareRecord(o, labels);
    else {
      const flavour = typeof o.actual === 'boolean' ? 1 : 0;
      let frame = entry.frames[flavour];
      if (frame === undefined) entry.frames[flavour] = frame = frameOf(recordOf(o), labels);
      pair = frame === null ? bareRecord(o, labels) : fillFrame(frame, o.actual, labels.get(o.fact));
    }
    if (remember && entry.byActual.size < MAX_PER_LEAF) entry.byActual.set(o.actual, pair);
    return pair;
  };
  const group = (members: readonly Observation[]): Pair => listRecord(members, labels);
  const explain = (title: { 'zh-CN': string; en?: string }, observations: readonly Observation[]): Pair => {
    const clauses: Pair[] = [];
    for (const o of observations) clauses.push(clause(o));
    return explanationSentence(title, observations, clauses, bare, group);
  };

  // Per leaf of the pack's compiled conditions (its id, twice: plain and under a `not`):
  // the leaf's fact, operator, literal, path and reference are fixed, so its clause is a
  // frame around the recorded value, and the clauses of the values it has seen are kept.
  const byLeaf: (Entry | undefined)[] = [];
  const leafClause = (o: Observation, id: number): Pair => {
    if (o.valueFact !== undefined) return clausePair(o, labels); // the threshold is another answer
    const slot = o.negated === true ? 2 * id + 1 : 2 * id;
    let entry = byLeaf[slot];
    if (entry === undefined) byLeaf[slot] = entry = { byActual: new Map(), frames: [undefined, undefined] };
    const actual = o.actual;
    const remember = cacheable(actual, false);
    if (remember) {
      const known = entry.byActual.get(actual);
      if (known !== undefined) return known;
    }
    let pair: Pair;
    if (actual === undefined || actual === null) pair = clausePair(o, labels);
    else {
      const flavour = typeof actual === 'boolean' ? 1 : 0;
      let frame = entry.frames[flavour];
      if (frame === undefined) entry.frames[flavour] = frame = frameOf(o, labels);
      pair = frame === null ? clausePair(o, labels) : fillFrame(frame, actual, labels.get(o.fact));
    }
    if (remember && entry.byActual.size < MAX_PER_LEAF) entry.byActual.set(actual, pair);
    return pair;
  };
  explain.leaves = (head: Pair, observations: readonly Observation[], leaves: readonly number[]): Pair => {
    if (observations.length === 1) {
      // one record: recordsSentence's result, without its arrays
      const only = leafClause(observations[0]!, leaves[0]!);
      return { 'zh-CN': `${head['zh-CN']}${only['zh-CN']}。`, en: `${head.en} ${only.en}.` };
    }
    const clauses: Pair[] = [];
    for (let i = 0; i < observations.length; i++) clauses.push(leafClause(observations[i]!, leaves[i]!));
    return recordsSentence(head, observations, clauses, bare, group);
  };
  return explain;
}

/** Recorded values remembered per leaf (beyond them, a value costs formatting it). */
const MAX_PER_LEAF = 256;

/**
 * The record of one multi-choice answer's observations, as one observation with several
 * options reads: 「…：包括甲、乙」 when all were there; else what was recorded, then what
 * was and was not there, 「防爆措施：隔爆，包括甲，不包括泄爆、惰化、抑爆」.
 */
function listRecord(members: readonly Observation[], labels: ReadonlyMap<string, FactLabel>): Pair {
  const first = members[0]!;
  const record = bareRecord(first, labels);
  if (first.actual === undefined || first.actual === null) return record; // 「…：未填写」 says it all
  const included: unknown[] = [];
  const excluded: unknown[] = [];
  for (const o of members) {
    const list = (o.operator === 'contains') !== (o.negated === true) ? included : excluded;
    if (!list.some((v) => Object.is(v, o.expected))) list.push(o.expected);
  }
  const fact = labels.get(first.fact);
  const text = (lang: Lang): string => {
    const tails = LIST_TAILS[lang];
    const includes = included.length > 0 ? optionList(included, fact, lang, 'and') : '';
    if (excluded.length === 0)
      return fill(template(tails.includesOnly, lang), { ...NO_VALUES, fact: (pick(fact?.label, lang) || first.fact) + (first.path === undefined ? '' : ` ${first.path}`), expected: includes });
    let out = pick(record, lang);
    if (included.length > 0) out += fill(template(tails.including, lang), { ...NO_VALUES, expected: includes });
    return out + fill(template(tails.without, lang), { ...NO_VALUES, expected: optionList(excluded, fact, lang, 'or') });
  };
  return { 'zh-CN': text('zh-CN'), en: text('en') };
}

/**
 * How `contains` and `doesNotContain` read, for a record of several observations: the
 * options included alone (`contains`' phrase), else the record, then the options included
 * and those missing (`doesNotContain`'s phrase after the record).
 */
const LIST_TAILS: Record<Lang, { includesOnly: string; including: string; without: string }> = {
  'zh-CN': { includesOnly: '{fact}：包括{expected}', including: '，包括{expected}', without: '，不包括{expected}' },
  en: { includesOnly: '{fact}: includes {expected}', including: ', including {expected}', without: ', without {expected}' },
};
const NO_VALUES: Readonly<Record<Key, string>> = { fact: '', actual: '', expected: '', operator: '', reference: '' };

/** Options as a threshold reads them: 「甲、乙」; in English quoted, "“A”, “B” or “C”". */
function optionList(values: readonly unknown[], fact: FactLabel | undefined, lang: Lang, conjunction: string): string {
  const items = values.map((v) => {
    const text = formatValue(v, fact, lang);
    return lang === 'en' && typeof v === 'string' && fact?.options?.has(v) ? `“${text}”` : text;
  });
  if (lang === 'zh-CN') return items.join('、');
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]!}`;
}

interface Entry {
  byActual: Map<unknown, Pair>;
  /** Frames for a non-boolean and a boolean recorded value (the phrase may differ); null: cannot be framed. */
  frames: [Frame | null | undefined, Frame | null | undefined];
}

/**
 * A clause split around the recorded value, per language; `before`/`after`: Chinese spacing
 * applies there. `constant`: the phrase does not show the value (「…：包括甲」), the clause is that.
 */
type Frame = { zh: { prefix: string; suffix: string; before: boolean; after: boolean }; en: { prefix: string; suffix: string }; constant?: undefined } | { constant: Pair };

const SENTINEL = '\u0000';

function frameOf(o: Observation, labels: ReadonlyMap<string, FactLabel>): Frame | null {
  const zh = render(o, labels, 'zh-CN', SENTINEL).split(SENTINEL);
  const en = render(o, labels, 'en', SENTINEL).split(SENTINEL);
  const slot = phraseOf(o, 'zh-CN').segments.filter((s): s is Exclude<Segment, string> => typeof s !== 'string' && s.key === 'actual');
  const slotEn = phraseOf(o, 'en').segments.filter((s) => typeof s !== 'string' && s.key === 'actual');
  if (zh.length === 1 && en.length === 1 && slot.length === 0 && slotEn.length === 0) return { constant: { 'zh-CN': zh[0]!, en: en[0]! } };
  if (zh.length !== 2 || en.length !== 2 || slot.length !== 1 || en[0] === '') return null;
  return {
    zh: { prefix: zh[0]!, suffix: zh[1]!, before: slot[0]!.before, after: slot[0]!.after },
    en: { prefix: en[0]!, suffix: en[1]! },
  };
}

function fillFrame(frame: Frame, actual: unknown, fact: FactLabel | undefined): Pair {
  if (frame.constant !== undefined) return frame.constant;
  const zhValue = formatValue(actual, fact, 'zh-CN');
  // numbers, dates and times read the same in both languages
  const enValue = typeof actual === 'number' || (typeof actual === 'string' && (fact?.type === 'date' || fact?.type === 'datetime')) ? zhValue : formatValue(actual, fact, 'en');
  let zh = frame.zh.prefix;
  if (zhValue.length > 0) {
    if (frame.zh.before && isLatinOrDigit(zhValue.charCodeAt(0))) zh += ' ';
    zh += zhValue;
    if (frame.zh.after && (isLatinOrDigit(zhValue.charCodeAt(zhValue.length - 1)) || zhValue.endsWith('%'))) zh += ' ';
  }
  return { 'zh-CN': zh + frame.zh.suffix, en: frame.en.prefix + enValue + frame.en.suffix };
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

function clausePair(o: Observation, labels: ReadonlyMap<string, FactLabel>): Pair {
  return { 'zh-CN': explainObservation(o, labels, 'zh-CN'), en: explainObservation(o, labels, 'en') };
}

/** The record of an observation's recorded value without a comparison: 「软管长度：3 m」. */
function bareRecord(o: Observation, labels: ReadonlyMap<string, FactLabel>): Pair {
  return clausePair(recordOf(o), labels);
}

/** The observation whose clause is the bare record of `o`'s value. */
function recordOf(o: Observation): Observation {
  const record: Observation = { fact: o.fact, operator: 'equal', actual: o.actual, expected: o.actual };
  if (o.path !== undefined) record.path = o.path;
  return record;
}
