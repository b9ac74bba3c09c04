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

/** The lowest y content may reach on a page (the footer with the page number is below it). */
const BOTTOM = A4[1] - MARGIN.bottom;

/** Start a new page unless `height` more points fit on this one (keeps a block whole). */
function keepTogether(doc: Doc, height: number): void {
  if (doc.y + height > BOTTOM) doc.addPage();
}

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
  const labelWidth = Math.round(width * 0.3);
  const valueWidth = width - labelWidth;
  const pad = 2 * MM;
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
  const top = doc.y;
  switch (b.type) {
    case 'paragraph':
      runs(doc, b.runs, { indent: b.indent ? 2 * BODY : 0, align: b.align });
      doc.moveDown(0.3);
      break;
    case 'table':
      table(doc, b.rows);
      break;
    case 'officers':
      doc.y = top + officersAt(doc, b, top, true);
      break;
    case 'signatures':
      doc.y = top + signaturesAt(doc, b, top, true);
      break;
    case 'issuer':
      doc.y = top + issuerAt(doc, b, undefined, top, true);
      break;
  }
  doc.x = MARGIN.left;
}

// The blocks where a document is signed and sealed are laid out by functions that measure
// (draw = false) exactly what they draw, so the renderer can keep each whole on one page and
// move the officers, the signatures and the seal to the next page together rather than leave
// a signature or the seal on a page of its own. Each returns the height it takes below `top`.

/**
 * One row per officer: the name and 执法证号 the event recorded, then a blank to sign by hand
 * (a printed name is not a signature), with room above the line for the handwriting.
 */
function officersAt(doc: Doc, b: Extract<ComposedBlock, { type: 'officers' }>, top: number, draw: boolean): number {
  doc.fontSize(BODY);
  const width = A4[0] - MARGIN.left - MARGIN.right;
  const sign = '签名：';
  const blank = 42 * MM;
  const signX = MARGIN.left + width - blank - doc.widthOfString(sign);
  const textWidth = signX - MARGIN.left - 4 * MM;
  let y = top;
  for (const o of b.officers) {
    const line = `执法人员：${o.name}（执法证号：${o.certificateNo}）`;
    const textTop = y + 3.5 * MM;
    const h = doc.heightOfString(line, { width: textWidth });
    if (draw) {
      doc.text(line, MARGIN.left, textTop, { width: textWidth });
      doc.text(sign, signX, textTop, { lineBreak: false });
      doc
        .lineWidth(0.6)
        .moveTo(signX + doc.widthOfString(sign), textTop + BODY + 1)
        .lineTo(MARGIN.left + width, textTop + BODY + 1)
        .stroke();
    }
    y = textTop + Math.max(h, BODY + 2) + 1.5 * MM;
  }
  return y - top + 1 * MM;
}

/** Lines to sign on with their captions under them, side by side. */
function signaturesAt(doc: Doc, b: Extract<ComposedBlock, { type: 'signatures' }>, top: number, draw: boolean): number {
  const width = A4[0] - MARGIN.left - MARGIN.right;
  const gap = 6 * MM;
  const each = (width - gap * (b.labels.length - 1)) / b.labels.length;
  doc.fontSize(BODY - 1.5);
  const captions = Math.max(...b.labels.map((label) => doc.heightOfString(label, { width: each })));
  const y = top + 10 * MM;
  if (draw) {
    b.labels.forEach((label, i) => {
      const x = MARGIN.left + i * (each + gap);
      doc
        .lineWidth(0.6)
        .moveTo(x, y)
        .lineTo(x + each, y)
        .stroke();
      doc.text(label, x, y + 3, { width: each });
    });
  }
  doc.fontSize(BODY);
  return 10 * MM + 3 + captions + 3 * MM;
}

/**
 * The issuer — department, seal placeholder, date — right-aligned; with the verification QR
 * code and code beside it on the left when the document is sealed, so the foot needs no page
 * of its own.
 */
