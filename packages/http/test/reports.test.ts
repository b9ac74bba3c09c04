import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, createStaticDirectory, type ActorProfile } from '@anjian/core';
import { createMemoryReportReadModel, type ReportSheet } from '@anjian/core/internal';
import { loadPackFromPath } from '@anjian/core/node';
import { createFixedClock, TEST_CALENDAR_2026, generateCity } from '@anjian/core/testing';
import { createAnjianApi, REPORT_ROUTES } from '../src/index.js';
import { documentValidator } from './openapi-validator.js';

const city = generateCity({ seed: 'http-reports', enterprises: 60, inspectionsPerEnterprise: 40, hazardRate: 0.1, districts: 2, gridsPerDistrict: 2 });
const chunks = [...city.chunks()];
const log = chunks.flatMap((c) => c.hazards.flatMap((h) => h.events)).map((e, i) => ({ ...e, seq: i + 1 }));
const inspections = chunks.flatMap((c) => c.inspections);
const model = createMemoryReportReadModel({ store: { readLog: async (from, limit) => log.slice(from - 1, from - 1 + limit) }, inspections: () => inspections });

const ACTORS: ActorProfile[] = [
  { id: 'admin', roles: ['department_admin'] },
  { id: 'grid-g1', roles: ['grid'], gridAreas: ['D1/G1'] },
  { id: 'grid-two', roles: ['grid'], gridAreas: ['D1/G1', 'D2/G1'] },
  { id: 'officer-gas', roles: ['enforcement'], departments: [{ id: 'gas-d1', domains: ['gas'], areas: ['D1'] }] },
  { id: 'owner', roles: ['enterprise'], enterpriseIds: [city.enterprises[0]!.id] },
];
const sheetsSeen: ReportSheet[][] = [];
const options = {
  store: createMemoryStore(),
  directory: createStaticDirectory(ACTORS),
  calendar: TEST_CALENDAR_2026,
  clock: createFixedClock('2026-12-05T02:00:00.000Z'),
  packs: [],
  basePath: '/api',
  logger: false as const,
  authenticate: async (request: Request) => request.headers.get('x-actor'),
};
const api = createAnjianApi({
  ...options,
  reports: {
    model,
    xlsx: async (sheets) => {
      sheetsSeen.push(sheets);
      return new TextEncoder().encode('PK fake workbook');
    },
  },
});
const SEEN = new Map<string, Set<number>>();
const MISMATCHES: string[] = [];

async function call(actor: string | null, path: string, headers: Record<string, string> = {}) {
  const res = await api.fetch(new Request(`http://x/api${path}`, { headers: { 'accept-language': 'en', ...(actor === null ? {} : { 'x-actor': actor }), ...headers } }));
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!;
  const text = type === REPORT_ROUTES[0]!.response.mediaTypes![2] ? '' : await res.text();
  const body = type.endsWith('json') ? JSON.parse(text) : text;
  (SEEN.get('GET /reports/{kind}') ?? SEEN.set('GET /reports/{kind}', new Set()).get('GET /reports/{kind}')!).add(res.status);
  if (type.endsWith('json')) {
    const errors = documentValidator(api.openapi).check('GET', '/api/reports/{kind}', res.status, type, body);
    if (errors) MISMATCHES.push(`${res.status}: ${JSON.stringify(errors)}`);
  }
  return { status: res.status, type, headers: res.headers, body };
}

