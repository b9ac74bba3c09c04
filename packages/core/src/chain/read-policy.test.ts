import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HazardLevel } from '../pack/types.js';
import type { ActorProfile } from '../ports/directory.js';
import type { TenancyRecord } from '../ports/rental-directory.js';
import type { HazardFilter } from '../ports/store.js';
import { TEST_ACTORS } from '../testing/chain-fixtures.js';
import { canRead, enterpriseForRead, mayAskAboutEnterprise, mayReadRounds, mayReadSomeOf, narrow, readableInspection, readScopes } from './read-policy.js';

// The hazards of the matrix: every combination of area × domain × enterprise. The areas
// cover the relations that matter: a district (D1), a grid (D1/G1), a sub-area of a grid
// (D1/G1/X), a sibling grid (D1/G2), a look-alike district (D10/G1) and another district.
const AREAS = ['D1', 'D1/G1', 'D1/G1/X', 'D1/G2', 'D10/G1', 'D2/G1'] as const;
const DOMAINS = ['gas', 'fire'] as const;
const ENTERPRISES = ['E1', 'E2'] as const;
const CELLS = AREAS.flatMap((area) => DOMAINS.flatMap((domain) => ENTERPRISES.map((enterpriseId) => ({ area, domain, enterpriseId }))));

function tenancy(landlordEnterpriseId: string, tenantEnterpriseId: string, area: string, premisesId = `P-${landlordEnterpriseId}-${area}`): TenancyRecord {
  return { premisesId, landlordEnterpriseId, tenantEnterpriseId, area, period: 1 };
}

// Actors beyond the shared fixtures: jurisdiction fields of a role not held, several roles,
// a department with two areas, an officer without a department, an admin who also owns.
const EXTRA_ACTORS: Readonly<Record<string, ActorProfile>> = {
  'grid-role-enterprise-ids': { id: 'grid-role-enterprise-ids', roles: ['grid'], enterpriseIds: ['E1'] },
  'owner-e2-with-grid-areas': { id: 'owner-e2-with-grid-areas', roles: ['enterprise'], enterpriseIds: ['E2'], gridAreas: ['D1'] },
  'owner-e1-and-grid-d2': { id: 'owner-e1-and-grid-d2', roles: ['enterprise', 'grid'], enterpriseIds: ['E1'], gridAreas: ['D2'] },
  'officer-fire-d2-g2': { id: 'officer-fire-d2-g2', roles: ['enforcement'], departments: [{ id: 'f', domains: ['fire'], areas: ['D2', 'D1/G2'] }] },
  'officer-no-department': { id: 'officer-no-department', roles: ['enforcement'], gridAreas: ['D1'], enterpriseIds: ['E1'] },
  'admin-and-owner': { id: 'admin-and-owner', roles: ['enterprise', 'department_admin'], enterpriseIds: ['E1'] },
  // Landlords (issue 17): E1 rents premises to E2; a tenancy grants the landlord E2's hazards at that premises
  // only, so none of the hazards of this matrix (found at no premises) — see the premises matrix below.
  'landlord-e1': { id: 'landlord-e1', roles: ['enterprise'], enterpriseIds: ['E1'], tenancies: [tenancy('E1', 'E2', 'D1/G1')] },
  'landlord-e1-two-premises': { id: 'landlord-e1-two-premises', roles: ['enterprise'], enterpriseIds: ['E1'], tenancies: [tenancy('E1', 'E2', 'D1/G2'), tenancy('E1', 'E2', 'D2/G1')] },
  'landlord-e1-foreign-tenancy': { id: 'landlord-e1-foreign-tenancy', roles: ['enterprise'], enterpriseIds: ['E1'], tenancies: [tenancy('L9', 'E2', 'D1')] },
  'landlord-without-enterprise-role': { id: 'landlord-without-enterprise-role', roles: ['grid'], enterpriseIds: ['E1'], tenancies: [tenancy('E1', 'E2', 'D1')] },
  'tenant-e2-of-e1': { id: 'tenant-e2-of-e1', roles: ['enterprise'], enterpriseIds: ['E2'], tenancies: [tenancy('E1', 'E2', 'D1')] },
};
const ACTORS: Readonly<Record<string, ActorProfile>> = { ...TEST_ACTORS, ...EXTRA_ACTORS };

