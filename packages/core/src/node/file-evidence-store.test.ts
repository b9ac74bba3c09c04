import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileEvidenceStore } from './file-evidence-store.js';
import { runEvidenceStoreConformance } from '../testing/evidence-store-conformance.js';

const root = mkdtempSync(join(tmpdir(), 'anjian-evidence-'));
let n = 0;
afterAll(() => rmSync(root, { recursive: true, force: true }));

runEvidenceStoreConformance({ name: 'files', createStore: (options) => createFileEvidenceStore(join(root, `s${++n}`), options), describe, it, expect });

describe('createFileEvidenceStore', () => {
  it('keeps the bytes and a JSON sidecar per upload, no temporary files, and reopens them', async () => {
    const dir = join(root, 'reopen');
    const store = await createFileEvidenceStore(dir);
    const record = await store.put({ bytes: new Uint8Array([1, 2, 3]), mime: 'image/png', uploaderId: 'u', hazardId: null, receivedAt: '2026-11-02T01:00:00Z' });
    expect(await store.bind([record.id], 'H-1')).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([`${record.id}.bin`, `${record.id}.json`]);
    const again = await createFileEvidenceStore(dir);
    expect(await again.get(record.id)).toEqual({ ...record, hazardId: 'H-1' });
    expect(Array.from((await again.read(record.id)) ?? [])).toEqual([1, 2, 3]);
  });

  it('reopened, it still counts the uploads given with a hazard (not those a report bound) and serves their records without the marker', async () => {
    const dir = join(root, 'given');
    const policy = { unbound: { files: 2, bytes: 1000, maxAgeMs: 24 * 3_600_000 } };
    const store = await createFileEvidenceStore(dir, policy);
    const put = (hazardId: string | null) => store.put({ bytes: new Uint8Array([1]), mime: 'image/png', uploaderId: 'u', hazardId, receivedAt: '2026-11-02T01:00:00Z' });
    const reported = await put(null);
    expect(await store.bind([reported.id], 'H-1')).toBe(true);
    const given = await put('H-1');
    const again = await createFileEvidenceStore(dir, policy);
    expect(await again.get(given.id)).toEqual(given);
    const later = { bytes: new Uint8Array([2]), mime: 'image/png', uploaderId: 'u', hazardId: 'H-1', receivedAt: '2026-11-02T02:00:00Z' };
    await again.put(later);
    await expect(again.put({ ...later, bytes: new Uint8Array([3]) })).rejects.toMatchObject({ code: 'UNBOUND_EVIDENCE_FILES' });
  });
});
