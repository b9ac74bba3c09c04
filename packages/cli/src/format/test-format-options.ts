import type { Lang } from '@anjian/core';
import type { TestReport } from '../test-packs.js';

/** What every `anjian test` formatter gets besides the report. */
export interface TestFormatOptions {
  lang: Lang;
  /** Version of the CLI (machine formats record it). */
  version: string;
  /** Colour the pretty output. */
  colors: boolean;
  /** Source lines of a reported file (relative path), for code frames. */
  lines(file: string): readonly string[] | undefined;
}

/** Turns a test report into the text printed on stdout. */
export type TestFormatter = (report: TestReport, options: TestFormatOptions) => string;
