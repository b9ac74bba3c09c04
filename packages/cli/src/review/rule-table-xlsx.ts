import type { Lang } from '@anjian/core';
import { RULE_COLUMNS, RULE_HEADINGS, type RuleRow } from './rule-table.js';

const WIDTHS: Readonly<Record<keyof RuleRow, number>> = Object.freeze({
  section: 14,
  item: 12,
  itemTitle: 24,
  rule: 14,
  title: 30,
  level: 14,
  condition: 50,
  basis: 40,
  confidence: 12,
  deadline: 16,
  rectification: 40,
  premises: 16,
});

/**
 * The rule table as an .xlsx workbook, written with exceljs (MIT, maintained, already used
 * by the demo portal; real Office Open XML with a frozen header, an auto-filter and wrapped
 * text — a spreadsheet is what legal reviewers annotate). Loaded only when asked for, so the
 * other commands do not pay for it. Returns the file's bytes.
 */
export async function ruleTableXlsx(rows: readonly RuleRow[], lang: Lang, sheetName: string, created: Date): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'anjian export';
  book.created = created;
  const sheet = book.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = RULE_COLUMNS.map((c) => ({ header: RULE_HEADINGS[lang][c], key: c, width: WIDTHS[c] }));
  for (const row of rows) sheet.addRow(RULE_COLUMNS.map((c) => row[c]));
  sheet.getRow(1).font = { bold: true };
  sheet.eachRow((row) => {
    row.alignment = { vertical: 'top', wrapText: true };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: RULE_COLUMNS.length } };
  return new Uint8Array(await book.xlsx.writeBuffer());
}
