import type { Issue, Pack } from '@anjian/core';
import { findPackDirs, loadPackFromPath, PackPathError } from '@anjian/core/node';
import { resolvePackPath } from './resolve-pack-path.js';
import { UsageError } from './usage-error.js';
import { displayPath } from './validate-packs.js';

/** Packs found under one folder, and the errors of those that did not load. */
export interface PackSet {
  packs: Pack[];
  /** Errors of packs that did not load (located, paths relative to the working directory). */
  issues: Issue[];
}

/**
 * Load every pack under `root` (a pack folder or a folder of packs) with the safe loader.
 *
 * @throws {UsageError} when `root` does not exist or holds no pack.
 */
export async function loadPackSet(root: string, cwd: string, command: string): Promise<PackSet> {
  let dirs: string[];
  try {
    dirs = await findPackDirs([resolvePackPath(root, cwd)]);
  } catch (error) {
    if (!PackPathError.is(error)) throw error;
    throw new UsageError({ 'zh-CN': `路径不存在：${root}`, en: `no such file or folder: ${root}` }, command);
  }
  if (dirs.length === 0) throw new UsageError({ 'zh-CN': `在 ${root} 下没有找到检查表（含 pack.yaml 的文件夹）`, en: `no pack (a folder with pack.yaml) found under ${root}` }, command);
  const packs: Pack[] = [];
  const issues: Issue[] = [];
  for (const dir of dirs) {
    const loaded = await loadPackFromPath(dir);
    if (loaded.ok) packs.push(loaded.pack);
    else issues.push(...loaded.issues.filter((i) => i.severity === 'error').map((i) => ({ ...i, ...(i.file !== undefined ? { file: displayPath(cwd, i.file) } : {}) })));
  }
  return { packs, issues };
}
