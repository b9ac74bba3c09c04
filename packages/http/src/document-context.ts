import { documentDirectoryFrom, formatDocumentNumber, type DocumentDirectory } from '@anjian/documents';
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
