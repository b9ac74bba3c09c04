import { Composer, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Parser, type Document, type Node as YamlNode, YAMLError, YAMLParseError } from 'yaml';
import { sizeText } from './value-hints.js';
import { createIssue, pointerJoin, type IssueLocation } from './create-issue.js';
import type { IssueCode } from './issue-codes.js';
import { locatePointer, pointerAtOffset } from './locate-pointer.js';
import { scanYamlSource } from './scan-yaml-source.js';
import { yamlSyntaxIssues } from './yaml-syntax-issues.js';
import type { Issue } from './types.js';

/** Limits for one file. */
export interface ParseLimits {
  /** Maximum size in bytes (UTF-8). */
  maxFileSize: number;
  /** Maximum nesting depth. */
  maxDepth: number;
  /** Maximum number of aliases (`*name`). */
  maxAliases: number;
}

/** A parsed file: the plain JSON value, and what is needed to locate pointers in it. */
export interface ParsedFile {
  file: string;
  value: unknown;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/** Result of {@link parseYamlFile}. @internal */
export type ParseOutcome = { ok: true; parsed: ParsedFile } | { ok: false; issues: Issue[] };

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** UTF-8 byte length without allocating. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

const YAML_CODE_MAP: Record<string, IssueCode> = {
  DUPLICATE_KEY: 'YAML_DUPLICATE_KEY',
  MULTIPLE_DOCS: 'YAML_MULTIPLE_DOCUMENTS',
  TAG_RESOLVE_FAILED: 'YAML_TAG',
  BAD_DIRECTIVE: 'YAML_DIRECTIVE',
  BAD_ALIAS: 'YAML_ALIAS_LIMIT',
  RESOURCE_EXHAUSTION: 'NESTING_TOO_DEEP',
};

function firstLine(message: string): string {
  const cut = message.indexOf(' at line ');
  const head = cut >= 0 ? message.slice(0, cut) : (message.split('\n')[0] ?? message);
  return head.slice(0, 300);
}

/**
 * Parse one YAML file of a pack, safely (docs/security.md T3–T9):
 * size cap, iterative pre-scan (depth, directives, tags, aliases) **before** the composer,
 * strict options (`core` schema, no merge keys, unique keys, no known tags), yaml warnings
 * as errors, forbidden and merge keys, then `toJS` with an alias cap and a JSON check.
 * Never throws: anything unexpected becomes an issue.
 *
 * @internal
 */
export function parseYamlFile(file: string, text: string, limits: ParseLimits): ParseOutcome {
  const issues: Issue[] = [];
  const at = (line?: number, column?: number, pointer?: string): IssueLocation => ({ file, line, column, pointer });

  if (text.length > limits.maxFileSize || utf8Length(text) > limits.maxFileSize) {
    const size = text.length > limits.maxFileSize * 4 ? undefined : sizeText(utf8Length(text));
    const limit = sizeText(limits.maxFileSize);
    return {
      ok: false,
      issues: [
        createIssue('FILE_TOO_LARGE', at(1, 1, ''), {
          'zh-CN': `${file}：文件大小为 ${size?.['zh-CN'] ?? `超过 ${sizeText(limits.maxFileSize * 4)['zh-CN']}`}，超过上限 ${limit['zh-CN']}。`,
          en: `${file}: the file is ${size?.en ?? `more than ${sizeText(limits.maxFileSize * 4).en}`}, over the limit of ${limit.en}.`,
        }),
      ],
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const undecodable = notUtf8Issue(file, text);
  if (undecodable) return { ok: false, issues: [undecodable] };

  // The scan keeps the lexer's tokens: the parser below reads them instead of lexing again.
  const lexemes: string[] = [];
  for (const f of scanYamlSource(text, { maxDepth: limits.maxDepth, maxAliases: limits.maxAliases }, lexemes)) {
    const where = at(f.line, f.column);
    if (f.code === 'NESTING_TOO_DEEP') {
      issues.push(
        createIssue(f.code, where, {
          'zh-CN': `第 ${f.line} 行第 ${f.column} 列：嵌套超过 ${limits.maxDepth} 层，文件未被解析。`,
          en: `line ${f.line}, column ${f.column}: nesting goes deeper than ${limits.maxDepth} levels; the file was not parsed.`,
        }),
      );
    } else if (f.code === 'YAML_DIRECTIVE') {
      issues.push(
        createIssue(f.code, where, {
          'zh-CN': `第 ${f.line} 行：发现指令“${f.found}”。检查表不允许 %YAML、%TAG 等指令，它们会改变解析方式。`,
          en: `line ${f.line}: found the directive "${f.found}". Packs allow no %YAML or %TAG directives; they change how the file is read.`,
        }),
      );
    } else if (f.code === 'YAML_TAG') {
      issues.push(
        createIssue(f.code, where, {
          'zh-CN': `第 ${f.line} 行第 ${f.column} 列：发现标签“${f.found}”。检查表是纯数据，不允许任何标签。`,
          en: `line ${f.line}, column ${f.column}: found the tag "${f.found}". Packs are plain data and allow no tags.`,
        }),
      );
    } else {
      issues.push(
        createIssue(f.code, where, {
          'zh-CN': `第 ${f.line} 行第 ${f.column} 列：别名（*）超过 ${limits.maxAliases} 个。`,
          en: `line ${f.line}, column ${f.column}: more than ${limits.maxAliases} aliases (*).`,
        }),
      );
    }
  }
  if (issues.length > 0) return { ok: false, issues };

  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = composeDocument(text, lexemes, lineCounter);
  } catch (error) {
    return { ok: false, issues: [internalOrYamlIssue(file, error, lineCounter)] };
  }

  // Syntax errors: one issue per cause, with a hint for that cause (yaml-syntax-issues.ts).
  issues.push(
    ...yamlSyntaxIssues(
      file,
      text,
      doc.errors.filter((e) => !YAML_CODE_MAP[e.code] || e.code === 'DUPLICATE_KEY'),
      lineCounter,
      (offset) => safePointer(doc, offset),
    ),
  );
  for (const [list, asWarning] of [
    [doc.errors.filter((e) => YAML_CODE_MAP[e.code] && e.code !== 'DUPLICATE_KEY'), false],
    [doc.warnings, true],
  ] as const) {
    for (const e of list) {
      const code = YAML_CODE_MAP[e.code] ?? (asWarning ? 'YAML_WARNING' : 'YAML_SYNTAX');
      const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
      issues.push(
        createIssue(code, at(pos.line, pos.col, safePointer(doc, e.pos[0])), {
          'zh-CN': `第 ${pos.line} 行第 ${pos.col} 列：${firstLine(e.message)}（YAML ${e.code}）`,
          en: `line ${pos.line}, column ${pos.col}: ${firstLine(e.message)} (YAML ${e.code})`,
        }),
      );
      if (issues.length >= 50) break;
    }
  }
  if (issues.length > 0) return { ok: false, issues };

  issues.push(...checkKeys(file, doc, lineCounter));
  if (issues.length > 0) return { ok: false, issues };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliases * 4, mapAsMap: false });
  } catch (error) {
    return { ok: false, issues: [internalOrYamlIssue(file, error, lineCounter)] };
  }
  const bad = findNonJson(value);
  if (bad !== undefined) {
    const pos = locatePointer(doc, lineCounter, bad);
    issues.push(
      createIssue('NOT_JSON_COMPATIBLE', at(pos.line, pos.column, bad), {
        'zh-CN': `第 ${pos.line} 行第 ${pos.column} 列：该值无法表示为 JSON（如 .inf、.nan）。`,
        en: `line ${pos.line}, column ${pos.column}: this value cannot be represented as JSON (such as .inf or .nan).`,
      }),
    );
    return { ok: false, issues };
  }
  return { ok: true, parsed: { file, value, doc, lineCounter } };
}

