import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '@anjian/store-sqlite';
import { DOCUMENT_KINDS } from '@anjian/documents';
import { checkEveryKind } from './every-kind.js';
import { font, hasPoppler } from './tools.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-docs-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// ANJIAN_WRITE_DOC_PAGES=1 refreshes the committed page images under docs/documents/.
const pagesOut = process.env.ANJIAN_WRITE_DOC_PAGES === '1' ? new URL('../../../docs/documents/', import.meta.url) : null;

describe.skipIf(font === null || !hasPoppler)('every kind from a chain run on a SQLite file (issue 15)', () => {
  it('issued, numbered by the store, rendered as PDF: pdftotext finds every required field, the 文号, code and hash; the font is an embedded subset', async () => {
    const store = createSqliteStore({ path: join(dir, 'chain.db') });
    try {
      const result = await checkEveryKind(store, dir, pagesOut);
      for (const kind of DOCUMENT_KINDS) {
        const r = result.get(kind)!;
        expect(r.missing, `${kind} (${r.number ?? 'no number'})`).toEqual([]);
        // "emb sub uni": embedded, subset, with a ToUnicode map (searchable).
        expect(r.fonts, kind).toMatch(/[A-Z]{6}\+NotoSansCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
      }
    } finally {
      store.close();
    }
  }, 120_000);
});