describe('GET /reports/{kind}', () => {
  it('answers the monthly bulletin as JSON, HTML or .xlsx, by ?format or Accept', async () => {
    const json = await call('admin', '/reports/monthly?period=2026-11');
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ kind: 'monthly', period: { label: '2026-11' }, area: null, asOf: '2026-11-30T16:00:00.000Z' });
    expect(json.body.summary.found).toBeGreaterThan(0);
    const html = await call('admin', '/reports/monthly?period=2026-11', { accept: 'text/html' });
    expect([html.status, html.type]).toEqual([200, 'text/html']);
    expect(html.body).toContain('Monthly hazard bulletin (2026-11)');
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    const xlsx = await call('admin', '/reports/monthly?period=2026-11&format=xlsx&area=D1');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toBe('attachment; filename="monthly-2026-11-D1.xlsx"');
    expect(sheetsSeen.at(-1)![0]!.rows[0]).toEqual(['Scope', 'D1']);
    // Without a period: the current one by the server's clock.
    expect((await call('admin', '/reports/weekly')).body.period.label).toBe('2026-W49');
  });

  it('names the domains as the served packs do (燃气, 有限空间) in the HTML and the sheets; a domain no pack serves shows as its code, marked', async () => {
    const packs = await Promise.all(
      ['gas', 'confined-space'].map(async (dir) => {
        const loaded = await loadPackFromPath(fileURLToPath(new URL(`../../../checklists/${dir}`, import.meta.url)));
        if (!loaded.ok) throw new Error(`checklists/${dir} does not load`);
        return loaded.pack;
      }),
    );
    const sheets: ReportSheet[][] = [];
    const named = createAnjianApi({ ...options, packs, reports: { model, xlsx: async (s) => (sheets.push(s), new Uint8Array()) } });
    const get = async (path: string) => (await named.fetch(new Request(`http://x/api${path}`, { headers: { 'x-actor': 'admin' } }))).text();
    const zh = await get('/reports/monthly?period=2026-11&format=html&lang=zh-CN');
    expect(zh).toContain('<td>燃气</td>');
    expect(zh).toContain('<td>有限空间</td>');
    expect(zh).toContain('<td>fire（无对应检查表）</td>');
    expect(zh).not.toContain('<td>gas</td>');
    const en = await get('/reports/monthly?period=2026-11&format=html&lang=en');
    expect(en).toContain('<td>Confined spaces</td>');
    expect(en).toContain('<td>fire (no pack loaded)</td>');
    await get('/reports/monthly?period=2026-11&format=xlsx&lang=zh-CN&domain=gas');
    const [summary, , byDomain] = sheets.at(-1)!;
    expect(summary!.rows).toContainEqual(['领域', '燃气']);
    expect(byDomain!.rows.map((r) => r[0])).toEqual(['燃气']);
  });

  it('limits the report to what the actor may read', async () => {
    const all = (await call('admin', '/reports/quarterly?period=2026-Q3')).body;
    const grid = await call('grid-g1', '/reports/quarterly?period=2026-Q3');
    expect(grid.status).toBe(200);
    expect(grid.body.area).toBe('D1/G1');
    expect(grid.body.summary.found).toBeLessThan(all.summary.found);
    expect((await call('grid-g1', '/reports/quarterly?period=2026-Q3&area=D1')).status).toBe(403);
    // Several grids and none named: a request to complete (400), with the choices machine-readable.
    const choose = await call('grid-two', '/reports/quarterly?period=2026-Q3');
    expect([choose.status, choose.body.code, choose.body.choices]).toEqual([400, 'REPORT_SCOPE_REQUIRED', [{ area: 'D1/G1' }, { area: 'D2/G1' }]]);
    expect(choose.body.detail).toMatch(/name an area with area= \(one of: D1\/G1, D2\/G1\)/);
    expect((await call('grid-two', `/reports/quarterly?period=2026-Q3&area=${encodeURIComponent(choose.body.choices[1].area)}`)).status).toBe(200);
    const gas = await call('officer-gas', '/reports/quarterly?period=2026-Q3&area=D1');
    expect([gas.status, gas.body.area, gas.body.domain]).toEqual([200, 'D1', 'gas']);
    expect(gas.body.byDomain.every((d: { key: string }) => d.key === 'gas')).toBe(true);
    expect((await call('officer-gas', '/reports/quarterly?period=2026-Q3&area=D1&domain=fire')).status).toBe(403);
    // A domain no pack serves and nothing recorded has: 422 naming the parameter, not a report of zeros.
    const nuclear = await call('admin', '/reports/quarterly?period=2026-Q3&domain=nuclear');
    expect([nuclear.status, nuclear.body.code, nuclear.body.issues?.[0]?.parameter], JSON.stringify(nuclear.body)).toEqual([422, 'UNKNOWN_QUERY_VALUE', 'domain']);
    const twoDomains = createAnjianApi({
      ...options,
      directory: createStaticDirectory([{ id: 'officer-two', roles: ['enforcement'], departments: [{ id: 'd1', domains: ['gas', 'fire'], areas: ['D1'] }] }]),
      reports: { model },
    });
    const ask = await twoDomains.fetch(new Request('http://x/api/reports/monthly?period=2026-11&area=D1', { headers: { 'x-actor': 'officer-two', 'accept-language': 'en' } }));
    const asked = (await ask.json()) as { detail: string; code: string; choices: unknown };
    expect([ask.status, asked.code, asked.detail]).toEqual([400, 'REPORT_SCOPE_REQUIRED', 'name a domain with domain= (one of: fire, gas)']);
    expect(asked.choices).toEqual([
      { area: 'D1', domain: 'fire' },
      { area: 'D1', domain: 'gas' },
    ]);
    const owner = await call('owner', '/reports/monthly?period=2026-11');
    expect([owner.status, owner.body.code]).toEqual([403, 'REPORT_SCOPE']);
    expect((await call(null, '/reports/monthly?period=2026-11')).status).toBe(401);
  });

  it('refuses a bad kind, period or format, an unknown area, and xlsx without a writer; every status documented', async () => {
    expect((await call('admin', '/reports/daily')).status).toBe(400);
    const bad = await call('admin', '/reports/monthly?period=2026-13');
    expect([bad.status, bad.body.detail]).toEqual([400, 'the report period "2026-13" is not valid: expected a month like 2026-11']);
    expect((await call('admin', '/reports/monthly?format=pdf')).status).toBe(400);
    expect((await call('admin', '/reports/monthly?format=html&lang=fr')).status).toBe(400);
    expect((await call('admin', '/reports/monthly?period=2026-11&format=html&lang=zh-CN')).body).toContain('安全生产隐患月通报（2026-11）');
    // An area the server knows nothing of is an unknown query value, as on /hazards, /stats and /permits: 422 naming the parameter.
    const unknown = await call('admin', '/reports/monthly?period=2026-11&area=D9', { 'accept-language': 'en' });
    expect([unknown.status, unknown.body.code, unknown.body.issues]).toEqual([422, 'UNKNOWN_QUERY_VALUE', [expect.objectContaining({ code: 'UNKNOWN_AREA', parameter: 'area' })]]);
    // In the words of /hazards (one definition of a known area: filter-values' checkFilterValues).
    expect(unknown.body.detail).toMatch(/^query parameter area: this server knows no area "D9": nothing in the enterprise register/);
    expect(unknown.body.issues[0].message['zh-CN']).toMatch(/^查询参数 area：服务器不知道区域 "D9"/);
    const plain = createAnjianApi({ ...options, reports: { model } });
    const res = await plain.fetch(new Request('http://x/api/reports/monthly?format=xlsx', { headers: { 'x-actor': 'admin' } }));
    expect(res.status).toBe(406);
    SEEN.get('GET /reports/{kind}')!.add(406);
    const none = createAnjianApi(options);
    expect((await none.fetch(new Request('http://x/api/reports/monthly', { headers: { 'x-actor': 'admin' } }))).status).toBe(404);
    expect(JSON.stringify(none.openapi)).not.toContain('/reports/');
    expect(Object.keys((api.openapi as any).paths['/api/reports/{kind}'].get.responses[200].content)).toEqual([
      'application/json',
      'text/html',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    const route = REPORT_ROUTES[0]!;
    expect([...SEEN.get('GET /reports/{kind}')!].sort()).toEqual([route.response.status, ...route.errors].sort());
    expect(MISMATCHES).toEqual([]);
  });
});

