// Reading is scoped like acting (docs/security.md T20): an enterprise sees its own hazards, a grid
// inspector its areas, an officer its departments' domains and areas, an admin everything;
// a hazard outside the scope answers 404, so its existence does not leak. The policy itself
// (readScopes, canRead, narrow) lives in core and has its matrix test there.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';

let h: Harness;
const report = (id: string, overrides: Parameters<Harness['seed']>[2]) => h.seed(id, 'grid-g1', overrides);

beforeAll(async () => {
  h = await createHarness();
  await report('RS-E1-GAS', { enterpriseId: 'E1', area: 'D1/G1', domain: 'gas' });
  await report('RS-E2-GAS', { enterpriseId: 'E2', area: 'D1/G1', domain: 'gas' });
});

const ids = async (actor: string, query = '') => {
  const r = await h.call(actor, 'GET', `/hazards?limit=200${query}`);
  expect(r.status).toBe(200);
  return (r.body as { items: { hazardId: string }[] }).items
    .map((i) => i.hazardId)
    .filter((id) => id.startsWith('RS-'))
    .sort();
};

describe('read scope over HTTP', () => {
  it('lists only what the actor may read', async () => {
    expect(await ids('owner-e1')).toEqual(['RS-E1-GAS']);
    expect(await ids('owner-e2')).toEqual(['RS-E2-GAS']);
    // Naming another enterprise is refused, as an unknown one is (an empty list said it is registered).
    expect((await h.call('owner-e2', 'GET', '/hazards?enterprise=E1')).status).toBe(403);
    expect(await ids('grid-g1')).toEqual(['RS-E1-GAS', 'RS-E2-GAS']);
    expect(await ids('grid-g2')).toEqual([]);
    expect(await ids('officer-gas-d1')).toEqual(['RS-E1-GAS', 'RS-E2-GAS']);
    expect(await ids('officer-fire-d1')).toEqual([]);
    expect(await ids('officer-gas-d2')).toEqual([]);
    expect(await ids('admin-gas')).toEqual(['RS-E1-GAS', 'RS-E2-GAS']);
  });

  it('answers 404 for a hazard outside the scope, 200 inside', async () => {
    expect((await h.call('owner-e1', 'GET', '/hazards/RS-E1-GAS')).status).toBe(200);
    expect((await h.call('owner-e2', 'GET', '/hazards/RS-E1-GAS')).status).toBe(404);
    expect((await h.call('grid-g2', 'GET', '/hazards/RS-E1-GAS')).status).toBe(404);
    expect((await h.call('officer-fire-d1', 'GET', '/hazards/RS-E1-GAS')).status).toBe(404);
    expect((await h.call('officer-gas-d1', 'GET', '/hazards/RS-E1-GAS')).status).toBe(200);
  });
});
