import type { LineCounter, YAMLError } from 'yaml';
import { createIssue, type Bilingual } from './create-issue.js';
import type { Issue } from './types.js';

/** What a syntax error is really about, found from the parser's code and the source line. */
interface Cause {
  line: number;
  column: number;
  message: Bilingual;
  hint: Bilingual;
}

/**
 * Turn the YAML parser's syntax errors into one located, bilingual issue per cause, with a
 * hint for that cause (a tab in the indentation, a value with an unquoted `: `, a line
 * indented to no level, an unclosed quote or bracket, a duplicate key, a reserved first
 * character…). The parser reports several errors for one mistake (one tab gives four), so
 * only the first error of the file is explained — plus every tab-indented line and every
 * duplicate key, which are causes of their own; the message says when later errors were
 * left out (fix and run again).
 *
 * @param pointerAt JSON Pointer of a source offset (for the issue's `pointer`), when known.
 * @internal
 * @example
 * ```ts
 * yamlSyntaxIssues('pack.yaml', 'example: enforcement: yes\n', doc.errors, lineCounter);
 * // message: 第 1 行第 10 列：这一行的值含有“: ”（冒号加空格），YAML 把它读成了又一个键。
 * // hint:    这行文字含 ': '，请加引号：example: "enforcement: yes"
 * ```
 */
export function yamlSyntaxIssues(file: string, text: string, errors: readonly YAMLError[], lineCounter: LineCounter, pointerAt: (offset: number) => string | undefined = () => undefined): Issue[] {
  const lines = text.split(/\r\n|\r|\n/);
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const issues: Issue[] = [];
  const kept = new Set<YAMLError>();
  const first = sorted.find((e) => e.code !== 'DUPLICATE_KEY');
  const tabLines = new Set<number>();
  for (const e of sorted) {
    const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
    if (e.code === 'TAB_AS_INDENT') {
      if (tabLines.has(pos.line)) continue;
      tabLines.add(pos.line);
      kept.add(e);
    } else if (e.code === 'DUPLICATE_KEY' || (e === first && !sorted.some((t) => t.code === 'TAB_AS_INDENT'))) {
      kept.add(e);
    }
  }
  const left = errors.length - kept.size;
  for (const e of sorted) {
    if (!kept.has(e)) continue;
    const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
    const cause = explain(e, pos.line, pos.col, lines);
    const pointer = pointerAt(e.pos[0]);
    issues.push(
      createIssue(
        e.code === 'DUPLICATE_KEY' ? 'YAML_DUPLICATE_KEY' : 'YAML_SYNTAX',
        { file, line: cause.line, column: cause.column, ...(pointer !== undefined ? { pointer } : {}) },
        { 'zh-CN': `第 ${cause.line} 行第 ${cause.column} 列：${cause.message['zh-CN']}`, en: `line ${cause.line}, column ${cause.column}: ${cause.message.en}` },
        { hint: cause.hint },
      ),
    );
    if (issues.length >= 50) break;
  }
  const last = issues[issues.length - 1];
  if (left > 0 && last !== undefined) {
    last.message = {
      'zh-CN': `${last.message['zh-CN']}（其后另有 ${left} 处语法报错，多由此引起，改正后重新检查）`,
      en: `${last.message.en} (${left} more syntax ${left === 1 ? 'error follows' : 'errors follow'}, mostly caused by this one; fix it and check again)`,
    };
  }
  return issues;
}

const spaces = (n: number): string => (n === 1 ? '1 space' : `${n} spaces`);
const indentOf = (line: string): number => /^ */.exec(line)![0].length;
const isContent = (line: string | undefined): line is string => line !== undefined && line.trim() !== '' && !line.trimStart().startsWith('#');
const shown = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

