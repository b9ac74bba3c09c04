import type { Pack } from '@anjian/core';
import { issueBlock, painter } from './format/issue-block.js';
import type { CliIo } from './cli-io.js';
import type { Lang } from '@anjian/core';
import { loadPackSet } from './load-pack-set.js';
import { sourceLines } from './source-lines.js';
import { UsageError } from './usage-error.js';

/**
 * Load the one pack a command works on (`anjian facts <pack>`, `anjian new inspection <pack>`,
 * `anjian schema --inspection <pack>`); a pack that does not load prints its located errors.
 *
 * @returns the pack, or `undefined` after printing the errors (the command exits 1).
 * @throws {UsageError} when the path is missing, holds no pack or several, or `premises` is not a kind of the pack.
 */
export async function loadOnePack(given: string | undefined, premises: string | undefined, io: CliIo, lang: Lang, command: string): Promise<Pack | undefined> {
  if (given === undefined) throw new UsageError({ 'zh-CN': '缺少检查表文件夹', en: 'missing pack folder' }, command);
  const set = await loadPackSet(given, io.cwd, command);
  if (set.packs.length + (set.issues.length > 0 ? 1 : 0) > 1) {
    throw new UsageError({ 'zh-CN': `${given} 下有多个检查表；请给出其中一个的文件夹`, en: `${given} holds several packs; give the folder of one` }, command);
  }
  if (set.issues.length > 0) {
    const lines = sourceLines(io.cwd);
    io.stdout.write(set.issues.map((issue) => issueBlock(issue, lang, painter(false), lines)).join('\n\n') + '\n');
    return undefined;
  }
  const pack = set.packs[0]!;
  if (premises !== undefined && !pack.premises.some((p) => p.id === premises)) {
    throw new UsageError(
      {
        'zh-CN': `检查表 ${pack.id} 没有场所类型“${premises}”（可选：${pack.premises.map((p) => p.id).join('、')}）`,
        en: `pack ${pack.id} has no premises kind "${premises}" (one of: ${pack.premises.map((p) => p.id).join(', ')})`,
      },
      command,
    );
  }
  return pack;
}
