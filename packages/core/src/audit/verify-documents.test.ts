// The document trail on the memory store (decision 009); the same tampers on a real SQLite
// file and PostgreSQL are in the stores' document-trail-audit tests.
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../chain/memory-store.js';
import { documentContentDigest } from '../ports/document-trail.js';
import { seedAuditTrail } from '../testing/audit-fixtures.js';
import { createEd25519Signer, createEd25519Verifier, generateEd25519KeyPair } from '../node/ed25519-keys.js';
import { signStoreCheckpoint } from './sign-store-checkpoint.js';
import { verifyAudit } from './verify-audit.js';

const keys = generateEd25519KeyPair();
const signer = createEd25519Signer(keys.privateKeyPem);
const verifier = createEd25519Verifier(keys.publicKeyPem);
const NOW = '2026-12-01T00:00:00.000Z';
const KEY = (seq: number) => `D1\nrectification_order\n2026\n${seq}`;

async function seeded() {
  const store = createMemoryStore();
  await seedAuditTrail(store, { documents: 'D1' });
  expect((await signStoreCheckpoint(store, signer, { now: NOW })).kind).toBe('signed');
  return store;
}

describe('verifyAudit: issued documents against the document trail', () => {
  it('a clean store: every issued document matches its entry; the checkpoint signs the trail', async () => {
    const store = await seeded();
    const r = await verifyAudit(store, { verifier, now: NOW });
    expect(r).toMatchObject({ ok: true, problems: [], documents: [], checked: { documents: 6, documentTrail: 6 } });
    const [cp] = await store.readCheckpoints(1, 1);
    expect(cp?.text).toContain(`anjian-documents 6 ${store.unsafeDocumentTrail[5]?.hash}`);
    // Nothing issued since: the next signing is unchanged.
    expect((await signStoreCheckpoint(store, signer, { now: NOW })).kind).toBe('unchanged');
  });

  it('a register hash and content rewritten together (what the register alone cannot see) is named: document, hazard, entry', async () => {
    const store = await seeded();
    const forged = '{"forged":1}';
    const record = store.unsafeDocumentRegister.get(KEY(2));
    if (record) record.contentHash = documentContentDigest(forged);
    store.unsafeDocumentContents.set(KEY(2), forged);
    const r = await verifyAudit(store, { verifier, now: NOW });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      {
        kind: 'documents',
        code: 'DOCUMENT_REWRITTEN',
        position: { hazardId: 'H-B', document: { jurisdiction: 'D1', kind: 'rectification_order', year: 2026, seq: 2 }, seq: 2 },
        message: {
          'zh-CN': expect.stringContaining('文书 rectification_order D1 2026 #2（隐患 H-B，事件 H-B/2）的登记与文书链第 2 条不同（登记簿被改写）：contentHash'),
          en: expect.stringContaining('document rectification_order D1 2026 #2 (hazard H-B, event H-B/2) differs from trail entry 2 (the register was rewritten): contentHash'),
        },
      },
    ]);
  });

  it('every document finding is listed, not only the first of its kind', async () => {
    const store = await seeded();
    store.unsafeDocumentContents.set(KEY(1), '{"edited":1}');
    store.unsafeDocumentContents.delete(KEY(3));
    store.unsafeDocumentRegister.delete(KEY(4));
    const r = await verifyAudit(store, { verifier, now: NOW });
    expect(r.documents.map((f) => [f.code, f.document.hazardId, f.trailSeq])).toEqual([
      ['CONTENT_REWRITTEN', 'H-A', 1],
      ['CONTENT_MISSING', 'H-C', 3],
      ['DOCUMENT_MISSING', 'H-D', 4],
    ]);
    expect(r.problems.filter((p) => p.kind === 'documents').map((p) => p.code)).toEqual(['CONTENT_REWRITTEN']);
  });

  it('the trail tail cut after a checkpoint signed it; a document without its entry', async () => {
    const store = await seeded();
    store.unsafeDocumentTrail.splice(5, 1);
    const r = await verifyAudit(store, { verifier, now: NOW });
    expect(r.problems.map((p) => [p.kind, p.code, p.position])).toEqual([
      ['document_trail', 'DOCUMENTS_TRUNCATED', { checkpoint: 1, seq: 6, toSeq: 6 }],
      ['documents', 'DOCUMENT_UNCHAINED', { hazardId: 'H-F', document: { jurisdiction: 'D1', kind: 'rectification_order', year: 2026, seq: 6 } }],
    ]);
    // A trail that no longer extends the signed one is never signed again.
    expect((await signStoreCheckpoint(store, signer, { now: NOW })).kind).toBe('refused');
  });

  it('an edited entry breaks the chain, and signing refuses a broken trail', async () => {
    const store = await seeded();
    (store.unsafeDocumentTrail[2] as { verificationCode: string }).verificationCode = 'FORGED';
    const r = await verifyAudit(store, { now: NOW });
    expect(r.problems[0]).toMatchObject({ kind: 'document_trail', code: 'HASH_MISMATCH', position: { seq: 3, hazardId: 'H-C' } });
    const refused = await signStoreCheckpoint(store, signer, { now: NOW });
    expect(refused).toMatchObject({ kind: 'refused', reason: 'CHAIN_BROKEN' });
  });

  it('documents issued before the trail: a notice each (ok stays true) — and one issued after without its entry is a problem', async () => {
    const store = createMemoryStore();
    await seedAuditTrail(store, { documents: 'D1' });
    store.unsafeDocumentTrail.splice(0); // as if issued by a store that kept no trail
    const before = await verifyAudit(store, { now: NOW });
    expect(before.ok).toBe(true);
    expect(before.documents.map((f) => [f.severity, f.code])).toEqual(Array(6).fill(['notice', 'ISSUED_BEFORE_CHAINING']));
    // The upgraded store chains what it issues; a checkpoint signs it.
    await seedAuditTrail(store, { hazardIds: ['H-G', 'H-H'], start: '2026-11-20T00:00:00.000Z', denials: 0, documents: 'D1' });
    expect((await signStoreCheckpoint(store, signer, { now: NOW })).kind).toBe('signed');
    expect((await verifyAudit(store, { now: NOW })).ok).toBe(true);
    store.unsafeDocumentTrail.splice(1, 1); // H-H's entry
    const after = await verifyAudit(store, { now: NOW });
    expect(after.documents.filter((f) => f.severity === 'problem').map((f) => [f.code, f.document.hazardId])).toEqual([['DOCUMENT_UNCHAINED', 'H-H']]);
    expect(after.documents.filter((f) => f.severity === 'notice')).toHaveLength(6);
  });

  it('voids: a void through the store is chained; un-voided, re-voided or voided outside the store is named at the document, hazard and void entry', async () => {
    const store = await seeded();
    const key = { jurisdiction: 'D1', kind: 'rectification_order', year: 2026, seq: 3 };
    expect((await store.voidDocument({ ...key, reason: '有误', actorId: 'officer-1', at: '2026-12-02T00:00:00.000Z' })).kind).toBe('voided');
    expect(await verifyAudit(store, { verifier, now: NOW })).toMatchObject({ ok: true, documents: [], checked: { documentTrail: 7 } });
    const record = store.unsafeDocumentRegister.get(KEY(3));
    if (!record) throw new Error('no #3');
    record.voided = null;
    const undone = await verifyAudit(store, { verifier, now: NOW });
    expect(undone.ok).toBe(false);
    expect(undone.documents).toEqual([
      expect.objectContaining({ severity: 'problem', code: 'VOID_UNDONE', trailSeq: 7, document: expect.objectContaining({ hazardId: 'H-C', seq: 3, eventId: 'H-C/2' }) }),
    ]);
    expect(undone.problems).toContainEqual(expect.objectContaining({ kind: 'documents', code: 'VOID_UNDONE', position: { hazardId: 'H-C', document: key, seq: 7 } }));
    record.voided = { at: '2026-12-03T00:00:00.000Z', reason: '撤回', actorId: 'officer-2' };
    const revoided = await verifyAudit(store, { verifier, now: NOW });
    expect(revoided.documents.map((f) => f.code)).toEqual(['VOID_REWRITTEN']);
    expect(revoided.documents[0]?.message.en).toContain('reason "撤回" ≠ "有误"');
    record.voided = { at: '2026-12-02T00:00:00.000Z', reason: '有误', actorId: 'officer-1' };
    const other = store.unsafeDocumentRegister.get(KEY(5));
    if (other) other.voided = { at: '2026-12-04T00:00:00.000Z', reason: '作废', actorId: 'officer-1' };
    const unchained = await verifyAudit(store, { verifier, now: NOW });
    expect(unchained.documents.map((f) => [f.code, f.document.hazardId])).toEqual([['VOID_UNCHAINED', 'H-E']]);
    expect(unchained.documents[0]?.message['zh-CN']).toContain('文书链中却没有作废记录');
  });

  it('a store without readDocumentRegister is read per hazard, with the same findings', async () => {
    const store = await seeded();
    const key = { jurisdiction: 'D1', kind: 'rectification_order', year: 2026, seq: 3 };
    expect((await store.voidDocument({ ...key, reason: '有误', actorId: 'officer-1', at: '2026-12-02T00:00:00.000Z' })).kind).toBe('voided');
    const three = store.unsafeDocumentRegister.get(KEY(3));
    if (three) three.voided = null;
    store.unsafeDocumentContents.set(KEY(5), '{"rewritten":5}');
    const paged = await verifyAudit(store, { verifier, now: NOW });
    const perHazard = await verifyAudit({ ...store, readDocumentRegister: undefined }, { verifier, now: NOW });
    expect(paged.documents.map((f) => [f.code, f.document.hazardId])).toEqual([
      ['VOID_UNDONE', 'H-C'],
      ['CONTENT_REWRITTEN', 'H-E'],
    ]);
    expect(perHazard).toEqual(paged);
  });
});
