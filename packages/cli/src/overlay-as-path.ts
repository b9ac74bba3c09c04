import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalizedText } from '@anjian/core';
import { readHead } from './part-of-pack.js';
import { UsageError } from './usage-error.js';
import { displayPath } from './validate-packs.js';

/** The top-level `format:` line of an overlay (`format: anjian/overlay@1`), its value captured. */
const OVERLAY_FORMAT = /^format[ \t]*:[ \t]*(['"]?anjian\/overlay@[^\s'"#]*)/m;
/** The top-level `extends:` line: the id of the pack the overlay tightens. */
const EXTENDS = /^extends[ \t]*:[ \t]*['"]?([^\s'"#]+)/m;
const SKIP = new Set(['node_modules', '.git', 'dist', 'coverage']);

/** An overlay file found where a pack was expected. */
interface OverlayFound {
  /** As shown (relative to the working directory). */
  file: string;
  /** The pack id it extends, when the file says. */
  extends: string | undefined;
  /** 1-based line and column of the value of its `format:` line. */
  line: number;
  column: number;
}

function overlayAt(absolute: string, cwd: string): OverlayFound | undefined {
  if (!/\.ya?ml$/i.test(absolute)) return undefined;
  let head: string;
  try {
    if (!statSync(absolute).isFile()) return undefined;
    head = readHead(absolute);
  } catch {
    return undefined;
  }
  const format = OVERLAY_FORMAT.exec(head);
  if (!format) return undefined;
  const before = head.slice(0, format.index);
  const line = before.split('\n').length;
  const column = format[0].length - format[1]!.length + 1;
  return { file: displayPath(cwd, absolute), extends: EXTENDS.exec(head)?.[1], line, column };
}

/** What to run instead: the pack (the other paths given, else the folder of the pack it extends) and the overlay with `--overlay`. */
function whatToRun(overlay: OverlayFound, command: 'validate' | 'test', others: readonly string[]): LocalizedText & { en: string } {
  const id = overlay.extends ?? '?';
  const packs = { zh: others.length > 0 ? others.join(' ') : `<检查表 ${id} 的文件夹>`, en: others.length > 0 ? others.join(' ') : `<folder of the pack ${id}>` };
  return {
    'zh-CN': `${overlay.file} 是地方覆盖文件（format: anjian/overlay@1），不是检查表；请把它所覆盖的检查表（${id}）作为路径，覆盖文件用 --overlay 给出：anjian ${command} ${packs.zh} --overlay ${overlay.file}`,
    en: `${overlay.file} is a local overlay (format: anjian/overlay@1), not a pack; give the pack it extends (${id}) as the path and the overlay with --overlay: anjian ${command} ${packs.en} --overlay ${overlay.file}`,
  };
}

/**
 * Refuse an overlay file given as a path where a pack goes (`anjian test city/overlay.yaml`):
 * read as a pack it failed with five schema errors and no word of `--overlay`. The usage error
 * is located at the file's `format:` value and says what to run — the other paths given (or
 * the folder of the pack it extends) with `--overlay <the file>`.
 *
 * @throws {UsageError} for an overlay file.
 */
export function refuseOverlayPath(absolute: string, cwd: string, command: 'validate' | 'test', others: readonly string[]): void {
  const overlay = overlayAt(absolute, cwd);
  if (!overlay) return;
  const text = whatToRun(overlay, command, others);
  const at = `${overlay.file}:${overlay.line}:${overlay.column}`;
  throw new UsageError({ 'zh-CN': `${at}：${text['zh-CN']}`, en: `${at}: ${text.en}` }, command);
}

/**
 * When no pack is found under folders that hold an overlay (`anjian test city/`): the usage
 * error that says so and what to run; `undefined` when the folders hold no overlay (searched
 * two levels down, like a city's `overlays/<name>/overlay.yaml`).
 */
export function overlayInsteadOfPack(folders: readonly string[], cwd: string, command: 'validate' | 'test', shown: string): UsageError | undefined {
  for (const folder of folders) {
    const overlay = findOverlay(folder, cwd, 2);
    if (!overlay) continue;
    const text = whatToRun(overlay, command, []);
    return new UsageError({ 'zh-CN': `在 ${shown} 下没有找到检查表（含 pack.yaml 的文件夹）：${text['zh-CN']}`, en: `no pack (a folder with pack.yaml) found under ${shown}: ${text.en}` }, command);
  }
  return undefined;
}

function findOverlay(dir: string, cwd: string, depth: number): OverlayFound | undefined {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return undefined;
  }
  for (const e of entries) {
    const found = e.isFile() ? overlayAt(join(dir, e.name), cwd) : undefined;
    if (found) return found;
  }
  if (depth === 0) return undefined;
  for (const e of entries) {
    if (!e.isDirectory() || SKIP.has(e.name) || e.name.startsWith('.')) continue;
    const found = findOverlay(join(dir, e.name), cwd, depth - 1);
    if (found) return found;
  }
  return undefined;
}
