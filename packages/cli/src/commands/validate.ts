import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { FORMAT_NAMES, FORMATTERS } from '../format/formatters.js';
import { LANGS } from '../lang.js';
import { UsageError } from '../usage-error.js';
import { validatePacks } from '../validate-packs.js';

/** Files larger than this get no code frame (the loader refuses them anyway). */
const MAX_FRAME_SOURCE = 2_000_000;

/** Packs at or above this count get a progress line on a terminal. */
const PROGRESS_FROM = 2;

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
      '路径可以是检查表文件夹（含 pack.yaml）、pack.yaml 文件，或包含多个检查表的上级文件夹（递归查找，跳过 node_modules）。默认为当前文件夹。\n退出码：0 无错误；1 有错误（或警告超过 --max-warnings）；2 用法错误或内部故障。',
    en: 'Paths may be pack folders (holding pack.yaml), pack.yaml files, or folders holding several packs (searched recursively, skipping node_modules). Default: the current folder.\nExit codes: 0 clean; 1 errors (or warnings over --max-warnings); 2 usage error or internal failure.',
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
    const maxWarnings = parseMaxWarnings(values['max-warnings']);
    const quiet = values.quiet === true;
    const paths = positionals.length > 0 ? positionals : ['.'];

    const progress = io.isTTY;
    let shown = false;
    const report = await validatePacks(paths, {
      cwd: io.cwd,
      ...(typeof values.overlay === 'string' ? { overlay: values.overlay } : {}),
      onProgress(done, total, path) {
        if (!progress || total < PROGRESS_FROM) return;
        const text = lang === 'en' ? `checking ${done + 1}/${total} ${path}` : `正在检查 ${done + 1}/${total} ${path}`;
        io.stderr.write(`\r\u001b[K${text.slice(0, 200)}`);
        shown = true;
      },
    });
    if (shown) io.stderr.write('\r\u001b[K');

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
    if (report.issues.some((i) => i.code === 'INTERNAL_ERROR')) return 2;
    if (report.summary.errors > 0) return 1;
    if (maxWarnings !== undefined && report.summary.warnings > maxWarnings) return 1;
    return 0;
  },
};

function parseMaxWarnings(value: string | boolean | undefined): number | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  if (!/^\d{1,9}$/.test(value)) {
    throw new UsageError({ 'zh-CN': `--max-warnings 需要一个非负整数，得到“${value}”`, en: `--max-warnings needs a non-negative integer, got "${value}"` }, 'validate');
  }
  return Number(value);
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