// The reviewed expectation, written by hand cell by cell (x readable, . not), independently
// of read-policy.ts. One group per area in AREAS order; inside a group:
// gas·E1 gas·E2 fire·E1 fire·E2. Every actor of ACTORS has exactly one row.
//
//                                 D1   D1/G1 D1/G1/X D1/G2 D10/G1 D2/G1
const EXPECTED_READS = `
owner-e1                 | x.x. x.x. x.x. x.x. x.x. x.x.
owner-e2                 | .x.x .x.x .x.x .x.x .x.x .x.x
grid-g1                  | .... xxxx xxxx .... .... ....
grid-g2                  | .... .... .... xxxx .... ....
officer-gas-d1           | xx.. xx.. xx.. xx.. .... ....
officer2-gas-d1          | xx.. xx.. xx.. xx.. .... ....
officer-gas-d2           | .... .... .... .... .... xx..
officer-fire-d1          | ..xx ..xx ..xx ..xx .... ....
admin-gas                | xxxx xxxx xxxx xxxx xxxx xxxx
system:scheduler         | xxxx xxxx xxxx xxxx xxxx xxxx
nobody                   | .... .... .... .... .... ....
grid-role-enterprise-ids | .... .... .... .... .... ....
owner-e2-with-grid-areas | .x.x .x.x .x.x .x.x .x.x .x.x
owner-e1-and-grid-d2     | x.x. x.x. x.x. x.x. x.x. xxxx
officer-fire-d2-g2       | .... .... .... ..xx .... ..xx
officer-no-department    | .... .... .... .... .... ....
admin-and-owner          | xxxx xxxx xxxx xxxx xxxx xxxx
landlord-e1              | x.x. x.x. x.x. x.x. x.x. x.x.
landlord-e1-two-premises | x.x. x.x. x.x. x.x. x.x. x.x.
landlord-e1-foreign-tenancy | x.x. x.x. x.x. x.x. x.x. x.x.
landlord-without-enterprise-role | .... .... .... .... .... ....
tenant-e2-of-e1          | .x.x .x.x .x.x .x.x .x.x .x.x
`;

const expectation = new Map(
  EXPECTED_READS.trim()
    .split('\n')
    .map((line) => line.split('|').map((c) => c.trim()))
    .map(([actor, row]) => [actor as string, [...(row ?? '').replace(/\s+/g, '')].map((c) => c === 'x')]),
);

describe('read policy matrix (role × relation × hazard attributes)', () => {
  it('the expectation has one row per actor and one cell per hazard', () => {
    expect([...expectation.keys()].sort()).toEqual(Object.keys(ACTORS).sort());
    for (const [actor, row] of expectation) expect(row, actor).toHaveLength(CELLS.length);
  });

  const cases = Object.keys(ACTORS).flatMap((actor) => CELLS.map((cell, i) => ({ actor, cell, i })));
  it.each(cases)('$actor reads $cell.enterpriseId $cell.area $cell.domain as expected', ({ actor, cell, i }) => {
    expect(canRead(readScopes(ACTORS[actor]!), cell)).toBe(expectation.get(actor)![i]);
  });
});

