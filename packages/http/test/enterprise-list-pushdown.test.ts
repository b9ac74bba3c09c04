// GET /enterprises over a directory that lists (Directory.listEnterprises): the filter pushed down,
// the register never loaded whole — and every answer (page, next, 400, 422) the same as over the
// relations' register filtered in memory, for each kind of reader.
import { describe, expect, it } from 'vitest';
import { createMemoryStore, createStaticDirectory, type ActorProfile } from '@anjian/core';
import { createMemoryRentalDirectory, createMemoryRoundStore, listEnterprisesOf, withLandlordTenancies, type EnterpriseListQuery, type EnterpriseRecord } from '@anjian/core/internal';
import { createFixedClock, TEST_CALENDAR_2026 } from '@anjian/core/testing';
import { createAnjianApi } from '../src/index.js';
import { demoKitchen } from './harness.js';

// 90 enterprises over D1 … D3, some in a district's own area, most in a grid; E007 rents at E000's premises.
const REGISTER: EnterpriseRecord[] = Array.from({ length: 90 }, (_, n) => (n * 37) % 90).map((i) => ({
  id: `E${String(i).padStart(3, '0')}`,
  name: `${i % 4 === 0 ? '饭店' : '企业'} ${i}`,
  area: `D${1 + (i % 3)}${i % 5 === 0 ? '' : `/G${1 + (i % 4)}`}`,
  ...(i % 2 === 0 ? { address: `路 ${i} 号` } : {}),
}));
const ACTORS: ActorProfile[] = [
  { id: 'admin', roles: ['department_admin'] },
  { id: 'grid', roles: ['grid'], gridAreas: ['D1/G1', 'D2'] },
  { id: 'officer', roles: ['enforcement'], departments: [{ id: 'x', domains: ['gas'], areas: ['D2/G3', 'D1'] }] },
  { id: 'owner', roles: ['enterprise'], enterpriseIds: ['E011'] },
  { id: 'landlord', roles: ['enterprise'], enterpriseIds: ['E000'] },
];
const rental = createMemoryRentalDirectory({
  premises: [{ id: 'PA', enterpriseId: 'E000', address: '工业路 1 号', area: 'D3/G1', kinds: ['restaurant'], nineSmall: true, labourIntensive: false, groupRental: false }],
  tenancies: [{ premisesId: 'PA', tenantEnterpriseId: 'E007' }],
});

async function api(lists: boolean) {
  const inner = createStaticDirectory(ACTORS, REGISTER);
  const asked: EnterpriseListQuery[] = [];
  const directory = {
    resolve: async (id: string) => {
      const p = await inner.resolve(id);
      return p && withLandlordTenancies(p, rental);
    },
    enterprise: inner.enterprise,
    // A host's directory over its database: one page asked, never the register.
    ...(lists
      ? {
          listEnterprises: async (query: EnterpriseListQuery) => {
            asked.push(query);
            return listEnterprisesOf(REGISTER, query);
          },
        }
      : {}),
  };
  const app = createAnjianApi({
    store: createMemoryStore(),
    directory,
    calendar: TEST_CALENDAR_2026,
    clock: createFixedClock('2026-11-02T01:00:00Z'),
    packs: [await demoKitchen()],
    relations: {
      rental,
      rounds: createMemoryRoundStore(),
      enterprises: () => {
        if (lists) throw new Error('the register is loaded whole although the directory lists');
        return REGISTER;
      },
    },
    basePath: '/api',
    logger: false,
    authenticate: async (request) => request.headers.get('x-actor'),
  });
  const get = async (actor: string, query: string) => {
    const res = await app.fetch(new Request(`http://x/api/enterprises${query}`, { headers: { 'x-actor': actor, 'accept-language': 'en' } }));
    return { status: res.status, body: (await res.json()) as unknown };
  };
  return { get, asked };
}

describe('GET /enterprises with the directory listing', () => {
  it('answers every reader and query as the in-memory filter of the register does, asking the directory for pages only', async () => {
    const inMemory = await api(false);
    const pushed = await api(true);
    const queries = [
      '',
      '?limit=5',
      '?limit=5&after=E030',
      '?area=D1',
      '?area=D2/G3',
      '?area=D3/G1&limit=1',
      '?area=D9',
      '?area=D1//G1',
      `?q=${encodeURIComponent('饭店')}&limit=3`,
      '?q=E00',
      '?after=E089',
      '?limit=0',
    ];
    let compared = 0;
    for (const actor of ACTORS.map((a) => a.id))
      for (const query of queries) {
        const want = await inMemory.get(actor, query);
        expect([actor, query, await pushed.get(actor, query)]).toEqual([actor, query, want]);
        compared += (want.body as { items?: unknown[] }).items?.length ?? 0;
      }
    expect(compared).toBeGreaterThan(100); // the answers compared are not all empty
    // Pages of at most limit + 1: the directory is never asked for the whole register.
    expect(pushed.asked.length).toBeGreaterThan(0);
    expect(Math.max(...pushed.asked.map((q) => q.limit))).toBeLessThanOrEqual(101);
  });
});
