/**
 * Words of the periodic reports in both languages: headings, levels, sources, and the
 * domains' names from the loaded packs. One table, used by the HTML renderer and the sheets
 * the hosts write as `.xlsx`.
 *
 * @module
 */
import type { Lang, LocalizedText, Pack } from '../pack/types.js';
import { FINDING_SOURCE_LABELS } from '../pack/inspection-envelope.js';
import { formatDateTime } from '../classify/format-date-time.js';
import type { ReportPeriod } from './report-period.js';

type Words = { 'zh-CN': string; en: string };

export const REPORT_WORDS = {
  scope: { 'zh-CN': '范围', en: 'Scope' },
  city: { 'zh-CN': '全市', en: 'Whole city' },
  period: { 'zh-CN': '期间', en: 'Period' },
  asOf: { 'zh-CN': '逾期统计截至', en: 'Overdue as of' },
  generatedAt: { 'zh-CN': '生成时间', en: 'Generated' },
  chinaTime: { 'zh-CN': '北京时间', en: 'China time, UTC+8' },
  summary: { 'zh-CN': '总体情况', en: 'Summary' },
  found: { 'zh-CN': '发现隐患', en: 'Hazards found' },
  foundClosed: { 'zh-CN': '其中已整改', en: 'of which closed' },
  closureRate: { 'zh-CN': '整改率', en: 'Closure rate' },
  closed: { 'zh-CN': '本期整改销号', en: 'Closed in the period' },
  closedOnTime: { 'zh-CN': '其中按期', en: 'of which on time' },
  onTimeRate: { 'zh-CN': '按期整改率', en: 'On-time rate' },
  overdue: { 'zh-CN': '逾期未整改', en: 'Overdue, open' },
  recurrent: { 'zh-CN': '重复发生', en: 'Recurrent' },
  recurrentEnterprises: { 'zh-CN': '涉及企业', en: 'enterprises' },
  inspections: { 'zh-CN': '检查次数', en: 'Inspections' },
  byLevel: { 'zh-CN': '按等级', en: 'By level' },
  byDomain: { 'zh-CN': '按领域（行业主管部门）', en: 'By domain (supervising department)' },
  bySource: { 'zh-CN': '按来源', en: 'By source' },
  inspectionsBySource: { 'zh-CN': '检查按来源', en: 'Inspections by source' },
  trend: { 'zh-CN': '每日发现与整改', en: 'Found and closed per day' },
  areas: { 'zh-CN': '区域排名', en: 'Areas ranked' },
  enterprises: { 'zh-CN': '企业排名（发现隐患最多）', en: 'Enterprises ranked (most hazards found)' },
  overdueList: { 'zh-CN': '逾期未整改隐患', en: 'Overdue open hazards' },
  coverage: { 'zh-CN': '检查轮次覆盖', en: 'Rounds coverage' },
  noCoverage: { 'zh-CN': '未接入检查轮次数据', en: 'No rounds data connected' },
  rank: { 'zh-CN': '名次', en: 'Rank' },
  area: { 'zh-CN': '区域', en: 'Area' },
  enterprise: { 'zh-CN': '企业', en: 'Enterprise' },
  hazard: { 'zh-CN': '隐患编号', en: 'Hazard' },
  domain: { 'zh-CN': '领域', en: 'Domain' },
  level: { 'zh-CN': '等级', en: 'Level' },
  source: { 'zh-CN': '来源', en: 'Source' },
  deadline: { 'zh-CN': '整改期限', en: 'Deadline' },
  reportedAt: { 'zh-CN': '上报时间', en: 'Reported' },
  count: { 'zh-CN': '数量', en: 'Count' },
  day: { 'zh-CN': '日期', en: 'Day' },
  round: { 'zh-CN': '轮次', en: 'Round' },
  due: { 'zh-CN': '应检', en: 'Due' },
  done: { 'zh-CN': '已检', en: 'Done' },
  shownOf: { 'zh-CN': '列出前 {n} 条，共 {total} 条', en: 'first {n} of {total}' },
  unknownDomain: { 'zh-CN': '{code}（无对应检查表）', en: '{code} (no pack loaded)' },
  recurrenceNote: {
    'zh-CN': '重复发生：同一企业同一检查项在 {days} 天内再次判定为隐患。',
    en: 'Recurrent: the same item failed again at the same enterprise within {days} days.',
  },
  onTimeNote: {
    'zh-CN':
      '按期：整改期限内完成整改（期限后未再有任何整改中的处理）。逾期：在“逾期统计截至”的时刻未销号，且已过当时有效的整改期限，整改在企业手中（移交、立案后仍计；已提交整改、等待复查或验收、等待销号期间不计，退回整改后再计）；是该时刻的状态，不是现在的状态。',
    en: 'On time: rectified within the running deadline (nothing happened to it while rectifying after the deadline). Overdue: open at the "overdue as of" instant and past the running deadline then in force with the rectification the enterprise’s to do (still after an escalation or a case; not while a submitted rectification awaits verification, acceptance or closure; again once it is rejected) — the state at that instant, not now.',
  },
} as const satisfies Record<string, Words>;

