import { createMemoryStore, createStaticDirectory } from '@anjian/core';
import { signStoreCheckpoint } from '@anjian/core/audit';
import { createEd25519Signer, createEd25519Verifier, generateEd25519KeyPair } from '@anjian/core/node';
import { createFixedClock, seedAuditTrail, TEST_ACTORS, TEST_CALENDAR_2026 } from '@anjian/core/testing';
import { describe, expect, it } from 'vitest';
import { createAnjianApi, type AnjianApiOptions } from '../src/index.js';
import type { AuditApiOptions } from '../src/routes/audit-routes.js';

const keys = generateEd25519KeyPair();

async function setup() {
  const store = createMemoryStore();
  await seedAuditTrail(store);
  await signStoreCheckpoint(store, createEd25519Signer(keys.privateKeyPem), { now: '2026-11-30T00:00:00.000Z' });
  const options: AnjianApiOptions & { audit: AuditApiOptions } = {
    store,
    directory: createStaticDirectory(Object.values(TEST_ACTORS)),
    calendar: TEST_CALENDAR_2026,
    clock: createFixedClock('2026-12-01T08:00:00Z'),
    packs: [],
    logger: false,
    authenticate: async (request) => request.headers.get('x-actor'),
    audit: { verifier: createEd25519Verifier(keys.publicKeyPem) },
  };
  const api = createAnjianApi(options);
  const get = async (actor: string, path: string) => {
    const r = await api.fetch(new Request(`http://test.local${path}`, { headers: { 'x-actor': actor } }));
    return { status: r.status, body: (await r.json()) as Record<string, any> };
  };
  return { store, get };
}

describe('audit routes with a checkpoint key', () => {
  it('a clean trail: signatures checked, the hazard covered by the checkpoint', async () => {
    const { get } = await setup();
    const r = await get('admin-gas', '/audit/verify');
    expect(r.body).toMatchObject({ ok: true, verifiedAt: '2026-12-01T08:00:00.000Z', checked: { signatures: true, checkpoints: 1 } });
    const trail = await get('grid-g1', '/hazards/H-A/audit');
    expect(trail.body).toMatchObject({ ok: true, checkpoint: { seq: 1, size: 18, coversVersion: 2, signed: true }, lastFullAudit: { ok: true } });
  });

  it('a live edit of the list row (major → simple) is reported by both routes, at its position', async () => {
    const { store, get } = await setup();
    store.unsafeSummaries.set('H-A', { ...store.unsafeSummaries.get('H-A')!, level: 'simple' });
    const r = await get('admin-gas', '/audit/verify');
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(false);
    expect(r.body.problems).toEqual([expect.objectContaining({ kind: 'projection', code: 'ROW_DIFFERS', position: { hazardId: 'H-A', version: 2, seq: 1 } })]);
    const trail = await get('grid-g1', '/hazards/H-A/audit');
    expect(trail.body).toMatchObject({ ok: false, projection: { ok: false }, lastFullAudit: { ok: false, problems: [expect.objectContaining({ kind: 'projection' })] } });
    expect((await get('grid-g1', '/hazards/H-B/audit')).body).toMatchObject({ ok: true, lastFullAudit: { ok: false, problems: [] } });
  });
});
