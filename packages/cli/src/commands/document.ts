import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  composeDocument,
  DOCUMENT_KINDS,
  formatDocumentIssues,
  loadOverride,
  loadTemplate,
  renderDocumentHtml,
  type DocumentData,
  type DocumentKind,
  type DocumentResult,
  type LoadedOverride,
  type LoadedTemplate,
} from '@anjian/documents';
import { loadBuiltinTemplate } from '@anjian/documents/node';
import type { Command } from '../command.js';
import { UsageError } from '../usage-error.js';

/** What `anjian document render` reads as data: the values a chain run would give, by source. */
interface PreviewData {
  values?: Record<string, string>;
  officers?: { name: string; certificateNo?: string }[];
  manual?: Record<string, string>;
  issuedAt?: string;
  number?: { year: number; seq: number };
}

const usage = (zh: string, en: string) => new UsageError({ 'zh-CN': zh, en }, 'document');

function readText(path: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, path), 'utf8');
  } catch (error) {
    throw usage(`无法读取文件 ${path}：${(error as Error).message}`, `cannot read ${path}: ${(error as Error).message}`);
  }
}

function loadedOrExit<T>(result: DocumentResult<T>, io: { stderr: { write(text: string): unknown } }): T | null {
  if (result.ok) return result.value;
  io.stderr.write(`${formatDocumentIssues(result.issues)}\n`);
  return null;
}

function parseData(text: string, file: string): PreviewData {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw usage(`${file} 不是 JSON：${(error as Error).message}`, `${file} is not JSON: ${(error as Error).message}`);
  }
  const d = data as PreviewData;
  const isStringMap = (v: unknown) => v === undefined || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string'));
  const ok =
    typeof data === 'object' &&
    data !== null &&
    !Array.isArray(data) &&
    isStringMap(d.values) &&
    isStringMap(d.manual) &&
    (d.officers === undefined || (Array.isArray(d.officers) && d.officers.every((o) => typeof o?.name === 'string' && (o.certificateNo === undefined || typeof o.certificateNo === 'string')))) &&
    (d.issuedAt === undefined || (typeof d.issuedAt === 'string' && !Number.isNaN(Date.parse(d.issuedAt)))) &&
    (d.number === undefined || (Number.isInteger(d.number?.year) && Number.isInteger(d.number?.seq) && d.number.seq > 0));
  if (!ok) {
    throw usage(
      `${file}：须为 { values: {来源: 文字}, officers: [{ name, certificateNo }], manual: {字段: 文字}, issuedAt: ISO 时间, number: { year, seq } }，各项可省略`,
      `${file}: expected { values: {source: text}, officers: [{ name, certificateNo }], manual: {field: text}, issuedAt: ISO instant, number: { year, seq } }, each optional`,
    );
  }
  return d;
}

/**
 * `anjian document render`: preview a document template with sample data, as HTML (stdout or
 * `--output`) or PDF (`--output` required; the font from `--font` or the system's Noto CJK).
 * The template is a YAML file or a built-in kind; the data is JSON with values by source
 * (`directory.enterprise.name`, `hazard.title` …), officers, manual values, the issue time
 * and a sample number. Refusals print located, bilingual issues and exit 1.
 *
 * @example
 * ```sh
 * anjian document render rectification_order sample.json --override d1.yaml > order.html
 * anjian document render my-template.yaml sample.json --format pdf --output order.pdf
 * ```
 */
