/**
 * The permit endpoints on a real `node:http` server: roles from the session and the host's
 * directory (never the body), located problem+json for bad input, idempotent replays,
 * supervision by area, hazards from the record, and every body checked strictly against
 * the served OpenAPI document.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryEvidenceStore, createStaticDirectory, type ActorProfile } from '@anjian/core';
import { createMemoryPermitStore, PERMIT_SUSPENDED_TOPIC, verifyPermitChain, type PermitStore } from '@anjian/core/internal';
import { loadPackFromPath } from '@anjian/core/node';
import { createFixedClock, TEST_CALENDAR_2026 } from '@anjian/core/testing';
import { createAnjianApi, PERMIT_ROUTES, toNodeHandler, type AnjianApi } from '../src/index.js';
import { documentValidator } from './openapi-validator.js';

/** The regime of each enterprise is the directory's: a chemical plant, a property manager, a restaurant, and one whose record does not say. */
const E1 = { id: 'E1', name: '东方化工', area: 'D1/G1', regime: 'hazchem' } as const;
const E2 = { id: 'E2', name: '西城物业', area: 'D2/G1', regime: 'general' } as const;
const E3 = { id: 'E3', name: '老街餐馆', area: 'D1/G1', regime: 'general' } as const;
const E4 = { id: 'E4', name: '未注明企业', area: 'D1/G1' };
/** A person of an enterprise; by default of E1 — and of E3 and E4, so the story's people can apply for those too. */
const ent = (id: string, enterpriseId?: string): ActorProfile => ({ id, roles: ['enterprise'], enterpriseIds: enterpriseId === undefined ? ['E1', 'E3', 'E4'] : [enterpriseId] });
const ACTORS: ActorProfile[] = [
  ent('foreman'),
  ent('boss'),
  ent('safety'),
  ent('attendant'),
  ent('worker-1'),
  ent('chief'),
  ent('specialist'),
  ent('owner-e2', 'E2'),
  ent('ghost', 'E404'),
  { id: 'grid-g1', roles: ['grid'], gridAreas: ['D1/G1'] },
  { id: 'grid-d2', roles: ['grid'], gridAreas: ['D2/G1'] },
  { id: 'officer-d1', roles: ['enforcement'], departments: [{ id: 'hw-d1', domains: ['hazardous_work'], areas: ['D1'] }] },
  { id: 'officer-gas', roles: ['enforcement'], departments: [{ id: 'gas-d1', domains: ['gas'], areas: ['D1'] }] },
];
const PERMIT_ROLES: Record<string, string[]> = {
  boss: ['principal_leader', 'unit'],
  safety: ['safety_department'],
  'worker-1': ['safety_department'],
  chief: ['plant_leader', 'production_safety_head'],
  specialist: ['specialist_department'],
};

const clock = createFixedClock('2026-12-07T00:00:00.000Z');
let store: PermitStore;
let api: AnjianApi;
let server: Server;
let base: string;
const SEEN = new Map<string, Set<number>>();
const MISMATCHES: string[] = [];

