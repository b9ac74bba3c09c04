import type { BuildReportInput, PeriodicReport, ReportSheet } from '@anjian/core/internal';
import type { ReportReadModel } from '@anjian/core/ports';

/**
 * Periodic reports over HTTP (`GET /reports/{kind}`): the store's report read model, and how
 * to write a workbook. Adds the `/reports` endpoint and its part of the OpenAPI document.
 */
export interface ReportsApiOptions {
  /** `createSqliteReportReadModel`, `createPostgresReportReadModel` or core's memory one. */
  model: ReportReadModel;
  /**
   * Writes the report's sheets (core's `reportSheets`) as `.xlsx` bytes — the demo portal uses
   * exceljs. Without it, `format=xlsx` answers 406.
   */
  xlsx?: (sheets: ReportSheet[], report: PeriodicReport) => Promise<Uint8Array>;
  /** The rounds facet's coverage of a period, when the host has one. */
  coverage?: BuildReportInput['coverage'];
  /** Recurrence window in days (default 30). */
  recurrenceDays?: number;
}
