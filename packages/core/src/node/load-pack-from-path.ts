import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { loadPack, type LoadPackOptions, type LoadResult } from '../pack/load-pack.js';

/**
 * Load a pack from the file system: a folder holding `pack.yaml`, or the path of a pack's
 * entry file. Issues carry file paths as the caller gave them (relative to the working
 * directory when the argument was relative), e.g. `checklists/gas/sections/a.yaml`.
 *
 * Files are read only inside the pack folder (symbolic links that lead outside are
 * refused), and a file over `maxFileSize` is never read.
 *
 * @example
 * ```ts
 * import { loadPackFromPath } from '@anjian/core/node';
 * const result = await loadPackFromPath('checklists/gas');
 * if (!result.ok) process.exitCode = 1;
 * ```
 */
export async function loadPackFromPath(path: string, options: LoadPackOptions = {}): Promise<LoadResult> {
  let dir = path;
  let entry = 'pack.yaml';
  try {
    if (!statSync(path).isDirectory()) {
      dir = dirname(path);
      entry = basename(path);
    }
  } catch {
    // Missing path: let the loader report FILE_NOT_FOUND for the entry.
  }
  const root = safeRealpath(dir);
  const full = (p: string) => resolve(dir, ...p.split('/'));
  const inside = (file: string) => {
    const real = safeRealpath(file);
    if (root === undefined || real === undefined) return false;
    return real === root || real.startsWith(root + sep);
  };
  const display = (p: string) => join(dir, ...p.split('/'));
  return loadPack(
    {
      entry,
      size(p) {
        try {
          const stat = statSync(full(p));
          return stat.isFile() ? stat.size : undefined;
        } catch {
          return undefined;
        }
      },
      read(p) {
        const file = full(p);
        let stat;
        try {
          stat = statSync(file);
        } catch {
          return undefined;
        }
        if (!stat.isFile()) return undefined;
        if (!inside(file)) throw new Error(`${relative(dir, file)} leads outside the pack folder`);
        return readCapped(file, (options.maxFileSize ?? 1_000_000) + 1);
      },
    },
    { ...options, displayPath: options.displayPath ?? display },
  );
}

function safeRealpath(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

/** Read at most `limit` bytes (size is checked first; this guards files that grow meanwhile). */
function readCapped(file: string, limit: number): string {
  const fd = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    const buffer = Buffer.alloc(64 * 1024);
    while (total < limit) {
      const n = readSync(fd, buffer, 0, Math.min(buffer.length, limit - total), null);
      if (n === 0) break;
      chunks.push(Buffer.from(buffer.subarray(0, n)));
      total += n;
    }
    const text = Buffer.concat(chunks).toString('utf8');
    // Over the cap: make sure the loader sees an oversized text even after UTF-8 decoding.
    return total >= limit ? text.padEnd(limit, ' ') : text;
  } finally {
    closeSync(fd);
  }
}
