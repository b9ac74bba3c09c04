import type { Lang } from '@anjian/core';
import type { ReportIssue, ValidationReport } from '../validate-packs.js';

/** What every formatter gets besides the report. */
export interface FormatOptions {
  lang: Lang;
  /** Version of the CLI (machine formats record it). */
  version: string;
  /** Show errors only. */
  quiet: boolean;
  /** Colour the pretty output. */
  colors: boolean;
  /** `--max-warnings`, when given. */
  maxWarnings: number | undefined;
  /** Source text of a reported file (for code frames), or `undefined` when unreadable or too large. */
  readSource(file: string): string | undefined;
}

/** A formatter turns a report into the text printed on stdout. */
export type Formatter = (report: ValidationReport, options: FormatOptions) => string;

/** The issues a format shows: all, or errors only under `--quiet`. */
export function visibleIssues(issues: readonly ReportIssue[], quiet: boolean): ReportIssue[] {
  return quiet ? issues.filter((i) => i.severity === 'error') : [...issues];
}