function issuerAt(doc: Doc, b: Extract<ComposedBlock, { type: 'issuer' }>, v: DocumentVerification | undefined, top: number, draw: boolean): number {
  doc.fontSize(BODY);
  const width = A4[0] - MARGIN.left - MARGIN.right - 8 * MM;
  const lines = [b.department, b.seal, b.date];
  const textWidth = Math.min(width * 0.48, Math.max(...lines.map((l) => doc.widthOfString(l))) + 1);
  const heights = lines.map((l) => doc.heightOfString(l, { width: textWidth }));
  const y = top + 5 * MM;
  const x = MARGIN.left + width - textWidth;
  if (draw) {
    let at = y;
    lines.forEach((l, i) => {
      doc.fillColor(i === 1 ? '#b00000' : '#000000').text(l, x, at, { align: 'right', width: textWidth });
      at += heights[i] as number;
    });
    doc.fillColor('#000000');
    if (v) verificationAt(doc, v, y, x - 6 * MM);
  }
  return (
    5 * MM +
    Math.max(
      heights.reduce((sum, h) => sum + h, 0),
      v ? verificationAt(doc, v, y, x - 6 * MM, false) : 0,
    )
  );
}

/** The height of a block kept whole, or null for paragraphs and tables (they flow). */
function wholeHeight(doc: Doc, b: ComposedBlock, v: DocumentVerification | undefined): number | null {
  if (b.type === 'officers') return officersAt(doc, b, 0, false);
  if (b.type === 'signatures') return signaturesAt(doc, b, 0, false);
  if (b.type === 'issuer') return issuerAt(doc, b, v, 0, false);
  return null;
}

const QR_SIDE = 22 * MM;

/** The QR code (22 mm, drawn as squares) at (left margin, `top`), the code and the hash beside it up to `right`. */
function verificationAt(doc: Doc, v: DocumentVerification, top: number, right: number, draw = true): number {
  const side = QR_SIDE;
  const x = MARGIN.left + side + 4 * MM;
  const width = right - x;
  // The code on a line of its own: never broken at its hyphen.
  const code = `验证码：${v.code}\n（扫码或输入验证码核验本文书是否由本机关出具、是否被改动）`;
  const hash = `SHA-256：${v.hash}`;
  const codeHeight = doc.fontSize(9).heightOfString(code, { width });
  const hashHeight = doc.fontSize(7.5).heightOfString(hash, { width });
  if (draw) {
    const rows = qrModules(v.url);
    const cell = side / (rows.length + 8);
    rows.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) doc.rect(MARGIN.left + (x + 4) * cell, top + (y + 4) * cell, cell, cell);
      }),
    );
    doc.fillColor('#000000').fill();
    doc.fontSize(9).text(code, x, top + 3 * MM, { width });
    doc.fontSize(7.5).text(hash, x, top + 3 * MM + codeHeight + 1 * MM, { width });
  }
  doc.fontSize(BODY);
  // The QR code, or the text beside it when that is taller (a narrow column beside a long department name).
  return Math.max(side, 3 * MM + codeHeight + 1 * MM + hashHeight);
}

/** The verification at the foot of a document without an issuer block: at the bottom of the last page, or a new page when it does not fit. */
function verification(doc: Doc, v: DocumentVerification): void {
  const height = verificationAt(doc, v, 0, A4[0] - MARGIN.right, false);
  keepTogether(doc, 6 * MM + height);
  verificationAt(doc, v, Math.max(doc.y + 6 * MM, BOTTOM - height), A4[0] - MARGIN.right);
}

/**
 * The foot of every page, in the bottom margin: the document number and 第 n 页 共 m 页, so
 * a page that is separated from the others still says which document it belongs to.
 */
