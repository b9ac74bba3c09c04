import type { Lang, Pack } from '@anjian/core';
import { factLabels, formModel } from '@anjian/core/internal';
import { conditionInWords } from './condition-in-words.js';

/** One question of a {@link ReviewForm}. */
export interface ReviewQuestion {
  id: string;
  label: string;
  /** How it is answered, in words: `是 / 否`, the options, a number with unit and range… */
  answer: string;
  /** The choices to tick (boolean, enum, multi), else empty. */
  choices: string[];
  multiple: boolean;
  hint: string;
  required: boolean;
  /** When asked only if other answers say so: the condition in words. */
  askedWhen: string;
}

/** The form a premises kind gets, grouped by section, for review by people who do not read YAML. */
export interface ReviewForm {
  title: string;
  pack: string;
  premises: string;
  sections: { title: string; questions: ReviewQuestion[] }[];
  /** Questions of the pack never asked for this premises kind. */
  notAsked: number;
}

/**
 * The form of a pack for one premises kind, from core's form model (`formModel`: what the
 * premises kind decides alone is asked or left out, and `askedWhen` is what is left of a
 * question's condition once the kind is known): each section with the questions its
 * applicable items ask, in order, each once — label, how it is answered (是/否, options,
 * number with unit and range…), hint, whether required, and for a question that depends on
 * other answers that condition in words (never the premises kind, which is given). Pure.
 */
export function reviewForm(pack: Pack, premises: string, lang: Lang): ReviewForm {
  const zh = lang === 'zh-CN';
  const text = (t: { 'zh-CN': string; en?: string } | undefined) => (t ? (zh ? t['zh-CN'] : (t.en ?? t['zh-CN'])) : '');
  const labels = factLabels(pack);
  const model = new Map(formModel(pack, { premises }).questions.map((q) => [q.id, q]));
  const never = (q: { asked: boolean; askedWhen?: unknown } | undefined) => !q || (!q.asked && q.askedWhen === undefined);
  const facts = new Map(pack.facts.map((f) => [f.id, f]));
  const placed = new Set<string>();
  const question = (id: string): ReviewQuestion | undefined => {
    const fact = facts.get(id);
    const entry = model.get(id);
    if (!fact || !entry || never(entry) || placed.has(id)) return undefined;
    placed.add(id);
    const options = (fact.options ?? []).map((o) => text(o.label));
    const choices = fact.type === 'boolean' ? (zh ? ['是', '否'] : ['yes', 'no']) : fact.type === 'enum' || fact.type === 'multi' ? options : [];
    const range = text(entry.range);
    const unit = fact.unit ? ` ${fact.unit}` : '';
    const answer: Record<string, string> = {
      boolean: zh ? '是 / 否' : 'yes / no',
      enum: zh ? '选一项' : 'choose one',
      multi: zh ? '可多选' : 'tick all that apply',
      number: `${zh ? '数值' : 'a number'}${range ? (zh ? `（${range}）` : ` (${range})`) : unit}`,
      count: `${zh ? '个数' : 'a count'}${range ? (zh ? `（${range}）` : ` (${range})`) : unit}`,
      text: fact.maxLength !== undefined ? (zh ? `文字（不超过 ${fact.maxLength} 字）` : `text (at most ${fact.maxLength} characters)`) : zh ? '文字' : 'text',
      date: zh ? '日期（年-月-日）' : 'a date (year-month-day)',
      datetime: zh ? '日期和时间' : 'a date and time',
      evidence: zh ? '照片或文件' : 'a photo or file',
    };
    return {
      id,
      label: text(fact.label),
      answer: answer[fact.type] ?? fact.type,
      choices,
      multiple: fact.type === 'multi',
      hint: text(fact.hint),
      required: fact.required === true,
      askedWhen: entry.askedWhen ? conditionInWords(entry.askedWhen, pack, lang, labels) : '',
    };
  };
  const sections: ReviewForm['sections'] = [];
  for (const section of pack.sections) {
    const questions: ReviewQuestion[] = [];
    for (const item of section.items) {
      if (item.premises && !item.premises.includes(premises)) continue;
      for (const id of item.asks) {
        const q = question(id);
        if (q) questions.push(q);
      }
    }
    if (questions.length > 0) sections.push({ title: text(section.title), questions });
  }
  const rest = pack.facts.map((f) => question(f.id)).filter((q): q is ReviewQuestion => q !== undefined);
  if (rest.length > 0) sections.push({ title: zh ? '其他问题' : 'Other questions', questions: rest });
  const notAsked = [...model.values()].filter(never).length;
  const kind = pack.premises.find((p) => p.id === premises);
  return { title: text(pack.title), pack: `${pack.id}@${pack.version}`, premises: zh ? `${text(kind?.label)}（${premises}）` : `${text(kind?.label)} (${premises})`, sections, notAsked };
}
