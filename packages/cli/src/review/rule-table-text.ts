import type { Lang } from '@anjian/core';
import { RULE_COLUMNS, RULE_HEADINGS, type RuleRow } from './rule-table.js';

/**
 * The rule table as CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark so spreadsheet programs
 * read the Chinese): every cell quoted; a cell starting with `=`, `+`, `-`, `@`, tab or CR is
 * prefixed with `'` so a spreadsheet never runs it as a formula (CSV injection).
 */
export function ruleTableCsv(rows: readonly RuleRow[], lang: Lang): string {
  const cell = (text: string) => `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
  const lines = [RULE_COLUMNS.map((c) => cell(RULE_HEADINGS[lang][c])).join(',')];
  for (const row of rows) lines.push(RULE_COLUMNS.map((c) => cell(row[c])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The rule table as Markdown: a title line, then one table (pipes escaped, line breaks as
 * `<br>`, `<` and `&` escaped so pack text never becomes HTML).
 */
export function ruleTableMarkdown(rows: readonly RuleRow[], lang: Lang, title: string): string {
  const cell = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
  const out = [`# ${cell(title)}`, '', `| ${RULE_COLUMNS.map((c) => RULE_HEADINGS[lang][c]).join(' | ')} |`, `|${RULE_COLUMNS.map(() => '---').join('|')}|`];
  for (const row of rows) out.push(`| ${RULE_COLUMNS.map((c) => cell(row[c])).join(' | ')} |`);
  return `${out.join('\n')}\n`;
}
