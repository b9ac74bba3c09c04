import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const PACK_ENTRY = 'pack.yaml';
const SKIP = new Set(['node_modules', '.git', 'dist', 'coverage']);

const BRAND = Symbol.for('anjian.PackPathError');

/** Thrown by {@link findPackDirs} when a given path does not exist (code `PATH_NOT_FOUND`). */
export class PackPathError extends Error {
  /** Always `PATH_NOT_FOUND`. */
  readonly code = 'PATH_NOT_FOUND' as const;
  /** The path that was not found. */
  readonly path: string;
  /** Brand shared across copies of the package. */
  readonly [BRAND] = true;

  constructor(path: string) {
    super(`no such file or folder: ${path}`);
    this.name = 'PackPathError';
    this.path = path;
  }

  /** True for any `PackPathError`. */
  static is(value: unknown): value is PackPathError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}

/**
 * Find the packs under some paths. A folder that holds `pack.yaml` is a pack (its
 * subfolders are its own files and are not searched); other folders are searched
 * recursively, skipping `node_modules`, `.git`, `dist`, `coverage` and hidden folders and
 * not following symbolic links. A file path is a pack's entry file: `…/pack.yaml` gives
 * its folder, any other file is returned as given. The result is sorted and has no
 * duplicates.
 *
 * @throws {PackPathError} when a path does not exist.
 * @example
 * ```ts
 * for (const dir of await findPackDirs(['checklists'])) console.log(dir); // checklists/gas …
 * ```
 */
export async function findPackDirs(paths: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const start of paths) {
    let stat;
    try {
      stat = statSync(start);
    } catch {
      throw new PackPathError(start);
    }
    if (!stat.isDirectory()) {
      found.add(basename(start) === PACK_ENTRY ? dirname(start) : start);
      continue;
    }
    const queue = [start];
    while (queue.length > 0) {
      const dir = queue.shift()!;
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      if (entries.some((e) => e.isFile() && e.name === PACK_ENTRY)) {
        found.add(dir);
        continue;
      }
      for (const e of entries) {
        if (e.isDirectory() && !SKIP.has(e.name) && !e.name.startsWith('.')) queue.push(join(dir, e.name));
      }
    }
  }
  return [...found].sort();
}
