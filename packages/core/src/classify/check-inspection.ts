import type { Fact, Issue, IssueSeverity, LocalizedText } from '../pack/types.js';
import { didYouMean } from '../pack/did-you-mean.js';
import { dateValueHint, typeHint } from '../pack/value-hints.js';
import { checkInspectionEnvelope } from '../pack/inspection-envelope.js';
import { quoteInput } from '../pack/quote-input.js';
import { conditionWords } from '../pack/inspection-contract.js';
import { parseIsoTime } from '../rules/parse-iso-time.js';
import type { CompiledPack } from './compiled-pack.js';
import { explainObservation } from './explain-observation.js';
import { pick } from './fact-labels.js';
import { factsAsked } from './form-model.js';
import type { Inspection } from './types.js';

type Bilingual = LocalizedText & { en: string };

/**
 * Codes of the issues {@link checkFindings} reports, with their severity. Stable: forms
 * and CI match on them.
 *
 * `NOT_APPLICABLE_ANSWER` (an answer to a question whose own `when` does not hold: a form
 * never asks it in this inspection) is an error: the pack decides what applies, and the
 * classifier would read the answer — a hazard from a question that did not apply. Scenario
 * tests (`runScenarios`) show it as a warning at the answer instead.
 */
export const FINDINGS_ISSUE_CODES: Readonly<Record<string, IssueSeverity>> = Object.freeze({
  INSPECTION_NOT_OBJECT: 'error',
  FINDINGS_NOT_OBJECT: 'error',
  PACK_MISMATCH: 'error',
  UNKNOWN_PREMISES: 'error',
  PREMISES_MISSING: 'error',
  UNKNOWN_KEY: 'error',
  UNKNOWN_SOURCE: 'error',
  BAD_INSPECTED_AT: 'error',
  INSPECTED_AT_MISSING: 'warning',
  UNKNOWN_FACT: 'error',
  WRONG_TYPE: 'error',
  NUMBER_OUT_OF_RANGE: 'error',
  UNKNOWN_OPTION: 'error',
  DUPLICATE_OPTION: 'warning',
  TEXT_TOO_LONG: 'error',
  BAD_DATE: 'error',
  REQUIRED_MISSING: 'error',
  NOT_APPLICABLE_ANSWER: 'error',
});

const TYPE_NAMES: Readonly<Record<Fact['type'], Bilingual>> = {
  boolean: { 'zh-CN': '是或否（true/false）', en: 'yes or no (true/false)' },
  number: { 'zh-CN': '数字', en: 'a number' },
  count: { 'zh-CN': '非负整数', en: 'a whole number, 0 or more' },
  enum: { 'zh-CN': '一个选项', en: 'one of the options' },
  multi: { 'zh-CN': '选项列表', en: 'a list of options' },
  text: { 'zh-CN': '文本', en: 'text' },
  date: { 'zh-CN': '日期（YYYY-MM-DD）', en: 'a date (YYYY-MM-DD)' },
  datetime: { 'zh-CN': '带时区的日期时间（如 2026-11-28T09:30:00+08:00）', en: 'a date-time with offset (e.g. 2026-11-28T09:30:00+08:00)' },
  evidence: { 'zh-CN': '证据编号或链接的列表', en: 'a list of evidence ids or links' },
};

/**
 * Check an inspection's answers against a compiled pack. Pure and isomorphic: a browser
 * form and the server show the same messages. @internal (use {@link checkFindings} or
 * `evaluator.check`).
 */
