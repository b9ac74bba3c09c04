import { describe, expect, it } from 'vitest';
import type { ActorProfile, EnterpriseRecord } from '../ports/directory.js';
import { checkEnterpriseListQuery, listEnterprisesOf, type EnterpriseListQuery } from '../ports/enterprise-list.js';
import { runEnterpriseListConformance } from '../testing/enterprise-list-conformance.js';
import { readScopes } from './read-policy.js';
import { listReadableEnterprises } from './readable-enterprises.js';

/**
 * A directory that lists as a database would: ids kept sorted, the page found by binary search
 * on `after` and read until `limit` match — its own filter code, not `listEnterprisesOf` —, a
 * malformed query refused first (`checkEnterpriseListQuery`, as docs/directory.md asks of a host).
 */
function indexedDirectory(register: readonly EnterpriseRecord[]) {
  const sorted = [...register].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map(sorted.map((e) => [e.id, e]));
  const calls: EnterpriseListQuery[] = [];
  return {
    calls,
    enterprise: async (id: string) => byId.get(id) ?? null,
    listEnterprises: async (query: EnterpriseListQuery) => {
      calls.push(query);
      checkEnterpriseListQuery(query);
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (query.after !== undefined && sorted[mid]!.id <= query.after) lo = mid + 1;
        else hi = mid;
      }
      const out: EnterpriseRecord[] = [];
      for (let i = lo; i < sorted.length && out.length < query.limit; i++) {
        const e = sorted[i]!;
        if (query.areas && !query.areas.some((a) => e.area === a || e.area.startsWith(`${a}/`))) continue;
        if (query.q !== undefined && e.name.indexOf(query.q) < 0 && e.id.indexOf(query.q) < 0) continue;
        out.push(e);
      }
      return out;
    },
  };
}

runEnterpriseListConformance({ name: 'indexed (binary search on id)', describe, it, expect, create: indexedDirectory });

describe('listEnterprisesOf', () => {
  const register: EnterpriseRecord[] = [
    { id: 'E3', name: '如意宾馆', area: 'D1/G2' },
    { id: 'E1', name: '老王饭店', area: 'D1/G1' },
    { id: 'E10', name: '十号饭店', area: 'D10' },
    { id: 'E2', name: '红星厂房', area: 'D1' },
  ];
  it('orders by id, keeps an area with its sub-areas (D1 is not D10), matches name or id as given, pages after an id', () => {
    const ids = (q: EnterpriseListQuery) => listEnterprisesOf(register, q).map((e) => e.id);
    expect(ids({ limit: 10 })).toEqual(['E1', 'E10', 'E2', 'E3']);
    expect(ids({ areas: ['D1'], limit: 10 })).toEqual(['E1', 'E2', 'E3']);
    expect(ids({ areas: ['D1/G1', 'D10'], limit: 10 })).toEqual(['E1', 'E10']);
    expect(ids({ areas: [], limit: 10 })).toEqual([]);
    expect(ids({ q: '饭店', limit: 10 })).toEqual(['E1', 'E10']);
    expect(ids({ q: 'E1', limit: 10 })).toEqual(['E1', 'E10']);
    expect(ids({ q: 'e1', limit: 10 })).toEqual([]);
    expect(ids({ after: 'E10', limit: 1 })).toEqual(['E2']);
  });
  it('refuses a limit that is not an integer from 1', () => {
    for (const limit of [0, -1, 1.5, Number.NaN]) expect(() => listEnterprisesOf(register, { limit })).toThrow(RangeError);
  });
});

