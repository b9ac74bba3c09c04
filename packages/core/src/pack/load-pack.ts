import { checkPack } from './check-pack.js';
import { sizeText } from './value-hints.js';
import { createIssue } from './create-issue.js';
import { deepFreeze } from './deep-freeze.js';
import { locatePointer } from './locate-pointer.js';
import { mergePackFiles } from './merge-pack-files.js';
import { PackLoadError, PackSourceError } from './pack-load-error.js';
import { fullWidthQuoteIssues } from './fullwidth-quotes.js';
import { parseYamlFile, type ParsedFile } from './parse-yaml-file.js';
import { resolveIncludePath } from './resolve-include-path.js';
import type { Issue, Pack } from './types.js';
import { validatePackFile } from './validate-pack-file.js';

/**
 * Where the loader reads a pack from: an in-memory map of files (browsers, tests), or a
 * `read` callback (file systems, archives). Paths are POSIX paths relative to the pack root.
 */
export type PackSource =
  | {
      /** Entry file, default `pack.yaml`. */
      entry?: string;
      /** Relative POSIX path → YAML text. */
      files: Readonly<Record<string, string>>;
    }
  | {
      entry: string;
      /** Text of a file, or `undefined` when it does not exist. May throw; that becomes an issue. */
      read(path: string): string | undefined;
      /** Optional size in bytes, asked before `read` so oversized files are never read. */
      size?(path: string): number | undefined;
    };

/** Loader limits and presentation. All optional. */
export interface LoadPackOptions {
  /** Maximum size of one file in bytes (UTF-8). Default 1 000 000. */
  maxFileSize?: number;
  /** Maximum size of all files together. Default 16 000 000. */
  maxTotalSize?: number;
  /** Maximum number of files (entry plus includes). Default 200. */
  maxFiles?: number;
  /** Maximum YAML nesting depth (pre-scan). Default 64. */
  maxDepth?: number;
  /** Maximum number of YAML aliases per file. Default 16. */
  maxAliases?: number;
  /** How a pack path appears in issues' `file` (e.g. prefixed with the folder). Default: as is. */
  displayPath?: (path: string) => string;
}

/**
 * What {@link loadPack} returns: the pack and its warnings, or the issues that stop it.
 * A pack is returned only when no issue has severity `error`.
 */
export type LoadResult = { ok: true; pack: Pack; issues: Issue[] } | { ok: false; issues: Issue[] };

/** Defaults of {@link LoadPackOptions}. */
export const LOAD_PACK_DEFAULTS = Object.freeze({
  maxFileSize: 1_000_000,
  maxTotalSize: 16_000_000,
  maxFiles: 200,
  maxDepth: 64,
  maxAliases: 16,
});

interface Reader {
  entry: string;
  size(path: string): number | undefined;
  read(path: string): string | undefined;
}

function toReader(source: PackSource): Reader {
  if (typeof source !== 'object' || source === null) throw new PackSourceError('loadPack: source must be { files } or { entry, read }');
  if ('files' in source && typeof source.files === 'object' && source.files !== null) {
    const files = source.files;
    const entry = source.entry ?? 'pack.yaml';
    if (typeof entry !== 'string') throw new PackSourceError('loadPack: entry must be a string');
    const get = (p: string) => (Object.prototype.hasOwnProperty.call(files, p) ? files[p] : undefined);
    return { entry, read: get, size: () => undefined };
  }
  if ('read' in source && typeof source.read === 'function') {
    if (typeof source.entry !== 'string') throw new PackSourceError('loadPack: entry must be a string');
    const { size } = source;
    return { entry: source.entry, read: (p) => source.read(p), size: (p) => (typeof size === 'function' ? size.call(source, p) : undefined) };
  }
  throw new PackSourceError('loadPack: source must be { files } or { entry, read }');
}