// Landlords, precisely (issue 17): hazards of the landlord E1 and of the tenant E2 found at no
// premises (-), at PA (E1's premises, rented by E2), at PB (L9's premises in the same area
// D1/G1, also rented by E2) — in E2's area D1/G1 and in another area D2/G1 (the hazard's
// area is the enterprise's; the premises alone decides a landlord's read).
const PREMISES = [undefined, 'PA', 'PB'] as const;
const PREMISES_CELLS = (['D1/G1', 'D2/G1'] as const).flatMap((area) =>
  ENTERPRISES.flatMap((enterpriseId) => PREMISES.map((premisesId) => ({ area, domain: 'gas', enterpriseId, ...(premisesId === undefined ? {} : { premisesId }) }))),
);
const PREMISES_ACTORS: Readonly<Record<string, ActorProfile>> = {
  'owner-e1': TEST_ACTORS['owner-e1']!,
  'owner-e2': TEST_ACTORS['owner-e2']!,
  'grid-g1': TEST_ACTORS['grid-g1']!,
  'landlord-e1-of-pa': { id: 'landlord-e1-of-pa', roles: ['enterprise'], enterpriseIds: ['E1'], tenancies: [tenancy('E1', 'E2', 'D1/G1', 'PA')] },
  'landlord-l9-of-pb': { id: 'landlord-l9-of-pb', roles: ['enterprise'], enterpriseIds: ['L9'], tenancies: [tenancy('L9', 'E2', 'D1/G1', 'PB')] },
  'landlord-e1-forged-pb': { id: 'landlord-e1-forged-pb', roles: ['enterprise'], enterpriseIds: ['E1'], tenancies: [tenancy('L9', 'E2', 'D1/G1', 'PB')] },
  'landlord-e1-grid-role': { id: 'landlord-e1-grid-role', roles: ['grid'], enterpriseIds: ['E1'], tenancies: [tenancy('E1', 'E2', 'D1/G1', 'PA')] },
  'tenant-e2-of-pa': { id: 'tenant-e2-of-pa', roles: ['enterprise'], enterpriseIds: ['E2'], tenancies: [tenancy('E1', 'E2', 'D1/G1', 'PA')] },
};
// By hand: per area (D1/G1, D2/G1): E1·- E1·PA E1·PB E2·- E2·PA E2·PB.
const EXPECTED_PREMISES_READS = `
owner-e1              | xxx... xxx...
owner-e2              | ...xxx ...xxx
grid-g1               | xxxxxx ......
landlord-e1-of-pa     | xxx.x. xxx.x.
landlord-l9-of-pb     | .....x .....x
landlord-e1-forged-pb | xxx... xxx...
landlord-e1-grid-role | ...... ......
tenant-e2-of-pa       | ...xxx ...xxx
`;

describe('read policy matrix: landlords and the premises of a hazard', () => {
  const rows = new Map(
    EXPECTED_PREMISES_READS.trim()
      .split('\n')
      .map((line) => line.split('|').map((c) => c.trim()))
      .map(([actor, row]) => [actor as string, [...(row ?? '').replace(/\s+/g, '')].map((c) => c === 'x')]),
  );
  it('the expectation has one row per actor and one cell per hazard', () => {
    expect([...rows.keys()].sort()).toEqual(Object.keys(PREMISES_ACTORS).sort());
    for (const [actor, row] of rows) expect(row, actor).toHaveLength(PREMISES_CELLS.length);
  });
  const cases = Object.keys(PREMISES_ACTORS).flatMap((actor) => PREMISES_CELLS.map((cell, i) => ({ actor, cell, i })));
  it.each(cases)('$actor reads $cell.enterpriseId $cell.area at $cell.premisesId as expected', ({ actor, cell, i }) => {
    expect(canRead(readScopes(PREMISES_ACTORS[actor]!), cell)).toBe(rows.get(actor)![i]);
  });
  it("a landlord's scope names the tenant and the premises, never an area", () => {
    expect(readScopes(PREMISES_ACTORS['landlord-e1-of-pa']!)).toEqual([{ enterpriseId: 'E1' }, { enterpriseId: 'E2', premisesId: 'PA' }]);
    expect(narrow({ premisesId: 'PB' }, { enterpriseId: 'E2', premisesId: 'PA' })).toBeNull();
    expect(narrow({ level: 'major' }, { enterpriseId: 'E2', premisesId: 'PA' })).toEqual({ level: 'major', enterpriseId: 'E2', premisesId: 'PA' });
  });
});

