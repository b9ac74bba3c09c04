import { describe, expect, it } from 'vitest';
import { createMemoryEvidenceStore } from './memory-evidence-store.js';
import { runEvidenceStoreConformance } from '../testing/evidence-store-conformance.js';

runEvidenceStoreConformance({ name: 'memory', createStore: (options) => createMemoryEvidenceStore(options), describe, it, expect });

describe('createMemoryEvidenceStore', () => {
  it('refuses misuse with a TypeError', async () => {
    const store = createMemoryEvidenceStore();
    await expect(store.put({ bytes: 'abc' as never, mime: 'image/jpeg', uploaderId: 'u', hazardId: null, receivedAt: '2026-11-02T01:00:00Z' })).rejects.toThrow(TypeError);
    await expect(store.put({ bytes: new Uint8Array(1), mime: 'image/jpeg"><script>', uploaderId: 'u', hazardId: null, receivedAt: '2026-11-02T01:00:00Z' })).rejects.toThrow(TypeError);
    await expect(store.put({ bytes: new Uint8Array(1), mime: 'image/jpeg', uploaderId: 'u', hazardId: null, receivedAt: 'yesterday' })).rejects.toThrow(TypeError);
    store.seed({ id: 'ev-1', sha256: 'a'.repeat(64), mime: 'image/jpeg', size: 0, uploaderId: 'u', hazardId: null, receivedAt: '2026-11-02T01:00:00.000Z' });
    expect(() => store.seed({ id: 'ev-1', sha256: 'b'.repeat(64), mime: 'image/jpeg', size: 0, uploaderId: 'u', hazardId: null, receivedAt: '2026-11-02T01:00:00.000Z' })).toThrow(TypeError);
    expect(store.size).toBe(1);
  });
});
