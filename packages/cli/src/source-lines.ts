import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/** Files larger than this get no code frame (the readers refuse them anyway). */
const MAX_FRAME_SOURCE = 2_000_000;

/**
 * A cached reader of source lines for code frames: `file` is relative to `cwd` (as issues
 * show it). Unreadable or oversized files give `undefined`; a final newline does not start
 * another line.
 *
 * @example
 * ```ts
 * const lines = sourceLines(process.cwd());
 * codeFrame(lines('tests/basic.yaml') ?? [], 3, 5);
 * ```
 */
export function sourceLines(cwd: string): (file: string) => readonly string[] | undefined {
  const cache = new Map<string, string[] | undefined>();
  return (file) => {
    if (!cache.has(file)) cache.set(file, read(resolve(cwd, file)));
    return cache.get(file);
  };
}

function read(path: string): string[] | undefined {
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > MAX_FRAME_SOURCE) return undefined;
    const lines = readFileSync(path, 'utf8').split(/\r\n|\r|\n/);
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    return lines;
  } catch {
    return undefined;
  }
}
