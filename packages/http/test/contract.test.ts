import { beforeEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { createMemoryStore, createStaticDirectory } from '@anjian/core';
import { loadPackFromPath } from '@anjian/core/node';
import { seedAuditTrail, TEST_CALENDAR_2026 } from '@anjian/core/testing';
import { DOCUMENT_KINDS, loadOverride, type DocumentDirectory, type EnterpriseDetails } from '@anjian/documents';
import { loadBuiltinTemplate } from '@anjian/documents/node';
import { findSystemCjkFont, renderDocumentPdf } from '../../documents-pdf/src/index.js';
import { createAnjianApi, ROUTES } from '../src/index.js';
import { documentedErrors } from '../src/build-openapi.js';
import { documentValidator } from './openapi-validator.js';
import { ajv, basementLpgInspection, createHarness, FILE_BYTES, LOGS, MISMATCHES, noAlarmInspection, recordSeen, SEEN, type Harness } from './harness.js';
import { gateProbes, HANDLER_PROBE_FAILURE } from './gate-probes.js';
import { defineCoSignContractTests } from './co-sign-contract.js';
import { defineDocumentServiceTests } from './documents-service.js';
import { documentsHarness, GAS_BASIS, ONLY_2026 } from './documents-harness.js';
import { defineUnknownActorTests } from './unknown-actor-contract.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

/** Report a hazard the trusted way (reports over HTTP go through inspections) and return its id. */
const reported = (id: string, actor = 'grid-g1', overrides: Record<string, unknown> = {}): Promise<string> => h.seed(id, actor, overrides);

const command = (actor: string, id: string, key: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  h.call(actor, 'POST', `/hazards/${id}/commands`, { body, headers: { 'idempotency-key': key, ...headers } });

describe('GET /packs, /packs/{id}, /schema/pack', () => {
  it('lists the packs with counts, no authentication needed', async () => {
    const r = await h.call(null, 'GET', '/packs');
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([expect.objectContaining({ id: 'demo-kitchen', version: '0.1.0', domain: 'gas', facts: 6, items: 4 })]);
    expect(r.body.items[0]).not.toHaveProperty('domainLabel');
  });

  it('gives each pack’s domain name (domainLabel) when the pack has one, and its premises’ descriptions, as the document describes', async () => {
    const packs = await Promise.all(
      ['gas', 'confined-space'].map(async (dir) => {
        const loaded = await loadPackFromPath(fileURLToPath(new URL(`../../../checklists/${dir}`, import.meta.url)));
        if (!loaded.ok) throw new Error(`checklists/${dir} does not load`);
        return loaded.pack;
      }),
    );
    const api = createAnjianApi({ store: createMemoryStore(), directory: createStaticDirectory([]), calendar: TEST_CALENDAR_2026, packs, basePath: '/api', authenticate: async () => null });
    const res = await api.fetch(new Request('http://test.local/api/packs'));
    const body = (await res.json()) as { items: { id: string; domain: string; domainLabel?: unknown }[] };
    expect(res.status).toBe(200);
    expect(body.items.map(({ id, domain, domainLabel }) => ({ id, domain, domainLabel }))).toEqual([
      { id: 'gas', domain: 'gas', domainLabel: { 'zh-CN': '燃气', en: 'Gas' } },
      { id: 'confined-space', domain: 'confined_space', domainLabel: { 'zh-CN': '有限空间', en: 'Confined spaces' } },
    ]);
    expect(documentValidator(api.openapi).check('GET', '/api/packs', 200, 'application/json', body)).toBeNull();
  });

  it('returns everything a form needs: fact types, units, ranges, options, required, when; sections and items', async () => {
    const r = await h.call(null, 'GET', '/packs/demo-kitchen');
    expect(r.status).toBe(200);
    const hose = r.body.facts.find((f: { id: string }) => f.id === 'hose_length_m');
    expect(hose).toMatchObject({ type: 'number', unit: 'm', min: 0, max: 50, required: true });
    const working = r.body.facts.find((f: { id: string }) => f.id === 'alarm_working');
    expect(working.when).toEqual({ fact: 'alarm_installed', operator: 'equal', value: true });
    expect(r.body.facts.find((f: { id: string }) => f.id === 'gas_type').options.map((o: { value: string }) => o.value)).toEqual(['natural_gas', 'lpg']);
    expect(r.body.sections.map((s: { id: string }) => s.id)).toEqual(['lpg', 'alarm']);
    expect(r.body.sections[1].items[0]).toMatchObject({ id: 'DEMO-002', asks: ['alarm_installed', 'alarm_working'] });
  });

  it('404 PACK_NOT_FOUND as problem+json, in Chinese by default and English on request', async () => {
    const zh = await h.call(null, 'GET', '/packs/nope');
    expect(zh.status).toBe(404);
    expect(zh.headers.get('content-type')).toBe(PROBLEM_TYPE);
    expect(zh.body).toEqual({ type: 'urn:anjian:problem:pack-not-found', title: '未找到检查表', status: 404, detail: '没有检查表 "nope"', code: 'PACK_NOT_FOUND' });
    const en = await h.call(null, 'GET', '/packs/nope', { headers: { 'accept-language': 'en-GB,en;q=0.9,zh-CN;q=0.5' } });
    expect(en.body).toMatchObject({ title: 'Pack not found', detail: 'no pack "nope"' });
    expect(en.headers.get('content-language')).toBe('en');
  });

  it('serves the pack JSON Schema', async () => {
    const r = await h.call(null, 'GET', '/schema/pack');
    expect(r.status).toBe(200);
    expect(r.body.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(r.body.$id).toBe('urn:anjian:schema:pack');
  });

  it('an unknown path is a 404 problem', async () => {
    const r = await h.call(null, 'GET', '/nothing-here');
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('NOT_FOUND');
  });
});

describe('POST /inspections', () => {
  it('200: classifies (one general hazard) and reports nothing without report=true', async () => {
    const r = await h.call('owner-e1', 'POST', '/inspections', { body: noAlarmInspection() });
    expect(r.status).toBe(200);
    expect(r.body.classification.hazards.map((x: { rule: string; level: string }) => [x.rule, x.level])).toEqual([['DEMO-002-H1', 'general']]);
    expect(r.body.reports).toBeUndefined();
    expect((await h.store.query({}, { limit: 10 })).items).toEqual([]);
  });

  it('422 with the findings issues: pointer and the same bilingual message a form shows', async () => {
    const bad = noAlarmInspection({ findings: { gas_type: 'natural_gas', below_ground: false, alarm_installed: false, hose_length_m: 80 } });
    const r = await h.call('owner-e1', 'POST', '/inspections', { body: bad, headers: { 'accept-language': 'en' } });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('INVALID_INSPECTION');
    expect(r.body.issues).toEqual([
      {
        code: 'NUMBER_OUT_OF_RANGE',
        severity: 'error',
        pointer: '/findings/hose_length_m',
        message: {
          'zh-CN': '“连接软管长度”（hose_length_m）为 80 m，超出允许范围 0–50 m',
          en: '"Length of the connecting hose" (hose_length_m) is 80 m, outside the allowed range 0–50 m',
        },
      },
    ]);
    const missing = await h.call('owner-e1', 'POST', '/inspections', { body: noAlarmInspection({ findings: { gas_type: 'natural_gas', below_ground: false, alarm_installed: false } }) });
    expect(missing.status).toBe(422);
    expect(missing.body.issues.map((i: { code: string; pointer: string }) => [i.code, i.pointer])).toEqual([['REQUIRED_MISSING', '/findings/hose_length_m']]);
  });

  it('422 for an unknown pack; 400 for a body that is not JSON; 401 without an actor', async () => {
    expect((await h.call('owner-e1', 'POST', '/inspections', { body: noAlarmInspection({ pack: 'nope' }) })).body.issues[0].code).toBe('PACK_MISMATCH');
    const notJson = await h.call('owner-e1', 'POST', '/inspections', { body: '{"pack":' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.code).toBe('BAD_REQUEST');
    const huge = await h.call('owner-e1', 'POST', '/inspections', { body: noAlarmInspection({ note: 'x'.repeat(70 * 1024) }) });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
    const anonymous = await h.call(null, 'POST', '/inspections', { body: noAlarmInspection() });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
  });

  it('?report=true reports each hazard; a retry with the same key replays; needs a key (400)', async () => {
    const inspection = basementLpgInspection();
    const noKey = await h.call('owner-e1', 'POST', '/inspections?report=true', { body: inspection });
    expect(noKey.status).toBe(400);
    const r = await h.call('owner-e1', 'POST', '/inspections?report=true', { body: inspection, headers: { 'idempotency-key': 'insp-1' } });
    expect(r.status).toBe(200);
    expect(r.body.reports).toEqual([{ rule: 'DEMO-001-H1', hazardId: expect.stringMatching(/^hz-/), ok: true, version: 1 }]);
    const id = r.body.reports[0].hazardId;
    const state = await h.call('owner-e1', 'GET', `/hazards/${id}`);
    expect(state.body.state).toMatchObject({ level: 'major', area: 'D1/G1', enterpriseId: 'E1', source: 'self_check', domain: 'gas' });
    const again = await h.call('owner-e1', 'POST', '/inspections?report=true', { body: inspection, headers: { 'idempotency-key': 'insp-1' } });
    expect(again.body.reports).toEqual([{ rule: 'DEMO-001-H1', hazardId: id, ok: true, version: 1, replayed: true }]);
    expect((await h.store.readLog(1, 100)).length).toBe(1);
  });

  it('?report=true reads the Idempotency-Key as a command does: 129 characters or a space is a 400 naming what a key is, nothing stored; a missing key is a 400 saying report=true needs one', async () => {
    const send = (key: string | null, lang = 'en') =>
      h.call('owner-e1', 'POST', '/inspections?report=true', { body: basementLpgInspection(), headers: { 'accept-language': lang, ...(key === null ? {} : { 'idempotency-key': key }) } });
    for (const key of ['k'.repeat(129), 'key with spaces', 'floor/2', '-1']) {
      const r = await send(key);
      expect([r.status, r.body.code, r.body.detail], key).toEqual([
        400,
        'BAD_REQUEST',
        'the Idempotency-Key header is missing or invalid (1–128 letters, digits or . _ : -, starting with a letter or digit)',
      ]);
    }
    expect((await send('key with spaces', 'zh-CN')).body.detail).toBe('缺少或无效的 Idempotency-Key 请求头（1–128 个字母、数字或 . _ : -，以字母或数字开头）');
    expect((await h.store.readLog(1, 100)).length).toBe(0);
    const missing = await send(null);
    expect([missing.status, missing.body.code, missing.body.detail]).toEqual([
      400,
      'BAD_REQUEST',
      'report=true needs an Idempotency-Key header (1–128 letters, digits or . _ : -, starting with a letter or digit)',
    ]);
    expect((await send(null, 'zh-CN')).body.detail).toBe('report=true 时必须提供 Idempotency-Key 请求头（1–128 个字母、数字或 . _ : -，以字母或数字开头）');
    expect((await send('k'.repeat(128))).status).toBe(200);
    // One parameter in the document: the commands' schema, optional here (needed with report=true only).
    const paths = h.api.openapi.paths as Record<string, Record<string, { parameters: { name: string; required: boolean; schema: unknown }[] }>>;
    const header = (path: string, method = 'post') => paths[`/api${path}`]![method]!.parameters.find((p) => p.name === 'Idempotency-Key')!;
    expect(header('/inspections').schema).toEqual(header('/hazards/{id}/commands').schema);
    expect(header('/inspections').required).toBe(false);
  });

  it('?report=true: 403 when the actor may not report for that enterprise, nothing stored', async () => {
    const other = await h.call('owner-e2', 'POST', '/inspections?report=true', { body: basementLpgInspection(), headers: { 'idempotency-key': 'k-e2' } });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('FORBIDDEN');
    // A grid inspector of another grid, an officer of another domain, no role: the same.
    expect((await h.call('grid-g2', 'POST', '/inspections?report=true', { body: basementLpgInspection(), headers: { 'idempotency-key': 'k-g2' } })).status).toBe(403);
    expect((await h.call('officer-fire-d1', 'POST', '/inspections?report=true', { body: basementLpgInspection(), headers: { 'idempotency-key': 'k-f' } })).status).toBe(403);
    expect((await h.call('nobody', 'POST', '/inspections?report=true', { body: basementLpgInspection(), headers: { 'idempotency-key': 'k-n' } })).status).toBe(403);
    expect((await h.store.readLog(1, 100)).length).toBe(0);
  });

  it('?report=true derives area and source on the server: a disagreeing subject.area or source is a 422, nothing stored', async () => {
    const send = (body: Record<string, unknown>, key: string) => h.call('owner-e1', 'POST', '/inspections?report=true', { body, headers: { 'idempotency-key': key } });
    const area = await send(basementLpgInspection({ subject: { enterpriseId: 'E1', area: 'D9/G9' } }), 'k-area');
    expect(area.status).toBe(422);
    expect(area.body.issues).toEqual([expect.objectContaining({ code: 'AREA_MISMATCH', pointer: '/subject/area' })]);
    const source = await send(basementLpgInspection({ source: 'enforcement' }), 'k-source');
    expect(source.status).toBe(422);
    expect(source.body.issues).toEqual([expect.objectContaining({ code: 'SOURCE_MISMATCH', pointer: '/source' })]);
    const noEnterprise = await send(basementLpgInspection({ subject: { area: 'D1/G1' } }), 'k-none');
    expect(noEnterprise.status).toBe(422);
    expect(noEnterprise.body.issues[0].pointer).toBe('/subject/enterpriseId');
    const unknown = await send(basementLpgInspection({ subject: { enterpriseId: 'E404' } }), 'k-unknown');
    expect(unknown.status).toBe(422);
    expect((await h.store.readLog(1, 100)).length).toBe(0);
    // The registered area and the role's source, given explicitly, are accepted.
    const same = await send(basementLpgInspection({ subject: { enterpriseId: 'E1', area: 'D1/G1' }, source: 'self_check' }), 'k-same');
    expect(same.status).toBe(200);
  });

  it('?report=true by a grid inspector: area from the directory, source grid_patrol; evidence uploaded beforehand is bound to the hazard', async () => {
    const photos = await h.upload('grid-g1', null, 'photo_before');
    const r = await h.call('grid-g1', 'POST', '/inspections?report=true', { body: basementLpgInspection({ evidence: photos }), headers: { 'idempotency-key': 'patrol-1' } });
    expect(r.status).toBe(200);
    const id = r.body.reports[0].hazardId;
    const state = await h.call('grid-g1', 'GET', `/hazards/${id}`);
    expect(state.body.state).toMatchObject({ area: 'D1/G1', enterpriseId: 'E1', source: 'grid_patrol', level: 'major' });
    expect((await h.evidence.get(photos[0]!.id))?.hazardId).toBe(id);
  });
});

describe('GET /hazards', () => {
  it('filters by level, status, domain, area, enterprise, provisional, overdue; pages with limit/after', async () => {
    await reported('H-A');
    await reported('H-B', 'grid-g1', { level: 'major', provisional: true });
    await reported('H-C', 'grid-g2', { area: 'D1/G2', enterpriseId: 'E2' });
    await command('grid-g1', 'H-A', 'notice-A', { type: 'issue_notice' });
    const ids = async (q: string) => ((await h.call('officer-gas-d1', 'GET', `/hazards${q}`)).body.items as { hazardId: string }[]).map((i) => i.hazardId).sort();
    expect(await ids('')).toEqual(['H-A', 'H-B', 'H-C']);
    expect(await ids('?level=major')).toEqual(['H-B']);
    expect(await ids('?level=simple,general')).toEqual(['H-A', 'H-C']);
    expect(await ids('?status=rectifying')).toEqual(['H-A']);
    expect(await ids('?area=D1/G2')).toEqual(['H-C']);
    expect(await ids('?area=D1')).toEqual(['H-A', 'H-B', 'H-C']);
    expect(await ids('?enterprise=E2')).toEqual(['H-C']);
    expect(await ids('?provisional=true')).toEqual(['H-B']);
    // A domain the officer's department supervises, with no hazard yet: an empty list (a domain nothing knows is a 422, below).
    expect(await ids('?domain=confined_space')).toEqual([]);
    expect(await ids('?overdue=true')).toEqual([]);
    h.clock.advance(30 * 86_400_000);
    expect(await ids('?overdue=true')).toEqual(['H-A']);

    const first = await h.call('officer-gas-d1', 'GET', '/hazards?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.next).toEqual(expect.any(String));
    const second = await h.call('officer-gas-d1', 'GET', `/hazards?limit=2&after=${encodeURIComponent(first.body.next)}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.next).toBeNull();
    expect([...first.body.items, ...second.body.items].map((i: { hazardId: string }) => i.hazardId).sort()).toEqual(['H-A', 'H-B', 'H-C']);
  });

  it('400 for an unknown level, a bad limit or a bad cursor; 401 without an actor', async () => {
    for (const q of ['?level=huge', '?limit=0', '?limit=abc', '?provisional=yes', '?after=not-a-cursor']) {
      const r = await h.call('officer-gas-d1', 'GET', `/hazards${q}`);
      expect(r.status, q).toBe(400);
      expect(r.headers.get('content-type')).toBe(PROBLEM_TYPE);
    }
    expect((await h.call(null, 'GET', '/hazards')).status).toBe(401);
  });

  it('422 for an enterprise, domain or area the server does not know, naming the parameter; 403 for an enterprise user naming another enterprise, registered or not', async () => {
    await reported('H-K');
    for (const path of ['/hazards', '/stats']) {
      for (const [q, parameter, issue] of [
        ['?enterprise=E404', 'enterprise', 'UNKNOWN_ENTERPRISE'],
        ['?domain=nuclear', 'domain', 'UNKNOWN_DOMAIN'],
        ['?area=D9', 'area', 'UNKNOWN_AREA'],
      ] as const) {
        const r = await h.call('officer-gas-d1', 'GET', `${path}${q}`, { headers: { 'accept-language': 'en' } });
        expect([r.status, r.body.code, r.body.issues], `${path}${q}`).toEqual([422, 'UNKNOWN_QUERY_VALUE', [expect.objectContaining({ code: issue, parameter })]]);
        expect(r.body.issues[0].message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      }
      const malformed = await h.call('officer-gas-d1', 'GET', `${path}?area=${encodeURIComponent('D1/')}`);
      expect([malformed.status, malformed.body.code, malformed.body.issues?.[0]?.parameter]).toEqual([400, 'INVALID_QUERY', 'area']);
      for (const id of ['E1', 'E404']) {
        const r = await h.call('owner-e2', 'GET', `${path}?enterprise=${id}`);
        expect([r.status, r.body.code], `${path} ${id}`).toEqual([403, 'FORBIDDEN']);
      }
    }
  });
});

describe('GET /hazards/{id}', () => {
  it('returns the folded state, the history and ETag = version', async () => {
    await reported('H-1');
    await command('grid-g1', 'H-1', 'n-1', { type: 'issue_notice' });
    const r = await h.call('owner-e1', 'GET', '/hazards/H-1');
    expect(r.status).toBe(200);
    expect(r.headers.get('etag')).toBe('"2"');
    expect(r.body.state).toMatchObject({ hazardId: 'H-1', version: 2, status: 'rectifying', level: 'general' });
    expect(r.body.history.map((e: { type: string }) => e.type)).toEqual(['reported', 'notice_issued']);
  });

  it('404 HAZARD_NOT_FOUND; 401 without an actor', async () => {
    const r = await h.call('owner-e1', 'GET', '/hazards/H-none');
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('HAZARD_NOT_FOUND');
    expect((await h.call(null, 'GET', '/hazards/H-none')).status).toBe(401);
  });
});

describe('POST /hazards/{id}/commands', () => {
  it('200 with the events; a replay with the same key and body returns the original result, Idempotent-Replayed, no new event', async () => {
    await reported('H-1');
    const body = { type: 'issue_notice', note: { 'zh-CN': 'N-1' } };
    const first = await command('grid-g1', 'H-1', 'key-1', body, { 'if-match': '"1"' });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"2"');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(first.body).toMatchObject({ hazardId: 'H-1', version: 2, events: [{ type: 'notice_issued', commandId: 'key-1', actor: { id: 'grid-g1', role: 'grid' } }] });
    const logBefore = (await h.store.readLog(1, 100)).length;
    h.clock.advance(60_000);
    const replay = await command('grid-g1', 'H-1', 'key-1', body, { 'if-match': '"1"' });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect((await h.store.readLog(1, 100)).length).toBe(logBefore);
  });

  it('422 IDEMPOTENCY_KEY_REUSED for the same key with a different body, and no event', async () => {
    await reported('H-1');
    await command('grid-g1', 'H-1', 'key-1', { type: 'issue_notice', note: { 'zh-CN': 'N-1' } });
    const r = await command('grid-g1', 'H-1', 'key-1', { type: 'issue_notice', note: { 'zh-CN': 'N-2' } });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await h.store.readEvents('H-1')).length).toBe(2);
  });

  it('412 CONFLICT for a stale If-Match; 400 for a malformed one', async () => {
    await reported('H-1');
    const stale = await command('grid-g1', 'H-1', 'key-s', { type: 'issue_notice' }, { 'if-match': '"0"' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('CONFLICT');
    expect((await h.store.readEvents('H-1')).length).toBe(1);
    for (const ifMatch of ['yesterday', '"1', '1', 'W/"1"', '"01"', '"-1"', '"1", "2"']) {
      expect((await command('grid-g1', 'H-1', 'key-m', { type: 'issue_notice' }, { 'if-match': ifMatch })).status, ifMatch).toBe(400);
    }
    expect((await h.store.readEvents('H-1')).length).toBe(1);
  });

  it('422 with a pointer for an expectedVersion that is not an integer; a body expectedVersion pins like If-Match', async () => {
    await reported('H-1');
    for (const expectedVersion of ['1', 1.5, -1, null]) {
      const r = await command('grid-g1', 'H-1', 'key-v', { type: 'issue_notice', expectedVersion });
      expect(r.status, JSON.stringify(expectedVersion)).toBe(422);
      expect(r.body.issues).toEqual([expect.objectContaining({ pointer: '/expectedVersion' })]);
    }
    expect((await command('grid-g1', 'H-1', 'key-v0', { type: 'issue_notice', expectedVersion: 0 })).status).toBe(412);
    expect((await command('grid-g1', 'H-1', 'key-v1', { type: 'issue_notice', expectedVersion: 1 })).status).toBe(200);
  });

  it('422 REPORT_NOT_ALLOWED for a report (hazards come from inspections), pointing to POST /inspections', async () => {
    const r = await command('grid-g1', 'H-NEW', 'key-r', { type: 'report', title: { 'zh-CN': '假' }, level: 'simple', area: 'D9/G9', deadline: { days: 1_000_000_000 } }, { 'accept-language': 'en' });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('REPORT_NOT_ALLOWED');
    expect(r.body.detail).toContain('POST /api/inspections?report=true');
    expect(r.body.issues).toEqual([expect.objectContaining({ code: 'REPORT_NOT_ALLOWED', pointer: '/type' })]);
    expect(await h.store.load('H-NEW')).toBeNull();
  });

  it('hostile values are 422 with pointers, never 500', async () => {
    await reported('H-1');
    const bodies: Record<string, unknown>[] = [
      { type: 'report_observation', title: { 'zh-CN': '管道漏气' }, enterpriseId: 'E1', domain: 'gas', level: 'general', area: 5, evidence: [] },
      { type: 'report_observation', title: { 'zh-CN': '\u3000\u200b' }, enterpriseId: 'E1', domain: 'gas', level: 'general', evidence: [] },
      { type: 'reject', reason: { 'zh-CN': '不合格\u202e' } },
      { type: 'request_extension', workingDays: 3, days: '<img src=x onerror=alert(1)>', reason: { 'zh-CN': '缺件' } },
      { type: 'issue_notice', occurredAt: '2026-11-02T09:00:00' },
      { type: 'issue_notice', note: { toString: 1 } },
      { type: 'submit_rectification', evidence: [{ id: 'x', kind: 'photo_after', takenAt: '2020-01-01T00:00:00Z' }] },
      JSON.parse('{"type":"issue_notice","__proto__":{"admin":true}}'),
    ];
    for (const [i, body] of bodies.entries()) {
      const r = await command('grid-g1', 'H-1', `hostile-${i}`, body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(r.body.issues?.length ?? 0, JSON.stringify(body)).toBeGreaterThan(0);
    }
    expect((await h.store.readEvents('H-1')).length).toBe(1);
  });

  it('400 without Idempotency-Key, or a body without type; 401 without an actor', async () => {
    await reported('H-1');
    const noKey = await h.call('grid-g1', 'POST', '/hazards/H-1/commands', { body: { type: 'issue_notice' } });
    expect(noKey.status).toBe(400);
    expect(noKey.body.detail).toBe('缺少或无效的 Idempotency-Key 请求头（1–128 个字母、数字或 . _ : -，以字母或数字开头）');
    expect((await command('grid-g1', 'H-1', 'key with spaces', { type: 'issue_notice' })).status).toBe(400);
    expect((await command('grid-g1', 'H-1', 'k', { noticeNo: 'x' })).status).toBe(422);
    expect((await command('grid-g1', 'H-1', 'k', [] as unknown as Record<string, unknown>)).status).toBe(400);
    const huge = await command('grid-g1', 'H-1', 'k', { type: 'issue_notice', note: { 'zh-CN': '长'.repeat(30_000) } });
    expect(huge.status).toBe(413);
    expect((await h.store.readEvents('H-1')).length).toBe(1);
    const anonymous = await h.call(null, 'POST', '/hazards/H-1/commands', { body: { type: 'issue_notice' }, headers: { 'idempotency-key': 'k' } });
    expect(anonymous.status).toBe(401);
  });

  it('403 FORBIDDEN for a reader who may not act; 404 HAZARD_NOT_FOUND; 422 for a rule violation; 409 HAZARD_EXISTS', async () => {
    await reported('H-1');
    const owner = await command('owner-e1', 'H-1', 'k-e1', { type: 'issue_notice' });
    expect(owner.status).toBe(403);
    expect(owner.body).toMatchObject({ code: 'FORBIDDEN', title: '指令被拒绝' });
    const missing = await command('grid-g1', 'H-none', 'k-n', { type: 'issue_notice' });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('HAZARD_NOT_FOUND');
    await command('grid-g1', 'H-1', 'k-notice', { type: 'issue_notice' });
    const rule = await command('grid-g1', 'H-1', 'k-verify', { type: 'verify' }, { 'accept-language': 'en' });
    expect(rule.status).toBe(422);
    expect(rule.body).toMatchObject({ title: 'Command refused', code: 'INVALID_TRANSITION' });
    const again = await command('grid-g1', 'H-1', 'k-observe-again', { type: 'report_observation', title: { 'zh-CN': '阀门漏气' }, enterpriseId: 'E1', domain: 'gas', level: 'general', evidence: [] });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('HAZARD_EXISTS');
    expect((await h.store.readEvents('H-1')).length).toBe(2);
  });

  it('a hazard outside the read scope answers 404 exactly like GET, before any 403, 409 or 412', async () => {
    await reported('H-1');
    const get = await h.call('grid-g2', 'GET', '/hazards/H-1');
    expect(get.status).toBe(404);
    const attempts = [
      command('grid-g2', 'H-1', 'k-g2', { type: 'issue_notice' }),
      command('grid-g2', 'H-1', 'k-g2-stale', { type: 'issue_notice' }, { 'if-match': '"7"' }),
      command('officer-fire-d1', 'H-1', 'k-fire', { type: 'file_case', coOfficerId: 'officer-gas-d1' }),
      command('owner-e2', 'H-1', 'k-e2', { type: 'issue_notice', expectedVersion: 3 }),
      command('grid-g2', 'H-1', 'k-g2-obs', { type: 'report_observation', title: { 'zh-CN': '阀门漏气' }, enterpriseId: 'E2', domain: 'gas', level: 'general', evidence: [] }),
    ];
    for (const r of await Promise.all(attempts)) {
      expect(r.status).toBe(404);
      expect(r.body).toEqual(get.body);
    }
    // An actor the directory does not know is refused on both before the hazard is looked up: 403 UNKNOWN_ACTOR (it was 404, as an outsider).
    const [strangerGet, strangerCommand] = [await h.call('stranger', 'GET', '/hazards/H-1'), await command('stranger', 'H-1', 'k-x', { type: 'issue_notice' })];
    expect([strangerGet.status, strangerGet.body.code, strangerCommand.status, strangerCommand.body.code, strangerCommand.body.reason]).toEqual([
      403,
      'UNKNOWN_ACTOR',
      403,
      'UNKNOWN_ACTOR',
      'UNKNOWN_ACTOR',
    ]);
    expect((await h.store.readEvents('H-1')).length).toBe(1);
  });

  it('409 IDEMPOTENCY_KEY_IN_FLIGHT when the same key is used concurrently', async () => {
    await reported('H-1');
    const body = { type: 'issue_notice' };
    const [a, b] = await Promise.all([command('grid-g1', 'H-1', 'k-par', body), command('grid-g1', 'H-1', 'k-par', body)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((await h.store.readEvents('H-1')).length).toBe(2);
  });
});

describe('evidence: POST /hazards/{id}/evidence, POST /evidence, GET /evidence/{id}', () => {
  const upload = (actor: string | null, path: string, body: Uint8Array, type: string, query = '') => h.call(actor, 'POST', `${path}${query}`, { body, headers: { 'content-type': type } });

  it('201: stores the file for a hazard the uploader can read; the server records hash, type, size and receipt time; GET serves it back', async () => {
    await reported('H-1');
    const bytes = new Uint8Array([...FILE_BYTES['image/jpeg'], 1, 2, 3]);
    const r = await upload('owner-e1', '/hazards/H-1/evidence', bytes, 'image/jpeg', '?takenAt=2026-11-01T08:00:00%2B08:00');
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      id: expect.any(String),
      mime: 'image/jpeg',
      size: bytes.byteLength,
      hazardId: 'H-1',
      uploaderId: 'owner-e1',
      receivedAt: h.clock.now().toISOString(),
      claimedTakenAt: '2026-11-01T08:00:00+08:00',
    });
    expect(r.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.headers.get('location')).toBe(`/api/evidence/${r.body.id}`);
    for (const reader of ['owner-e1', 'grid-g1', 'officer-gas-d1', 'admin-gas']) {
      const file = await h.call(reader, 'GET', `/evidence/${r.body.id}`);
      expect(file.status, reader).toBe(200);
      expect([...file.body]).toEqual([...bytes]);
      expect(file.headers.get('content-type')).toBe('image/jpeg');
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
      expect(file.headers.get('content-disposition')).toMatch(/^inline; filename="[^"]+\.jpg"$/);
      expect(file.headers.get('content-security-policy')).toContain('sandbox');
      expect(file.headers.get('etag')).toBe(`"${r.body.sha256}"`);
      // A case file must not stay in a shared computer's browser cache (docs/security.md T62).
      expect(file.headers.get('cache-control')).toBe('no-store');
    }
    // thumb=1: this server has no resizer and answers the image itself.
    const thumb = await h.call('grid-g1', 'GET', `/evidence/${r.body.id}?thumb=1`);
    expect(thumb.status).toBe(200);
    expect([...thumb.body]).toEqual([...bytes]);
  });

  it('404 for a hazard outside the read scope (same as GET) or unknown, and for a file outside it; nothing stored', async () => {
    await reported('H-1');
    const file = FILE_BYTES['image/png'];
    expect((await upload('grid-g2', '/hazards/H-1/evidence', file, 'image/png')).status).toBe(404);
    expect((await upload('owner-e2', '/hazards/H-1/evidence', file, 'image/png')).body.code).toBe('HAZARD_NOT_FOUND');
    expect((await upload('grid-g1', '/hazards/H-none/evidence', file, 'image/png')).status).toBe(404);
    // Reading the hazard is not enough: no act that carries evidence is the grid inspector's on it (403, nothing stored).
    const reader = await upload('grid-g1', '/hazards/H-1/evidence', file, 'image/png');
    expect(reader.status).toBe(403);
    expect(reader.body.code).toBe('FORBIDDEN');
    expect(h.evidence.size).toBe(0);
    const [ref] = await h.upload('owner-e1', 'H-1', 'document');
    for (const outsider of ['grid-g2', 'owner-e2', 'officer-fire-d1']) {
      const r = await h.call(outsider, 'GET', `/evidence/${ref!.id}`);
      expect(r.status, outsider).toBe(404);
      expect(r.body.code).toBe('EVIDENCE_NOT_FOUND');
    }
    // An actor the directory does not know is refused before the upload is looked up (it was a 404 like an outsider's).
    expect([(await h.call('stranger', 'GET', `/evidence/${ref!.id}`)).body.code, (await h.call('stranger', 'GET', '/evidence/ev-nope')).body.code]).toEqual(['UNKNOWN_ACTOR', 'UNKNOWN_ACTOR']);
    expect((await h.call('grid-g1', 'GET', '/evidence/ev-nope')).status).toBe(404);
    const pdf = await h.call('grid-g1', 'GET', `/evidence/${ref!.id}`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect((await h.call('grid-g1', 'GET', `/evidence/${ref!.id}?thumb=1`)).body.code).toBe('NO_THUMBNAIL');
  });

  it('415 for a type that is not a photo or PDF; 422 when the bytes are not what the type says, or empty; 413 over maxEvidenceBytes; 400 for a takenAt without offset', async () => {
    await reported('H-1');
    const html = new TextEncoder().encode('<html><script>alert(document.cookie)</script></html>');
    for (const type of ['text/html', 'image/svg+xml', 'application/octet-stream', '']) {
      const r = await upload('owner-e1', '/hazards/H-1/evidence', html, type);
      expect(r.status, type).toBe(415);
      expect(r.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    const disguised = await upload('owner-e1', '/hazards/H-1/evidence', html, 'image/png');
    expect(disguised.status).toBe(422);
    expect(disguised.body.code).toBe('EVIDENCE_CONTENT_MISMATCH');
    expect((await upload('owner-e1', '/hazards/H-1/evidence', FILE_BYTES['application/pdf'], 'image/jpeg')).status).toBe(422);
    expect((await upload('owner-e1', '/hazards/H-1/evidence', new Uint8Array(0), 'image/jpeg')).status).toBe(422);
    const big = new Uint8Array(300 * 1024);
    big.set(FILE_BYTES['image/jpeg']);
    const tooBig = await upload('owner-e1', '/hazards/H-1/evidence', big, 'image/jpeg');
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await upload('owner-e1', '/hazards/H-1/evidence', FILE_BYTES['image/jpeg'], 'image/jpeg', '?takenAt=2026-11-01T08:00:00')).status).toBe(400);
    expect(h.evidence.size).toBe(0);
    // Within the upload limit and above the JSON limit (64 KiB): accepted.
    const photo = new Uint8Array(100 * 1024);
    photo.set(FILE_BYTES['image/jpeg']);
    expect((await upload('owner-e1', '/hazards/H-1/evidence', photo, 'image/jpeg')).status).toBe(201);
    // Uploads given with their hazard count against the same budget for 24 h (T38): the 21st is 429.
    // Each a different file: the same bytes given again with the same hazard are the same upload.
    const answers: number[] = [];
    for (let i = 0; i < 21 && !answers.includes(429); i++) answers.push((await upload('owner-e1', '/hazards/H-1/evidence', new Uint8Array([...FILE_BYTES['image/png'], i]), 'image/png')).status);
    expect(answers.at(-1)).toBe(429);
  });

  it('POST /evidence: an unbound upload only its uploader sees until a report binds it; 403 for roles that do not report', async () => {
    const r = await upload('owner-e1', '/evidence', FILE_BYTES['image/webp'], 'image/webp');
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ hazardId: null, mime: 'image/webp', uploaderId: 'owner-e1' });
    expect((await h.call('owner-e1', 'GET', `/evidence/${r.body.id}`)).status).toBe(200);
    expect((await h.call('grid-g1', 'GET', `/evidence/${r.body.id}`)).status).toBe(404);
    expect((await h.call('admin-gas', 'GET', `/evidence/${r.body.id}`)).status).toBe(404);
    for (const actor of ['admin-gas', 'nobody', 'stranger']) {
      const refused = await upload(actor, '/evidence', FILE_BYTES['image/webp'], 'image/webp');
      expect(refused.status, actor).toBe(403);
    }
    expect((await upload('owner-e1', '/evidence', FILE_BYTES['image/webp'], 'text/plain')).status).toBe(415);
    expect((await upload('owner-e1', '/evidence', FILE_BYTES['image/png'], 'image/webp')).status).toBe(422);
    expect((await upload('owner-e1', '/evidence', FILE_BYTES['image/webp'], 'image/webp', '?takenAt=yesterday')).status).toBe(400);
    const big = new Uint8Array(300 * 1024);
    expect((await upload('owner-e1', '/evidence', big, 'image/webp')).status).toBe(413);
    // Reported with the inspection: bound to the hazard, which its readers now see.
    const report = await h.call('owner-e1', 'POST', '/inspections?report=true', {
      body: basementLpgInspection({ evidence: [{ id: r.body.id, kind: 'photo_before' }] }),
      headers: { 'idempotency-key': 'with-photo' },
    });
    expect(report.status).toBe(200);
    expect((await h.call('grid-g1', 'GET', `/evidence/${r.body.id}`)).status).toBe(200);
    // Uploads never reported are held to the store's budget (default 20 files): the next one is 429 (T38).
    const answers: number[] = [];
    for (let i = 0; i < 21 && !answers.includes(429); i++) answers.push((await upload('grid-g1', '/evidence', FILE_BYTES['image/webp'], 'image/webp')).status);
    expect(answers.at(-1)).toBe(429);
  });

  it('401 without an actor; 404 on every evidence route when the API has no evidence store', async () => {
    expect((await upload(null, '/evidence', FILE_BYTES['image/png'], 'image/png')).status).toBe(401);
    expect((await h.call(null, 'GET', '/evidence/x')).status).toBe(401);
    const bare = await createHarness(undefined, undefined, undefined, undefined, { evidence: false });
    await bare.seed('H-1');
    for (const r of [
      await bare.call('grid-g1', 'POST', '/evidence', { body: FILE_BYTES['image/png'], headers: { 'content-type': 'image/png' } }),
      await bare.call('grid-g1', 'POST', '/hazards/H-1/evidence', { body: FILE_BYTES['image/png'], headers: { 'content-type': 'image/png' } }),
      await bare.call('grid-g1', 'GET', '/evidence/x'),
    ]) {
      expect(r.status).toBe(404);
      expect(r.body.code).toBe('EVIDENCE_NOT_CONFIGURED');
      // the host's fix, named: the option of createAnjianApi and a store to pass
      expect(r.body.detail).toMatch(/createAnjianApi.*evidence.*createFileEvidenceStore/);
    }
  });
});

describe('GET /queues/{role}', () => {
  it('grid: submitted in its areas; enforcement: major, escalated, provisional in its jurisdiction; enterprise: own open hazards', async () => {
    await reported('H-GEN');
    await reported('H-MAJ', 'grid-g1', { level: 'major' });
    await reported('H-PROV', 'grid-g1', { provisional: true });
    await reported('H-E2', 'grid-g2', { area: 'D1/G2', enterpriseId: 'E2' });
    await command('grid-g1', 'H-GEN', 'n', { type: 'issue_notice' });
    h.clock.advance(3_600_000);
    const ev = [...(await h.upload('owner-e1', 'H-GEN', 'photo_before')), ...(await h.upload('owner-e1', 'H-GEN', 'photo_after', 2))];
    h.clock.advance(60_000);
    expect((await command('owner-e1', 'H-GEN', 's', { type: 'submit_rectification', evidence: ev })).status).toBe(200);
    const queue = async (actor: string, role: string) => ((await h.call(actor, 'GET', `/queues/${role}`)).body.items as { hazardId: string }[]).map((i) => i.hazardId).sort();
    expect(await queue('grid-g1', 'grid')).toEqual(['H-GEN']);
    expect(await queue('grid-g2', 'grid')).toEqual([]);
    expect(await queue('officer-gas-d1', 'enforcement')).toEqual(['H-MAJ', 'H-PROV']);
    expect(await queue('officer-fire-d1', 'enforcement')).toEqual([]);
    expect(await queue('officer-gas-d2', 'enforcement')).toEqual([]);
    expect(await queue('owner-e1', 'enterprise')).toEqual(['H-GEN', 'H-MAJ', 'H-PROV']);
    expect(await queue('owner-e2', 'enterprise')).toEqual(['H-E2']);
  });

  it('403 for a role the actor lacks; 400 for a role without a queue; 401 without an actor', async () => {
    const r = await h.call('owner-e1', 'GET', '/queues/grid');
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('FORBIDDEN');
    expect((await h.call('owner-e1', 'GET', '/queues/system')).status).toBe(400);
    expect((await h.call(null, 'GET', '/queues/grid')).status).toBe(401);
  });
});

describe('GET /stats', () => {
  it('counts by level, status and domain, overdue, closure rate, per month', async () => {
    await reported('H-1');
    await reported('H-2', 'grid-g1', { level: 'major' });
    await command('grid-g1', 'H-1', 'n', { type: 'issue_notice' });
    h.clock.advance(30 * 86_400_000);
    const r = await h.call('admin-gas', 'GET', '/stats?groupBy=month');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      total: 2,
      byLevel: { simple: 0, general: 1, major: 1 },
      byStatus: { reported: 1, rectifying: 1, closed: 0 },
      byDomain: { gas: 2 },
      closed: 0,
      closureRate: 0,
      overdue: 1,
      periods: [{ period: '2026-11', total: 2, closed: 0, closureRate: 0 }],
    });
    expect((await h.call('admin-gas', 'GET', '/stats?level=major')).body.total).toBe(1);
  });

  it('counts only what the actor may read: an enterprise its own hazards, a grid inspector its areas', async () => {
    await reported('H-1');
    await reported('H-2', 'grid-g1', { level: 'major' });
    await reported('H-3', 'grid-g1', { enterpriseId: 'E2' });
    expect((await h.call('admin-gas', 'GET', '/stats')).body.total).toBe(3);
    const e1 = await h.call('owner-e1', 'GET', '/stats');
    expect(e1.status).toBe(200);
    expect(e1.body).toMatchObject({ total: 2, byLevel: { general: 1, major: 1 } });
    expect((await h.call('owner-e2', 'GET', '/stats')).body.total).toBe(1);
    // Another enterprise is refused (it answered zero counts, which named it as registered).
    expect((await h.call('owner-e2', 'GET', '/stats?enterprise=E1')).status).toBe(403);
    expect((await h.call('grid-g1', 'GET', '/stats')).body.total).toBe(3);
    expect((await h.call('grid-g2', 'GET', '/stats')).body.total).toBe(0);
  });

  it('400 for a bad instant or groupBy; 401 without an actor', async () => {
    const r = await h.call('admin-gas', 'GET', '/stats?createdFrom=yesterday', { headers: { 'accept-language': 'en' } });
    expect(r.status).toBe(400);
    expect(r.body.detail).toContain('createdFrom must be an instant');
    expect((await h.call('admin-gas', 'GET', '/stats?groupBy=week')).status).toBe(400);
    expect((await h.call(null, 'GET', '/stats')).status).toBe(401);
  });
});

describe('GET /outbox', () => {
  it('lists dead letters', async () => {
    await reported('H-1');
    const [message] = await h.store.claimOutbox({ owner: 'relay', now: h.clock.now().toISOString(), leaseMs: 60_000, limit: 1 });
    expect(message).toBeDefined();
    await h.store.failOutbox({ id: message!.id, owner: 'relay', error: 'SMS gateway 503', retryAt: null });
    const r = await h.call('admin-gas', 'GET', '/outbox');
    expect(r.status).toBe(200);
    expect(r.body.deadLetters).toEqual([expect.objectContaining({ id: message!.id, hazardId: 'H-1', topic: 'hazard.reported', lastError: 'SMS gateway 503', attempts: 1 })]);
  });

  it("403 for anyone who does not read everything (dead letters carry other enterprises' hazards)", async () => {
    for (const actor of ['owner-e1', 'grid-g1', 'officer-gas-d1']) {
      const r = await h.call(actor, 'GET', '/outbox');
      expect(r.status, actor).toBe(403);
      expect(r.body.code).toBe('FORBIDDEN');
    }
  });

  it('400 for a bad limit; 401 without an actor', async () => {
    expect((await h.call('admin-gas', 'GET', '/outbox?limit=0')).status).toBe(400);
    expect((await h.call(null, 'GET', '/outbox')).status).toBe(401);
  });
});

describe('a JSON body is sent as application/json (docs/security.md T57)', () => {
  it('every route that takes a JSON body answers 415 to text/plain, a form or no Content-Type, unread and in both languages; charset is allowed', async () => {
    const json = ROUTES.filter((route) => route.requestBody);
    expect(json.length).toBeGreaterThan(5);
    const actor = (route: (typeof json)[number]) => (route.auth === 'required' ? 'admin-gas' : null);
    for (const route of json) {
      const path = route.path.replace(/\{\w+\}/g, 'x');
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
        const r = await h.call(actor(route), route.method.toUpperCase(), path, { body: new TextEncoder().encode('{}'), headers: type === undefined ? {} : { 'content-type': type } });
        expect(r.status, `${route.path} ${type}`).toBe(415);
        expect(r.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
        expect(r.body.detail).toContain('application/json');
      }
      const zh = await h.call(actor(route), route.method.toUpperCase(), path, { body: new TextEncoder().encode('{}'), headers: { 'content-type': 'text/plain', 'accept-language': 'zh-CN' } });
      expect(zh.body.detail).toMatch(/请求体须为 JSON/);
    }
    // With a charset, the body is read (and judged on its own merits).
    const charset = await h.call('owner-e1', 'POST', '/inspections', {
      body: JSON.stringify(noAlarmInspection()),
      headers: { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': 'charset-1' },
    });
    expect(charset.status).toBe(200);
  });
});

describe('401 carries a WWW-Authenticate challenge (RFC 9110 §15.5.2)', () => {
  type Documented = Record<string, Record<string, { responses: Record<string, { headers?: Record<string, { example?: string }> }> }>>;
  const challengeOf = (openapi: Record<string, unknown>, method: string, path: string) => (openapi.paths as Documented)[path]![method]!.responses['401']!.headers?.['WWW-Authenticate']?.example;

  it('every route that needs an actor answers 401 with the default challenge, and documents it', async () => {
    const needActor = ROUTES.filter((route) => route.auth === 'required');
    expect(needActor.length).toBeGreaterThan(5);
    for (const route of needActor) {
      const r = await h.call(null, route.method.toUpperCase(), route.path.replace(/\{\w+\}/g, 'x'), route.method === 'post' ? { body: {} } : {});
      expect(r.status, route.path).toBe(401);
      expect(r.headers.get('www-authenticate'), route.path).toBe('Bearer realm="anjian"');
      expect(challengeOf(h.api.openapi, route.method, `/api${route.path}`), route.path).toBe('Bearer realm="anjian"');
    }
    const forbidden = await h.call('owner-e1', 'GET', '/queues/grid');
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('www-authenticate')).toBeNull();
  });

  it('a host-supplied authChallenge is sent with the 401 and documented instead', async () => {
    const api = createAnjianApi({
      store: createMemoryStore(),
      directory: createStaticDirectory([]),
      calendar: TEST_CALENDAR_2026,
      packs: [],
      basePath: '/api',
      authChallenge: 'Basic realm="portal", charset="UTF-8"',
      authenticate: async () => null,
    });
    const r = await api.fetch(new Request('http://test.local/api/hazards', { headers: { 'accept-language': 'en' } }));
    expect(r.status).toBe(401);
    expect(r.headers.get('content-type')).toBe(PROBLEM_TYPE);
    expect(r.headers.get('www-authenticate')).toBe('Basic realm="portal", charset="UTF-8"');
    expect(await r.json()).toMatchObject({ code: 'UNAUTHENTICATED', title: 'Not authenticated' });
    expect(challengeOf(api.openapi, 'get', '/api/hazards')).toBe('Basic realm="portal", charset="UTF-8"');
  });
});

describe('the security schemes follow the 401 challenge (RFC 9110 §11.6.1)', () => {
  type Doc = {
    components: { securitySchemes: Record<string, unknown> };
    security: Record<string, string[]>[];
    paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, { headers?: Record<string, { example?: string }> }> }>>;
  };
  // The OpenAPI 3.1 Security Scheme Object, type http (spec §4.8.27), as a JSON Schema.
  const httpScheme = ajv.compile({
    type: 'object',
    required: ['type', 'scheme'],
    properties: { type: { const: 'http' }, scheme: { type: 'string', pattern: "^[!#$%&'*+.^_`|~0-9a-z-]+$" }, bearerFormat: { type: 'string' }, description: { type: 'string' } },
    additionalProperties: false,
  });
  const documentFor = (authChallenge?: string): Doc =>
    createAnjianApi({
      store: createMemoryStore(),
      directory: createStaticDirectory([]),
      calendar: TEST_CALENDAR_2026,
      packs: [],
      basePath: '/api',
      ...(authChallenge === undefined ? {} : { authChallenge }),
      authenticate: async () => null,
    }).openapi as unknown as Doc;
  const schemesOf = (doc: Doc) => Object.fromEntries(Object.entries(doc.components.securitySchemes).map(([name, s]) => [name, (s as { scheme: string }).scheme]));
  /** Every scheme is a valid http Security Scheme Object; every requirement names a declared scheme. */
  const expectValid = (doc: Doc) => {
    for (const [name, scheme] of Object.entries(doc.components.securitySchemes)) expect(httpScheme(scheme), `${name}: ${JSON.stringify(httpScheme.errors)}`).toBe(true);
    for (const requirement of doc.security) {
      expect(Object.keys(requirement)).toHaveLength(1);
      for (const [name, scopes] of Object.entries(requirement)) {
        expect(doc.components.securitySchemes, name).toHaveProperty([name]);
        expect(scopes).toEqual([]);
      }
    }
    expect(doc.paths['/api/packs']!.get!.security).toEqual([]); // open routes stay open
  };

  it('default Bearer challenge: one bearer scheme, required', () => {
    const doc = documentFor();
    expect(doc.components.securitySchemes).toMatchObject({ host: { type: 'http', scheme: 'bearer' } });
    expect(schemesOf(doc)).toEqual({ host: 'bearer' });
    expect(doc.security).toEqual([{ host: [] }]);
    expect(h.api.openapi.components).toEqual((documentFor() as unknown as { components: unknown }).components);
    expectValid(doc);
  });

  it('a Basic challenge (with parameters) declares a basic scheme; the auth-scheme is case-insensitive', () => {
    const doc = documentFor('Basic realm="portal", charset="UTF-8"');
    expect(doc.components.securitySchemes).toEqual({ host: { type: 'http', scheme: 'basic', description: expect.stringContaining('`Basic realm="portal", charset="UTF-8"`') } });
    expect(doc.security).toEqual([{ host: [] }]);
    expectValid(doc);
    expect(schemesOf(documentFor('BASIC realm="x"'))).toEqual({ host: 'basic' });
    expect(schemesOf(documentFor('Negotiate'))).toEqual({ host: 'negotiate' });
  });

  it('two challenges: one scheme each, and the requirement lists them as alternatives', () => {
    const doc = documentFor('Digest realm="portal, east", qop="auth", nonce="abc", Bearer realm="anjian"');
    expect(doc.components.securitySchemes).toEqual({
      host: { type: 'http', scheme: 'digest', description: expect.stringContaining('`Digest realm="portal, east", qop="auth", nonce="abc"`') },
      'host-bearer': { type: 'http', scheme: 'bearer', description: expect.stringContaining('`Bearer realm="anjian"`') },
    });
    expect(doc.security).toEqual([{ host: [] }, { 'host-bearer': [] }]);
    expect(doc.paths['/api/hazards']!.get!.responses['401']!.headers?.['WWW-Authenticate']?.example).toBe('Digest realm="portal, east", qop="auth", nonce="abc", Bearer realm="anjian"');
    expectValid(doc);
    // A scheme challenged twice (two realms) is one scheme.
    expect(schemesOf(documentFor('Bearer realm="a", Basic, Bearer realm="b"'))).toEqual({ host: 'bearer', 'host-basic': 'basic' });
  });
});

describe('GET /audit/verify, GET /hazards/{id}/audit', () => {
  it('200 for a department admin: the audit result; the hazard page then shows when its trail was verified', async () => {
    await seedAuditTrail(h.store);
    const r = await h.call('admin-gas', 'GET', '/audit/verify');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, problems: [], checked: { events: 18, hazards: 6, signatures: false } });
    const trail = await h.call('grid-g1', 'GET', '/hazards/H-B/audit');
    expect(trail.status).toBe(200);
    expect(trail.body).toMatchObject({ hazardId: 'H-B', version: 4, ok: true, checkpoint: null, lastFullAudit: { verifiedAt: r.body.verifiedAt, ok: true, problems: [] } });
  });

  it('403 for anyone but a department admin; 404 for a hazard outside the read scope or unknown', async () => {
    await seedAuditTrail(h.store);
    for (const actor of ['owner-e1', 'grid-g1', 'officer-gas-d1']) {
      const r = await h.call(actor, 'GET', '/audit/verify');
      expect(r.status, actor).toBe(403);
      expect(r.body.code).toBe('FORBIDDEN');
    }
    expect((await h.call('owner-e2', 'GET', '/hazards/H-B/audit')).status).toBe(404);
    expect((await h.call('grid-g1', 'GET', '/hazards/nope/audit')).status).toBe(404);
  });
});

describe('documents (执法文书): numbered with the command, rendered from the record, verified in public', () => {
  it('a notice issued over HTTP takes its 文号; the document renders as HTML and PDF, re-renders identically, refuses changed content; the code verifies', async () => {
    const enterprise: EnterpriseDetails = { id: 'E1', name: '老王饭店', address: '东城区和平里北街18号', legalRepresentative: '王建国' };
    const names: DocumentDirectory = { enterprise: async (id) => (id === 'E1' ? { ...enterprise } : null), officer: async (id) => ({ id, name: id === 'grid-g1' ? '陈静' : id }) };
    const override = loadOverride(
      'format: anjian-document-override/1\njurisdiction: D1\ndepartment: 北京市东城区应急管理局\nnumberPrefix: （东）应急\nreconsideration: { government: 北京市东城区人民政府, court: 北京市东城区人民法院 }\n',
      'd1.yaml',
    );
    if (!override.ok) throw new Error('override');
    const font = findSystemCjkFont();
    const d = await createHarness(undefined, undefined, undefined, undefined, {
      documents: {
        templates: DOCUMENT_KINDS.map((k) => loadBuiltinTemplate(k)),
        override: override.value,
        directory: names,
        verifyUrl: 'https://portal.example/api/documents/verify',
        ...(font ? { renderPdf: (doc) => renderDocumentPdf(doc, { font }) } : {}),
      },
    });
    const basis = [
      {
        regulation: 'gas-regulation',
        clause: '第十八条',
        number: '国务院令第583号',
        edition: '2016',
        title: { 'zh-CN': '城镇燃气管理条例' },
        status: 'current' as const,
        confidence: 'verified' as const,
      },
    ];
    await d.seed('H-DOC', 'grid-g1', { basis });
    const notice = await d.call('grid-g1', 'POST', '/hazards/H-DOC/commands', { body: { type: 'issue_notice' }, headers: { 'idempotency-key': 'doc-notice-1' } });
    expect(notice.status).toBe(200);
    // Issued with the notice: numbered, composed, its hash and code registered.
    expect(notice.body.documents.map((i: { kind: string; number: string; issued: boolean }) => [i.kind, i.number, i.issued])).toEqual([['rectification_notice', '（东）应急隐改〔2026〕1号', true]]);
    const list = await d.call('grid-g1', 'GET', '/hazards/H-DOC/documents');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { kind: string; number: string; verificationCode: string }) => [i.kind, i.number, i.verificationCode])).toEqual([
      ['rectification_notice', '（东）应急隐改〔2026〕1号', notice.body.documents[0].verificationCode],
    ]);
    expect((await d.call('grid-g1', 'GET', '/hazards/H-none/documents')).status).toBe(404);

    const html = await d.call('grid-g1', 'GET', '/hazards/H-DOC/documents/rectification_notice');
    expect(html.status, JSON.stringify(html.body.issues ?? '')).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('cache-control')).toBe('no-store');
    const code = html.headers.get('x-verification-code')!;
    const hash = html.headers.get('x-content-hash')!;
    expect([code, hash]).toEqual([notice.body.documents[0].verificationCode, notice.body.documents[0].contentHash]);
    expect(decodeURIComponent(html.headers.get('x-document-number')!)).toBe('（东）应急隐改〔2026〕1号');
    const page = new TextDecoder().decode(html.body);
    for (const text of ['（东）应急隐改〔2026〕1号', '老王饭店', code, hash, '<svg']) expect(page).toContain(text);
    const again = await d.call('grid-g1', 'GET', '/hazards/H-DOC/documents/rectification_notice?format=html');
    expect(again.headers.get('x-content-hash')).toBe(hash);
    if (font) {
      const pdf = await d.call('grid-g1', 'GET', '/hazards/H-DOC/documents/rectification_notice?format=pdf');
      expect([pdf.status, pdf.headers.get('content-type'), pdf.headers.get('cache-control'), new TextDecoder().decode(pdf.body.slice(0, 5))]).toEqual([200, 'application/pdf', 'no-store', '%PDF-']);
    }
    expect((await d.call('grid-g1', 'GET', '/hazards/H-DOC/documents/rectification_notice?format=docx')).status).toBe(400);
    expect((await d.call('grid-g1', 'GET', '/hazards/H-DOC/documents/no_such_kind')).body.code).toBe('DOCUMENT_KIND_UNKNOWN');
    expect((await d.call('grid-g1', 'GET', '/hazards/H-DOC/documents/rectification_order')).body.code).toBe('DOCUMENT_NOT_ISSUED');
    expect((await d.call('owner-e2', 'GET', '/hazards/H-DOC/documents/rectification_notice')).status).toBe(404);
    // A landlord reading its tenant's hazard is refused a case or penalty document, by its kind (landlord-documents.test.ts).
    await d.seed('H-DOC-PA', 'grid-g1', { basis, premisesId: 'PA' });
    d.directory.set({ ...(await d.directory.resolve('owner-e2'))!, tenancies: [{ premisesId: 'PA', landlordEnterpriseId: 'E2', tenantEnterpriseId: 'E1', area: 'D1/G1', period: 1 }] });
    expect((await d.call('owner-e2', 'GET', '/hazards/H-DOC-PA/documents/penalty_decision')).body.code).toBe('DOCUMENT_NOT_FOR_LANDLORD');
    // The directory changed after issue: the issued document stands, byte for byte.
    enterprise.name = '老王饭店（新）';
    const changed = await d.call('grid-g1', 'GET', '/hazards/H-DOC/documents/rectification_notice');
    expect([changed.status, changed.headers.get('x-content-hash'), Buffer.compare(Buffer.from(changed.body), Buffer.from(html.body))]).toEqual([200, hash, 0]);
    // Issued before the store kept contents (none stored): composed again it differs — 409, saying so.
    const readContent = d.store.readDocumentContent.bind(d.store);
    d.store.readDocumentContent = async () => null;
    const legacy = await d.call('grid-g1', 'GET', '/hazards/H-DOC/documents/rectification_notice');
    expect([legacy.status, legacy.body.code]).toEqual([409, 'DOCUMENT_CHANGED']);
    // … and with a required value missing from the directory since, it cannot compose: 422, nothing served.
    const address = enterprise.address;
    delete enterprise.address;
    const missing = await d.call('grid-g1', 'GET', '/hazards/H-DOC/documents/rectification_notice');
    expect([missing.status, missing.body.code, missing.body.issues[0].code]).toEqual([422, 'DOCUMENT_REFUSED', 'VALUE_MISSING']);
    enterprise.address = address;
    d.store.readDocumentContent = readContent;
    expect((await d.call('grid-g1', 'GET', '/hazards/H-DOC/documents')).body.items[0].verificationCode).toBe(code);

    // Verification: public, by code (case and separators as typed) and hash.
    const ok = await d.call(null, 'GET', `/documents/verify/${code.toLowerCase().replace('-', '')}?hash=${hash}`);
    expect([ok.status, ok.body.status, ok.body.document.number, ok.body.document.contentHash]).toEqual([200, 'unchanged', '（东）应急隐改〔2026〕1号', hash]);
    const oneByte = `${hash.slice(0, -1)}${hash.endsWith('0') ? '1' : '0'}`;
    expect((await d.call(null, 'GET', `/documents/verify/${code}?hash=${oneByte}`)).body.status).toBe('altered');
    expect((await d.call(null, 'GET', `/documents/verify/${code}`)).body.status).toBe('issued');
    expect((await d.call(null, 'GET', '/documents/verify/00000-00000')).body).toEqual({ status: 'unknown' });
    expect((await d.call(null, 'GET', '/documents/verify/not-a-code!')).status).toBe(400);
    expect((await d.call(null, 'GET', `/documents/verify/${code}?hash=xyz`)).status).toBe(400);
    // A voided document keeps its number and says so (voided through the store: no HTTP endpoint yet).
    expect(
      (await d.store.voidDocument({ jurisdiction: 'D1', kind: 'rectification_notice', year: 2026, seq: 1, reason: '送达对象有误', actorId: 'grid-g1', at: '2026-11-03T01:00:00.000Z' })).kind,
    ).toBe('voided');
    const voided = await d.call(null, 'GET', `/documents/verify/${code}?hash=${hash}`);
    expect([voided.body.status, voided.body.document.voidReason, voided.body.document.number]).toEqual(['voided', '送达对象有误', '（东）应急隐改〔2026〕1号']);
    // A server without the documents option: 404.
    expect((await h.call(null, 'GET', `/documents/verify/${code}`)).body.code).toBe('DOCUMENTS_NOT_CONFIGURED');
  }, 60_000);
});