export function checkInspection(compiled: CompiledPack, inspection: Inspection): Issue[] {
  const { pack, labels } = compiled;
  const issues: Issue[] = [];
  const add = (code: string, pointer: string, zh: string, en: string, hint?: Bilingual) => {
    const issue: Issue = { code, severity: FINDINGS_ISSUE_CODES[code] ?? 'error', message: { 'zh-CN': zh, en }, pointer };
    if (hint) issue.hint = hint;
    issues.push(issue);
  };
  if (inspection === null || typeof inspection !== 'object' || Array.isArray(inspection)) {
    add('INSPECTION_NOT_OBJECT', '', '检查记录必须是对象', 'the inspection must be an object');
    return issues;
  }
  const { pack: packRef, premises, inspectedAt } = inspection;
  const findings = inspection.findings as unknown;
  if (typeof packRef !== 'string' || (packRef !== pack.id && packRef !== `${pack.id}@${pack.version}`)) {
    const ref = echo(packRef);
    add('PACK_MISMATCH', '/pack', `检查记录针对检查表 ${ref.zh}，而不是 "${pack.id}"`, `the inspection is for pack ${ref.en}, not "${pack.id}"`);
  }
  // fail closed: premises missing or unknown, unknown keys, an invalid source (pack/inspection-envelope)
  const envelope = checkInspectionEnvelope(pack, inspection as unknown as Record<string, unknown>);
  for (const issue of envelope) {
    add(issue.code, issue.pointer!, issue.message['zh-CN'], issue.message.en, issue.hint as Bilingual | undefined);
  }
  // Without a known premises kind, which facts apply is undecided: say so once (above), not
  // once per answer as "not applicable" or "required".
  const applicabilityKnown = !envelope.some((i) => i.code === 'PREMISES_MISSING' || i.code === 'UNKNOWN_PREMISES');
  if (inspectedAt !== undefined && parseIsoTime(inspectedAt)?.ms === undefined) {
    const noDay = noSuchDay(inspectedAt);
    const time = echo(inspectedAt);
    add(
      'BAD_INSPECTED_AT',
      '/inspectedAt',
      noDay ? `检查时间 ${time.zh} 的日期不存在：${noDay['zh-CN']}` : `检查时间 ${time.zh} 不是带时区的日期时间`,
      noDay ? `inspectedAt ${time.en} names a day that does not exist: ${noDay.en}` : `inspectedAt ${time.en} is not a date-time with offset`,
      TYPE_NAMES.datetime,
    );
  } else if (inspectedAt === undefined && compiled.usesInspectedAt) {
    add('INSPECTED_AT_MISSING', '/inspectedAt', '未填写检查时间：按检查时间计算的期限条件不会成立', 'no inspectedAt: conditions measured from the inspection time cannot hold');
  }
  if (findings === null || typeof findings !== 'object' || Array.isArray(findings)) {
    add('FINDINGS_NOT_OBJECT', '/findings', 'findings 必须是“事实 → 答案”的对象', 'findings must be an object of fact → answer');
    return issues;
  }
  const answers = findings as Record<string, unknown>;
  // which facts are asked: the one definition the form model uses too
  const asked = factsAsked(compiled, premises, inspectedAt, answers);

  const declared = new Map(pack.facts.map((f) => [f.id, f]));
  for (const key of Object.keys(answers)) {
    if (declared.has(key)) continue;
    const near = didYouMean(key, declared.keys());
    add(
      'UNKNOWN_FACT',
      pointer(key),
      `检查表中没有事实 ${quoteInput(key)}${near ? `（是不是 "${near}"？）` : ''}`,
      `the pack has no fact ${quoteInput(key)}${near ? ` (did you mean "${near}"?)` : ''}`,
    );
  }
  pack.facts.forEach((fact, index) => {
    const at = pointer(fact.id);
    const label = labels.get(fact.id)!.label;
    const name = { zh: `“${pick(label, 'zh-CN')}”（${fact.id}）`, en: `"${pick(label, 'en')}" (${fact.id})` };
    const applies = asked[index]!;
    const value = Object.hasOwn(answers, fact.id) ? answers[fact.id] : undefined;
    if (value === undefined || value === null) {
      if (fact.required && applies && applicabilityKnown) add('REQUIRED_MISSING', at, `必答项${name.zh}未填写`, `required answer ${name.en} is missing`);
      return;
    }
    if (!applies && applicabilityKnown) {
      const why = notAskedBecause(compiled, index, { ...answers, $premises: premises, $inspectedAt: inspectedAt });
      add(
        'NOT_APPLICABLE_ANSWER',
        at,
        `本次检查不问${name.zh}，却填写了答案：其适用条件 ${why.words} 不成立（${why.zh}）`,
        `${name.en} is not asked in this inspection but has an answer: its when ${why.words.startsWith('(') ? why.words : `(${why.words})`} does not hold (${why.en})`,
        {
          'zh-CN': `删去这一答案（表单在此不问它）；若这一问题确实适用，请改正决定它是否适用的答案：${why.deciders.zh}`,
          en: `remove the answer (the form does not ask it here); if the question does apply, correct the answer that decides it: ${why.deciders.en}`,
        },
      );
    }
    checkValue(fact, value, at, name, add);
  });
  return issues;
}

