/**
 * @anjian/documents-pdf — A4 PDF output for `@anjian/documents` (Node): pdfkit, a subset of
 * a host-supplied CJK font, selectable text, deterministic bytes.
 *
 * @packageDocumentation
 */
export { renderDocumentPdf } from './render-pdf.js';
export type { RenderPdfOptions } from './render-pdf.js';
export { DEBIAN_NOTO_SANS_CJK, PdfFontError, findSystemCjkFont } from './font.js';
export type { PdfFont } from './font.js';