function explain(e: YAMLError, line: number, column: number, lines: readonly string[]): Cause {
  const source = lines[line - 1] ?? '';
  const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (e.code) {
    case 'TAB_AS_INDENT':
      return tab(line);
    case 'DUPLICATE_KEY':
      return duplicate(line, column, lines);
    case 'BAD_SCALAR_START': {
      const char = source[column - 1] ?? '';
      const value = source.slice(column - 1).trimEnd();
      return {
        line,
        column,
        message: { 'zh-CN': `不加引号的值不能以“${char}”开头（YAML 保留了这个字符）。`, en: `a value without quotes cannot start with "${char}" (YAML reserves it).` },
        hint: { 'zh-CN': `给值加引号：${shown(`"${escapeQuotes(value)}"`)}`, en: `Quote the value: ${shown(`"${escapeQuotes(value)}"`)}` },
      };
    }
    default:
      break;
  }
  if (/quote/i.test(message) && e.code === 'MISSING_CHAR') return unclosedQuote(line, column, lines, message.includes("'") ? "'" : '"');
  const flow = /flow (map|sequence|collection)|end with an? [}\]]|between flow/i.exec(message);
  const comma = missingJsonComma(lines, line);
  if (comma) return comma;
  const dash = dashWithoutSpace(lines, line);
  if (dash) return dash;
  const wide = fullWidth(lines, line);
  if (wide) return wide;
  if (flow) return unclosedFlow(line, column, lines, /sequence|\]/i.test(message) ? '[' : '{');
  const colon = unquotedColon(lines, line);
  if (colon) return colon;
  const noSpace = missingSpace(lines, line);
  if (noSpace) return noSpace;
  if (e.code === 'UNEXPECTED_TOKEN' && /^\s*(-\s+)?[^:#]+:\s*["'].*["']\s*\S/.test(source)) {
    return {
      line,
      column,
      message: { 'zh-CN': '引号结束后还有文字。', en: 'there is more text after the closing quote.' },
      hint: { 'zh-CN': '把整段文字都放进引号里，或删去引号后的文字。', en: 'Put the whole text inside the quotes, or remove what follows the closing quote.' },
    };
  }
  const indent = badIndentation(lines, line);
  if (indent) return indent;
  return {
    line,
    column,
    message: { 'zh-CN': `YAML 无法读取这里（解析器：${message}）。`, en: `the YAML cannot be read here (parser: ${message}).` },
    hint: {
      'zh-CN': '检查这一行及上一行：缩进只用空格且同级对齐，“键: 值”的冒号后有空格，含“: ”或“#”的文字加引号，引号和括号成对。',
      en: 'Check this line and the one before: indent with spaces only and align items of the same level, put a space after the colon of "key: value", quote text containing ": " or " #", close every quote and bracket.',
    },
  };
}

function tab(line: number): Cause {
  return {
    line,
    column: 1,
    message: { 'zh-CN': '这一行用制表符（Tab）缩进；YAML 只能用空格缩进。', en: 'this line is indented with a tab; YAML indents with spaces only.' },
    hint: {
      'zh-CN': `把第 ${line} 行开头的 Tab 换成空格，与同级的行对齐（每级通常 2 个空格）；可把编辑器设为“用空格代替 Tab”。`,
      en: `Replace the tab at the start of line ${line} with spaces, aligned with the lines of the same level (usually 2 spaces per level); set the editor to insert spaces for tabs.`,
    },
  };
}

