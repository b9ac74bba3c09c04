import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Issue } from '@anjian/core';
import { LOAD_PACK_DEFAULTS, parseYamlSafe, type SafeYamlResult } from '@anjian/core/internal';

/**
 * Read a YAML or JSON file (an inspection, a scenario file) with the pack loader's
 * protections: a file over the loader's size cap is never read in full, then
 * {@link parseYamlSafe} (depth pre-scan, no tags or merge keys, capped aliases, JSON-only
 * values). Never throws; problems come back as located issues whose `file` is `display`.
 *
 * @example
 * ```ts
 * const parsed = readYamlFile('/abs/tests/basic.yaml', 'tests/basic.yaml');
 * if (parsed.ok) parsed.locate('/scenarios/0'); // { line: 3, column: 5 }
 * ```
 */
export function readYamlFile(path: string, display: string): SafeYamlResult {
  const max = LOAD_PACK_DEFAULTS.maxFileSize;
  let text: string;
  try {
    if (statSync(path).size > max) {
      return {
        ok: false,
        issues: [fileIssue('FILE_TOO_LARGE', display, `文件超过上限 ${max} 字节，未读取。`, `the file is over the limit of ${max} bytes and was not read.`)],
      };
    }
    // Capped again: the file may grow between the stat and the read.
    text = readCapped(path, max + 1);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [fileIssue('FILE_NOT_FOUND', display, `无法读取文件：${why}`, `cannot read the file: ${why}`)] };
  }
  return parseYamlSafe(text, { file: display, maxFileSize: max });
}

/** Read at most `limit` bytes of a file (so a huge file costs only `limit`). */
function readCapped(path: string, limit: number): string {
  const length = Math.min(statSync(path).size, limit);
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    let done = 0;
    while (done < length) {
      const n = readSync(fd, buffer, done, length - done, done);
      if (n === 0) break;
      done += n;
    }
    return buffer.subarray(0, done).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function fileIssue(code: string, file: string, zh: string, en: string): Issue {
  return { code, severity: 'error', message: { 'zh-CN': `${file}：${zh}`, en: `${file}: ${en}` }, file, line: 1, column: 1 };
}