const COMPOSE_OPTIONS = {
  version: '1.2',
  schema: 'core',
  merge: false,
  uniqueKeys: true,
  strict: true,
  resolveKnownTags: false,
  stringKeys: true,
  keepSourceTokens: false,
} as const;

/**
 * yaml's `parseDocument(text, { ...COMPOSE_OPTIONS, lineCounter, prettyErrors: true })`, fed
 * with the tokens the pre-scan lexed (`lexemes`, all of `text`) instead of lexing the text
 * again: its `Parser` and `Composer`, the same steps in the same order. Of `prettyErrors`, it
 * keeps what the issues use — each error's `linePos` and the ` at line L, column C` after its
 * message — and leaves out the quoted source line that follows (no issue shows it).
 */
function composeDocument(text: string, lexemes: readonly string[], lineCounter: LineCounter): Document.Parsed {
  const parser = new Parser(lineCounter.addNewLine);
  const composer = new Composer(COMPOSE_OPTIONS);
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(cstTokens(parser, lexemes, lineCounter), true, text.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  // compose(…, forceDoc = true) always ends with a document
  for (const error of [...doc!.errors, ...doc!.warnings]) {
    if (error.pos[0] === -1) continue;
    error.linePos = [lineCounter.linePos(error.pos[0]), lineCounter.linePos(error.pos[1])];
    error.message += ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}`;
  }
  return doc!;
}

/** `Parser.parse` over lexemes already lexed. */
function* cstTokens(parser: Parser, lexemes: readonly string[], lineCounter: LineCounter) {
  lineCounter.addNewLine(0);
  for (const lexeme of lexemes) yield* parser.next(lexeme);
  yield* parser.end();
}

/**
 * A file saved in another encoding (GBK, GB2312: Windows Notepad's "ANSI" on a Chinese
 * system) and read as UTF-8, as every reader of anjian's files reads them: its bytes that
 * are not UTF-8 became U+FFFD, which nobody types. One error at the first of them — the rest
 * of the file is unreadable text, not mistakes to report one by one.
 */
function notUtf8Issue(file: string, text: string): Issue | undefined {
  const offset = text.indexOf('\uFFFD');
  if (offset < 0) return undefined;
  const lineStart = text.lastIndexOf('\n', offset) + 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  const column = offset - lineStart + 1;
  return createIssue(
    'FILE_NOT_UTF8',
    { file, line, column },
    {
      'zh-CN': `第 ${line} 行第 ${column} 列：这个文件不是 UTF-8 编码，这里的文字无法识别（多半是用 GBK/GB2312 保存的，例如 Windows 记事本的“ANSI”）。`,
      en: `line ${line}, column ${column}: this file is not UTF-8; the text here cannot be read (most likely it was saved as GBK/GB2312, e.g. Windows Notepad's "ANSI").`,
    },
    {
      hint: {
        'zh-CN': '在编辑器中把文件另存为 UTF-8 编码（记事本：“另存为”，编码选 UTF-8；VS Code：点右下角的编码，选“通过编码保存”→ UTF-8），再重新检查。',
        en: 'Save the file as UTF-8 in the editor (Notepad: Save As, Encoding UTF-8; VS Code: click the encoding at the bottom right, Save with Encoding → UTF-8), then check again.',
      },
    },
  );
}

