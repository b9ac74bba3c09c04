import type { Lang } from '@anjian/core';
import { localize } from '../lang.js';
import { tooManyWarnings, type PackTestReport } from '../test-packs.js';
import { escapeData, escapeProperty } from './github.js';
import type { TestFormatter } from './test-format-options.js';
import { lacks, TEST_TEXT as T } from './test-messages.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * GitHub Actions workflow commands of `anjian test`, so a failed scenario shows as an
 * annotation on the line of the pull request where its expectation is written: one
 * `::error` per failed expectation (`title=SCENARIO_FAILED`, the scenario's name in the
 * message), one per problem of a pack or scenario file that did not load (its code), one
 * per pack below `--coverage-threshold` / `--condition-threshold` (on its `pack.yaml`, with
 * what is not covered); an answer of a scenario that did not count is a `::warning` on its
 * line (its code, what to do in brackets); a todo scenario is a `::notice`; more warnings than
 * `--max-warnings` is one `::error` of the run (`title=MAX_WARNINGS`, no file). The last line is
 * the closing line of the pretty format (in English the plain `N passed, N failed`).
 *
 * @example
 * ```text
 * ::error file=packs/gas/tests/basic.yaml,line=20,col=11,title=SCENARIO_FAILED::scenario "too many": rule GAS-002-H1 should fire (general) but did not: Cylinders on site: 2, not above 2 (the rule needs cylinders_on_site > 2)
 * 3 passed, 1 failed
 * ```
 */
export const formatTestGithub: TestFormatter = (report, options) => {
  const { lang } = options;
  const lines = report.packs.flatMap((pack) => packLines(pack, report.threshold, report.conditionThreshold, lang));
  const { passed, failed, notLoaded, warnings } = report.summary;
  // no file to put it on: an annotation of the run
  if (tooManyWarnings(report)) lines.push(`::error title=MAX_WARNINGS::${escapeData(localize(T.tooManyWarnings(warnings, report.maxWarnings!), lang))}`);
  return [...lines, localize(T.closing(passed, failed, notLoaded), lang), ''].join('\n');
};

function command(kind: keyof typeof COMMAND, at: { file: string; line?: number | undefined; column?: number | undefined }, title: string, message: string): string {
  const props = [`file=${escapeProperty(at.file)}`];
  if (at.line !== undefined) props.push(`line=${at.line}`);
  if (at.column !== undefined) props.push(`col=${at.column}`);
  props.push(`title=${escapeProperty(title)}`);
  return `::${COMMAND[kind]} ${props.join(',')}::${escapeData(message)}`;
}

function packLines(pack: PackTestReport, threshold: number | undefined, conditionThreshold: number | undefined, lang: Lang): string[] {
  const say = (text: { 'zh-CN': string; en: string }) => localize(text, lang);
  const out: string[] = [];
  for (const issue of pack.issues) {
    out.push(
      command(issue.severity, { file: issue.file ?? pack.path, line: issue.line, column: issue.column }, issue.code, say(T.withHint(localize(issue.message, lang), localize(issue.hint, lang)))),
    );
  }
  for (const result of pack.run?.results ?? []) {
    const about = (text: { 'zh-CN': string; en: string }) => say(T.about(result.name, text));
    if (result.status === 'failed') {
      for (const f of result.failures) out.push(command('error', { file: result.file, line: f.line ?? result.line, column: f.column }, 'SCENARIO_FAILED', about(f.message)));
    } else if (result.status === 'todo' || result.status === 'todo_passed') {
      const state = result.status === 'todo_passed' ? T.todoPassesNow : T.todo;
      out.push(command('info', { file: result.file, line: result.line }, 'SCENARIO_TODO', `${about(state)}${result.todo ? ` — ${result.todo}` : ''}`));
    }
    for (const w of result.warnings ?? []) {
      out.push(command('warning', { file: result.file, line: w.line ?? result.line, column: w.column }, w.code, say(T.withHint(about(w.message), localize(w.hint, lang)))));
    }
  }
  const entry = /\.ya?ml$/i.test(pack.path) ? pack.path : `${pack.path}/pack.yaml`;
  if (pack.run && pack.belowThreshold && threshold !== undefined) {
    const missing = pack.run.coverage.filter((c) => !c.covered).map((c) => `${c.rule}${say(T.withHint('', lacks(c, lang)))}`);
    const { percent } = pack.run.summary;
    out.push(command('error', { file: entry }, 'COVERAGE', `${say(T.belowCoverage(percent, threshold))}${say(T.colon)}${missing.join(say(T.semicolon))}`));
  }
  if (pack.run && pack.belowConditionThreshold && conditionThreshold !== undefined) {
    const missing = pack.run.coverage.flatMap((c) => (c.conditions ?? []).filter((l) => !l.covered && l.implied !== true).map((l) => `${c.rule} ${l.words}`));
    const { conditionPercent } = pack.run.summary;
    out.push(command('error', { file: entry }, 'CONDITION_COVERAGE', `${say(T.belowConditions(conditionPercent, conditionThreshold))}${say(T.colon)}${missing.join(say(T.semicolon))}`));
  }
  return out;
}
