import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '@anjian/store-sqlite';
import { DOCUMENT_KINDS, sealDocument, type ComposedDocument } from '@anjian/documents';
import { renderDocumentPdf } from '../src/index.js';
import { composeAllKinds } from '../../documents/test/chain-run.js';
import { font, hasPoppler } from './tools.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-docs-numbered-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(font === null || !hasPoppler)('numbered, sealed documents from a chain run on a SQLite file', () => {
  it('every kind takes the number the store allocated with its event; the PDF prints it, the verification code and the hash, the same bytes twice', async () => {
    const store = createSqliteStore({ path: join(dir, 'chain.db') });
    try {
      const docs = await composeAllKinds(store, { numbered: true });
      for (const kind of DOCUMENT_KINDS) expect(docs.get(kind)?.number, kind).toMatch(/^（东）应急.+〔2026〕1号$/);
      // PDF of one kind (each PDF costs a second or two on a loaded machine; every kind's PDF is checked in pdf.test.ts).
      for (const kind of ['rectification_order'] as const) {
        const sealed = sealDocument(docs.get(kind) as ComposedDocument, { verifyUrl: 'https://portal.example/api/documents/verify' });
        const pdf = await renderDocumentPdf(sealed, { font: font! });
        const file = join(dir, `${kind}.pdf`);
        writeFileSync(file, pdf);
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
        for (const s of [sealed.number ?? 'no number', '〔2026〕1号', `验证码：${sealed.verification.code}`, sealed.verification.hash]) expect(text, `${kind}: ${s}`).toContain(s);
        expect(Buffer.from(await renderDocumentPdf(sealed, { font: font! })).equals(Buffer.from(pdf))).toBe(true);
      }
    } finally {
      store.close();
    }
  });
});
