// Fail closed on input, against a real server (node:http): a query parameter no route of the
// table declares, one given twice or empty, a report period that has not begun by the server's
// clock, a long value echoed in an error, a party's statement after the reply period — each a
// located, bilingual 4xx, never ignored (a typo must not widen a list) and never a 500.
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryStore, createStaticDirectory, handleCommand, type ActorProfile } from '@anjian/core';
import { createMemoryDocumentServiceLog, createMemoryReportReadModel, type ChainCommand } from '@anjian/core/internal';
import { DOCUMENT_KINDS, loadOverride } from '@anjian/documents';
import { loadBuiltinTemplate } from '@anjian/documents/node';
import { createFixedClock, generateCity, TEST_CALENDAR_2026 } from '@anjian/core/testing';
import { createAnjianApi } from '../src/index.js';
import { createHarness, LOGS, MISMATCHES, noAlarmInspection } from './harness.js';
import { closeNodeServers, overNodeServer, serve } from './node-server.js';

afterAll(closeNodeServers);

const HAZARD_FILTERS = 'level, status, domain, area, enterprise, provisional, overdue, limit, after';

describe('query parameters are the route table’s, each once, none empty', () => {
  it('GET /hazards?levle=major is a 400 naming the parameter and the accepted ones — not the whole list', async () => {
    const h = await createHarness('2026-11-02T01:00:00Z', undefined, '/api', overNodeServer);
    await h.seed('H-general');
    await h.seed('H-major', 'grid-g1', { commandId: 'report:H-major', level: 'major' });
    expect((await h.call('admin-gas', 'GET', '/hazards?level=major')).body.items.map((i: { hazardId: string }) => i.hazardId)).toEqual(['H-major']);

    const en = await h.call('admin-gas', 'GET', '/hazards?levle=major', { headers: { 'accept-language': 'en' } });
    expect([en.status, en.body.code]).toEqual([400, 'UNKNOWN_QUERY_PARAMETER']);
    expect(en.body.detail).toBe(`unknown query parameter "levle" (did you mean "level"?); GET /hazards accepts: ${HAZARD_FILTERS}`);
    expect(en.body.issues).toEqual([
      {
        code: 'UNKNOWN_PARAMETER',
        severity: 'error',
        parameter: 'levle',
        message: { 'zh-CN': expect.stringContaining('未知的查询参数 "levle"'), en: expect.stringContaining('unknown query parameter "levle"') },
        hint: { 'zh-CN': '是不是“level”？', en: 'did you mean "level"?' },
      },
    ]);
    const zh = await h.call('admin-gas', 'GET', '/hazards?levle=major', { headers: { 'accept-language': 'zh-CN' } });
    expect(zh.body.detail).toBe(`未知的查询参数 "levle"（是不是“level”？）；GET /hazards 可用：${HAZARD_FILTERS.replaceAll(', ', '、')}`);
    expect(MISMATCHES).toEqual([]);
  });

  it('every route refuses a parameter it does not declare: the statistics, a queue, the outbox, a hazard, the pack list', async () => {
    const h = await createHarness('2026-11-02T01:00:00Z', undefined, '/api', overNodeServer);
    await h.seed('H-1');
    for (const [actor, path] of [
      ['admin-gas', '/stats?levle=major'],
      // overdue is the list's, not the statistics' (they count overdue hazards themselves)
      ['admin-gas', '/stats?overdue=true'],
      ['grid-g1', '/queues/grid?area=D1'],
      ['admin-gas', '/outbox?size=5'],
      ['grid-g1', '/hazards/H-1?version=1'],
      ['grid-g1', '/packs?lang=en'],
    ] as const) {
      const r = await h.call(actor, 'GET', path);
      expect([path, r.status, r.body.code]).toEqual([path, 400, 'UNKNOWN_QUERY_PARAMETER']);
    }
    const none = await h.call('grid-g1', 'GET', '/packs?lang=en', { headers: { 'accept-language': 'en' } });
    expect(none.body.detail).toBe('unknown query parameter "lang"; GET /packs takes no query parameters');
    expect(MISMATCHES).toEqual([]);
  });

  it('POST /inspections?reprot=true is refused before anything is classified or reported', async () => {
    const h = await createHarness('2026-11-02T01:00:00Z', undefined, '/api', overNodeServer);
    const r = await h.call('owner-e1', 'POST', '/inspections?reprot=true', { body: noAlarmInspection(), headers: { 'idempotency-key': 'typo-1', 'accept-language': 'en' } });
    expect([r.status, r.body.code, r.body.issues[0].parameter]).toEqual([400, 'UNKNOWN_QUERY_PARAMETER', 'reprot']);
    expect(r.body.issues[0].hint).toEqual({ 'zh-CN': '是不是“report”？', en: 'did you mean "report"?' });
    expect(await h.store.readLog(1, 10)).toEqual([]);
  });

  it('a parameter given twice, or empty, is a 400 — the second level or an empty domain is not silently dropped', async () => {
    const h = await createHarness('2026-11-02T01:00:00Z', undefined, '/api', overNodeServer);
    await h.seed('H-1');
    const twice = await h.call('admin-gas', 'GET', '/hazards?level=major&level=general', { headers: { 'accept-language': 'en' } });
    expect([twice.status, twice.body.code, twice.body.detail]).toEqual([400, 'INVALID_QUERY', 'query parameter "level" is given 2 times; give it once (a list is comma-separated: level=a,b)']);
    expect(twice.body.issues[0]).toMatchObject({ parameter: 'level', message: { 'zh-CN': expect.stringContaining('查询参数 "level" 出现了 2 次') } });
    const empty = await h.call('admin-gas', 'GET', '/hazards?domain=', { headers: { 'accept-language': 'en' } });
    expect([empty.status, empty.body.code, empty.body.detail]).toEqual([400, 'INVALID_QUERY', 'query parameter "domain" is empty; give a value or leave it out']);
    for (const path of ['/hazards?level=', '/hazards?after=', '/stats?area=', '/hazards?level=major,']) expect([path, (await h.call('admin-gas', 'GET', path)).status]).toEqual([path, 400]);
  });

  it('limit is digits only: 1e1, +5, 0x10 and " 5" are refused, not read as numbers', async () => {
    const h = await createHarness('2026-11-02T01:00:00Z', undefined, '/api', overNodeServer);
    for (const limit of ['1e1', '+5', '0x10', ' 5', '5.0']) {
      const r = await h.call('admin-gas', 'GET', `/hazards?limit=${encodeURIComponent(limit)}`);
      expect([limit, r.status, r.body.code]).toEqual([limit, 400, 'BAD_REQUEST']);
    }
    expect((await h.call('admin-gas', 'GET', '/hazards?limit=5')).status).toBe(200);
  });

  it('a long parameter name or value is echoed cut to 64 characters with an ellipsis', async () => {
    const h = await createHarness('2026-11-02T01:00:00Z', undefined, '/api', overNodeServer);
    const long = 'x'.repeat(5_000);
    const name = await h.call('admin-gas', 'GET', `/hazards?${long}=1`, { headers: { 'accept-language': 'en' } });
    expect(name.status).toBe(400);
    expect(name.body.detail).toContain(`"${'x'.repeat(64)}…"`);
    expect(name.body.issues[0].parameter).toBe(`${'x'.repeat(64)}…`);
    expect(JSON.stringify(name.body).length).toBeLessThan(1_000);
    const value = await h.call('admin-gas', 'GET', `/hazards?level=${long}`, { headers: { 'accept-language': 'en' } });
    expect([value.status, value.body.detail]).toEqual([400, `invalid level "${'x'.repeat(64)}…" (one of: simple, general, major)`]);
    // The statistics' instants and grouping are checked by core's stats rule: cut there too.
    for (const param of ['createdFrom', 'createdTo', 'groupBy']) {
      const r = await h.call('admin-gas', 'GET', `/stats?${param}=${long}`, { headers: { 'accept-language': 'en' } });
      expect([param, r.status, r.body.detail.includes(`"${'x'.repeat(64)}…"`), r.body.detail.length < 300]).toEqual([param, 400, true, true]);
    }
  });
});

