import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '@anjian/store-sqlite';
import { DOCUMENT_KINDS } from '@anjian/documents';
import { checkEveryKind } from './every-kind.js';
import { checkIssuedStands } from '../../documents/test/issued-stands.js';
import { renderDocumentPdf } from '../src/index.js';
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

describe('issued documents on a SQLite file stand byte for byte', () => {
  it('the directory and every template change after the issue: each issued document reads the same content, hash, HTML and PDF bytes; one issued before the register kept contents is re-composed only while its hash matches', async () => {
    const path = join(dir, 'issued.db');
    const store = createSqliteStore({ path });
    // A second connection to the file (better-sqlite3, the store's dependency) deletes a content row, as a database migrated from schema 8 has none.
    const Database = createRequire(new URL('../../store-sqlite/package.json', import.meta.url))('better-sqlite3') as new (path: string) => {
      prepare(sql: string): { run(...values: unknown[]): unknown };
      close(): void;
    };
    const raw = new Database(path);
    try {
      const snapshots = await checkIssuedStands(
        store,
        async (k) => {
          raw.prepare('DELETE FROM document_contents WHERE jurisdiction = ? AND kind = ? AND year = ? AND seq = ?').run(k.jurisdiction, k.kind, k.year, k.seq);
        },
        font ? (doc) => renderDocumentPdf(doc, { font: font! }) : undefined,
      );
      expect(snapshots.length).toBe(DOCUMENT_KINDS.length);
    } finally {
      raw.close();
      store.close();
    }
  }, 120_000);
});
