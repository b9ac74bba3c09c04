/**
 * A {@link PeriodicReport} as spreadsheet tables: sheet names, column headings and widths,
 * rows of plain values. The layout is defined here once; a host writes the sheets with a
 * spreadsheet library (the CLI and the demo portal use exceljs) without deciding anything.
 *
 * @module
 */
import type { Lang } from '../pack/types.js';
import type { PeriodicReport, ReportBreakdownRow } from './build-report.js';
import { domainWord, levelWord, reportPeriodDays, reportTime, reportWord, sourceWord, type DomainLabels } from './report-labels.js';

/** One column of a {@link ReportSheet}. */
export interface ReportSheetColumn {
  header: string;
  /** Width in characters. */
  width: number;
  /** `percent` for fractions shown as percentages. */
  format?: 'percent';
}

/** One sheet: a title row, then a table. */
export interface ReportSheet {
  /** At most 31 characters (the spreadsheet limit). */
  name: string;
  title: string;
  columns: ReportSheetColumn[];
  rows: Array<Array<string | number>>;
}

/** Options of {@link reportSheets}. */
export interface ReportSheetsOptions {
  /**
   * The domains' names (`domainLabels(packs)`), as for `renderReportHtml`: a domain without
   * one shows as its code, marked — so does every domain when this is left out.
   */
  domains?: DomainLabels;
}

/** The report's sheets: summary, breakdowns, areas, enterprises, overdue hazards, coverage. */
export function reportSheets(report: PeriodicReport, lang: Lang = 'zh-CN', options: ReportSheetsOptions = {}): ReportSheet[] {
  const w = (k: Parameters<typeof reportWord>[0]) => reportWord(k, lang);
  const d = (code: string) => domainWord(code, lang, options.domains);
  const title = lang === 'en' ? report.title.en : report.title['zh-CN'];
  const s = report.summary;
  const breakdown = (rows: ReportBreakdownRow[], label: (k: string) => string) => rows.map((r) => [label(r.key), r.found, r.closed, r.onTime, r.closed === 0 ? 0 : r.onTime / r.closed]);
  const breakdownColumns = (first: string): ReportSheetColumn[] => [
    { header: first, width: 24 },
    { header: w('found'), width: 12 },
    { header: w('closed'), width: 14 },
    { header: w('closedOnTime'), width: 12 },
    { header: w('onTimeRate'), width: 12, format: 'percent' },
  ];
  const sheets: ReportSheet[] = [
    {
      name: w('summary'),
      title,
      columns: [
        { header: w('summary'), width: 28 },
        { header: '', width: 40 },
      ],
      rows: [
        [w('scope'), report.area ?? w('city')],
        ...(report.domain === null ? [] : [[w('domain'), d(report.domain)]]),
        [w('period'), `${report.period.label} (${reportPeriodDays(report.period)}, ${w('chinaTime')})`],
        [w('asOf'), `${reportTime(report.asOf)} (${w('chinaTime')})`],
        [w('generatedAt'), `${reportTime(report.generatedAt)} (${w('chinaTime')})`],
        [w('found'), s.found],
        [w('foundClosed'), s.foundClosed],
        [w('closureRate'), s.closureRate],
        [w('closed'), s.closed],
        [w('closedOnTime'), s.closedOnTime],
        [w('onTimeRate'), s.onTimeRate],
        [w('overdue'), s.overdue],
        [w('recurrent'), s.recurrent],
        [w('recurrentEnterprises'), s.recurrentEnterprises],
        [w('inspections'), s.inspections],
      ],
    },
    { name: w('byLevel'), title, columns: breakdownColumns(w('level')), rows: breakdown(report.byLevel, (k) => levelWord(k, lang)) },
    { name: w('byDomain').slice(0, 31), title, columns: breakdownColumns(w('domain')), rows: breakdown(report.byDomain, d) },
    { name: w('bySource'), title, columns: breakdownColumns(w('source')), rows: breakdown(report.bySource, (k) => sourceWord(k, lang)) },
    {
      name: w('areas'),
      title,
      columns: [
        { header: w('rank'), width: 8 },
        { header: w('area'), width: 14 },
        { header: w('found'), width: 12 },
        { header: w('closed'), width: 14 },
        { header: w('onTimeRate'), width: 12, format: 'percent' },
        { header: w('overdue'), width: 12 },
        { header: w('recurrent'), width: 12 },
        { header: w('inspections'), width: 12 },
      ],
      rows: report.areas.map((a) => [a.rank, a.area, a.found, a.closed, a.onTimeRate, a.overdue, a.recurrent, a.inspections]),
    },
    {
      name: w('enterprises').slice(0, 31),
      title,
      columns: [
        { header: w('rank'), width: 8 },
        { header: w('enterprise'), width: 20 },
        { header: w('area'), width: 14 },
        { header: w('found'), width: 12 },
        { header: w('recurrent'), width: 12 },
        { header: w('overdue'), width: 12 },
      ],
      rows: report.enterprises.map((e) => [e.rank, e.enterpriseId, e.area, e.found, e.recurrent, e.overdue]),
    },
    {
      name: w('overdueList').slice(0, 31),
      title: `${title} — ${w('shownOf').replace('{n}', String(report.overdue.items.length)).replace('{total}', String(report.overdue.total))}`,
      columns: [
        { header: w('hazard'), width: 30 },
        { header: w('enterprise'), width: 20 },
        { header: w('area'), width: 14 },
        { header: w('domain'), width: 16 },
        { header: w('level'), width: 12 },
        { header: w('deadline'), width: 26 },
        { header: w('reportedAt'), width: 26 },
      ],
      rows: report.overdue.items.map((o) => [o.hazardId, o.enterpriseId, o.area, d(o.domain), levelWord(o.level, lang), reportTime(o.deadline), reportTime(o.createdAt)]),
    },
    {
      name: w('coverage'),
      title,
      columns: [
        { header: w('round'), width: 30 },
        { header: w('due'), width: 10 },
        { header: w('done'), width: 10 },
        { header: w('overdue'), width: 10 },
      ],
      rows: report.coverage === null ? [[w('noCoverage'), '', '', '']] : report.coverage.map((c) => [lang === 'en' ? (c.title.en ?? c.title['zh-CN']) : c.title['zh-CN'], c.due, c.done, c.overdue]),
    },
  ];
  return sheets;
}
