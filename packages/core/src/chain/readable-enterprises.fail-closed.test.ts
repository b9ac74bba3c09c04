import { describe, expect, it } from 'vitest';
import type { ActorProfile, EnterpriseRecord } from '../ports/directory.js';
import type { EnterpriseListQuery } from '../ports/enterprise-list.js';
import { readScopes } from './read-policy.js';
import { listReadableEnterprises } from './readable-enterprises.js';

const REGISTER: readonly EnterpriseRecord[] = [
  { id: 'E1', name: '一号饭店', area: 'D1/G1' },
  { id: 'E10', name: '十号饭店', area: 'D10' },
  { id: 'E2', name: '二号饭店', area: 'D2' },
  { id: 'E3', name: '三号饭店', area: 'D1/G2' },
];

/** A directory whose listEnterprises gets the area filter wrong as `filter` does (a host's bug), the rest by id. */
function brokenDirectory(filter: (query: EnterpriseListQuery, e: EnterpriseRecord) => boolean) {
  const sorted = [...REGISTER].sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    enterprise: async (id: string) => sorted.find((e) => e.id === id) ?? null,
    listEnterprises: async (query: EnterpriseListQuery) =>
      sorted
        .filter((e) => (query.after === undefined || e.id > query.after) && (query.q === undefined || e.name.includes(query.q) || e.id.includes(query.q)) && filter(query, e))
        .slice(0, query.limit),
  };
}

const grid: ActorProfile = { id: 'grid-d1', roles: ['grid'], gridAreas: ['D1'] };
const officer: ActorProfile = { id: 'officer-d2', roles: ['enforcement'], departments: [{ id: 'gas-d2', domains: ['gas'], areas: ['D2'] }] };

// The read policy is core's: the directory narrows the query for speed (Directory.listEnterprises: "no read policy of its
// own"), but what it answers is not taken on trust — an enterprise outside the reader's scopes is never listed.
describe('listReadableEnterprises does not take a directory’s listing on trust', () => {
  it('a directory matching areas by prefix (D1 covers D10): the D1 reader is not shown D10’s enterprise', async () => {
    const directory = brokenDirectory((q, e) => q.areas === undefined || q.areas.some((a) => e.area.startsWith(a)));
    const page = await listReadableEnterprises({ directory, register: () => REGISTER }, readScopes(grid), { limit: 100 });
    expect(page.items.map((e) => e.id)).toEqual(['E1', 'E3']);
  });

  it('a directory ignoring the areas: an officer of D2 is shown D2’s enterprise only, on every page', async () => {
    const directory = brokenDirectory(() => true);
    const scopes = readScopes(officer);
    expect((await listReadableEnterprises({ directory, register: () => REGISTER }, scopes, { limit: 100 })).items.map((e) => e.id)).toEqual(['E2']);
    // A short page rather than another area's enterprise: a broken listing costs completeness, never the read policy.
    for (const after of [undefined, 'E1', 'E10', 'E2']) {
      const page = await listReadableEnterprises({ directory, register: () => REGISTER }, scopes, { q: '饭店', limit: 1, ...(after === undefined ? {} : { after }) });
      expect(
        page.items.every((e) => e.id === 'E2'),
        `after ${after}: ${page.items.map((e) => e.id).join()}`,
      ).toBe(true);
    }
  });
});
