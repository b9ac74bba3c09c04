import { documentDirectoryFrom, formatDocumentNumber, type DocumentDirectory } from '@anjian/documents';
import type { ChainEvent, HazardState } from '@anjian/core';
import type { DocumentRecord } from '@anjian/core/ports';
import type { DocumentsApiOptions } from './documents-options.js';
import type { RouteContext } from './types.js';

/** The directory documents print from: the `documents.directory` option, else the API's own `Directory`. */
export function documentDirectoryOf(ctx: RouteContext, documents: DocumentsApiOptions): DocumentDirectory {
  return documents.directory ?? documentDirectoryFrom(ctx.deps.directory);
}

/** A register record's 文号 as printed, e.g. `（东）应急责改〔2026〕12号`. */
export function documentNumberOf(documents: DocumentsApiOptions, record: DocumentRecord): string {
  const template = documents.templates.find((t) => t.template.kind === record.kind);
  return formatDocumentNumber(record, documents.override.override.numberPrefix, template?.template.numberPrefix);
}

/**
 * A hazard's case number (案号) as the hazard view shows it (`caseNumber` of `GET /hazards/{id}`):
 * the 文号 the document register gave the 立案审批表 issued with its `case_filed` event — the
 * number every document of the case prints (the register's first `case_filing_approval`, as
 * `@anjian/documents` composes it). Derived, never sent: for a case filed before the server
 * numbered cases, the number the officer typed then (`state.caseNo`); else null (no case, or an
 * API that numbers no documents).
 */
export function caseNumberOf(
  documents: DocumentsApiOptions | undefined,
  state: Pick<HazardState, 'caseNo'>,
  events: readonly Pick<ChainEvent, 'id' | 'type'>[],
  records: readonly DocumentRecord[],
): string | null {
  const filings = new Set(events.filter((e) => e.type === 'case_filed').map((e) => e.id));
  const record = records.find((r) => r.kind === 'case_filing_approval' && filings.has(r.eventId));
  if (documents && record) return documentNumberOf(documents, record);
  return state.caseNo ?? null;
}
