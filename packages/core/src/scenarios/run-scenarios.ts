import { checkFindings } from '../classify/check-findings.js';
import type { Classification, FindingValue, Inspection } from '../classify/types.js';
import { didYouMean } from '../pack/did-you-mean.js';
import type { Issue, LocalizedText, Pack } from '../pack/types.js';
import { createConditionCoverage } from './condition-coverage.js';
import { createMissExplainer, type Asked, type MissExplainer } from './explain-miss.js';
import { createAnswerCheck } from './ignored-answers.js';
import type { RuleCoverage, Scenario, ScenarioFailure, ScenarioFile, ScenarioResult, ScenarioRun, ScenarioWarning } from './types.js';

/** A parsed scenario file, with an optional pointer → position mapper for messages. */
export interface ScenarioSource {
  file: string;
  content: ScenarioFile;
  locate?: (pointer: string) => { line: number; column: number } | undefined;
}

/** Anything that classifies an inspection against the pack (a compiled pack's `evaluate`). */
export type Evaluate = (inspection: Inspection) => Classification;

/**
 * The inspection a scenario stands for: the file's `base` answers overridden by the
 * scenario's own (`null` removes a base answer). Readers of scenario files (tests, forms)
 * use it so that `base:` files mean the same everywhere.
 *
 * @example
 * ```ts
 * file.scenarios.map((s) => scenarioInspection(pack.id, file, s));
 * ```
 */
export function scenarioInspection(packId: string, file: Pick<ScenarioFile, 'base'>, scenario: Pick<Scenario, 'premises' | 'inspectedAt' | 'findings'>): Inspection {
  const shared = file.base ?? {};
  const findings: Record<string, FindingValue> = { ...(shared.findings ?? {}) };
  for (const [fact, value] of Object.entries(scenario.findings ?? {})) {
    if (value === null && Object.hasOwn(shared.findings ?? {}, fact)) delete findings[fact];
    else findings[fact] = value;
  }
  const premises = scenario.premises ?? shared.premises;
  const inspectedAt = scenario.inspectedAt ?? shared.inspectedAt;
  return { pack: packId, findings, ...(premises !== undefined ? { premises } : {}), ...(inspectedAt !== undefined ? { inspectedAt } : {}) };
}

/**
 * Run every scenario of a pack and measure rule coverage.
 *
 * A rule is covered when some scenario fires it and some scenario in which its item
 * applies (the item was checked) does not; a composite, when some scenario fires it and
 * some scenario within its premises scope does not. `todo` scenarios are reported but
 * count neither for failures nor for coverage.
 *
 * Scenarios are checked like inspections before they run (`checkFindings`, fail closed): an
 * undeclared or missing `premises`, unknown facts, answers of the wrong type or outside the
 * options or range are failures located in the scenario file — only missing required
 * answers are allowed (a scenario may test `not_checked`). Rule ids under `expect.hazards`
 * and `expect.absent` and item ids under `expect.items` must exist (with "did you mean").
 * A file's `base` gives answers every scenario starts from; a scenario's own answers
 * override them (`null` removes one); problems in a base answer point at the base and are
 * reported once per file, on the first scenario that uses it and is not `todo`.
 *
 * An answer the scenario writes that does not count is a warning (`warnings`), never a
 * failure: one that only items not applicable to the scenario ask or read (`ANSWER_IGNORED`),
 * or to a question whose own `when` does not hold (`NOT_APPLICABLE_ANSWER`: an error of the
 * findings check, so an inspection with it is refused when reported; a scenario is still
 * classified with it, as the author wrote it, and warned at the answer) — unless the
 * scenario expects such an item `not_applicable` or one of its rules `absent`. Answers from
 * `base:` are not warned about. The findings check's own warnings are the scenario's warnings
 * too, located, with what to do: `INSPECTED_AT_MISSING` at the scenario, `DUPLICATE_OPTION` at
 * the repeated value (in `base:`, once per file).
 *
 * A failure says why when it can (in `message`, and alone in `because`): an expected hazard
 * that did not fire names the conditions that were false (recorded value, threshold) or why
 * its item did not apply; an unexpected one carries the classifier's explanation.
 *
 * @example
 * ```ts
 * const run = runScenarios(pack, compilePack(pack).evaluate, [{ file: 'tests/basic.yaml', content }]);
 * if (run.summary.failed > 0 || run.summary.percent < 100) process.exitCode = 1;
 * ```
 */
