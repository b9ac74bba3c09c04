import type { Lang, ScenarioResult } from '@anjian/core';
import type { RuleCoverage } from '@anjian/core/internal';
import { localize } from '../lang.js';
import type { PackTestReport } from '../test-packs.js';
import { issueBlock, painter, type Paint } from './issue-block.js';
import { stripControl } from './strip-control.js';
import type { TestFormatOptions, TestFormatter } from './test-format-options.js';

/**
 * The human format of `anjian test`: per pack, the failed scenarios (`file:line:col` and
 * the message of each failed expectation), the todo scenarios, the rule coverage with the
 * uncovered rules and what they lack (only counts, marked partial, while a scenario file
 * did not load); then a summary whose last line is the plain
 * `N passed, N failed` that CI log readers look for.
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
  const en = lang === 'en';
  const blocks = report.packs.map((pack) => packBlock(pack, report.threshold, { ...options, conditionThreshold: report.conditionThreshold }, paint));
  const { passed, failed, todo } = report.summary;
  const total = report.packs.length;
  const ok = report.summary.packsFailed === 0;
  const mark = ok ? paint('32', '✔') : paint('31', '✖');
  const detail = en
    ? `${mark} ${total} ${total === 1 ? 'pack' : 'packs'} tested, ${report.summary.packsFailed} failed; ${todo} todo.`
    : `${mark} 测试了 ${total} 个检查表，${report.summary.packsFailed} 个未通过；待办场景 ${todo} 个。`;
  // a file that did not load is a failure too: the closing line says so (issue 22)
  const notLoaded = report.summary.notLoaded;
  const files = notLoaded > 0 ? `, ${notLoaded} ${notLoaded === 1 ? 'file' : 'files'} not loaded` : '';
  return `${blocks.join('\n\n')}\n\n${detail}\n${passed} passed, ${failed} failed${files}\n`;
};

function packBlock(pack: PackTestReport, threshold: number | undefined, options: TestFormatOptions & { conditionThreshold?: number | undefined }, paint: Paint): string {
  const { lang } = options;
  const en = lang === 'en';
  const out: string[] = [];
  const name = pack.id !== null ? `${pack.id}@${pack.version ?? ''}` : en ? '(did not load)' : '（未能加载）';
  const count = pack.run ? (en ? `${pack.run.summary.scenarios} scenarios` : `${pack.run.summary.scenarios} 个场景`) : '';
  out.push(`${paint('1', stripControl(pack.path))}  ${stripControl(name)}  ${count}`.trimEnd());
  for (const issue of pack.issues) out.push(indent(issueBlock(issue, lang, paint, options.lines)));
  if (pack.run === null) return out.join('\n');
  if (pack.files.length === 0) {
    out.push(en ? '  no scenario files (tests/*.yaml beside pack.yaml)' : '  没有场景文件（pack.yaml 旁的 tests/*.yaml）');
  }
  for (const result of pack.run.results) {
    if (result.status === 'failed') out.push(indent(scenarioLines(result, lang, paint('31', '✖'))));
  }
  for (const result of pack.run.results) {
    if (result.status === 'todo' || result.status === 'todo_passed') out.push(indent(todoLines(result, lang, paint('33', '○'))));
  }
  const { covered, rules, percent } = pack.run.summary;
  // scenario files that did not load: what they leave uncovered is not worth listing before they load
  const notLoaded = new Set(pack.issues.filter((i) => i.severity === 'error').map((i) => i.file)).size;
  const partial = notLoaded === 0 ? '' : en ? `, partial: ${notLoaded} scenario ${notLoaded === 1 ? 'file' : 'files'} did not load` : `，不完整：${notLoaded} 个场景文件未能加载`;
  out.push(en ? `  coverage: ${covered}/${rules} rules (${percent}%)${partial}` : `  覆盖率：${covered}/${rules} 条规则（${percent}%）${partial}`);
  if (notLoaded === 0) for (const entry of pack.run.coverage.filter((c) => !c.covered)) out.push(`    ${uncovered(entry, lang)}`);
  if (pack.belowThreshold && threshold !== undefined) {
    out.push(paint('31', en ? `  coverage ${percent}% is below --coverage-threshold ${threshold}` : `  覆盖率 ${percent}% 低于 --coverage-threshold ${threshold}`));
  }
  out.push(...conditionLines(pack, options.conditionThreshold, lang, paint, notLoaded > 0));
  return out.join('\n');
}

/** Condition coverage: the count, then each rule's leaves not seen both ways (issue 22, item 7). */
function conditionLines(pack: PackTestReport, threshold: number | undefined, lang: Lang, paint: Paint, partial: boolean): string[] {
  const en = lang === 'en';
  const { leaves, leavesCovered, conditionPercent } = pack.run!.summary;
  const out = [
    en
      ? `  conditions: ${leavesCovered}/${leaves} seen true and false where their item applied (${conditionPercent}%)${partial ? ', partial' : ''}`
      : `  条件覆盖：${leavesCovered}/${leaves} 个条件在检查项适用时既成立过、也不成立过（${conditionPercent}%）${partial ? '，不完整' : ''}`,
  ];
  for (const entry of partial ? [] : pack.run!.coverage) {
    for (const leaf of (entry.conditions ?? []).filter((l) => !l.covered && l.implied !== true)) {
      const never = leaf.true === 0 && leaf.false === 0 ? (en ? 'never evaluated' : '从未求值') : leaf.true === 0 ? (en ? 'never true' : '从未成立') : en ? 'never false' : '从未不成立';
      out.push(`    ${stripControl(entry.rule)} ${stripControl(leaf.words)}: ${never}`);
    }
  }
  if (pack.belowConditionThreshold && threshold !== undefined) {
    out.push(paint('31', en ? `  condition coverage ${conditionPercent}% is below --condition-threshold ${threshold}` : `  条件覆盖率 ${conditionPercent}% 低于 --condition-threshold ${threshold}`));
  }
  return out;
}

