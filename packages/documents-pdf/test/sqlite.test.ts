import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '@anjian/store-sqlite';
import { DOCUMENT_KINDS, renderDocumentHtml, type ComposedDocument } from '@anjian/documents';
import { renderDocumentPdf } from '../src/index.js';
import { composeAllKinds } from '../../documents/test/chain-run.js';

import { font, hasPoppler } from './tools.js';
const dir = mkdtempSync(join(tmpdir(), 'anjian-docs-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(font === null || !hasPoppler)('documents from a chain run on a SQLite file', () => {
  it('every kind composes from the events the SQLite store kept, identical to the memory run, and its PDF text carries the enterprise and both officers', async () => {
    const store = createSqliteStore({ path: join(dir, 'chain.db') });
    try {
      const fromSqlite = await composeAllKinds(store);
      const fromMemory = await composeAllKinds();
      for (const kind of DOCUMENT_KINDS) {
        const doc = fromSqlite.get(kind) as ComposedDocument;
        expect(renderDocumentHtml(doc)).toBe(renderDocumentHtml(fromMemory.get(kind) as ComposedDocument));
        const file = join(dir, `${kind}.pdf`);
        writeFileSync(file, await renderDocumentPdf(doc, { font: font! }));
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
        for (const s of ['测试餐馆一', kind === 'rectification_notice' ? '隐患整改通知书' : 'GAS-D1-0002']) expect(text, `${kind}: ${s}`).toContain(s);
      }
    } finally {
      store.close();
    }
  });
});
