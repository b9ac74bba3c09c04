import type { ChainEvent, HazardState } from '@anjian/core';
import type { DocumentNumber, DocumentNumberRequest } from '@anjian/core/ports';
import { documentKindsFor } from './triggers.js';

/** Options of {@link documentNumbering}. */
export interface DocumentNumberingOptions {
  /**
   * The jurisdiction whose series numbers the document: a fixed code (the override's
   * `jurisdiction`), or derived from the hazard (e.g. the district of its area). Never
   * taken from a request.
   */
  jurisdiction: string | ((state: HazardState) => string);
}

/**
 * The series word of the 立案审批表 (`numberPrefix` of its built-in template): other kinds print
 * the hazard's case number (案号, source `case.number`) with it. A test holds the template to it.
 */
export const CASE_SERIES_PREFIX = '立';

/**
 * The series words of the two documents that set a hazard's rectification deadline (the
 * `numberPrefix` of their built-in templates): source `notice.number` prints the running
 * notice's or order's 文号 with them. A test holds the templates to them.
 */
export const NOTICE_SERIES_PREFIXES: Readonly<Record<'rectification_order' | 'rectification_notice', string>> = Object.freeze({
  rectification_order: '责改',
  rectification_notice: '隐改',
});

/** The calendar year in China time (UTC+8) of an ISO instant. */
export function chinaYear(iso: string): number {
  return new Date(Date.parse(iso) + 8 * 3_600_000).getUTCFullYear();
}

/**
 * The `documentNumbers` hook of core's `ChainDeps`: for each accepted event, one number per
 * document kind the event issues ({@link DOCUMENT_TRIGGERS}), in the series of the
 * jurisdiction, the kind and the China-time year of the event. The store allocates them in
 * the append's transaction, so a number exists exactly when its event does.
 *
 * @example
 * ```ts
 * const deps = { store, clock, directory, calendar, documentNumbers: documentNumbering({ jurisdiction: 'D1' }) };
 * const result = await handleCommand(deps, issueNotice, 'officer-1');
 * result.documents; // [{ kind: 'rectification_order', year: 2026, seq: 12, … }]
 * ```
 */
export function documentNumbering(options: DocumentNumberingOptions): (events: readonly ChainEvent[], after: HazardState) => DocumentNumberRequest[] {
  return (events, after) => {
    const jurisdiction = typeof options.jurisdiction === 'string' ? options.jurisdiction : options.jurisdiction(after);
    return events.flatMap((event) => documentKindsFor(event, after).map((kind) => ({ jurisdiction, kind, year: chinaYear(event.recordedAt), eventId: event.id })));
  };
}

/**
 * A document number as printed: the department's code word, the kind's series word, the
 * year in 六角括号 and the number — `（东）应急责改〔2026〕12号`.
 */
export function formatDocumentNumber(number: Pick<DocumentNumber, 'year' | 'seq'>, departmentPrefix = '', kindPrefix = ''): string {
  return `${departmentPrefix}${kindPrefix}〔${number.year}〕${number.seq}号`;
}