export function runScenarios(pack: Pack, evaluate: Evaluate, sources: readonly ScenarioSource[]): ScenarioRun {
  const results: ScenarioResult[] = [];
  const fired = new Map<string, number>();
  const heldBack = new Map<string, number>();
  const itemOfRule = new Map<string, string>();
  for (const section of pack.sections) {
    for (const item of section.items) for (const rule of item.hazards) itemOfRule.set(rule.id, item.id);
  }
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const ruleIds = [...itemOfRule.keys(), ...pack.composites.map((c) => c.id)];
  const knownRules = new Set(ruleIds);
  const leaves = createConditionCoverage(pack);
  const why = createMissExplainer(pack);
  const answersNotCounting = createAnswerCheck(pack);

  for (const source of sources) {
    const fileResults: ScenarioResult[] = [];
    /** Failures of the file's own parts (its `base:`, its `pack:`), by what they say: reported once. */
    const shared = new Map<string, { result: ScenarioResult; failure: ScenarioFailure; tail: Bilingual }[]>();
    /** Warnings about the file's `base:` answers already shown (on the first scenario that uses them). */
    const warnedInFile = new Set<string>();
    source.content.scenarios.forEach((scenario, index) => {
      const base = `/scenarios/${index}`;
      const at = (pointer: string) => source.locate?.(pointer);
      const failures: ScenarioFailure[] = [];
      const sharedHere: { key: string; failure: ScenarioFailure; tail: Bilingual }[] = [];
      const fail: Fail = (pointer, zh, en, because, tail) => {
        const failure: ScenarioFailure = { pointer, ...at(pointer), message: { 'zh-CN': zh + (tail?.['zh-CN'] ?? ''), en: en + (tail?.en ?? '') }, ...(because ? { because } : {}) };
        failures.push(failure);
        if (!pointer.startsWith('/scenarios/')) sharedHere.push({ key: `${pointer}|${zh}`, failure, tail: tail ?? { 'zh-CN': '', en: '' } });
      };

      if (source.content.pack !== pack.id) {
        fail('/pack', `场景文件针对检查表“${source.content.pack}”，而不是“${pack.id}”`, `scenario file is for pack "${source.content.pack}", not "${pack.id}"`);
      }
      const baseAnswers = source.content.base ?? {};
      const inspection = scenarioInspection(pack.id, source.content, scenario);
      const premises = inspection.premises;
      // checked like an inspection: where an answer came from decides where the failure points
      const fromBase = (key: 'premises' | 'inspectedAt' | 'findings', fact?: string) =>
        key === 'findings'
          ? fact !== undefined && !Object.hasOwn(scenario.findings ?? {}, fact) && Object.hasOwn(baseAnswers.findings ?? {}, fact)
          : scenario[key] === undefined && baseAnswers[key] !== undefined;
      /** Facts whose answers the check refused. */
      const invalid = new Set<string>();
      /** Facts answered whose own `when` does not hold (the check's warning). */
      const notAsked = new Set<string>();
      /** The check's other warnings (no `inspectedAt`, an option listed twice): shown as the scenario's warnings. */
      const checkWarnings: ScenarioWarning[] = [];
      for (const issue of checkFindings(pack, inspection)) {
        // an error of an inspection (refused when reported), a warning at the answer here: worded by the answer check
        if (issue.code === 'NOT_APPLICABLE_ANSWER') {
          notAsked.add(factOf(issue.pointer));
          continue;
        }
        if (issue.severity === 'warning') {
          const warning = scenarioCheckWarning(issue, base, fromBase, warnedInFile);
          if (warning) checkWarnings.push({ ...warning, ...source.locate?.(warning.pointer) });
        }
        if (issue.severity !== 'error' || issue.code === 'REQUIRED_MISSING' || issue.code === 'PACK_MISMATCH') continue;
        const pointer = issue.pointer ?? '';
        const [, key, fact] = /^\/(premises|inspectedAt|findings)(?:\/([^/]+))?/.exec(pointer) ?? [];
        const unescaped = fact?.replace(/~1/g, '/').replace(/~0/g, '~');
        if (key === 'findings' && unescaped !== undefined) invalid.add(unescaped);
        else if (key === 'inspectedAt') invalid.add('$inspectedAt');
        const at = key !== undefined && fromBase(key as 'premises' | 'inspectedAt' | 'findings', unescaped) ? `/base${pointer}` : `${base}${pointer}`;
        // the check's hint (the value to write) goes with it: the author fixes the scenario from this line
        const hint = issue.hint ?? (issue.code === 'UNKNOWN_FACT' && !issue.message.en.includes('did you mean') ? UNDECLARED_FACT_HINT : undefined);
        const hintZh = hint?.['zh-CN'] ? ` — 提示：${hint['zh-CN']}` : '';
        const hintEn = hint?.en ? ` — hint: ${hint.en}` : '';
        fail(at, `${issue.code}：${issue.message['zh-CN']}`, `${issue.code}: ${issue.message.en}`, undefined, { 'zh-CN': hintZh, en: hintEn });
      }
      const warnings: ScenarioWarning[] = [...checkWarnings];
      let result: Classification | undefined;
      try {
        result = evaluate(inspection);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        fail(`${base}/findings`, `分类失败：${why}`, `classification failed: ${why}`);
      }
      if (result) {
        checkExpectations(scenario, result, base, fail, knownRules, ruleIds, { why, asked: { inspection, invalid } });
        for (const { fact, ...warning } of answersNotCounting({ scenario, result, notAsked, invalid, why, asked: { inspection, invalid } })) {
          const pointer = `${base}/findings/${escape(fact)}`;
          warnings.push({ code: warning.code, pointer, ...at(pointer), message: warning.message, hint: warning.hint });
        }
        if (scenario.todo === undefined) {
          const firedHere = new Set(result.hazards.map((h) => h.rule));
          const checkedItems = new Set(result.items.filter((i) => i.outcome === 'pass' || i.outcome === 'hazard').map((i) => i.item));
          leaves.observe(inspection, checkedItems);
          for (const [rule, item] of itemOfRule) {
            if (firedHere.has(rule)) bump(fired, rule);
            else if (checkedItems.has(item)) bump(heldBack, rule);
          }
          for (const composite of pack.composites) {
            if (firedHere.has(composite.id)) bump(fired, composite.id);
            else if (!composite.premises || (premises !== undefined && composite.premises.includes(premises))) {
              bump(heldBack, composite.id);
            }
          }
        }
      }
      const position = at(base);
      const outcome: ScenarioResult = {
        file: source.file,
        index,
        name: scenario.name,
        status: 'passed',
        failures,
        ...(warnings.length > 0 ? { warnings } : {}),
        ...(scenario.todo !== undefined ? { todo: scenario.todo } : {}),
        ...(position ? { line: position.line } : {}),
      };
      fileResults.push(outcome);
      for (const { key, failure, tail } of sharedHere) shared.set(key, [...(shared.get(key) ?? []), { result: outcome, failure, tail }]);
    });
    reportSharedOnce(shared);
    for (const result of fileResults) {
      result.status = result.todo !== undefined ? (result.failures.length > 0 ? 'todo' : 'todo_passed') : result.failures.length > 0 ? 'failed' : 'passed';
      results.push(result);
    }
  }

  const coverage: RuleCoverage[] = [];
  for (const [rule, item] of itemOfRule) coverage.push({ ...entry(rule, 'rule', fired, heldBack, item), conditions: leaves.of(rule) });
  for (const composite of pack.composites) coverage.push(entry(composite.id, 'composite', fired, heldBack));
  const covered = coverage.filter((c) => c.covered).length;
  return {
    pack: { id: pack.id, version: pack.version },
    results,
    coverage,
    summary: {
      scenarios: results.length,
      passed: results.filter((r) => r.status === 'passed' || r.status === 'todo_passed').length,
      failed: results.filter((r) => r.status === 'failed').length,
      todo: results.filter((r) => r.status === 'todo' || r.status === 'todo_passed').length,
      warnings: results.reduce((n, r) => n + (r.warnings?.length ?? 0), 0),
      rules: coverage.length,
      covered,
      percent: coverage.length === 0 ? 100 : Math.floor((covered / coverage.length) * 1000) / 10,
      ...conditionSummary(coverage),
    },
  };
}

