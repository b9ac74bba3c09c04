/**
 * What a form shows for a pack, given the premises kind and the answers so far.
 *
 * @module
 */
import type { Condition, Fact, FactType, Issue, LocalizedText, Pack } from '../pack/types.js';
import { createConditionCompiler, type CompiledCondition } from '../rules/compile-condition.js';
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
  /**
   * When the question depends on answers (its own or its sections'): the part of its `when`
   * that the premises kind and inspection time given do not decide — leaves on `$premises`
   * (and `$inspectedAt`) resolved, and leaves on questions that cannot be asked for them read
   * as unanswered; what is left simplified (a named condition left whole stays a reference).
   * Absent when they decide alone: then `asked` says whether the question is asked, whatever
   * the answers. Without a premises kind the `$premises` leaves stay in.
   */
  askedWhen?: Condition;
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
  /**
   * Whether some items or questions apply only to some premises kinds (then the kind must be
   * chosen): an item with `premises`, or a question whose `when` reads `$premises`, directly
   * or through named conditions.
   */
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

/** Per pack: each leaf condition compiled on its own (for {@link openConditions}), and the results by premises kind and time. */
interface OpenCache {
  compile: (condition: Condition) => CompiledCondition;
  leaves: WeakMap<object, CompiledCondition | null>;
  results: Map<string, (Condition | boolean)[]>;
  readsPremises: boolean;
}
const openCache = new WeakMap<Pack, OpenCache>();

function openCacheOf(pack: Pack): OpenCache {
  let cache = openCache.get(pack);
  if (!cache) {
    const facts = new Map(pack.facts.map((f) => [f.id, f] as const));
    const compile = createConditionCompiler({ facts, premises: pack.premises.map((p) => p.id), conditions: pack.conditions });
    const readsPremises = pack.facts.some((f) => {
      try {
        return f.when !== undefined && compile(f.when).facts.includes('$premises');
      } catch {
        return false;
      }
    });
    cache = { compile, leaves: new WeakMap(), results: new Map(), readsPremises };
    openCache.set(pack, cache);
  }
  return cache;
}

const RESULTS_KEPT = 64;

/**
 * What is left of each fact's `when` (by index) once the premises kind and the inspection time
 * are known: `true` (asked whatever the answers), `false` (never asked), or the condition on
 * answers still open. A leaf is decided when it reads only known reserved facts and facts
 * that cannot be asked (read as unanswered), evaluated by the condition compiler; the facts
 * that cannot be asked are found by repeating until none is added. `all`, `any`, `not` and
 * `atLeast` simplify; a named condition nothing of which is decided stays a reference. Pure.
 */
function openConditions(pack: Pack, premises: string | undefined, inspectedAt: string | undefined): (Condition | boolean)[] {
  const cache = openCacheOf(pack);
  const key = `${premises ?? ''}\u0000${inspectedAt ?? ''}`;
  const hit = cache.results.get(key);
  if (hit) return hit;
  const known: Record<string, unknown> = {};
  if (premises !== undefined) known.$premises = premises;
  if (inspectedAt !== undefined) known.$inspectedAt = inspectedAt;
  const never = new Set<string>();
  const leafOf = (leaf: Condition): CompiledCondition | null => {
    let compiled = cache.leaves.get(leaf);
    if (compiled === undefined) {
      try {
        // the leaf alone: named conditions are opened by the walk, never compiled here
        compiled = 'fact' in leaf ? cache.compile(leaf) : null;
      } catch {
        compiled = null;
      }
      cache.leaves.set(leaf, compiled);
    }
    return compiled;
  };
  let named = new Map<string, Condition | boolean>();
  const open = (c: Condition, depth: number): Condition | boolean => {
    if (depth > 32) return c;
    if ('all' in c || 'any' in c) {
      const isAll = 'all' in c;
      const list = isAll ? c.all : c.any;
      const kept: Condition[] = [];
      let changed = false;
      for (const child of list) {
        const r = open(child, depth + 1);
        if (typeof r === 'boolean') {
          if (r !== isAll) return r;
          changed = true;
        } else {
          if (r !== child) changed = true;
          kept.push(r);
        }
      }
      if (!changed) return c;
      if (kept.length === 0) return isAll;
      if (kept.length === 1) return kept[0]!;
      return isAll ? { all: kept } : { any: kept };
    }
    if ('not' in c) {
      const r = open(c.not, depth + 1);
      return typeof r === 'boolean' ? !r : r === c.not ? c : { not: r };
    }
    if ('of' in c) {
      let need = c.atLeast;
      const kept: Condition[] = [];
      let changed = false;
      for (const child of c.of) {
        const r = open(child, depth + 1);
        if (r === true) need -= 1;
        if (typeof r === 'boolean') changed = true;
        else {
          if (r !== child) changed = true;
          kept.push(r);
        }
      }
      if (need <= 0) return true;
      if (kept.length < need) return false;
      if (!changed) return c;
      if (kept.length === need) return kept.length === 1 ? kept[0]! : { all: kept };
      return need === 1 ? { any: kept } : { atLeast: need, of: kept };
    }
    if ('condition' in c) {
      const target = Object.hasOwn(pack.conditions, c.condition) ? pack.conditions[c.condition] : undefined;
      if (target === undefined) return c;
      let r = named.get(c.condition);
      if (r === undefined) {
        r = open(target, depth + 1);
        named.set(c.condition, r);
      }
      return r === target ? c : r;
    }
    const compiled = leafOf(c);
    if (!compiled) return c;
    const decided = compiled.facts.every((f) => Object.hasOwn(known, f) || never.has(f));
    return decided ? compiled(known) : c;
  };
  let result: (Condition | boolean)[] = [];
  for (let round = 0; round <= pack.facts.length; round++) {
    named = new Map();
    result = pack.facts.map((f) => (f.when === undefined ? true : open(f.when, 0)));
    const before = never.size;
    result.forEach((r, i) => {
      if (r === false) never.add(pack.facts[i]!.id);
    });
    if (never.size === before) break;
  }
  if (cache.results.size >= RESULTS_KEPT) cache.results.clear();
  cache.results.set(key, result);
  return result;
}

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
  const open = openConditions(pack, premises, typeof input.inspectedAt === 'string' ? input.inspectedAt : undefined);
  const counts = { asked: 0, required: 0, answered: 0, requiredMissing: 0 };
  const questions = pack.facts.map((fact, i): FormQuestion => {
    const isAsked = asked[i]!;
    const q: FormQuestion = { id: fact.id, type: fact.type, label: both(fact.label), asked: isAsked, required: isAsked && fact.required === true };
    const left = open[i]!;
    if (typeof left !== 'boolean') q.askedWhen = left;
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
    premisesMatters: compiled.scoped || openCacheOf(pack).readsPremises,
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
