import type { Lang, Pack } from '@anjian/core';
import { deadlineFor, factLabels } from '@anjian/core/internal';
import { CONFIDENCE_NAMES, deadlineText } from '../format/classification-labels.js';
import { conditionInWords } from './condition-in-words.js';

/** One row of the rule table: a hazard rule or a composite, in a reviewer's words. */
export interface RuleRow {
  section: string;
  item: string;
  itemTitle: string;
  rule: string;
  title: string;
  /** 一般事故隐患 / general… in the output language. */
  level: string;
  /** The condition in words (labels, not ids). */
  condition: string;
  /** Each citation: number, edition, clause and title. */
  basis: string;
  /** The citations' confidence (the lowest first when they differ). */
  confidence: string;
  deadline: string;
  rectification: string;
  /** Premises kinds the row applies to, or all. */
  premises: string;
}

/** The column headings of {@link RuleRow}, in order. */
export const RULE_COLUMNS: readonly (keyof RuleRow)[] = ['section', 'item', 'itemTitle', 'rule', 'title', 'level', 'condition', 'basis', 'confidence', 'deadline', 'rectification', 'premises'];

/** Column headings in each language. */
export const RULE_HEADINGS: Readonly<Record<Lang, Readonly<Record<keyof RuleRow, string>>>> = Object.freeze({
  'zh-CN': {
    section: '分组',
    item: '检查项',
    itemTitle: '检查项名称',
    rule: '规则',
    title: '隐患',
    level: '等级',
    condition: '判定条件',
    basis: '依据',
    confidence: '依据可信度',
    deadline: '整改期限',
    rectification: '整改要求',
    premises: '适用场所',
  },
  en: {
    section: 'Section',
    item: 'Item',
    itemTitle: 'Item title',
    rule: 'Rule',
    title: 'Hazard',
    level: 'Level',
    condition: 'Condition',
    basis: 'Basis',
    confidence: 'Confidence',
    deadline: 'Deadline',
    rectification: 'Rectification',
    premises: 'Premises',
  },
});

const LEVELS: Readonly<Record<string, Record<Lang, string>>> = Object.freeze({
  major: { 'zh-CN': '重大事故隐患', en: 'major' },
  general: { 'zh-CN': '一般事故隐患', en: 'general' },
  simple: { 'zh-CN': '简易隐患', en: 'simple' },
});

const CONFIDENCE_ORDER = ['unverified', 'secondary', 'verified'] as const;

/**
 * Every hazard rule of a pack (then every composite, 综合判定) as one row for legal review:
 * item, condition in words, level, basis with clause, confidence, deadline (the rule's, the
 * pack's for the level, or the default), rectification and premises. Pure.
 *
 * @example
 * ```ts
 * ruleTable(pack, 'zh-CN')[0]; // { item: 'DEMO-001', rule: 'DEMO-001-H1', level: '重大事故隐患', condition: '（使用的燃气种类 为 …）', … }
 * ```
 */
export function ruleTable(pack: Pack, lang: Lang): RuleRow[] {
  const zh = lang === 'zh-CN';
  const text = (t: { 'zh-CN': string; en?: string } | undefined) => (t ? (zh ? t['zh-CN'] : (t.en ?? t['zh-CN'])) : '');
  const labels = factLabels(pack);
  const regulations = new Map(pack.regulations.map((r) => [r.id, r]));
  const premisesWords = (ids: readonly string[] | undefined) =>
    ids === undefined ? (zh ? '全部' : 'all') : ids.map((id) => text(pack.premises.find((p) => p.id === id)?.label) || id).join(zh ? '、' : ', ');
  const cite = (basis: Pack['sections'][number]['items'][number]['hazards'][number]['basis']) => {
    const lines = basis.map((c) => {
      const r = regulations.get(c.regulation);
      return r ? `${r.number}（${r.edition}）${c.clause} ${text(r.title)}` : `${c.regulation} ${c.clause}`;
    });
    const levels = basis.map((c) => c.confidence ?? regulations.get(c.regulation)?.confidence ?? 'unverified');
    const lowest = CONFIDENCE_ORDER.find((l) => levels.includes(l));
    return { basis: lines.join('\n'), confidence: lowest ? CONFIDENCE_NAMES[lowest][lang] : '' };
  };
  const rows: RuleRow[] = [];
  for (const section of pack.sections) {
    for (const item of section.items) {
      const applies = item.when ? conditionInWords(item.when, pack, lang, labels) : '';
      for (const rule of item.hazards) {
        const condition = conditionInWords(rule.when, pack, lang, labels);
        rows.push({
          section: text(section.title),
          item: item.id,
          itemTitle: text(item.title),
          rule: rule.id,
          title: text(rule.title),
          level: LEVELS[rule.level]![lang],
          condition: applies ? `${condition}${zh ? '（检查项适用于：' : ' (the item applies when: '}${applies}${zh ? '）' : ')'}` : condition,
          ...cite(rule.basis),
          deadline: deadlineText(deadlineFor(pack, rule.level, rule.deadline), lang),
          rectification: text(rule.rectification),
          premises: premisesWords(item.premises),
        });
      }
    }
  }
  for (const composite of pack.composites) {
    rows.push({
      section: zh ? '综合判定' : 'Composite determinations',
      item: '',
      itemTitle: '',
      rule: composite.id,
      title: text(composite.title),
      level: LEVELS[composite.level]![lang],
      condition: zh ? `以下至少 ${composite.atLeast} 项成立：${composite.of.join('、')}` : `at least ${composite.atLeast} of: ${composite.of.join(', ')}`,
      ...cite(composite.basis),
      deadline: deadlineText(deadlineFor(pack, composite.level, composite.deadline), lang),
      rectification: text(composite.rectification),
      premises: premisesWords(composite.premises),
    });
  }
  return rows;
}