/**
 * The condition-coverage counts of a coverage list (all leaves of its rules): for
 * {@link ScenarioRun.summary}, and for a subset of rules (an overlay's).
 */
export function conditionSummary(coverage: readonly RuleCoverage[]): { leaves: number; leavesCovered: number; conditionPercent: number } {
  const all = coverage.flatMap((c) => c.conditions ?? []).filter((l) => l.implied !== true);
  const covered = all.filter((l) => l.covered).length;
  return { leaves: all.length, leavesCovered: covered, conditionPercent: all.length === 0 ? 100 : Math.floor((covered / all.length) * 1000) / 10 };
}

function entry(rule: string, kind: RuleCoverage['kind'], fired: Map<string, number>, heldBack: Map<string, number>, item?: string): RuleCoverage {
  const f = fired.get(rule) ?? 0;
  const h = heldBack.get(rule) ?? 0;
  return { rule, kind, ...(item ? { item } : {}), fired: f, heldBack: h, covered: f > 0 && h > 0 };
}

/** A scenario answers a fact the pack does not declare, with no near name: what to do. */
const UNDECLARED_FACT_HINT: Bilingual = {
  'zh-CN': '先在检查表的 facts: 中声明它，或从场景中删去这一答案；anjian facts <检查表文件夹> 列出已声明的事实',
  en: 'declare it under facts: in the pack, or delete this answer from the scenario; anjian facts <pack folder> lists the declared facts',
};