const LEVELS: Record<string, Words> = {
  simple: { 'zh-CN': '简易隐患', en: 'simple' },
  general: { 'zh-CN': '一般隐患', en: 'general' },
  major: { 'zh-CN': '重大隐患', en: 'major' },
};

/** A report word in `lang`. */
export function reportWord(key: keyof typeof REPORT_WORDS, lang: Lang): string {
  return REPORT_WORDS[key][lang === 'en' ? 'en' : 'zh-CN'];
}

/** A level's name in `lang` (the code itself when unknown). */
export function levelWord(level: string, lang: Lang): string {
  return LEVELS[level]?.[lang === 'en' ? 'en' : 'zh-CN'] ?? level;
}

/** A finding source's name in `lang` (the code itself when unknown). */
export function sourceWord(source: string, lang: Lang): string {
  const w = (FINDING_SOURCE_LABELS as Record<string, Words>)[source];
  return w?.[lang === 'en' ? 'en' : 'zh-CN'] ?? source;
}

/**
 * The domains' names by domain code (`gas` → 燃气 / Gas), as the reports show them: the
 * `domains` option of `renderReportHtml` and `reportSheets`. Build it with {@link domainLabels}.
 */
export type DomainLabels = Readonly<Record<string, LocalizedText>>;

/**
 * The names of the loaded packs' domains: each pack's `domainLabel`, or, for a domain none of
 * whose packs declares one, the title of its first pack (by id). Deterministic whatever the
 * order of `packs`: for a domain several packs name, the first by pack id wins. A domain with
 * no pack is not in the table, and the reports show its code marked (see `domainWord`).
 *
 * @example
 * ```ts
 * renderReportHtml(report, { lang: 'zh-CN', domains: domainLabels(packs) }); // 燃气, 有限空间 …
 * ```
 */
export function domainLabels(packs: Iterable<Pick<Pack, 'id' | 'domain' | 'domainLabel' | 'title'>>): DomainLabels {
  const sorted = [...packs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: Record<string, LocalizedText> = Object.create(null) as Record<string, LocalizedText>;
  for (const p of sorted) if (p.domainLabel !== undefined && !Object.hasOwn(out, p.domain)) out[p.domain] = p.domainLabel;
  for (const p of sorted) if (!Object.hasOwn(out, p.domain)) out[p.domain] = p.title;
  return Object.freeze(out);
}

/**
 * A domain's name in `lang` from `labels` (`zh-CN` when it has no `en`); a domain not in
 * `labels` (no pack loaded for it, or no labels given) is its code, marked — `pipeline（无对应检查表）`
 * — never dropped or passed off as a name.
 */
export function domainWord(domain: string, lang: Lang, labels: DomainLabels | undefined): string {
  const label = labels !== undefined && Object.hasOwn(labels, domain) ? labels[domain] : undefined;
  if (label === undefined) return reportWord('unknownDomain', lang).replace('{code}', domain);
  return lang === 'en' ? (label.en ?? label['zh-CN']) : label['zh-CN'];
}

/** A fraction as a percentage with one decimal (`0.9234` → `92.3%`). */
export function percent(x: number): string {
  return `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
}

/**
 * An instant of a report as its readers read it: China time, minutes (`2026-11-30T16:00:00.000Z`
 * → `2026-12-01 00:00`); a value that is not an ISO instant is shown as recorded.
 */
export function reportTime(iso: string): string {
  return formatDateTime(iso, 'datetime') ?? iso;
}

/**
 * A period's days in China time, first and last inclusive (`2026-11-01 – 2026-11-30` for a
 * period from `2026-10-31T16:00:00.000Z` to `2026-11-30T16:00:00.000Z`, its end exclusive).
 */
export function reportPeriodDays(period: Pick<ReportPeriod, 'from' | 'to'>): string {
  const to = Date.parse(period.to);
  const last = Number.isNaN(to) ? undefined : formatDateTime(new Date(to - 1).toISOString(), 'date');
  return `${formatDateTime(period.from, 'date') ?? period.from} – ${last ?? period.to}`;
}
