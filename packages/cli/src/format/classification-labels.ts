import type { Confidence, HazardLevel, ItemOutcome, Lang } from '@anjian/core';
import type { DeadlinePolicy } from '@anjian/core/internal';

/** The official names of the hazard levels, with the English id: `重大事故隐患 / major`. */
export const LEVEL_NAMES: Readonly<Record<HazardLevel, string>> = Object.freeze({
  major: '重大事故隐患 / major',
  general: '一般事故隐患 / general',
  simple: '简易隐患 / simple',
});

/** Item outcomes in each language. */
export const OUTCOME_NAMES: Readonly<Record<ItemOutcome, Record<Lang, string>>> = Object.freeze({
  hazard: { 'zh-CN': '存在隐患', en: 'hazard' },
  pass: { 'zh-CN': '合格', en: 'pass' },
  not_applicable: { 'zh-CN': '不适用', en: 'not applicable' },
  not_checked: { 'zh-CN': '未检查', en: 'not checked' },
});

/** Citation confidence in each language. */
export const CONFIDENCE_NAMES: Readonly<Record<Confidence, Record<Lang, string>>> = Object.freeze({
  verified: { 'zh-CN': '已核实', en: 'verified' },
  secondary: { 'zh-CN': '二手来源', en: 'secondary source' },
  unverified: { 'zh-CN': '未核实', en: 'unverified' },
});

/**
 * A deadline policy as words: `immediate` → 立即整改 / immediately, `{ workingDays: 7 }` →
 * 7 个工作日内 / within 7 working days.
 */
export function deadlineText(deadline: DeadlinePolicy, lang: Lang): string {
  const en = lang === 'en';
  if (deadline === 'immediate') return en ? 'immediately (on the spot)' : '立即整改（当场）';
  const s = (n: number) => (n === 1 ? '' : 's');
  if ('workingDays' in deadline) return en ? `within ${deadline.workingDays} working day${s(deadline.workingDays)}` : `${deadline.workingDays} 个工作日内`;
  if ('days' in deadline) return en ? `within ${deadline.days} day${s(deadline.days)}` : `${deadline.days} 日内`;
  return en ? `within ${deadline.hours} hour${s(deadline.hours)}` : `${deadline.hours} 小时内`;
}
