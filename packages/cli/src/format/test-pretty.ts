import type { Issue, Lang, ScenarioResult } from '@anjian/core';
import type { RuleCoverage } from '@anjian/core/internal';
import { localize } from '../lang.js';
import { tooManyWarnings, type PackTestReport } from '../test-packs.js';
import { issueBlock, painter, type Paint } from './issue-block.js';
import { stripControl } from './strip-control.js';
import type { TestFormatOptions, TestFormatter } from './test-format-options.js';
import { lacks, TEST_TEXT as T } from './test-messages.js';

/**
 * The human format of `anjian test`: per pack, the failed scenarios (`file:line:col` and
 * the message of each failed expectation), the todo scenarios, the warnings (answers of a
 * scenario that did not count, located, with what to do), the rule coverage with the
 * uncovered rules and what they lack (only counts, marked partial, while a scenario file
 * did not load); then a summary (saying so when the warnings exceed `--max-warnings`) whose last line counts the scenarios — in English the plain
 * `N passed, N failed` that CI log readers look for. Every word comes from one table
 * (`TEST_TEXT`), in the language asked.
 *
 * @example
 * ```text
 * examples/packs/demo-kitchen  demo-kitchen@0.1.0  4 scenarios
 *   coverage: 6/6 rules (100%)
 *   conditions: 9/9 seen true and false where their item applied (100%)
 *
 * 4 passed, 0 failed
 * ```
 */
export const formatTestPretty: TestFormatter = (report, options) => {
  const { lang } = options;
  const paint = painter(options.colors);
  const blocks = report.packs.map((pack) => packBlock(pack, report.threshold, { ...options, conditionThreshold: report.conditionThreshold }, paint));
  const { passed, failed, todo, packsFailed, notLoaded, warnings } = report.summary;
  const over = tooManyWarnings(report);
  const mark = packsFailed === 0 && !over ? paint('32', '✔') : paint('31', '✖');
  const tested =
    localize(T.tested(report.packs.length, packsFailed, todo, warnings), lang) + (over ? `${lang === 'en' ? ' ' : ''}${localize(T.tooManyWarnings(warnings, report.maxWarnings!), lang)}` : '');
  // a file that did not load is a failure too: the closing line says so (issue 22)
  return `${blocks.join('\n\n')}\n\n${mark} ${tested}\n${localize(T.closing(passed, failed, notLoaded), lang)}\n`;
};

function packBlock(pack: PackTestReport, threshold: number | undefined, options: TestFormatOptions & { conditionThreshold?: number | undefined }, paint: Paint): string {
  const { lang } = options;
  const say = (text: { 'zh-CN': string; en: string }) => localize(text, lang);
  const out: string[] = [];
  const name = pack.id !== null ? `${pack.id}@${pack.version ?? ''}` : say(T.didNotLoad);
  const count = pack.run ? say(T.scenarios(pack.run.summary.scenarios)) : '';
  out.push(`${paint('1', stripControl(pack.path))}  ${stripControl(name)}  ${count}`.trimEnd());
  for (const issue of pack.issues) out.push(indent(issueBlock(issue, lang, paint, options.lines)));
  if (pack.run === null) return out.join('\n');
  if (pack.files.length === 0) out.push(`  ${say(T.noScenarioFiles)}`);
  for (const result of pack.run.results) {
    if (result.status === 'failed') out.push(indent(scenarioLines(result, lang, paint('31', '✖'))));
  }
  for (const result of pack.run.results) {
    if (result.status === 'todo' || result.status === 'todo_passed') out.push(indent(todoLines(result, lang, paint('33', '○'))));
  }
  for (const result of pack.run.results) {
    for (const warning of result.warnings ?? []) out.push(indent(issueBlock(warningIssue(result, warning), lang, paint, options.lines)));
  }
  const { covered, rules, percent } = pack.run.summary;
  // scenario files that did not load: what they leave uncovered is not worth listing before they load
  const notLoaded = new Set(pack.issues.filter((i) => i.severity === 'error').map((i) => i.file)).size;
  out.push(`  ${say(T.coverage(covered, rules, percent))}${notLoaded === 0 ? '' : say(T.partialFiles(notLoaded))}`);
  if (notLoaded === 0) for (const entry of pack.run.coverage.filter((c) => !c.covered)) out.push(`    ${uncovered(entry, lang)}`);
  if (pack.belowThreshold && threshold !== undefined) out.push(paint('31', `  ${say(T.belowCoverage(percent, threshold))}`));
  out.push(...conditionLines(pack, options.conditionThreshold, lang, paint, notLoaded > 0));
  return out.join('\n');
}

/** A scenario's warning as a located issue of its file, the scenario named first. */
export function warningIssue(result: ScenarioResult, warning: NonNullable<ScenarioResult['warnings']>[number]): Issue {
  const issue: Issue = { code: warning.code, severity: 'warning', message: T.about(result.name, warning.message), file: result.file, pointer: warning.pointer, hint: warning.hint };
  if (warning.line !== undefined) issue.line = warning.line;
  if (warning.column !== undefined) issue.column = warning.column;
  return issue;
}

/** Condition coverage: the count, then each rule's leaves not seen both ways (issue 22, item 7). */
function conditionLines(pack: PackTestReport, threshold: number | undefined, lang: Lang, paint: Paint, partial: boolean): string[] {
  const say = (text: { 'zh-CN': string; en: string }) => localize(text, lang);
  const { leaves, leavesCovered, conditionPercent } = pack.run!.summary;
  const out = [`  ${say(T.conditions(leavesCovered, leaves, conditionPercent))}${partial ? say(T.partial) : ''}`];
  for (const entry of partial ? [] : pack.run!.coverage) {
    for (const leaf of (entry.conditions ?? []).filter((l) => !l.covered && l.implied !== true)) {
      const never = leaf.true === 0 && leaf.false === 0 ? T.neverEvaluated : leaf.true === 0 ? T.neverTrue : T.neverFalse;
      out.push(`    ${stripControl(entry.rule)} ${stripControl(leaf.words)}${say(T.colon)}${say(never)}`);
    }
  }
  if (pack.belowConditionThreshold && threshold !== undefined) out.push(paint('31', `  ${say(T.belowConditions(conditionPercent, threshold))}`));
  return out;
}

function where(result: ScenarioResult, line?: number, column?: number): string {
  const at = line ?? result.line;
  return at !== undefined ? `${result.file}:${at}:${column ?? 1}` : result.file;
}

function scenarioLines(result: ScenarioResult, lang: Lang, mark: string): string {
  const out = [`${mark} ${stripControl(where(result))}  ${stripControl(localize(T.scenario(result.name), lang))}`];
  for (const failure of result.failures) {
    out.push(`    ${stripControl(where(result, failure.line, failure.column))}  ${stripControl(localize(failure.message, lang))}`);
  }
  return out.join('\n');
}

function todoLines(result: ScenarioResult, lang: Lang, mark: string): string {
  const state = result.status === 'todo_passed' ? T.todoPassesNow : T.todoStillFails(result.failures.length);
  const reason = result.todo ? ` — ${result.todo}` : '';
  return `${mark} ${stripControl(where(result))}  ${stripControl(result.name)}${localize(T.todoState(state), lang)}${stripControl(reason)}`;
}

function uncovered(entry: RuleCoverage, lang: Lang): string {
  const of = entry.item ? T.ofItem(entry.item) : entry.kind === 'composite' ? T.composite : { 'zh-CN': '', en: '' };
  return `${stripControl(entry.rule)}${stripControl(localize(of, lang))}${localize(T.colon, lang)}${lacks(entry, lang)}`;
}

function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}