describe('listReadableEnterprises', () => {
  // A register of 400 over D1 … D3 with grids; the actors hold every kind of scope the read policy makes.
  const register: EnterpriseRecord[] = Array.from({ length: 400 }, (_, n) => (n * 7919) % 400).map((i) => ({
    id: `e${String(i).padStart(3, '0')}`,
    name: `${i % 4 === 0 ? '饭店' : '企业'} ${i}`,
    area: `D${1 + (i % 3)}${i % 5 === 0 ? '' : `/G${1 + (i % 4)}`}`,
  }));
  const tenancy = (tenant: string) => ({ premisesId: `p-${tenant}`, landlordEnterpriseId: 'e000', tenantEnterpriseId: tenant, area: 'D3/G1', period: 1 });
  const actors: ActorProfile[] = [
    { id: 'admin', roles: ['department_admin'] },
    { id: 'grid', roles: ['grid'], gridAreas: ['D1/G1', 'D2'] },
    { id: 'officer', roles: ['enforcement'], departments: [{ id: 'x', domains: ['gas', 'fire'], areas: ['D2/G3', 'D1'] }] },
    { id: 'owner', roles: ['enterprise'], enterpriseIds: ['e007', 'nobody'] },
    { id: 'landlord', roles: ['enterprise'], enterpriseIds: ['e000'], tenancies: [tenancy('e014'), tenancy('e021')] },
    { id: 'both', roles: ['enterprise', 'grid'], enterpriseIds: ['e028'], gridAreas: ['D3/G2'] },
    { id: 'nothing', roles: ['grid'], gridAreas: [] },
  ];
  const queries: EnterpriseListQuery[] = [];
  for (const areas of [undefined, ['D1'], ['D2/G3'], ['D1/G1'], ['D3'], ['D9']])
    for (const q of [undefined, '饭店', 'e0'])
      for (const after of [undefined, 'e007', 'e500']) for (const limit of [1, 3, 100, 500]) queries.push({ ...(areas ? { areas } : {}), ...(q ? { q } : {}), ...(after ? { after } : {}), limit });

  it('pushed down to the directory it answers every page as the in-memory filter of the whole register does', async () => {
    const directory = indexedDirectory(register);
    const fallback = { directory: { enterprise: directory.enterprise }, register: () => register };
    const pushed = {
      directory,
      register: () => {
        throw new Error('the register is not loaded when the directory lists');
      },
    };
    for (const actor of actors)
      for (const query of queries) {
        const scopes = readScopes(actor);
        const want = await listReadableEnterprises(fallback, scopes, query);
        expect([actor.id, query, await listReadableEnterprises(pushed, scopes, query)]).toEqual([actor.id, query, want]);
      }
  });

  it("narrows the query by the reader's scopes before listing: a grid inspector's grids met with the asked area, an owner's enterprise looked up", async () => {
    const directory = indexedDirectory(register);
    const source = { directory, register: () => [] };
    await listReadableEnterprises(source, readScopes(actors[1]!), { areas: ['D2/G3'], limit: 10 });
    expect(directory.calls.map((c) => c.areas)).toEqual([['D2/G3']]);
    await listReadableEnterprises(source, readScopes(actors[1]!), { areas: ['D3'], limit: 10 });
    expect(directory.calls).toHaveLength(1); // nothing of D3 is readable: not asked
    const own = await listReadableEnterprises(source, readScopes(actors[3]!), { limit: 10 });
    expect([own, directory.calls.length]).toEqual([{ items: [register.find((e) => e.id === 'e007')], next: null }, 1]);
  });

  it('refuses a malformed query before asking the directory or loading the register, on either path (limit 0 read items[-1])', async () => {
    const directory = indexedDirectory(register);
    let loads = 0;
    const load = () => (loads++, register);
    const malformed: Array<[Record<string, unknown>, ErrorConstructor, string]> = [
      [{ limit: 0 }, RangeError, 'limit'],
      [{ limit: 1.5 }, RangeError, 'limit'],
      [{ limit: '10' }, RangeError, 'limit'],
      [{ area: ['D1'], limit: 10 }, TypeError, '"area"'],
      [{ areas: 'D1', limit: 10 }, TypeError, 'areas'],
      [{ q: 1, limit: 10 }, TypeError, 'q'],
    ];
    for (const actor of [actors[0]!, actors[1]!, actors[3]!, actors[4]!])
      for (const source of [
        { directory, register: load },
        { directory: { enterprise: directory.enterprise }, register: load },
      ])
        for (const [query, type, names] of malformed) {
          const asked = listReadableEnterprises(source, readScopes(actor), query as unknown as EnterpriseListQuery);
          await expect(asked, `${actor.id} ${JSON.stringify(query)}`).rejects.toThrow(type);
          await expect(listReadableEnterprises(source, readScopes(actor), query as unknown as EnterpriseListQuery)).rejects.toThrow(names);
        }
    expect([directory.calls, loads]).toEqual([[], 0]);
  });
});
