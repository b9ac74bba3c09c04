import type { Issue, IssueSeverity, Lang } from '@anjian/core';
import { localize } from '../lang.js';
import { codeFrame } from './code-frame.js';
import { stripControl } from './strip-control.js';

const SEVERITY: Record<IssueSeverity, Record<Lang, string>> = {
  error: { 'zh-CN': '错误', en: 'error' },
  warning: { 'zh-CN': '警告', en: 'warning' },
  info: { 'zh-CN': '提示', en: 'info' },
};

const COLOR: Record<IssueSeverity, string> = { error: '31', warning: '33', info: '36' };

/** Wraps text in an ANSI colour code, or returns it as is when colours are off. */
export type Paint = (code: string, text: string) => string;

/** A {@link Paint} for the `colors` flag of the I/O. */
export function painter(colors: boolean): Paint {
  return (code, text) => (colors ? `\u001b[${code}m${text}\u001b[0m` : text);
}

/**
 * One located issue the way `anjian validate` prints it: `file:line:col  severity  CODE
 * message`, a code frame when the source is readable, then the hint. Used by `classify`
 * (inspection files) and `test` (scenario files, packs that fail to load).
 *
 * @param lines the source of a file split into lines, or `undefined` when unreadable.
 * @example
 * ```ts
 * issueBlock(issue, 'en', painter(false), (file) => readFileSync(file, 'utf8').split('\n'));
 * ```
 */
export function issueBlock(issue: Issue, lang: Lang, paint: Paint, lines: (file: string) => readonly string[] | undefined, options: { docs?: boolean } = {}): string {
  const file = stripControl(issue.file ?? '');
  const where = issue.line !== undefined ? `${file}:${issue.line}:${issue.column ?? 1}` : file;
  const head = `${paint('1', where)}  ${paint(COLOR[issue.severity], SEVERITY[issue.severity][lang])}  ${paint('2', issue.code)}  ${stripControl(localize(issue.message, lang))}`;
  const out = [head];
  if (issue.file !== undefined && issue.line !== undefined) {
    const source = lines(issue.file);
    const frame = source ? codeFrame(source, issue.line, issue.column ?? 1) : '';
    if (frame !== '') out.push(frame.replace(/^/gm, '  '));
  }
  const hint = localize(issue.hint, lang);
  if (hint !== '') out.push(`  ${lang === 'en' ? 'hint: ' : '提示：'}${stripControl(hint)}`);
  if (options.docs && issue.docs !== undefined) out.push(`  ${lang === 'en' ? 'docs: ' : '文档：'}${stripControl(issue.docs)}`);
  return out.join('\n');
}
