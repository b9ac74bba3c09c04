// Attacker pass 2026-12 (3): what still broke against a real server process (attack-server.ts) over
// HTTP, replayed. What was tried and held is in docs/security.md (the pass of 2026-12-07, third).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPTIONAL_ROUTES, ROUTES } from '../../src/route-table.js';
import { type AttackServer, pngBytes, startAttackServer } from './attack-harness.js';
import { Attacker, Figures } from './attack-flows.js';

let server: AttackServer;
let a: Attacker;
const figures = new Figures();

beforeAll(async () => {
  server = await startAttackServer();
  a = new Attacker(server, figures);
});
afterAll(async () => {
  console.log(figures.table('Attacker pass 2026-12 (3), real server process over HTTP'));
  await server?.stop();
});

describe('authenticated answers are not kept by a cache (docs/security.md T67)', () => {
  // Every read of the API answers what one actor may read — its hazards, an enterprise's file with its
  // legal representative, the queues, the audit — and answered with no Cache-Control at all: a browser
  // keeps such an answer in its disk cache (it has no validator, so it revalidates, but it is stored),
  // where the next user of a shared office computer or anyone reading the profile folder finds it after
  // the officer signed out; a shared cache in front of a cookie-session host may store it for others.
  // T62 made the downloads no-store; the JSON reads were left as they were.
  it('every GET route of the table, as a reader and anonymously, answers Cache-Control: no-store (whatever its status)', async () => {
    const hazardId = await a.rectifyingGeneral();
    const evidenceId = await a.uploaded('owner-e1', { hazardId });
    const values: Record<string, string> = {
      id: hazardId,
      kind: 'rectification_notice',
      number: '2026-1',
      code: 'ABCDE-FGHJK',
      role: 'enterprise',
      enterpriseId: 'E1',
      roundId: 'R-none',
      premisesId: 'P5',
      evidenceId,
    };
    const gets = [...ROUTES, ...Object.values(OPTIONAL_ROUTES).flat()].filter((r) => r.method === 'get');
    expect(gets.length).toBeGreaterThan(20);
    const answered: string[] = [];
    for (const route of gets) {
      const path = `/api${route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(route.path === '/evidence/{id}' ? evidenceId : (values[name] ?? 'x')))}`;
      for (const actor of ['owner-e1', 'admin-gas', null]) {
        const reply = figures.record('cache headers', await server.call(actor, 'GET', path));
        // The periodic reports keep their revalidated private caching (area statistics, T62) when they answer.
        const expected = route.path === '/reports/{kind}' && reply.status === 200 ? 'private, no-cache' : 'no-store';
        expect(reply.headers.get('cache-control'), `${actor ?? 'anonymous'} GET ${path}: ${reply.status}`).toBe(expected);
        if (reply.status === 200) answered.push(`${actor} ${route.path}`);
      }
    }
    // The check read real answers, not only refusals: the hazard, its list, the file, the evidence, the queues …
    for (const read of ['owner-e1 /hazards', 'owner-e1 /hazards/{id}', 'owner-e1 /enterprises/{enterpriseId}/file', 'owner-e1 /evidence/{id}', 'owner-e1 /queues/{role}']) {
      expect(answered).toContain(read);
    }
    expect(answered.length).toBeGreaterThan(10);
  });

  it('a refusal before any route (401 of an upload, 404, 405) is no-store too', async () => {
    for (const [method, path] of [
      ['POST', '/api/evidence'],
      ['GET', '/api/no-such-route'],
      ['DELETE', '/api/hazards'],
    ] as const) {
      const reply = await server.call(null, method, path);
      expect([reply.status >= 400, reply.headers.get('cache-control')], `${method} ${path}`).toEqual([true, 'no-store']);
    }
  });
});

describe('a POST a page of another site sends (docs/security.md T69)', () => {
  // A JSON body must be application/json and an upload an image or PDF type (T57), which a page of
  // another site cannot send without a CORS preflight; but a POST with no body and no custom header
  // — a document's issue, a permit's findings report — is a simple request, sent with the cookie, the
  // Basic credentials or the client certificate the browser adds by itself. The browser marks such a
  // request Sec-Fetch-Site: cross-site (a page cannot set the header); the API now refuses it before
  // authenticate and before reading the body, on every POST that needs an actor.
  const crossSite = { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' };
  it('cross-site: 403 FORBIDDEN saying why, in both languages, nothing stored; same-origin, same-site and no header still act', async () => {
    const hazardId = await a.rectifyingGeneral();
    const extension = { type: 'request_extension', extension: { days: 3 }, reason: { 'zh-CN': '等待配件', en: 'waiting for parts' } };
    const before = server.counts();
    const command = await a.unchanged(() => a.command('cross-site POST', 'owner-e1', hazardId, extension, crossSite));
    expect([command.status, command.body.code], command.text).toEqual([403, 'FORBIDDEN']);
    expect(command.body.detail).toMatch(/Sec-Fetch-Site/);
    const english = await a.command('cross-site POST', 'owner-e1', hazardId, extension, { ...crossSite, 'accept-language': 'en' });
    expect(english.body.detail).toMatch(/another site/);
    // An upload and a tenancy's start, refused alike; the upload is not stored.
    const files = () => readdirSync(join(server.dataDir, 'evidence'), { recursive: true }).length;
    const filesBefore = files();
    const upload = figures.record(
      'cross-site POST',
      await server.call('owner-e1', 'POST', `/api/hazards/${hazardId}/evidence`, { body: pngBytes(), headers: { ...crossSite, 'content-type': 'image/png' } }),
    );
    const tenancy = figures.record(
      'cross-site POST',
      await server.call('admin-gas', 'POST', '/api/premises/P5/tenancies', { body: { tenantEnterpriseId: 'E1' }, headers: { ...crossSite, 'idempotency-key': 'cross-site-tenancy' } }),
    );
    expect([upload.status, tenancy.status], `${upload.text} ${tenancy.text}`).toEqual([403, 403]);
    expect(server.counts()).toEqual(before);
    expect(files(), 'no file stored').toBe(filesBefore);
    // Refused before authentication: an anonymous cross-site POST is the same 403, not a 401 challenge.
    expect((await server.call(null, 'POST', `/api/hazards/${hazardId}/commands`, { body: extension, headers: crossSite })).status).toBe(403);
    // What a page of the same site (or a client that is not a browser) sends goes through.
    for (const site of ['same-origin', 'same-site', 'none', null]) {
      const reply = await a.command(
        'same-site POST',
        'owner-e1',
        hazardId,
        { type: 'request_extension', extension: { days: 2 }, reason: { 'zh-CN': '等待配件' } },
        site === null ? {} : { 'sec-fetch-site': site },
      );
      // The first one asks for the extension; the next ones find it pending (422): neither is a cross-site refusal.
      expect(reply.status === 200 || reply.body.code === 'EXTENSION_PENDING', `${site}: ${reply.text}`).toBe(true);
    }
    // A GET from another site (a link, an image) is a read the browser's CORS rules keep from the page: not refused here.
    expect((await server.call('owner-e1', 'GET', `/api/hazards/${hazardId}`, { headers: crossSite })).status).toBe(200);
  });
});
