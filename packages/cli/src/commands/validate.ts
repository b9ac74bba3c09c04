import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Lang } from '@anjian/core';
import type { CliIo } from '../cli-io.js';
import type { Command, CommandArgs } from '../command.js';
import { FORMAT_NAMES, FORMATTERS } from '../format/formatters.js';
import { knownLang, LANGS, localize } from '../lang.js';
import { skippedPathNote } from '../format/skipped-path.js';
import { UsageError } from '../usage-error.js';
import { validatePacks, type ValidationReport } from '../validate-packs.js';
import { applyBaseline, readBaseline, writeBaseline } from '../warnings-baseline.js';
import { progressLine } from '../progress-line.js';
import { parseMaxWarnings, sayTooManyWarnings } from '../max-warnings.js';

/** Files larger than this get no code frame (the loader refuses them anyway). */
const MAX_FRAME_SOURCE = 2_000_000;

/**
 * `anjian validate [paths…]`: load every pack under the paths with the safe loader and
 * report its issues. Exit 0 when clean, 1 on errors (or more warnings than
 * `--max-warnings`), 2 on a usage error or an internal failure.
 *
 * @example
 * ```sh
 * anjian validate checklists --format sarif > anjian.sarif
 * ```
 */
export const validateCommand: Command = {
  name: 'validate',
  summary: { 'zh-CN': '校验检查表（YAML 格式、规则、引用、双语）', en: 'Validate checklist packs (YAML, schema, rules, references, translations)' },
  usage: 'anjian validate [paths…] [options]',
  details: {
    'zh-CN':
      '路径可以是检查表文件夹（含 pack.yaml）、pack.yaml 文件，或包含多个检查表的上级文件夹（递归查找，跳过 node_modules）。默认为当前文件夹。其他文件不是检查表，跳过并提示（如 checklists/* 中的 README）；顶层有 sections:、include:、composites: 或 domain: 的 YAML 文件即使缺少 format: 行也按检查表检查（错误会提示加上这一行）。地方覆盖文件用 --overlay 给出，不作为路径。\n已知、有意保留的警告可写入基线文件（--baseline 与 --update-baseline），之后 CI 只因新警告失败。\n退出码：0 无错误；1 有错误（或警告超过 --max-warnings）；2 用法错误或内部故障。',
    en: 'Paths may be pack folders (holding pack.yaml), pack.yaml files, or folders holding several packs (searched recursively, skipping node_modules). Default: the current folder. Other files are not packs: skipped with a note (a README in checklists/*); a YAML file with a top-level sections:, include:, composites: or domain: is checked as a pack even without its format: line (the error says to add it). A local overlay goes with --overlay, not as a path.\nKnown, intended warnings can be acknowledged in a baseline file (--baseline, --update-baseline), so CI fails on new warnings only.\nExit codes: 0 clean; 1 errors (or warnings over --max-warnings); 2 usage error or internal failure.',
  },
  positionals: true,
  options: {
    format: {
      type: 'string',
      short: 'f',
      choices: FORMAT_NAMES,
      valueName: 'FORMAT',
      description: { 'zh-CN': '输出格式（默认 pretty）；机器格式只向 stdout 输出文档本身', en: 'output format (default pretty); machine formats print only their document on stdout' },
    },
    lang: {
      type: 'string',
      choices: LANGS,
      valueName: 'LANG',
      description: { 'zh-CN': '输出语言（默认取自 LANG 环境变量）', en: 'output language (default from the LANG environment variable)' },
    },
    'max-warnings': {
      type: 'string',
      valueName: 'N',
      description: { 'zh-CN': '警告超过 N 个时以 1 退出', en: 'exit 1 when there are more than N warnings' },
    },
    overlay: {
      type: 'string',
      valueName: 'FILE',
      description: { 'zh-CN': '同时检查地方覆盖文件（只能收紧所覆盖的检查表）', en: 'also check a local overlay file (it may only tighten the pack it extends)' },
    },
    baseline: {
      type: 'string',
      valueName: 'FILE',
      description: {
        'zh-CN': '基线文件：其中确认过的警告不再报告、不计入 --max-warnings，只有新警告才算',
        en: 'baseline file: the warnings it acknowledges are not reported nor counted for --max-warnings; only new warnings count',
      },
    },
    'update-baseline': {
      type: 'boolean',
      description: { 'zh-CN': '把当前全部警告写入 --baseline 文件（保留已写的 reason）', en: 'write every current warning to the --baseline file (keeping the reasons written)' },
    },
    quiet: {
      type: 'boolean',
      short: 'q',
      description: { 'zh-CN': '只报告错误（警告仍计入 --max-warnings）', en: 'report errors only (warnings still count for --max-warnings)' },
    },
  },
  async run({ values, positionals }, { io, lang, version }) {
    const format = typeof values.format === 'string' ? values.format : 'pretty';
    const formatter = FORMATTERS[format];
    if (formatter === undefined) throw new UsageError({ 'zh-CN': `未知的输出格式：${format}`, en: `unknown format: ${format}` }, 'validate');
    const maxWarnings = parseMaxWarnings(values['max-warnings'], 'validate');
    const quiet = values.quiet === true;
    const paths = positionals.length > 0 ? positionals : ['.'];

    const progress = progressLine(io, lang, format === 'pretty', { 'zh-CN': '正在检查', en: 'checking' });
    let report = await validatePacks(paths, {
      cwd: io.cwd,
      ...(typeof values.overlay === 'string' ? { overlay: values.overlay } : {}),
      onProgress: progress.update,
      onSkip: (path) => io.stderr.write(`${localize(skippedPathNote(path), lang)}\n`),
    });
    progress.end();
    const acknowledged = baseline(report, values, io, lang);
    if (acknowledged === 'written') return report.summary.errors > 0 ? 1 : 0;
    report = acknowledged;

    io.stdout.write(
      formatter(report, {
        lang,
        version,
        quiet,
        colors: io.colors === true && format === 'pretty',
        maxWarnings,
        readSource: (file) => readSource(resolve(io.cwd, file)),
      }),
    );
    sayTooManyWarnings(io, format, knownLang(typeof values.lang === 'string' ? values.lang : undefined, io.env), report.summary.warnings, maxWarnings);
    if (report.issues.some((i) => i.code === 'INTERNAL_ERROR')) return 2;
    if (report.summary.errors > 0) return 1;
    if (maxWarnings !== undefined && report.summary.warnings > maxWarnings) return 1;
    return 0;
  },
};

