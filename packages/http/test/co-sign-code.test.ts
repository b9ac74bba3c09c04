// Two-officer acts over HTTP, against a real server (node:http, SQLite file): the second officer
// generates a co-sign code in his own session and the first officer submits the act with it
// (Co-Sign-Code); the server derives who co-signed from the code. Attacker cases: a reused
// code, an expired one, one for another hazard or act, the officer's own, a body that names
// the second officer, a password-style header, and guessing (limited, in parallel too).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteCoSignCodeStore, createSqliteStore } from '@anjian/store-sqlite';
import { CO_SIGN_POLICY } from '@anjian/core/internal';
import { toNodeHandler } from '../src/index.js';
import { basementLpgInspection, createHarness, MISMATCHES, type Transport } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-co-sign-'));
const servers: Server[] = [];
afterAll(async () => {
  for (const s of servers) await new Promise<void>((done) => s.close(() => done()));
  rmSync(dir, { recursive: true, force: true });
});

/** A real `http.createServer` on an ephemeral port, reached with `fetch`. */
const overNodeServer: Transport = (api) => {
  let base: Promise<string> | undefined;
  return async (request) => {
    base ??= new Promise((resolve) => {
      const server = createServer(toNodeHandler(api)).listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
      servers.push(server);
    });
    const url = new URL(request.url);
    const body = request.method === 'GET' ? undefined : new Uint8Array(await request.arrayBuffer());
    return fetch(`${await base}${url.pathname}${url.search}`, { method: request.method, headers: request.headers, ...(body === undefined ? {} : { body }) });
  };
};

let n = 0;
async function setUp() {
  const h = await createHarness('2026-11-02T01:00:00Z', createSqliteStore({ path: join(dir, `co-sign-${++n}.db`) }), '/api', overNodeServer);
  // A stop order's code binds its scope (decision 010, update): the second officer confirms 'whole'.
  const issue = (officer: string, hazardId: string, act: string) =>
    h.call(officer, 'POST', `/hazards/${hazardId}/co-sign-codes`, { body: act === 'order_stop_work' ? { act, content: { scope: 'whole' } } : { act } });
  const codeOf = async (officer: string, hazardId: string, act: string) => {
    const r = await issue(officer, hazardId, act);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.code as string;
  };
  const act = (actor: string, hazardId: string, body: Record<string, unknown>, code?: string, key = `k-${++n}`) =>
    h.call(actor, 'POST', `/hazards/${hazardId}/commands`, { body, headers: { 'idempotency-key': key, 'co-sign-code': code ?? '' } });
  const events = async () => (await h.store.readLog(1, 1000)).length;
  return { h, issue, codeOf, act, events };
}

const officersOf = (body: { events: { type: string; data: { officers?: { id: string }[] } }[] }, type: string) => body.events.find((e) => e.type === type)?.data.officers?.map((o) => o.id);

