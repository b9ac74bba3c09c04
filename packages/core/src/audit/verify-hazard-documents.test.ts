// One hazard's documents at the cost of the hazard (decision 009, per hazard; threat T48): the
// per-hazard check reads the hazard's own entries and the entries linking them to the next
// signed head, not the whole trail — and still names a forged entry of the hazard. The same
// tampers on a real SQLite file and PostgreSQL are in the stores' document-trail-audit tests.
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../chain/memory-store.js';
import { documentContentDigest, documentTrailEntryHash } from '../ports/document-trail.js';
import type { Store } from '../ports/store.js';
import { seedAuditTrail } from '../testing/audit-fixtures.js';
import { createEd25519Signer, createEd25519Verifier, generateEd25519KeyPair } from '../node/ed25519-keys.js';
import { signStoreCheckpoint } from './sign-store-checkpoint.js';
import { verifyHazardDocuments } from './verify-hazard-documents.js';
import { verifyHazardDocumentsWholeTrail } from './verify-hazard-documents-whole-trail.js';

const keys = generateEd25519KeyPair();
const signer = createEd25519Signer(keys.privateKeyPem);
const verifier = createEd25519Verifier(keys.publicKeyPem);
const BATCHES = 10;
const PER_BATCH = 12;
const id = (b: number, i: number) => `H-${b}-${String(i).padStart(2, '0')}`;

/** 10 batches of 12 hazards, each with an issued order (120 trail entries), a checkpoint after each batch. */
async function seeded() {
  const store = createMemoryStore();
  for (let b = 0; b < BATCHES; b++) {
    const hazardIds = Array.from({ length: PER_BATCH }, (_, i) => id(b, i));
    await seedAuditTrail(store, { hazardIds, documents: 'D1', denials: 0, start: new Date(Date.parse('2026-03-01T00:00:00.000Z') + b * 86_400_000).toISOString() });
    expect((await signStoreCheckpoint(store, signer, { now: new Date(Date.parse('2026-03-01T12:00:00.000Z') + b * 86_400_000).toISOString() })).kind).toBe('signed');
  }
  expect(store.unsafeDocumentTrail).toHaveLength(BATCHES * PER_BATCH);
  return store;
}

/** The store, counting the trail entries and checkpoints it hands out. */
function counting(store: Store) {
  const read = { entries: 0, checkpoints: 0 };
  const wrapped = Object.create(store) as Store;
  wrapped.readDocumentTrail = async (from, limit) => {
    const page = await store.readDocumentTrail(from, limit);
    read.entries += page.length;
    return page;
  };
  wrapped.readCheckpoints = async (from, limit) => {
    const page = await store.readCheckpoints(from, limit);
    read.checkpoints += page.length;
    return page;
  };
  return { wrapped, read };
}