export const documentCommand: Command = {
  name: 'document',
  summary: { 'zh-CN': '预览执法文书模板（HTML 或 PDF）', en: 'Preview an enforcement document template (HTML or PDF)' },
  usage: 'anjian document render <template.yaml|kind> <data.json> [--override o.yaml] [--format html|pdf] [--output file] [--font path]',
  details: {
    'zh-CN': `模板为 YAML 文件或内置种类（${DOCUMENT_KINDS.join('、')}）。data.json 按来源给出取值，例如 {"values": {"directory.enterprise.name": "某某餐馆"}, "officers": [{"name": "张明", "certificateNo": "GAS-0001"}], "number": {"year": 2026, "seq": 12}}。PDF 须用 --output 写入文件。`,
    en: `The template is a YAML file or a built-in kind (${DOCUMENT_KINDS.join(', ')}). data.json gives values by source, e.g. {"values": {"directory.enterprise.name": "A restaurant"}, "officers": [{"name": "Zhang Ming", "certificateNo": "GAS-0001"}], "number": {"year": 2026, "seq": 12}}. PDF needs --output.`,
  },
  positionals: true,
  options: {
    override: {
      type: 'string',
      valueName: 'FILE',
      description: { 'zh-CN': '辖区覆盖文件（部门、文号前缀、复议机关）', en: "a jurisdiction's override (department, number prefix, reconsideration bodies)" },
    },
    format: { type: 'string', choices: ['html', 'pdf'], valueName: 'FORMAT', description: { 'zh-CN': '输出格式，默认 html', en: 'output format, default html' } },
    output: { type: 'string', short: 'o', valueName: 'FILE', description: { 'zh-CN': '写入文件（PDF 必需）', en: 'write to a file (required for PDF)' } },
    font: { type: 'string', valueName: 'PATH', description: { 'zh-CN': 'PDF 用的中文字体文件（默认系统的 Noto CJK）', en: 'CJK font file for PDF (default: the system Noto CJK)' } },
  },
  async run({ values, positionals }, { io }) {
    const [sub, templateArg, dataFile, ...rest] = positionals;
    if (sub !== 'render' || templateArg === undefined || dataFile === undefined || rest.length > 0) {
      throw usage('用法：anjian document render <模板.yaml|种类> <data.json>', 'usage: anjian document render <template.yaml|kind> <data.json>');
    }
    const format = values.format === 'pdf' ? 'pdf' : 'html';
    const output = typeof values.output === 'string' ? values.output : undefined;
    if (format === 'pdf' && output === undefined) throw usage('PDF 须用 --output 写入文件', 'PDF needs --output');

    let template: LoadedTemplate | null;
    if ((DOCUMENT_KINDS as readonly string[]).includes(templateArg)) template = loadBuiltinTemplate(templateArg as DocumentKind);
    else template = loadedOrExit(loadTemplate(readText(templateArg, io.cwd), templateArg), io);
    if (!template) return 1;
    let override: LoadedOverride | undefined;
    if (typeof values.override === 'string') {
      const loaded = loadedOrExit(loadOverride(readText(values.override, io.cwd), values.override), io);
      if (!loaded) return 1;
      override = loaded;
    }
    const d = parseData(readText(dataFile, io.cwd), dataFile);
    const issuedAt = d.issuedAt ?? '2026-01-01T00:00:00.000Z';
    const kind = template.template.kind;
    const data: DocumentData = {
      hazardId: 'PREVIEW',
      eventId: 'PREVIEW/1',
      eventType: 'reported',
      kinds: [kind],
      values: d.values ?? {},
      officers: (d.officers ?? []).map((o, i) => ({ id: `officer-${i + 1}`, name: o.name, certificateNo: o.certificateNo ?? null })),
      manual: d.manual ?? {},
      issuedAt,
      numbers: d.number ? [{ jurisdiction: override?.override.jurisdiction ?? 'PREVIEW', kind, year: d.number.year, seq: d.number.seq, eventId: 'PREVIEW/1', hazardId: 'PREVIEW', issuedAt }] : [],
      // A preview prints a sample 案号 given as the value of source case.number.
      caseNumber: null,
    };
    const composed = loadedOrExit(composeDocument(template, data, override), io);
    if (!composed) return 1;
    if (format === 'html') {
      const html = renderDocumentHtml(composed);
      if (output === undefined) io.stdout.write(html);
      else writeFileSync(resolve(io.cwd, output), html);
      return 0;
    }
    const { findSystemCjkFont, renderDocumentPdf } = await import('@anjian/documents-pdf');
    const font = typeof values.font === 'string' ? { path: resolve(io.cwd, values.font) } : findSystemCjkFont();
    if (!font) throw usage('没有找到中文字体：请用 --font 指定（如 NotoSansCJK-Regular.ttc）', 'no CJK font found: give one with --font (e.g. NotoSansCJK-Regular.ttc)');
    let pdf: Uint8Array;
    try {
      pdf = await renderDocumentPdf(composed, { font });
    } catch (error) {
      // PdfFontError: an unreadable font, or a collection (.ttc) without the expected face.
      const localized = (error as { messages?: { 'zh-CN': string; en: string } }).messages;
      io.stderr.write(`PDF_FONT ${localized ? `${localized['zh-CN']} / ${localized.en}` : (error as Error).message}\n`);
      return 1;
    }
    writeFileSync(resolve(io.cwd, output as string), pdf);
    return 0;
  },
};
