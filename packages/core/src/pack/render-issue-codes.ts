import { ISSUE_CODES, ISSUE_DOCS_BASE, type IssueCode } from './issue-codes.js';

const SEVERITY = { error: '错误 error', warning: '警告 warning', info: '提示 info' } as const;

/**
 * Render `docs/issue-codes.md` from {@link ISSUE_CODES}: one heading per code (its anchor is
 * the lower-cased code, which {@link issueDocsUrl} links to), severity, title and fix in
 * both languages.
 *
 * @example
 * ```ts
 * writeFileSync('docs/issue-codes.md', renderIssueCodesMarkdown());
 * ```
 */
export function renderIssueCodesMarkdown(): string {
  const lines = [
    '<!-- Generated from packages/core/src/pack/issue-codes.ts by renderIssueCodesMarkdown(); do not edit by hand. -->',
    '# 检查表问题代码 / Pack issue codes',
    '',
    '加载检查表（`loadPack`、`anjian validate`）时发现的每个问题都带有一个稳定的代码、严重程度、文件、行、列和 JSON 指针。',
    '`error` 使检查表无法使用；`warning` 不阻止加载，但 CI 可以用 `--max-warnings` 拦截；`info` 仅作提示。',
    '',
    'Every problem found while loading a pack (`loadPack`, `anjian validate`) carries a stable code, a severity, the file,',
    'line, column and JSON pointer. An `error` makes the pack unusable; a `warning` does not stop loading but CI can',
    'fail on it with `--max-warnings`; an `info` is a note.',
    '',
    '检查记录（`anjian classify`、`checkFindings`、`POST /inspections`）和地方覆盖文件（`--overlay`）的问题使用同一套代码。',
    'Inspections (`anjian classify`, `checkFindings`, `POST /inspections`) and local overlays (`--overlay`) use the same codes.',
    '',
    `Links: \`${ISSUE_DOCS_BASE}#<code in lower case>\`. The base comes from the \`repository\` field of \`@anjian/core\`'s package.json; to point it elsewhere see [publishing.md](publishing.md#where-the-links-point).`,
    '链接基址取自 `@anjian/core` 的 package.json 中的 `repository` 字段，改指他处的方法见 [publishing.md](publishing.md#where-the-links-point)。',
    '',
    '| 代码 / code | 严重程度 / severity | 中文 | English |',
    '|---|---|---|---|',
  ];
  const codes = Object.keys(ISSUE_CODES) as IssueCode[];
  for (const code of codes) {
    const spec = ISSUE_CODES[code];
    lines.push(`| [\`${code}\`](#${code.toLowerCase()}) | ${spec.severity} | ${spec.title['zh-CN']} | ${spec.title.en} |`);
  }
  lines.push('');
  for (const code of codes) {
    const spec = ISSUE_CODES[code];
    lines.push(`## ${code.toLowerCase()}`, '', `\`${code}\` — ${SEVERITY[spec.severity]}`, '', `- **${spec.title['zh-CN']}**：${spec.fix['zh-CN']}`, `- **${spec.title.en}**: ${spec.fix.en}`, '');
  }
  return lines.join('\n');
}