/** How many 503 CALENDAR_NOT_COVERED the cases below answered: each is one error record in the log, on purpose. */
let calendarRefusals = 0;
/** How many reads answered a reply period as unavailable (CALENDAR_NOT_COVERED): each is one error record too, status 200. */
let unavailableReads = 0;

describe('503 CALENDAR_NOT_COVERED: a working-day deadline into a year the host has not loaded', () => {
  const DETAIL_EN =
    'the 2027 holiday arrangement (国务院办公厅关于2027年部分节假日安排的通知) is not loaded in the working-day calendar, so a period through 2027-01-01 cannot be computed; the host must load it';
  /** Sends the request in Chinese (the default) and in English: both a 503 naming 2027 and its notice, nothing written. */
  const refusedBoth = async (d: Harness, send: (lang: string) => Promise<Awaited<ReturnType<Harness['call']>>>) => {
    const written = async () => [(await d.store.readLog(0, 100_000)).length, (await d.store.readDenials(0, 100_000)).length];
    const before = await written();
    const zh = await send('zh-CN');
    const en = await send('en');
    calendarRefusals += [zh, en].filter((r) => r.status === 503).length;
    expect([zh.status, zh.headers.get('content-type'), zh.body.code, zh.body.title]).toEqual([503, PROBLEM_TYPE, 'CALENDAR_NOT_COVERED', '节假日安排未载入']);
    expect(zh.body.detail).toContain('工作日日历未载入 2027 年的节假日安排');
    expect(zh.body.detail).toContain('国务院办公厅关于2027年部分节假日安排的通知');
    expect([en.status, en.body.code, en.body.title, en.body.detail]).toEqual([503, 'CALENDAR_NOT_COVERED', 'Holiday arrangement not loaded', DETAIL_EN]);
    // Logged for the host (the body names the log record), and nothing recorded: no event, no denial.
    expect(en.body.instance).toMatch(/^urn:uuid:/);
    expect(await written()).toEqual(before);
  };

  it('POST /inspections?report=true: a general hazard reported on Mon 28 December (10 working days into 2027) is a 503, no hazard reported', async () => {
    const d = await createHarness('2026-12-28T02:00:00Z', undefined, undefined, undefined, { calendar: ONLY_2026 });
    const body = noAlarmInspection({ inspectedAt: '2026-12-28T09:00:00+08:00' });
    // Classified without reporting, it counts no deadline: a 200 as ever.
    expect((await d.call('owner-e1', 'POST', '/inspections', { body })).status).toBe(200);
    await refusedBoth(d, (lang) => d.call('owner-e1', 'POST', '/inspections?report=true', { body, headers: { 'idempotency-key': `cal-${lang}`, 'accept-language': lang } }));
    expect((await d.call('owner-e1', 'GET', '/hazards')).body.items).toEqual([]);
  });

  it('POST /hazards/{id}/commands: a notice issued on Mon 28 December (its 7 working days into 2027) is a 503, the hazard as it was', async () => {
    const d = await createHarness('2026-12-10T02:00:00Z', undefined, undefined, undefined, { calendar: ONLY_2026 });
    // Reported on Thu 10 December: its 7 working days end on Mon 21 December, inside 2026.
    await d.seed('H-CAL');
    d.clock.set('2026-12-28T02:00:00Z');
    await refusedBoth(d, (lang) => d.call('grid-g1', 'POST', '/hazards/H-CAL/commands', { body: { type: 'issue_notice' }, headers: { 'idempotency-key': `cal-${lang}`, 'accept-language': lang } }));
    const read = await d.call('grid-g1', 'GET', '/hazards/H-CAL');
    expect([read.status, read.body.state.status, read.body.state.version]).toEqual([200, 'reported', 1]);
  });

  it('GET /hazards/{id}: a penalty notice served on Tue 29 December, whose reply period runs into 2027, is read (200), the period said unavailable — the host told; its decision is a 503', async () => {
    const d = await documentsHarness('2026-12-10T02:00:00Z', { calendar: ONLY_2026 });
    await d.seed('H-CAL-P', 'officer-gas-d1', { source: 'enforcement', basis: GAS_BASIS });
    const co = { coOfficerId: 'officer2-gas-d1' };
    const act = (key: string, body: object) => d.call('officer-gas-d1', 'POST', '/hazards/H-CAL-P/commands', { body: { ...body, ...co }, headers: { 'idempotency-key': key } });
    expect((await act('cal-case', { type: 'file_case' })).status).toBe(200);
    // Notified on Thu 10 December: the notice's own statement deadline is inside 2026.
    const notice = await act('cal-notice', { type: 'notify_penalty', penalty: { article: 'work-safety-law-2021/102', kind: 'fine', fineAmount: 20_000 } });
    expect([notice.status, notice.body.documents[0].kind, notice.body.documents[0].issued]).toEqual([200, 'penalty_notice', true]);
    // Served (直接送达) on Tue 29 December: the party's 3 working days reach 1 January 2027.
    d.clock.set('2026-12-29T02:00:00Z');
    const served = await d.call('officer-gas-d1', 'POST', '/hazards/H-CAL-P/documents/penalty_notice/2026-1/service', { body: { method: 'direct', recipient: '王建国' } });
    expect(served.status, JSON.stringify(served.body)).toBe(201);
    // The read is not refused for the one value it cannot derive: every other field, the period null and said unavailable, in
    // both languages whatever the request's; one error record for the host per read (it must load 2027).
    for (const lang of ['zh-CN', 'en']) {
      const read = await d.call('owner-e1', 'GET', '/hazards/H-CAL-P', { headers: { 'accept-language': lang } });
      unavailableReads += 1;
      expect([read.status, read.body.state.penalty.notified.fineAmount, read.body.caseNumber, read.body.penaltyReplyPeriod, read.body.penaltyReplyPeriodUnavailable]).toEqual([
        200,
        20_000,
        '（东）应急立〔2026〕1号',
        null,
        { code: 'CALENDAR_NOT_COVERED', message: { 'zh-CN': expect.stringContaining('工作日日历未载入 2027 年的节假日安排'), en: DETAIL_EN } },
      ]);
    }
    // Deciding would record a date counted through an unknown 元旦: a 503, nothing recorded.
    const decision = { type: 'decide_penalty', penalty: { article: 'work-safety-law-2021/102', kind: 'fine', fineAmount: 20_000 }, ...co };
    await refusedBoth(d, (lang) => d.call('officer-gas-d1', 'POST', '/hazards/H-CAL-P/commands', { body: decision, headers: { 'idempotency-key': `cal-decide-${lang}`, 'accept-language': lang } }));
    // The list counts no reply period: it reads the hazard as ever.
    expect((await d.call('owner-e1', 'GET', '/hazards')).body.items.map((i: { hazardId: string }) => i.hazardId)).toEqual(['H-CAL-P']);
  }, 60_000);
});