/**
 * Record a failed expectation; `because`, when known, is already at the end of the message
 * too; `tail` (a hint) ends the message, after what {@link reportSharedOnce} may add.
 */
type Fail = (pointer: string, zh: string, en: string, because?: Bilingual, tail?: Bilingual) => void;
type Bilingual = { 'zh-CN': string; en: string };

/**
 * A failure of a file's `base:` answers (or its `pack:`) is the same for every scenario that
 * uses it: it stays with the first scenario that is not `todo` (so it still fails the run),
 * or the first one when all are, says how many scenarios share it, and leaves the others.
 */
function reportSharedOnce(shared: ReadonlyMap<string, readonly { result: ScenarioResult; failure: ScenarioFailure; tail: Bilingual }[]>): void {
  for (const uses of shared.values()) {
    if (uses.length < 2) continue;
    const kept = uses.find((u) => u.result.todo === undefined) ?? uses[0]!;
    for (const use of uses) if (use !== kept) use.result.failures.splice(use.result.failures.indexOf(use.failure), 1);
    const { message } = kept.failure;
    const zh = message['zh-CN']!.slice(0, message['zh-CN']!.length - kept.tail['zh-CN'].length);
    const en = message.en.slice(0, message.en.length - kept.tail.en.length);
    const where = kept.failure.pointer.startsWith('/base') ? { zh: '在 base: 中，', en: 'in base:, ' } : { zh: '', en: '' };
    kept.failure.message = {
      'zh-CN': `${zh}（${where.zh}本文件 ${uses.length} 个场景共用，只报告一次）${kept.tail['zh-CN']}`,
      en: `${en} (${where.en}used by ${uses.length} scenarios of this file; reported once)${kept.tail.en}`,
    };
  }
}

