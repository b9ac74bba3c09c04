import type { Command } from '../command.js';
import { formatTestGithub } from '../format/test-github.js';
import { formatTestJson } from '../format/test-json.js';
import { formatTestJunit } from '../format/test-junit.js';
import { formatTestPretty } from '../format/test-pretty.js';
import type { TestFormatter } from '../format/test-format-options.js';
import { knownLang, LANGS, localize } from '../lang.js';
import { sourceLines } from '../source-lines.js';
import { testPacks, tooManyWarnings } from '../test-packs.js';
import { parseMaxWarnings, sayTooManyWarnings } from '../max-warnings.js';
import { UsageError } from '../usage-error.js';
import { skippedPathNote } from '../format/skipped-path.js';
import { progressLine } from '../progress-line.js';

const FORMATS: Readonly<Record<string, TestFormatter>> = Object.freeze({ pretty: formatTestPretty, json: formatTestJson, junit: formatTestJunit, github: formatTestGithub });

/**
 * `anjian test [paths…]`: run the scenario files (`tests/*.yaml` beside `pack.yaml`) of
 * every pack under the paths and report failures, todo scenarios and per-rule coverage.
 * Exit 0 when every scenario passes (todo ones excepted) and every pack meets
 * `--coverage-threshold`; 1 otherwise (also for packs or scenario files that cannot be
 * read, and for more warnings than `--max-warnings` when it is given); 2 on a usage error or
 * an internal failure.
 *
 * @example
 * ```sh
 * anjian test checklists --coverage-threshold 100 --format junit > scenarios.xml
 * ```
 */
