/**
 * `@anjian/core/reports`: the periodic reports (周研判、月通报、季度考核) a host builds, renders
 * and exports — the report as data from a `ReportReadModel`, its printable HTML, the sheets of
 * an Excel workbook, domain names from the loaded packs, who may see which scope, and the
 * in-memory read model that defines the contract. The store adapters implement the read model
 * (`createSqliteReportReadModel`, `createPostgresReportReadModel`). See docs/reports.md.
 *
 * @example
 * ```ts
 * import { buildPeriodicReport, renderReportHtml } from '@anjian/core/reports';
 * const report = await buildPeriodicReport(model, { kind: 'monthly', period: '2026-11', area: 'D1', now: new Date().toISOString() });
 * const html = renderReportHtml(report, { lang: 'zh-CN' });
 * ```
 *
 * @packageDocumentation
 */
export { REPORT_KINDS, ReportError, reportPeriod, reportPeriodOf } from './reports/report-period.js';
export type { ReportKind, ReportPeriod } from './reports/report-period.js';
export { buildPeriodicReport } from './reports/build-report.js';
export type { BuildReportInput, PeriodicReport, ReportAreaRow, ReportBreakdownRow, ReportRoundCoverage } from './reports/build-report.js';
export { renderReportHtml } from './reports/render-report-html.js';
export type { RenderReportHtmlOptions } from './reports/render-report-html.js';
export { domainLabels, percent, reportWord, REPORT_WORDS } from './reports/report-labels.js';
export type { DomainLabels } from './reports/report-labels.js';
export { reportSheets } from './reports/report-sheets.js';
export type { ReportSheet, ReportSheetColumn, ReportSheetsOptions } from './reports/report-sheets.js';
export { reportScopeFor } from './reports/report-scope.js';
export type { ReportScope, ReportScopeDecision } from './reports/report-scope.js';
export { createMemoryReportReadModel } from './reports/memory-report-read-model.js';
export type { InspectionReportFact, MemoryReportReadModelOptions } from './reports/memory-report-read-model.js';
export type { ReportReadModel, ReportFacts, ReportFactsQuery } from './ports/report-read-model.js';