const ACTORS: ActorProfile[] = [
  { id: 'admin', roles: ['department_admin'] },
  { id: 'grid-g1', roles: ['grid'], gridAreas: ['D1/G1'] },
];
const city = generateCity({ seed: 'input-fail-closed', enterprises: 10, inspectionsPerEnterprise: 10, hazardRate: 0.2, districts: 2, gridsPerDistrict: 2 });
const chunks = [...city.chunks()];
const log = chunks.flatMap((c) => c.hazards.flatMap((h) => h.events)).map((e, i) => ({ ...e, seq: i + 1 }));
const model = createMemoryReportReadModel({ store: { readLog: async (from, limit) => log.slice(from - 1, from - 1 + limit) }, inspections: () => chunks.flatMap((c) => c.inspections) });
// The server's clock: 2026-12-05 10:00 in China — December 2026 has begun, 2026-W49 and Q4 too.
const reportsApi = createAnjianApi({
  store: createMemoryStore(),
  directory: createStaticDirectory(ACTORS),
  calendar: TEST_CALENDAR_2026,
  clock: createFixedClock('2026-12-05T02:00:00.000Z'),
  packs: [],
  basePath: '/api',
  logger: (entry) => LOGS.push(entry),
  authenticate: async (request: Request) => request.headers.get('x-actor'),
  reports: { model },
});
const reportsBase = serve(reportsApi);
const report = async (path: string, lang = 'en') => {
  const res = await fetch(`${await reportsBase()}/api${path}`, { headers: { 'x-actor': 'admin', 'accept-language': lang } });
  return { status: res.status, body: await res.json() };
};

