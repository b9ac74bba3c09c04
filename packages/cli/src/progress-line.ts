import type { Lang } from '@anjian/core';
import type { CliIo } from './cli-io.js';

/** Work on at least this many packs gets a progress line. */
const PROGRESS_FROM = 2;

/** A progress line on stderr: `update` rewrites it, `end` clears it. */
export interface ProgressLine {
  update(done: number, total: number, path: string): void;
  end(): void;
}

/**
 * A one-line progress display (`checking 3/12 checklists/gas`) on stderr — only when stderr is
 * a terminal and the output format is `pretty`, never in machine formats (json, sarif, github,
 * junit) or in a pipe or CI log; nothing for a single pack.
 *
 * @example
 * ```ts
 * const progress = progressLine(io, lang, format === 'pretty', { 'zh-CN': '正在测试', en: 'testing' });
 * progress.update(0, 5, 'checklists/gas');
 * progress.end();
 * ```
 */
export function progressLine(io: CliIo, lang: Lang, pretty: boolean, verb: { 'zh-CN': string; en: string }): ProgressLine {
  const on = io.isTTY && pretty;
  let shown = false;
  return {
    update(done, total, path) {
      if (!on || total < PROGRESS_FROM) return;
      const text = lang === 'en' ? `${verb.en} ${done + 1}/${total} ${path}` : `${verb['zh-CN']} ${done + 1}/${total} ${path}`;
      io.stderr.write(`\r\u001b[K${text.slice(0, 200)}`);
      shown = true;
    },
    end() {
      if (shown) io.stderr.write('\r\u001b[K');
      shown = false;
    },
  };
}
