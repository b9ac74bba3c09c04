/**
 * The worklist as an .xlsx workbook, written with exceljs (MIT, maintained, writes real
 * Office Open XML with column widths, a frozen header and an auto-filter; runs on the server,
 * so no spreadsheet code reaches the browser). Headings and values use the portal's
 * terminology table (public/terms.js), so the sheet says what the pages say.
 */
import ExcelJS from 'exceljs';
import { term } from '../public/terms.js';
import type { WorklistRow } from './worklist.js';

const HEADINGS = {
  'zh-CN': ['隐患', '企业', '区域', '领域', '等级', '疑似', '状态', '整改期限', '期限来源', '逾期天数', '延期申请', '停产停业', '挂牌督办', '上报时间', '隐患编号'],
  en: [
    'Hazard',
    'Enterprise',
    'Area',
    'Domain',
    'Level',
    'Provisional',
    'Status',
    'Deadline',
    'Deadline set by',
    'Days overdue',
    'Extension requested',
    'Stop-work',
    'Listed',
    'Reported at',
    'Hazard no.',
  ],
} as const;

/** A local (UTC+8) date and time, `YYYY-MM-DD HH:mm`, or empty. */
const local = (iso: string | null) => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

/** Writes `rows` as one sheet; returns the file's bytes. */
export async function worklistXlsx(rows: readonly WorklistRow[], lang: 'zh-CN' | 'en', now: Date): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'anjian demo portal';
  book.created = now;
  const sheet = book.addWorksheet(lang === 'en' ? 'Hazards' : '隐患清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  const yes = lang === 'en' ? 'yes' : '是';
  sheet.columns = HEADINGS[lang].map((header, i) => ({ header, width: [36, 18, 10, 12, 14, 8, 14, 18, 26, 10, 10, 14, 10, 18, 12][i] }));
  for (const r of rows) {
    sheet.addRow([
      r.title[lang] ?? r.title['zh-CN'],
      r.enterpriseName[lang] ?? r.enterpriseName['zh-CN'],
      r.area,
      term('domain', r.domain, lang),
      term('level', r.level, lang),
      r.provisional ? yes : '',
      term('status', r.status, lang),
      local(r.due),
      r.dueSource ? term('due', r.dueSource, lang) : '',
      r.daysOverdue || '',
      r.pendingExtension ? yes : '',
      r.stopWork ? term('other', 'stopWork', lang) : '',
      r.listed ? yes : '',
      local(r.createdAt),
      r.ref,
    ]);
  }
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: HEADINGS[lang].length } };
  return new Uint8Array(await book.xlsx.writeBuffer());
}