/**
 * Why fact `index`'s `when` does not hold: the condition in the pack's words, what was the
 * case at the leaves that decided it (the observation read the other way: 「使用的燃气种类：
 * 管道天然气，并非…」), and the answers that decide it (the premises kind for `$premises`).
 */
function notAskedBecause(compiled: CompiledPack, index: number, facts: Record<string, unknown>): { words: string; zh: string; en: string; deciders: { zh: string; en: string } } {
  const { pack, labels } = compiled;
  const fact = pack.facts[index]!;
  const words = fact.when === undefined ? '' : conditionWords(fact.when, pack.conditions);
  const when = compiled.factWhenByIndex[index];
  const observations = when === undefined ? [] : when.explain(facts).observations;
  const flipped = observations.map((o) => {
    const other = { ...o };
    if (o.negated) delete other.negated;
    else other.negated = true;
    return other;
  });
  const ids = [...new Set(observations.flatMap((o) => (o.valueFact === undefined ? [o.fact] : [o.fact, o.valueFact])))];
  // the envelope's premises and inspection time by their keys in the inspection
  const named = (id: string, lang: 'zh-CN' | 'en') => {
    if (id === '$premises') return lang === 'en' ? 'the premises kind (premises)' : '场所类型（premises）';
    if (id === '$inspectedAt') return lang === 'en' ? 'the inspection time (inspectedAt)' : '检查时间（inspectedAt）';
    const label = pick(labels.get(id)?.label, lang);
    return lang === 'en' ? `"${label}" (${id})` : `“${label}”（${id}）`;
  };
  return {
    words,
    zh: flipped.map((o) => explainObservation(o, labels, 'zh-CN')).join('；'),
    en: flipped.map((o) => explainObservation(o, labels, 'en')).join('; '),
    deciders: { zh: ids.map((id) => named(id, 'zh-CN')).join('、'), en: ids.map((id) => named(id, 'en')).join(', ') },
  };
}

/** An option written by its label (`管道天然气` for `natural_gas`) or misspelt: the value to write. */
function optionHint(fact: Fact, value: string): Bilingual | undefined {
  const text = value.trim();
  const byLabel = (fact.options ?? []).find((o) => o.label['zh-CN']?.trim() === text || o.label.en?.trim().toLowerCase() === text.toLowerCase());
  if (byLabel) return { 'zh-CN': `这里写选项的值：${byLabel.value}（“${text}”是它的名称）`, en: `write the option's value: ${byLabel.value} ("${text}" is its label)` };
  const near = didYouMean(
    text,
    (fact.options ?? []).map((o) => o.value),
  );
  return near === undefined ? undefined : { 'zh-CN': `是不是“${near}”？`, en: `did you mean "${near}"?` };
}

