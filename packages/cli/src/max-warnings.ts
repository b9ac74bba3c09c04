import type { Lang, LocalizedText } from '@anjian/core';
import type { CliIo } from './cli-io.js';
import { say } from './lang.js';
import { UsageError } from './usage-error.js';

/**
 * The value of `--max-warnings` (`anjian validate`, `anjian test`): a whole number N ≥ 0, or
 * `undefined` when the flag is not given (warnings never change the exit code). More than N
 * warnings make the command exit 1, as ESLint's flag of the same name.
 *
 * @throws {UsageError} when the value is not a non-negative integer.
 */
export function parseMaxWarnings(value: string | boolean | undefined, command: 'validate' | 'test'): number | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  if (!/^\d{1,9}$/.test(value)) {
    throw new UsageError({ 'zh-CN': `--max-warnings 需要一个非负整数，得到“${value}”`, en: `--max-warnings needs a non-negative integer, got "${value}"` }, command);
  }
  return Number(value);
}

/**
 * Why a run with more warnings than `--max-warnings` fails, in both languages: the one sentence
 * every format of `anjian validate` and `anjian test` says it with (the pretty summary, the
 * junit testcase of `anjian test`, the github `::error`, the stderr line of {@link sayTooManyWarnings}).
 *
 * @example
 * ```ts
 * tooManyWarningsText(3, 0).en; // '3 warnings exceed --max-warnings 0.'
 * ```
 */
export function tooManyWarningsText(warnings: number, max: number): LocalizedText & { en: string } {
  return {
    'zh-CN': `警告数 ${warnings} 超过 --max-warnings ${max}。`,
    en: `${warnings} ${warnings === 1 ? 'warning exceeds' : 'warnings exceed'} --max-warnings ${max}.`,
  };
}

/** The formats whose stdout is one document (JSON or XML) a program reads: what else they say goes to stderr. */
const DOCUMENT_FORMATS: ReadonlySet<string> = new Set(['json', 'junit', 'sarif']);

/**
 * When more warnings than `--max-warnings` fail the run, say so on stderr for a format whose
 * stdout is a document (`json`, `junit`, `sarif`), so a CI log shows why the step failed while
 * stdout stays valid JSON or XML; `pretty` says it in its summary and `github` as an `::error`
 * annotation, on stdout. In the language of `--lang` or the locale, in both when neither names
 * one (`knownLang`, as usage errors).
 *
 * @example
 * ```ts
 * sayTooManyWarnings(io, 'json', undefined, 3, 0); // stderr: anjian: 警告数 3 超过 --max-warnings 0。 / 3 warnings exceed --max-warnings 0.
 * ```
 */
export function sayTooManyWarnings(io: CliIo, format: string, lang: Lang | undefined, warnings: number, max: number | undefined): void {
  if (max === undefined || warnings <= max || !DOCUMENT_FORMATS.has(format)) return;
  io.stderr.write(`anjian: ${say(tooManyWarningsText(warnings, max), lang)}\n`);
}
