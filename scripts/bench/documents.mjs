// `pnpm bench:documents`: how fast enforcement documents are issued and rendered, on one
// core (one Node thread), and how large a PDF page is.
//  1. Runs the review chain through handleCommand on a memory store with document numbering
//     (jurisdiction D1): --hazards grid hazards, each reported and noticed (隐患整改通知书).
//  2. HTML: issueDocument (events + number + directory → composed, sealed, hash recorded) and
//     renderDocumentHtml for every hazard; prints documents/s.
//  3. PDF: renderDocumentPdf of --pdf of them with the system Noto CJK font (embedded subset);
//     prints documents/s, bytes per document and per page.
// Runs against the built packages (`pnpm bench:documents` builds core, documents and
// documents-pdf first). Options: --hazards 400 --pdf 40
import { parseArgs } from 'node:util';
import { createMemoryStore, createStaticDirectory, handleCommand } from '@anjian/core';
import { TEST_ACTORS, TEST_CALENDAR_2026, TEST_ENTERPRISES, createFixedClock, reportCommand } from '@anjian/core/testing';
import { documentNumbering, issueDocument, loadOverride, renderDocumentHtml } from '../../packages/documents/dist/index.js';
import { loadBuiltinTemplate } from '../../packages/documents/dist/node/index.js';
import { findSystemCjkFont, renderDocumentPdf } from '../../packages/documents-pdf/dist/index.js';

const { values } = parseArgs({ options: { hazards: { type: 'string', default: '400' }, pdf: { type: 'string', default: '40' } } });
const hazards = Number(values.hazards);
const pdfs = Math.min(hazards, Number(values.pdf));

const store = createMemoryStore();
const clock = createFixedClock('2026-11-02T01:00:00Z');
const deps = {
  store,
  clock,
  calendar: TEST_CALENDAR_2026,
  directory: createStaticDirectory(Object.values(TEST_ACTORS), TEST_ENTERPRISES),
  documentNumbers: documentNumbering({ jurisdiction: 'D1' }),
};
const basis = [{ regulation: 'gas-regulation', clause: '第十八条', number: '国务院令第583号', edition: '2016', title: { 'zh-CN': '城镇燃气管理条例' }, status: 'current', confidence: 'verified' }];
for (let i = 0; i < hazards; i++) {
  const hazardId = `H-${i}`;
  for (const command of [reportCommand(hazardId, { commandId: `${hazardId}:r`, basis }), { type: 'issue_notice', commandId: `${hazardId}:n`, hazardId }]) {
    const r = await handleCommand(deps, command, 'grid-g1');
    if ('rejection' in r) throw new Error(`${command.type}: ${r.rejection.code}`);
  }
  clock.advance(1000);
}
const override = loadOverride(
  'format: anjian-document-override/1\njurisdiction: D1\ndepartment: 北京市东城区应急管理局\nnumberPrefix: （东）应急\nreconsideration: { government: 北京市东城区人民政府, court: 北京市东城区人民法院 }\n',
  'd1.yaml',
);
if (!override.ok) throw new Error('override');
const template = loadBuiltinTemplate('rectification_notice');
const directory = {
  enterprise: async (id) => ({ id, name: `企业 ${id}`, address: '东城区和平里北街18号', legalRepresentative: '王建国' }),
  officer: async (id) => ({ id, name: '陈静' }),
};

const issued = [];
let bytes = 0;
let started = performance.now();
for (let i = 0; i < hazards; i++) {
  const r = await issueDocument({ store, hazardId: `H-${i}`, template, override: override.value, directory, now: clock.now().toISOString(), verifyUrl: 'https://portal.example/api/documents/verify' });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  bytes += renderDocumentHtml(r.value.document).length;
  issued.push(r.value.document);
}
const htmlMs = performance.now() - started;
console.log(
  `HTML  ${hazards} documents (issue: gather + compose + seal + record hash, then render) in ${htmlMs.toFixed(0)} ms: ${((hazards * 1000) / htmlMs).toFixed(0)} documents/s, ${(bytes / hazards / 1024).toFixed(1)} KB each`,
);

const font = findSystemCjkFont();
if (!font) {
  console.log('PDF   skipped: no system CJK font (/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc)');
} else {
  await renderDocumentPdf(issued[0], { font }); // the font file is read and parsed once
  let pdfBytes = 0;
  let pages = 0;
  started = performance.now();
  for (let i = 0; i < pdfs; i++) {
    const pdf = await renderDocumentPdf(issued[i], { font });
    pdfBytes += pdf.byteLength;
    pages += (
      Buffer.from(pdf)
        .toString('latin1')
        .match(/\/Type \/Page\b/g) ?? []
    ).length;
  }
  const pdfMs = performance.now() - started;
  console.log(
    `PDF   ${pdfs} documents in ${pdfMs.toFixed(0)} ms: ${((pdfs * 1000) / pdfMs).toFixed(1)} documents/s, ${(pdfBytes / pdfs / 1024).toFixed(1)} KB per document, ${(pdfBytes / Math.max(1, pages) / 1024).toFixed(1)} KB per page (${pages} pages)`,
  );
}
