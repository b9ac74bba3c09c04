import { localize } from '../lang.js';
import type { PackTestReport } from '../test-packs.js';
import { escapeData, escapeProperty } from './github.js';
import type { TestFormatter } from './test-format-options.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * GitHub Actions workflow commands of `anjian test`, so a failed scenario shows as an
 * annotation on the line of the pull request where its expectation is written: one
 * `::error` per failed expectation (`title=SCENARIO_FAILED`, the scenario's name in the
 * message), one per problem of a pack or scenario file that did not load (its code), one
 * per pack below `--coverage-threshold` / `--condition-threshold` (on its `pack.yaml`, with
 * what is not covered); a todo scenario is a `::notice`. The last line is the plain
 * `N passed, N failed` of the other formats.
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
  const { passed, failed } = report.summary;
  const notLoaded = report.summary.notLoaded;
  const files = notLoaded > 0 ? `, ${notLoaded} ${notLoaded === 1 ? 'file' : 'files'} not loaded` : '';
  return [...lines, `${passed} passed, ${failed} failed${files}`, ''].join('\n');
};

function command(kind: keyof typeof COMMAND, at: { file: string; line?: number | undefined; column?: number | undefined }, title: string, message: string): string {
  const props = [`file=${escapeProperty(at.file)}`];
  if (at.line !== undefined) props.push(`line=${at.line}`);
  if (at.column !== undefined) props.push(`col=${at.column}`);
  props.push(`title=${escapeProperty(title)}`);
  return `::${COMMAND[kind]} ${props.join(',')}::${escapeData(message)}`;
}

function packLines(pack: PackTestReport, threshold: number | undefined, conditionThreshold: number | undefined, lang: 'zh-CN' | 'en'): string[] {
  const en = lang === 'en';
  const out: string[] = [];
  for (const issue of pack.issues) {
    const hint = localize(issue.hint, lang);
    out.push(command(issue.severity, { file: issue.file ?? pack.path, line: issue.line, column: issue.column }, issue.code, localize(issue.message, lang) + (hint ? ` (${hint})` : '')));
  }
  for (const result of pack.run?.results ?? []) {
    const name = en ? `scenario "${result.name}"` : `场景“${result.name}”`;
    if (result.status === 'failed') {
      for (const f of result.failures) {
        out.push(command('error', { file: result.file, line: f.line ?? result.line, column: f.column }, 'SCENARIO_FAILED', `${name}${en ? ': ' : '：'}${localize(f.message, lang)}`));
      }
    } else if (result.status === 'todo' || result.status === 'todo_passed') {
      const state = result.status === 'todo_passed' ? (en ? 'todo, passes now: remove the todo marker' : '待办，现已通过：可删除 todo 标记') : en ? 'todo' : '待办';
      out.push(command('info', { file: result.file, line: result.line }, 'SCENARIO_TODO', `${name}${en ? ': ' : '：'}${state}${result.todo ? ` — ${result.todo}` : ''}`));
    }
  }
  const entry = /\.ya?ml$/i.test(pack.path) ? pack.path : `${pack.path}/pack.yaml`;
  if (pack.run && pack.belowThreshold && threshold !== undefined) {
    const missing = pack.run.coverage
      .filter((c) => !c.covered)
      .map(
        (c) =>
          `${c.rule} (${[c.fired === 0 ? (en ? 'never fires' : '从未触发') : '', c.heldBack === 0 ? (en ? 'never held back' : '从未在适用时不触发') : ''].filter(Boolean).join(en ? ', ' : '，')})`,
      );
    const { percent } = pack.run.summary;
    out.push(
      command(
        'error',
        { file: entry },
        'COVERAGE',
        en ? `coverage ${percent}% is below --coverage-threshold ${threshold}: ${missing.join('; ')}` : `覆盖率 ${percent}% 低于 --coverage-threshold ${threshold}：${missing.join('；')}`,
      ),
    );
  }
  if (pack.run && pack.belowConditionThreshold && conditionThreshold !== undefined) {
    const missing = pack.run.coverage.flatMap((c) => (c.conditions ?? []).filter((l) => !l.covered && l.implied !== true).map((l) => `${c.rule} ${l.words}`));
    const { conditionPercent } = pack.run.summary;
    out.push(
      command(
        'error',
        { file: entry },
        'CONDITION_COVERAGE',
        en
          ? `condition coverage ${conditionPercent}% is below --condition-threshold ${conditionThreshold}: ${missing.join('; ')}`
          : `条件覆盖率 ${conditionPercent}% 低于 --condition-threshold ${conditionThreshold}：${missing.join('；')}`,
      ),
    );
  }
  return out;
}
