import type { Lang } from '@anjian/core';
import type { RuleCoverage } from '@anjian/core/internal';
import { localize } from '../lang.js';
import { tooManyWarningsText } from '../max-warnings.js';

type Text = { 'zh-CN': string; en: string };

const s = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * Every sentence and word of `anjian test`'s human output (`pretty`, and the messages of
 * `junit` and `github`), in both languages, in one table: a formatter picks a line of it with
 * `localize(line, lang)`, so it cannot print one language's words in the other's output. Ids, codes,
 * file names and the values an author writes in YAML (`major`, `not_applicable`) stay as written.
 */
export const TEST_TEXT = {
  /** The closing line. In English it is the plain `N passed, N failed` CI log readers look for. */
  closing: (passed: number, failed: number, notLoaded: number): Text => ({
    'zh-CN': `场景：${passed} 个通过，${failed} 个未通过${notLoaded > 0 ? `，${notLoaded} 个文件未能加载` : ''}`,
    en: `${passed} passed, ${failed} failed${notLoaded > 0 ? `, ${notLoaded} ${s(notLoaded, 'file', 'files')} not loaded` : ''}`,
  }),
  /** The line above it: packs, failed packs, todo scenarios, warnings. */
  tested: (packs: number, failed: number, todo: number, warnings: number): Text => ({
    'zh-CN': `测试了 ${packs} 个检查表，${failed} 个未通过；待办场景 ${todo} 个${warnings > 0 ? `；警告 ${warnings} 个` : ''}。`,
    en: `${packs} ${s(packs, 'pack', 'packs')} tested, ${failed} failed; ${todo} todo${warnings > 0 ? `; ${warnings} ${s(warnings, 'warning', 'warnings')}` : ''}.`,
  }),
  /** After it, when `--max-warnings` is exceeded (the run fails). */
  tooManyWarnings: tooManyWarningsText,
  didNotLoad: { 'zh-CN': '（未能加载）', en: '(did not load)' },
  scenarios: (n: number): Text => ({ 'zh-CN': `${n} 个场景`, en: `${n} ${s(n, 'scenario', 'scenarios')}` }),
  noScenarioFiles: { 'zh-CN': '没有场景文件（pack.yaml 旁的 tests/*.yaml）', en: 'no scenario files (tests/*.yaml beside pack.yaml)' },
  /** A scenario, by name, before what is said of it. */
  scenario: (name: string): Text => ({ 'zh-CN': `场景“${name}”`, en: `scenario "${name}"` }),
  about: (name: string, message: Text): Text => ({ 'zh-CN': `场景“${name}”：${message['zh-CN']}`, en: `scenario "${name}": ${message.en}` }),
  todoPassesNow: { 'zh-CN': '待办，现已通过：可删除 todo 标记', en: 'todo, passes now: remove the todo marker' },
  todoStillFails: (n: number): Text => ({ 'zh-CN': `待办，仍有 ${n} 项预期未满足`, en: `todo, ${n} expectation(s) still fail` }),
  todo: { 'zh-CN': '待办', en: 'todo' },
  todoPassing: { 'zh-CN': '待办（现已通过）', en: 'todo (passes now)' },
  /** After a todo scenario's name: its state in brackets. */
  todoState: (state: Text): Text => ({ 'zh-CN': `（${state['zh-CN']}）`, en: `  (${state.en})` }),
  /** A hint after a message on one line. */
  withHint: (message: string, hint: string): Text => ({ 'zh-CN': hint ? `${message}（${hint}）` : message, en: hint ? `${message} (${hint})` : message }),
  coverage: (covered: number, rules: number, percent: number): Text => ({ 'zh-CN': `覆盖率：${covered}/${rules} 条规则（${percent}%）`, en: `coverage: ${covered}/${rules} rules (${percent}%)` }),
  partialFiles: (n: number): Text => ({ 'zh-CN': `，不完整：${n} 个场景文件未能加载`, en: `, partial: ${n} scenario ${s(n, 'file', 'files')} did not load` }),
  partial: { 'zh-CN': '，不完整', en: ', partial' },
  belowCoverage: (percent: number, threshold: number): Text => ({
    'zh-CN': `覆盖率 ${percent}% 低于 --coverage-threshold ${threshold}`,
    en: `coverage ${percent}% is below --coverage-threshold ${threshold}`,
  }),
  conditions: (covered: number, leaves: number, percent: number): Text => ({
    'zh-CN': `条件覆盖：${covered}/${leaves} 个条件在检查项适用时既成立过、也不成立过（${percent}%）`,
    en: `conditions: ${covered}/${leaves} seen true and false where their item applied (${percent}%)`,
  }),
  belowConditions: (percent: number, threshold: number): Text => ({
    'zh-CN': `条件覆盖率 ${percent}% 低于 --condition-threshold ${threshold}`,
    en: `condition coverage ${percent}% is below --condition-threshold ${threshold}`,
  }),
  neverFires: { 'zh-CN': '从未触发', en: 'never fires' },
  neverHeldBack: { 'zh-CN': '从未在适用时不触发', en: 'never held back' },
  neverEvaluated: { 'zh-CN': '从未求值', en: 'never evaluated' },
  neverTrue: { 'zh-CN': '从未成立', en: 'never true' },
  neverFalse: { 'zh-CN': '从未不成立', en: 'never false' },
  ofItem: (item: string): Text => ({ 'zh-CN': `（检查项 ${item}）`, en: ` (item ${item})` }),
  composite: { 'zh-CN': '（综合判定）', en: ' (composite)' },
  /** `A：B` / `A: B`. */
  colon: { 'zh-CN': '：', en: ': ' },
  /** Between the items of a list: `；` / `; `. */
  semicolon: { 'zh-CN': '；', en: '; ' },
  /** Between the parts of one statement: `，` / `, `. */
  comma: { 'zh-CN': '，', en: ', ' },
  problems: (n: number, first: string): Text => ({ 'zh-CN': `${n} 个问题：${first}`, en: `${n} ${s(n, 'problem', 'problems')}: ${first}` }),
  coverageOf: (percent: number, covered: number, rules: number, threshold: number): Text => ({
    'zh-CN': `覆盖率 ${percent}%（${covered}/${rules}）低于 ${threshold}`,
    en: `coverage ${percent}% (${covered}/${rules}) is below ${threshold}`,
  }),
  conditionsOf: (percent: number, covered: number, leaves: number, threshold: number): Text => ({
    'zh-CN': `条件覆盖率 ${percent}%（${covered}/${leaves}）低于 ${threshold}`,
    en: `condition coverage ${percent}% (${covered}/${leaves}) is below ${threshold}`,
  }),
} as const;

/** What an uncovered rule lacks, in words: `never fires`, `never held back` or both. */
export function lacks(entry: RuleCoverage, lang: Lang): string {
  const parts = [entry.fired === 0 ? TEST_TEXT.neverFires : undefined, entry.heldBack === 0 ? TEST_TEXT.neverHeldBack : undefined].filter((t) => t !== undefined);
  return parts.map((t) => localize(t, lang)).join(localize(TEST_TEXT.comma, lang));
}