/** The message with its reason after a colon (the reason is kept apart in `because` too). */
function withReason(fail: Fail, pointer: string, zh: string, en: string, because: Bilingual | undefined): void {
  if (because === undefined) fail(pointer, zh, en);
  else fail(pointer, `${zh}：${because['zh-CN']}`, `${en}: ${because.en}`, because);
}

function checkExpectations(
  scenario: ScenarioFile['scenarios'][number],
  result: Classification,
  base: string,
  fail: Fail,
  knownRules: ReadonlySet<string>,
  ruleIds: readonly string[],
  explain: { why: MissExplainer; asked: Asked },
): void {
  const expect = scenario.expect ?? {};
  const byItem = new Map(result.items.map((i) => [i.item, i]));
  const unknownRule = (rule: unknown, pointer: string): boolean => {
    if (typeof rule === 'string' && knownRules.has(rule)) return false;
    const near = typeof rule === 'string' ? didYouMean(rule, ruleIds) : undefined;
    fail(pointer, `检查表中没有隐患规则 ${JSON.stringify(rule)}${near ? `（是不是“${near}”？）` : ''}`, `the pack has no rule ${JSON.stringify(rule)}${near ? ` (did you mean "${near}"?)` : ''}`);
    return true;
  };
  for (const [item, outcome] of Object.entries(expect.items ?? {})) {
    const pointer = `${base}/expect/items/${escape(item)}`;
    const actual = byItem.get(item);
    if (!actual) {
      const near = didYouMean(item, byItem.keys());
      fail(pointer, `检查表中没有检查项“${item}”${near ? `（是不是“${near}”？）` : ''}`, `the pack has no item "${item}"${near ? ` (did you mean "${near}"?)` : ''}`);
    } else if (actual.outcome !== outcome) {
      const missing = actual.missing?.length ? `（缺少：${actual.missing.join('、')}）` : '';
      const missingEn = actual.missing?.length ? ` (missing: ${actual.missing.join(', ')})` : '';
      const fired = actual.outcome === 'hazard' ? `（触发：${actual.hazards.join('、')}）` : '';
      const firedEn = actual.outcome === 'hazard' ? ` (fired: ${actual.hazards.join(', ')})` : '';
      // a gate that shut: which premises scope or which condition of the item's `when`
      const because = actual.outcome === 'not_applicable' ? explain.why.item(item, explain.asked) : undefined;
      withReason(
        fail,
        pointer,
        `检查项 ${item} 应为 ${outcome}，实际为 ${actual.outcome}${missing}${fired}`,
        `item ${item}: expected ${outcome}, got ${actual.outcome}${missingEn}${firedEn}`,
        because,
      );
    }
  }
  const firedById = new Map(result.hazards.map((h) => [h.rule, h]));
  if (expect.hazards) {
    const expected = new Set<string>();
    expect.hazards.forEach((want, k) => {
      const pointer = `${base}/expect/hazards/${k}`;
      expected.add(want.rule);
      if (unknownRule(want.rule, `${pointer}/rule`)) return;
      const got = firedById.get(want.rule);
      if (!got) {
        const because = explain.why.rule(want.rule, explain.asked, new Set(firedById.keys()));
        withReason(fail, pointer, `隐患规则 ${want.rule} 应触发（${want.level}），但未触发`, `rule ${want.rule} should fire (${want.level}) but did not`, because);
        return;
      }
      if (got.level !== want.level) {
        fail(`${pointer}/level`, `隐患规则 ${want.rule} 的等级应为 ${want.level}，实际为 ${got.level}`, `rule ${want.rule}: expected level ${want.level}, got ${got.level}`);
      }
      if (want.provisional !== undefined && got.provisional !== want.provisional) {
        fail(
          `${pointer}/provisional`,
          `隐患规则 ${want.rule} 的“疑似”标记应为 ${want.provisional}，实际为 ${got.provisional}`,
          `rule ${want.rule}: expected provisional ${want.provisional}, got ${got.provisional}`,
        );
      }
    });
    for (const hazard of result.hazards) {
      if (!expected.has(hazard.rule)) {
        // what made it fire: the classifier's own explanation
        withReason(
          fail,
          `${base}/expect/hazards`,
          `隐患规则 ${hazard.rule}（${hazard.level}）触发了，但不在预期列表中`,
          `rule ${hazard.rule} (${hazard.level}) fired but is not among the expected hazards`,
          hazard.explanation,
        );
      }
    }
  }
  (expect.absent ?? []).forEach((rule, k) => {
    if (unknownRule(rule, `${base}/expect/absent/${k}`)) return;
    const got = firedById.get(rule);
    if (got) withReason(fail, `${base}/expect/absent/${k}`, `隐患规则 ${rule} 不应触发，但触发了`, `rule ${rule} should not fire but did`, got.explanation);
  });
}

