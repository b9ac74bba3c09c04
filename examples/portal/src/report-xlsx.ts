/**
 * The periodic reports' workbook (GET /api/reports/{kind}?format=xlsx), written with exceljs
 * like the worklist's export. What the sheets hold — names, headings, rows — is core's
 * `reportSheets`; this only lays them out: a bold title row, a frozen header, column widths,
 * percentages as percentages.
 */
import ExcelJS from 'exceljs';
import type { ReportSheet } from '@anjian/core/internal';

/** The sheets as .xlsx bytes. */
export async function reportWorkbook(sheets: readonly ReportSheet[], created: Date): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'anjian demo portal';
  book.created = created;
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 2 }] });
    sheet.columns = s.columns.map((c) => ({ width: c.width, ...(c.format === 'percent' ? { style: { numFmt: '0.0%' } } : {}) }));
    sheet.addRow([s.title]).font = { bold: true, size: 13 };
    sheet.addRow(s.columns.map((c) => c.header)).font = { bold: true };
    for (const row of s.rows) sheet.addRow(row);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