describe('co-sign codes over HTTP (real server, SQLite)', () => {
  it('the second officer generates a code in his own session; the first files the case with it; both are recorded, derived from the code', async () => {
    const { h, issue, act } = await setUp();
    const id = await h.seed('H-1', 'officer-gas-d1', { level: 'major' });
    const issued = await issue('officer2-gas-d1', id, 'file_case');
    expect(issued.status).toBe(201);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    expect(issued.body).toMatchObject({ act: 'file_case', hazardId: id, code: expect.stringMatching(/^\d{8}$/) });
    expect(Date.parse(issued.body.expiresAt) - Date.parse('2026-11-02T01:00:00Z')).toBe(CO_SIGN_POLICY.ttlMs);
    const filed = await act('officer-gas-d1', id, { type: 'file_case' }, issued.body.code);
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    expect(officersOf(filed.body, 'case_filed')).toEqual(['officer-gas-d1', 'officer2-gas-d1']);
    expect(MISMATCHES).toEqual([]);
  });

  it('refuses a reused code, an expired one, one for another hazard or act, and the officer’s own — 403 CO_SIGN_CODE_INVALID, bilingual, nothing written', async () => {
    const { h, codeOf, act, events } = await setUp();
    const id = await h.seed('H-2', 'officer-gas-d1', { level: 'major' });
    const other = await h.seed('H-2b', 'officer-gas-d1', { level: 'major' });
    // A code used once is spent; the accepted act's retry (same key) still replays.
    const used = await codeOf('officer2-gas-d1', id, 'file_case');
    expect((await act('officer3-gas-d1', id, { type: 'file_case' }, used, 'case-1')).status).toBe(200);
    const replay = await act('officer3-gas-d1', id, { type: 'file_case' }, used, 'case-1');
    expect([replay.status, replay.headers.get('idempotent-replayed')]).toEqual([200, 'true']);
    const before = await events();
    const reused = await act('officer3-gas-d1', id, { type: 'order_stop_work', scope: 'whole', reason: { 'zh-CN': '停产', en: 'stop' } }, used);
    expect([reused.status, reused.body.code]).toEqual([403, 'CO_SIGN_CODE_INVALID']);
    expect(reused.body.detail).toContain('确认码');
    const inEnglish = await h.call('officer3-gas-d1', 'POST', `/hazards/${id}/commands`, {
      body: { type: 'delist', note: { 'zh-CN': '摘牌' } },
      headers: { 'idempotency-key': 'en-1', 'co-sign-code': used, 'accept-language': 'en' },
    });
    expect([inEnglish.status, inEnglish.body.detail]).toEqual([403, expect.stringContaining('ask the second officer to generate a new one')]);
    const stop = { type: 'order_stop_work', scope: 'whole', reason: { 'zh-CN': '停产', en: 'stop' } };
    // Expired.
    const stale = await codeOf('officer2-gas-d1', id, 'order_stop_work');
    h.clock.advance(CO_SIGN_POLICY.ttlMs + 1000);
    expect((await act('officer3-gas-d1', id, stop, stale)).body.code).toBe('CO_SIGN_CODE_INVALID');
    // For another hazard; for another act.
    expect((await act('officer3-gas-d1', id, stop, await codeOf('officer2-gas-d1', other, 'order_stop_work'))).body.code).toBe('CO_SIGN_CODE_INVALID');
    expect((await act('officer3-gas-d1', id, stop, await codeOf('officer2-gas-d1', id, 'list_for_supervision'))).body.code).toBe('CO_SIGN_CODE_INVALID');
    // His own (after the attempt window: five wrong codes above are his limit).
    h.clock.advance(CO_SIGN_POLICY.windowMs);
    const own = await act('officer3-gas-d1', id, stop, await codeOf('officer3-gas-d1', id, 'order_stop_work'));
    expect([own.status, own.body.code, own.body.detail]).toEqual([403, 'CO_SIGN_CODE_INVALID', expect.stringContaining('你本人生成')]);
    expect(await events()).toBe(before);
  });

  it('a body or query that names the second officer is refused at its field (422 SERVER_ASSIGNED); a colleague’s password header confirms nobody', async () => {
    const { h, codeOf, act, events } = await setUp();
    const id = await h.seed('H-3', 'officer-gas-d1', { level: 'major' });
    const before = await events();
    const named = await act('officer-gas-d1', id, { type: 'file_case', coOfficerId: 'officer2-gas-d1' }, await codeOf('officer2-gas-d1', id, 'file_case'));
    expect([named.status, named.body.issues?.map((i: { code: string; pointer: string }) => [i.code, i.pointer])]).toEqual([422, [['SERVER_ASSIGNED', '/coOfficerId']]]);
    expect(named.body.issues[0].message).toEqual({ 'zh-CN': expect.stringContaining('确认码'), en: expect.stringContaining('co-sign code') });
    // The old header, with a colleague's credential typed on the first officer's page: ignored, so the act has no second officer.
    const password = await h.call('officer-gas-d1', 'POST', `/hazards/${id}/commands`, {
      body: { type: 'file_case' },
      headers: { 'idempotency-key': 'pw', 'co-officer-authorization': `Basic ${btoa('officer2-gas-d1:secret')}` },
    });
    expect([password.status, password.body.code]).toEqual([403, 'SEPARATION_OF_DUTIES']);
    const inspection = await h.call('officer-gas-d1', 'POST', '/inspections?report=true&coOfficerId=officer2-gas-d1', {
      body: basementLpgInspection(),
      headers: { 'idempotency-key': 'insp', 'co-sign-code': '' },
    });
    expect([inspection.status, inspection.body.issues?.[0]?.pointer]).toEqual([422, '/coOfficerId']);
    expect(await events()).toBe(before);
  });

  it('guessing is limited: 20 parallel guesses — 5 checked, 15 answered 429 — then even the right code waits for the window', async () => {
    const { h, codeOf, act, events } = await setUp();
    const id = await h.seed('H-4', 'officer-gas-d1', { level: 'major' });
    const code = await codeOf('officer2-gas-d1', id, 'file_case');
    const wrong = code === '00000000' ? '00000001' : '00000000';
    const before = await events();
    const guesses = await Promise.all(Array.from({ length: 20 }, (_, i) => act('officer-gas-d1', id, { type: 'file_case' }, wrong, `guess-${i}`)));
    const statuses = guesses.map((g) => g.status).sort();
    expect(statuses.filter((s) => s === 403)).toHaveLength(CO_SIGN_POLICY.maxAttempts);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - CO_SIGN_POLICY.maxAttempts);
    const limited = guesses.find((g) => g.status === 429)!;
    expect([limited.body.code, limited.body.detail]).toEqual(['CO_SIGN_CODE_LIMITED', expect.stringContaining('分钟')]);
    expect((await act('officer-gas-d1', id, { type: 'file_case' }, code)).status).toBe(429);
    expect(await events()).toBe(before);
    // Another officer is not locked out by these guesses; after the window the first officer may try again.
    h.clock.advance(CO_SIGN_POLICY.windowMs);
    expect((await act('officer-gas-d1', id, { type: 'file_case' }, await codeOf('officer2-gas-d1', id, 'file_case'))).status).toBe(200);
  });

  it('only an enforcement officer with jurisdiction generates a code; a hazard he may not read is a 404; an unknown act a located 422', async () => {
    const { h, issue } = await setUp();
    const id = await h.seed('H-5', 'officer-gas-d1', { level: 'major' });
    expect((await issue('grid-g1', id, 'file_case')).status).toBe(403);
    expect((await issue('officer-gas-d2', id, 'file_case')).status).toBe(404);
    expect((await issue('owner-e2', id, 'file_case')).status).toBe(404);
    const unknown = await issue('officer2-gas-d1', id, 'submit_rectification');
    expect([unknown.status, unknown.body.issues?.[0]?.pointer]).toEqual([422, '/act']);
    const extra = await h.call('officer2-gas-d1', 'POST', `/hazards/${id}/co-sign-codes`, { body: { act: 'file_case', officerId: 'officer3-gas-d1' } });
    expect([extra.status, extra.body.issues?.[0]?.pointer]).toEqual([422, '/officerId']);
  });

  it('an officer’s inspection is co-signed once for its enterprise: both officers on every report', async () => {
    const { h } = await setUp();
    const issued = await h.call('officer2-gas-d1', 'POST', '/enterprises/E1/co-sign-codes', { body: { act: 'report' } });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const r = await h.call('officer-gas-d1', 'POST', '/inspections?report=true', { body: basementLpgInspection(), headers: { 'idempotency-key': 'insp-1', 'co-sign-code': issued.body.code } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.reports.every((x: { ok: boolean }) => x.ok)).toBe(true);
    const hazard = await h.call('officer-gas-d1', 'GET', `/hazards/${r.body.reports[0].hazardId}`);
    expect(hazard.body.history[0].data.officers.map((o: { id: string }) => o.id)).toEqual(['officer-gas-d1', 'officer2-gas-d1']);
    // The retry replays without a new code; another inspection cannot reuse it.
    const retry = await h.call('officer-gas-d1', 'POST', '/inspections?report=true', { body: basementLpgInspection(), headers: { 'idempotency-key': 'insp-1', 'co-sign-code': issued.body.code } });
    expect([retry.status, retry.body.reports[0].replayed]).toEqual([200, true]);
    const again = await h.call('officer-gas-d1', 'POST', '/inspections?report=true', { body: basementLpgInspection(), headers: { 'idempotency-key': 'insp-2', 'co-sign-code': issued.body.code } });
    expect([again.status, again.body.code]).toEqual([403, 'CO_SIGN_CODE_INVALID']);
  });
});

