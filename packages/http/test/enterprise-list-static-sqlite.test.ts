// GET /enterprises on the two directories a host starts with — createStaticDirectory (in memory) and a
// register table in a SQLite file with the filter pushed down to SQL — answers every reader and query
// alike (page, next, 400, 422), and both take the same path: a page asked of the directory's
// listEnterprises, the register never loaded whole. What each lists is what it resolves: an enterprise
// registered later is listed by both, as enterprise(id) answers it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryStore, createStaticDirectory, type ActorProfile, type Directory } from '@anjian/core';
import { checkEnterpriseListQuery, createMemoryRentalDirectory, createMemoryRoundStore, withLandlordTenancies, type EnterpriseListQuery, type EnterpriseRecord } from '@anjian/core/internal';
import { createFixedClock, runEnterpriseListConformance, TEST_CALENDAR_2026 } from '@anjian/core/testing';
import { createAnjianApi } from '../src/index.js';
import { demoKitchen } from './harness.js';

// 120 enterprises over D1 … D3 and D10 (D1 must not cover D10), some in a district's own area; names with
// both cases, % and _ (q is neither case-blind nor a pattern); E007 rents at E000's premises.
const REGISTER: EnterpriseRecord[] = Array.from({ length: 120 }, (_, n) => (n * 43) % 120).map((i) => ({
  id: `E${String(i).padStart(3, '0')}`,
  name: `${['饭店', '企业', 'Hotpot', 'hotpot', '50%', 'a_b'][i % 6]} ${i}`,
  area: `${i % 7 === 0 ? 'D10' : `D${1 + (i % 3)}`}${i % 5 === 0 ? '' : `/G${1 + (i % 4)}`}`,
  ...(i % 2 === 0 ? { address: `路 ${i} 号` } : {}),
  ...(i % 3 === 0 ? { regime: 'general' as const } : {}),
}));
const ACTORS: ActorProfile[] = [
  { id: 'admin', roles: ['department_admin'] },
  { id: 'grid', roles: ['grid'], gridAreas: ['D1/G1', 'D2'] },
  { id: 'grid10', roles: ['grid'], gridAreas: ['D10'] },
  { id: 'officer', roles: ['enforcement'], departments: [{ id: 'x', domains: ['gas'], areas: ['D2/G3', 'D1'] }] },
  { id: 'owner', roles: ['enterprise'], enterpriseIds: ['E011'] },
  { id: 'landlord', roles: ['enterprise'], enterpriseIds: ['E000'] },
];
const rental = createMemoryRentalDirectory({
  premises: [{ id: 'PA', enterpriseId: 'E000', address: '工业路 1 号', area: 'D3/G1', kinds: ['restaurant'], nineSmall: true, labourIntensive: false, groupRental: false }],
  tenancies: [{ premisesId: 'PA', tenantEnterpriseId: 'E007' }],
});
const LATER: EnterpriseRecord = { id: 'E0005', name: '新登记饭店', area: 'D10/G9', address: '新路 5 号' };