/** What to do about a warning of the findings check, in a scenario file. */
const CHECK_WARNING_HINTS: Readonly<Record<string, Bilingual>> = {
  INSPECTED_AT_MISSING: {
    'zh-CN': '在场景中写上 inspectedAt（带时区的日期时间，如 2026-11-28T09:30:00+08:00），或在文件的 base: 中写一次，供所有场景使用',
    en: "add inspectedAt: to the scenario (a date-time with offset, e.g. 2026-11-28T09:30:00+08:00), or once under the file's base: for all its scenarios",
  },
  DUPLICATE_OPTION: { 'zh-CN': '删去重复的一项：列表中每个选项只写一次', en: 'delete the repeated value: a list names each option once' },
};

/**
 * A warning of the findings check (other than `NOT_APPLICABLE_ANSWER`, which the answer
 * check words for scenarios) as a warning of the scenario, at the answer that has it — in the
 * file's `base:` when it came from there (then once per file: `warned`) — or, for a missing
 * `inspectedAt`, at the scenario.
 */
function scenarioCheckWarning(issue: Issue, base: string, fromBase: (key: 'premises' | 'inspectedAt' | 'findings', fact?: string) => boolean, warned: Set<string>): ScenarioWarning | undefined {
  const pointer = issue.pointer ?? '';
  const fact = /^\/findings\//.test(pointer) ? factOf(pointer) : undefined;
  const located = pointer === '/inspectedAt' ? base : fact !== undefined && fromBase('findings', fact) ? `/base${pointer}` : `${base}${pointer}`;
  if (located.startsWith('/base')) {
    if (warned.has(`${issue.code} ${located}`)) return undefined;
    warned.add(`${issue.code} ${located}`);
  }
  const hint: LocalizedText = CHECK_WARNING_HINTS[issue.code] ?? issue.hint ?? { 'zh-CN': '', en: '' };
  return {
    code: issue.code as ScenarioWarning['code'],
    pointer: located,
    message: { 'zh-CN': issue.message['zh-CN'], en: issue.message.en ?? issue.message['zh-CN'] },
    hint: { 'zh-CN': hint['zh-CN'], en: hint.en ?? hint['zh-CN'] },
  };
}

/** The fact a `/findings/<fact>` pointer names. */
function factOf(pointer: string | undefined): string {
  const [, fact = ''] = /^\/findings\/([^/]+)/.exec(pointer ?? '') ?? [];
  return fact.replace(/~1/g, '/').replace(/~0/g, '~');
}

function escape(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
