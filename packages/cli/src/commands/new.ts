import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inspectionTemplate } from '@anjian/core/internal';
import type { Command } from '../command.js';
import { loadOnePack } from '../load-one-pack.js';
import { UsageError } from '../usage-error.js';

/**
 * `anjian new inspection <pack> --premises X [--output file]`: a fillable inspection file for a
 * pack and premises kind (core's `inspectionTemplate`): every question asked for that kind as
 * `fact: null` with its label, type, unit and options in a comment, conditional questions
 * commented out with their condition. Exit 0; 1 when the pack does not load; 2 on a usage error.
 *
 * @example
 * ```sh
 * anjian new inspection checklists/gas --premises restaurant --output inspection.yaml
 * ```
 */
export const newCommand: Command = {
  name: 'new',
  summary: { 'zh-CN': '生成可填写的检查记录模板', en: 'Write a fillable inspection template' },
  usage: 'anjian new inspection <pack folder> --premises <kind> [--output <file>] [--inspected-at <ISO time>]',
  details: {
    'zh-CN': '模板按场所类型列出要回答的问题（值为 null），附标签、类型、单位和选项；只在满足条件时才询问的问题以注释列出。不会覆盖已有文件。',
    en: 'The template lists the questions asked for the premises kind (value null) with label, type, unit and options; questions asked only when a condition holds are listed as comments. An existing file is never overwritten.',
  },
  positionals: true,
  options: {
    premises: { type: 'string', valueName: 'KIND', description: { 'zh-CN': '场所类型编号（必填）', en: 'premises kind id (required)' } },
    output: { type: 'string', short: 'o', valueName: 'FILE', description: { 'zh-CN': '写入文件（默认输出到 stdout）', en: 'write to a file (default: stdout)' } },
    'inspected-at': { type: 'string', valueName: 'TIME', description: { 'zh-CN': '检查时间（带时区的 ISO 时间）', en: 'inspection time (ISO with offset)' } },
  },
  async run({ values, positionals }, { io, lang }) {
    if (positionals[0] !== 'inspection') {
      throw new UsageError({ 'zh-CN': '用法：anjian new inspection <检查表文件夹> --premises <场所类型>', en: 'usage: anjian new inspection <pack folder> --premises <kind>' }, 'new');
    }
    const premises = typeof values.premises === 'string' ? values.premises : undefined;
    if (premises === undefined) throw new UsageError({ 'zh-CN': '请用 --premises 给出场所类型', en: 'give the premises kind with --premises' }, 'new');
    const pack = await loadOnePack(positionals[1], premises, io, lang, 'new');
    if (!pack) return 1;
    const at = typeof values['inspected-at'] === 'string' ? values['inspected-at'] : undefined;
    const text = inspectionTemplate(pack, premises, at !== undefined ? { inspectedAt: at } : {});
    const output = typeof values.output === 'string' ? values.output : undefined;
    if (output === undefined) {
      io.stdout.write(text);
      return 0;
    }
    const target = resolve(io.cwd, output);
    if (existsSync(target)) throw new UsageError({ 'zh-CN': `文件已存在，不覆盖：${output}`, en: `the file exists and is not overwritten: ${output}` }, 'new');
    writeFileSync(target, text, { flag: 'wx' });
    io.stderr.write(`${lang === 'en' ? 'wrote' : '已写入'} ${output}\n`);
    return 0;
  },
};
