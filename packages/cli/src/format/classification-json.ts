import type { Classification, Issue } from '@anjian/core';
import type { ClassifyEntry } from '../classify-inspections.js';

/**
 * One document of `anjian classify --format json`, described by
 * `@anjian/core/schema/classification.schema.json` and `docs/classification-output.md`.
 */
export interface ClassificationDocument {
  tool: 'anjian';
  version: string;
  /** The inspection file, relative to the working directory. */
  inspection: string;
  /** Located problems of the file (warnings included); errors mean no classification. */
  issues: Issue[];
  classification: Classification | null;
}

/**
 * The JSON document of one classified inspection file: `{ tool, version, inspection,
 * issues, classification }` (`classification` is `null` when the file has errors).
 *
 * @example
 * ```ts
 * JSON.stringify(classificationDocument(entry, '0.1.0'));
 * ```
 */
export function classificationDocument(entry: ClassifyEntry, version: string): ClassificationDocument {
  return { tool: 'anjian', version, inspection: entry.file, issues: entry.issues, classification: entry.classification };
}
