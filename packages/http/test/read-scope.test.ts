// Reading is scoped like acting (security.md T20): an enterprise sees its own hazards, a grid
// inspector its areas, an officer its departments' domains and areas, an admin everything;
// a hazard outside the scope answers 404, so its existence does not leak.
import { reportCommand } from '@anjian/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { canRead, narrow, readScopes } from '../src/read-scope.js';
import { createHarness, type Harness } from './harness.js';

let h: Harness;
const report = async (id: string, overrides: Parameters<typeof reportCommand>[1]) => {
  const { commandId: _c, hazardId: _h, ...body } = reportCommand(id, { pack: { id: 'demo-kitchen', version: '0.1.0' }, ...overrides });
  const r = await h.call('grid-g1', 'POST', `/hazards/${id}/commands`, { body, headers: { 'idempotency-key': `report-${id}` } });
  expect(r.status).toBe(200);
};

beforeAll(async () => {
  h = await createHarness();
  await report('RS-E1-GAS', { enterpriseId: 'E1', area: 'D1/G1', domain: 'gas' });
  await report('RS-E2-GAS', { enterpriseId: 'E2', area: 'D1/G1', domain: 'gas' });
});

const ids = async (actor: string, query = '') => {
  const r = await h.call(actor, 'GET', `/hazards?limit=200${query}`);
  expect(r.status).toBe(200);
  return (r.body as { items: { hazardId: string }[] }).items.map((i) => i.hazardId).filter((id) => id.startsWith('RS-')).sort();
};

describe('read scope over HTTP', () => {
  it('lists only what the actor may read', async () => {
    expect(await ids('owner-e1')).toEqual(['RS-E1-GAS']);
    expect(await ids('owner-e2')).toEqual(['RS-E2-GAS']);
    expect(await ids('owner-e2', '&enterprise=E1')).toEqual([]);
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

describe('read scopes', () => {
  it('come from the roles and jurisdiction of the profile', () => {
    expect(readScopes({ id: 'a', roles: ['department_admin'] })).toBe('all');
    expect(readScopes({ id: 'n', roles: [] })).toEqual([]);
    expect(readScopes({ id: 'o', roles: ['enforcement'], departments: [{ id: 'd', domains: ['gas', 'fire'], areas: ['D1'] }] })).toEqual([
      { area: 'D1', domain: 'gas' },
      { area: 'D1', domain: 'fire' },
    ]);
    // Jurisdiction fields of a role the actor does not hold grant nothing.
    expect(readScopes({ id: 'x', roles: ['grid'], enterpriseIds: ['E1'] })).toEqual([]);
  });

  it('cover sub-areas but not look-alike areas', () => {
    const scopes = [{ area: 'D1' }];
    expect(canRead(scopes, { enterpriseId: 'E', area: 'D1/G3', domain: 'gas' })).toBe(true);
    expect(canRead(scopes, { enterpriseId: 'E', area: 'D10', domain: 'gas' })).toBe(false);
  });

  it('narrow a request filter to a scope, or to nothing when they exclude each other', () => {
    expect(narrow({ level: 'major' }, { area: 'D1' })).toEqual({ level: 'major', area: 'D1' });
    expect(narrow({ area: 'D1/G2' }, { area: 'D1' })).toEqual({ area: 'D1/G2' });
    expect(narrow({ area: 'D1' }, { area: 'D1/G2' })).toEqual({ area: 'D1/G2' });
    expect(narrow({ area: 'D2' }, { area: 'D1' })).toBeNull();
    expect(narrow({ enterpriseId: 'E2' }, { enterpriseId: 'E1' })).toBeNull();
    expect(narrow({ domain: 'fire' }, { area: 'D1', domain: 'gas' })).toBeNull();
  });
});
