import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { LANGS } from '../lang.js';
import { loadOnePack } from '../load-one-pack.js';
import { readmeTable } from '../review/readme-table.js';
import { ruleTable } from '../review/rule-table.js';
import { ruleTableCsv, ruleTableMarkdown } from '../review/rule-table-text.js';
import { ruleTableXlsx } from '../review/rule-table-xlsx.js';
import { UsageError } from '../usage-error.js';

/**
 * `anjian export <pack> [--format md|csv|xlsx] [--output file]`: the pack's rule table for
 * review by people who do not read YAML (legal review of the basis, a department's sign-off):
 * one row per hazard rule — section, item, hazard, level, the condition in words (labels, not
 * ids), basis with clause, confidence, deadline, rectification, premises — then the
 * composites (综合判定). `--format readme-table` prints instead the bilingual table a pack's
 * README carries (item | rule | level | basis (confidence) | provisional; see `readmeTable`),
 * generated from the pack so the README never drifts from it. Exit 0; 1 when the pack does not
 * load; 2 on a usage error.
 *
 * @example
 * ```sh
 * anjian export checklists/gas --format xlsx --output gas-rules.xlsx
 * ```
 */
export const exportCommand: Command = {
  name: 'export',
  summary: { 'zh-CN': '导出检查表的规则表（Markdown、CSV 或 Excel），供法规审核', en: "Export a pack's rule table (Markdown, CSV or Excel) for legal review" },
  usage: 'anjian export <pack folder> [--format md|csv|xlsx|readme-table] [--output <file>] [--lang zh-CN|en]',
  details: {
    'zh-CN':
      '每条隐患规则一行：分组、检查项、隐患、等级、判定条件（用标签写出）、依据与条款、可信度、整改期限、整改要求、适用场所；综合判定列在最后。xlsx 须用 --output 写入文件；md 和 csv 默认输出到 stdout。已有的输出文件会被覆盖。\nreadme-table：检查表 README 中的中英双语规则表（项 | 规则 | 级别 | 依据（可信度）| 疑似），由检查表生成，复制到 README 即可。',
    en: 'One row per hazard rule: section, item, hazard, level, the condition in words (labels), basis and clause, confidence, deadline, rectification, premises; composites last. xlsx needs --output; md and csv go to stdout by default. An existing output file is overwritten.\nreadme-table: the bilingual rule table of a pack README (item | rule | level | basis (confidence) | provisional), generated from the pack, to paste into the README.',
  },
  positionals: true,
  options: {
    format: { type: 'string', short: 'f', choices: ['md', 'csv', 'xlsx', 'readme-table'], valueName: 'FORMAT', description: { 'zh-CN': '输出格式（默认 md）', en: 'output format (default md)' } },
    output: { type: 'string', short: 'o', valueName: 'FILE', description: { 'zh-CN': '写入文件（xlsx 必填）', en: 'write to a file (required for xlsx)' } },
    lang: { type: 'string', choices: LANGS, valueName: 'LANG', description: { 'zh-CN': '表格语言', en: 'language of the table' } },
  },
  async run({ values, positionals }, { io, lang }) {
    if (positionals.length > 1) throw new UsageError({ 'zh-CN': `多余的参数：${positionals[1]}`, en: `unexpected argument: ${positionals[1]}` }, 'export');
    const format = typeof values.format === 'string' ? values.format : 'md';
    const output = typeof values.output === 'string' ? values.output : undefined;
    if (format === 'xlsx' && output === undefined) {
      throw new UsageError({ 'zh-CN': 'xlsx 是二进制文件，请用 --output <文件> 指定写到哪里', en: 'xlsx is a binary file; say where to write it with --output <file>' }, 'export');
    }
    const pack = await loadOnePack(positionals[0], undefined, io, lang, 'export');
    if (!pack) return 1;
    if (format === 'readme-table') {
      const table = `${readmeTable(pack)}\n`;
      if (output === undefined) io.stdout.write(table);
      else writeOutput(io.cwd, output, table);
      return 0;
    }
    const rows = ruleTable(pack, lang);
    const title = `${lang === 'en' ? (pack.title.en ?? pack.title['zh-CN']) : pack.title['zh-CN']} ${pack.id}@${pack.version}`;
    const body = format === 'xlsx' ? await ruleTableXlsx(rows, lang, pack.id, new Date()) : format === 'csv' ? ruleTableCsv(rows, lang) : ruleTableMarkdown(rows, lang, title);
    if (output === undefined) {
      io.stdout.write(body as string);
      return 0;
    }
    writeOutput(io.cwd, output, body);
    io.stderr.write(lang === 'en' ? `wrote ${rows.length} rules to ${output}\n` : `已写入 ${rows.length} 条规则：${output}\n`);
    return 0;
  },
};

function writeOutput(cwd: string, output: string, body: string | Uint8Array): void {
  try {
    writeFileSync(resolve(cwd, output), body);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new UsageError({ 'zh-CN': `无法写入 ${output}：${why}`, en: `cannot write ${output}: ${why}` }, 'export');
  }
}