const dir = mkdtempSync(join(tmpdir(), 'directory-enterprise-list-'));
const open: Database.Database[] = [];
afterAll(() => {
  for (const db of open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A host's directory over a SQLite file: actors and enterprises in tables, listEnterprises pushed down to SQL. */
function sqliteDirectory(actors: readonly ActorProfile[], register: readonly EnterpriseRecord[]) {
  const db = new Database(join(dir, `directory-${open.length}.db`));
  open.push(db);
  db.exec(`
    CREATE TABLE actor (id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT;
    CREATE TABLE enterprise (id TEXT PRIMARY KEY, name TEXT NOT NULL, area TEXT NOT NULL, body TEXT NOT NULL) STRICT;
    CREATE INDEX enterprise_area ON enterprise (area, id);
  `);
  const insertEnterprise = db.prepare('INSERT OR REPLACE INTO enterprise VALUES (?, ?, ?, ?)');
  const add = (e: EnterpriseRecord) => insertEnterprise.run(e.id, e.name, e.area, JSON.stringify(e));
  db.transaction(() => {
    for (const a of actors) db.prepare('INSERT INTO actor VALUES (?, ?)').run(a.id, JSON.stringify(a));
    for (const e of register) add(e);
  })();
  const actor = db.prepare<[string], { body: string }>('SELECT body FROM actor WHERE id = ?');
  const one = db.prepare<[string], { body: string }>('SELECT body FROM enterprise WHERE id = ?');
  const all = db.prepare<[], { body: string }>('SELECT body FROM enterprise ORDER BY id');
  return {
    add,
    register: () => all.all().map((r) => JSON.parse(r.body) as EnterpriseRecord),
    directory: {
      resolve: async (id: string) => {
        const row = actor.get(id);
        return row ? (JSON.parse(row.body) as ActorProfile) : null;
      },
      enterprise: async (id: string) => {
        const row = one.get(id);
        return row ? (JSON.parse(row.body) as EnterpriseRecord) : null;
      },
      listEnterprises: async (query: EnterpriseListQuery) => {
        checkEnterpriseListQuery(query); // a malformed query refused before any SQL (docs/directory.md)
        const where: string[] = [];
        const params: Array<string | number> = [];
        if (query.areas !== undefined) {
          where.push(query.areas.length === 0 ? '0' : `(${query.areas.map(() => "(area = ? OR substr(area, 1, length(?) + 1) = ? || '/')").join(' OR ')})`);
          for (const a of query.areas) params.push(a, a, a);
        }
        if (query.q !== undefined) {
          where.push('(instr(name, ?) > 0 OR instr(id, ?) > 0)');
          params.push(query.q, query.q);
        }
        if (query.after !== undefined) {
          where.push('id > ?');
          params.push(query.after);
        }
        const sql = `SELECT body FROM enterprise ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ?`;
        return (db.prepare(sql).all(...params, query.limit) as Array<{ body: string }>).map((r) => JSON.parse(r.body) as EnterpriseRecord);
      },
    } satisfies Directory,
  };
}

// The SQLite directory of this test lists as the port defines (the suite the static directory passes too).
runEnterpriseListConformance({ name: 'sqlite file (this test’s host)', describe, it, expect, create: (register) => sqliteDirectory([], register).directory });

/** The API over `directory` (landlords' tenancies added to profiles), counting the loads of the whole register. */
async function api(directory: Directory, register: () => readonly EnterpriseRecord[]) {
  let loads = 0;
  const app = createAnjianApi({
    store: createMemoryStore(),
    directory: { ...directory, resolve: async (id) => ((p) => p && withLandlordTenancies(p, rental))(await directory.resolve(id)) },
    calendar: TEST_CALENDAR_2026,
    clock: createFixedClock('2026-11-02T01:00:00Z'),
    packs: [await demoKitchen()],
    relations: {
      rental,
      rounds: createMemoryRoundStore(),
      enterprises: () => {
        loads++;
        return register();
      },
    },
    basePath: '/api',
    logger: false,
    authenticate: async (request) => request.headers.get('x-actor'),
  });
  const get = async (actor: string, query: string) => {
    const res = await app.fetch(new Request(`http://x/api/enterprises${query}`, { headers: { 'x-actor': actor, 'accept-language': 'en' } }));
    return { status: res.status, body: (await res.json()) as { items?: Array<{ id: string }>; next?: string | null; code?: string } };
  };
  return { get, loads: () => loads };
}

const QUERIES = [
  '',
  '?limit=7',
  '?limit=7&after=E030',
  '?area=D1',
  '?area=D10',
  '?area=D2/G3',
  '?area=D3/G1&limit=1',
  '?area=D9',
  '?area=D1//G1',
  `?q=${encodeURIComponent('饭店')}&limit=3`,
  '?q=hotpot',
  '?q=Hotpot&area=D1',
  `?q=${encodeURIComponent('%')}`,
  '?q=_',
  '?q=E00',
  '?after=E119',
  '?limit=0',
  '?limit=501',
];

describe('GET /enterprises on the static directory and on a SQLite directory', () => {
  it('answers every reader and query alike, each asking its directory for a page and never loading the register', async () => {
    const staticDirectory = createStaticDirectory(ACTORS, REGISTER);
    const onStatic = await api(staticDirectory, staticDirectory.register);
    const sqlite = sqliteDirectory(ACTORS, REGISTER);
    const onSqlite = await api(sqlite.directory, sqlite.register);
    let listed = 0;
    const statuses = new Set<number>();
    for (const actor of ACTORS.map((a) => a.id))
      for (const query of QUERIES) {
        const want = await onSqlite.get(actor, query);
        expect([actor, query, await onStatic.get(actor, query)]).toEqual([actor, query, want]);
        listed += want.body.items?.length ?? 0;
        statuses.add(want.status);
      }
    // The answers compared are not all empty, nor all refusals: pages, 400 and 422 alike.
    expect(listed).toBeGreaterThan(150);
    expect([...statuses].sort()).toEqual([200, 400, 422]);
    // Both take the pushed-down path: the register (relations.enterprises) is never loaded for a listing.
    expect([onStatic.loads(), onSqlite.loads()]).toEqual([0, 0]);
  });

  it('an enterprise registered later is listed by both, as enterprise(id) answers it, and its area is known', async () => {
    const staticDirectory = createStaticDirectory(ACTORS, REGISTER);
    const onStatic = await api(staticDirectory, staticDirectory.register);
    const sqlite = sqliteDirectory(ACTORS, REGISTER);
    const onSqlite = await api(sqlite.directory, sqlite.register);
    for (const host of [onStatic, onSqlite]) expect((await host.get('admin', '?area=D10/G9')).status).toBe(422);
    staticDirectory.setEnterprise(LATER);
    sqlite.add(LATER);
    for (const [host, directory] of [
      [onStatic, staticDirectory],
      [onSqlite, sqlite.directory],
    ] as const) {
      const page = await host.get('admin', '?area=D10/G9');
      expect(page).toEqual({ status: 200, body: { items: [{ id: 'E0005', name: '新登记饭店', area: 'D10/G9', address: '新路 5 号' }], next: null } });
      expect(await directory.enterprise('E0005')).toEqual(LATER);
      expect((await host.get('grid10', '?limit=2')).body.items?.map((e) => e.id)).toEqual(['E000', 'E0005']);
    }
    // The static directory's register is the table it resolves from: the new enterprise is in it too.
    expect(staticDirectory.register().map((e) => e.id)).toEqual(sqlite.register().map((e) => e.id));
  });
});
