/**
 * A client generated from the OpenAPI document (openapi-typescript types, committed in
 * `client/anjian-api.ts`, + openapi-fetch) runs a whole general and a whole major hazard
 * flow against a real `node:http` server. Every response passes through the contract
 * check of the harness (`recordSeen`: the body against the served document, strictly), so
 * a shape the document does not describe fails here as well as in contract.test.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coSignContentFields } from '@anjian/core/internal';
import { verifyChain } from '@anjian/core/audit';
import { treatmentPlan } from '@anjian/core/testing';
import { toNodeHandler } from '../src/index.js';
import type { components, paths } from './client/anjian-api.js';
import { generateTypes } from './client/generate-types.js';
import { basementLpgInspection, createHarness, FILE_BYTES, MISMATCHES, noAlarmInspection, recordSeen, type Harness } from './harness.js';

const TYPES = fileURLToPath(new URL('./client/anjian-api.ts', import.meta.url));

describe('the generated client types', () => {
  it('are current: openapi-typescript on the served document gives the committed file', async () => {
    const generated = await generateTypes();
    if (process.env.UPDATE_OPENAPI_TYPES) writeFileSync(TYPES, generated);
    expect(readFileSync(TYPES, 'utf8'), 'run UPDATE_OPENAPI_TYPES=1 npx vitest run packages/http/test/generated-client.test.ts').toBe(generated);
  }, 60_000);
});

type Api = Client<paths>;
type Inspection = paths['/api/inspections']['post']['requestBody']['content']['application/json'];
type Command = paths['/api/hazards/{id}/commands']['post']['requestBody']['content']['application/json'];
const reason = (zh: string, en: string): components['schemas']['LocalizedText'] => ({ 'zh-CN': zh, en });

let h: Harness;
let server: Server;
let baseUrl: string;
const before = MISMATCHES.length;

/** Every response the client receives is checked against the document, as the harness's calls are. */
const contract: Middleware = {
  async onResponse({ request, response }) {
    const type = response.headers.get('content-type') ?? '';
    const body = type.includes('json') ? await response.clone().json() : new Uint8Array(await response.clone().arrayBuffer());
    recordSeen(h.api.openapi, request.method, request.url.replace(baseUrl, 'http://test.local'), response.status, body, '/api', type);
  },
};

/** A client acting as `actor` (header x-actor: the test host's stand-in for a session). */
function as(actor: string): Api {
  const client = createClient<paths>({ baseUrl, headers: { 'x-actor': actor } });
  client.use(contract);
  return client;
}

/** The co-sign code `officer` generates in his own session for `body`'s act on hazard `id`, confirming the fields the act binds. */
async function coSignCode(officer: string, id: string, body: Command): Promise<string> {
  const fields = coSignContentFields(body.type);
  const content = Object.fromEntries(fields.map((f) => [f, (body as Record<string, unknown>)[f]]));
  const r = await as(officer).POST('/api/hazards/{id}/co-sign-codes', { params: { path: { id } }, body: (fields.length === 0 ? { act: body.type } : { act: body.type, content }) as never });
  expect(r.response.status, JSON.stringify(r.error)).toBe(201);
  return r.data!.code;
}

async function command(actor: string, id: string, key: string, body: Command, version: number, secondOfficer?: string) {
  // The second officer confirms from his own session: his co-sign code goes with the act.
  const code = secondOfficer === undefined ? undefined : await coSignCode(secondOfficer, id, body);
  const header = { 'Idempotency-Key': key, 'If-Match': `"${version}"`, ...(code === undefined ? {} : { 'Co-Sign-Code': code }) };
  const r = await as(actor).POST('/api/hazards/{id}/commands', { params: { path: { id }, header }, body });
  expect(r.response.status, `${actor} ${body.type}: ${JSON.stringify(r.error)}`).toBe(200);
  return r.data!;
}

