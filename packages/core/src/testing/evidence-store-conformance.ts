import { isEvidenceBudgetError, type EvidenceStore, type EvidenceStoreOptions } from '../ports/evidence-store.js';
import { inspectionEvidenceBinding, permitEvidenceBinding } from '../permits/evidence-binding.js';
import type { ConformanceExpect } from './store-conformance.js';

/** Options of {@link runEvidenceStoreConformance}. */
export interface EvidenceStoreConformanceOptions {
  /** Adapter name shown in the test titles. */
  name: string;
  /** A fresh evidence store per test, created with `options` (the unbound budget the test sets; absent: the store's default). */
  createStore: (options?: EvidenceStoreOptions) => EvidenceStore | Promise<EvidenceStore>;
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => Promise<void>, timeout?: number) => void;
  expect: ConformanceExpect;
}

/** Names of every test of the evidence suite. */
export const EVIDENCE_STORE_CONFORMANCE_TESTS = Object.freeze([
  'put stores the bytes and returns a record with their SHA-256',
  'two uploads of the same bytes get two ids and one hash',
  'the same bytes given again with the same hazard by the same uploader within maxAgeMs answer the first upload and cost no budget',
  'get and read return null for unknown and malformed ids',
  'bind binds unbound uploads, all or nothing',
  'concurrent binds of one upload to two hazards: exactly one wins',
  'stored bytes and records cannot be changed through returned values',
  'unbound uploads are held to the budget per uploader (files, then bytes); bound uploads and other uploaders do not count; a bind frees',
  'uploads given with a hazard count against the same budget for maxAgeMs after receipt, and are never deleted',
  'concurrent unbound uploads of one uploader never exceed the files budget',
  'expireUnbound deletes unbound uploads at maxAgeMs, never a bound one; an expired upload does not count',
  'a bind racing an expiry: either bound and kept, or deleted and refused',
  'an upload bound to an inspection record or a permit never expires and stops counting against the budget',
] as const);

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const RECEIVED = '2026-11-02T01:00:00.000Z';
const bytes = (text: string) => new TextEncoder().encode(text);

/**
 * The EvidenceStore conformance suite: every evidence adapter runs it unchanged (pass the
 * test runner's `describe`, `it`, `expect`).
 *
 * @example
 * ```ts
 * import { describe, it, expect } from 'vitest';
 * runEvidenceStoreConformance({ name: 'files', createStore: () => createFileEvidenceStore(tmpDir()), describe, it, expect });
 * ```
 */
