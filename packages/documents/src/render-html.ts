import type { ComposedBlock, ComposedDocument, TextRun } from './compose.js';
import { qrModules, type DocumentVerification } from './verification.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML-escape text for element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** The print stylesheet: A4, 2.5 cm / 2 cm margins, serif CJK, underlined filled values. */
export const DOCUMENT_CSS = `
@page { size: A4; margin: 25mm 20mm 20mm 20mm; }
* { box-sizing: border-box; }
html { background: #f3f3f3; }
body { margin: 0; font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; font-size: 12.5pt; line-height: 1.6; color: #000; }
.page { width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 25mm 20mm 20mm; background: #fff; box-shadow: 0 0 4mm rgba(0,0,0,.15); }
.header { text-align: center; font-size: 18pt; letter-spacing: .1em; margin: 0; }
.title { text-align: center; font-size: 22pt; font-weight: bold; letter-spacing: .15em; margin: 2mm 0 0; }
.number { text-align: right; font-size: 12pt; margin: 2mm 0 6mm; }
p { margin: 0 0 2mm; }
p.indent { text-indent: 2em; }
p.center { text-align: center; } p.right { text-align: right; }
.filled { text-decoration: underline; text-underline-offset: 3px; }
table.fields { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 11.5pt; }
table.fields th, table.fields td { border: 1px solid #000; padding: 1mm 2.5mm; vertical-align: top; }
table.fields th { width: 28%; font-weight: normal; text-align: center; white-space: nowrap; }
.officers { margin: 4mm 0 0; }
.officer { display: flex; align-items: flex-end; gap: 4mm; margin: 0; padding-top: 4mm; }
.officer .who { flex: 1; }
.officer .sign { flex: none; width: 58mm; display: flex; }
.officer .sign span { flex: 1; border-bottom: 1px solid #000; margin-bottom: .35em; }
.signatures { display: flex; justify-content: space-between; gap: 8mm; margin: 10mm 0 4mm; }
.signatures div { flex: 1; border-top: 1px solid #000; padding-top: 1mm; font-size: 11.5pt; }
.issuer { text-align: right; margin-top: 8mm; }
.issuer p { margin: 0; }
tr, .signing { break-inside: avoid; }
.foot { display: flex; align-items: flex-start; justify-content: space-between; gap: 6mm; margin-top: 8mm; }
.foot .issuer, .foot .verification { margin-top: 0; }
.seal { color: #b00; }
.verification { display: flex; align-items: center; gap: 4mm; margin-top: 8mm; font-size: 9pt; color: #333; }
.verification svg { width: 22mm; height: 22mm; flex: none; }
.verification .hash { font-family: monospace; word-break: break-all; }
@media print { html { background: none; } .page { margin: 0; padding: 0; width: auto; min-height: 0; box-shadow: none; } }
`;

function runs(list: readonly TextRun[]): string {
  return list.map((r) => (r.filled ? `<span class="filled">${escapeHtml(r.text) || '&#12288;&#12288;&#12288;&#12288;'}</span>` : escapeHtml(r.text))).join('');
}

function block(b: ComposedBlock): string {
  switch (b.type) {
    case 'paragraph':
      return `<p class="${[b.indent ? 'indent' : '', b.align !== 'left' ? b.align : ''].filter(Boolean).join(' ')}">${runs(b.runs)}</p>`;
    case 'table':
      return `<table class="fields"><tbody>${b.rows.map((r) => `<tr><th scope="row">${escapeHtml(r.label)}</th><td>${escapeHtml(r.value).replace(/\n/g, '<br>')}</td></tr>`).join('')}</tbody></table>`;
    case 'officers':
      // One row per officer with a line for the handwritten signature (a printed name is not a signature).
      return `<div class="officers">${b.officers
        .map(
          (o) =>
            `<p class="officer"><span class="who">执法人员：<span class="filled">${escapeHtml(o.name)}</span>（执法证号：<span class="filled">${escapeHtml(o.certificateNo)}</span>）</span><span class="sign">签名：<span></span></span></p>`,
        )
        .join('')}</div>`;
    case 'signatures':
      return `<div class="signatures">${b.labels.map((l) => `<div>${escapeHtml(l)}</div>`).join('')}</div>`;
    case 'issuer':
      return `<div class="issuer"><p>${escapeHtml(b.department)}</p><p><span class="seal">${escapeHtml(b.seal)}</span>&#12288;${escapeHtml(b.date)}</p></div>`;
  }
}

