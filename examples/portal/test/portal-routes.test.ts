/**
 * Contract of the portal's own routes (everything outside `/api`, which has its own contract
 * tests in packages/http): the static UI and its path checks, the demo users, the browser
 * bundles, photo evidence upload, and the idempotent seed — against a real SQLite file.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortal, MAX_EVIDENCE_BYTES, type Portal } from '../src/create-portal.js';
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
const put = (path: string, body: Uint8Array<ArrayBuffer> | string, headers: Record<string, string> = {}) =>
  portal.fetch(new Request(`http://portal.test${path}`, { method: 'PUT', body, headers }));
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
  it('serves ECharts', async () => {
    const res = await get('/vendor/echarts.min.js');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('echarts');
  });

  it("serves core's checkFindings, which gives the browser the server's own messages", async () => {
    const res = await get('/vendor/anjian-core.js');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const file = join(dataDir, 'anjian-core.mjs');
    writeFileSync(file, await res.text());
    const { checkFindings } = (await import(pathToFileURL(file).href)) as { checkFindings: (pack: unknown, inspection: unknown) => { code: string; pointer?: string; message: unknown }[] };

    const pack = await (await get('/api/packs/demo-kitchen')).json();
    const inspection = {
      pack: 'demo-kitchen', premises: 'restaurant', enterpriseId: 'ent-lvyuan', inspectedAt: '2026-11-02T09:00:00+08:00',
      findings: { gas_type: 'natural_gas', below_ground: false, alarm_installed: true, alarm_working: true, hose_length_m: 80 },
    };
    const inBrowser = checkFindings(pack, inspection).filter((i) => (i as { severity?: string }).severity === 'error');
    expect(inBrowser.map((i) => i.pointer)).toContain('/findings/hose_length_m');

    const server = await portal.fetch(new Request('http://portal.test/api/inspections', {
      method: 'POST', body: JSON.stringify(inspection), headers: { 'content-type': 'application/json', 'x-demo-user': 'owner-lvyuan' },
    }));
    const problem = (await expectProblem(server, 422, (await server.clone().json()).code)) as unknown as { issues: { pointer?: string; message: unknown }[] };
    const byPointer = (list: { pointer?: string; message: unknown }[]) => Object.fromEntries(list.map((i) => [i.pointer, i.message]));
    expect(byPointer(inBrowser)).toEqual(byPointer(problem.issues));
  });
});

describe('PUT /evidence/{sha256}', () => {
  const photo = new TextEncoder().encode('a photo of the new hose clamp') as Uint8Array<ArrayBuffer>;
  const signedIn = { 'x-demo-user': 'owner-lvyuan' };

  it('stores the bytes under their SHA-256 and accepts the same upload again', async () => {
    const path = `/evidence/${sha(photo)}`;
    expect((await put(path, photo, signedIn)).status).toBe(204);
    expect(readFileSync(join(dataDir, 'evidence', sha(photo)))).toEqual(Buffer.from(photo));
    expect((await put(path, photo, signedIn)).status).toBe(204);
  });

  it('accepts a session cookie as well as the (test-only) header', async () => {
    const other = 'another photo';
    const session = portal.auth.mint('grid-wang');
    expect((await put(`/evidence/${sha(other)}`, other, { cookie: `lang=en; ${session.cookie}` })).status).toBe(204);
    session.end();
    await expectProblem(await put(`/evidence/${sha(other)}`, other, { cookie: session.cookie }), 401, 'UNAUTHENTICATED');
  });

  it('refuses an upload without a demo login (401), or with an unknown or garbled one', async () => {
    await expectProblem(await put(`/evidence/${sha(photo)}`, photo), 401, 'UNAUTHENTICATED');
    await expectProblem(await put(`/evidence/${sha(photo)}`, photo, { 'x-demo-user': 'mallory' }), 401, 'UNAUTHENTICATED');
    await expectProblem(await put(`/evidence/${sha(photo)}`, photo, { cookie: 'anjian_session=%E0%A4%A' }), 401, 'UNAUTHENTICATED');
    await expectProblem(await put(`/evidence/${sha(photo)}`, photo, { cookie: 'anjian_demo_user=owner-lvyuan' }), 401, 'UNAUTHENTICATED');
  });

  it('refuses bytes that do not match the address, and stores nothing', async () => {
    const wrong = sha('something else');
    await expectProblem(await put(`/evidence/${wrong}`, photo, signedIn), 422, 'EVIDENCE_HASH_MISMATCH');
    expect(existsSync(join(dataDir, 'evidence', wrong))).toBe(false);
  });

  it('refuses an empty photo', async () => {
    await expectProblem(await put(`/evidence/${sha('')}`, '', signedIn), 422, 'EVIDENCE_EMPTY');
  });

  it('refuses a photo over the limit with 413, and stores nothing', async () => {
    const big = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
    await expectProblem(await put(`/evidence/${sha(big)}`, big, signedIn), 413, 'EVIDENCE_TOO_LARGE');
    expect(existsSync(join(dataDir, 'evidence', sha(big)))).toBe(false);
  });

  it('answers other methods with 405 and Allow: PUT', async () => {
    const res = await get(`/evidence/${sha(photo)}`);
    await expectProblem(res, 405, 'METHOD_NOT_ALLOWED');
    expect(res.headers.get('allow')).toBe('PUT');
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
      const first = await createPortal({ dataDir: dir, trustIdentityHeader: true });
      const total = await count(first);
      await first.close();
      const second = await createPortal({ dataDir: dir, trustIdentityHeader: true });
      try {
        expect(second.seeded).toBe(first.seeded);
        expect(first.seeded).toBeGreaterThan(0);
        expect(await count(second)).toBe(total);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