export const testCommand: Command = {
  name: 'test',
  summary: { 'zh-CN': '运行检查表自带的测试场景并统计规则覆盖率', en: "Run the packs' scenario tests and measure rule coverage" },
  usage: 'anjian test [paths…] [options]',
  details: {
    'zh-CN':
      '路径可以是检查表文件夹或包含多个检查表的上级文件夹（默认当前文件夹）；其他文件不是检查表，跳过并提示（缺少 format: 行的单文件检查表除外，见 anjian validate --help）；地方覆盖文件用 --overlay 给出，不作为路径。场景文件为 pack.yaml 旁的 tests/*.yaml。\n一条规则在某个场景中触发、且在另一个其检查项适用的场景中不触发时，才算覆盖。规则的每个条件在其检查项适用的场景中既成立过、也不成立过，才算条件覆盖。\n场景中不起作用的答案等为警告，默认不影响退出码；CI 可用 --max-warnings 0 拒绝任何警告。\n退出码：0 全部通过且覆盖率达标（警告不超过 --max-warnings）；1 有场景失败、文件有误、覆盖率不足或警告超过 --max-warnings；2 用法错误或内部故障。',
    en: 'Paths may be pack folders or folders holding several packs (default: the current folder); other files are not packs: skipped with a note (not a one-file pack that lacks its format: line, see anjian validate --help); a local overlay goes with --overlay, not as a path. Scenario files are tests/*.yaml beside pack.yaml.\nA rule is covered when some scenario fires it and some scenario where its item applies does not. A leaf condition of a rule is covered when scenarios where the item applies saw it both true and false.\nAnswers that do not count and the like are warnings; by default they never change the exit code; CI can refuse any with --max-warnings 0.\nExit codes: 0 all passed and coverage met (and no more warnings than --max-warnings); 1 failed scenarios, bad files, coverage below the threshold or more warnings than --max-warnings; 2 usage error or internal failure.',
  },
  positionals: true,
  options: {
    format: {
      type: 'string',
      short: 'f',
      choices: Object.keys(FORMATS),
      valueName: 'FORMAT',
      description: { 'zh-CN': '输出格式（默认 pretty）；机器格式只向 stdout 输出文档本身', en: 'output format (default pretty); machine formats print only their document on stdout' },
    },
    lang: {
      type: 'string',
      choices: LANGS,
      valueName: 'LANG',
      description: { 'zh-CN': '输出语言（默认取自 LANG 环境变量）', en: 'output language (default from the LANG environment variable)' },
    },
    overlay: {
      type: 'string',
      valueName: 'FILE',
      description: {
        'zh-CN': '测试地方覆盖文件：覆盖后的检查表运行覆盖文件旁 tests/ 中的场景，覆盖率只计覆盖文件新增或修改的规则',
        en: 'test a local overlay: the pack it extends, with the overlay applied, runs the scenarios in tests/ beside the overlay; coverage counts the rules the overlay adds or changes',
      },
    },
    'coverage-threshold': {
      type: 'string',
      valueName: 'P',
      description: { 'zh-CN': '任一检查表的规则覆盖率低于 P%（0–100）时以 1 退出', en: "exit 1 when any pack's rule coverage is below P percent (0–100)" },
    },
    'max-warnings': {
      type: 'string',
      valueName: 'N',
      description: {
        'zh-CN': '场景的警告（不起作用的答案、缺少检查时间、重复的选项）超过 N 个时以 1 退出；不给出时警告不影响退出码',
        en: 'exit 1 when the scenarios have more than N warnings (answers that do not count, no inspectedAt, an option listed twice); without it, warnings never change the exit code',
      },
    },
    'condition-threshold': {
      type: 'string',
      valueName: 'P',
      description: {
        'zh-CN': '任一检查表的条件覆盖率（规则的每个条件在适用时既成立过、也不成立过）低于 P%（0–100）时以 1 退出',
        en: "exit 1 when any pack's condition coverage (each leaf condition of a rule seen both true and false where its item applied) is below P percent (0–100)",
      },
    },
  },
  async run({ values, positionals }, { io, lang, version }) {
    const format = typeof values.format === 'string' ? values.format : 'pretty';
    const formatter = FORMATS[format];
    if (formatter === undefined) throw new UsageError({ 'zh-CN': `未知的输出格式：${format}`, en: `unknown format: ${format}` }, 'test');
    const threshold = parseThreshold(values['coverage-threshold'], 'coverage-threshold');
    const conditionThreshold = parseThreshold(values['condition-threshold'], 'condition-threshold');
    const maxWarnings = parseMaxWarnings(values['max-warnings'], 'test');
    const paths = positionals.length > 0 ? positionals : ['.'];
    const overlay = typeof values.overlay === 'string' ? values.overlay : undefined;
    const progress = progressLine(io, lang, format === 'pretty', { 'zh-CN': '正在测试', en: 'testing' });
    const report = await testPacks(paths, {
      cwd: io.cwd,
      onProgress: progress.update,
      onSkip: (path) => io.stderr.write(`${localize(skippedPathNote(path), lang)}\n`),
      ...(threshold !== undefined ? { threshold } : {}),
      ...(conditionThreshold !== undefined ? { conditionThreshold } : {}),
      ...(maxWarnings !== undefined ? { maxWarnings } : {}),
      ...(overlay !== undefined ? { overlay } : {}),
    });
    progress.end();
    io.stdout.write(formatter(report, { lang, version, colors: io.colors === true && format === 'pretty', lines: sourceLines(io.cwd) }));
    sayTooManyWarnings(io, format, knownLang(typeof values.lang === 'string' ? values.lang : undefined, io.env), report.summary.warnings, report.maxWarnings);
    if (report.packs.some((p) => p.issues.some((i) => i.code === 'INTERNAL_ERROR'))) return 2;
    return report.summary.packsFailed > 0 || tooManyWarnings(report) ? 1 : 0;
  },
};

function parseThreshold(value: string | boolean | undefined, flag: string): number | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  const n = /^\d{1,3}(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= 100)) {
    throw new UsageError({ 'zh-CN': `--${flag} 需要 0 到 100 之间的数，得到“${value}”`, en: `--${flag} needs a number from 0 to 100, got "${value}"` }, 'test');
  }
  return n;
}