function pageFooters(doc: Doc, number: string | null): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const text = `${number ? `${number}\u3000` : ''}第 ${i - range.start + 1} 页 共 ${range.count} 页`;
    doc.fontSize(9).fillColor('#000000');
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not start a page
    doc.text(text, (A4[0] - doc.widthOfString(text)) / 2, A4[1] - MARGIN.bottom + 7 * MM, { lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** Every text of a document passed through `f` (what the PDF prints). */
function mapText(d: ComposedDocument, f: (text: string) => string): ComposedDocument {
  const blocks = d.blocks.map((b): ComposedBlock => {
    switch (b.type) {
      case 'paragraph':
        return { ...b, runs: b.runs.map((r) => ({ ...r, text: f(r.text) })) };
      case 'table':
        return { ...b, rows: b.rows.map((r) => ({ label: f(r.label), value: f(r.value) })) };
      case 'officers':
        return { ...b, officers: b.officers.map((o) => ({ name: f(o.name), certificateNo: f(o.certificateNo) })) };
      case 'signatures':
        return { ...b, labels: b.labels.map(f) };
      case 'issuer':
        return { ...b, department: f(b.department), seal: f(b.seal), date: f(b.date) };
    }
  });
  return { ...d, header: f(d.header), title: f(d.title), number: d.number === null ? null : f(d.number), blocks };
}

/**
 * The document as the font can print it. An invisible format character the font lacks (a
 * zero-width space or joiner, a byte-order mark, a soft hyphen pasted with a name) is left
 * out — it prints nothing either way; any other character the font lacks refuses the
 * document with a {@link PdfFontError} naming it, rather than print a box in place of part
 * of a name.
 */
function printable(d: ComposedDocument, hasGlyph: (codePoint: number) => boolean, family: string | undefined): ComposedDocument {
  const missing = new Map<string, string>();
  const out = mapText(d, (text) =>
    [...text]
      .filter((ch) => {
        const cp = ch.codePointAt(0) as number;
        if (ch === '\n' || hasGlyph(cp)) return true;
        if (!/\p{Cf}/u.test(ch) && !missing.has(ch)) missing.set(ch, text);
        return false;
      })
      .join(''),
  );
  if (missing.size > 0) {
    const list = [...missing].map(([ch, text]) => `${ch}（U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}，「${text.length > 30 ? `${text.slice(0, 30)}…` : text}」）`);
    throw new PdfFontError({
      'zh-CN': `字体${family ? `「${family}」` : ''}中没有以下字符，打印出来会是方框：${list.join('、')}：请更正目录或记录中的文字，或换用包含这些字符的字体`,
      en: `the font${family ? ` "${family}"` : ''} has no glyph for these characters, which would print as boxes: ${list.join(', ')}: correct the text in the directory or record, or use a font that has them`,
    });
  }
  return out;
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
export async function renderDocumentPdf(document: ComposedDocument, options: RenderPdfOptions): Promise<Uint8Array> {
  let composed = document;
  const bytes = fontBytes(options.font);
  const issued = new Date(composed.issuedAt);
  const doc = new PDFDocument({
    size: A4,
    margins: MARGIN,
    compress: true,
    pdfVersion: '1.7',
    autoFirstPage: true,
    bufferPages: true,
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
  // pdfkit's embedded font is a fontkit font: it says which code points it has glyphs for.
  const face = (doc as unknown as { _font?: { font?: { hasGlyphForCodePoint?: (cp: number) => boolean } } })._font?.font;
  if (typeof face?.hasGlyphForCodePoint !== 'function') throw new PdfFontError({ 'zh-CN': '无法检查字体包含哪些字符', en: 'cannot check which characters the font has' });
  composed = printable(composed, (cp) => face.hasGlyphForCodePoint!(cp), options.font.family);
  doc.fontSize(16).text(composed.header, { align: 'center', characterSpacing: 1 });
  doc.moveDown(0.2);
  doc.fontSize(21).text(composed.title, { align: 'center', characterSpacing: 3 });
  doc.fontSize(11).text(composed.number ?? ' ', { align: 'right' });
  doc.moveDown(0.8);
  doc.fontSize(BODY);
  const blocks = composed.blocks;
  const lastIssuer = blocks.map((b) => b.type).lastIndexOf('issuer');
  const v = composed.verification;
  // The signing tail: the trailing officers, signatures and issuer blocks (and the
  // verification of a document without an issuer). Kept on one page when it fits on one.
  let tail = blocks.length;
  while (tail > 0 && wholeHeight(doc, blocks[tail - 1] as ComposedBlock, undefined) !== null) tail--;
  blocks.forEach((b, i) => {
    if (i === tail) {
      const need =
        blocks.slice(tail).reduce((sum, x, j) => sum + (wholeHeight(doc, x, tail + j === lastIssuer ? v : undefined) ?? 0), 0) +
        (v && lastIssuer < 0 ? 6 * MM + verificationAt(doc, v, 0, A4[0] - MARGIN.right, false) : 0);
      if (need <= BOTTOM - MARGIN.top) keepTogether(doc, need);
    }
    const whole = wholeHeight(doc, b, i === lastIssuer ? v : undefined);
    if (whole !== null) keepTogether(doc, whole);
    if (i === lastIssuer && b.type === 'issuer') {
      const top = doc.y;
      doc.y = top + issuerAt(doc, b, v, top, true);
      doc.x = MARGIN.left;
    } else block(doc, b);
  });
  if (v && lastIssuer < 0) verification(doc, v);
  pageFooters(doc, composed.number);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
