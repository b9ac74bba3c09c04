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
body { margin: 0; font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; font-size: 12.5pt; line-height: 1.75; color: #000; }
.page { width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 25mm 20mm 20mm; background: #fff; box-shadow: 0 0 4mm rgba(0,0,0,.15); }
.header { text-align: center; font-size: 18pt; letter-spacing: .1em; margin: 0; }
.title { text-align: center; font-size: 22pt; font-weight: bold; letter-spacing: .15em; margin: 2mm 0 0; }
.number { text-align: right; font-size: 12pt; margin: 2mm 0 6mm; }
p { margin: 0 0 2mm; }
p.indent { text-indent: 2em; }
p.center { text-align: center; } p.right { text-align: right; }
.filled { text-decoration: underline; text-underline-offset: 3px; }
table.fields { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 11.5pt; }
table.fields th, table.fields td { border: 1px solid #000; padding: 1.5mm 2.5mm; vertical-align: top; }
table.fields th { width: 28%; font-weight: normal; text-align: center; white-space: nowrap; }
.officers { margin: 4mm 0; }
.officer { white-space: nowrap; }
.signatures { display: flex; justify-content: space-between; gap: 8mm; margin: 8mm 0 4mm; }
.signatures div { flex: 1; border-top: 1px solid #000; padding-top: 1mm; font-size: 11.5pt; }
.issuer { text-align: right; margin-top: 10mm; }
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
      return `<p class="officers">执法人员：${b.officers.map((o) => `<span class="officer"><span class="filled">${escapeHtml(o.name)}</span>（执法证号：<span class="filled">${escapeHtml(o.certificateNo)}</span>）</span>`).join('　')}</p>`;
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
<style>${DOCUMENT_CSS}</style>
</head>
<body>
<main class="page" data-kind="${escapeHtml(doc.kind)}" data-hazard="${escapeHtml(doc.hazardId)}" data-event="${escapeHtml(doc.eventId)}">
<p class="header">${escapeHtml(doc.header)}</p>
<h1 class="title">${escapeHtml(doc.title)}</h1>
<p class="number">${doc.number ? escapeHtml(doc.number) : ''}</p>
${doc.blocks.map(block).join('\n')}
${doc.verification ? verificationBlock(doc.verification) : ''}
</main>
</body>
</html>
`;
}