function duplicate(line: number, column: number, lines: readonly string[]): Cause {
  const rest = (lines[line - 1] ?? '').slice(column - 1);
  const key = /^(["']?)([^"':,{}[\]]+?)\1\s*:/.exec(rest)?.[2]?.trim() ?? rest.split(':')[0]!.trim();
  let earlier: number | undefined;
  const keyRe = new RegExp(`(^|[\\s{,])(["']?)${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\2\\s*:`);
  for (let l = line - 1; l >= 1; l--) {
    const text = lines[l - 1] ?? '';
    if (keyRe.test(l === line ? text.slice(0, column - 1) : text)) {
      earlier = l;
      break;
    }
  }
  const before = (lines[line - 1] ?? '').slice(0, column - 1);
  if (earlier === undefined && keyRe.test(before)) earlier = line;
  const where = earlier === undefined ? '' : earlier === line ? '（同一行前面已有）' : `（第 ${earlier} 行已有）`;
  const whereEn = earlier === undefined ? '' : earlier === line ? ' (earlier on the same line)' : ` (already on line ${earlier})`;
  return {
    line,
    column,
    message: { 'zh-CN': `键“${shown(key)}”在同一层出现了两次${where}。`, en: `the key "${shown(key)}" appears twice at the same level${whereEn}.` },
    hint: {
      'zh-CN': '删去重复的一项，或把两处内容合并；若本应是两个不同的项，请改用不同的键名。',
      en: 'Delete one of the two, or merge them; if they are meant to be different entries, give them different keys.',
    },
  };
}

function unclosedQuote(line: number, column: number, lines: readonly string[], quote: string): Cause {
  let opened = line;
  for (let l = Math.min(line, lines.length); l >= 1; l--) {
    if (((lines[l - 1] ?? '').split(quote).length - 1) % 2 === 1) {
      opened = l;
      break;
    }
  }
  const at = opened === line ? column : (lines[opened - 1] ?? '').lastIndexOf(quote) + 1;
  return {
    line: opened,
    column: at,
    message: { 'zh-CN': `这里开始的引号（${quote}）没有结束。`, en: `the quote (${quote}) opened here is never closed.` },
    hint: { 'zh-CN': `在文字末尾补上 ${quote}，或去掉开头的 ${quote}。`, en: `Add the closing ${quote} at the end of the text, or remove the opening one.` },
  };
}

function unclosedFlow(line: number, column: number, lines: readonly string[], open: '{' | '['): Cause {
  const close = open === '{' ? '}' : ']';
  let opened: number | undefined;
  for (let l = Math.min(line, lines.length); l >= 1; l--) {
    const text = lines[l - 1] ?? '';
    if (text.split(open).length > text.split(close).length) {
      opened = l;
      break;
    }
  }
  const from = opened !== undefined && opened !== line ? `（从第 ${opened} 行开始）` : '';
  const fromEn = opened !== undefined && opened !== line ? ` (opened on line ${opened})` : '';
  return {
    line,
    column,
    message: {
      'zh-CN': `${open === '{' ? '花括号 {' : '方括号 ['} 没有闭合，或其中少了逗号${from}。`,
      en: `the ${open === '{' ? 'brace {' : 'bracket ['} is not closed, or a comma is missing inside it${fromEn}.`,
    },
    hint: {
      'zh-CN': `在这一项末尾补上 ${close}；项与项之间用逗号分开；含逗号或冒号的文字要加引号。`,
      en: `Close it with ${close} at the end of the entry; separate entries with commas; quote text that contains a comma or a colon.`,
    },
  };
}

/**
 * A file written as JSON (`{` first) with a comma missing between two entries: the parser
 * reads the next line as more of the value and stops a line or two later. Finds the line
 * that ends with a value and is followed by a `"key"` line, up to three lines back.
 */
function missingJsonComma(lines: readonly string[], line: number): Cause | undefined {
  const first = lines.find((l) => isContent(l.replace(/^\uFEFF/, '')));
  if (first === undefined || !/^\s*[{[]/.test(first.replace(/^\uFEFF/, ''))) return undefined;
  for (let l = line; l >= Math.max(1, line - 3); l--) {
    const text = (lines[l - 1] ?? '').trimEnd();
    if (!isContent(text) || !/("|\d|true|false|null|[}\]])$/.test(text)) continue;
    let next = l + 1;
    while (next <= lines.length && !isContent(lines[next - 1])) next++;
    if (!/^\s*"/.test(lines[next - 1] ?? '')) continue;
    return {
      line: l,
      column: text.length + 1,
      message: {
        'zh-CN': `这个文件用 JSON 写法（{ … }），第 ${l} 行末尾少了逗号，下一行的“${shown((lines[next - 1] ?? '').trim())}”被读成了这一项的一部分。`,
        en: `this file is written as JSON ({ … }) and line ${l} lacks a comma at its end, so the next line, ${shown((lines[next - 1] ?? '').trim())}, is read as part of this entry.`,
      },
      hint: { 'zh-CN': `在第 ${l} 行末尾加逗号：${shown(`${text.trim()},`)}`, en: `Add a comma at the end of line ${l}: ${shown(`${text.trim()},`)}` },
    };
  }
  return undefined;
}

/** `-id: x` — a list dash with no space after it, so the line is a key named "-id". Looks at the error line and the two before it. */
function dashWithoutSpace(lines: readonly string[], line: number): Cause | undefined {
  for (const l of [line, line - 1, line - 2]) {
    const m = /^(\s*)-([A-Za-z_$][\w.$-]*\s*:.*)$/.exec(lines[l - 1] ?? '');
    if (!m) continue;
    return {
      line: l,
      column: m[1]!.length + 2,
      message: { 'zh-CN': '列表的“-”后面缺一个空格，这一行没有被读成列表项。', en: 'there is no space after the list dash "-", so this line is not read as a list entry.' },
      hint: { 'zh-CN': `在“-”后加一个空格：${shown(`- ${m[2]!.trim()}`)}`, en: `Add a space after the dash: ${shown(`- ${m[2]!.trim()}`)}` },
    };
  }
  return undefined;
}

/** A key: an ASCII name, as every key of a pack and a scenario file is. */
const KEY = '[A-Za-z_$][\\w.$-]*';

/**
 * Full-width punctuation where YAML needs the ASCII character — what a Chinese input method
 * types: a full-width space (U+3000) in the indentation, a full-width dash as the list
 * marker, `：` after a key, `，` between the entries of `{ … }`, full-width brackets. Looks at
 * the error line and the two before it (the parser often stops a line after the culprit).
 */
function fullWidth(lines: readonly string[], line: number): Cause | undefined {
  for (const l of [line, line - 1, line - 2]) {
    const text = lines[l - 1];
    if (text === undefined) continue;
    const indent = /^[ \u3000]*(?:-[ \u3000]+)?/.exec(text)![0];
    if (indent.includes('\u3000')) {
      return {
        line: l,
        column: indent.indexOf('\u3000') + 1,
        message: {
          'zh-CN': '这一行开头有全角空格（中文输入法的空格）；YAML 的缩进和“- ”后面只能用半角空格。',
          en: 'the start of this line contains a full-width space (U+3000, typed by a Chinese input method); YAML indents, and follows a "- ", with ASCII spaces only.',
        },
        hint: {
          'zh-CN': `把第 ${l} 行开头的全角空格换成半角空格，与同级的行对齐（每级 2 个半角空格）；切换到英文输入法再缩进。`,
          en: `Replace the full-width spaces at the start of line ${l} with ASCII spaces, aligned with the lines of the same level (2 per level); switch the input method to English before indenting.`,
        },
      };
    }
    const dash = /^(\s*)[－—–]\s*(\S.*)?$/.exec(text);
    if (dash) {
      const fixed = `${dash[1]}- ${dash[2] ?? ''}`.trimEnd();
      return {
        line: l,
        column: dash[1]!.length + 1,
        message: {
          'zh-CN': `列表项以全角或长破折号“${text.trim()[0]}”开头；YAML 的列表项用半角“-”加一个空格。`,
          en: `the list entry starts with a full-width or long dash "${text.trim()[0]}"; YAML list entries start with an ASCII "-" and a space.`,
        },
        hint: { 'zh-CN': `改为：${shown(fixed.trim())}`, en: `Write: ${shown(fixed.trim())}` },
      };
    }
    const colon = new RegExp(`^(\\s*(?:-\\s+)?)(${KEY})\\s*：\\s*(.*)$`).exec(text) ?? new RegExp(`([{,]\\s*)(${KEY})\\s*：\\s*([^,}]*)`).exec(text);
    if (colon) {
      const at = text.indexOf('：', colon.index + colon[1]!.length);
      const fixed = `${colon[2]}: ${colon[3]!.trim()}`;
      return {
        line: l,
        column: at + 1,
        message: {
          'zh-CN': `“${colon[2]}”后面是全角冒号“：”（中文输入法）；YAML 只认半角冒号“:”，所以这里没有被读成“键: 值”。`,
          en: `"${colon[2]}" is followed by a full-width colon "：" (typed by a Chinese input method); YAML only reads the ASCII colon ":", so this is not read as "key: value".`,
        },
        hint: { 'zh-CN': `把“：”换成半角冒号加一个空格：${shown(fixed)}`, en: `Replace "：" with an ASCII colon and a space: ${shown(fixed)}` },
      };
    }
    const comma = new RegExp(`，\\s*(${KEY})\\s*:`).exec(text);
    if (comma && /[{[]/.test(text.slice(0, comma.index))) {
      return {
        line: l,
        column: comma.index + 1,
        message: {
          'zh-CN': `“{ … }”里分隔各项的是全角逗号“，”；YAML 只认半角逗号“,”，所以“${comma[1]}”被读成了前一项文字的一部分。`,
          en: `the entries inside "{ … }" are separated by a full-width comma "，"; YAML only reads the ASCII comma ",", so "${comma[1]}" is read as part of the text before it.`,
        },
        hint: {
          'zh-CN': '把这个“，”换成半角逗号“,”；若中文文字本身要带逗号，把整段文字放进引号里。',
          en: 'Replace this "，" with an ASCII comma ","; if the Chinese text itself needs the comma, put the whole text in quotes.',
        },
      };
    }
    const bracket = /^(\s*(?:-\s+)?(?:[^\s:#][^:#]*:\s+)?)([｛［])/.exec(text);
    if (bracket) {
      const ascii = bracket[2] === '｛' ? '{ }' : '[ ]';
      return {
        line: l,
        column: bracket[1]!.length + 1,
        message: {
          'zh-CN': `这里用了全角括号“${bracket[2]}”；YAML 的简写形式用半角括号 ${ascii}。`,
          en: `this is a full-width bracket "${bracket[2]}"; the short form of YAML uses the ASCII brackets ${ascii}.`,
        },
        hint: { 'zh-CN': `把全角括号换成半角的 ${ascii}，项与项之间用半角逗号。`, en: `Replace the full-width brackets with ASCII ${ascii}, and separate entries with ASCII commas.` },
      };
    }
  }
  return undefined;
}

/** `key: text: more` — a plain value with `: ` in it, on the error line or the line before. */
function unquotedColon(lines: readonly string[], line: number): Cause | undefined {
  for (const l of [line, line - 1]) {
    const text = lines[l - 1];
    if (text === undefined) continue;
    const m = /^(\s*(?:-\s+)?)([^\s"'{[#][^:#]*?):\s+([^\s"'{[|>&*!#][^#]*?)\s*(#.*)?$/.exec(text);
    if (!m) continue;
    const value = m[3]!;
    if (!/:(\s|$)/.test(value)) continue;
    const fixed = `${m[1]}${m[2]}: "${escapeQuotes(value)}"`;
    return {
      line: l,
      column: text.indexOf(value, m[1]!.length + m[2]!.length) + 1,
      message: {
        'zh-CN': '这一行的值含有“: ”（冒号加空格），YAML 把它读成了又一个键。',
        en: 'the value on this line contains ": " (a colon and a space), which YAML reads as another key.',
      },
      hint: { 'zh-CN': `这行文字含 ': '，请加引号：${fixed.trim()}`, en: `This text contains ': ', so quote it: ${fixed.trim()}` },
    };
  }
  return undefined;
}

/** `key:value` — a colon with no space after it, so the line is not a key at all. */
function missingSpace(lines: readonly string[], line: number): Cause | undefined {
  const text = lines[line - 1];
  const m = text === undefined ? null : /^(\s*(?:-\s+)?)([A-Za-z_$][\w.$-]*):(\S.*)$/.exec(text);
  if (!m || /^\/\//.test(m[3]!)) return undefined;
  return {
    line,
    column: m[1]!.length + m[2]!.length + 1,
    message: { 'zh-CN': `“${m[2]}:”后面缺一个空格，这一行没有被读成“键: 值”。`, en: `there is no space after "${m[2]}:", so the line is not read as "key: value".` },
    hint: { 'zh-CN': `在冒号后加一个空格：${m[2]}: ${m[3]}`, en: `Add a space after the colon: ${m[2]}: ${m[3]}` },
  };
}

/**
 * A line indented to no level open before it: deeper than a `key: value` line above it, or
 * between two levels. Looks at the error line and the two after it (the parser often
 * reports the line before the culprit).
 */
function badIndentation(lines: readonly string[], errorLine: number): Cause | undefined {
  const levels: number[] = [];
  let previous: string | undefined;
  let blockScalarAt: number | undefined;
  for (let l = 1; l <= Math.min(lines.length, errorLine + 2); l++) {
    const text = lines[l - 1]!;
    if (!isContent(text)) continue;
    const indent = indentOf(text);
    if (blockScalarAt !== undefined && indent > blockScalarAt) continue;
    blockScalarAt = undefined;
    if (l >= errorLine - 1 && previous !== undefined) {
      const top = levels[levels.length - 1] ?? 0;
      const opens = /:\s*(#.*)?$/.test(previous) || /^\s*-\s*$/.test(previous) || /^\s*-\s+[^:]+:\s*(#.*)?$/.test(previous);
      if (indent > top && !opens && !/^\s*-\s/.test(previous)) {
        return {
          line: l,
          column: indent + 1,
          message: {
            'zh-CN': `这一行缩进 ${indent} 格，比上一行（${top} 格）深；但上一行已写了值，下面不能再缩进出一级。`,
            en: `this line is indented ${spaces(indent)}, deeper than the line before (${top}), which already has its value, so nothing can be nested under it.`,
          },
          hint: {
            'zh-CN': `与上一行对齐（${top} 格）；若是上一行文字的续行，把整段文字放在一行内并加引号。`,
            en: `Align it with the line before (${top} spaces); if it continues the text above, put the whole text on one line, in quotes.`,
          },
        };
      }
      if (indent < top && !levels.includes(indent)) {
        const known = [...new Set(levels.filter((n) => n < top))];
        return {
          line: l,
          column: indent + 1,
          message: {
            'zh-CN': `这一行缩进 ${indent} 格，与前面任何一级都不对齐（前面的层级是 ${[...known, top].join('、')} 格）。`,
            en: `this line is indented ${spaces(indent)}, which matches no level above it (the levels above are ${[...known, top].join(', ')} spaces).`,
          },
          hint: {
            'zh-CN': '同一层的项必须左对齐：把这一行的缩进改成与它同级的项相同；列表项的“-”与同一列表的其他“-”对齐。',
            en: 'Items of one level must start in the same column: indent this line like its siblings; align each "-" with the other "-" of the same list.',
          },
        };
      }
    }
    while (levels.length > 0 && levels[levels.length - 1]! > indent) levels.pop();
    if (levels[levels.length - 1] !== indent) levels.push(indent);
    const dash = /^(\s*-\s+)\S/.exec(text);
    if (dash) levels.push(dash[1]!.length);
    if (/[:-]\s*[|>][+-]?\d*\s*(#.*)?$/.test(text)) blockScalarAt = indent;
    previous = text;
  }
  return undefined;
}

function escapeQuotes(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
