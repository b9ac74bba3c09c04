/**
 * What a form shows for a pack, given the premises kind and the answers so far.
 *
 * @module
 */
import type { Fact, FactType, Issue, LocalizedText, Pack } from '../pack/types.js';
import { buildCompiledPack } from './build-compiled-pack.js';
import type { CompiledPack } from './compiled-pack.js';
import { pick } from './fact-labels.js';
import type { FindingValue } from './types.js';

type Bilingual = LocalizedText & { en: string };

/** One question of a {@link FormModel}: a fact of the pack, as a form field. */
export interface FormQuestion {
  /** The fact id (the key in `findings`). */
  id: string;
  type: FactType;
  label: Bilingual;
  hint?: Bilingual;
  unit?: string;
  min?: number;
  max?: number;
  /** The allowed range in words (`不超过 200 m` / `at most 200 m`), when the fact has `min` or `max`. */
  range?: Bilingual;
  options?: { value: string; label: Bilingual }[];
  maxLength?: number;
  /**
   * Whether the question is asked in this inspection: its `when` holds for the premises kind
   * and the answers so far. The server accepts answers only to asked questions.
   */
  asked: boolean;
  /** Whether the form must not be sent without an answer (`required` and asked). */
  required: boolean;
  /** The answer given so far, when there is one. */
  answer?: FindingValue;
}

/** The form of one inspection against one pack; see {@link formModel}. */
export interface FormModel {
  pack: { id: string; version: string };
  /** The premises kinds to choose from, with the chosen one marked. */
  premises: { id: string; label: Bilingual; description?: Bilingual; selected: boolean }[];
  /** Whether some items apply only to some premises kinds (then the kind must be chosen). */
  premisesMatters: boolean;
  /** Every fact of the pack, in the pack's order; `asked: false` ones are hidden. */
  questions: FormQuestion[];
  /** Counts, for a progress line ("12 of 40 answered"). */
  counts: { asked: number; required: number; answered: number; requiredMissing: number };
}

/** What {@link formModel} needs to know about the inspection so far. */
export interface FormModelInput {
  premises?: string | undefined;
  inspectedAt?: string | undefined;
  /** Fact id → answer (absent or `null`: not answered). */
  answers?: Readonly<Record<string, FindingValue | undefined>>;
}

const compiledCache = new WeakMap<Pack, CompiledPack>();

function compiledOf(pack: Pack): CompiledPack {
  let compiled = compiledCache.get(pack);
  if (!compiled) {
    compiled = buildCompiledPack(pack);
    compiledCache.set(pack, compiled);
  }
  return compiled;
}

/**
 * Which facts apply to an inspection: `true` at index i when `pack.facts[i]` is asked. The
 * rule is the findings check's: a fact applies when it has no `when`, or its compiled `when`
 * holds for the answers with `$premises` and `$inspectedAt` set. @internal
 */
export function factsAsked(compiled: CompiledPack, premises: unknown, inspectedAt: unknown, answers: Readonly<Record<string, unknown>>): boolean[] {
  compiled.setReserved(typeof premises === 'string' ? premises : undefined, typeof inspectedAt === 'string' ? inspectedAt : undefined);
  return compiled.factWhenByIndex.map((when) => when === undefined || when(answers as Record<string, unknown>));
}

const both = (text: LocalizedText): Bilingual => ({ 'zh-CN': text['zh-CN'], en: text.en ?? text['zh-CN'] });

function rangeWords(fact: Fact): Bilingual | undefined {
  const { min, max } = fact;
  if (min === undefined && max === undefined) return undefined;
  const unit = fact.unit ? ` ${fact.unit}` : '';
  if (min !== undefined && max !== undefined) return { 'zh-CN': `填写 ${min}–${max}${unit}`, en: `from ${min} to ${max}${unit}` };
  if (max !== undefined) return { 'zh-CN': `不超过 ${max}${unit}`, en: `at most ${max}${unit}` };
  return { 'zh-CN': `不少于 ${min}${unit}`, en: `at least ${min}${unit}` };
}