function safePointer(doc: Document.Parsed, offset: number): string | undefined {
  try {
    return pointerAtOffset(doc, offset);
  } catch {
    return undefined;
  }
}

function internalOrYamlIssue(file: string, error: unknown, lineCounter: LineCounter): Issue {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ReferenceError || /alias/i.test(message)) {
    return createIssue(
      'YAML_ALIAS_LIMIT',
      { file, line: 1, column: 1, pointer: '' },
      {
        'zh-CN': `别名展开过多，可能是“十亿笑声”攻击：${firstLine(message)}`,
        en: `aliases expand too much, possibly a "billion laughs" attack: ${firstLine(message)}`,
      },
    );
  }
  if (error instanceof RangeError || (error instanceof YAMLError && error.code === 'RESOURCE_EXHAUSTION')) {
    return createIssue(
      'NESTING_TOO_DEEP',
      { file, line: 1, column: 1 },
      {
        'zh-CN': `嵌套过深，无法解析：${firstLine(message)}`,
        en: `nesting too deep to parse: ${firstLine(message)}`,
      },
    );
  }
  if (error instanceof YAMLError) {
    const pos = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
    return createIssue(
      'YAML_SYNTAX',
      { file, line: pos.line, column: pos.col },
      {
        'zh-CN': `YAML 无法解析：${firstLine(message)}`,
        en: `the YAML cannot be read: ${firstLine(message)}`,
      },
    );
  }
  return createIssue(
    'INTERNAL_ERROR',
    { file, line: 1, column: 1 },
    {
      'zh-CN': `读取文件时出现意外错误：${firstLine(message)}`,
      en: `unexpected error while reading the file: ${firstLine(message)}`,
    },
  );
}

