import PDFDocument from 'pdfkit';
import { qrModules, type ComposedBlock, type ComposedDocument, type DocumentVerification, type TextRun } from '@anjian/documents';
import { fontBytes, PdfFontError, type PdfFont } from './font.js';

/** Options of {@link renderDocumentPdf}. */
export interface RenderPdfOptions {
  /** The CJK font to embed (subset). Required: anjian ships none. */
  font: PdfFont;
}

const MM = 72 / 25.4;
const A4: [number, number] = [210 * MM, 297 * MM];
const MARGIN = { top: 25 * MM, bottom: 20 * MM, left: 20 * MM, right: 20 * MM };
const BODY = 12;
const GAP = 6;

type Doc = InstanceType<typeof PDFDocument>;

function runs(doc: Doc, list: readonly TextRun[], options: { indent?: number; align?: 'left' | 'right' | 'center' }): void {
  const parts = list.filter((r) => r.text !== '');
  if (parts.length === 0) return;
  const width = A4[0] - MARGIN.left - MARGIN.right;
  parts.forEach((r, i) => {
    doc.text(r.text, {
      width,
      lineGap: GAP,
      align: options.align ?? 'left',
      underline: r.filled === true,
      continued: i < parts.length - 1,
      ...(i === 0 && options.indent ? { indent: options.indent } : {}),
    });
  });
}

function table(doc: Doc, rows: readonly { label: string; value: string }[]): void {
  const width = A4[0] - MARGIN.left - MARGIN.right;
  const labelWidth = Math.round(width * 0.28);
  const valueWidth = width - labelWidth;
  const pad = 2.5 * MM;
  const bottom = A4[1] - MARGIN.bottom;
  const heightOf = (label: string, value: string) =>
    Math.max(doc.heightOfString(label, { width: labelWidth - 2 * pad }), doc.heightOfString(value || ' ', { width: valueWidth - 2 * pad, lineGap: 2 })) + 2 * pad;
  const draw = (label: string, value: string, y: number, h: number) => {
    doc
      .lineWidth(0.6)
      .rect(MARGIN.left, y, labelWidth, h)
      .rect(MARGIN.left + labelWidth, y, valueWidth, h)
      .stroke();
    doc.text(label, MARGIN.left + pad, y + pad, { width: labelWidth - 2 * pad, align: 'center' });
    doc.text(value, MARGIN.left + labelWidth + pad, y + pad, { width: valueWidth - 2 * pad, lineGap: 2 });
  };
  doc.fontSize(BODY - 1);
  let y = doc.y + 2;
  for (const row of rows) {
    let label = row.label;
    let value = row.value;
    for (;;) {
      const h = heightOf(label, value);
      if (y + h <= bottom) {
        draw(label, value, y, h);
        y += h;
        break;
      }
      // Too tall for what is left of the page: as many characters as fit here, the rest
      // continues in a row on the next page (a row taller than a page is split, never cut).
      let lo = 0;
      let hi = value.length;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (y + heightOf(label, value.slice(0, mid)) <= bottom) lo = mid;
        else hi = mid - 1;
      }
      if (lo > 0) {
        const part = value.slice(0, lo);
        draw(label, part, y, heightOf(label, part));
        value = value.slice(lo);
        label = `${row.label}（续）`;
      }
      doc.addPage();
      y = doc.y;
    }
  }
  doc.x = MARGIN.left;
  doc.y = y + 3 * MM;
  doc.fontSize(BODY);
}