/**
 * The form of an inspection: for each fact of the pack, whether it is asked and required
 * for the chosen premises kind and the answers so far, with its labels, hint, unit, options
 * and allowed range in words (中文 and English). Recompute it after every answer: answers
 * can make further questions applicable (a hose → its length) or take them away.
 *
 * Applicability is decided by the compiled `when` conditions, exactly as
 * {@link checkFindings} decides `REQUIRED_MISSING` and `NOT_APPLICABLE_ANSWER`, so a form
 * built on this model and the server's check cannot disagree. Pure and isomorphic; the pack
 * is compiled once per pack object.
 *
 * @example
 * ```ts
 * const model = formModel(pack, { premises: 'restaurant', answers: { hose_used: true } });
 * model.questions.find((q) => q.id === 'hose_length_m'); // { asked: true, required: true, unit: 'm', … }
 * ```
 */
export function formModel(pack: Pack, input: FormModelInput = {}): FormModel {
  const compiled = compiledOf(pack);
  const answers = input.answers ?? {};
  const premises = input.premises !== undefined && compiled.premisesIndex.has(input.premises) ? input.premises : undefined;
  const asked = factsAsked(compiled, premises, input.inspectedAt, answers);
  const counts = { asked: 0, required: 0, answered: 0, requiredMissing: 0 };
  const questions = pack.facts.map((fact, i): FormQuestion => {
    const isAsked = asked[i]!;
    const q: FormQuestion = { id: fact.id, type: fact.type, label: both(fact.label), asked: isAsked, required: isAsked && fact.required === true };
    if (fact.hint) q.hint = both(fact.hint);
    if (fact.unit !== undefined) q.unit = fact.unit;
    if (fact.min !== undefined) q.min = fact.min;
    if (fact.max !== undefined) q.max = fact.max;
    const range = rangeWords(fact);
    if (range) q.range = range;
    if (fact.options) q.options = fact.options.map((o) => ({ value: o.value, label: both(o.label) }));
    if (fact.maxLength !== undefined) q.maxLength = fact.maxLength;
    const value = Object.hasOwn(answers, fact.id) ? answers[fact.id] : undefined;
    if (value !== undefined && value !== null) q.answer = value as FindingValue;
    if (isAsked) {
      counts.asked++;
      if (q.required) counts.required++;
      if (q.answer !== undefined) counts.answered++;
      else if (q.required) counts.requiredMissing++;
    }
    return q;
  });
  return {
    pack: { id: pack.id, version: pack.version },
    premises: pack.premises.map((p) => ({ id: p.id, label: both(p.label), ...(p.description ? { description: both(p.description) } : {}), selected: p.id === premises })),
    premisesMatters: compiled.scoped || pack.facts.some((f) => f.when !== undefined && JSON.stringify(f.when).includes('"$premises"')),
    questions,
    counts,
  };
}

/**
 * An issue of {@link checkFindings} in the words of a form that shows it next to its field:
 * the fact id the message names for developers (`“软管长度”（hose_length_m）`) is left out,
 * the label stays. Other issues are returned unchanged.
 */
export function issueForUsers(pack: Pack, issue: Issue): Bilingual {
  const message = both(issue.message);
  const id = /^\/findings\/([^/]+)/
    .exec(issue.pointer ?? '')?.[1]
    ?.replace(/~1/g, '/')
    .replace(/~0/g, '~');
  const fact = id === undefined ? undefined : pack.facts.find((f) => f.id === id);
  if (!fact) return message;
  const zh = `“${pick(fact.label, 'zh-CN')}”`;
  const en = `"${pick(fact.label, 'en')}"`;
  return {
    'zh-CN': message['zh-CN'].split(`${zh}（${fact.id}）`).join(zh),
    en: message.en.split(`${en} (${fact.id})`).join(en),
  };
}
