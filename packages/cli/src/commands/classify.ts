import { HAZARD_LEVELS, type HazardLevel } from '@anjian/core';
import { LEVEL_RANK } from '@anjian/core/internal';
import { classifyInspections } from '../classify-inspections.js';
import type { Command } from '../command.js';
import { classificationDocument } from '../format/classification-json.js';
import { classificationPretty } from '../format/classification-pretty.js';
import { issueBlock, painter } from '../format/issue-block.js';
import { LANGS } from '../lang.js';
import { sourceLines } from '../source-lines.js';
import { UsageError } from '../usage-error.js';

/**
 * `anjian classify --pack <dir> <inspection…>` (or `--packs <folder>`): classify inspection
 * files (YAML or JSON) and print the hazards with their explanation, basis, rectification
 * and deadline. Exit 0 even when hazards are found unless `--fail-on` is given; 1 for files
 * with errors, packs that do not load, or a hazard at or above `--fail-on`; 2 on a usage
 * error or an internal failure.
 *
 * @example
 * ```sh
 * anjian classify --packs checklists examples/inspections/*.yaml --fail-on major
 * ```
 */
export const classifyCommand: Command = {
  name: 'classify',
  summary: { 'zh-CN': '按检查表对检查记录分类，输出隐患、依据与整改期限', en: 'Classify inspections against a pack: hazards, basis, rectification, deadlines' },
  usage: 'anjian classify (--pack <dir> | --packs <folder>) <inspection.yaml|json…> [options]',
  details: {
    'zh-CN':
      '检查记录是 YAML 或 JSON 文件：pack、premises、inspectedAt、subject、findings。--packs 时按记录中的 pack 编号在文件夹下查找检查表。\n退出码：0 完成（即使发现隐患）；1 记录有错误、检查表无法加载，或发现达到 --fail-on 等级的隐患；2 用法错误或内部故障。',
    en: "An inspection is a YAML or JSON file: pack, premises, inspectedAt, subject, findings. With --packs, the pack whose id is the inspection's pack is looked up under the folder.\nExit codes: 0 done (even with hazards); 1 inspection errors, a pack that does not load, or a hazard at or above --fail-on; 2 usage error or internal failure.",
  },
  positionals: true,
  options: {
    pack: { type: 'string', valueName: 'DIR', description: { 'zh-CN': '检查表文件夹', en: 'the pack folder' } },
    packs: { type: 'string', valueName: 'FOLDER', description: { 'zh-CN': '含多个检查表的文件夹，按记录的 pack 编号选用', en: "a folder of packs; the inspection's pack id picks one" } },
    overlay: {
      type: 'string',
      valueName: 'FILE',
      description: { 'zh-CN': '地方覆盖文件（overlay.yaml），只能收紧所覆盖的检查表', en: 'a local overlay file (overlay.yaml); it may only tighten the pack it extends' },
    },
    format: {
      type: 'string',
      short: 'f',
      choices: ['pretty', 'json'],
      valueName: 'FORMAT',
      description: { 'zh-CN': '输出格式（默认 pretty）；json 只向 stdout 输出文档本身', en: 'output format (default pretty); json prints only its document on stdout' },
    },
    lang: {
      type: 'string',
      choices: LANGS,
      valueName: 'LANG',
      description: { 'zh-CN': '输出语言（默认取自 LANG 环境变量）', en: 'output language (default from the LANG environment variable)' },
    },
    'fail-on': {
      type: 'string',
      choices: ['major', 'general', 'simple'],
      valueName: 'LEVEL',
      description: { 'zh-CN': '发现该等级或更严重的隐患时以 1 退出', en: 'exit 1 when a hazard at or above this level is found' },
    },
  },
  async run({ values, positionals }, { io, lang, version }) {
    const pack = typeof values.pack === 'string' ? values.pack : undefined;
    const packs = typeof values.packs === 'string' ? values.packs : undefined;
    if ((pack === undefined) === (packs === undefined)) {
      throw new UsageError({ 'zh-CN': '请给出 --pack <文件夹> 或 --packs <文件夹>（二选一）', en: 'give either --pack <dir> or --packs <folder>' }, 'classify');
    }
    if (positionals.length === 0) throw new UsageError({ 'zh-CN': '缺少检查记录文件', en: 'missing inspection file' }, 'classify');
    const format = values.format === 'json' ? 'json' : 'pretty';
    const failOn = typeof values['fail-on'] === 'string' && (HAZARD_LEVELS as readonly string[]).includes(values['fail-on']) ? (values['fail-on'] as HazardLevel) : undefined;

    const overlay = typeof values.overlay === 'string' ? values.overlay : undefined;
    const report = await classifyInspections(positionals, { cwd: io.cwd, ...(pack !== undefined ? { pack } : { packs: packs! }), ...(overlay !== undefined ? { overlay } : {}) });
    const lines = sourceLines(io.cwd);
    const paint = painter(io.colors === true && format === 'pretty');
    if (format === 'json') {
      const documents = report.entries.map((e) => classificationDocument(e, version));
      if (report.packIssues.length > 0) {
        // A pack that does not load leaves nothing to classify: the document is its issues.
        io.stdout.write(JSON.stringify({ tool: 'anjian', version, inspection: null, issues: report.packIssues, classification: null }, null, 2) + '\n');
      } else {
        io.stdout.write(JSON.stringify(documents.length === 1 ? documents[0] : documents, null, 2) + '\n');
      }
    } else {
      const blocks = report.packIssues.map((issue) => issueBlock(issue, lang, paint, lines));
      for (const entry of report.entries) blocks.push(classificationPretty(entry, lang, paint, lines));
      io.stdout.write(blocks.join('\n\n') + '\n');
    }
    if (report.packIssues.some((i) => i.code === 'INTERNAL_ERROR')) return 2;
    if (report.packIssues.length > 0) return 1;
    if (report.entries.some((e) => e.issues.some((i) => i.severity === 'error'))) return 1;
    if (failOn !== undefined) {
      const at = LEVEL_RANK[failOn];
      if (report.entries.some((e) => e.classification?.hazards.some((h) => LEVEL_RANK[h.level] >= at))) return 1;
    }
    return 0;
  },
};