function block(doc: Doc, b: ComposedBlock): void {
  doc.x = MARGIN.left;
  switch (b.type) {
    case 'paragraph':
      runs(doc, b.runs, { indent: b.indent ? 2 * BODY : 0, align: b.align });
      doc.moveDown(0.3);
      break;
    case 'table':
      table(doc, b.rows);
      break;
    case 'officers':
      doc.moveDown(0.3);
      runs(
        doc,
        [
          { text: '执法人员：' },
          ...b.officers.flatMap((o, i) => [{ text: o.name, filled: true }, { text: '（执法证号：' }, { text: o.certificateNo, filled: true }, { text: i < b.officers.length - 1 ? '）　' : '）' }]),
        ],
        {},
      );
      doc.moveDown(0.5);
      break;
    case 'signatures': {
      doc.moveDown(1.2);
      const width = A4[0] - MARGIN.left - MARGIN.right;
      const gap = 6 * MM;
      const each = (width - gap * (b.labels.length - 1)) / b.labels.length;
      const y = doc.y;
      doc.fontSize(BODY - 1.5);
      let bottom = y;
      b.labels.forEach((label, i) => {
        const x = MARGIN.left + i * (each + gap);
        doc
          .lineWidth(0.6)
          .moveTo(x, y)
          .lineTo(x + each, y)
          .stroke();
        doc.text(label, x, y + 3, { width: each });
        bottom = Math.max(bottom, doc.y);
      });
      doc.fontSize(BODY);
      doc.x = MARGIN.left;
      doc.y = bottom + 3 * MM;
      break;
    }
    case 'issuer': {
      doc.moveDown(1.5);
      const width = A4[0] - MARGIN.left - MARGIN.right - 8 * MM;
      doc.text(b.department, { align: 'right', width });
      doc.fillColor('#b00000').text(b.seal, { align: 'right', width });
      doc.fillColor('#000000').text(b.date, { align: 'right', width });
      break;
    }
  }
}

/** The verification at the foot: the QR code (22 mm, drawn as squares) beside the code and the hash. */
function verification(doc: Doc, v: DocumentVerification): void {
  const side = 22 * MM;
  const bottom = A4[1] - MARGIN.bottom;
  if (doc.y + 6 * MM + side > bottom) doc.addPage();
  const top = Math.max(doc.y + 6 * MM, bottom - side);
  const rows = qrModules(v.url);
  const cell = side / (rows.length + 8);
  rows.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) doc.rect(MARGIN.left + (x + 4) * cell, top + (y + 4) * cell, cell, cell);
    }),
  );
  doc.fillColor('#000000').fill();
  const x = MARGIN.left + side + 4 * MM;
  const width = A4[0] - MARGIN.right - x;
  doc.fontSize(9).text(`验证码：${v.code}（扫码或输入验证码核验本文书是否由本机关出具、是否被改动）`, x, top + 4 * MM, { width });
  doc.fontSize(7.5).text(`SHA-256：${v.hash}`, x, doc.y + 1 * MM, { width });
  doc.fontSize(BODY);
}

/**
 * Render a composed document as an A4 PDF: the host's CJK font embedded as a subset (only
 * the glyphs used), text selectable and searchable, deterministic bytes for the same input
 * (creation and modification dates are the document's issue time; the file ID derives from
 * them). Throws {@link PdfFontError} when the font is missing; nothing is rendered.
 *
 * @example
 * ```ts
 * const pdf = await renderDocumentPdf(composed, { font: findSystemCjkFont() ?? { path: '/srv/fonts/NotoSansSC-Regular.otf' } });
 * ```
 */
export async function renderDocumentPdf(composed: ComposedDocument, options: RenderPdfOptions): Promise<Uint8Array> {
  const bytes = fontBytes(options.font);
  const issued = new Date(composed.issuedAt);
  const doc = new PDFDocument({
    size: A4,
    margins: MARGIN,
    compress: true,
    pdfVersion: '1.7',
    autoFirstPage: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: composed.title,
      Subject: `${composed.kind} ${composed.hazardId} ${composed.eventId}`,
      Creator: `anjian documents (${composed.kind}@${composed.templateVersion})`,
      Producer: 'anjian documents-pdf',
      CreationDate: issued,
      ModDate: issued,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  try {
    doc.registerFont('cjk', bytes as unknown as string, options.font.family as string);
    doc.font('cjk');
  } catch (error) {
    throw new PdfFontError(
      {
        'zh-CN': `字体无法使用${options.font.family ? `（字体集中没有「${options.font.family}」？）` : ''}：${String((error as Error).message).slice(0, 200)}`,
        en: `the font cannot be used${options.font.family ? ` (no face "${options.font.family}" in the collection?)` : ''}: ${String((error as Error).message).slice(0, 200)}`,
      },
      { cause: error },
    );
  }
  doc.fontSize(16).text(composed.header, { align: 'center', characterSpacing: 1 });
  doc.moveDown(0.2);
  doc.fontSize(21).text(composed.title, { align: 'center', characterSpacing: 3 });
  doc.fontSize(11).text(composed.number ?? ' ', { align: 'right' });
  doc.moveDown(0.8);
  doc.fontSize(BODY);
  for (const b of composed.blocks) block(doc, b);
  if (composed.verification) verification(doc, composed.verification);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
