// The HTML as a browser prints it: Debian's Chromium (scripts/test-setup.sh installs it)
// prints each kind to PDF with the page's own @page rules; each fits one A4 page and the
// printed text carries the document's values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { DOCUMENT_KINDS, renderDocumentHtml, type ComposedDocument, type DocumentKind } from '../src/index.js';
import { composeAllKinds } from './chain-run.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-print-'));
let browser: Browser;
let docs: Map<DocumentKind, ComposedDocument>;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
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
    } finally {
      await page.close();
    }
  });
});
