// Directory relations over HTTP (issue 17): a hazard at a tenant's premises carries the
// premises; the landlord reads it (GET /hazards, the landlord view, the enterprise file) and
// nothing else of the tenant; rounds open with a committed seed, draw (the seed revealed,
// idempotent by key; a re-draw reasoned and marked) and show coverage. Responses are checked against the OpenAPI document.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compilePack, createMemoryStore, createStaticDirectory, type ActorProfile } from '@anjian/core';
import { createMemoryInspectionLog, createMemoryRentalDirectory, createMemoryRoundStore, withLandlordTenancies, type RentalDirectory } from '@anjian/core/internal';
import { createFixedClock, TEST_CALENDAR_2026 } from '@anjian/core/testing';
import { createAnjianApi } from '../src/index.js';
import { demoKitchen, noAlarmInspection } from './harness.js';
import { documentValidator } from './openapi-validator.js';

const ACTORS: ActorProfile[] = [
  { id: 'admin', roles: ['department_admin'] },
  { id: 'grid-g1', roles: ['grid'], gridAreas: ['D1/G1'] },
  { id: 'owner-e1', roles: ['enterprise'], enterpriseIds: ['E1'] },
  { id: 'owner-e2', roles: ['enterprise'], enterpriseIds: ['E2'] },
  { id: 'owner-e3', roles: ['enterprise'], enterpriseIds: ['E3'] },
  { id: 'grid-g2', roles: ['grid'], gridAreas: ['D1/G2'] },
  { id: 'officer-d1', roles: ['enforcement'], departments: [{ id: 'fire-d1', domains: ['fire'], areas: ['D1'] }] },
];
const ENTERPRISES = [
  { id: 'E1', name: '老王饭店', area: 'D1/G1' },
  { id: 'E2', name: '红星厂房', area: 'D1/G1' },
  { id: 'E3', name: '如意宾馆', area: 'D1/G2' },
];
const flags = { kinds: ['restaurant'], nineSmall: true, labourIntensive: false, groupRental: true };
const rental = createMemoryRentalDirectory({
  premises: [
    { id: 'PA', enterpriseId: 'E2', address: '工业路 1 号', area: 'D1/G1', ...flags },
    { id: 'PB', enterpriseId: 'E3', address: '工业路 3 号', area: 'D1/G1', ...flags },
  ],
  tenancies: [
    { premisesId: 'PA', tenantEnterpriseId: 'E1' },
    { premisesId: 'PB', tenantEnterpriseId: 'E1' },
  ],
});