async function upload<K extends components['schemas']['AttachedEvidence']['kind']>(actor: string, id: string, kind: K, n = 1) {
  const mime = kind === 'document' ? 'application/pdf' : 'image/jpeg';
  // Each kind as given: a command's body takes only its own kinds (a rectification no photo_review).
  const refs: { id: string; kind: K }[] = [];
  for (let i = 0; i < n; i++) {
    const bytes = new Uint8Array([...FILE_BYTES[mime], ...new TextEncoder().encode(`${kind}-${i}-${crypto.randomUUID()}`)]);
    const r = await as(actor).POST('/api/hazards/{id}/evidence', {
      params: { path: { id } },
      body: bytes as unknown as string,
      bodySerializer: (b: unknown) => b as BodyInit,
      headers: { 'content-type': mime },
    });
    expect(r.response.status, JSON.stringify(r.error)).toBe(201);
    refs.push({ id: r.data!.id, kind });
  }
  return refs;
}

beforeAll(async () => {
  h = await createHarness('2026-11-02T01:00:00Z');
  server = createServer(toNodeHandler(h.api));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('a generated client (openapi-typescript + openapi-fetch) against a running server', () => {
  it('general: self-inspection → notice → evidence → rectification → verify → close', async () => {
    const found = await as('owner-e1').POST('/api/inspections', {
      params: { query: { report: 'true' }, header: { 'Idempotency-Key': 'client-self-check-1' } },
      body: noAlarmInspection() as Inspection,
    });
    expect(found.response.status).toBe(200);
    expect(found.data!.classification.summary.highest).toBe('general');
    const id = found.data!.reports![0]!.hazardId;

    const queue = await as('owner-e1').GET('/api/queues/{role}', { params: { path: { role: 'enterprise' } } });
    expect(queue.data!.items.map((i) => i.hazardId)).toContain(id);
    const notice = await command('grid-g1', id, 'client-notice-1', { type: 'issue_notice' }, 1);
    const issued = notice.events[0]!;
    expect(issued.type === 'notice_issued' && issued.data.deadline).toBe('2026-11-11T15:59:59.999Z');

    h.clock.set('2026-11-04T01:30:00Z');
    const photos = [...(await upload('owner-e1', id, 'photo_before')), ...(await upload('owner-e1', id, 'photo_after', 2))];
    h.clock.set('2026-11-04T02:00:00Z');
    await command('owner-e1', id, 'client-rectify-1', { type: 'submit_rectification', evidence: photos, note: reason('已安装报警器', 'alarm installed') }, 2);
    h.clock.set('2026-11-05T02:00:00Z');
    await command('grid-g1', id, 'client-verify-1', { type: 'verify', note: reason('现场复查合格', 'checked on site') }, 3);
    const closed = await command('grid-g1', id, 'client-close-1', { type: 'close' }, 4);
    expect(closed.version).toBe(5);

    const detail = await as('owner-e1').GET('/api/hazards/{id}', { params: { path: { id } } });
    expect(detail.data!.state).toMatchObject({ status: 'closed', closedBy: 'grid-g1' });
    expect(detail.data!.history.map((e) => e.type)).toEqual(['reported', 'notice_issued', 'rectification_submitted', 'verified', 'closed']);
    const file = await as('owner-e1').GET('/api/evidence/{id}', { params: { path: { id: photos[0]!.id } }, parseAs: 'arrayBuffer' });
    expect(file.response.status).toBe(200);
    const trail = await as('owner-e1').GET('/api/hazards/{id}/audit', { params: { path: { id } } });
    expect(trail.data!.ok).toBe(true);
    const refused = await as('owner-e1').GET('/api/hazards/{id}', { params: { path: { id: 'no-such-hazard' } } });
    expect(refused.error).toMatchObject({ status: 404, code: 'HAZARD_NOT_FOUND' });
  });

  it('major: two officers file the case and stop work, plan, rectification with documents, acceptance and close by other officers', async () => {
    h.clock.set('2026-11-02T01:00:00Z');
    const found = await as('officer-gas-d1').POST('/api/inspections', {
      params: { query: { report: 'true' }, header: { 'Idempotency-Key': 'client-patrol-1' } },
      body: basementLpgInspection() as Inspection,
    });
    expect(found.response.status).toBe(200);
    const report = found.data!.reports![0]!;
    expect(report.rule).toBe('DEMO-001-H1');
    const id = report.hazardId;
    const queue = await as('officer-gas-d1').GET('/api/queues/{role}', { params: { path: { role: 'enforcement' } } });
    expect(queue.data!.items.map((i) => i.hazardId)).toContain(id);

    await command('officer-gas-d1', id, 'client-case-1', { type: 'file_case' }, 1, 'officer2-gas-d1');
    await command('officer-gas-d1', id, 'client-stop-1', { type: 'order_stop_work', scope: 'whole', reason: reason('立即停止使用液化气', 'stop using LPG at once') }, 2, 'officer2-gas-d1');
    h.clock.advance(86_400_000);
    await command('owner-e1', id, 'client-plan-1', { type: 'submit_plan', plan: treatmentPlan('2026-11-20T09:00:00.000Z') }, 3);
    await command('officer2-gas-d1', id, 'client-approve-1', { type: 'approve_plan' }, 4);
    h.clock.set('2026-11-10T01:00:00Z');
    const evidence = [...(await upload('owner-e1', id, 'photo_before')), ...(await upload('owner-e1', id, 'photo_after', 3)), ...(await upload('owner-e1', id, 'document'))];
    h.clock.set('2026-11-10T02:00:00Z');
    await command('owner-e1', id, 'client-rectify-m', { type: 'submit_rectification', evidence }, 5);
    h.clock.set('2026-11-12T02:00:00Z');
    const byReporter: Command = { type: 'accept', note: reason('验收', 'accepted') };
    const refused = await as('officer-gas-d1').POST('/api/hazards/{id}/commands', {
      params: { path: { id }, header: { 'Idempotency-Key': 'client-accept-by-reporter', 'Co-Sign-Code': await coSignCode('officer3-gas-d1', id, byReporter) } },
      body: byReporter,
    });
    expect(refused.error).toMatchObject({ status: 403 });
    await command('officer2-gas-d1', id, 'client-accept-1', { type: 'accept', note: reason('现场验收合格', 'accepted on site') }, 6, 'officer3-gas-d1');
    const closed = await command('officer3-gas-d1', id, 'client-close-m', { type: 'close', note: reason('销号', 'written off') }, 7, 'officer2-gas-d1');
    const event = closed.events[0]!;
    expect(event.type === 'closed' && event.data.officers?.map((o) => o.id)).toEqual(['officer3-gas-d1', 'officer2-gas-d1']);

    const detail = await as('officer2-gas-d1').GET('/api/hazards/{id}', { params: { path: { id } } });
    expect(detail.data!.state).toMatchObject({ status: 'closed', level: 'major', acceptedBy: 'officer2-gas-d1', closedBy: 'officer3-gas-d1', stopWork: 'whole' });
    expect(detail.data!.history.map((e) => e.type)).toEqual(['reported', 'case_filed', 'stop_work_ordered', 'plan_submitted', 'plan_approved', 'rectification_submitted', 'accepted', 'closed']);
    const stats = await as('admin-gas').GET('/api/stats', { params: { query: { level: 'major' } } });
    expect(stats.data).toMatchObject({ closed: 1, closureRate: 1 });
    const audit = await as('admin-gas').GET('/api/audit/verify');
    expect(audit.data!.ok).toBe(true);
    expect(verifyChain(await h.store.readLog(1, 100)).ok).toBe(true);
  });

  it('every response the client received matched the document', () => {
    expect(MISMATCHES.slice(before)).toEqual([]);
  });
});