describe('verifyHazardDocuments reads in proportion to the hazard, not to the trail', () => {
  it('a hazard of the third batch: its entry, the entries up to the checkpoint that signed it, a few probes — same findings as the whole-trail check', async () => {
    const store = await seeded();
    const { wrapped, read } = counting(store);
    expect(await verifyHazardDocuments(wrapped, id(2, 3), { verifier })).toEqual([]);
    // Entries 28–36 to the third checkpoint's head, the first entry, and the probes of the binary searches.
    expect(read.entries).toBeLessThanOrEqual(PER_BATCH + 2);
    expect(read.checkpoints).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(BATCHES)) + 2);
    const whole = counting(store);
    expect(await verifyHazardDocumentsWholeTrail(whole.wrapped, id(2, 3), { verifier })).toEqual([]);
    expect(whole.read.entries).toBe(BATCHES * PER_BATCH);
  });

  it('a hazard after the newest checkpoint: linked to the end of the trail', async () => {
    const store = await seeded();
    await seedAuditTrail(store, { hazardIds: ['H-late'], documents: 'D1', denials: 0, start: '2026-04-01T00:00:00.000Z' });
    const { wrapped, read } = counting(store);
    expect(await verifyHazardDocuments(wrapped, 'H-late', { verifier })).toEqual([]);
    expect(read.entries).toBeLessThanOrEqual(3);
  });

  it('a document and its entry rewritten together, the entry re-hashed: named at the document (the whole-trail check of the hazard saw nothing)', async () => {
    const store = await seeded();
    const target = id(4, 5);
    const index = store.unsafeDocumentTrail.findIndex((e) => e.hazardId === target);
    const entry = store.unsafeDocumentTrail[index];
    if (!entry || entry.type !== undefined) throw new Error('fixture: no issue entry');
    const forged = '{"forged":1}';
    const key = `D1\nrectification_order\n2026\n${entry.documentSeq}`;
    const record = store.unsafeDocumentRegister.get(key);
    if (!record) throw new Error('fixture: no register row');
    record.contentHash = documentContentDigest(forged);
    store.unsafeDocumentContents.set(key, forged);
    const rewritten = { ...entry, contentHash: record.contentHash, contentDigest: documentContentDigest(forged) };
    store.unsafeDocumentTrail[index] = { ...rewritten, hash: documentTrailEntryHash(rewritten) };
    expect(await verifyHazardDocumentsWholeTrail(store, target, { verifier })).toEqual([]);
    const findings = await verifyHazardDocuments(store, target, { verifier });
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'problem', code: 'DOCUMENT_REWRITTEN', trailSeq: entry.seq, document: expect.objectContaining({ hazardId: target, seq: entry.documentSeq }) }),
    ]);
    expect(findings[0]?.message.en).toContain(`entry ${entry.seq + 1} does not link to the one before`);
    expect(findings[0]?.message['zh-CN']).toContain(`第 ${entry.seq + 1} 条没有链接到上一条`);
    // Its neighbours are not concerned.
    expect(await verifyHazardDocuments(store, id(4, 6), { verifier })).toEqual([]);
  });

  it('relinked up to the signed head: the head differs from what the checkpoint signed', async () => {
    const store = await seeded();
    const target = id(7, 2);
    const trail = store.unsafeDocumentTrail;
    const index = trail.findIndex((e) => e.hazardId === target);
    const original = trail[index];
    if (!original || original.type !== undefined) throw new Error('fixture: no issue entry');
    const rewritten = { ...original, verificationCode: 'FORGED' };
    trail[index] = { ...rewritten, hash: documentTrailEntryHash(rewritten) };
    for (let i = index + 1; i < trail.length; i++) {
      const next = { ...trail[i]!, prevHash: trail[i - 1]!.hash };
      trail[i] = { ...next, hash: documentTrailEntryHash(next) } as typeof next;
    }
    const record = store.unsafeDocumentRegister.get(`D1\nrectification_order\n2026\n${original.documentSeq}`);
    if (record) record.verificationCode = 'FORGED';
    const [finding, ...others] = await verifyHazardDocuments(store, target, { verifier });
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ code: 'DOCUMENT_REWRITTEN', trailSeq: original.seq });
    expect(finding?.message.en).toContain(`entry ${8 * PER_BATCH} is not the head checkpoint #8 signed`);
  });

  it('relinked to the end and the covering checkpoint edited in the store: its signature fails, so the entry does not prove', async () => {
    const store = await seeded();
    const target = id(3, 4);
    const trail = store.unsafeDocumentTrail;
    const index = trail.findIndex((e) => e.hazardId === target);
    const rewritten = { ...trail[index]!, logSize: 1 };
    trail[index] = { ...rewritten, hash: documentTrailEntryHash(rewritten) } as typeof rewritten;
    for (let i = index + 1; i < trail.length; i++) {
      const next = { ...trail[i]!, prevHash: trail[i - 1]!.hash };
      trail[i] = { ...next, hash: documentTrailEntryHash(next) } as typeof next;
    }
    // Every checkpoint from #4 on now signs a head the trail no longer has: the store's rows say what a forger wants.
    const forged = Object.create(store) as Store;
    forged.readCheckpoints = async (from, limit) =>
      (await store.readCheckpoints(from, limit)).map((c) =>
        c.seq >= 4 ? { ...c, text: c.text.replace(/anjian-documents (\d+) [0-9a-f]{64}/, (_, n: string) => `anjian-documents ${n} ${trail[Number(n) - 1]!.hash}`) } : c,
      );
    const [finding, ...others] = await verifyHazardDocuments(forged, target, { verifier });
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ code: 'DOCUMENT_REWRITTEN', trailSeq: trail[index]!.seq });
    expect(finding?.message.en).toContain('checkpoint #4, which covers it, is not signed by the key');
  });

  it('a hazard whose entry was removed: its document reads unchained', async () => {
    const store = await seeded();
    const target = id(1, 0);
    const index = store.unsafeDocumentTrail.findIndex((e) => e.hazardId === target);
    store.unsafeDocumentTrail.splice(index, 1);
    expect(await verifyHazardDocuments(store, target, { verifier })).toEqual([
      expect.objectContaining({ severity: 'problem', code: 'DOCUMENT_UNCHAINED', document: expect.objectContaining({ hazardId: target }) }),
    ]);
  });
});