/**
 * Load a checklist pack: parse every file safely, validate it against the JSON Schema,
 * merge the includes, apply defaults and check what the schema cannot (ids, references,
 * operators, thresholds, cycles, caps, basis, translations).
 *
 * Never throws for bad data: every problem is an {@link Issue} with file, line, column and
 * JSON pointer. Throws {@link PackSourceError} only when `source` is not a pack source.
 * The returned pack is deeply frozen plain JSON.
 *
 * @example
 * ```ts
 * const result = loadPack({ files: { 'pack.yaml': text, 'sections/a.yaml': more } });
 * if (result.ok) console.log(result.pack.facts.length, result.issues); // warnings
 * else for (const i of result.issues) console.log(`${i.file}:${i.line}:${i.column} ${i.code} ${i.message.en}`);
 * ```
 */
export function loadPack(source: PackSource, options: LoadPackOptions = {}): LoadResult {
  const reader = toReader(source);
  const display = options.displayPath ?? ((p: string) => p);
  let result: LoadResult;
  try {
    result = loadWith(reader, { ...LOAD_PACK_DEFAULTS, ...definedOnly(options) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result = {
      ok: false,
      issues: [
        createIssue(
          'INTERNAL_ERROR',
          { file: reader.entry, line: 1, column: 1 },
          {
            'zh-CN': `加载检查表时出现意外错误：${message.slice(0, 300)}`,
            en: `unexpected error while loading the pack: ${message.slice(0, 300)}`,
          },
        ),
      ],
    };
  }
  for (const issue of result.issues) if (issue.file !== undefined) issue.file = display(issue.file);
  return result;
}

/**
 * Like {@link loadPack}, but returns the pack directly and throws a {@link PackLoadError}
 * (code `PACK_INVALID`, with every issue) when the pack has errors.
 *
 * @example
 * ```ts
 * const pack = loadPackOrThrow({ files: { 'pack.yaml': text } });
 * ```
 */
export function loadPackOrThrow(source: PackSource, options: LoadPackOptions = {}): Pack {
  const result = loadPack(source, options);
  if (!result.ok) throw new PackLoadError(result.issues);
  return result.pack;
}

function definedOnly(options: LoadPackOptions): Partial<typeof LOAD_PACK_DEFAULTS> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(LOAD_PACK_DEFAULTS) as (keyof typeof LOAD_PACK_DEFAULTS)[]) {
    const v = options[key];
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) out[key] = v;
  }
  return out;
}

type Limits = typeof LOAD_PACK_DEFAULTS;