describe('an area on /reports is known as on /hazards', () => {
  it('a registered area or the grid of the actor without any record is a report of zeros, as /hazards answers an empty list; an area nothing knows is 422 on both, in the same words', async () => {
    const { createMemoryRentalDirectory, createMemoryRoundStore } = await import('@anjian/core/internal');
    // D7/G2 is in the register (a new enterprise, nothing recorded yet); neither the store nor the report model has a record there.
    // The directory and the register are one list (the static directory lists what it resolves).
    const directory = createStaticDirectory([...ACTORS, { id: 'grid-new', roles: ['grid'], gridAreas: ['D8/G1'] }], [{ id: 'E-new', name: '新登记企业', area: 'D7/G2' }]);
    const known = createAnjianApi({
      ...options,
      directory,
      relations: { rental: createMemoryRentalDirectory({ premises: [], tenancies: [] }), rounds: createMemoryRoundStore(), enterprises: directory.register },
      reports: { model },
    });
    const get = async (actor: string, path: string) => {
      const res = await known.fetch(new Request(`http://x/api${path}`, { headers: { 'x-actor': actor, 'accept-language': 'en' } }));
      return { status: res.status, body: (await res.json()) as Record<string, any> };
    };
    for (const [actor, area] of [
      ['admin', 'D7'],
      ['admin', 'D7/G2'],
      ['grid-new', 'D8/G1'],
    ] as const) {
      const hazards = await get(actor, `/hazards?area=${area}`);
      expect([actor, area, hazards.status, hazards.body.items]).toEqual([actor, area, 200, []]);
      const report = await get(actor, `/reports/monthly?period=2026-11&area=${area}`);
      expect([actor, area, report.status, report.body.area, report.body.summary?.found, report.body.summary?.inspections, report.body.overdue?.total]).toEqual([actor, area, 200, area, 0, 0, 0]);
    }
    const onHazards = await get('admin', '/hazards?area=D9');
    const onReports = await get('admin', '/reports/monthly?period=2026-11&area=D9');
    expect([onReports.status, onReports.body.code, onReports.body.issues?.[0]?.code]).toEqual([422, 'UNKNOWN_QUERY_VALUE', 'UNKNOWN_AREA']);
    expect([onReports.body.detail, onReports.body.issues]).toEqual([onHazards.body.detail, onHazards.body.issues]);
  });
});