/** The QR code as an SVG path of dark modules (crisp at any print resolution). */
function qrSvg(text: string): string {
  const rows = qrModules(text);
  const n = rows.length + 8;
  let d = '';
  rows.forEach((row, y) => row.forEach((dark, x) => (d += dark ? `M${x + 4} ${y + 4}h1v1h-1z` : '')));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" shape-rendering="crispEdges" role="img" aria-label="验证二维码"><rect width="${n}" height="${n}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
}

function verificationBlock(v: DocumentVerification): string {
  return `<footer class="verification">${qrSvg(v.url)}<div><p>验证码：<strong>${escapeHtml(v.code)}</strong>（扫码或输入验证码核验本文书是否由本机关出具、是否被改动）</p><p class="hash">SHA-256：${escapeHtml(v.hash)}</p></div></footer>`;
}

const SIGNING: ReadonlySet<ComposedBlock['type']> = new Set(['officers', 'signatures', 'issuer']);

/**
 * The blocks, with the signing tail — the trailing officers, signature lines and issuer — in
 * one element printed whole on one page (the seal never on a page of its own), and the
 * verification beside the issuer.
 */
function body(doc: ComposedDocument): string {
  let tail = doc.blocks.length;
  while (tail > 0 && SIGNING.has((doc.blocks[tail - 1] as ComposedBlock).type)) tail--;
  const v = doc.verification;
  const last = doc.blocks[doc.blocks.length - 1];
  const signing = doc.blocks.slice(tail).map((b) => (b === last && b.type === 'issuer' && v ? `<div class="foot">${verificationBlock(v)}${block(b)}</div>` : block(b)));
  const foot = v && last?.type !== 'issuer' ? verificationBlock(v) : '';
  return `${doc.blocks.slice(0, tail).map(block).join('\n')}\n<div class="signing">${signing.join('\n')}${foot}</div>`;
}

/** A CSS string literal: quotes, backslashes, line breaks and `<` escaped (it sits in a <style> element). */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/** The foot of every printed page: the document number and 第 n 页 共 m 页 (CSS page margin box). */
function pageFooterCss(doc: ComposedDocument): string {
  const number = doc.number ? `${cssString(`${doc.number}\u3000`)} ` : '';
  return `@page { @bottom-center { content: ${number}"第 " counter(page) " 页 共 " counter(pages) " 页"; font-size: 9pt; font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; } }`;
}

/**
 * Render a composed document as a complete, print-ready A4 HTML page (inline print CSS, no
 * script, no external resource). Every value is HTML-escaped. Runs in browsers and Node.
 *
 * @example
 * ```ts
 * const html = renderDocumentHtml(composed.value);
 * ```
 */
export function renderDocumentHtml(doc: ComposedDocument): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="anjian documents ${escapeHtml(doc.kind)}@${escapeHtml(doc.templateVersion)}">
<title>${escapeHtml(doc.title)}</title>
<style>${DOCUMENT_CSS}${pageFooterCss(doc)}</style>
</head>
<body>
<main class="page" data-kind="${escapeHtml(doc.kind)}" data-hazard="${escapeHtml(doc.hazardId)}" data-event="${escapeHtml(doc.eventId)}">
<p class="header">${escapeHtml(doc.header)}</p>
<h1 class="title">${escapeHtml(doc.title)}</h1>
<p class="number">${doc.number ? escapeHtml(doc.number) : ''}</p>
${body(doc)}
</main>
</body>
</html>
`;
}