async function setup(dir: RentalDirectory = rental, clock = createFixedClock('2026-11-02T01:00:00Z'), inspections = createMemoryInspectionLog(), enterprises = ENTERPRISES) {
  const rental = dir;
  const pack = await demoKitchen();
  const store = createMemoryStore();
  const inner = createStaticDirectory(ACTORS, enterprises);
  // The host's directory adds the landlord tenancies of the moment, as RelationsApiOptions asks, and keeps the static
  // directory's other methods: GET /enterprises is asked of its listEnterprises, as a host on it serves it.
  const directory = {
    ...inner,
    resolve: async (id: string) => {
      const p = await inner.resolve(id);
      return p && withLandlordTenancies(p, rental);
    },
  };
  let registerLoads = 0;
  const api = createAnjianApi({
    store,
    directory,
    calendar: TEST_CALENDAR_2026,
    clock,
    packs: [pack],
    inspections,
    relations: { rental, rounds: createMemoryRoundStore(), enterprises: () => (registerLoads++, enterprises), roundSeedKey: new Uint8Array(32).fill(5) },
    basePath: '/api',
    logger: false,
    authenticate: async (request) => request.headers.get('x-actor'),
  });
  void compilePack;
  const mismatches: string[] = [];
  const call = async (actor: string, method: string, path: string, template: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await api.fetch(
      new Request(`http://x/api${path}`, {
        method,
        headers: { 'x-actor': actor, 'accept-language': 'en', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!;
    const json = (await res.json()) as Record<string, unknown> & { code?: string };
    const errors = documentValidator(api.openapi).check(method, `/api${template}`, res.status, type, json);
    if (errors) mismatches.push(`${method} ${template} ${res.status}: ${JSON.stringify(errors)}`);
    return { status: res.status, body: json };
  };
  return { api, call, mismatches, registerLoads: () => registerLoads };
}

describe('relations over HTTP', () => {
  it('a landlord reads its tenant’s hazards at its premises — in GET /hazards, its rental points and the tenant’s file — and nothing else of the tenant', async () => {
    const { call, mismatches } = await setup();
    const report = (premisesId: string | undefined, key: string) =>
      call('owner-e1', 'POST', '/inspections?report=true', '/inspections', noAlarmInspection({ subject: { enterpriseId: 'E1', ...(premisesId ? { premisesId } : {}) } }), { 'idempotency-key': key });
    const atPa = await report('PA', 'k-pa');
    const atPb = await report('PB', 'k-pb');
    const nowhere = await report(undefined, 'k-none');
    expect([atPa.status, atPb.status, nowhere.status]).toEqual([200, 200, 200]);
    const id = (r: { body: Record<string, unknown> }) => (r.body.reports as Array<{ hazardId: string }>)[0]!.hazardId;
    const unknown = await report('P-NONE', 'k-x');
    expect(unknown.body.code).toBe('INVALID_INSPECTION');
    // Located where the request carries it (subject.premisesId), not where core's input does.
    expect((unknown.body.issues as Array<{ code: string; pointer: string }>).map((i) => [i.code, i.pointer])).toEqual([['UNKNOWN_PREMISES', '/subject/premisesId']]);

    const hazards = await call('owner-e2', 'GET', '/hazards', '/hazards');
    expect((hazards.body.items as Array<{ hazardId: string; premisesId?: string }>).map((h) => [h.hazardId, h.premisesId])).toEqual([[id(atPa), 'PA']]);
    expect((await call('owner-e2', 'GET', `/hazards/${id(atPb)}`, '/hazards/{id}')).status).toBe(404);
    const detail = await call('owner-e2', 'GET', `/hazards/${id(atPa)}`, '/hazards/{id}');
    expect((detail.body.state as { premisesId: string; landlordEnterpriseId: string }).landlordEnterpriseId).toBe('E2');

    const view = await call('owner-e2', 'GET', '/landlords/E2/rental-points', '/landlords/{enterpriseId}/rental-points');
    expect(view.status).toBe(200);
    expect(view.body.totals).toMatchObject({ premises: 1, tenants: 1, open: 1 });
    expect((await call('owner-e1', 'GET', '/landlords/E2/rental-points', '/landlords/{enterpriseId}/rental-points')).status).toBe(403);
    expect((await call('grid-g1', 'GET', '/landlords/E2/rental-points', '/landlords/{enterpriseId}/rental-points')).status).toBe(200);

    const file = await call('owner-e2', 'GET', '/enterprises/E1/file', '/enterprises/{enterpriseId}/file');
    expect(file.status).toBe(200);
    expect(file.body.complete).toBe(false);
    expect((file.body.premises as { rented: Array<{ premises: { id: string } }> }).rented.map((r) => r.premises.id)).toEqual(['PA']); // not PB, the tenant's other premises
    expect((file.body.hazards as { open: Array<{ summary: { hazardId: string } }> }).open.map((h) => h.summary.hazardId)).toEqual([id(atPa)]);
    const own = await call('owner-e1', 'GET', '/enterprises/E1/file', '/enterprises/{enterpriseId}/file');
    expect(own.body.complete).toBe(true);
    expect((own.body.hazards as { open: unknown[] }).open).toHaveLength(3);
    expect((own.body.premises as { rented: unknown[] }).rented).toHaveLength(2);
    // Each tenancy line names the other party as the directory registers it (the file's own page needs no list of its own).
    expect((own.body.premises as { rented: Array<{ landlordEnterpriseId: string; landlordName?: string }> }).rented.map((r) => [r.landlordEnterpriseId, r.landlordName])).toEqual([
      ['E2', '红星厂房'],
      ['E3', '如意宾馆'],
    ]);
    const landlordFile = await call('owner-e2', 'GET', '/enterprises/E2/file', '/enterprises/{enterpriseId}/file');
    expect((landlordFile.body.premises as { tenants: Array<{ tenantEnterpriseId: string; tenantName?: string }> }).tenants.map((t) => [t.tenantEnterpriseId, t.tenantName])).toEqual([
      ['E1', '老王饭店'],
    ]);
    expect((await call('owner-e3', 'GET', '/enterprises/E2/file', '/enterprises/{enterpriseId}/file')).status).toBe(403);
    expect((await call('admin', 'GET', '/enterprises/E404/file', '/enterprises/{enterpriseId}/file')).status).toBe(404);
    void nowhere;

    // The tenancy at PB ends after its hazard was found: E3 (PB's holder) keeps reading it. The one at PA is recorded as
    // ended before its hazard was found (a back-dated end): E2 no longer reads it, in the list, the detail or the file.
    await rental.endTenancy({ premisesId: 'PB', tenantEnterpriseId: 'E1', endedAt: '2026-11-02T02:00:00.000Z' });
    expect((await call('owner-e3', 'GET', `/hazards/${id(atPb)}`, '/hazards/{id}')).status).toBe(200);
    await rental.endTenancy({ premisesId: 'PA', tenantEnterpriseId: 'E1', endedAt: '2026-11-01T00:00:00.000Z' });
    expect((await call('owner-e2', 'GET', '/hazards', '/hazards')).body.items).toEqual([]);
    expect((await call('owner-e2', 'GET', `/hazards/${id(atPa)}`, '/hazards/{id}')).status).toBe(404);
    const after = await call('owner-e2', 'GET', '/enterprises/E1/file', '/enterprises/{enterpriseId}/file');
    expect(after.body.hazards).toEqual({ open: [], closed: [] });
    expect(mismatches).toEqual([]);
  });

  it('rounds: open (seed committed), draw (seed revealed, verifies), re-draw with a reason (marked); a request seed is refused; coverage; enterprise users are refused', async () => {
    const { call, mismatches } = await setup();
    const round = {
      id: 'R-1',
      kind: 'self_inspection',
      title: { 'zh-CN': '十一月自查', en: 'November self-inspection' },
      packId: 'demo-kitchen',
      scope: { area: 'D1' },
      startsOn: '2026-11-01',
      endsOn: '2026-11-30',
    };
    expect((await call('owner-e1', 'POST', '/rounds', '/rounds', round)).status).toBe(403);
    expect((await call('admin', 'POST', '/rounds', '/rounds', { ...round, endsOn: '2026-10-01' })).body.code).toBe('INVALID_ROUND');
    // A title is one line of text like a command's: no bidi override (Trojan Source), no line break, not blank.
    for (const [title, pointer] of [
      [{ 'zh-CN': '十一月\u202e查自' }, '/title/zh-CN'],
      [{ 'zh-CN': '十一月自查\r\nSet-Cookie: a=b' }, '/title/zh-CN'],
      [{ 'zh-CN': '\u200b\u3000' }, '/title/zh-CN'],
      [{ 'zh-CN': '十一月自查', en: 'Nov\u2066ember' }, '/title/en'],
    ] as const) {
      const refused = await call('admin', 'POST', '/rounds', '/rounds', { ...round, title });
      expect([refused.status, refused.body.code, (refused.body.issues as Array<{ pointer: string }>)[0]!.pointer], JSON.stringify(title)).toEqual([422, 'INVALID_ROUND', pointer]);
    }
    expect((await call('admin', 'POST', '/rounds', '/rounds', round)).status).toBe(201);
    expect((await call('admin', 'POST', '/rounds', '/rounds', round)).body.code).toBe('ROUND_EXISTS');
    await call('owner-e1', 'POST', '/inspections?report=true', '/inspections', noAlarmInspection(), { 'idempotency-key': 'self-1' });

    const draw = (body: unknown, key?: string) => call('admin', 'POST', '/rounds/R-1/draws', '/rounds/{roundId}/draws', body, key === undefined ? {} : { 'idempotency-key': key });
    const opened = (await call('admin', 'GET', '/rounds/R-1', '/rounds/{roundId}')).body.round as { seeds: { commitment: string } };
    // The drawer cannot choose: a seed in the request is refused, located, in both languages; so is a draw without a key.
    const seeded = await draw({ seed: '2026-11-02 福彩', count: 2 }, 'd-0');
    expect([seeded.status, seeded.body.code, (seeded.body.issues as Array<{ code: string; pointer: string }>)[0]]).toMatchObject([
      422,
      'INVALID_ROUND',
      { code: 'SEED_NOT_ACCEPTED', pointer: '/seed' },
    ]);
    expect((seeded.body.detail as string) + JSON.stringify(seeded.body.issues)).toContain('承诺');
    expect((await draw({ count: 2 })).status).toBe(400);
    const a = await draw({ count: 2 }, 'd-1');
    const replay = await draw({ count: 2 }, 'd-1');
    expect([a.status, replay.status]).toEqual([201, 201]);
    expect(replay.body).toEqual(a.body);
    expect((await draw({ count: 3 }, 'd-1')).body).toMatchObject({ code: 'INVALID_ROUND', issues: [{ code: 'IDEMPOTENCY_KEY_REUSED' }] });
    const data = (r: { body: Record<string, unknown> }) => r.body.data as { seed: string; selected: string[]; commitment: string; nextCommitment: string };
    // The revealed seed answers the commitment published when the round opened.
    expect(createHash('sha256').update(data(a).seed).digest('hex')).toBe(opened.seeds.commitment);
    expect((await draw({ count: 2 }, 'd-2')).body).toMatchObject({ code: 'INVALID_ROUND', issues: [{ code: 'REASON_REQUIRED', pointer: '/reason' }] });
    const c = await draw({ count: 2, reason: 'E2 停业' }, 'd-2');
    expect(c.status).toBe(201);
    expect(createHash('sha256').update(data(c).seed).digest('hex')).toBe(data(a).nextCommitment);
    expect((await call('admin', 'POST', '/rounds/R-9/draws', '/rounds/{roundId}/draws', { count: 1 }, { 'idempotency-key': 'd-3' })).body.code).toBe('ROUND_NOT_FOUND');
    // Only count and reason come from the request.
    expect((await draw({ count: 2, reason: 'x', units: [] }, 'd-4')).body).toMatchObject({ code: 'INVALID_ROUND', issues: [{ code: 'UNKNOWN_FIELD', pointer: '/units' }] });

    const detail = await call('admin', 'GET', '/rounds/R-1', '/rounds/{roundId}');
    expect((detail.body.draws as Array<{ seedChanged: boolean; seedCheck: string }>).map((d) => [d.seedChanged, d.seedCheck])).toEqual([
      [false, 'verified'],
      [true, 'verified'],
    ]);
    // core says how many draws are left (a page offers the form, or says why not): one re-draw more, then none, then REDRAW_LIMIT
    expect(detail.body.drawsLeft).toBe(1);
    expect((await draw({ count: 2, reason: 'E3 搬迁' }, 'd-5')).status).toBe(201);
    expect((await call('admin', 'GET', '/rounds/R-1', '/rounds/{roundId}')).body.drawsLeft).toBe(0);
    expect((await draw({ count: 2, reason: '再抽一次' }, 'd-6')).body).toMatchObject({ code: 'INVALID_ROUND', issues: [{ code: 'REDRAW_LIMIT', pointer: '/roundId' }] });
    const coverage = detail.body.coverage as { total: number; done: number; entries: Array<{ enterpriseId: string; status: string }> };
    expect(coverage.entries.map((e) => `${e.enterpriseId}:${e.status}`)).toEqual(['E1:done', 'E2:due', 'E3:due']);
    const list = await call('grid-g1', 'GET', '/rounds', '/rounds');
    expect(list.body.log).toEqual({ ok: true, entries: 4 });
    expect((list.body.rounds as Array<{ coverage: { total: number } }>)[0]!.coverage.total).toBe(2); // the grid reads D1/G1 only
    expect((await call('owner-e1', 'GET', '/rounds', '/rounds')).status).toBe(403);
    expect(mismatches).toEqual([]);
  });

  it('draws are idempotent by Idempotency-Key: six parallel draws with one key record one draw and answer it six times', async () => {
    const { call, mismatches } = await setup();
    const round = { id: 'R-2', kind: 'special_campaign', title: { 'zh-CN': '专项' }, packId: 'demo-kitchen', scope: { area: 'D1' }, startsOn: '2026-11-01', endsOn: '2026-11-30' };
    expect((await call('admin', 'POST', '/rounds', '/rounds', round)).status).toBe(201);
    // A reason on each, so that without idempotency all six would be recorded (draw 1 and five re-draws).
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => call('admin', 'POST', '/rounds/R-2/draws', '/rounds/{roundId}/draws', { count: 2, reason: '首次' }, { 'idempotency-key': 'same-key' })),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.hash)).size).toBe(1);
    const detail = await call('admin', 'GET', '/rounds/R-2', '/rounds/{roundId}');
    expect(detail.body.draws).toHaveLength(1);
    expect(mismatches).toEqual([]);
  });

  it('work queues list the round members still to inspect, for whoever does the round’s inspections', async () => {
    const { call, mismatches } = await setup();
    const round = { title: { 'zh-CN': '十一月' }, packId: 'demo-kitchen', scope: { area: 'D1' }, startsOn: '2026-11-01', endsOn: '2026-11-30' };
    expect((await call('admin', 'POST', '/rounds', '/rounds', { ...round, id: 'R-self', kind: 'self_inspection' })).status).toBe(201);
    expect((await call('admin', 'POST', '/rounds', '/rounds', { ...round, id: 'R-patrol', kind: 'patrol_coverage' })).status).toBe(201);
    await call('owner-e1', 'POST', '/inspections?report=true', '/inspections', noAlarmInspection(), { 'idempotency-key': 'self-1' });
    type Queue = { items: unknown[]; rounds: Array<{ roundId: string; enterpriseId: string; status: string; daysLeft: number }> };
    const queue = async (actor: string, role: string) => (await call(actor, 'GET', `/queues/${role}`, '/queues/{role}')).body as Queue;
    // E1 did its self-inspection; E2 has not (28 days left); the patrol is the grid's, in its areas only (not E3 in D1/G2).
    expect((await queue('owner-e1', 'enterprise')).rounds).toEqual([]);
    expect((await queue('owner-e2', 'enterprise')).rounds.map((r) => [r.roundId, r.enterpriseId, r.status, r.daysLeft])).toEqual([['R-self', 'E2', 'due', 28]]);
    expect((await queue('grid-g1', 'grid')).rounds.map((r) => `${r.roundId}:${r.enterpriseId}`)).toEqual(['R-patrol:E1', 'R-patrol:E2']);
    expect(mismatches).toEqual([]);
  });

  it('a work queue reads the coverage of the round members the actor works only, not of every member of every running round', async () => {
    const log = createMemoryInspectionLog();
    const read: string[] = [];
    // The enterprises read: one per list, each one asked of the single read (firstInspections).
    const inspections = {
      ...log,
      listInspections: (q: Parameters<typeof log.listInspections>[0]) => (read.push(q.enterpriseId), log.listInspections(q)),
      firstInspections: (q: Parameters<NonNullable<typeof log.firstInspections>>[0]) => (read.push(...q.enterpriseIds), log.firstInspections!(q)),
    };
    const { call } = await setup(rental, undefined, inspections);
    const round = { title: { 'zh-CN': '十一月' }, packId: 'demo-kitchen', scope: { area: 'D1' }, startsOn: '2026-11-01', endsOn: '2026-11-30' };
    expect((await call('admin', 'POST', '/rounds', '/rounds', { ...round, id: 'R-self', kind: 'self_inspection' })).status).toBe(201);
    expect((await call('admin', 'POST', '/rounds', '/rounds', { ...round, id: 'R-patrol', kind: 'patrol_coverage' })).status).toBe(201);
    const queue = async (actor: string, role: string) => {
      read.length = 0;
      const body = (await call(actor, 'GET', `/queues/${role}`, '/queues/{role}')).body as { rounds: Array<{ roundId: string; enterpriseId: string }> };
      return { rounds: body.rounds.map((r) => `${r.roundId}:${r.enterpriseId}`), read: [...read].sort() };
    };
    // An enterprise: its own self-inspection only (the patrol is the grid's); a grid inspector: the patrol in D1/G1 only.
    expect(await queue('owner-e2', 'enterprise')).toEqual({ rounds: ['R-self:E2'], read: ['E2'] });
    expect(await queue('grid-g1', 'grid')).toEqual({ rounds: ['R-patrol:E1', 'R-patrol:E2'], read: ['E1', 'E2'] });
    expect(await queue('officer-d1', 'enforcement')).toEqual({ rounds: [], read: [] });
  });

  it('an unknown enterprise, premises, round or field is echoed quoted and cut to 64 characters, as every API message is (docs/security.md T45)', async () => {
    // Before: `no enterprise ‮AAAA…` with the 4 000 characters and the bidi override printed raw.
    const { call } = await setup();
    const odd = `\u202e${'A'.repeat(4000)}`;
    const shown = JSON.stringify(`\u202e${'A'.repeat(63)}…`);
    const id = encodeURIComponent(odd);
    const cases = [
      await call('admin', 'GET', `/enterprises/${id}/file`, '/enterprises/{enterpriseId}/file'),
      await call('admin', 'GET', `/landlords/${id}/rental-points`, '/landlords/{enterpriseId}/rental-points'),
      await call('admin', 'GET', `/rounds/${id}`, '/rounds/{roundId}'),
      await call('admin', 'POST', `/premises/${id}/tenancies`, '/premises/{premisesId}/tenancies', { tenantEnterpriseId: 'E1' }, { 'idempotency-key': 'k-odd-1' }),
      await call('admin', 'POST', '/premises/PA/tenancies', '/premises/{premisesId}/tenancies', { tenantEnterpriseId: odd.slice(0, 200) }, { 'idempotency-key': 'k-odd-2' }),
      await call('admin', 'POST', '/premises/PA/tenancies', '/premises/{premisesId}/tenancies', { tenantEnterpriseId: 'E1', [`a/b${odd}`]: 1 }, { 'idempotency-key': 'k-odd-3' }),
    ];
    for (const r of cases) {
      expect(r.status, JSON.stringify(r.body).slice(0, 200)).toBeGreaterThanOrEqual(400);
      expect(String(r.body.detail)).not.toContain('A'.repeat(65));
      expect(String(r.body.detail)).toContain(r === cases[5] ? JSON.stringify(`a/b\u202e${'A'.repeat(60)}…`) : shown);
    }
    // The unknown field's pointer escapes its slash (RFC 6901), so it still names one key.
    expect((cases[5]!.body.issues as Array<{ pointer: string }>)[0]!.pointer.startsWith('/a~1b')).toBe(true);
  });

  it('GET /enterprises lists the registered enterprises the actor may read (read policy on the server), by area and name, a page at a time', async () => {
    const { call, mismatches, registerLoads } = await setup();
    const ids = async (actor: string, query = '') => {
      const r = await call(actor, 'GET', `/enterprises${query}`, '/enterprises');
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return (r.body.items as Array<{ id: string }>).map((e) => e.id);
    };
    expect(await ids('admin')).toEqual(['E1', 'E2', 'E3']);
    expect(await ids('officer-d1')).toEqual(['E1', 'E2', 'E3']); // D1 is its jurisdiction
    expect(await ids('grid-g1')).toEqual(['E1', 'E2']); // its grid only
    expect(await ids('grid-g2')).toEqual(['E3']);
    expect(await ids('owner-e1')).toEqual(['E1']); // itself only
    expect(await ids('owner-e2')).toEqual(['E1', 'E2']); // itself and its tenant (E1 rents PA)
    expect(await ids('owner-e3')).toEqual(['E1', 'E3']);
    // What a line says: the directory's name, area and address when registered — not its legal representative.
    const one = await call('grid-g2', 'GET', '/enterprises', '/enterprises');
    expect(one.body).toEqual({ items: [{ id: 'E3', name: '如意宾馆', area: 'D1/G2' }], next: null });
    expect(await ids('admin', '?area=D1/G2')).toEqual(['E3']);
    expect(await ids('admin', '?area=D1')).toEqual(['E1', 'E2', 'E3']);
    expect(await ids('grid-g1', '?area=D1/G2')).toEqual([]); // another grid's area: nothing of it
    expect(await ids('admin', `?q=${encodeURIComponent('宾馆')}`)).toEqual(['E3']);
    // An area the server does not know is an error, not an empty list (T60); a malformed one 400.
    const nowhere = await call('admin', 'GET', '/enterprises?area=D9', '/enterprises');
    expect([nowhere.status, nowhere.body.code]).toEqual([422, 'UNKNOWN_QUERY_VALUE']);
    expect((await call('admin', 'GET', '/enterprises?area=D1//G1', '/enterprises')).status).toBe(400);
    // Keyset pages by id: `next` continues after the page's last id.
    const first = await call('admin', 'GET', '/enterprises?limit=2', '/enterprises');
    expect([(first.body.items as Array<{ id: string }>).map((e) => e.id), first.body.next]).toEqual([['E1', 'E2'], 'E2']);
    expect(await ids('admin', '?limit=2&after=E2')).toEqual(['E3']);
    // Refusals: an unknown actor as on every read, a bad limit located.
    const unknown = await call('nobody', 'GET', '/enterprises', '/enterprises');
    expect([unknown.status, unknown.body.code]).toEqual([403, 'UNKNOWN_ACTOR']);
    const bad = await call('admin', 'GET', '/enterprises?limit=0', '/enterprises');
    expect([bad.status, bad.body.code]).toEqual([400, 'INVALID_QUERY']);
    expect(mismatches).toEqual([]);
    // Every page and the check of `area` were asked of the directory's listEnterprises: the register never loaded whole.
    expect(registerLoads()).toBe(0);
  });

  it('the landlord view names each tenant as the directory registers it (name, address), and no tenant of another landlord', async () => {
    const dir = createMemoryRentalDirectory({
      premises: [
        { id: 'PA', enterpriseId: 'E2', address: '工业路 1 号', area: 'D1/G1', ...flags },
        { id: 'PB', enterpriseId: 'E3', address: '工业路 3 号', area: 'D1/G1', ...flags },
      ],
      tenancies: [
        { premisesId: 'PA', tenantEnterpriseId: 'E1' },
        { premisesId: 'PB', tenantEnterpriseId: 'E4' },
      ],
    });
    const enterprises = [
      { id: 'E1', name: '老王饭店', area: 'D1/G1', address: '工业路 1 号 101 室', legalRepresentative: '王老五' },
      ENTERPRISES[1]!,
      ENTERPRISES[2]!,
      { id: 'E4', name: '张记小吃', area: 'D1/G2', address: '工业路 3 号 2 室' },
    ];
    const { call, mismatches } = await setup(dir, createFixedClock('2026-11-02T01:00:00Z'), createMemoryInspectionLog(), enterprises);
    await dir.endTenancy({ premisesId: 'PA', tenantEnterpriseId: 'E1', endedAt: '2026-11-01T00:00:00.000Z' });
    await dir.startTenancy({ premisesId: 'PA', tenantEnterpriseId: 'E1', startedAt: '2026-11-01T12:00:00.000Z', startedBy: 'admin' });
    const view = await call('owner-e2', 'GET', '/landlords/E2/rental-points', '/landlords/{enterpriseId}/rental-points');
    expect(view.status).toBe(200);
    type Line = { tenantEnterpriseId: string; tenantName?: string; tenantAddress?: string };
    const line = (view.body.premises as Array<{ tenants: Line[]; pastTenancies: Line[] }>)[0]!;
    expect(line.tenants.map((t) => [t.tenantEnterpriseId, t.tenantName, t.tenantAddress])).toEqual([['E1', '老王饭店', '工业路 1 号 101 室']]);
    expect(line.pastTenancies.map((t) => [t.tenantEnterpriseId, t.tenantName, t.tenantAddress])).toEqual([['E1', '老王饭店', '工业路 1 号 101 室']]);
    // Nothing else of the tenant's record, and E3's tenant E4 is named nowhere in E2's view.
    const text = JSON.stringify(view.body);
    expect(text).not.toContain('王老五');
    expect(text).not.toContain('E4');
    expect(text).not.toContain('张记小吃');
    // E3's view names its own tenant; E2 may not read it.
    const other = await call('owner-e3', 'GET', '/landlords/E3/rental-points', '/landlords/{enterpriseId}/rental-points');
    expect((other.body.premises as Array<{ tenants: Line[] }>)[0]!.tenants.map((t) => [t.tenantName, t.tenantAddress])).toEqual([['张记小吃', '工业路 3 号 2 室']]);
    expect((await call('owner-e2', 'GET', '/landlords/E3/rental-points', '/landlords/{enterpriseId}/rental-points')).status).toBe(403);
    expect(mismatches).toEqual([]);
  });

  it('tenancies start and end over HTTP, by staff of the premises’ area only; the history keeps every period; refusals are located and write nothing', async () => {
    const dir = createMemoryRentalDirectory({
      premises: [{ id: 'PA', enterpriseId: 'E2', address: '工业路 1 号', area: 'D1/G1', ...flags }],
      tenancies: [{ premisesId: 'PA', tenantEnterpriseId: 'E1' }],
    });
    const clock = createFixedClock('2026-11-02T01:00:00Z');
    const { call, mismatches } = await setup(dir, clock);
    const end = (actor: string, body: unknown = {}, premises = 'PA', tenant = 'E1') =>
      call(actor, 'POST', `/premises/${premises}/tenancies/${tenant}/end`, '/premises/{premisesId}/tenancies/{tenantEnterpriseId}/end', body);
    const start = (actor: string, body: unknown, premises = 'PA') => call(actor, 'POST', `/premises/${premises}/tenancies`, '/premises/{premisesId}/tenancies', body);
    const history = () => dir.tenancies({ premisesId: 'PA', includeEnded: true });
    const before = await history();

    // A hazard the tenant finds at PA during its first period.
    const first = await call('owner-e1', 'POST', '/inspections?report=true', '/inspections', noAlarmInspection({ subject: { enterpriseId: 'E1', premisesId: 'PA' } }), { 'idempotency-key': 'k-1' });
    const firstId = (first.body.reports as Array<{ hazardId: string }>)[0]!.hazardId;
    clock.set('2026-11-03T01:00:00Z');

    // Who: never the landlord or the tenant, nor staff of another area, nor an unknown actor.
    for (const actor of ['owner-e2', 'owner-e1', 'grid-g2', 'nobody']) {
      const r = await end(actor);
      expect([actor, r.status, r.body.code]).toEqual([actor, 403, actor === 'nobody' ? 'UNKNOWN_ACTOR' : 'FORBIDDEN']);
    }
    expect((await start('owner-e2', { tenantEnterpriseId: 'E3' })).status).toBe(403);
    // An enterprise user learns nothing of premises ids: 403 before the lookup.
    expect((await end('owner-e2', {}, 'P-NONE')).status).toBe(403);
    // Unknown ids, bad bodies: located, never a 500.
    expect([(await end('grid-g1', {}, 'P-NONE')).body.code, (await end('grid-g1', {}, 'PA', 'E404')).body.code]).toEqual(['PREMISES_NOT_FOUND', 'TENANCY_NOT_FOUND']);
    const located = async (r: Promise<{ status: number; body: Record<string, unknown> }>) => {
      const { status, body } = await r;
      return [status, body.code, (body.issues as Array<{ pointer: string }> | undefined)?.[0]?.pointer];
    };
    expect(await located(end('grid-g1', { endedAt: '2026-11-04T00:00:00.000Z' }))).toEqual([422, 'INVALID_TENANCY', '/endedAt']); // in the future
    expect(await located(end('grid-g1', { endedAt: 'yesterday' }))).toEqual([422, 'INVALID_TENANCY', '/endedAt']);
    expect(await located(end('grid-g1', { endedAt: 20261101 }))).toEqual([422, 'INVALID_TENANCY', '/endedAt']);
    expect(await located(end('grid-g1', { tenantEnterpriseId: 'E3' }))).toEqual([422, 'INVALID_TENANCY', '/tenantEnterpriseId']);
    expect((await end('grid-g1', [])).status).toBe(400);
    expect(await located(start('grid-g1', {}))).toEqual([422, 'INVALID_TENANCY', '/tenantEnterpriseId']);
    expect(await located(start('grid-g1', { tenantEnterpriseId: 'E404' }))).toEqual([422, 'INVALID_TENANCY', '/tenantEnterpriseId']);
    expect(await located(start('grid-g1', { tenantEnterpriseId: 'E2' }))).toEqual([422, 'INVALID_TENANCY', '/tenantEnterpriseId']); // the landlord itself
    expect((await start('grid-g1', { tenantEnterpriseId: 'E1' })).body.code).toBe('TENANCY_EXISTS');
    // A defaulted 1970 date: core's floor (TENANCY_EARLIEST), located, in the request's language.
    const ancient = await start('grid-g1', { tenantEnterpriseId: 'E1', startedAt: '1970-01-01T00:00:00.000Z' });
    expect(await located(Promise.resolve(ancient))).toEqual([422, 'INVALID_TENANCY', '/startedAt']);
    expect(String(ancient.body.detail)).toMatch(/早于 2000-01-01T00:00:00.000Z|before 2000-01-01T00:00:00.000Z/);
    expect(await history()).toEqual(before);

    // The grid inspector of the area ends it; the end is recorded with who recorded it; ending again is a conflict.
    const ended = await end('grid-g1', { endedAt: '2026-11-02T12:00:00.000Z' });
    expect([ended.status, ended.body]).toEqual([
      200,
      { premisesId: 'PA', landlordEnterpriseId: 'E2', tenantEnterpriseId: 'E1', area: 'D1/G1', period: 1, endedAt: '2026-11-02T12:00:00.000Z', endedBy: 'grid-g1' },
    ]);
    expect((await end('officer-d1')).body.code).toBe('TENANCY_ENDED');
    // The former tenant may no longer report at PA.
    const refused = await call('owner-e1', 'POST', '/inspections?report=true', '/inspections', noAlarmInspection({ subject: { enterpriseId: 'E1', premisesId: 'PA' } }), { 'idempotency-key': 'k-2' });
    expect(refused.body.code).toBe('INVALID_INSPECTION');
    expect((refused.body.issues as Array<{ code: string; pointer: string }>).map((i) => [i.code, i.pointer])).toEqual([['NOT_AT_PREMISES', '/subject/premisesId']]);

    // Renting again: not before the end (periods never overlap); then a second period, by an officer of the district.
    expect((await start('officer-d1', { tenantEnterpriseId: 'E1', startedAt: '2026-11-02T11:00:00.000Z' })).body.code).toBe('TENANCY_OVERLAP');
    const again = await start('officer-d1', { tenantEnterpriseId: 'E1' });
    expect([again.status, again.body]).toEqual([
      201,
      { premisesId: 'PA', landlordEnterpriseId: 'E2', tenantEnterpriseId: 'E1', area: 'D1/G1', period: 2, startedAt: '2026-11-03T01:00:00.000Z', startedBy: 'officer-d1' },
    ]);
    expect((await start('grid-g1', { tenantEnterpriseId: 'E1' })).body.code).toBe('TENANCY_EXISTS');
    // An end before the start of the current period.
    expect(await located(end('grid-g1', { endedAt: '2026-11-03T00:00:00.000Z' }))).toEqual([422, 'INVALID_TENANCY', '/endedAt']);
    expect((await history()).map((t) => [t.period, t.endedAt ?? null])).toEqual([
      [1, '2026-11-02T12:00:00.000Z'],
      [2, null],
    ]);

    // The landlord: the current tenant (period 2) and the past period, whose hazard it still reads.
    const view = await call('owner-e2', 'GET', '/landlords/E2/rental-points', '/landlords/{enterpriseId}/rental-points');
    const line = (view.body.premises as Array<{ tenants: Array<{ period: number; open: number }>; pastTenancies: Array<{ period: number; endedAt: string; open: number }> }>)[0]!;
    expect(line.tenants.map((t) => [t.period, t.open])).toEqual([[2, 0]]);
    expect(line.pastTenancies.map((t) => [t.period, t.endedAt, t.open])).toEqual([[1, '2026-11-02T12:00:00.000Z', 1]]);
    expect(view.body.manage).toEqual([]);
    expect((await call('grid-g1', 'GET', '/landlords/E2/rental-points', '/landlords/{enterpriseId}/rental-points')).body.manage).toEqual(['PA']);
    expect((await call('owner-e2', 'GET', `/hazards/${firstId}`, '/hazards/{id}')).status).toBe(200);
    // Its statistics count what it may read (the first period's hazards), no more.
    const listed = (await call('owner-e2', 'GET', '/hazards', '/hazards')).body.items as unknown[];
    expect(listed.length).toBeGreaterThan(0);
    expect((await call('owner-e2', 'GET', '/stats', '/stats')).body.total).toBe(listed.length);
    // The tenant's file lists the past period.
    const file = await call('owner-e1', 'GET', '/enterprises/E1/file', '/enterprises/{enterpriseId}/file');
    expect((file.body.premises as { past: Array<{ premisesId: string; period: number }> }).past.map((t) => [t.premisesId, t.period])).toEqual([['PA', 1]]);
    expect((file.body.premises as { rented: Array<{ period: number }> }).rented.map((r) => r.period)).toEqual([2]);
    expect(mismatches).toEqual([]);
  });
});