describe('GET /reports/{kind}: the period has begun by the server’s clock; inputs fail closed', () => {
  it('refuses a period that has not begun (9999-W52, next year’s month, next quarter) in both languages', async () => {
    for (const path of ['/reports/weekly?period=9999-W52', '/reports/monthly?period=2027-01', '/reports/quarterly?period=2027-Q1', '/reports/weekly?period=2026-W50']) {
      const r = await report(path);
      expect([path, r.status, r.body.code]).toEqual([path, 400, 'BAD_REQUEST']);
      expect(r.body.detail).toMatch(/has not begun: it starts .* \(China time\); the server's clock reads 2026-12-05 10:00 \(China time\)/);
    }
    const zh = await report('/reports/monthly?period=2027-01', 'zh-CN');
    expect(zh.body.detail).toBe('报表期间 2027-01 尚未开始：自 2027-01-01 00:00（北京时间）起，服务器时间为 2026-12-05 10:00（北京时间）');
  });

  it('answers the current, unfinished period as a report to date (asOf the server’s clock) and a past one whole', async () => {
    const current = await report('/reports/monthly?period=2026-12');
    expect([current.status, current.body.asOf]).toEqual([200, '2026-12-05T02:00:00.000Z']);
    expect((await report('/reports/weekly?period=2026-W49')).status).toBe(200);
    const past = await report('/reports/monthly?period=2026-11');
    expect([past.status, past.body.asOf]).toEqual([200, '2026-11-30T16:00:00.000Z']);
  });

  it('refuses an unknown parameter, an empty area, a limit that is not digits', async () => {
    const typo = await report('/reports/monthly?perod=2026-11');
    expect([typo.status, typo.body.code, typo.body.detail]).toEqual([
      400,
      'UNKNOWN_QUERY_PARAMETER',
      'unknown query parameter "perod" (did you mean "period"?); GET /reports/{kind} accepts: period, area, domain, format, lang, limit',
    ]);
    for (const path of ['/reports/monthly?area=', '/reports/monthly?period=', '/reports/monthly?domain=', '/reports/monthly?limit=1e1', '/reports/monthly?limit=+5']) {
      const r = await report(path);
      expect([path, r.status]).toEqual([path, 400]);
    }
  });

  it('echoes a long area, period or format cut to 64 characters with an ellipsis', async () => {
    const cut = `${'D'.repeat(64)}…`;
    // A malformed period or format (400); an area is checked as on /hazards: one that is no area code (a segment over
    // 32 characters, a dot, more than 8 levels) is 400 INVALID_QUERY, a well-formed one nothing is known of 422.
    for (const [query, status] of [
      [`period=${'D'.repeat(10_000)}`, 400],
      [`format=${'D'.repeat(10_000)}`, 400],
      [`area=${'D'.repeat(10_000)}`, 400],
      [`area=${'D'.repeat(10_000)}.`, 400],
    ] as const) {
      const r = await report(`/reports/monthly?${query}`);
      expect([query.slice(0, 10), r.status, r.body.detail.includes(cut), r.body.detail.length < 300]).toEqual([query.slice(0, 10), status, true, true]);
    }
    const deep = await report(`/reports/monthly?area=${Array.from({ length: 500 }, () => 'G1').join('/')}`);
    expect([deep.status, deep.body.code, deep.body.issues[0].code, deep.body.detail.length < 300]).toEqual([400, 'INVALID_QUERY', 'MALFORMED_VALUE', true]);
    const unknown = await report(`/reports/monthly?area=${'D'.repeat(32)}/${'G'.repeat(32)}`);
    expect([unknown.status, unknown.body.code, unknown.body.issues[0].code, unknown.body.detail.length < 300]).toEqual([422, 'UNKNOWN_QUERY_VALUE', 'UNKNOWN_AREA', true]);
    expect(LOGS.filter((l) => l.level === 'error')).toEqual([]);
  });
});

describe('a party’s statement after the reply period', () => {
  it('is refused by the server’s clock, naming the deadline in China time; within the period it is recorded', async () => {
    const override = loadOverride(
      'format: anjian-document-override/1\njurisdiction: D1\ndepartment: 北京市东城区应急管理局\nnumberPrefix: （东）应急\nreconsideration: { government: 北京市东城区人民政府, court: 北京市东城区人民法院 }\n',
      'd1.yaml',
    );
    if (!override.ok) throw new Error('override');
    const service = createMemoryDocumentServiceLog();
    const documents = { templates: DOCUMENT_KINDS.map((k) => loadBuiltinTemplate(k)), override: override.value, service };
    const h = await createHarness('2026-11-02T01:00:00Z', undefined, '/api', overNodeServer, { documents });
    let n = 0;
    const cmd = (actor: string, id: string, body: object, lang = 'zh-CN') =>
      h.call(actor, 'POST', `/hazards/${id}/commands`, { body, headers: { 'idempotency-key': `late-${++n}`, 'accept-language': lang } });
    const penalty = { article: 'work-safety-law-2021/102', kind: 'fine' as const, fineAmount: 20_000 };
    const statement = { type: 'record_statement', statement: { 'zh-CN': '已整改' }, hearingRequested: false };
    // The case and the notice the trusted way (two officers: the second as his co-sign code would name him).
    const twoOfficers = async (command: Record<string, unknown>) => {
      const result = await handleCommand(h.deps, { commandId: `k-${++n}`, ...command } as ChainCommand, 'officer-gas-d1', { coSignerId: 'officer2-gas-d1' });
      if ('rejection' in result) throw new Error(JSON.stringify(result.rejection));
      return result.events;
    };
    for (const hazardId of ['H-late', 'H-in-time']) {
      await h.seed(hazardId, 'officer-gas-d1', { commandId: `report:${hazardId}`, source: 'enforcement' });
      await twoOfficers({ type: 'file_case', hazardId });
    }
    const [notice] = await twoOfficers({ type: 'notify_penalty', hazardId: 'H-late', penalty });
    await twoOfficers({ type: 'notify_penalty', hazardId: 'H-in-time', penalty });
    const deadline = (notice!.data as { statementDeadline: string }).statementDeadline;
    expect(deadline).toBe('2026-11-05T15:59:59.999Z');
    // Both notices handed over when issued (直接送达): the periods run from then.
    for (const hazardId of ['H-late', 'H-in-time']) {
      const { jurisdiction, kind, year, seq } = (await h.store.readDocuments(hazardId)).find((d) => d.kind === 'penalty_notice')!;
      const at = notice!.recordedAt;
      await service.recordService({
        jurisdiction,
        kind,
        year,
        seq,
        hazardId,
        entry: { type: 'served', method: 'direct', recipient: '王建国', servedAt: at },
        actorId: 'officer-gas-d1',
        recordedAt: at,
      });
    }

    // Within the period (the deadline's last millisecond included): recorded.
    h.clock.set(deadline);
    expect((await cmd('owner-e1', 'H-in-time', statement)).status).toBe(200);
    // One millisecond later: refused, by the party and by an officer recording for it; nothing written.
    h.clock.set(new Date(Date.parse(deadline) + 1));
    const before = (await h.store.readLog(1, 1000)).length;
    const late = await cmd('owner-e1', 'H-late', statement);
    expect([late.status, late.body.code, late.body.detail]).toEqual([422, 'INVALID_TRANSITION', expect.stringContaining('陈述、申辩期限已于 2026-11-05 23:59:59（北京时间）届满，不再记录陈述、申辩')]);
    const lateEn = await cmd('owner-e1', 'H-late', statement, 'en');
    expect(lateEn.body.detail).toContain('the period to state and defend ended 2026-11-05 23:59:59 (China time); a statement is no longer recorded');
    expect((await cmd('officer-gas-d1', 'H-late', statement)).body.code).toBe('INVALID_TRANSITION');
    expect((await h.store.readLog(1, 1000)).length).toBe(before);
    // The decision is due now, and says no statement was made.
    const [decided] = await twoOfficers({ type: 'decide_penalty', hazardId: 'H-late', penalty });
    expect(decided!.data).toMatchObject({ statementHeard: false });
    expect(MISMATCHES).toEqual([]);
  });
});