export function runEvidenceStoreConformance(options: EvidenceStoreConformanceOptions): void {
  const { describe, it, expect } = options;
  const test = (name: (typeof EVIDENCE_STORE_CONFORMANCE_TESTS)[number], fn: (store: EvidenceStore) => Promise<void>, storeOptions?: EvidenceStoreOptions) =>
    it(name, async () => fn(await options.createStore(storeOptions)));
  const HOUR = 3_600_000;
  const at = (hours: number) => new Date(Date.parse(RECEIVED) + hours * HOUR).toISOString();
  const unbound = (uploaderId: string, size: number, receivedAt = RECEIVED) => ({ bytes: new Uint8Array(size).fill(1), mime: 'image/jpeg', uploaderId, hazardId: null, receivedAt });
  const refusal = async (p: Promise<unknown>) => {
    const e = await p.then(
      () => null,
      (error: unknown) => error,
    );
    return isEvidenceBudgetError(e) ? e.code : e;
  };

  describe(`EvidenceStore conformance: ${options.name}`, () => {
    test('put stores the bytes and returns a record with their SHA-256', async (store) => {
      const record = await store.put({ bytes: bytes('abc'), mime: 'image/jpeg', uploaderId: 'owner-e1', hazardId: 'H-1', receivedAt: RECEIVED, claimedTakenAt: '2020-01-01T00:00:00Z' });
      expect(ID.test(record.id)).toBe(true);
      expect(record).toEqual({
        id: record.id,
        sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
        mime: 'image/jpeg',
        size: 3,
        uploaderId: 'owner-e1',
        hazardId: 'H-1',
        receivedAt: RECEIVED,
        claimedTakenAt: '2020-01-01T00:00:00Z',
      });
      expect(await store.get(record.id)).toEqual(record);
      expect(Array.from((await store.read(record.id)) ?? [])).toEqual([97, 98, 99]);
    });

    test('two uploads of the same bytes get two ids and one hash', async (store) => {
      const a = await store.put({ bytes: bytes('same'), mime: 'image/png', uploaderId: 'u', hazardId: null, receivedAt: RECEIVED });
      const b = await store.put({ bytes: bytes('same'), mime: 'image/png', uploaderId: 'u', hazardId: null, receivedAt: RECEIVED });
      expect(a.id).not.toBe(b.id);
      expect(a.sha256).toBe(b.sha256);
    });

    test(
      'the same bytes given again with the same hazard by the same uploader within maxAgeMs answer the first upload and cost no budget',
      async (store) => {
        const given = (text: string, hazardId: string, uploaderId = 'u', receivedAt = RECEIVED) => store.put({ bytes: bytes(text), mime: 'image/png', uploaderId, hazardId, receivedAt });
        const first = await given('photo', 'H-1');
        // A retry of a refused rectification uploads the same photo again: the same upload, no second file.
        expect(await given('photo', 'H-1', 'u', at(1))).toEqual(first);
        expect(await given('photo', 'H-1', 'u', at(2))).toEqual(first);
        const other = await given('other', 'H-1');
        expect(other.id).not.toBe(first.id);
        // The budget (2 files) holds two distinct uploads: a third distinct file is refused.
        expect(await refusal(given('third', 'H-1'))).toBe('UNBOUND_EVIDENCE_FILES');
        // Another hazard or another uploader is another upload.
        const elsewhere = await given('photo', 'H-2', 'w');
        expect(elsewhere.id).not.toBe(first.id);
        const byOther = await given('photo', 'H-1', 'w');
        expect([first.id, elsewhere.id]).not.toContain(byOther.id);
        // After maxAgeMs the upload no longer counts: the same bytes are a new upload.
        const later = await given('photo', 'H-1', 'u', at(25));
        expect(later.id).not.toBe(first.id);
      },
      { unbound: { files: 2 } },
    );

    test('get and read return null for unknown and malformed ids', async (store) => {
      for (const id of ['ev-00000000000000000000000000000000', '../../etc/passwd', '', 'x'.repeat(300)]) {
        expect(await store.get(id)).toBeNull();
        expect(await store.read(id)).toBeNull();
      }
    });

    test('bind binds unbound uploads, all or nothing', async (store) => {
      const free = await store.put({ bytes: bytes('1'), mime: 'image/jpeg', uploaderId: 'u', hazardId: null, receivedAt: RECEIVED });
      const other = await store.put({ bytes: bytes('2'), mime: 'image/jpeg', uploaderId: 'u', hazardId: 'H-2', receivedAt: RECEIVED });
      expect(await store.bind([free.id, other.id], 'H-1')).toBe(false);
      expect((await store.get(free.id))?.hazardId).toBeNull();
      expect(await store.bind([free.id, 'ev-ffffffffffffffffffffffffffffffff'], 'H-1')).toBe(false);
      expect((await store.get(free.id))?.hazardId).toBeNull();
      expect(await store.bind([free.id], 'H-1')).toBe(true);
      expect((await store.get(free.id))?.hazardId).toBe('H-1');
      // Binding again to the same hazard is a no-op; to another is refused.
      expect(await store.bind([free.id], 'H-1')).toBe(true);
      expect(await store.bind([free.id], 'H-3')).toBe(false);
      expect(await store.bind([other.id], 'H-2')).toBe(true);
      expect(await store.bind([], 'H-9')).toBe(true);
    });

    test('concurrent binds of one upload to two hazards: exactly one wins', async (store) => {
      const shared = await store.put({ bytes: bytes('s'), mime: 'image/jpeg', uploaderId: 'u', hazardId: null, receivedAt: RECEIVED });
      const results = await Promise.all(['H-A', 'H-B', 'H-C', 'H-D'].map((h) => store.bind([shared.id], h)));
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = ['H-A', 'H-B', 'H-C', 'H-D'][results.indexOf(true)];
      expect((await store.get(shared.id))?.hazardId).toBe(winner);
    });

    test('stored bytes and records cannot be changed through returned values', async (store) => {
      const input = bytes('xyz');
      const record = await store.put({ bytes: input, mime: 'image/jpeg', uploaderId: 'u', hazardId: null, receivedAt: RECEIVED });
      input[0] = 0;
      const read = (await store.read(record.id)) as Uint8Array;
      expect(Array.from(read)).toEqual([120, 121, 122]);
      read[0] = 0;
      (record as { hazardId: string | null }).hazardId = 'H-X';
      expect(Array.from((await store.read(record.id)) ?? [])).toEqual([120, 121, 122]);
      expect((await store.get(record.id))?.hazardId).toBeNull();
    });

    test(
      'unbound uploads are held to the budget per uploader (files, then bytes); bound uploads and other uploaders do not count; a bind frees',
      async (store) => {
        const first = await store.put(unbound('u', 4));
        await store.put(unbound('u', 4));
        await store.put(unbound('u', 4));
        expect(await refusal(store.put(unbound('u', 1)))).toBe('UNBOUND_EVIDENCE_FILES');
        // Another uploader's are not this budget.
        await store.put(unbound('v', 4));
        // Reported: bound, it no longer counts.
        expect(await store.bind([first.id], 'H-1')).toBe(true);
        expect(await refusal(store.put(unbound('u', 13)))).toBe('UNBOUND_EVIDENCE_BYTES');
        const fits = await store.put(unbound('u', 12));
        expect(fits.hazardId).toBeNull();
        expect(await refusal(store.put(unbound('w', 21)))).toBe('UNBOUND_EVIDENCE_BYTES');
        const refused = await store.put(unbound('u', 1)).catch((e: unknown) => e);
        expect(isEvidenceBudgetError(refused) && refused.localized['zh-CN'] !== '' && refused.localized.en !== '' && refused.freesAt).toBe(at(24));
      },
      { unbound: { files: 3, bytes: 20, maxAgeMs: 24 * HOUR } },
    );

    test(
      'uploads given with a hazard count against the same budget for maxAgeMs after receipt, and are never deleted',
      async (store) => {
        // Before, anyone who may read a hazard filled the disk through it: bound at once, they neither counted nor expired.
        // Each a different file (the same bytes given again would be the same upload).
        let n = 0;
        const given = (size: number, receivedAt: string) => ({ ...unbound('u', size, receivedAt), bytes: new Uint8Array(size).fill(++n), hazardId: 'H-1' });
        const first = await store.put(given(4, at(0)));
        await store.put(unbound('u', 4, at(1)));
        await store.put(given(4, at(2)));
        expect(await refusal(store.put(given(1, at(3))))).toBe('UNBOUND_EVIDENCE_FILES');
        expect(await refusal(store.put(unbound('u', 1, at(3))))).toBe('UNBOUND_EVIDENCE_FILES');
        const refused = await store.put(given(1, at(3))).catch((e: unknown) => e);
        expect(isEvidenceBudgetError(refused) && refused.localized.en).toContain('uploaded to a hazard count for 24 h');
        // Concurrent: never more than the budget.
        const results = await Promise.allSettled(Array.from({ length: 6 }, () => store.put(given(1, at(24)))));
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1); // the first one stopped counting at 24 h
        expect(await refusal(store.put(given(30, at(50))))).toBe('UNBOUND_EVIDENCE_BYTES');
        // Never deleted: the expiry takes the unbound upload only (a put may have taken it already).
        expect(await store.expireUnbound(at(10_000))).toBeLessThanOrEqual(1);
        expect((await store.get(first.id))?.hazardId).toBe('H-1');
        expect(Array.from((await store.read(first.id)) ?? [])).toEqual([1, 1, 1, 1]);
      },
      { unbound: { files: 3, bytes: 20, maxAgeMs: 24 * HOUR } },
    );

    test(
      'concurrent unbound uploads of one uploader never exceed the files budget',
      async (store) => {
        const results = await Promise.allSettled(Array.from({ length: 12 }, () => store.put(unbound('u', 2))));
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
        expect(results.every((r) => r.status === 'fulfilled' || isEvidenceBudgetError(r.reason))).toBe(true);
      },
      { unbound: { files: 5, bytes: 1000, maxAgeMs: HOUR } },
    );

    test(
      'expireUnbound deletes unbound uploads at maxAgeMs, never a bound one; an expired upload does not count',
      async (store) => {
        const old = await store.put(unbound('u', 3, at(0)));
        const kept = await store.put(unbound('u', 3, at(0)));
        expect(await store.bind([kept.id], 'H-1')).toBe(true);
        const young = await store.put(unbound('u', 3, at(2)));
        expect(await refusal(store.put(unbound('u', 3, at(2))))).toBe('UNBOUND_EVIDENCE_FILES');
        // At 24 h the first upload no longer counts: the same uploader may upload again.
        const later = await store.put(unbound('u', 3, at(24)));
        expect(await store.expireUnbound(at(25))).toBeLessThanOrEqual(1);
        expect(await store.get(old.id)).toBeNull();
        expect(await store.read(old.id)).toBeNull();
        expect(await store.expireUnbound(at(25.9))).toBe(0);
        expect(await store.expireUnbound(at(26))).toBe(1);
        expect(await store.get(young.id)).toBeNull();
        expect(await store.bind([young.id], 'H-2')).toBe(false);
        expect((await store.get(kept.id))?.hazardId).toBe('H-1');
        expect(Array.from((await store.read(kept.id)) ?? [])).toEqual([1, 1, 1]);
        expect(await store.expireUnbound(at(10_000))).toBe(1);
        expect(await store.get(later.id)).toBeNull();
        expect((await store.get(kept.id))?.hazardId).toBe('H-1');
      },
      { unbound: { files: 2, bytes: 1000, maxAgeMs: 24 * HOUR } },
    );

    test(
      'a bind racing an expiry: either bound and kept, or deleted and refused',
      async (store) => {
        const uploads = await Promise.all(Array.from({ length: 6 }, () => store.put(unbound('u', 1, at(0)))));
        const [bound, deleted] = await Promise.all([Promise.all(uploads.map((u, i) => store.bind([u.id], `H-${i}`))), store.expireUnbound(at(1))]);
        for (const [i, u] of uploads.entries()) {
          const r = await store.get(u.id);
          if (bound[i]) expect(r?.hazardId).toBe(`H-${i}`);
          else expect(r).toBeNull();
        }
        expect(bound.filter((b) => !b)).toHaveLength(deleted);
      },
      { unbound: { files: 10, bytes: 1000, maxAgeMs: HOUR } },
    );

    test(
      'an upload bound to an inspection record or a permit never expires and stops counting against the budget',
      async (store) => {
        // The photo of an item that passed: no hazard holds it, the inspection record does.
        const passed = await store.put(unbound('u', 3, at(0)));
        const permit = await store.put(unbound('u', 3, at(0)));
        expect(await refusal(store.put(unbound('u', 3, at(0))))).toBe('UNBOUND_EVIDENCE_FILES');
        expect(await store.bind([passed.id], inspectionEvidenceBinding('in-1'))).toBe(true);
        expect(await store.bind([permit.id], permitEvidenceBinding('P-1'))).toBe(true);
        // Bound, they no longer count: two more unbound uploads fit.
        const loose = [await store.put(unbound('u', 3, at(1))), await store.put(unbound('u', 3, at(1)))];
        // Another inspection, a hazard or a permit cannot take it over.
        expect(await store.bind([passed.id], inspectionEvidenceBinding('in-2'))).toBe(false);
        expect(await store.bind([passed.id], 'H-1')).toBe(false);
        expect(await store.expireUnbound(at(10_000))).toBe(loose.length);
        expect((await store.get(passed.id))?.hazardId).toBe(inspectionEvidenceBinding('in-1'));
        expect(Array.from((await store.read(passed.id)) ?? [])).toEqual([1, 1, 1]);
        expect((await store.get(permit.id))?.hazardId).toBe(permitEvidenceBinding('P-1'));
      },
      { unbound: { files: 2, bytes: 1000, maxAgeMs: 24 * HOUR } },
    );
  });
}
