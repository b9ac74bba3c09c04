/**
 * The photos of an inspection's items that passed stay with its record, on a real `node:http`
 * server over the file evidence store: the owner of E1 uploads a site photo and submits a
 * compliant self-inspection (no hazard). The photo is bound to the inspection record, so the
 * grid inspector of E1's area (who may read the record) fetches it, another enterprise's owner
 * gets 404, and the expiry tick of unbound uploads (T38) leaves it in place — before, it stayed
 * unbound, its uploader's only, and was deleted after 24 h.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createMemoryStore, createStaticDirectory, type EvidenceStore } from '@anjian/core';
import { createMemoryInspectionLog } from '@anjian/core/internal';
import { createFileEvidenceStore, loadPackFromPath } from '@anjian/core/node';
import { createFixedClock, TEST_ACTORS, TEST_CALENDAR_2026, TEST_ENTERPRISES } from '@anjian/core/testing';
import { createAnjianApi, toNodeHandler } from '../src/index.js';
import { FILE_BYTES } from './harness.js';

let server: Server;
let base: string;
let evidence: EvidenceStore;
const dir = mkdtempSync(join(tmpdir(), 'anjian-inspection-photos-'));
const hotel = (
  parse(readFileSync(new URL('../../../checklists/fire/tests/compliant.yaml', import.meta.url), 'utf8')) as {
    scenarios: Array<{ premises: string; inspectedAt: string; findings: Record<string, unknown> }>;
  }
).scenarios[0]!;

beforeAll(async () => {
  const fire = await loadPackFromPath(new URL('../../../checklists/fire', import.meta.url).pathname);
  if (!fire.ok) throw new Error('checklists/fire does not load');
  evidence = await createFileEvidenceStore(dir);
  const api = createAnjianApi({
    store: createMemoryStore(),
    directory: createStaticDirectory(Object.values(TEST_ACTORS), TEST_ENTERPRISES),
    calendar: TEST_CALENDAR_2026,
    clock: createFixedClock('2026-11-20T06:00:00Z'),
    packs: [fire.pack],
    evidence,
    inspections: createMemoryInspectionLog(),
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
  rmSync(dir, { recursive: true, force: true });
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

describe('the photos of the items an inspection passed, over HTTP', () => {
  it('reach whoever may read the record, 404 for another enterprise, and survive the expiry tick', async () => {
    const photo = await upload('owner-e1');
    expect((await call('grid-g1', 'GET', `/evidence/${photo}`)).status).toBe(404);
    const inspection = { pack: 'fire', premises: hotel.premises, inspectedAt: hotel.inspectedAt, subject: { enterpriseId: 'E1' }, findings: { ...hotel.findings, site_photos: [photo] } };
    const r = await call('owner-e1', 'POST', '/inspections?report=true', inspection, { 'idempotency-key': 'self-compliant' });
    expect(r.status).toBe(200);
    expect(r.body.reports).toEqual([]);
    expect(typeof r.body.inspectionId).toBe('string');

    const seen = await call('grid-g1', 'GET', `/evidence/${photo}?thumb=1`);
    expect(seen.status).toBe(200);
    expect([...seen.body.slice(0, 3)]).toEqual([...FILE_BYTES['image/jpeg'].slice(0, 3)]);
    expect((await call('owner-e1', 'GET', `/evidence/${photo}`)).status).toBe(200);
    const other = await call('owner-e2', 'GET', `/evidence/${photo}`);
    expect([other.status, other.body.code]).toEqual([404, 'EVIDENCE_NOT_FOUND']);

    // The host's scheduler tick, a year on: nothing of the record is unbound, nothing expires.
    expect(await evidence.expireUnbound('2027-11-20T06:00:00Z')).toBe(0);
    expect((await call('grid-g1', 'GET', `/evidence/${photo}`)).status).toBe(200);
  });
});
