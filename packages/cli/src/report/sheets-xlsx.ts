import type { ReportSheet } from '@anjian/core/internal';

/**
 * Report sheets (core's `reportSheets`: the layout is decided there) as an .xlsx workbook,
 * written with exceljs — a title row, a bold frozen header, column widths, percentages as
 * percentages. Loaded only when asked for. Returns the file's bytes.
 */
export async function sheetsXlsx(sheets: readonly ReportSheet[], creator: string, created: Date): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = creator;
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
