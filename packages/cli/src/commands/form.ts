import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { LANGS } from '../lang.js';
import { loadOnePack } from '../load-one-pack.js';
import { reviewForm } from '../review/review-form.js';
import { reviewFormHtml, reviewFormMarkdown } from '../review/review-form-text.js';
import { UsageError } from '../usage-error.js';

/**
 * `anjian form <pack> --premises X [--format md|html] [--output file]`: the form a premises
 * kind gets — sections, questions in order, how each is answered, hints, required ones, and
 * the condition under which a conditional question is asked — for review by people who do
 * not read YAML. What is asked comes from core's form model (the one the portal and the
 * server use). Exit 0; 1 when the pack does not load; 2 on a usage error.
 *
 * @example
 * ```sh
 * anjian form checklists/gas --premises restaurant --format html --output gas-restaurant.html
 * ```
 */
export const formCommand: Command = {
  name: 'form',
  summary: { 'zh-CN': '按场所类型输出检查表的表单（Markdown 或 HTML），供非程序人员审阅', en: 'Render the form a premises kind gets (Markdown or HTML) for review' },
  usage: 'anjian form <pack folder> --premises <kind> [--format md|html] [--output <file>] [--lang zh-CN|en]',
  details: {
    'zh-CN': '按分组列出该类场所要回答的问题：标签、作答方式（是/否、选项、数值与单位和范围……）、提示、是否必答；只在满足条件时才询问的问题写出条件。已有的输出文件会被覆盖。',
    en: 'Lists, by section, the questions asked of that premises kind: label, how it is answered (yes/no, options, a number with unit and range…), hint, whether required; a question asked only under a condition shows the condition. An existing output file is overwritten.',
  },
  positionals: true,
  options: {
    premises: { type: 'string', valueName: 'KIND', description: { 'zh-CN': '场所类型编号（必填）', en: 'premises kind id (required)' } },
    format: { type: 'string', short: 'f', choices: ['md', 'html'], valueName: 'FORMAT', description: { 'zh-CN': '输出格式（默认 md）', en: 'output format (default md)' } },
    output: { type: 'string', short: 'o', valueName: 'FILE', description: { 'zh-CN': '写入文件（默认输出到 stdout）', en: 'write to a file (default: stdout)' } },
    lang: { type: 'string', choices: LANGS, valueName: 'LANG', description: { 'zh-CN': '表单语言', en: 'language of the form' } },
  },
  async run({ values, positionals }, { io, lang }) {
    if (positionals.length > 1) throw new UsageError({ 'zh-CN': `多余的参数：${positionals[1]}`, en: `unexpected argument: ${positionals[1]}` }, 'form');
    const premises = typeof values.premises === 'string' ? values.premises : undefined;
    if (premises === undefined) throw new UsageError({ 'zh-CN': '请用 --premises 给出场所类型', en: 'give the premises kind with --premises' }, 'form');
    const pack = await loadOnePack(positionals[0], premises, io, lang, 'form');
    if (!pack) return 1;
    const form = reviewForm(pack, premises, lang);
    const text = values.format === 'html' ? reviewFormHtml(form, lang) : reviewFormMarkdown(form, lang);
    const output = typeof values.output === 'string' ? values.output : undefined;
    if (output === undefined) {
      io.stdout.write(text);
      return 0;
    }
    try {
      writeFileSync(resolve(io.cwd, output), text);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new UsageError({ 'zh-CN': `无法写入 ${output}：${why}`, en: `cannot write ${output}: ${why}` }, 'form');
    }
    return 0;
  },
};
