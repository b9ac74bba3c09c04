import { isMap, isPair, isScalar, isSeq, Scalar } from 'yaml';
import { createIssue } from './create-issue.js';
import type { ParsedFile } from './parse-yaml-file.js';
import type { Issue } from './types.js';

/** Opening full-width quote → its closing one (a Chinese input method's quotes). */
const PAIRS: Readonly<Record<string, string>> = { '“': '”', '‘': '’', '＂': '＂' };

/** Keys whose value is prose, where Chinese quotes around the whole text may be meant. */
const TEXT_KEYS = new Set(['zh-CN', 'en']);

/**
 * `clause: “6.4.1”`: a value a Chinese input method wrapped in full-width quotes, which YAML
 * does not read as quotes — the quotes would become part of a clause, an edition, an id or a
 * threshold. One error per such value (an unquoted value that starts and ends with them),
 * located at it, with the value in ASCII quotes to write. The texts of `{ zh-CN, en }` are
 * prose and are left alone. Iterative.
 *
 * @internal
 */
export function fullWidthQuoteIssues(parsed: ParsedFile): Issue[] {
  const issues: Issue[] = [];
  const stack: { node: unknown; text: boolean }[] = [{ node: parsed.doc.contents, text: false }];
  while (stack.length > 0 && issues.length < 50) {
    const { node, text } = stack.pop()!;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        stack.push({ node: pair.value, text: TEXT_KEYS.has(key) });
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: item, text: false });
    } else if (isScalar(node) && !text && node.type === Scalar.PLAIN && typeof node.value === 'string') {
      const value = node.value;
      const close = PAIRS[value[0] ?? ''];
      if (close === undefined || value.length < 2 || !value.endsWith(close)) continue;
      const inner = value.slice(1, -1);
      const pos = parsed.lineCounter.linePos(node.range?.[0] ?? 0);
      issues.push(
        createIssue(
          'FULLWIDTH_QUOTES',
          { file: parsed.file, line: pos.line, column: pos.col },
          {
            'zh-CN': `第 ${pos.line} 行第 ${pos.col} 列：${value}用的是中文引号（全角“”），YAML 不把它当作引号，引号会成为内容的一部分。`,
            en: `line ${pos.line}, column ${pos.col}: ${value} is in Chinese (full-width) quotes, which YAML does not read as quotes: they would become part of the text.`,
          },
          { hint: { 'zh-CN': `换成半角引号：${JSON.stringify(inner)}`, en: `Use ASCII quotes: ${JSON.stringify(inner)}` } },
        ),
      );
    }
  }
  return issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