function loadWith(reader: Reader, limits: Limits): LoadResult {
  const issues: Issue[] = [];
  const parsedFiles: ParsedFile[] = [];
  /** Files parsed, with or without errors (the maxFiles cap). */
  let filesRead = 0;
  const seen = new Set<string>();
  let total = 0;
  // Depth-first, in include order; `chain` is the include path that led to the file.
  const stack: { path: string; chain: string[]; from?: { file: ParsedFile; pointer: string } }[] = [{ path: reader.entry, chain: [reader.entry] }];
  seen.add(reader.entry);

  while (stack.length > 0) {
    const { path, chain, from } = stack.pop()!;
    const fromAt = () => {
      if (!from) return { file: path, line: 1, column: 1 };
      const pos = locatePointer(from.file.doc, from.file.lineCounter, from.pointer);
      return { file: from.file.file, line: pos.line, column: pos.column, pointer: from.pointer };
    };
    if (filesRead >= limits.maxFiles) {
      issues.push(
        createIssue('INCLUDE_TOO_MANY', fromAt(), {
          'zh-CN': `检查表的文件超过 ${limits.maxFiles} 个，“${path}”未读取。`,
          en: `the pack has more than ${limits.maxFiles} files; "${path}" was not read.`,
        }),
      );
      break;
    }
    const size = safeCall(() => reader.size(path));
    if (typeof size === 'number' && size > limits.maxFileSize) {
      issues.push(
        createIssue(
          'FILE_TOO_LARGE',
          { file: path, line: 1, column: 1, pointer: '' },
          {
            'zh-CN': `${path}：文件大小为 ${sizeText(size)['zh-CN']}，超过上限 ${sizeText(limits.maxFileSize)['zh-CN']}。`,
            en: `${path}: the file is ${sizeText(size).en}, over the limit of ${sizeText(limits.maxFileSize).en}.`,
          },
        ),
      );
      continue;
    }
    let text: string | undefined;
    try {
      text = reader.read(path);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      issues.push(
        createIssue(from ? 'INCLUDE_NOT_FOUND' : 'FILE_NOT_FOUND', fromAt(), {
          'zh-CN': `无法读取“${path}”：${message.slice(0, 200)}`,
          en: `cannot read "${path}": ${message.slice(0, 200)}`,
        }),
      );
      continue;
    }
    if (typeof text !== 'string') {
      issues.push(
        from
          ? createIssue('INCLUDE_NOT_FOUND', fromAt(), {
              'zh-CN': `引入的文件“${path}”不存在。`,
              en: `the included file "${path}" does not exist.`,
            })
          : createIssue(
              'FILE_NOT_FOUND',
              { file: path, line: 1, column: 1 },
              {
                'zh-CN': `找不到检查表主文件“${path}”。`,
                en: `the pack's entry file "${path}" was not found.`,
              },
            ),
      );
      continue;
    }
    total += text.length;
    if (total > limits.maxTotalSize && text.length <= limits.maxFileSize) {
      issues.push(
        createIssue('PACK_TOO_LARGE', fromAt(), {
          'zh-CN': `检查表的文件总量超过 ${sizeText(limits.maxTotalSize)['zh-CN']}。`,
          en: `the pack's files together exceed ${sizeText(limits.maxTotalSize).en}.`,
        }),
      );
      break;
    }
    const outcome = parseYamlFile(path, text, limits);
    if (!outcome.ok) {
      issues.push(...outcome.issues);
      continue;
    }
    const parsed = outcome.parsed;
    filesRead++;
    const quoted = fullWidthQuoteIssues(parsed);
    // quotes first: the schema would report the same values again, less clearly
    const fileIssues = quoted.length > 0 ? quoted : validatePackFile(parsed, from ? 'fragment' : 'entry');
    issues.push(...fileIssues);
    if (fileIssues.length === 0) parsedFiles.push(parsed);

    // A file with errors is not merged, but its includes are still read and checked when its
    // include list is itself sound: one run shows the errors of pack.yaml and of its files.
    const includeList = (parsed.value as { include?: unknown } | null)?.include;
    if (fileIssues.length > 0 && (fileIssues.some((i) => i.pointer === '/include' || i.pointer?.startsWith('/include/')) || !isStringList(includeList))) continue;
    const includes = (includeList as string[] | undefined) ?? [];
    const next: typeof stack = [];
    includes.forEach((include, i) => {
      const pointer = `/include/${i}`;
      const pos = locatePointer(parsed.doc, parsed.lineCounter, pointer);
      const at = { file: path, line: pos.line, column: pos.column, pointer };
      const resolved = resolveIncludePath(path, include);
      if (!resolved.ok) {
        issues.push(
          createIssue('INCLUDE_OUTSIDE_PACK', at, {
            'zh-CN': `引入路径“${include}”不被允许：${resolved.reason['zh-CN']}。`,
            en: `the include path "${include}" is not allowed: ${resolved.reason.en}.`,
          }),
        );
        return;
      }
      if (chain.includes(resolved.path)) {
        issues.push(
          createIssue('INCLUDE_CYCLE', at, {
            'zh-CN': `文件循环引入：${[...chain, resolved.path].join(' → ')}。`,
            en: `files include each other in a cycle: ${[...chain, resolved.path].join(' → ')}.`,
          }),
        );
        return;
      }
      if (seen.has(resolved.path)) {
        issues.push(
          createIssue('INCLUDE_DUPLICATE', at, {
            'zh-CN': `文件“${resolved.path}”已被引入过一次。`,
            en: `the file "${resolved.path}" is already included.`,
          }),
        );
        return;
      }
      seen.add(resolved.path);
      next.push({ path: resolved.path, chain: [...chain, resolved.path], from: { file: parsed, pointer } });
    });
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
  }

  if (issues.some((i) => i.severity === 'error') || parsedFiles.length === 0) return { ok: false, issues };

  const index = mergePackFiles(parsedFiles, reader.entry);
  issues.push(...checkPack(index));
  if (issues.some((i) => i.severity === 'error')) return { ok: false, issues };
  return { ok: true, pack: deepFreeze(index.pack), issues };
}

function isStringList(value: unknown): value is string[] | undefined {
  return value === undefined || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
}

function safeCall<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
