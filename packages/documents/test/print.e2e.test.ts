// The HTML as a browser prints it: Debian's Chromium (scripts/test-setup.sh installs it)
// prints each kind to PDF with the page's own @page rules; each fits one A4 page and the
// printed text carries the document's values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromiumPath } from '../../../scripts/chromium-path.mjs';
import { createMemoryStore } from '@anjian/core';
import { DOCUMENT_KINDS, renderDocumentHtml, sealDocument, type ComposedDocument, type DocumentKind } from '../src/index.js';
import { composeAllKinds } from './chain-run.js';
import { STRESS } from './stress-data.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-print-'));
let browser: Browser;
let docs: Map<DocumentKind, ComposedDocument>;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath() });
  docs = await composeAllKinds();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('HTML printed by Chromium', () => {
  it.each(DOCUMENT_KINDS.map((k) => [k]))('%s prints on one A4 page with its values, and runs no script', async (kind) => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    try {
      await page.setContent(renderDocumentHtml(docs.get(kind) as ComposedDocument));
      const file = join(dir, `${kind}.pdf`);
      writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Pages:\s+1\n/);
      expect(info).toMatch(/Page size:.*\(A4\)/);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      expect(text).toContain('测试餐馆一');
      expect(text).toContain('北京市东城区应急管理局');
      // The page footer (CSS page margin box) and, on an enforcement document, a line for each officer to sign.
      expect(text).toContain('第1页共1页');
      if (docs.get(kind)!.blocks.some((b) => b.type === 'officers' && b.officers.length === 2)) expect(text.match(/签名：/g)?.length).toBeGreaterThanOrEqual(2);
    } finally {
      await page.close();
    }
  });

  // Long values (name, address, legal representative) and the most uploads a hazard holds, ids over 100 characters, sealed:
  // still one page each (the twelve findings of STRESS are left out — their rectification rows flow onto a further page,
  // the case below). The 行政处罚决定书's prescribed text runs long: left out, by name (its PDF runs to two pages).
  it('with long values and many uploads, sealed, every kind still prints on one A4 page', async () => {
    const { reports: _twelveFindings, ...longValues } = STRESS;
    const long = await composeAllKinds(createMemoryStore(), { numbered: true, ...longValues });
    const pages: Record<string, number> = {};
    for (const [kind, composed] of long) {
      if (kind === 'penalty_decision') continue;
      const page = await browser.newPage({ javaScriptEnabled: false });
      try {
        await page.setContent(renderDocumentHtml(sealDocument(composed, { verifyUrl: 'https://portal.example/v' })));
        const file = join(dir, `long-${kind}.pdf`);
        writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
        pages[kind] = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
      } finally {
        await page.close();
      }
    }
    expect(Object.keys(pages)).toHaveLength(DOCUMENT_KINDS.length - 1);
    expect(Object.entries(pages).filter(([, n]) => n !== 1)).toEqual([]);
  }, 60_000);

  it('a long sealed notice: every page numbered with the 文号; signature lines, seal and verification code whole on one page', async () => {
    const doc = sealDocument((await composeAllKinds(createMemoryStore(), { numbered: true, ...STRESS })).get('rectification_notice')!, { verifyUrl: 'https://portal.example/v' });
    const page = await browser.newPage({ javaScriptEnabled: false });
    try {
      await page.setContent(renderDocumentHtml(doc));
      const file = join(dir, 'long-notice.pdf');
      writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
      const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
      expect(count).toBeGreaterThanOrEqual(2);
      const pages = Array.from({ length: count }, (_, i) => execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', `${i + 1}`, '-l', `${i + 1}`, file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''));
      pages.forEach((text, i) => expect(text).toContain(`${doc.number}第${i + 1}页共${count}页`));
      const signing = pages.filter((t) => t.includes('网格员（签名）'));
      expect(signing).toHaveLength(1);
      for (const s of ['签收日期', '（东城区应急管理局印章）', '2026年11月6日', `验证码：${doc.verification.code}`]) expect(signing[0]).toContain(s);
    } finally {
      await page.close();
    }
  });
});