// Issue 15: two officers, service, receipt, void, PDF check (defined in documents-service.ts).
defineDocumentServiceTests();
defineCoSignContractTests();
defineUnknownActorTests();

describe('the query is the route table’s', () => {
  it('every route answers 400 UNKNOWN_QUERY_PARAMETER to a parameter it does not declare, before it runs, naming it and the accepted ones', async () => {
    for (const route of ROUTES) {
      const path = route.path.replace(/\{\w+\}/g, 'x');
      const body = route.method === 'post' ? (route.rawBody ? new Uint8Array(FILE_BYTES['image/jpeg']) : {}) : undefined;
      const headers: Record<string, string> = route.rawBody ? { 'content-type': 'image/jpeg', 'accept-language': 'en' } : { 'accept-language': 'en' };
      const r = await h.call(route.auth === 'none' ? null : 'admin-gas', route.method.toUpperCase(), `${path}?undeclared=1`, { ...(body === undefined ? {} : { body }), headers });
      const accepted = (route.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      expect([route.operationId, r.status, r.body.code, r.body.issues?.[0]?.parameter]).toEqual([route.operationId, 400, 'UNKNOWN_QUERY_PARAMETER', 'undeclared']);
      expect(r.body.detail).toContain(accepted.length === 0 ? 'takes no query parameters' : `accepts: ${accepted.join(', ')}`);
    }
  });
});

// Runs last in this file: the contract tests above have filled SEEN and MISMATCHES.
describe('GET /openapi.json, generated from the route table', () => {
  it('serves the document the API exposes, without authentication', async () => {
    const r = await h.call(null, 'GET', '/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body).toEqual(h.api.openapi);
    expect(r.body.openapi).toBe('3.1.0');
  });

  it('has every route, with the base path, its success response and a problem response per documented error', () => {
    const paths = h.api.openapi.paths as Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
    const documented = Object.entries(paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(documented.sort()).toEqual(ROUTES.map((r) => `${r.method} /api${r.path}`).sort());
    for (const route of ROUTES) {
      const op = paths[`/api${route.path}`]![route.method]!;
      expect(op.operationId).toBe(route.operationId);
      expect(Object.keys(op.responses).map(Number).sort()).toEqual([route.response.status, ...documentedErrors(route)].sort());
    }
  });

  it('every schema in the document compiles with ajv (2020-12, strict), and every example matches its schema strictly', () => {
    const doc = h.api.openapi as { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, object> } };
    const v = documentValidator(h.api.openapi);
    const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
    let compiled = 0;
    let examples = 0;
    const wrong: string[] = [];
    for (const name of Object.keys(doc.components.schemas)) {
      v.at(`/components/schemas/${esc(name)}`);
      compiled++;
    }
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const at = `/paths/${esc(path)}/${method}`;
        for (const i of op.parameters.keys()) {
          v.at(`${at}/parameters/${i}/schema`);
          compiled++;
        }
        const media = [
          ...Object.entries((op.requestBody?.content ?? {}) as Record<string, { example?: unknown }>).map(([type, m]) => [`${at}/requestBody/content/${esc(type)}`, m] as const),
          ...Object.entries(op.responses as Record<string, { content: Record<string, { example?: unknown }> }>).flatMap(([status, r]) =>
            Object.entries(r.content).map(([type, m]) => [`${at}/responses/${status}/content/${esc(type)}`, m] as const),
          ),
        ];
        for (const [pointer, m] of media) {
          const check = v.at(`${pointer}/schema`);
          compiled++;
          if (m.example === undefined) continue;
          examples++;
          if (!check(m.example)) wrong.push(`${pointer}: ${JSON.stringify(check.errors)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(compiled).toBeGreaterThan(ROUTES.length);
    expect(examples).toBeGreaterThan(ROUTES.length / 2);
  });

  it('a body the document does not describe fails the run-time check: an undeclared field, a missing required one, a wrong type, an unlisted problem code', async () => {
    const v = documentValidator(h.api.openapi);
    await reported('H-1');
    const detail = await h.call('owner-e1', 'GET', '/hazards/H-1');
    expect(v.check('GET', '/api/hazards/{id}', 200, 'application/json', detail.body)).toBeNull();
    const withExtra = structuredClone(detail.body);
    withExtra.state.newField = 1;
    expect(v.check('GET', '/api/hazards/{id}', 200, 'application/json', withExtra)).not.toBeNull();
    const eventExtra = structuredClone(detail.body);
    eventExtra.history[0].data.extra = true;
    expect(v.check('GET', '/api/hazards/{id}', 200, 'application/json', eventExtra)).not.toBeNull();
    const missing = structuredClone(detail.body);
    delete missing.history[0].hash;
    expect(v.check('GET', '/api/hazards/{id}', 200, 'application/json', missing)).not.toBeNull();
    const wrongType = structuredClone(detail.body);
    wrongType.state.version = '1';
    expect(v.check('GET', '/api/hazards/{id}', 200, 'application/json', wrongType)).not.toBeNull();
    const classified = await h.call('owner-e1', 'POST', '/inspections', { body: noAlarmInspection() });
    const hazardExtra = structuredClone(classified.body);
    hazardExtra.classification.hazards[0].extra = 1;
    expect(v.check('POST', '/api/inspections', 200, 'application/json', classified.body)).toBeNull();
    expect(v.check('POST', '/api/inspections', 200, 'application/json', hazardExtra)).not.toBeNull();
    const problem = await h.call('owner-e1', 'GET', '/hazards/H-none');
    expect(v.check('GET', '/api/hazards/{id}', 404, 'application/problem+json', problem.body)).toBeNull();
    expect(v.check('GET', '/api/hazards/{id}', 404, 'application/problem+json', { ...problem.body, code: 'SOMETHING_NEW' })).not.toBeNull();
    expect(v.check('GET', '/api/hazards/{id}', 418, 'application/problem+json', problem.body)).toMatch(/documents no 418/);
  });

  it('the gate’s answers on every route — an undeclared parameter, no actor, a body over the limit, a JSON body as text/plain, a fifth upload at once, a handler that throws — are its status and code, each documented', async () => {
    const wrong: string[] = [];
    for (const route of ROUTES) {
      for (const probe of gateProbes(h.api, route, '/api', 'grid-g1', { json: 64 * 1024, upload: 256 * 1024 })) {
        const r = await probe.send();
        const body = await r.json();
        if (r.status !== probe.status || body.code !== probe.code) wrong.push(`${route.method.toUpperCase()} ${route.path}, ${probe.what}: ${r.status} ${body.code}`);
        recordSeen(h.api.openapi, route.method, probe.url, r.status, body, '/api', r.headers.get('content-type') ?? '');
      }
    }
    expect(wrong).toEqual([]);
    expect(MISMATCHES).toEqual([]);
  });

  it('every documented status of every route was answered by a contract test above, with a body matching its schema', () => {
    const missing: string[] = [];
    for (const route of ROUTES) {
      const seen = SEEN.get(`${route.method.toUpperCase()} ${route.path}`) ?? new Set();
      for (const status of [route.response.status, ...documentedErrors(route)]) if (!seen.has(status)) missing.push(`${route.method.toUpperCase()} ${route.path} ${status}`);
    }
    expect(missing).toEqual([]);
    expect(MISMATCHES).toEqual([]);
  });

  it('no contract test produced a 5xx (each would be an error record in the log) but the gate probes whose handler throws on purpose and the 503 CALENDAR_NOT_COVERED cases', () => {
    const probed = (entry: (typeof LOGS)[number]) => (entry.error as { message?: string } | undefined)?.message === HANDLER_PROBE_FAILURE;
    // A calendar that does not cover a deadline's year is logged and handed to onError on purpose (the host must load the
    // year): exactly the 503s the cases above answered, each a request_failed record of the ChainError — nothing else.
    const uncovered = (entry: (typeof LOGS)[number]) => entry.status === 503 && entry.event === 'request_failed' && entry.error?.name === 'ChainError' && entry.error.code === 'CALENDAR_NOT_COVERED';
    // A read answering the reply period as unavailable (a 200) tells the host the same way: its own record, the same error.
    const unavailable = (entry: (typeof LOGS)[number]) =>
      entry.status === 200 && entry.event === 'derived_value_unavailable' && entry.error?.name === 'ChainError' && entry.error.code === 'CALENDAR_NOT_COVERED';
    expect(LOGS.filter((entry) => entry.level === 'error' && !probed(entry) && !uncovered(entry) && !unavailable(entry))).toEqual([]);
    expect(LOGS.filter(probed).length).toBe(ROUTES.length);
    expect(calendarRefusals).toBe(6);
    expect(LOGS.filter((entry) => entry.level === 'error' && uncovered(entry)).length).toBe(calendarRefusals);
    expect(unavailableReads).toBe(2);
    expect(LOGS.filter((entry) => entry.level === 'error' && unavailable(entry)).length).toBe(unavailableReads);
  });

  it('no route answers a status it does not document', () => {
    const undocumented: string[] = [];
    for (const route of ROUTES) {
      const allowed = new Set([route.response.status, ...documentedErrors(route)]);
      for (const status of SEEN.get(`${route.method.toUpperCase()} ${route.path}`) ?? []) if (!allowed.has(status)) undocumented.push(`${route.method.toUpperCase()} ${route.path} ${status}`);
    }
    expect(undocumented).toEqual([]);
  });
});