describe('GET /reports/{kind} with rounds', () => {
  it("lists the rounds' coverage of the period when the API has rounds (relations) and an inspection log", async () => {
    const { demoKitchen } = await import('./harness.js');
    const { createMemoryInspectionLog, createMemoryRentalDirectory, createMemoryRoundStore } = await import('@anjian/core/internal');
    const enterprises = city.enterprises.slice(0, 5).map((e) => ({ id: e.id, name: e.name, area: e.area }));
    const withRounds = createAnjianApi({
      ...options,
      packs: [await demoKitchen()],
      inspections: createMemoryInspectionLog(),
      relations: { rental: createMemoryRentalDirectory({ premises: [], tenancies: [] }), rounds: createMemoryRoundStore(), enterprises: () => enterprises },
      reports: { model },
    });
    const as = (method: string, path: string, body?: unknown) =>
      withRounds.fetch(
        new Request(`http://x/api${path}`, {
          method,
          headers: { 'x-actor': 'admin', 'accept-language': 'en', ...(body === undefined ? {} : { 'content-type': 'application/json', 'idempotency-key': 'round-1' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      );
    const created = await as('POST', '/rounds', {
      id: 'R-11',
      kind: 'self_inspection',
      title: { 'zh-CN': '十一月自查', en: 'November self-inspection' },
      packId: 'demo-kitchen',
      scope: {},
      startsOn: '2026-11-01',
      endsOn: '2026-11-30',
    });
    expect(created.status).toBe(201);
    const report = (await (await as('GET', '/reports/monthly?period=2026-11')).json()) as { coverage: Array<{ roundId: string; due: number; done: number }> };
    expect(report.coverage).toHaveLength(1);
    expect(report.coverage[0]).toMatchObject({ roundId: 'R-11', done: 0 });
    expect(report.coverage[0]!.due).toBeGreaterThan(0);
    // A month without the round: an empty list, not "no rounds data".
    expect(((await (await as('GET', '/reports/monthly?period=2026-10')).json()) as { coverage: unknown[] }).coverage).toEqual([]);
  });
});

describe('the OpenAPI document with reports', () => {
  it('passes Spectral (spectral:oas, all rules) and Redocly (recommended) with 0 problems', async () => {
    const { fileURLToPath } = await import('node:url');
    const { loadConfig, lintFromString } = await import('@redocly/openapi-core');
    const { Spectral } = await import('@stoplight/spectral-core');
    const { oas } = await import('@stoplight/spectral-rulesets');
    const spectral = new Spectral();
    spectral.setRuleset({ extends: [[oas as never, 'all']], rules: { 'info-contact': 'off' } });
    const source = JSON.stringify(api.openapi, null, 2);
    expect((await spectral.run(source)).map((r) => `${r.code} ${r.path.join('.')}: ${r.message}`)).toEqual([]);
    const config = await loadConfig({ configPath: fileURLToPath(new URL('../redocly.yaml', import.meta.url)) });
    const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
  }, 60_000);
});
