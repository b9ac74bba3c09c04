import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './usage-error.js';
import { displayPath } from './validate-packs.js';

/** A top-level `format:` line: what marks a pack's entry file (`format: anjian/pack@1`) among YAML files. */
const FORMAT_LINE = /^format\s*:/m;
/**
 * A top-level key only a pack has (`sections:`, `include:`, `composites:`, `domain:`): a YAML
 * file with one is a pack even without its `format:` line — not the shared tables, scenario
 * files, baselines or overlays beside packs (`cases:`, `documents:`, `scenarios:`, `extends:`).
 */
const PACK_KEY_LINE = /^(sections|include|composites|domain)\s*:/m;

/**
 * True when `absolute` is an existing file that the commands do not read as a pack: neither
 * `pack.yaml` nor a YAML file with a top-level `format:` line (a one-file pack under another
 * name) or a key only a pack has (`sections:`, `include:`, `composites:`, `domain:`).
 * `anjian validate checklists/*` hands over the files beside the pack folders — a README, a
 * shared table, a test in TypeScript —, which are left out with a note instead of being loaded
 * as packs and failing. A one-file pack that lacks its `format:` line is not left out (fail
 * closed: the command cannot tell a file the shell's glob swept up from one typed by name):
 * it is loaded, and the loader's error says to add the line. Folders, and paths that do not
 * exist, are not such files.
 */
export function isNotAPack(absolute: string): boolean {
  try {
    if (!statSync(absolute).isFile()) return false;
  } catch {
    return false;
  }
  if (basename(absolute) === 'pack.yaml') return false;
  if (!/\.ya?ml$/i.test(absolute)) return true;
  const head = readHead(absolute);
  return !FORMAT_LINE.test(head) && !PACK_KEY_LINE.test(head);
}

/**
 * Refuse a path that is one file of a pack — an included section file or a scenario file —
 * given where the pack's folder belongs (`anjian validate packs/gas/sections/alarm.yaml`):
 * read alone, it was reported as a pack lacking `format`, `id`, `title`… The usage error
 * names the pack's folder and the command to run. A YAML file with a `format:` line is an
 * entry file and passes; so does any path not inside a pack folder.
 *
 * @throws {UsageError} for a file of a pack.
 */
export function refusePartOfPack(absolute: string, cwd: string, command: 'validate' | 'test'): void {
  if (!/\.ya?ml$/i.test(absolute) || basename(absolute) === 'pack.yaml') return;
  try {
    if (!statSync(absolute).isFile()) return;
  } catch {
    return;
  }
  const head = readHead(absolute);
  if (FORMAT_LINE.test(head)) return;
  let dir = dirname(absolute);
  for (let up = 0; up < 5; up++, dir = dirname(dir)) {
    if (!existsSync(join(dir, 'pack.yaml'))) {
      if (dirname(dir) === dir) return;
      continue;
    }
    const file = displayPath(cwd, absolute);
    const pack = displayPath(cwd, dir);
    const scenario = /^scenarios\s*:/m.test(head) || basename(dirname(absolute)) === 'tests';
    throw new UsageError(
      scenario
        ? { 'zh-CN': `${file} 是检查表 ${pack} 的测试场景文件，请运行：anjian test ${pack}`, en: `${file} is a scenario file of the pack ${pack}; run: anjian test ${pack}` }
        : {
            'zh-CN': `${file} 是检查表 ${pack} 的一部分（被 include 的文件，没有 format 行），不能单独检查；请给出检查表文件夹：anjian ${command} ${pack}`,
            en: `${file} is part of the pack ${pack} (an included file, without a format line) and cannot be checked alone; give the pack's folder: anjian ${command} ${pack}`,
          },
      command,
    );
  }
}

/** The first 64 KiB of a file, as text. */
export function readHead(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(65536);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
