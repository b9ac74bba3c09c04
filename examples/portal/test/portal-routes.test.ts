/**
 * Contract of the portal's own routes (everything outside `/api`, which has its own contract
 * tests in packages/http): the static UI and its path checks, the demo users, the browser
 * bundles, evidence uploads through the portal's session, and the idempotent seed — against a real SQLite file.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNKNOWN_ACTOR_DETAIL } from '@anjian/http';
import { createPortal, type Portal } from '../src/create-portal.js';
import { demoPng } from '../src/demo-png.js';
import { DEMO_USERS } from '../src/demo-users.js';

let dataDir: string;
let portal: Portal;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'anjian-portal-routes-'));
  portal = await createPortal({ dataDir, seed: false, trustIdentityHeader: true });
}, 60_000);

afterAll(async () => {
  await portal?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) => portal.fetch(new Request(`http://portal.test${path}`, { headers }));
const put = (path: string, body: Uint8Array<ArrayBuffer> | string, headers: Record<string, string> = {}) => portal.fetch(new Request(`http://portal.test${path}`, { method: 'PUT', body, headers }));
const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

async function expectProblem(res: Response, status: number, code: string): Promise<{ title: string; detail: string }> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as { code: string; status: number; title: string; detail: string };
  expect(body).toMatchObject({ code, status });
  return body;
}

describe('static UI', () => {
  it('serves the page at / and its assets with their content types', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<main id="app">');
    const css = await get('/style.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get('/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers unknown pages with a 404 problem in the client language', async () => {
    expect((await expectProblem(await get('/nope.html'), 404, 'NOT_FOUND')).title).toBe('没有这个页面。');
    expect((await expectProblem(await get('/nope.html', { 'accept-language': 'en' }), 404, 'NOT_FOUND')).title).toBe('No such page.');
  });

  it('never serves a file outside public/, however the path is written', async () => {
    for (const path of ['/../src/server.ts', '/%2e%2e/src/server.ts', '/..%2fsrc%2fserver.ts', '/%2e%2e%5csrc%5cserver.ts', '/../../../package.json']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('createPortal');
    }
  });

  it('rejects a malformed percent-encoding with 400, not a crash', async () => {
    await expectProblem(await get('/%E0%A4%A'), 400, 'BAD_PATH');
  });

  it('answers writes to pages with 405 and Allow', async () => {
    const res = await portal.fetch(new Request('http://portal.test/index.html', { method: 'POST', body: 'x' }));
    await expectProblem(res, 405, 'METHOD_NOT_ALLOWED');
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('GET /demo/users', () => {
  it('lists every demo login with its home page and scope, and the demo enterprises', async () => {
    const body = (await (await get('/demo/users')).json()) as { users: { id: string; home: string; roles: string[] }[]; enterprises: { id: string }[] };
    expect(body.users.map((u) => u.id)).toEqual(DEMO_USERS.map((u) => u.profile.id));
    expect(new Set(body.users.map((u) => u.home))).toEqual(new Set(['enterprise', 'grid', 'enforcement', 'dashboard']));
    expect(body.enterprises.map((e) => e.id)).toContain('ent-ruyi');
  });
});

describe('browser bundles', () => {
  it('serves ECharts under a hashed name, cached for a year, through a small revalidated module; compressed', async () => {
    const stub = await get('/vendor/echarts.js');
    expect(stub.headers.get('cache-control')).toBe('no-cache');
    const hashed = /\.\/(echarts\.[0-9a-f]{16}\.js)/.exec(await stub.text())![1]!;
    const plain = await get(`/vendor/${hashed}`);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const size = (await plain.arrayBuffer()).byteLength;
    const br = await get(`/vendor/${hashed}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(Number(br.headers.get('content-length'))).toBeLessThan(size / 3);
    const gz = await get(`/vendor/${hashed}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    // revalidation of a stable name answers 304 without a body
    const again = await get('/vendor/echarts.js', { 'if-none-match': stub.headers.get('etag')! });
    expect(again.status).toBe(304);
    const page = await get('/', { 'accept-encoding': 'br' });
    expect(page.headers.get('content-encoding')).toBe('br');
    // the page (its inlined bundle) reaches ECharts only through the dashboard's dynamic import
    const text = await (await get('/')).text();
    expect(text).not.toContain(hashed);
    expect(text).toContain('import("/vendor/echarts.js")');
  });

  it("serves core's checkFindings, which gives the browser the server's own messages", async () => {
    const res = await get('/vendor/anjian-core.js');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const file = join(dataDir, 'anjian-core.mjs');
    writeFileSync(file, await res.text());
    const { checkFindings } = (await import(pathToFileURL(file).href)) as { checkFindings: (pack: unknown, inspection: unknown) => { code: string; pointer?: string; message: unknown }[] };

    const pack = await (await get('/api/packs/demo-kitchen')).json();
    const inspection = {
      pack: 'demo-kitchen',
      premises: 'restaurant',
      subject: { enterpriseId: 'ent-lvyuan' },
      inspectedAt: '2026-11-02T09:00:00+08:00',
      findings: { gas_type: 'natural_gas', below_ground: false, alarm_installed: true, alarm_working: true, hose_length_m: 80 },
    };
    const inBrowser = checkFindings(pack, inspection).filter((i) => (i as { severity?: string }).severity === 'error');
    expect(inBrowser.map((i) => i.pointer)).toContain('/findings/hose_length_m');

    const server = await portal.fetch(
      new Request('http://portal.test/api/inspections', {
        method: 'POST',
        body: JSON.stringify(inspection),
        headers: { 'content-type': 'application/json', 'x-demo-user': 'owner-lvyuan' },
      }),
    );
    const problem = (await expectProblem(server, 422, (await server.clone().json()).code)) as unknown as { issues: { pointer?: string; message: unknown }[] };
    const byPointer = (list: { pointer?: string; message: unknown }[]) => Object.fromEntries(list.map((i) => [i.pointer, i.message]));
    expect(byPointer(inBrowser)).toEqual(byPointer(problem.issues));
  });

  it("serves core's readScopes: the dashboard asks for the outbox and the SMS log exactly when the server shows them", async () => {
    const file = join(dataDir, 'anjian-core-read.mjs');
    writeFileSync(file, await (await get('/vendor/anjian-core.js')).text());
    const { readScopes } = (await import(pathToFileURL(file).href)) as { readScopes: (actor: unknown) => unknown };
    const users = ((await (await get('/demo/users')).json()) as { users: { id: string }[] }).users;
    const rows = await Promise.all(
      users.map(async (u) => [u.id, readScopes(u) === 'all', (await get('/api/outbox', { 'x-demo-user': u.id })).status, (await get('/demo/sms', { 'x-demo-user': u.id })).status]),
    );
    expect(rows.filter(([, all]) => all).map(([id]) => id)).toEqual(['admin-chen']);
    for (const [id, all, outbox, sms] of rows) expect([id, outbox, sms]).toEqual([id, all ? 200 : 403, all ? 200 : 403]);
  });
});

describe("evidence through the portal (the API's evidence endpoints, the session cookie)", () => {
  let hazardId: string;
  const as = (user: string) => ({ 'x-demo-user': user });

  beforeAll(async () => {
    const res = await portal.fetch(
      new Request('http://portal.test/api/inspections?report=true', {
        method: 'POST',
        headers: { ...as('owner-lvyuan'), 'content-type': 'application/json', 'idempotency-key': 'routes-evidence' },
        body: JSON.stringify({
          pack: 'demo-kitchen',
          premises: 'restaurant',
          subject: { enterpriseId: 'ent-lvyuan' },
          findings: { gas_type: 'natural_gas', below_ground: false, alarm_installed: true, alarm_working: false, hose_length_m: 1 },
        }),
      }),
    );
    expect(res.status).toBe(200);
    hazardId = ((await res.json()) as { reports: { hazardId: string }[] }).reports[0]!.hazardId;
  });

  const upload = (headers: Record<string, string>, bytes: Uint8Array<ArrayBuffer> = demoPng('routes')) =>
    portal.fetch(new Request(`http://portal.test/api/hazards/${hazardId}/evidence`, { method: 'POST', body: bytes, headers: { 'content-type': 'image/png', ...headers } }));

  it('a signed-in user uploads a photo of a hazard it can read; the thumbnail is served to who may read the hazard, 404 to others', async () => {
    const session = portal.auth.mint('owner-lvyuan');
    const res = await upload({ cookie: session.cookie });
    expect(res.status).toBe(201);
    const record = (await res.json()) as { id: string; hazardId: string; uploaderId: string; mime: string };
    expect(record).toMatchObject({ hazardId, uploaderId: 'owner-lvyuan', mime: 'image/png' });
    const thumb = await get(`/api/evidence/${encodeURIComponent(record.id)}?thumb=1`, { cookie: session.cookie });
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await thumb.arrayBuffer())).toEqual(Buffer.from(demoPng('routes')));
    expect((await get(`/api/evidence/${encodeURIComponent(record.id)}`, as('grid-wang'))).status).toBe(200);
    expect((await get(`/api/evidence/${encodeURIComponent(record.id)}`, as('owner-ruyi'))).status).toBe(404);
    expect((await get(`/api/evidence/${encodeURIComponent(record.id)}`)).status).toBe(401);
    session.end();
  });

  it('refuses an upload without a session, from another site, or with bytes that are not the declared image', async () => {
    expect((await upload({})).status).toBe(401);
    expect((await upload({ cookie: 'anjian_demo_user=owner-lvyuan' })).status).toBe(401);
    expect((await upload({ ...as('owner-lvyuan'), origin: 'https://evil.example' })).status).toBe(403);
    expect((await upload(as('owner-lvyuan'), new TextEncoder().encode('<script>alert(1)</script>') as Uint8Array<ArrayBuffer>)).status).toBe(422);
    expect((await upload(as('owner-ruyi'))).status).toBe(404);
  });

  it('the old PUT /evidence/<sha256> of the demo is gone', async () => {
    expect((await put(`/evidence/${sha('x')}`, 'x', as('owner-lvyuan'))).status).toBe(405);
  });
});

describe('a signed-in user whose profile vanished', () => {
  it('is refused 403 UNKNOWN_ACTOR by every read of the portal and of its API, in both languages — not shown empty lists', async () => {
    // A session that outlived its user: the directory no longer knows the id it names.
    const session = portal.auth.mint('owner-removed');
    const paths = [
      '/inspections?enterprise=ent-lvyuan',
      '/inspections/in-000000000000000000000000',
      '/monitoring',
      '/worklist',
      '/worklist.xlsx',
      '/places?enterprise=ent-lvyuan',
      '/demo/sms',
      '/api/hazards',
      '/api/stats',
      '/api/enterprises/ent-lvyuan/file',
    ];
    const wrong: string[] = [];
    for (const path of paths) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const res = await get(path, { cookie: session.cookie, 'accept-language': lang });
        const body = res.headers.get('content-type')?.startsWith('application/problem+json') ? ((await res.json()) as { code: string; detail: string }) : null;
        if (res.status !== 403 || body?.code !== 'UNKNOWN_ACTOR' || !body.detail.includes(UNKNOWN_ACTOR_DETAIL[lang])) wrong.push(`${path} (${lang}): ${res.status} ${body?.code} ${body?.detail}`);
      }
    }
    expect(wrong).toEqual([]);
    // Known users read as before; no session is still a 401.
    const owner = { 'x-demo-user': 'owner-lvyuan' };
    expect((await get('/worklist', owner)).status).toBe(200);
    expect((await get('/inspections?enterprise=ent-lvyuan', owner)).status).toBe(200);
    expect((await get('/worklist')).status).toBe(401);
    session.end();
  });
});

describe('the seed', () => {
  it('reports the same hazards on a second start and adds none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anjian-portal-seed-'));
    const count = async (p: Portal) => {
      const res = await p.fetch(new Request('http://portal.test/api/stats', { headers: { 'x-demo-user': 'admin-chen' } }));
      expect(res.status).toBe(200);
      return ((await res.json()) as { total: number }).total;
    };
    try {
      // One instant for both starts: the seed's permit keys carry the day, so a restart the same day adds none.
      const at = new Date();
      const clock = { now: () => new Date(at) };
      const first = await createPortal({ dataDir: dir, trustIdentityHeader: true, tickMs: 0, clock });
      const total = await count(first);
      // The seed is covered by a signed checkpoint, and the whole trail verifies with the demo's key.
      const audit = (await (await first.fetch(new Request('http://portal.test/api/audit/verify', { headers: { 'x-demo-user': 'admin-chen' } }))).json()) as {
        ok: boolean;
        checked: { signatures: boolean; checkpoints: number };
      };
      expect(audit).toMatchObject({ ok: true, checked: { signatures: true, checkpoints: 1 } });
      const queue = (await (await first.fetch(new Request('http://portal.test/api/queues/grid', { headers: { 'x-demo-user': 'grid-wang' } }))).json()) as {
        items: { hazardId: string; version: number }[];
      };
      const hazard = queue.items[0]!;
      const trail = (await (await first.fetch(new Request(`http://portal.test/api/hazards/${hazard.hazardId}/audit`, { headers: { 'x-demo-user': 'grid-wang' } }))).json()) as {
        ok: boolean;
        checkpoint: { signed: boolean; coversVersion: number };
      };
      expect(trail).toMatchObject({ ok: true, checkpoint: { signed: true, coversVersion: hazard.version } });
      // The seeded permits (the day's keys): the same ones after a restart the same day, nothing new written.
      // 绿园餐厅's confined space and 东方化工仓储's hot work, both in D1/G1.
      const permits = async (portal: Portal) =>
        (
          (await (await portal.fetch(new Request('http://portal.test/api/permits?area=D1/G1', { headers: { 'x-demo-user': 'grid-wang' } }))).json()) as {
            items: { permitId: string; version: number }[];
          }
        ).items;
      const seededPermits = await permits(first);
      expect(seededPermits).toHaveLength(2);
      await first.close();
      const second = await createPortal({ dataDir: dir, trustIdentityHeader: true, tickMs: 0, clock });
      try {
        expect(second.seeded).toBe(first.seeded);
        expect(first.seeded).toBeGreaterThan(0);
        expect(await count(second)).toBe(total);
        expect(await permits(second)).toEqual(seededPermits);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