beforeAll(async () => {
  const pack = await loadPackFromPath(fileURLToPath(new URL('../../../checklists/hazardous-work', import.meta.url)));
  if (!pack.ok) throw new Error('hazardous-work pack failed to load');
  store = createMemoryPermitStore();
  api = createAnjianApi({
    store: (await import('@anjian/core')).createMemoryStore(),
    directory: createStaticDirectory(ACTORS, [E1, E2, E3, E4]),
    calendar: TEST_CALENDAR_2026,
    clock,
    packs: [pack.pack],
    basePath: '/api',
    logger: false,
    authenticate: async (request) => request.headers.get('x-actor'),
    permits: { store, permitRoles: async (actorId) => PERMIT_ROLES[actorId] ?? [] },
    evidence: createMemoryEvidenceStore(),
  });
  server = createServer(toNodeHandler(api));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let keys = 0;
async function call(actor: string | null, method: string, path: string, body?: unknown, key: string | null = `k-${++keys}`): Promise<{ status: number; headers: Headers; body: any }> {
  const headers: Record<string, string> = { 'accept-language': 'en' };
  if (actor !== null) headers['x-actor'] = actor;
  if (key !== null && method === 'POST') headers['idempotency-key'] = key;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + path, { method, headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  const text = await res.text();
  const parsed = text === '' ? null : /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text;
  const route = PERMIT_ROUTES.find((r) => r.method === method.toLowerCase() && new RegExp(`^${r.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(path.split('?')[0]!));
  if (route) {
    const k = `${route.method.toUpperCase()} ${route.path}`;
    (SEEN.get(k) ?? SEEN.set(k, new Set()).get(k)!).add(res.status);
    const errors = documentValidator(api.openapi).check(method, `/api${route.path}`, res.status, (res.headers.get('content-type') ?? '').split(';')[0]!, parsed);
    if (errors) MISMATCHES.push(`${k} ${res.status}: ${JSON.stringify(errors)}`);
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

const at = (minutes: number) => new Date(Date.parse('2026-12-07T00:00:00.000Z') + minutes * 60_000).toISOString();
const goTo = (minutes: number) => clock.set(at(minutes));
const reading = (m: number, v: Record<string, number>) => ({ sampledAt: at(m), instrument: 'PID-7', place: 'inlet', ...v });
/** An apply; hot work (the default) gives the site facts that make it 一级 (a fire/explosion hazardous area), never a grade. */
const apply = (o: Record<string, unknown> = {}) => ({
  kind: 'hot_work',
  ...((o.kind ?? 'hot_work') === 'hot_work' ? { hotWork: { situations: ['hazardous_area'], openAir: false, shutDown: [] } } : {}),
  enterpriseId: 'E1',
  workerIds: ['worker-1'],
  attendantId: 'attendant',
  validFrom: at(60),
  flammableLelPctVol: 2.5,
  ...o,
});

describe('permits over HTTP', () => {
  let id = '';

  it('apply: the area from the directory, the id from actor and key; a retry replays', async () => {
    goTo(0);
    const r = await call('foreman', 'POST', '/permits', apply({}), 'apply-1');
    expect(r.status).toBe(201);
    id = r.body.permit.permitId;
    expect(id).toMatch(/^pm-[0-9a-f]{24}$/);
    expect(r.body.permit).toMatchObject({ status: 'applied', area: 'D1/G1', applicantId: 'foreman', validUntil: at(60 + 8 * 60) });
    const again = await call('foreman', 'POST', '/permits', apply({}), 'apply-1');
    expect([again.status, again.headers.get('idempotent-replayed'), again.body.permit.permitId, again.body.events]).toEqual([201, 'true', id, []]);
    const reused = await call('foreman', 'POST', '/permits', apply({ workerIds: ['worker-2'] }), 'apply-1');
    expect([reused.status, reused.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
  });

  it('bad input is a located problem: unknown fields (the actor is never in the body), a bad time, not JSON, no key', async () => {
    const extra = await call('foreman', 'POST', '/permits', { ...apply(), applicantId: 'boss', area: 'D9' });
    expect([extra.status, extra.body.code, extra.body.issues.map((i: { pointer: string }) => i.pointer)]).toEqual([422, 'UNKNOWN_FIELD', ['/applicantId', '/area']]);
    expect(extra.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const time = await call('foreman', 'POST', '/permits', apply({ validFrom: 'soon' }));
    expect([time.status, time.body.code, time.body.issues[0].pointer]).toEqual([422, 'INVALID_COMMAND', '/validFrom']);
    const lel = await call('foreman', 'POST', '/permits', apply({ flammableLelPctVol: undefined }));
    expect([lel.status, lel.body.code]).toEqual([422, 'LEL_REQUIRED']);
    expect((await call('foreman', 'POST', '/permits', '{nope')).status).toBe(400);
    expect((await call('foreman', 'POST', '/permits', apply(), null)).body.code).toBe('BAD_REQUEST');
    expect((await call('foreman', 'POST', '/permits', apply({ enterpriseId: 'E2' }))).status).toBe(403);
    expect((await call(null, 'POST', '/permits', apply())).status).toBe(401);
    expect((await call('stranger', 'POST', '/permits', apply())).body.code).toBe('UNKNOWN_ACTOR');
    const big = await call('foreman', 'POST', '/permits', JSON.stringify({ ...apply(), pad: 'x'.repeat(2_000_000) }));
    expect(big.status).toBe(413);
  });

  it('approve: only the role the grade requires, never a worker', async () => {
    goTo(10);
    const wrong = await call('boss', 'POST', `/permits/${id}/approve`);
    expect([wrong.status, wrong.body.code]).toEqual([403, 'APPROVER_ROLE']);
    const worker = await call('worker-1', 'POST', `/permits/${id}/approve`);
    expect([worker.status, worker.body.code]).toEqual([403, 'SEPARATION_OF_DUTIES']);
    expect((await call('owner-e2', 'POST', `/permits/${id}/approve`)).status).toBe(404);
    expect((await call('grid-g1', 'POST', `/permits/${id}/approve`)).status).toBe(403);
    const ok = await call('safety', 'POST', `/permits/${id}/approve`, {});
    expect([ok.status, ok.body.permit.status, ok.body.permit.approverId]).toEqual([200, 'approved', 'safety']);
    expect((await call('safety', 'POST', `/permits/${id}/approve`, { role: 'principal_leader' })).body.code).toBe('UNKNOWN_FIELD');
  });

  it('gas test, attendant, start: the rules decide; a test 31 min before start is refused', async () => {
    goTo(20);
    const missing = await call('foreman', 'POST', `/permits/${id}/gas-tests`, { sampledAt: at(19), place: 'inlet', flammablePctVol: 0.1 });
    expect([missing.status, missing.body.issues[0].pointer]).toEqual([422, '/instrument']);
    const incomplete = await call('foreman', 'POST', `/permits/${id}/gas-tests`, reading(19, { o2PctVol: 20 }));
    expect([incomplete.status, incomplete.body.code]).toEqual([422, 'READING_INCOMPLETE']);
    expect((await call('foreman', 'POST', `/permits/${id}/gas-tests`, reading(19, { flammablePctVol: 0.1 }))).status).toBe(200);
    const notHim = await call('foreman', 'POST', `/permits/${id}/attendant-present`);
    expect([notHim.status, notHim.body.code]).toEqual([403, 'NOT_ATTENDANT']);
    expect((await call('attendant', 'POST', `/permits/${id}/attendant-present`)).status).toBe(200);
    goTo(60 - 10);
    expect((await call('foreman', 'POST', `/permits/${id}/start`)).body.code).toBe('OUTSIDE_VALIDITY');
    goTo(60 + 12);
    const stale = await call('foreman', 'POST', `/permits/${id}/start`);
    expect([stale.status, stale.body.code]).toEqual([409, 'GAS_TEST_STALE']);
    expect((await call('foreman', 'POST', `/permits/${id}/gas-tests`, reading(71, { flammablePctVol: 0.1 }))).status).toBe(200);
    const started = await call('foreman', 'POST', `/permits/${id}/start`, { attachments: [] });
    expect([started.status, started.body.permit.status]).toEqual([200, 'in_progress']);
  });

  it('supervision: open now by area and kind, with counts; out of scope is refused', async () => {
    const list = await call('grid-g1', 'GET', '/permits?area=D1/G1&kind=hot_work');
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { permitId: string }) => p.permitId)).toEqual([id]);
    expect(list.body.counts).toEqual([{ kind: 'hot_work', status: 'in_progress', count: 1 }]);
    expect((await call('officer-d1', 'GET', '/permits?area=D1')).body.items).toHaveLength(1);
    expect((await call('officer-gas', 'GET', '/permits?area=D1')).status).toBe(403);
    expect((await call('owner-e2', 'GET', '/permits?enterpriseId=E1')).status).toBe(403);
    expect((await call('foreman', 'GET', '/permits?enterpriseId=E1&status=in_progress')).body.items).toHaveLength(1);
    expect((await call('grid-g1', 'GET', '/permits?area=D1/G1&limit=0')).status).toBe(400);
    expect((await call('grid-g1', 'GET', '/permits?area=D1/G1&status=closed')).status).toBe(400);
    // a kind the permit rules do not know is refused, not answered with an empty list (a typo would read as "none open")
    const unknownKind = await call('grid-g1', 'GET', '/permits?area=D1/G1&kind=hotwork');
    expect([unknownKind.status, unknownKind.body.code]).toEqual([400, 'INVALID_QUERY']);
    expect(unknownKind.body.detail).toContain('hot_work');
    // an enterprise or area the server does not know is refused too, naming the parameter (it answered an empty list)
    for (const [q, parameter] of [
      ['area=D1/G1&enterpriseId=E404', 'enterpriseId'],
      ['area=D1/G1/Z9', 'area'],
    ] as const) {
      const unknown = await call('grid-g1', 'GET', `/permits?${q}`);
      expect([unknown.status, unknown.body.code, unknown.body.issues?.[0]?.parameter], q).toEqual([422, 'UNKNOWN_QUERY_VALUE', parameter]);
    }
    expect((await call('grid-g1', 'GET', '/permits?area=D1/G1&enterpriseId=E3')).status).toBe(200);
    // an enterprise user naming an enterprise not its own: the same 403 whether it is registered or not
    expect((await call('owner-e2', 'GET', '/permits?enterpriseId=E404')).status).toBe(403);
    expect((await call(null, 'GET', '/permits?area=D1')).status).toBe(401);
    expect((await call('officer-gas', 'GET', `/permits/${id}`)).status).toBe(404);
    expect((await call('stranger', 'GET', `/permits/${id}`)).status).toBe(403);
  });

  it('a failing reading suspends; the attendant leaving (a grid spot check) suspends and queues a text; findings come from the pack', async () => {
    goTo(60 + 20);
    const bad = await call('attendant', 'POST', `/permits/${id}/readings`, reading(79, { flammablePctVol: 0.3 }));
    expect([bad.status, bad.body.permit.status, bad.body.events.map((e: { type: string }) => e.type)]).toEqual([200, 'suspended', ['reading_recorded', 'suspended']]);
    expect((await call('foreman', 'POST', `/permits/${id}/resume`)).body.code).toBe('NO_PASSING_TEST');
    expect((await call('foreman', 'POST', `/permits/${id}/gas-tests`, reading(80, { flammablePctVol: 0.1 }))).status).toBe(200);
    expect((await call('foreman', 'POST', `/permits/${id}/resume`)).body.permit.status).toBe('in_progress');
    goTo(60 + 30);
    const left = await call('grid-g1', 'POST', `/permits/${id}/attendant-left`);
    expect([left.status, left.body.permit.status, left.body.permit.suspendReason]).toEqual([200, 'suspended', 'attendant_absent']);
    const texts = await store.readNotifications();
    expect(texts.map((t) => [t.topic, t.payload.reason])).toEqual([
      [PERMIT_SUSPENDED_TOPIC, 'reading_failed'],
      [PERMIT_SUSPENDED_TOPIC, 'attendant_absent'],
    ]);
    const f = await call('officer-d1', 'GET', `/permits/${id}/findings`);
    expect(f.status).toBe(200);
    expect(f.body.findings.map((x: { observation: string; hazard: { rule: string } }) => [x.observation, x.hazard.rule])).toEqual([
      ['reading_over_limit', 'HW-010-H1'],
      ['attendant_absent', 'HW-003-H1'],
    ]);
    const reported = await call('grid-g1', 'POST', `/permits/${id}/findings/report`, undefined, null);
    expect(reported.status).toBe(200);
    expect(reported.body.reports.map((r: { rule: string; ok: boolean }) => [r.rule, r.ok])).toEqual([
      ['HW-010-H1', true],
      ['HW-003-H1', true],
    ]);
    const hazard = await call('grid-g1', 'GET', `/hazards/${reported.body.reports[1].hazardId}`);
    expect([hazard.status, hazard.body.state?.source, hazard.body.state?.area]).toEqual([200, 'permit', 'D1/G1']);
    const again = await call('grid-g1', 'POST', `/permits/${id}/findings/report`, undefined, null);
    expect(again.body.reports.map((r: { replayed?: boolean }) => r.replayed)).toEqual([true, true]);
    expect((await call('owner-e2', 'POST', `/permits/${id}/findings/report`, undefined, null)).status).toBe(404);
    expect((await call(null, 'POST', `/permits/${id}/findings/report`, undefined, null)).status).toBe(401);
    expect((await call('stranger', 'POST', `/permits/${id}/findings/report`, undefined, null)).status).toBe(403);
    // Nothing comes from the request: a body naming a hazard, a level or a rule is refused, not ignored (it was
    // answered 200 and the body dropped); a body that is not JSON is a 400. Nothing more is reported.
    const declared = await call('grid-g1', 'POST', `/permits/${id}/findings/report`, { level: 'simple', rule: 'HW-010-H1' }, null);
    expect([declared.status, declared.body.code, declared.body.issues.map((i: { pointer: string }) => i.pointer)]).toEqual([422, 'UNKNOWN_FIELD', ['/level', '/rule']]);
    expect((await call('grid-g1', 'POST', `/permits/${id}/findings/report`, '{', null)).status).toBe(400);
    expect((await call('grid-g1', 'POST', `/permits/${id}/findings/report`, JSON.stringify({ pad: 'x'.repeat(2_000_000) }), null)).status).toBe(413);
    expect((await call('owner-e2', 'GET', `/permits/${id}/findings`)).status).toBe(404);
    expect((await call(null, 'GET', `/permits/${id}/findings`)).status).toBe(401);
    expect((await call('stranger', 'GET', `/permits/${id}/findings`)).status).toBe(403);
  });

  it('cancel needs a reason; close ends it; the log verifies', async () => {
    expect((await call('foreman', 'POST', `/permits/${id}/cancel`, {})).body.issues[0].pointer).toBe('/reason');
    expect((await call('foreman', 'POST', `/permits/${id}/close`)).body.permit.status).toBe('closed');
    expect((await call('foreman', 'POST', `/permits/${id}/cancel`, { reason: 'done' })).body.code).toBe('WRONG_STATUS');
    const got = await call('grid-g1', 'GET', `/permits/${id}`);
    expect(got.status).toBe(200);
    expect(verifyPermitChain(got.body.events)).toEqual({ ok: true });
    expect((await call('grid-g1', 'GET', '/permits?area=D1/G1')).body.items).toEqual([]);
  });

  it('named persons: the attendant must be of the enterprise in the directory; unknown workers are stored as declared', async () => {
    goTo(3000);
    const e2 = await call('foreman', 'POST', '/permits', apply({ validFrom: at(3000), attendantId: 'owner-e2' }));
    expect([e2.status, e2.body.code, e2.body.issues[0].pointer]).toEqual([422, 'PERSON_NOT_OF_ENTERPRISE', '/attendantId']);
    expect(e2.body.issues[0].message['zh-CN']).toContain('不是 E1 的人员');
    const worker = await call('foreman', 'POST', '/permits', apply({ validFrom: at(3000), workerIds: ['worker-1', 'owner-e2'] }));
    expect([worker.status, worker.body.code, worker.body.issues[0].pointer]).toEqual([422, 'PERSON_NOT_OF_ENTERPRISE', '/workerIds/1']);
    const declared = await call('foreman', 'POST', '/permits', apply({ validFrom: at(3000), workerIds: ['worker-1', 'contractor-9'] }));
    expect([declared.status, declared.body.permit.declaredWorkerIds]).toEqual([201, ['contractor-9']]);
  });

  it('attachments (T34): a phantom upload is refused at the field; a real upload is checked, bound and readable with the permit; paper is declared', async () => {
    goTo(4000);
    const confined = { kind: 'confined_space', grade: 'none', enterpriseId: 'E3', flammableLelPctVol: undefined, validFrom: at(4000) };
    const ready = async () => {
      const p = (await call('foreman', 'POST', '/permits', apply(confined))).body.permit.permitId as string;
      expect((await call('boss', 'POST', `/permits/${p}/approve`)).status).toBe(200);
      expect((await call('foreman', 'POST', `/permits/${p}/gas-tests`, reading(3999, { o2PctVol: 20.8, flammablePctLel: 1 }))).status).toBe(200);
      expect((await call('attendant', 'POST', `/permits/${p}/attendant-present`)).status).toBe(200);
      return p;
    };
    const p = await ready();
    const phantom = await call('foreman', 'POST', `/permits/${p}/start`, { attachments: [{ kind: 'signed_briefing', source: 'upload', evidenceId: 'no-such-upload-anywhere' }] });
    expect([phantom.status, phantom.body.code, phantom.body.issues[0].pointer]).toEqual([422, 'ATTACHMENT_INVALID', '/attachments/0/evidenceId']);
    const bare = await call('foreman', 'POST', `/permits/${p}/start`, { attachments: [{ kind: 'signed_briefing', ref: 'no-such-upload-anywhere' }] });
    expect([bare.status, bare.body.code, bare.body.issues[0].pointer]).toEqual([422, 'INVALID_COMMAND', '/attachments/0/source']);
    const pdf = new TextEncoder().encode('%PDF-1.4\n% signed briefing\n');
    const up = await fetch(`${base}/evidence`, { method: 'POST', headers: { 'x-actor': 'foreman', 'content-type': 'application/pdf' }, body: pdf });
    expect(up.status).toBe(201);
    const evidenceId = ((await up.json()) as { id: string }).id;
    const theirs = await call('safety', 'POST', `/permits/${p}/start`, { attachments: [{ kind: 'signed_briefing', source: 'upload', evidenceId }] });
    expect([theirs.status, theirs.body.code]).toEqual([422, 'ATTACHMENT_INVALID']);
    const started = await call('foreman', 'POST', `/permits/${p}/start`, { attachments: [{ kind: 'signed_briefing', source: 'upload', evidenceId }] });
    expect([started.status, started.body.permit.status, started.body.permit.attachments[0]]).toMatchObject([
      200,
      'in_progress',
      { kind: 'signed_briefing', source: 'upload', evidenceId, mime: 'application/pdf' },
    ]);
    const file = await fetch(`${base}/permits/${p}/attachments/${evidenceId}`, { headers: { 'x-actor': 'grid-g1' } });
    expect([file.status, file.headers.get('content-type'), new Uint8Array(await file.arrayBuffer())]).toEqual([200, 'application/pdf', pdf]);
    await call('grid-g1', 'GET', `/permits/${p}/attachments/${evidenceId}`);
    expect((await call('owner-e2', 'GET', `/permits/${p}/attachments/${evidenceId}`)).status).toBe(404);
    expect((await call('grid-g1', 'GET', `/permits/${p}/attachments/other`)).body.code).toBe('ATTACHMENT_NOT_FOUND');
    expect((await call(null, 'GET', `/permits/${p}/attachments/${evidenceId}`)).status).toBe(401);
    expect((await call('stranger', 'GET', `/permits/${p}/attachments/${evidenceId}`)).status).toBe(403);
    // Bound to the permit: no second permit can present the same upload.
    const q = await ready();
    const reused = await call('foreman', 'POST', `/permits/${q}/start`, { attachments: [{ kind: 'signed_briefing', source: 'upload', evidenceId }] });
    expect([reused.status, reused.body.code]).toEqual([422, 'ATTACHMENT_INVALID']);
    // Nor can a hazard named after its binding: an inspector of another area reporting a hazard at
    // /hazards/permit:<id> shared the permit's evidence namespace, and GET /evidence/{id} then served
    // the permit's signed briefing to whoever could read that hazard. Such a hazard id is refused.
    const spoof = await call('grid-d2', 'POST', `/hazards/permit:${p}/commands`, {
      type: 'report_observation',
      title: { 'zh-CN': '冒名隐患' },
      enterpriseId: 'E2',
      domain: 'hazardous_work',
      level: 'general',
      evidence: [],
    });
    expect([spoof.status, spoof.body.code]).toEqual([422, 'INVALID_COMMAND']);
    expect(JSON.stringify(spoof.body)).toContain('permit:');
    expect((await call('grid-d2', 'GET', `/evidence/${evidenceId}`)).status).toBe(404);
    expect((await call('grid-d2', 'GET', `/hazards/permit:${p}`)).status).toBe(404);
    const paper = await call('foreman', 'POST', `/permits/${q}/start`, { attachments: [{ kind: 'signed_briefing', source: 'paper', recordNo: 'JD-2026-0412' }] });
    expect([paper.status, paper.body.permit.attachments]).toEqual([200, [{ kind: 'signed_briefing', source: 'paper', recordNo: 'JD-2026-0412' }]]);
  });

  it('work at height: the grade and so the approver are derived from what the applicant observed; below the level is refused at the fact', async () => {
    goTo(1500);
    const height = (observed: Record<string, unknown>, o: Record<string, unknown> = {}) => {
      const { flammableLelPctVol: _l, ...rest } = apply({ kind: 'work_at_height', validFrom: at(1560), ...o });
      return { ...rest, height: { fallFactors: [], situations: [], ...observed } };
    };
    // The request never declares the grade or who approves; what it must observe is required.
    const declared = await call('foreman', 'POST', '/permits', { ...height({ heightM: 4 }), grade: 'i' });
    expect([declared.status, declared.body.code, declared.body.issues[0].pointer]).toEqual([422, 'INVALID_COMMAND', '/grade']);
    const inside = await call('foreman', 'POST', '/permits', height({ heightM: 4, grade: 'i' }));
    expect([inside.status, inside.body.issues[0].pointer]).toEqual([422, '/height/grade']);
    const none = await call('foreman', 'POST', '/permits', (({ height: _h, ...rest }) => rest)(height({})));
    expect([none.status, none.body.code, none.body.issues[0].pointer]).toEqual([422, 'INVALID_COMMAND', '/height']);
    const factor = await call('foreman', 'POST', '/permits', height({ heightM: 4, fallFactors: ['windy'] }));
    expect([factor.status, factor.body.issues[0].pointer]).toEqual([422, '/height/fallFactors/0']);
    expect(factor.body.issues[0].message['zh-CN']).toMatch(/gust_force_5/);
    const approver = await call('foreman', 'POST', '/permits', { ...height({ heightM: 4 }), approverRole: 'unit' });
    expect([approver.status, approver.body.code, approver.body.issues[0].pointer]).toEqual([422, 'UNKNOWN_FIELD', '/approverRole']);

    // 4 m in the rain: Note 2 of Table B.1 makes it grade Ⅳ, approved by the plant manager or chief engineer.
    const applied = await call('foreman', 'POST', '/permits', height({ heightM: 4, situations: ['raining'] }));
    expect(applied.status).toBe(201);
    const p = applied.body.permit.permitId;
    expect(applied.body.permit.rule).toMatchObject({ id: 'gb30871.work_at_height.iv', grade: 'iv', approverRole: 'plant_leader' });
    expect(applied.body.permit.height).toEqual({ heightM: 4, fallFactors: [], situations: ['raining'], method: 'A', heightGrade: 'i', grade: 'iv', raisedBy: ['raining'] });
    goTo(1510);
    for (const below of ['boss', 'specialist']) {
      const refused = await call(below, 'POST', `/permits/${p}/approve`);
      expect([refused.status, refused.body.code]).toEqual([403, 'APPROVER_ROLE']);
      expect(refused.body.detail).toContain('chief engineer');
      expect(refused.body.detail).toContain('while it rains');
      expect(refused.body.issues[0].pointer).toBe('/height/situations/0');
      const zh = await fetch(`${base}/permits/${p}/approve`, { method: 'POST', headers: { 'x-actor': below, 'idempotency-key': `zh-${below}`, 'accept-language': 'zh-CN' } });
      expect(((await zh.json()) as { detail: string }).detail).toMatch(/Ⅳ级高处作业须由主管厂长或总工程师审批.*降雨时作业/);
    }
    const view = await call('boss', 'GET', `/permits/${p}`);
    expect(view.body.approval?.allowed).toBe(false);
    // Who must approve, named by the server's rules, for any reader (the portal shows it without knowing the roles).
    expect(view.body.approver).toEqual({ role: 'plant_leader', name: { 'zh-CN': '主管厂长或总工程师', en: 'Plant manager in charge or chief engineer' } });
    expect((await call('chief', 'GET', `/permits/${p}`)).body.approver.role).toBe('plant_leader');
    const ok = await call('chief', 'POST', `/permits/${p}/approve`);
    expect([ok.status, ok.body.permit.status, ok.body.permit.approverId]).toEqual([200, 'approved', 'chief']);
    expect(ok.body.events[0].data).toEqual({ role: 'plant_leader' });

    // 20 m with poor light: method B, grade Ⅳ, pointed at the factor; 8 m: grade Ⅱ by height, the specialist department approves.
    const dark = (await call('foreman', 'POST', '/permits', height({ heightM: 20, fallFactors: ['poor_light'] }))).body.permit.permitId;
    expect((await call('specialist', 'POST', `/permits/${dark}/approve`)).body.issues[0].pointer).toBe('/height/fallFactors/0');
    const mid = await call('foreman', 'POST', '/permits', height({ heightM: 8 }));
    expect(mid.body.permit.rule.approverRole).toBe('specialist_department');
    expect((await call('boss', 'POST', `/permits/${mid.body.permit.permitId}/approve`)).body.issues[0].pointer).toBe('/height/heightM');
    expect((await call('specialist', 'POST', `/permits/${mid.body.permit.permitId}/approve`)).status).toBe(200);
  });

  it('hot work: a declared grade is refused; a running tank in a fire/explosion area is 特级 whatever the client says, and its approver applies', async () => {
    goTo(1700);
    const hot = (observed: Record<string, unknown>, o: Record<string, unknown> = {}) => apply({ validFrom: at(1760), hotWork: { situations: [], openAir: false, shutDown: [], ...observed }, ...o });
    const tank = { situations: ['hazardous_area', 'in_service_equipment'] };
    // The attacker declares 二级 for work on a running tank: refused at /grade, nothing applied.
    const before = (await call('grid-g1', 'GET', '/permits?area=D1/G1')).body.items.length;
    for (const grade of ['二级', 'second']) {
      const declared = await call('foreman', 'POST', '/permits', hot(tank, { grade }));
      expect([declared.status, declared.body.code, declared.body.issues[0].pointer]).toEqual([422, 'INVALID_COMMAND', '/grade']);
      expect(declared.body.issues[0].message.en).toMatch(/derived by the server/);
      expect(declared.body.issues[0].message['zh-CN']).toMatch(/由服务器.*推导/);
    }
    const inside = await call('foreman', 'POST', '/permits', hot({ ...tank, grade: 'second' }));
    expect([inside.status, inside.body.issues[0].pointer]).toEqual([422, '/hotWork/grade']);
    const legacy = await call('foreman', 'POST', '/permits', (({ hotWork: _h, ...rest }) => ({ ...rest, grade: 'second' }))(hot({})));
    expect([legacy.status, legacy.body.issues[0].pointer]).toEqual([422, '/grade']);
    const missing = await call('foreman', 'POST', '/permits', (({ hotWork: _h, ...rest }) => rest)(hot({})));
    expect([missing.status, missing.body.code, missing.body.issues[0].pointer]).toEqual([422, 'INVALID_COMMAND', '/hotWork']);
    const unknown = await call('foreman', 'POST', '/permits', hot({ situations: ['running_tank'] }));
    expect([unknown.status, unknown.body.issues[0].pointer]).toEqual([422, '/hotWork/situations/0']);
    const noWind = await call('foreman', 'POST', '/permits', hot({ openAir: true }));
    expect([noWind.status, noWind.body.issues[0].pointer]).toEqual([422, '/hotWork/windForce']);
    expect((await call('grid-g1', 'GET', '/permits?area=D1/G1')).body.items.length).toBe(before);

    // The same job without a grade: the server derives 特级, approved by the principal leader only.
    const applied = await call('foreman', 'POST', '/permits', hot(tank));
    expect(applied.status).toBe(201);
    const p = applied.body.permit.permitId;
    expect(applied.body.permit.rule).toMatchObject({ id: 'gb30871.hot_work.special', grade: 'special', approverRole: 'principal_leader', validityHours: 8 });
    expect(applied.body.permit.hotWork).toEqual({ ...tank, openAir: false, shutDown: [], siteGrade: 'special', downgraded: false, windRaised: false, grade: 'special' });
    expect(applied.body.permit.validUntil).toBe(at(1760 + 8 * 60));
    const view = await call('safety', 'GET', `/permits/${p}`);
    expect(view.body.approver).toEqual({ role: 'principal_leader', name: { 'zh-CN': '主管领导', en: 'Principal leader in charge' } });
    expect(view.body.approval).toMatchObject({ allowed: false, code: 'APPROVER_ROLE' });
    const refused = await call('safety', 'POST', `/permits/${p}/approve`);
    expect([refused.status, refused.body.code, refused.body.issues[0].pointer]).toEqual([403, 'APPROVER_ROLE', '/hotWork/situations/1']);
    expect(refused.body.detail).toContain('in service');
    const zh = await fetch(`${base}/permits/${p}/approve`, { method: 'POST', headers: { 'x-actor': 'safety', 'idempotency-key': 'zh-hot', 'accept-language': 'zh-CN' } });
    expect(((await zh.json()) as { detail: string }).detail).toMatch(/特级动火作业须由主管领导审批.*运行状态下/);
    const ok = await call('boss', 'POST', `/permits/${p}/approve`);
    expect([ok.status, ok.body.permit.status, ok.body.events[0].data]).toEqual([200, 'approved', { role: 'principal_leader' }]);

    // A pipe rack in the open at wind force 6: one grade up (一级 → 特级), pointed at the wind.
    const windy = await call('foreman', 'POST', '/permits', hot({ situations: ['pipe_rack'], openAir: true, windForce: 6 }));
    expect([windy.body.permit.rule.grade, windy.body.permit.hotWork.windRaised]).toEqual(['special', true]);
    expect((await call('safety', 'POST', `/permits/${windy.body.permit.permitId}/approve`)).body.issues[0].pointer).toBe('/hotWork/windForce');

    // A shut-down unit, every condition met: 二级 once the head of production or safety approved the downgrade, then the unit.
    const down = await call('foreman', 'POST', '/permits', hot({ ...tank, shutDown: ['shut_down', 'cleaned', 'purged', 'gas_tested', 'isolated'] }));
    const d = down.body.permit.permitId;
    expect(down.body.permit.rule).toMatchObject({ grade: 'second', approverRole: 'unit', validityHours: 72 });
    expect((await call('boss', 'GET', `/permits/${d}`)).body.approver.role).toBe('production_safety_head');
    const early = await call('boss', 'POST', `/permits/${d}/approve`);
    expect([early.status, early.body.issues[0].pointer]).toEqual([403, '/hotWork/shutDown']);
    const head = await call('chief', 'POST', `/permits/${d}/approve`);
    expect([head.status, head.body.permit.status, head.body.permit.downgradeApproverId, head.body.events[0].type]).toEqual([200, 'applied', 'chief', 'downgrade_approved']);
    expect((await call('boss', 'GET', `/permits/${d}`)).body.approver.role).toBe('unit');
    expect((await call('boss', 'POST', `/permits/${d}/approve`)).body.permit.status).toBe('approved');
  });

  it('a gas test older than the latest one is refused at /sampledAt: an earlier passing sample cannot clear a failing test', async () => {
    goTo(5000);
    const p = (await call('foreman', 'POST', '/permits', apply({ validFrom: at(5000) }))).body.permit.permitId as string;
    expect((await call('safety', 'POST', `/permits/${p}/approve`)).status).toBe(200);
    expect((await call('attendant', 'POST', `/permits/${p}/attendant-present`)).status).toBe(200);
    goTo(5010);
    expect((await call('foreman', 'POST', `/permits/${p}/gas-tests`, reading(5008, { flammablePctVol: 0.9 }))).body.permit.lastTest).toEqual({ sampledAt: at(5008), pass: false });
    const older = await call('foreman', 'POST', `/permits/${p}/gas-tests`, reading(5005, { flammablePctVol: 0.1 }));
    expect([older.status, older.body.code, older.body.issues[0].pointer]).toEqual([422, 'INVALID_TIME', '/sampledAt']);
    expect(older.body.detail).toContain(at(5008));
    const read = await call('foreman', 'GET', `/permits/${p}`);
    expect([read.body.permit.lastTest, read.body.events.length]).toEqual([{ sampledAt: at(5008), pass: false }, 4]);
    expect((await call('foreman', 'POST', `/permits/${p}/start`)).body.code).toBe('NO_PASSING_TEST');
    expect((await call('foreman', 'POST', `/permits/${p}/gas-tests`, reading(5009, { flammablePctVol: 0.1 }))).status).toBe(200);
    expect((await call('foreman', 'POST', `/permits/${p}/start`)).body.permit.status).toBe('in_progress');
  });

  it('a monitoring reading sampled longer ago than the interval (15 min, GB 46768) is refused at /sampledAt and does not keep the job going', async () => {
    goTo(6000);
    const confined = { kind: 'confined_space', grade: 'none', enterpriseId: 'E3', flammableLelPctVol: undefined, validFrom: at(6000) };
    const p = (await call('foreman', 'POST', '/permits', apply(confined))).body.permit.permitId as string;
    expect((await call('boss', 'POST', `/permits/${p}/approve`)).status).toBe(200);
    expect((await call('foreman', 'POST', `/permits/${p}/gas-tests`, reading(5999, { o2PctVol: 20.8, flammablePctLel: 1 }))).status).toBe(200);
    expect((await call('attendant', 'POST', `/permits/${p}/attendant-present`)).status).toBe(200);
    const briefing = { attachments: [{ kind: 'signed_briefing', source: 'paper', recordNo: 'JD-6000' }] };
    expect((await call('foreman', 'POST', `/permits/${p}/start`, briefing)).body.permit.status).toBe('in_progress');
    goTo(6014);
    const old = await call('attendant', 'POST', `/permits/${p}/readings`, reading(5980, { o2PctVol: 20.8, flammablePctLel: 1 }));
    expect([old.status, old.body.code, old.body.issues[0].pointer]).toEqual([422, 'INVALID_TIME', '/sampledAt']);
    expect(old.body.detail).toContain('15 minutes');
    // The interval ran out at 6015 with no reading: the suspension is recorded before the next reading.
    goTo(6015.5);
    const late = await call('attendant', 'POST', `/permits/${p}/readings`, reading(6015, { o2PctVol: 20.8, flammablePctLel: 1 }));
    expect([late.status, late.body.permit.status, late.body.permit.suspendReason]).toEqual([200, 'suspended', 'reading_missed']);
  });

  it('the regime is the directory’s: a declared one is refused, an unstated one refuses the permit, a restaurant gets the general rules', async () => {
    goTo(7000);
    const confined = { kind: 'confined_space', grade: 'none', flammableLelPctVol: undefined, validFrom: at(7000) };
    // A restaurant declaring itself hazchem (GB 30871: a reading every 2 h, no signed briefing) is refused — as is any declaration.
    for (const premises of ['hazchem', 'general']) {
      const declared = await call('foreman', 'POST', '/permits', apply({ ...confined, enterpriseId: 'E3', premises }));
      expect([declared.status, declared.body.code, declared.body.issues.map((i: { pointer: string }) => i.pointer)]).toEqual([422, 'UNKNOWN_FIELD', ['/premises']]);
      expect(declared.body.issues[0].message.en).toContain('directory');
      expect(declared.body.issues[0].message['zh-CN']).toContain('名录');
    }
    const restaurant = await call('foreman', 'POST', '/permits', apply({ ...confined, enterpriseId: 'E3' }));
    expect([restaurant.status, restaurant.body.permit.rule.id, restaurant.body.permit.rule.monitoringIntervalMinutes, restaurant.body.permit.rule.requiredAttachments]).toEqual([
      201,
      'gb46768.confined_space',
      15,
      ['signed_briefing'],
    ]);
    expect(restaurant.body.events[0].data.premises).toBe('general');
    const plant = await call('foreman', 'POST', '/permits', apply({ ...confined, enterpriseId: 'E1', flammableLelPctVol: 5 }));
    expect([plant.status, plant.body.permit.rule.id, plant.body.permit.rule.monitoringIntervalMinutes]).toEqual([201, 'gb30871.confined_space', 120]);
    // Fail closed: the directory's record of E4 does not state its regime — refused at /enterpriseId, nothing written.
    const before = (await call('foreman', 'GET', '/permits?enterpriseId=E4')).body.items.length;
    const unstated = await call('foreman', 'POST', '/permits', apply({ ...confined, enterpriseId: 'E4' }));
    expect([unstated.status, unstated.body.code, unstated.body.issues[0].pointer]).toEqual([422, 'ENTERPRISE_REGIME_UNKNOWN', '/enterpriseId']);
    expect(unstated.body.issues[0].message.en).toContain('does not state its regime');
    expect(unstated.body.issues[0].message['zh-CN']).toContain('危险化学品企业');
    expect((await call('foreman', 'GET', '/permits?enterpriseId=E4')).body.items.length).toBe(before);
  });

  it('every documented status of every permit route was answered, each body matching the served document', async () => {
    // Statuses the story above does not reach on every route, exercised here.
    for (const route of PERMIT_ROUTES.filter((r) => r.method === 'post' && r.path !== '/permits' && !r.path.endsWith('/report'))) {
      const path = route.path.replace('{id}', id);
      await call(null, 'POST', path);
      await call('foreman', 'POST', path, '{nope');
      await call('foreman', 'POST', path, undefined, null);
      await call('owner-e2', 'POST', path);
      await call('owner-e2', 'POST', route.path.replace('{id}', 'pm-none'));
      await call('foreman', 'POST', path, { nope: 1 });
      await call('stranger', 'POST', path);
      await call('foreman', 'POST', path, JSON.stringify({ pad: 'x'.repeat(2_000_000) }));
    }
    // A permit for the remaining 200s and 403s.
    goTo(2000);
    const p = (await call('foreman', 'POST', '/permits', apply({ validFrom: at(2000) }))).body.permit.permitId;
    await call('safety', 'POST', `/permits/${p}/approve`);
    await call('foreman', 'POST', `/permits/${p}/gas-tests`, reading(1999, { flammablePctVol: 0.1 }));
    await call('attendant', 'POST', `/permits/${p}/attendant-present`);
    await call('foreman', 'POST', `/permits/${p}/start`);
    await call('foreman', 'POST', `/permits/${p}/readings`, reading(2000, { flammablePctVol: 0.1 }));
    await call('foreman', 'POST', `/permits/${p}/attendant-left`);
    await call('attendant', 'POST', `/permits/${p}/attendant-present`);
    await call('foreman', 'POST', `/permits/${p}/gas-tests`, reading(2000, { flammablePctVol: 0.1 }));
    await call('foreman', 'POST', `/permits/${p}/resume`);
    await call('owner-e2', 'POST', `/permits/${p}/readings`, reading(2000, { flammablePctVol: 0.1 }));
    for (const path of ['gas-tests', 'start', 'readings', 'attendant-present', 'attendant-left', 'resume', 'close', 'cancel'])
      await call('grid-g1', 'POST', `/permits/${p}/${path}`, path === 'cancel' ? { reason: 'x' } : undefined);
    await call('foreman', 'POST', `/permits/${p}/approve`);
    await call('foreman', 'POST', `/permits/${p}/attendant-present`);
    await call('foreman', 'POST', `/permits/${p}/readings`, reading(2000, { o2PctVol: 20 }));
    await call('foreman', 'POST', `/permits/${p}/cancel`, { reason: 'rain' });
    await call('foreman', 'POST', `/permits/${p}/close`);
    await call('foreman', 'POST', `/permits/${p}/start`);
    await call('foreman', 'POST', `/permits/${p}/attendant-left`);
    await call('foreman', 'POST', `/permits/${p}/resume`);
    await call('foreman', 'POST', `/permits/${p}/gas-tests`, reading(2000, { flammablePctVol: 0.1 }));
    const q = (await call('foreman', 'POST', '/permits', apply({ validFrom: at(2000) }))).body.permit.permitId;
    await call('foreman', 'POST', `/permits/${q}/cancel`, { reason: 'rain' });
    await call('foreman', 'POST', `/permits/${q}/attendant-present`, { nope: 1 });
    await call('attendant', 'POST', `/permits/${q}/attendant-present`);
    await call('foreman', 'POST', `/permits/${q}/readings`, reading(2000, { flammablePctVol: 0.1 }));
    await call('stranger', 'GET', '/permits?area=D1');
    await call('grid-g1', 'GET', `/permits/pm-none`);
    await call(null, 'GET', `/permits/${p}`);
    await call('ghost', 'POST', '/permits', apply({ enterpriseId: 'E404' }));
    const missing: string[] = [];
    for (const route of PERMIT_ROUTES) {
      const seen = SEEN.get(`${route.method.toUpperCase()} ${route.path}`) ?? new Set();
      for (const status of [route.response.status, ...route.errors]) if (!seen.has(status)) missing.push(`${route.method.toUpperCase()} ${route.path} ${status}`);
      for (const status of seen) if (![route.response.status, ...route.errors].includes(status)) missing.push(`undocumented ${route.method.toUpperCase()} ${route.path} ${status}`);
    }
    expect(missing).toEqual([]);
    expect(MISMATCHES).toEqual([]);
  });

  it('an API without the permits option serves no permit paths', async () => {
    const plain = createAnjianApi({
      store: (await import('@anjian/core')).createMemoryStore(),
      directory: createStaticDirectory(ACTORS, [E1]),
      calendar: TEST_CALENDAR_2026,
      packs: [],
      logger: false,
      authenticate: async () => 'foreman',
    });
    expect(Object.keys(plain.openapi.paths as object).some((p) => p.startsWith('/permits'))).toBe(false);
    expect(Object.keys(api.openapi.paths as object).filter((p) => p.startsWith('/api/permits')).length).toBe(14);
    expect((await plain.fetch(new Request('http://x/permits/pm-1'))).status).toBe(404);
  });

  it('the permit part of the document: bilingual descriptions, 4XX documented, every array typed to its items', () => {
    const missing: string[] = [];
    const walk = (v: unknown, at: string): void => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}/${i}`));
      else if (typeof v === 'object' && v !== null) {
        const node = v as Record<string, unknown>;
        if ((node.type === 'array' || (Array.isArray(node.type) && node.type.includes('array'))) && !('items' in node)) missing.push(`${at}: array without items`);
        for (const [k, x] of Object.entries(node)) walk(x, `${at}/${k}`);
      }
    };
    const paths = api.openapi.paths as Record<string, Record<string, { description: string; responses: Record<string, unknown> }>>;
    for (const [path, ops] of Object.entries(paths).filter(([p]) => p.startsWith('/api/permits'))) {
      for (const [method, op] of Object.entries(ops)) {
        if (!/[a-z]{3}/.test(op.description) || !/[\u4e00-\u9fff]/.test(op.description)) missing.push(`${method} ${path}: description`);
        if (!Object.keys(op.responses).some((s) => s.startsWith('4'))) missing.push(`${method} ${path}: 4XX`);
        walk(op, `${method} ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