describe('co-sign codes shared by two servers on one SQLite file (createSqliteCoSignCodeStore)', () => {
  it('a code given through one server confirms the act through the other; 20 parallel guesses spread over both — 5 checked, 15 answered 429', async () => {
    const path = join(dir, `co-sign-shared-${++n}.db`);
    const server = () => createHarness('2026-11-02T01:00:00Z', createSqliteStore({ path }), '/api', overNodeServer, { coSignCodes: createSqliteCoSignCodeStore({ path }) });
    const [a, b] = [await server(), await server()];
    const id = await a.seed('H-SH', 'officer-gas-d1', { level: 'major' });
    const code = async (h: typeof a) => {
      const r = await h.call('officer2-gas-d1', 'POST', `/hazards/${id}/co-sign-codes`, { body: { act: 'file_case' } });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.code as string;
    };
    const act = (h: typeof a, c: string, key: string) =>
      h.call('officer-gas-d1', 'POST', `/hazards/${id}/commands`, { body: { type: 'file_case' }, headers: { 'idempotency-key': key, 'co-sign-code': c } });
    const right = await code(a);
    const wrong = right === '00000000' ? '00000001' : '00000000';
    const guesses = await Promise.all(Array.from({ length: 20 }, (_, i) => act(i % 2 === 0 ? a : b, wrong, `shared-guess-${i}`)));
    const statuses = guesses.map((g) => g.status);
    expect(statuses.filter((s) => s === 403)).toHaveLength(CO_SIGN_POLICY.maxAttempts);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - CO_SIGN_POLICY.maxAttempts);
    // After the window, the code server A gave (generated again: the first has expired) files the case through server B.
    a.clock.advance(CO_SIGN_POLICY.windowMs);
    b.clock.advance(CO_SIGN_POLICY.windowMs);
    const filed = await act(b, await code(a), 'shared-file');
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    expect(officersOf(filed.body as never, 'case_filed')).toEqual(['officer-gas-d1', 'officer2-gas-d1']);
  });
});
