// Decision 009 end to end on a SQLite file: documents issued by the acts of a chain run
// (issueEventDocuments), then a forger with database access rewrites one issued order —
// another enterprise name, resealed, its content, hash and code rewritten together. The
// register cannot tell (the forged document is served as issued); the audit names it.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyAudit } from '@anjian/core/audit';
import { createSqliteStore } from '@anjian/store-sqlite';
import { DOCUMENT_KINDS, issueEventDocuments, issuedContentText, loadOverride, readIssuedDocument, sealDocument } from '@anjian/documents';
import { loadBuiltinTemplate } from '@anjian/documents/node';
import { runChain, TEST_NUMBERED_OVERRIDE_YAML, testDocumentDirectory } from '../../documents/test/chain-run.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-doc-trail-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const loaded = loadOverride(TEST_NUMBERED_OVERRIDE_YAML, 'd1.yaml');
if (!loaded.ok) throw new Error('override');
const override = loaded.value;
const templates = DOCUMENT_KINDS.map((kind) => loadBuiltinTemplate(kind));

describe('a forged issued document on a SQLite file', () => {
  it('content, hash and code rewritten together: served by the register as if issued, named by verifyAudit (document, hazard, trail entry)', async () => {
    const path = join(dir, 'forged.db');
    const store = createSqliteStore({ path });
    const Database = createRequire(new URL('../../store-sqlite/package.json', import.meta.url))('better-sqlite3') as new (path: string) => {
      prepare(sql: string): { run(...values: unknown[]): unknown };
      close(): void;
    };
    try {
      await runChain(store, { numbered: true });
      const hazardIds = ['H-ALARM', 'H-HOSE', 'H-TANK'];
      for (const hazardId of hazardIds) {
        const eventIds = (await store.readEvents(hazardId)).map((e) => e.id);
        const outcomes = await issueEventDocuments({ store, hazardId, eventIds, templates, override, directory: testDocumentDirectory(), now: '2026-11-21T00:00:00.000Z' });
        expect(outcomes.every((o) => o.issued)).toBe(true);
      }
      const issued = (await Promise.all(hazardIds.map((h) => store.readDocuments(h)))).flat();
      const clean = await verifyAudit(store);
      expect(clean).toMatchObject({ ok: true, documents: [], checked: { documents: issued.length, documentTrail: issued.length } });

      // The forger: the order's content with another enterprise name, sealed again (a new hash and code), written over the register row.
      const order = issued.find((r) => r.kind === 'rectification_order')!;
      const template = templates.find((t) => t.template.kind === 'rectification_order')!;
      const original = await readIssuedDocument({ store, hazardId: order.hazardId, eventId: order.eventId, template, override, directory: testDocumentDirectory() });
      if (!original.ok) throw new Error(JSON.stringify(original.issues));
      const text = issuedContentText(original.value.document);
      expect(text).toContain('测试餐馆一');
      const { verification: _v, ...unsealed } = JSON.parse(text.replaceAll('测试餐馆一', '另一家餐馆')) as typeof original.value.document;
      const forged = sealDocument(unsealed, { verifyUrl: original.value.document.verification.url.replace(/\/[^/]*$/, '') });
      const raw = new Database(path);
      const where = 'WHERE jurisdiction = ? AND kind = ? AND year = ? AND seq = ?';
      const key = [order.jurisdiction, order.kind, order.year, order.seq];
      raw.prepare(`UPDATE documents SET content_hash = ?, verification_code = ? ${where}`).run(forged.verification.hash, forged.verification.code, ...key);
      raw.prepare(`UPDATE document_contents SET content = ? ${where}`).run(issuedContentText(forged), ...key);
      raw.close();

      // The register alone is fooled: the forged order is served as issued.
      const served = await readIssuedDocument({ store, hazardId: order.hazardId, eventId: order.eventId, template, override, directory: testDocumentDirectory() });
      expect(served.ok && [served.value.source, JSON.stringify(served.value.document).includes('另一家餐馆')]).toEqual(['register', true]);

      // The audit is not.
      const result = await verifyAudit(store);
      expect(result.ok).toBe(false);
      expect(result.documents).toEqual([
        expect.objectContaining({
          severity: 'problem',
          code: 'DOCUMENT_REWRITTEN',
          document: { jurisdiction: 'D1', kind: 'rectification_order', year: order.year, seq: order.seq, hazardId: order.hazardId, eventId: order.eventId, verificationCode: forged.verification.code },
        }),
      ]);
      expect(result.documents[0]?.message.en).toContain(`verificationCode ${forged.verification.code} ≠ ${order.verificationCode}`);
      expect(result.documents[0]?.message['zh-CN']).toContain(`（隐患 ${order.hazardId}，事件 ${order.eventId}）的登记与文书链第`);
    } finally {
      store.close();
    }
  }, 60_000);
});
