import type { IssueSeverity } from '@anjian/core';
import { localize } from '../lang.js';
import { tooManyWarningsText } from '../max-warnings.js';
import { visibleIssues, type Formatter } from './format-options.js';

const COMMAND: Record<IssueSeverity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands, one line per issue, so issues show as annotations on
 * the pull request: `::error file=…,line=…,col=…,title=CODE::message`. More warnings than
 * `--max-warnings` is one `::error` of the run (`title=MAX_WARNINGS`, no file).
 *
 * @example
 * ```text
 * ::error file=checklists/gas/pack.yaml,line=41,col=7,title=UNKNOWN_FACT::unknown fact "alarm_instaled" …
 * ```
 */
export const formatGithub: Formatter = (report, options) => {
  const lines = visibleIssues(report.issues, options.quiet).map((issue) => {
    const props = [`file=${escapeProperty(issue.file ?? issue.pack)}`];
    if (issue.line !== undefined) props.push(`line=${issue.line}`);
    if (issue.column !== undefined) props.push(`col=${issue.column}`);
    props.push(`title=${escapeProperty(issue.code)}`);
    const hint = localize(issue.hint, options.lang);
    const message = localize(issue.message, options.lang) + (hint ? ` (${hint})` : '');
    return `::${COMMAND[issue.severity]} ${props.join(',')}::${escapeData(message)}`;
  });
  // no file to put it on: an annotation of the run, as anjian test's
  const { warnings } = report.summary;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings)
    lines.push(`::error title=MAX_WARNINGS::${escapeData(localize(tooManyWarningsText(warnings, options.maxWarnings), options.lang))}`);
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
};

/** Escape the message part of a workflow command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a property value of a workflow command. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
