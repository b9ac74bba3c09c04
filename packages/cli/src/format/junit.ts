import { localize } from '../lang.js';
import type { ReportIssue } from '../validate-packs.js';
import { visibleIssues, type Formatter } from './format-options.js';
import { xmlEscape } from './xml-escape.js';

/**
 * JUnit XML for CI test reports: one `<testcase>` per pack, failed when the pack has
 * errors. Each error is listed in the `<failure>` text; warnings and info go to
 * `<system-out>`.
 *
 * @example
 * ```xml
 * <testsuites name="anjian validate" tests="1" failures="0">
 *   <testsuite name="anjian validate" tests="1" failures="0" errors="0" skipped="0">
 *     <testcase classname="anjian.validate" name="examples/packs/demo-kitchen"/>
 *   </testsuite>
 * </testsuites>
 * ```
 */
export const formatJunit: Formatter = (report, options) => {
  const line = (issue: ReportIssue) => {
    const where = issue.line !== undefined ? `${issue.file ?? issue.pack}:${issue.line}:${issue.column ?? 1}` : (issue.file ?? issue.pack);
    return `${where}  ${issue.severity}  ${issue.code}  ${localize(issue.message, options.lang)}`;
  };
  const failures = report.packs.filter((p) => !p.ok).length;
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const counts = `tests="${report.packs.length}" failures="${failures}"`;
  out.push(`<testsuites name="anjian validate" ${counts}>`);
  out.push(`  <testsuite name="anjian validate" ${counts} errors="0" skipped="0">`);
  for (const pack of report.packs) {
    const name = pack.id !== null ? `${pack.path} (${pack.id}@${pack.version ?? ''})` : pack.path;
    const issues = visibleIssues(pack.issues, options.quiet);
    const errors = issues.filter((i) => i.severity === 'error');
    const others = issues.filter((i) => i.severity !== 'error');
    const open = `    <testcase classname="anjian.validate" name="${xmlEscape(name)}" file="${xmlEscape(pack.path)}"`;
    if (errors.length === 0 && others.length === 0) {
      out.push(`${open}/>`);
      continue;
    }
    out.push(`${open}>`);
    if (errors.length > 0) {
      const first = errors[0]!;
      out.push(
        `      <failure type="${xmlEscape(first.code)}" message="${xmlEscape(`${errors.length} error(s): ${localize(first.message, options.lang)}`)}">${xmlEscape(errors.map(line).join('\n'))}</failure>`,
      );
    }
    if (others.length > 0) out.push(`      <system-out>${xmlEscape(others.map(line).join('\n'))}</system-out>`);
    out.push('    </testcase>');
  }
  out.push('  </testsuite>');
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};
