/**
 * Periodic reports (周研判、月通报、季度考核): periods, the report as data, its HTML
 * rendering and the in-memory read model (the city-scale demo data is `@anjian/core/testing`'s
 * `generateCity`).
 *
 * @module
 */
export { REPORT_KINDS, ReportError, reportPeriod, reportPeriodOf } from './report-period.js';
export type { ReportKind, ReportPeriod } from './report-period.js';
export { areaRecorded, buildPeriodicReport, rollUpArea } from './build-report.js';
export type { BuildReportInput, PeriodicReport, ReportAreaRow, ReportBreakdownRow, ReportRoundCoverage } from './build-report.js';
export { renderReportHtml, escapeHtml } from './render-report-html.js';
export type { RenderReportHtmlOptions } from './render-report-html.js';
export { REPORT_WORDS, reportWord, levelWord, sourceWord, domainLabels, percent } from './report-labels.js';
export type { DomainLabels } from './report-labels.js';
export { aggregateReportFacts, createMemoryReportReadModel, chinaDay } from './memory-report-read-model.js';
export type { InspectionReportFact, MemoryReportReadModelOptions } from './memory-report-read-model.js';
export { reportSheets } from './report-sheets.js';
export type { ReportSheet, ReportSheetColumn, ReportSheetsOptions } from './report-sheets.js';
export { reportScopeFor } from './report-scope.js';
export type { ReportScope, ReportScopeDecision } from './report-scope.js';
