/**
 * The photos of an inspection's answers reach whoever reviews its hazards, on a real
 * `node:http` server: an enterprise's self-inspection names its site photo in the fire pack's
 * `site_photos` answer; the server attaches it to the hazard of the item that asks it and
 * records the inspection in the `reported` event, so the grid inspector (who may read the
 * hazard, not the uploader) sees the photo and the record. An answer naming someone else's
 * upload is a located 422 and nothing is reported.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createMemoryEvidenceStore, createMemoryStore, createStaticDirectory } from '@anjian/core';
import { createMemoryInspectionLog } from '@anjian/core/internal';
import type { InspectionLog } from '@anjian/core/ports';
import { loadPackFromPath } from '@anjian/core/node';
import { createFixedClock, TEST_ACTORS, TEST_CALENDAR_2026, TEST_ENTERPRISES } from '@anjian/core/testing';
import { createAnjianApi, toNodeHandler } from '../src/index.js';
import { FILE_BYTES } from './harness.js';

let server: Server;
const inspections: InspectionLog = createMemoryInspectionLog();
let base: string;
const hotel = (
  parse(readFileSync(new URL('../../../checklists/fire/tests/compliant.yaml', import.meta.url), 'utf8')) as {
    scenarios: Array<{ premises: string; inspectedAt: string; findings: Record<string, unknown> }>;
  }
).scenarios[0]!;

beforeAll(async () => {
  const fire = await loadPackFromPath(new URL('../../../checklists/fire', import.meta.url).pathname);
  if (!fire.ok) throw new Error('checklists/fire does not load');
  const api = createAnjianApi({
    store: createMemoryStore(),
    directory: createStaticDirectory(Object.values(TEST_ACTORS), TEST_ENTERPRISES),
    calendar: TEST_CALENDAR_2026,
    clock: createFixedClock('2026-11-20T06:00:00Z'),
    packs: [fire.pack],
    evidence: createMemoryEvidenceStore(),
    inspections,
    basePath: '/api',
    logger: false,
    authenticate: async (request) => request.headers.get('x-actor'),
  });
  server = createServer(toNodeHandler(api));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function call(actor: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const raw = body instanceof Uint8Array;
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'x-actor': actor, ...(body === undefined ? {} : { 'content-type': raw ? 'image/jpeg' : 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: raw ? (body as BodyInit) : JSON.stringify(body) }),
  });
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, body: (type.includes('json') ? await res.json() : new Uint8Array(await res.arrayBuffer())) as Record<string, unknown> & Uint8Array };
}
const upload = async (actor: string) => (await call(actor, 'POST', '/evidence', new Uint8Array([...FILE_BYTES['image/jpeg'], ...new TextEncoder().encode(actor + Math.random())]))).body.id as string;
const inspection = (photos: string[]) => ({
  pack: 'fire',
  premises: hotel.premises,
  inspectedAt: hotel.inspectedAt,
  subject: { enterpriseId: 'E1' },
  findings: { ...hotel.findings, exit_obstruction: 'locked', site_photos: photos },
});

describe("an inspection's answer photos over HTTP", () => {
  it("refuses an answer naming the grid inspector's upload, located in both languages, and reports nothing", async () => {
    const theirs = await upload('grid-g1');
    const r = await call('owner-e1', 'POST', '/inspections?report=true', inspection([theirs]), { 'idempotency-key': 'self-theirs', 'accept-language': 'zh-CN' });
    expect(r.status).toBe(422);
    const issues = r.body.issues as Array<{ code: string; pointer: string; message: { 'zh-CN': string; en: string } }>;
    expect(issues.map((i) => [i.code, i.pointer])).toEqual([['EVIDENCE_INVALID', '/findings/site_photos/0']]);
    expect(issues[0]!.message['zh-CN']).toContain('不是你上传的');
    expect(issues[0]!.message.en).toContain('uploaded by someone else');
    expect(((await call('owner-e1', 'GET', '/hazards')).body.items as unknown[]).length).toBe(0);
  });

  it('attaches the site photo to the hazard and names the inspection: the grid inspector sees both', async () => {
    const photo = await upload('owner-e1');
    // Before the report the upload is its uploader's only.
    expect((await call('grid-g1', 'GET', `/evidence/${photo}`)).status).toBe(404);
    const r = await call('owner-e1', 'POST', '/inspections?report=true', inspection([photo]), { 'idempotency-key': 'self-mine' });
    expect(r.status).toBe(200);
    const inspectionId = r.body.inspectionId as string;
    const [report] = r.body.reports as Array<{ hazardId: string; ok: boolean }>;
    expect(report?.ok).toBe(true);

    const hazard = await call('grid-g1', 'GET', `/hazards/${report!.hazardId}`);
    expect(hazard.status).toBe(200);
    const reported = (hazard.body.history as Array<{ type: string; data: { inspectionId?: string; evidence: Array<{ id: string; kind: string }> } }>)[0]!;
    expect(reported.type).toBe('reported');
    expect(reported.data.inspectionId).toBe(inspectionId);
    expect((await inspections.readInspection(inspectionId))?.hazards.map((h) => h.hazardId)).toEqual([report!.hazardId]);
    expect(reported.data.evidence.map((e) => [e.id, e.kind])).toEqual([[photo, 'photo_before']]);
    const bytes = await call('grid-g1', 'GET', `/evidence/${photo}`);
    expect(bytes.status).toBe(200);
    expect([...bytes.body.slice(0, 3)]).toEqual([...FILE_BYTES['image/jpeg'].slice(0, 3)]);
    // Someone who may not read the hazard still gets a 404 for its photo.
    expect((await call('owner-e2', 'GET', `/evidence/${photo}`)).status).toBe(404);
  });
});