/**
 * `--baseline`/`--update-baseline`: write the current warnings, or take the acknowledged ones
 * out of the report, saying on stderr what the baseline did (stdout stays the document).
 */
function baseline(report: ValidationReport, values: CommandArgs['values'], io: CliIo, lang: Lang): ValidationReport | 'written' {
  const file = typeof values.baseline === 'string' ? values.baseline : undefined;
  const en = lang === 'en';
  if (values['update-baseline'] === true) {
    if (file === undefined) throw new UsageError({ 'zh-CN': '--update-baseline 需要 --baseline <文件>', en: '--update-baseline needs --baseline <file>' }, 'validate');
    const count = writeBaseline(report, readBaseline(file, io.cwd, true), io.cwd, file);
    io.stderr.write(
      en ? `anjian: wrote ${count} ${count === 1 ? 'warning' : 'warnings'} to ${file}; review the diff before committing it\n` : `anjian：已把 ${count} 个警告写入 ${file}；提交前请审阅其差异\n`,
    );
    return 'written';
  }
  if (file === undefined) return report;
  const outcome = applyBaseline(report, readBaseline(file, io.cwd, false), io.cwd, file);
  const stale = outcome.stale.length;
  io.stderr.write(
    (en ? `anjian: ${outcome.suppressed} ${outcome.suppressed === 1 ? 'warning' : 'warnings'} acknowledged in ${file}` : `anjian：${file} 确认了 ${outcome.suppressed} 个警告`) +
      (stale > 0
        ? en
          ? `; ${stale} ${stale === 1 ? 'entry matches' : 'entries match'} no warning any more (first: ${outcome.stale[0]!.code} in ${outcome.stale[0]!.file}) — drop with --update-baseline`
          : `；其中 ${stale} 项已不再对应任何警告（第一项：${outcome.stale[0]!.file} 的 ${outcome.stale[0]!.code}），可用 --update-baseline 删去`
        : '') +
      '\n',
  );
  return outcome.report;
}

function readSource(file: string): string | undefined {
  try {
    const stat = statSync(file);
    if (!stat.isFile() || stat.size > MAX_FRAME_SOURCE) return undefined;
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