function checkValue(fact: Fact, value: unknown, at: string, name: { zh: string; en: string }, add: (code: string, pointer: string, zh: string, en: string, hint?: Bilingual) => void): void {
  const wrong = () => {
    const got = describe(value);
    // `否` for a yes/no, `"3"` or `3米` for a number: the value to write
    const expected = fact.type === 'boolean' ? 'boolean' : fact.type === 'number' ? 'number' : fact.type === 'count' ? 'integer' : undefined;
    const hint = expected !== undefined && typeof value === 'string' ? typeHint(expected, value) : undefined;
    add('WRONG_TYPE', at, `${name.zh}应为${TYPE_NAMES[fact.type]['zh-CN']}，收到：${got.zh}`, `${name.en} must be ${TYPE_NAMES[fact.type].en}; got ${got.en}`, hint);
  };
  const options = new Map((fact.options ?? []).map((o) => [o.value, o]));
  const optionList = { zh: [...options.keys()].join('、'), en: [...options.keys()].join(', ') };
  switch (fact.type) {
    case 'boolean':
      if (typeof value !== 'boolean') wrong();
      return;
    case 'number':
    case 'count': {
      if (typeof value !== 'number' || !Number.isFinite(value) || (fact.type === 'count' && (!Number.isInteger(value) || value < 0))) return wrong();
      const unit = fact.unit ? ` ${fact.unit}` : '';
      if ((fact.min !== undefined && value < fact.min) || (fact.max !== undefined && value > fact.max)) {
        const range = `${fact.min ?? '−∞'}–${fact.max ?? '∞'}${unit}`;
        add('NUMBER_OUT_OF_RANGE', at, `${name.zh}为 ${value}${unit}，超出允许范围 ${range}`, `${name.en} is ${value}${unit}, outside the allowed range ${range}`);
      }
      return;
    }
    case 'enum':
      if (typeof value !== 'string') return wrong();
      if (!options.has(value))
        add(
          'UNKNOWN_OPTION',
          at,
          `${name.zh}没有选项 ${quoteInput(value)}（可选：${optionList.zh}）`,
          `${name.en} has no option ${quoteInput(value)} (one of: ${optionList.en})`,
          optionHint(fact, value),
        );
      return;
    case 'multi':
    case 'evidence': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v !== '')) return wrong();
      const seen = new Set<string>();
      value.forEach((v: string, i) => {
        if (fact.type === 'multi' && !options.has(v)) {
          add(
            'UNKNOWN_OPTION',
            `${at}/${i}`,
            `${name.zh}没有选项 ${quoteInput(v)}（可选：${optionList.zh}）`,
            `${name.en} has no option ${quoteInput(v)} (one of: ${optionList.en})`,
            optionHint(fact, v),
          );
        }
        if (seen.has(v)) add('DUPLICATE_OPTION', `${at}/${i}`, `${name.zh}重复填写了 ${quoteInput(v)}`, `${name.en} lists ${quoteInput(v)} twice`);
        seen.add(v);
      });
      return;
    }
    case 'text':
      if (typeof value !== 'string') return wrong();
      if (fact.maxLength !== undefined && value.length > fact.maxLength) {
        add('TEXT_TOO_LONG', at, `${name.zh}过长：${value.length} 个字符，最多 ${fact.maxLength} 个`, `${name.en} is too long: ${value.length} characters, at most ${fact.maxLength}`);
      }
      return;
    case 'date':
    case 'datetime': {
      const parsed = parseIsoTime(value);
      const ok = parsed !== undefined && (fact.type === 'date' ? parsed.ms === undefined : parsed.ms !== undefined);
      if (!ok) {
        const noDay = noSuchDay(value);
        const zh = noDay ? `（该日期不存在：${noDay['zh-CN']}）` : '';
        const en = noDay ? ` (no such day: ${noDay.en})` : '';
        // `2026/11/28`, `2026年11月28日`, `2026.11.28`: the same day written YYYY-MM-DD
        const hint = fact.type === 'date' && !noDay ? dateValueHint(value) : undefined;
        add(
          'BAD_DATE',
          at,
          `${name.zh}应为${TYPE_NAMES[fact.type]['zh-CN']}，收到：${describe(value).zh}${zh}`,
          `${name.en} must be ${TYPE_NAMES[fact.type].en}; got ${describe(value).en}${en}`,
          hint,
        );
      }
      return;
    }
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * For a text written as a date (`YYYY-MM-DD`, alone or before `T`) whose month or day does
 * not exist (`2026-02-30`, `2026-06-31T10:00:00+08:00`, month 13): what is wrong with it.
 */
function noSuchDay(value: unknown): Bilingual | undefined {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})(?:$|[Tt])/.exec(value) : null;
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return { 'zh-CN': `没有 ${month} 月`, en: `there is no month ${month}` };
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  if (day >= 1 && day <= days) return undefined;
  return { 'zh-CN': `${year} 年 ${month} 月只有 ${days} 天`, en: `${MONTHS[month - 1]!} ${year} has ${days} days` };
}

/** A value the request gave, as a message shows it: a string quoted and cut (`quoteInput`), anything else described. */
function echo(value: unknown): { zh: string; en: string } {
  return typeof value === 'string' ? { zh: quoteInput(value), en: quoteInput(value) } : describe(value);
}

function describe(value: unknown): { zh: string; en: string } {
  if (typeof value === 'string') {
    const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
    return { zh: `文本 ${shown}`, en: `the text ${shown}` };
  }
  if (typeof value === 'number') return { zh: `数字 ${value}`, en: `the number ${value}` };
  if (typeof value === 'boolean') return { zh: `布尔值 ${value}`, en: `the boolean ${value}` };
  if (Array.isArray(value)) return { zh: `列表（${value.length} 项）`, en: `a list of ${value.length} items` };
  if (value === null) return { zh: 'null', en: 'null' };
  return { zh: typeof value === 'object' ? '对象' : typeof value, en: typeof value === 'object' ? 'an object' : `a ${typeof value}` };
}

function pointer(fact: string): string {
  return `/findings/${fact.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
