import { findPackDirs, PackPathError } from '@anjian/core/node';
import { misnamedPacks, type MisnamedPack } from './find-misnamed-packs.js';
import { overlayInsteadOfPack, refuseOverlayPath } from './overlay-as-path.js';
import { isNotAPack, refusePartOfPack } from './part-of-pack.js';
import { resolvePackPath } from './resolve-pack-path.js';
import { UsageError } from './usage-error.js';
import { displayPath } from './validate-packs.js';

/** One pack folder the command goes through, in the order it does. */
export interface PackFolder {
  /** The folder (or entry file), absolute. */
  dir: string;
  /** The same, relative to the working directory, POSIX separators (what reports show). */
  path: string;
  /** Set when the folder holds its entry file under another name (`pack.yml`…): the command reports it, it loads nothing. */
  misnamed?: MisnamedPack;
}

/**
 * The pack folders `anjian validate` and `anjian test` go through: the packs under `paths`
 * (`findPackDirs`) and, with `misnamed`, the folders whose entry file has another name
 * (`pack.yml`, `Pack.yaml`…), which the command reports as failed rather than leaving them
 * out — sorted, so both commands walk the same folders in the same order.
 *
 * A file that is not a pack (not `pack.yaml`, nor a YAML file with a `format:` line; a README,
 * a shared table, a `.test.ts` beside the pack folders, as `checklists/*` gives them) is left
 * out and passed to `onSkip` (its path as shown), so the command says so once per argument.
 *
 * A local overlay given as a path (`anjian test city/overlay.yaml`), or folders holding only
 * overlays, are usage errors that say to pass the pack and `--overlay <file>`.
 *
 * @throws {UsageError} when a path is part of a pack (an included file) or an overlay, does not exist, or no pack remains.
 */
export async function walkPackFolders(
  paths: readonly string[],
  options: { cwd: string; command: 'validate' | 'test'; misnamed: boolean; onSkip?: ((path: string) => void) | undefined },
): Promise<PackFolder[]> {
  const { cwd, command } = options;
  const absolute: string[] = [];
  for (const [index, path] of paths.map((p) => resolvePackPath(p, cwd)).entries()) {
    refuseOverlayPath(
      path,
      cwd,
      command,
      paths.filter((_, i) => i !== index),
    );
    refusePartOfPack(path, cwd, command);
    if (isNotAPack(path)) options.onSkip?.(displayPath(cwd, path));
    else absolute.push(path);
  }
  let dirs: string[];
  try {
    dirs = await findPackDirs(absolute);
  } catch (error) {
    if (PackPathError.is(error)) {
      const shown = displayPath(cwd, error.path);
      throw new UsageError({ 'zh-CN': `路径不存在：${shown}`, en: `no such file or folder: ${shown}` }, command);
    }
    throw error;
  }
  const misnamed = new Map(options.misnamed ? misnamedPacks(absolute, dirs).map((m) => [m.dir, m]) : []);
  if (dirs.length === 0 && misnamed.size === 0) {
    const shown = paths.join(' ');
    // a folder of overlays given where the pack goes: say what to run
    const overlay = overlayInsteadOfPack(absolute, cwd, command, shown);
    if (overlay) throw overlay;
    throw new UsageError({ 'zh-CN': `在 ${shown} 下没有找到检查表（含 pack.yaml 的文件夹）`, en: `no pack (a folder with pack.yaml) found under ${shown}` }, command);
  }
  return [...dirs, ...misnamed.keys()].sort().map((dir) => {
    const wrongName = misnamed.get(dir);
    return { dir, path: displayPath(cwd, dir), ...(wrongName ? { misnamed: wrongName } : {}) };
  });
}