/** Walk the YAML tree (iteratively) for `__proto__`/`constructor`/`prototype` and `<<` keys. */
function checkKeys(file: string, doc: Document.Parsed, lineCounter: LineCounter): Issue[] {
  const issues: Issue[] = [];
  const stack: { node: unknown; pointer: string }[] = [{ node: doc.contents, pointer: '' }];
  while (stack.length > 0 && issues.length < 50) {
    const { node, pointer } = stack.pop()!;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const keyRange = (pair.key as YamlNode | null)?.range;
        const pos = keyRange ? lineCounter.linePos(keyRange[0]) : { line: 1, col: 1 };
        const here = key === undefined ? pointer : pointerJoin(pointer, key);
        if (key !== undefined && FORBIDDEN.has(key)) {
          issues.push(
            createIssue(
              'FORBIDDEN_KEY',
              { file, line: pos.line, column: pos.col, pointer: here },
              {
                'zh-CN': `第 ${pos.line} 行第 ${pos.col} 列：键名“${key}”不允许使用（可被用于原型污染攻击）。`,
                en: `line ${pos.line}, column ${pos.col}: the key "${key}" is not allowed (it can be used for prototype pollution).`,
              },
            ),
          );
        } else if (key === '<<') {
          issues.push(
            createIssue(
              'YAML_MERGE_KEY',
              { file, line: pos.line, column: pos.col, pointer: here },
              {
                'zh-CN': `第 ${pos.line} 行第 ${pos.col} 列：发现合并键“<<”。检查表不支持合并键，请直接写出内容。`,
                en: `line ${pos.line}, column ${pos.col}: found the merge key "<<". Packs do not support merge keys; write the content out.`,
              },
            ),
          );
        }
        if (!isAlias(pair.value)) stack.push({ node: pair.value, pointer: here });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        if (!isAlias(item)) stack.push({ node: item, pointer: pointerJoin(pointer, index) });
      });
    }
  }
  return issues;
}

/** Pointer of the first value that does not survive a JSON round trip, or undefined. */
function findNonJson(root: unknown): string | undefined {
  const stack: { value: unknown; pointer: string }[] = [{ value: root, pointer: '' }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { value, pointer } = stack.pop()!;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return pointer;
      continue;
    }
    if (typeof value !== 'object') return pointer;
    if (seen.has(value)) continue; // a shared (aliased) subtree is checked once
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, pointer: pointerJoin(pointer, i) }));
      continue;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return pointer;
    for (const key of Object.keys(value)) stack.push({ value: (value as Record<string, unknown>)[key], pointer: pointerJoin(pointer, key) });
  }
  return undefined;
}
