import type { Lang } from '@anjian/core';
import { localize } from '../lang.js';
import { tooManyWarningsText } from '../max-warnings.js';
import type { ReportIssue, ValidationReport } from '../validate-packs.js';
import { issueBlock } from './issue-block.js';
import { visibleIssues, type FormatOptions, type Formatter } from './format-options.js';

/**
 * The human format: `file:line:col  severity  CODE  message`, a code frame with a caret,
 * the hint and the docs link for each issue, grouped by pack, then a summary line.
 *
 * @example
 * ```text
 * checklists/gas/pack.yaml:41:7  error  UNKNOWN_FACT  unknown fact "alarm_instaled" …
 *   40 |       - { fact: alarm_installed, operator: equal, value: true }
 * > 41 |       - { fact: alarm_instaled, operator: equal, value: false }
 *      |       ^
 *   hint: did you mean "alarm_installed"?
 * ```
 */
export const formatPretty: Formatter = (report, options) => {
  const { lang } = options;
  const paint = (code: string, text: string) => (options.colors ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines = cachedLines(options.readSource);
  const blocks: string[] = [];
  for (const pack of report.packs) {
    const shown = visibleIssues(pack.issues, options.quiet);
    if (shown.length === 0) continue;
    blocks.push(shown.map((issue) => formatIssue(issue, lang, paint, lines)).join('\n\n'));
  }
  blocks.push(summary(report, options, paint));
  return blocks.join('\n\n') + '\n';
};

function formatIssue(issue: ReportIssue, lang: Lang, paint: (code: string, text: string) => string, lines: (file: string) => string[] | undefined): string {
  return issueBlock({ ...issue, file: issue.file ?? issue.pack }, lang, paint, lines, { docs: true });
}

function summary(report: ValidationReport, options: FormatOptions, paint: (code: string, text: string) => string): string {
  const { errors, warnings, infos } = report.summary;
  const total = report.packs.length;
  const failed = report.packs.filter((p) => !p.ok).length;
  const passed = total - failed;
  const zh = options.lang === 'zh-CN';
  const parts: string[] = [];
  parts.push(
    zh
      ? `检查了 ${total} 个检查表：${passed} 个通过，${failed} 个有错误；共 ${errors} 个错误、${warnings} 个警告、${infos} 个提示。`
      : `${total} ${plural(total, 'pack')} checked: ${passed} passed, ${failed} with errors; ${errors} ${plural(errors, 'error')}, ${warnings} ${plural(warnings, 'warning')}, ${infos} info.`,
  );
  const hidden = options.quiet ? warnings + infos : 0;
  if (hidden > 0) parts.push(zh ? `（--quiet 隐藏了 ${hidden} 个警告和提示）` : `(${hidden} ${hidden === 1 ? (warnings === 1 ? 'warning' : 'info') : 'warnings and info'} hidden by --quiet)`);
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) parts.push(localize(tooManyWarningsText(warnings, options.maxWarnings), options.lang));
  const mark = errors > 0 || (options.maxWarnings !== undefined && warnings > options.maxWarnings) ? paint('31', '✖') : paint('32', '✔');
  return `${mark} ${parts.join(zh ? '' : ' ')}`;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

function cachedLines(read: (file: string) => string | undefined): (file: string) => string[] | undefined {
  const cache = new Map<string, string[] | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      const lines = read(file)?.split(/\r\n|\r|\n/);
      // A final newline does not start another line worth showing.
      if (lines !== undefined && lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
      cache.set(file, lines);
    }
    return cache.get(file);
  };
}
