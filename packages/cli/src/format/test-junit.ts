import type { Lang } from '@anjian/core';
import { localize } from '../lang.js';
import { tooManyWarnings, type PackTestReport, type TestReport } from '../test-packs.js';
import type { TestFormatter } from './test-format-options.js';
import { lacks, TEST_TEXT as T } from './test-messages.js';
import { xmlEscape } from './xml-escape.js';

/**
 * JUnit XML of `anjian test`: one `<testsuite>` per pack, one `<testcase>` per scenario
 * (`classname` = pack id, `name` = scenario name, `file`, `line`); a failed scenario has a
 * `<failure>` listing each failed expectation with `file:line:col`; a todo scenario is
 * `<skipped>`; a scenario's answers that did not count are listed, located, in its
 * `<system-out>` (JUnit has no warnings). A pack that did not load or has unreadable scenario
 * files gets a failed `load` testcase, and one below `--coverage-threshold` a failed
 * `coverage` testcase (below `--condition-threshold`, a failed `conditions` testcase); with
 * `--max-warnings`, a suite `warnings` whose `max-warnings` testcase fails when there are more.
 * Messages are in the language asked (`TEST_TEXT`).
 *
 * @example
 * ```xml
 * <testsuite name="demo-kitchen" tests="4" failures="0" errors="0" skipped="0">
 *   <testcase classname="demo-kitchen" name="a compliant kitchen" file="examples/packs/demo-kitchen/tests/basic.yaml" line="3"/>
 * </testsuite>
 * ```
 */
export const formatTestJunit: TestFormatter = (report, options) => {
  const suites = report.packs.map((pack) => suite(pack, report.threshold, options.lang, report.conditionThreshold));
  if (report.maxWarnings !== undefined) suites.push(warningsSuite(report, options.lang));
  const tests = suites.reduce((n, s) => n + s.tests, 0);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  const skipped = suites.reduce((n, s) => n + s.skipped, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="anjian test" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
};

function suite(pack: PackTestReport, threshold: number | undefined, lang: Lang, conditionThreshold?: number) {
  const say = (text: { 'zh-CN': string; en: string }) => localize(text, lang);
  const classname = xmlEscape(pack.id ?? pack.path);
  const cases: string[] = [];
  let failures = 0;
  let skipped = 0;
  if (pack.issues.length > 0) {
    failures++;
    const text = pack.issues.map((i) => `${i.file ?? pack.path}:${i.line ?? 1}:${i.column ?? 1}  ${i.code}  ${localize(i.message, lang)}`).join('\n');
    cases.push(
      `    <testcase classname="${classname}" name="load" file="${xmlEscape(pack.path)}">\n` +
        `      <failure type="${xmlEscape(pack.issues[0]!.code)}" message="${xmlEscape(say(T.problems(pack.issues.length, localize(pack.issues[0]!.message, lang))))}">${xmlEscape(text)}</failure>\n` +
        '    </testcase>',
    );
  }
  for (const result of pack.run?.results ?? []) {
    const open = `    <testcase classname="${classname}" name="${xmlEscape(result.name)}" file="${xmlEscape(result.file)}"${result.line !== undefined ? ` line="${result.line}"` : ''}`;
    const warnings = (result.warnings ?? []).map(
      (w) => `${result.file}:${w.line ?? result.line ?? 1}:${w.column ?? 1}  ${w.code}  ${say(T.withHint(localize(w.message, lang), localize(w.hint, lang)))}`,
    );
    const out = warnings.length > 0 ? `\n      <system-out>${xmlEscape(warnings.join('\n'))}</system-out>` : '';
    if (result.status === 'passed') {
      cases.push(out === '' ? `${open}/>` : `${open}>${out}\n    </testcase>`);
    } else if (result.status === 'failed') {
      failures++;
      const text = result.failures.map((f) => `${result.file}:${f.line ?? result.line ?? 1}:${f.column ?? 1}  ${localize(f.message, lang)}`).join('\n');
      cases.push(`${open}>\n      <failure type="SCENARIO_FAILED" message="${xmlEscape(localize(result.failures[0]!.message, lang))}">${xmlEscape(text)}</failure>${out}\n    </testcase>`);
    } else {
      skipped++;
      const state = result.status === 'todo_passed' ? T.todoPassing : T.todo;
      cases.push(`${open}>\n      <skipped message="${xmlEscape(`${say(state)}${say(T.colon)}${result.todo ?? ''}`)}"/>${out}\n    </testcase>`);
    }
  }
  if (pack.run && threshold !== undefined) {
    const { percent, covered, rules } = pack.run.summary;
    const open = `    <testcase classname="${classname}" name="coverage" file="${xmlEscape(pack.path)}"`;
    if (pack.belowThreshold) {
      failures++;
      const missing = pack.run.coverage.filter((c) => !c.covered).map((c) => `${c.rule}${say(T.colon)}${lacks(c, lang)}`);
      cases.push(`${open}>\n      <failure type="COVERAGE" message="${xmlEscape(say(T.coverageOf(percent, covered, rules, threshold)))}">${xmlEscape(missing.join('\n'))}</failure>\n    </testcase>`);
    } else cases.push(`${open}/>`);
  }
  if (pack.run && conditionThreshold !== undefined) {
    const { conditionPercent, leavesCovered, leaves } = pack.run.summary;
    const open = `    <testcase classname="${classname}" name="conditions" file="${xmlEscape(pack.path)}"`;
    if (pack.belowConditionThreshold) {
      failures++;
      const missing = pack.run.coverage.flatMap((c) =>
        (c.conditions ?? [])
          .filter((l) => !l.covered && l.implied !== true)
          .map((l) => `${c.rule} ${l.words}${say(T.colon)}${say(l.true === 0 && l.false === 0 ? T.neverEvaluated : l.true === 0 ? T.neverTrue : T.neverFalse)}`),
      );
      cases.push(
        `${open}>\n      <failure type="CONDITION_COVERAGE" message="${xmlEscape(say(T.conditionsOf(conditionPercent, leavesCovered, leaves, conditionThreshold)))}">${xmlEscape(missing.join('\n'))}</failure>\n    </testcase>`,
      );
    } else cases.push(`${open}/>`);
  }
  const tests = cases.length;
  const xml = [`  <testsuite name="${classname}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`, ...cases, '  </testsuite>'].join('\n');
  return { xml, tests, failures, skipped };
}

/** With `--max-warnings`: one testcase for the warnings of the run, failed when there are more. */
function warningsSuite(report: TestReport, lang: Lang) {
  const open = '    <testcase classname="anjian" name="max-warnings"';
  const failed = tooManyWarnings(report);
  const text = localize(T.tooManyWarnings(report.summary.warnings, report.maxWarnings!), lang);
  const testcase = failed ? `${open}>\n      <failure type="MAX_WARNINGS" message="${xmlEscape(text)}"/>\n    </testcase>` : `${open}/>`;
  const xml = [`  <testsuite name="warnings" tests="1" failures="${failed ? 1 : 0}" errors="0" skipped="0">`, testcase, '  </testsuite>'].join('\n');
  return { xml, tests: 1, failures: failed ? 1 : 0, skipped: 0 };
}
