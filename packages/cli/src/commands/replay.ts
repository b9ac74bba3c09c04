import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Inspection, Issue } from '@anjian/core';
import { renderReplayMarkdown, replayInspections, type ReplayInput } from '@anjian/core/internal';
import type { Command } from '../command.js';
import { issueBlock, painter } from '../format/issue-block.js';
import { loadPackSet } from '../load-pack-set.js';
import { readYamlFile } from '../read-yaml-file.js';
import { sourceLines } from '../source-lines.js';
import { UsageError } from '../usage-error.js';
import { displayPath } from '../validate-packs.js';

/**
 * `anjian replay --from <old packs> --to <new packs> <inspection…>`: classify the same
 * inspections under two versions of the packs (core's `replayInspections`) and print, per
 * hazard, what the new version changes: new, gone, level up or down, provisional flag,
 * citations. Exit 0 when the replay ran (with or without changes); 1 when a pack does not
 * load or an inspection file cannot be read; 2 on a usage error.
 *
 * @example
 * ```sh
 * git worktree add /tmp/old v0.1.0 && anjian replay --from /tmp/old/checklists --to checklists examples/inspections/*.yaml
 * ```
 */
export const replayCommand: Command = {
  name: 'replay',
  summary: { 'zh-CN': '发布前回放：同一批检查记录在新旧检查表下的判定差异', en: 'Replay before publishing: what a new pack version changes for the same inspections' },
  usage: 'anjian replay --from <old pack folder> --to <new pack folder> <inspection.yaml|json…> [--format pretty|json]',
  details: {
    'zh-CN':
      '--from 和 --to 各是一个检查表文件夹或含多个检查表的文件夹（按检查记录的 pack 编号选用）。旧版本可以用 git worktree 或 git archive 取出。\n逐项列出：新增、不再判定、等级升高/降低、疑似标记变化、依据变化。\n退出码：0 回放完成（不论有无变化）；1 检查表无法加载或检查记录无法读取；2 用法错误。',
    en: "--from and --to are each a pack folder or a folder of packs (the inspection's pack id picks one). Check an old version out with git worktree or git archive.\nLists, per hazard: new, gone, level up/down, provisional flag, citations.\nExit codes: 0 replay done (with or without changes); 1 a pack does not load or an inspection cannot be read; 2 usage error.",
  },
  positionals: true,
  options: {
    from: { type: 'string', valueName: 'DIR', description: { 'zh-CN': '旧版本的检查表（文件夹）', en: 'the old packs (a folder)' } },
    to: { type: 'string', valueName: 'DIR', description: { 'zh-CN': '新版本的检查表（文件夹）', en: 'the new packs (a folder)' } },
    format: {
      type: 'string',
      short: 'f',
      choices: ['pretty', 'json'],
      valueName: 'FORMAT',
      description: { 'zh-CN': '输出格式：pretty（Markdown，默认）或 json', en: 'output format: pretty (Markdown, default) or json' },
    },
  },
  async run({ values, positionals }, { io, lang }) {
    const from = typeof values.from === 'string' ? values.from : undefined;
    const to = typeof values.to === 'string' ? values.to : undefined;
    if (from === undefined || to === undefined) throw new UsageError({ 'zh-CN': '请给出 --from <旧版本> 和 --to <新版本>', en: 'give both --from <old packs> and --to <new packs>' }, 'replay');
    if (positionals.length === 0) throw new UsageError({ 'zh-CN': '缺少检查记录文件', en: 'missing inspection file' }, 'replay');
    for (const file of positionals) {
      if (!existsSync(resolve(io.cwd, file))) throw new UsageError({ 'zh-CN': `路径不存在：${file}`, en: `no such file or folder: ${file}` }, 'replay');
    }
    const old = await loadPackSet(from, io.cwd, 'replay');
    const now = await loadPackSet(to, io.cwd, 'replay');
    const problems: Issue[] = [...old.issues, ...now.issues];
    const inputs: ReplayInput[] = [];
    for (const given of positionals) {
      const file = displayPath(io.cwd, given);
      const parsed = readYamlFile(resolve(io.cwd, given), file);
      if (!parsed.ok) problems.push(...parsed.issues);
      else inputs.push({ name: file, inspection: parsed.value as Inspection });
    }
    const report = replayInspections(old.packs, now.packs, inputs);
    if (values.format === 'json') io.stdout.write(JSON.stringify({ ...report, problems }, null, 2) + '\n');
    else {
      const lines = sourceLines(io.cwd);
      const paint = painter(false);
      const blocks = problems.map((issue) => issueBlock(issue, lang, paint, lines));
      io.stdout.write([...blocks, renderReplayMarkdown(report)].join('\n\n'));
    }
    return problems.length > 0 ? 1 : 0;
  },
};
