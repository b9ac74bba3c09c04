import type { Fact, Lang, LocalizedText, Pack } from '../pack/types.js';

/** What the explanations need to know about a fact id (declared or reserved). */
export interface FactLabel {
  type: Fact['type'];
  label: LocalizedText;
  unit?: string;
  /** Option value → label, for enum/multi facts and `$premises`. */
  options?: ReadonlyMap<string, LocalizedText>;
}

/** Pick a language, falling back to Chinese (always present). */
export function pick(text: LocalizedText | undefined, lang: Lang): string {
  if (!text) return '';
  return lang === 'en' ? (text.en ?? text['zh-CN']) : text['zh-CN'];
}

/**
 * Labels of every fact of the pack plus the reserved `$premises` (options: the pack's
 * premises kinds) and `$inspectedAt`.
 */
export function factLabels(pack: Pick<Pack, 'facts' | 'premises'>): ReadonlyMap<string, FactLabel> {
  const map = new Map<string, FactLabel>();
  for (const fact of pack.facts) {
    const entry: FactLabel = { type: fact.type, label: fact.label };
    if (fact.unit !== undefined) entry.unit = fact.unit;
    if (fact.options) entry.options = new Map(fact.options.map((o) => [o.value, o.label]));
    map.set(fact.id, entry);
  }
  map.set('$premises', {
    type: 'enum',
    label: { 'zh-CN': '场所类型', en: 'Premises kind' },
    options: new Map(pack.premises.map((p) => [p.id, p.label])),
  });
  map.set('$inspectedAt', { type: 'datetime', label: { 'zh-CN': '检查时间', en: 'Inspection time' } });
  return map;
}
