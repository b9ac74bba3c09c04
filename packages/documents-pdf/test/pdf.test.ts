import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore } from '@anjian/core';
import { sealDocument, type ComposedDocument, type DocumentKind } from '@anjian/documents';
import { PdfFontError, renderDocumentPdf } from '../src/index.js';
import { composeAllKinds } from '../../documents/test/chain-run.js';
import { STRESS } from '../../documents/test/stress-data.js';

import { font, hasPoppler } from './tools.js';

// Every kind's required fields and fonts: sqlite.test.ts and postgres.test.ts (every-kind.ts).
const dir = mkdtempSync(join(tmpdir(), 'anjian-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let docs: Map<DocumentKind, ComposedDocument>;
beforeAll(async () => {
  docs = await composeAllKinds();
});

describe.skipIf(font === null || !hasPoppler)('PDF', () => {
  it('a long document flows onto further A4 pages, tables and signatures included', async () => {
    const doc = docs.get('case_filing_approval') as ComposedDocument;
    const long = '有限空间作业未执行先通风再检测后作业，'.repeat(120) + '末尾标记';
    const blocks = doc.blocks.map((b) => (b.type === 'table' ? { ...b, rows: b.rows.map((r) => (r.label.startsWith('案由') ? { ...r, value: long } : r)) } : b));
    const file = join(dir, 'long.pdf');
    writeFileSync(file, await renderDocumentPdf({ ...doc, blocks }, { font: font! }));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of ['末尾标记', '案由（涉嫌的问题）（续）', '负责人审批意见', 'GAS-D1-0002']) expect(text).toContain(s);
  });

  it('the review opinion prints the evidence its decision rested on: what the rectifier submitted and what the reviewer added, with the receipt times', async () => {
    const file = join(dir, 'review-opinion.pdf');
    writeFileSync(file, await renderDocumentPdf(docs.get('review_opinion') as ComposedDocument, { font: font! }));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    // pdftotext drops a hyphen where a line breaks: the ids are checked by their ends.
    for (const s of [
      '整改报送材料',
      '整改前照片1份、整改后照片2份，2026年11月5日09:00收到：fix',
      'photo_before-1、fix',
      'photo_after-2',
      '复查人员所附证据',
      '复查照片1份、文件1份，2026年11月6日09:00收到：review',
    ]) {
      expect(text).toContain(s);
    }
  });

  // The docs promise one page per kind: an official form whose signatures, seal and verification code sit on a second
  // page is wrong. The test run's values, and the long ones (long name, address, legal representative; a rectification
  // and a review with the most uploads a command carries, ids over 100 characters) — not the twelve findings, whose
  // rectification rows flow onto a further page (layout.test). The 行政处罚决定书 is text the law prescribes
  // (《行政处罚法》第五十九条) and runs to two pages: left out here, by name.
  it('every kind prints on one A4 page, sealed, with the test values and with long values and many uploads', async () => {
    const { reports: _twelveFindings, ...longValues } = STRESS;
    const runs = { plain: docs, long: await composeAllKinds(createMemoryStore(), { numbered: true, ...longValues }) };
    const pages: Record<string, number> = {};
    for (const [name, set] of Object.entries(runs)) {
      for (const [kind, doc] of set) {
        if (kind === 'penalty_decision') continue;
        const file = join(dir, `one-page-${name}-${kind}.pdf`);
        writeFileSync(file, await renderDocumentPdf(sealDocument(doc, { verifyUrl: 'https://portal.example/v' }), { font: font! }));
        pages[`${name} ${kind}`] = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
      }
    }
    expect(Object.keys(pages)).toHaveLength(18);
    expect(Object.entries(pages).filter(([, n]) => n !== 1)).toEqual([]);
  }, 60_000);

  it('the same input gives the same bytes', async () => {
    const doc = docs.get('rectification_order') as ComposedDocument;
    const a = await renderDocumentPdf(doc, { font: font! });
    const b = await renderDocumentPdf(doc, { font: font! });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const c = await renderDocumentPdf({ ...doc, title: `${doc.title}（副本）` }, { font: font! });
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it('the font bytes can be passed instead of a path', async () => {
    const bytes = readFileSync(font!.path as string);
    const pdf = await renderDocumentPdf(docs.get('review_opinion') as ComposedDocument, { font: { bytes, family: font!.family as string } });
    expect(Buffer.from(pdf.subarray(0, 8)).toString('latin1')).toBe('%PDF-1.7');
  });
});

describe('font errors', () => {
  it('no font, an unreadable path, or an unknown face → a bilingual PdfFontError, nothing rendered', async () => {
    const doc = (await composeAllKinds()).get('rectification_order') as ComposedDocument;
    const errors: unknown[] = [];
    for (const f of [{}, { path: '/nonexistent/font.ttc' }, ...(font ? [{ path: font.path as string, family: 'NoSuchFace-Regular' }] : [])]) {
      errors.push(
        await renderDocumentPdf(doc, { font: f }).then(
          () => null,
          (e: unknown) => e,
        ),
      );
    }
    for (const e of errors) {
      expect(PdfFontError.is(e)).toBe(true);
      expect((e as PdfFontError).messages['zh-CN']).toMatch(/字体/);
      expect((e as PdfFontError).messages.en).toMatch(/font/);
    }
  });
});