function where(result: ScenarioResult, line?: number, column?: number): string {
  const at = line ?? result.line;
  return at !== undefined ? `${result.file}:${at}:${column ?? 1}` : result.file;
}

function scenarioLines(result: ScenarioResult, lang: Lang, mark: string): string {
  const title = lang === 'en' ? `scenario "${result.name}"` : `场景“${result.name}”`;
  const out = [`${mark} ${stripControl(where(result))}  ${stripControl(title)}`];
  for (const failure of result.failures) {
    out.push(`    ${stripControl(where(result, failure.line, failure.column))}  ${stripControl(localize(failure.message, lang))}`);
  }
  return out.join('\n');
}

function todoLines(result: ScenarioResult, lang: Lang, mark: string): string {
  const en = lang === 'en';
  const state =
    result.status === 'todo_passed'
      ? en
        ? 'todo, passes now: remove the todo marker'
        : '待办，现已通过：可删除 todo 标记'
      : en
        ? `todo, ${result.failures.length} expectation(s) still fail`
        : `待办，仍有 ${result.failures.length} 项预期未满足`;
  const reason = result.todo ? ` — ${result.todo}` : '';
  return `${mark} ${stripControl(where(result))}  ${stripControl(result.name)}  (${state})${stripControl(reason)}`;
}

function uncovered(entry: RuleCoverage, lang: Lang): string {
  const en = lang === 'en';
  const lacks: string[] = [];
  if (entry.fired === 0) lacks.push(en ? 'never fires' : '从未触发（never fires）');
  if (entry.heldBack === 0) lacks.push(en ? 'never held back' : '从未在适用时不触发（never held back）');
  const of = entry.item ? (en ? ` (item ${entry.item})` : `（检查项 ${entry.item}）`) : entry.kind === 'composite' ? (en ? ' (composite)' : '（综合判定）') : '';
  return `${stripControl(entry.rule)}${stripControl(of)}: ${lacks.join(en ? ', ' : '；')}`;
}

function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}