describe('readScopes', () => {
  it('come from the roles and jurisdiction of the profile', () => {
    expect(readScopes({ id: 'a', roles: ['department_admin'] })).toBe('all');
    expect(readScopes({ id: 's', roles: ['system'] })).toBe('all');
    expect(readScopes({ id: 'n', roles: [] })).toEqual([]);
    expect(readScopes({ id: 'o', roles: ['enforcement'], departments: [{ id: 'd', domains: ['gas', 'fire'], areas: ['D1'] }] })).toEqual([
      { area: 'D1', domain: 'gas' },
      { area: 'D1', domain: 'fire' },
    ]);
    expect(readScopes({ id: 'x', roles: ['grid'], enterpriseIds: ['E1'] })).toEqual([]);
  });

  it('an empty scope list reads nothing; a scope without fields reads everything it is given', () => {
    expect(canRead([], { enterpriseId: 'E1', area: 'D1', domain: 'gas' })).toBe(false);
    expect(canRead([{}], { enterpriseId: 'E1', area: 'D1', domain: 'gas' })).toBe(true);
  });
});

describe('narrow', () => {
  it('narrows a request filter to a scope, or to nothing when they exclude each other', () => {
    expect(narrow({ level: 'major' }, { area: 'D1' })).toEqual({ level: 'major', area: 'D1' });
    expect(narrow({ area: 'D1/G2' }, { area: 'D1' })).toEqual({ area: 'D1/G2' });
    expect(narrow({ area: 'D1' }, { area: 'D1/G2' })).toEqual({ area: 'D1/G2' });
    expect(narrow({ area: 'D2' }, { area: 'D1' })).toBeNull();
    expect(narrow({ area: 'D10' }, { area: 'D1' })).toBeNull();
    expect(narrow({ enterpriseId: 'E2' }, { enterpriseId: 'E1' })).toBeNull();
    expect(narrow({ domain: 'fire' }, { area: 'D1', domain: 'gas' })).toBeNull();
  });

  // Brute force: the narrowed filter matches exactly the hazards the filter and the scope both match.
  type Row = { enterpriseId: string; area: string; domain: string; level: HazardLevel; premisesId?: string };
  const covers = (scope: string, area: string) => area === scope || area.startsWith(`${scope}/`);
  const matches = (f: HazardFilter, r: Row) =>
    (f.enterpriseId === undefined || f.enterpriseId === r.enterpriseId) &&
    (f.domain === undefined || f.domain === r.domain) &&
    (f.area === undefined || covers(f.area, r.area)) &&
    (f.premisesId === undefined || f.premisesId === r.premisesId) &&
    (f.level === undefined || f.level === r.level);
  const LEVELS: HazardLevel[] = ['simple', 'general', 'major'];
  const ROWS: Row[] = [...CELLS, ...PREMISES_CELLS].flatMap((c) => LEVELS.map((level) => ({ ...c, level })));
  const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const area = fc.constantFrom(...AREAS, 'D1/G1/X/Y', 'D10');
  const filter = fc.record({
    enterpriseId: optional(fc.constantFrom(...ENTERPRISES)),
    domain: optional(fc.constantFrom(...DOMAINS)),
    area: optional(area),
    premisesId: optional(fc.constantFrom('PA', 'PB')),
    level: optional(fc.constantFrom(...LEVELS)),
  });
  const scope = fc.oneof(
    fc.record({ enterpriseId: fc.constantFrom(...ENTERPRISES) }),
    fc.record({ enterpriseId: fc.constantFrom(...ENTERPRISES), premisesId: fc.constantFrom('PA', 'PB') }), // a landlord's scope over a tenant
    fc.record({ area }),
    fc.record({ area, domain: fc.constantFrom(...DOMAINS) }),
  );
  const defined = (f: HazardFilter): HazardFilter => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));

  it('matches exactly filter ∩ scope (property, against a brute force over the matrix hazards)', () => {
    fc.assert(
      fc.property(filter, scope, (f, s) => {
        const narrowed = narrow(defined(f), s);
        const want = ROWS.filter((r) => matches(f, r) && canRead([s], r));
        const got = narrowed === null ? [] : ROWS.filter((r) => matches(narrowed, r));
        expect(got).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });
});

describe('mayReadSomeOf', () => {
  const E1 = { id: 'E1', area: 'D1/G1' };
  it('the enterprise, the grid and officers of its area, its landlord and the admin list its records; another enterprise or another area does not', () => {
    const tenancy: TenancyRecord = { premisesId: 'PA', landlordEnterpriseId: 'E2', tenantEnterpriseId: 'E1', area: 'D1/G1', period: 1, startedAt: '2026-01-01T00:00:00.000Z' };
    const may = (actor: ActorProfile) => mayReadSomeOf(readScopes(actor), E1);
    expect(may({ id: 'o1', roles: ['enterprise'], enterpriseIds: ['E1'] })).toBe(true);
    expect(may({ id: 'o2', roles: ['enterprise'], enterpriseIds: ['E2'] })).toBe(false);
    expect(may({ id: 'l2', roles: ['enterprise'], enterpriseIds: ['E2'], tenancies: [tenancy] })).toBe(true);
    expect(may({ id: 'g1', roles: ['grid'], gridAreas: ['D1/G1'] })).toBe(true);
    expect(may({ id: 'g2', roles: ['grid'], gridAreas: ['D1/G2'] })).toBe(false);
    expect(may({ id: 'f1', roles: ['enforcement'], departments: [{ id: 'fire-d1', domains: ['fire'], areas: ['D1'] }] })).toBe(true);
    expect(may({ id: 'f2', roles: ['enforcement'], departments: [{ id: 'fire-d2', domains: ['fire'], areas: ['D2'] }] })).toBe(false);
    expect(mayReadSomeOf('all', E1)).toBe(true);
  });
});

describe('enterpriseForRead', () => {
  const REGISTER: Record<string, { id: string; area: string }> = { E1: { id: 'E1', area: 'D1/G1' }, E3: { id: 'E3', area: 'D2/G1' } };
  const decide = (actor: ActorProfile | 'all', id: string) => {
    const looked: string[] = [];
    const lookup = async (x: string) => (looked.push(x), REGISTER[x] ?? null);
    return enterpriseForRead(actor === 'all' ? 'all' : readScopes(actor), id, lookup).then((d) => ({ reason: d.ok ? 'ok' : d.reason, looked }));
  };
  it('an enterprise user naming another enterprise is refused before the look-up, alike for a registered and an unknown id', async () => {
    for (const actor of [ACTORS['owner-e1']!, { id: 'nobody', roles: [] } as ActorProfile, ACTORS['landlord-e1']!]) {
      expect(await decide(actor, 'E3'), actor.id).toEqual({ reason: 'forbidden', looked: [] });
      expect(await decide(actor, 'E404'), actor.id).toEqual({ reason: 'forbidden', looked: [] });
    }
    expect(await decide(ACTORS['owner-e1']!, 'E1')).toEqual({ reason: 'ok', looked: ['E1'] });
    // A landlord may name its tenant (its scopes do), then the register answers.
    expect((await decide(ACTORS['landlord-e1']!, 'E2')).looked).toEqual(['E2']);
  });
  it('who may know the register (grid, officer, admin) is told an id is unknown, and refused one outside its scopes', async () => {
    expect(await decide(ACTORS['grid-g1']!, 'E404')).toEqual({ reason: 'unknown', looked: ['E404'] });
    expect(await decide(ACTORS['grid-g1']!, 'E3')).toEqual({ reason: 'forbidden', looked: ['E3'] });
    expect(await decide(ACTORS['grid-g1']!, 'E1')).toEqual({ reason: 'ok', looked: ['E1'] });
    expect(await decide('all', 'E404')).toEqual({ reason: 'unknown', looked: ['E404'] });
    expect(mayAskAboutEnterprise(readScopes(ACTORS['officer-fire-d1']!), 'E3')).toBe(true);
    expect(mayAskAboutEnterprise(readScopes(ACTORS['owner-e2']!), 'E1')).toBe(false);
  });
});

describe('mayReadRounds', () => {
  it('staff read rounds; an enterprise user and a role-less profile do not', () => {
    for (const id of ['grid-g1', 'officer-gas-d1', 'admin-gas']) expect(mayReadRounds(ACTORS[id]!), id).toBe(true);
    expect(mayReadRounds({ id: 's', roles: ['system'] })).toBe(true);
    expect(mayReadRounds(ACTORS['owner-e1']!)).toBe(false);
    expect(mayReadRounds({ id: 'n', roles: [] })).toBe(false);
  });
});

describe('readableInspection', () => {
  // A landlord (E1) rents PA to its tenant E2 from 2026-03-01 until 2026-09-01; E2 inspects there and at its own place.
  const landlord: ActorProfile = {
    id: 'landlord',
    roles: ['enterprise'],
    enterpriseIds: ['E1'],
    tenancies: [{ ...tenancy('E1', 'E2', 'D1/G1', 'PA'), startedAt: '2026-03-01T00:00:00.000Z', endedAt: '2026-09-01T00:00:00.000Z' }],
  };
  const record = (recordedAt: string, premisesId?: string, inspectedAt: string | null = null) => ({
    enterpriseId: 'E2',
    area: 'D1/G1',
    domain: 'gas',
    recordedAt,
    inspectedAt,
    ...(premisesId === undefined ? {} : { premisesId }),
  });
  const reads = (r: ReturnType<typeof record>) => canRead(readScopes(landlord), readableInspection(r));

  it('maps a record to what the read policy looks at: enterprise, area, domain, premises, and recordedAt as the time found', () => {
    expect(readableInspection(record('2026-05-01T00:00:00.000Z', 'PA'))).toEqual({ enterpriseId: 'E2', area: 'D1/G1', domain: 'gas', premisesId: 'PA', createdAt: '2026-05-01T00:00:00.000Z' });
    expect(readableInspection(record('2026-05-01T00:00:00.000Z'))).toEqual({ enterpriseId: 'E2', area: 'D1/G1', domain: 'gas', createdAt: '2026-05-01T00:00:00.000Z' });
  });

  it("a landlord's tenancy period and premises decide: its tenant's record at the premises within the period, nothing else", () => {
    expect(reads(record('2026-03-01T00:00:00.000Z', 'PA'))).toBe(true); // from the tenancy's start, inclusive
    expect(reads(record('2026-08-31T23:59:59.999Z', 'PA'))).toBe(true);
    expect(reads(record('2026-02-28T23:59:59.999Z', 'PA'))).toBe(false); // before the tenancy
    expect(reads(record('2026-09-01T00:00:00.000Z', 'PA'))).toBe(false); // at its end, exclusive
    expect(reads(record('2026-05-01T00:00:00.000Z', 'PB'))).toBe(false); // another premises
    expect(reads(record('2026-05-01T00:00:00.000Z'))).toBe(false); // no premises named
    // The time is the server's recordedAt, not the inspector's claimed inspectedAt.
    expect(reads(record('2026-10-01T00:00:00.000Z', 'PA', '2026-05-01T00:00:00.000Z'))).toBe(false);
    expect(reads(record('2026-05-01T00:00:00.000Z', 'PA', '2025-01-01T00:00:00.000Z'))).toBe(true);
    // The tenant itself reads every record of its own, whatever the premises or time.
    expect(canRead(readScopes(TEST_ACTORS['owner-e2']!), readableInspection(record('2025-01-01T00:00:00.000Z', 'PB')))).toBe(true);
  });
});
