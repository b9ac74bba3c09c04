// The gate every request passes before a route: methods, odd paths, body limits (before
// authenticate), security headers on every answer, and 500s that are logged, reported and
// never leak.
import { describe, expect, it } from 'vitest';
import { createMemoryEvidenceStore, createMemoryStore, createStaticDirectory, handleCommand, systemClock, type Store } from '@anjian/core';
import { reportCommand, TEST_CALENDAR_2026 } from '@anjian/core/testing';
import type { ApiLogEntry } from './api-logger.js';
import { createAnjianApi } from './create-anjian-api.js';
import type { AnjianApiOptions } from './types.js';
import { ROUTES } from './route-table.js';
import { PERMIT_ROUTES } from './routes/permit-routes.js';
import { REPORT_ROUTES } from './routes/report-routes.js';
import { RELATIONS_ROUTES } from './routes/relations-routes.js';
import { documentValidator } from '../test/openapi-validator.js';
import { gateProbes } from '../test/gate-probes.js';

const directory = createStaticDirectory([{ id: 'grid-g1', roles: ['grid'], gridAreas: ['D1/G1'] }]);

function setup(overrides: Partial<AnjianApiOptions> = {}) {
  const logs: ApiLogEntry[] = [];
  let authCalls = 0;
  const api = createAnjianApi({
    store: createMemoryStore(),
    directory,
    calendar: TEST_CALENDAR_2026,
    packs: [],
    basePath: '/api',
    maxBodyBytes: 1024,
    logger: (entry) => logs.push(entry),
    authenticate: async () => (authCalls++, 'grid-g1'),
    ...overrides,
  });
  return { api, logs, authCalls: () => authCalls };
}

const SECURITY = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** A body stream of `chunks` × 1 KiB that counts how many chunks were pulled. */
function countingStream(chunks: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(1024).fill(0x20));
    },
  });
  return { stream, pulled: () => pulled };
}

describe('security headers', () => {
  it('are on every answer: 200, 401, 404, 405, 413, 500', async () => {
    const store = { ...createMemoryStore(), query: async () => Promise.reject(new Error('down')) } as Store;
    const { api } = setup({ store, authenticate: async (r) => r.headers.get('x-actor') });
    const answers = await Promise.all([
      api.fetch(new Request('http://x/api/packs')),
      api.fetch(new Request('http://x/api/hazards')),
      api.fetch(new Request('http://x/api/nothing')),
      api.fetch(new Request('http://x/api/packs', { method: 'DELETE' })),
      api.fetch(new Request('http://x/api/inspections', { method: 'POST', headers: { 'x-actor': 'grid-g1' }, body: 'x'.repeat(2000) })),
      api.fetch(new Request('http://x/api/hazards', { headers: { 'x-actor': 'grid-g1' } })),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 401, 404, 405, 413, 500]);
    for (const r of answers) expect(Object.fromEntries(Object.keys(SECURITY).map((k) => [k, r.headers.get(k)])), String(r.status)).toEqual(SECURITY);
  });
});

describe('500s are seen by someone', () => {
  it('a failing port: logged as a JSON record with the error, handed to onError, the body names only the request id', async () => {
    const failure = new Error('password=hunter2 connection refused');
    const store = { ...createMemoryStore(), query: async () => Promise.reject(failure) } as Store;
    const reported: { error: unknown; requestId: string; url: string }[] = [];
    const { api, logs } = setup({ store, onError: (error, { request, requestId }) => void reported.push({ error, requestId, url: request.url }) });
    const r = await api.fetch(new Request('http://x/api/hazards?area=D1'));
    expect(r.status).toBe(500);
    const body = await r.json();
    expect(JSON.stringify(body)).not.toMatch(/hunter2|at |stack/);
    const requestId = (body.instance as string).replace('urn:uuid:', '');
    expect(logs).toEqual([
      expect.objectContaining({
        level: 'error',
        event: 'request_failed',
        requestId,
        method: 'GET',
        path: '/api/hazards',
        status: 500,
        error: expect.objectContaining({ name: 'Error', message: failure.message, stack: expect.any(String) }),
      }),
    ]);
    expect(typeof logs[0]!.time).toBe('string');
    expect(reported).toEqual([{ error: failure, requestId, url: 'http://x/api/hazards?area=D1' }]);
  });

  it('an onError hook that throws, or a logger that throws, does not change the answer', async () => {
    const store = { ...createMemoryStore(), query: async () => Promise.reject(new Error('down')) } as Store;
    const { api, logs } = setup({ store, onError: async () => Promise.reject(new Error('tracker down')) });
    expect((await api.fetch(new Request('http://x/api/hazards'))).status).toBe(500);
    expect(logs.map((l) => l.event)).toEqual(['request_failed', 'on_error_failed']);
    const quiet = setup({
      store,
      logger: () => {
        throw new Error('disk full');
      },
    });
    expect((await quiet.api.fetch(new Request('http://x/api/hazards'))).status).toBe(500);
  });

  it('a store that fails on append (a constraint, a lost connection) is a logged 500, not a 409 CONFLICT', async () => {
    const memory = createMemoryStore();
    const seeded = await handleCommand({ store: memory, directory, calendar: TEST_CALENDAR_2026, clock: systemClock }, reportCommand('H-1'), 'grid-g1');
    expect('events' in seeded).toBe(true);
    const store = { ...memory, append: async () => Promise.reject(Object.assign(new Error('UNIQUE constraint failed: events.id'), { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' })) } as Store;
    const { api, logs } = setup({ store });
    const r = await api.fetch(
      new Request('http://x/api/hazards/H-1/commands', { method: 'POST', headers: { 'idempotency-key': 'k-1', 'content-type': 'application/json' }, body: JSON.stringify({ type: 'issue_notice' }) }),
    );
    expect([r.status, (await r.json()).code]).toEqual([500, 'INTERNAL']);
    expect(logs).toEqual([expect.objectContaining({ level: 'error', status: 500, error: expect.objectContaining({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' }) })]);
  });

  it('the default logger writes one JSON line to stderr', async () => {
    const store = { ...createMemoryStore(), query: async () => Promise.reject(new Error('down')) } as Store;
    const api = createAnjianApi({ store, directory, calendar: TEST_CALENDAR_2026, packs: [], authenticate: async () => 'grid-g1' });
    const lines: string[] = [];
    const original = console.error;
    console.error = (line: string) => void lines.push(line);
    try {
      expect((await api.fetch(new Request('http://x/hazards'))).status).toBe(500);
    } finally {
      console.error = original;
    }
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'error', event: 'request_failed', status: 500 });
  });
});

describe('odd requests are 400, 404 or 405, never 500', () => {
  it.each([
    ['GET', '/api/packs/demo%00.json', 400],
    ['GET', '/api/hazards/H%001', 400],
    ['GET', '/api/hazards/%1b[31m', 400],
    ['GET', '/api/packs/%E4%zz', 400],
    ['GET', '/api/packs/%E4', 400],
    ['GET', '/api/packs/', 404],
    ['GET', '/api/openapi.json/', 404],
    ['GET', '/api//packs', 404],
    ['DELETE', '/api/packs', 405],
    ['PUT', '/api/hazards/H-1/commands', 405],
    ['OPTIONS', '/api/hazards/H-1/commands', 405],
    ['PROPFIND', '/api/packs', 405],
    ['PROPFIND', '/api/nothing', 405],
    ['BREW', '/', 405],
  ])('%s %s → %i', async (method, path, status) => {
    const { api, logs } = setup();
    const r = await api.fetch(new Request(`http://x${path}`, { method }));
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(logs.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('a 405 on a known path names the allowed methods', async () => {
    const { api } = setup();
    const r = await api.fetch(new Request('http://x/api/hazards/H-1/commands', { method: 'GET' }));
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('POST');
    expect((await api.fetch(new Request('http://x/api/packs', { method: 'POST', body: '{}' }))).headers.get('allow')).toBe('GET, HEAD');
    expect((await api.fetch(new Request('http://x/api/packs', { method: 'HEAD' }))).status).toBe(200);
  });
});

describe('body limits, before authenticate', () => {
  it('a declared Content-Length over the limit is 413 without reading the body or authenticating', async () => {
    const { api, authCalls, logs } = setup();
    const body = countingStream(100);
    const r = await api.fetch(new Request('http://x/api/inspections', { method: 'POST', headers: { 'content-length': '102400' }, body: body.stream, duplex: 'half' } as RequestInit));
    expect(r.status).toBe(413);
    expect((await r.json()).code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.pulled()).toBeLessThanOrEqual(1);
    expect(authCalls()).toBe(0);
    expect(logs).toEqual([expect.objectContaining({ level: 'warn', event: 'body_too_large', status: 413 })]);
  });

  it('a chunked body is cut off at the limit: 413, the stream stops being read, no authenticate', async () => {
    const { api, authCalls } = setup();
    const body = countingStream(100_000); // 100 MB if read to the end
    const r = await api.fetch(new Request('http://x/api/packs', { method: 'POST', body: body.stream, duplex: 'half' } as RequestInit));
    expect(r.status).toBe(413);
    expect(body.pulled()).toBeLessThan(5);
    expect(authCalls()).toBe(0);
  });

  it('an invalid Content-Length is a 400', async () => {
    const { api, authCalls } = setup();
    for (const length of ['-1', '1e3', '10, 20', 'abc']) {
      const r = await api.fetch(new Request('http://x/api/inspections', { method: 'POST', headers: { 'content-length': length, 'content-type': 'application/json' }, body: '{}' }));
      expect(r.status, length).toBe(400);
    }
    expect(authCalls()).toBe(0);
  });

  it('an anonymous request to a route that needs an actor is a 401 before a byte of its body is read; a signed-in one is authenticated once', async () => {
    let asked = 0;
    const { api } = setup({ authenticate: async (request) => (asked++, request.headers.get('x-actor')) });
    for (const path of ['/api/inspections', '/api/hazards/H-1/commands']) {
      const body = countingStream(100); // 100 KiB, within no limit here; never read
      const r = await api.fetch(new Request(`http://x${path}`, { method: 'POST', body: body.stream, duplex: 'half' } as RequestInit));
      expect([r.status, r.headers.get('www-authenticate')], path).toEqual([401, 'Bearer realm="anjian"']);
      expect(body.pulled(), path).toBeLessThanOrEqual(1);
    }
    asked = 0;
    const signedIn = await api.fetch(
      new Request('http://x/api/inspections', { method: 'POST', headers: { 'x-actor': 'grid-g1', 'content-type': 'application/json' }, body: '{"pack":"nope","findings":{}}' }),
    );
    expect([signedIn.status, asked]).toEqual([422, 1]);
  });

  it('a body within the limit reaches the route', async () => {
    const { api, authCalls } = setup();
    const r = await api.fetch(new Request('http://x/api/inspections', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pack: 'nope', findings: {} }) }));
    expect(r.status).toBe(422);
    expect(authCalls()).toBe(1);
    expect(api.maxBodyBytes).toBeGreaterThanOrEqual(1024);
  });
});

describe('uploads one actor sends at once', () => {
  /** An upload body that sends a PNG's first bytes, then holds the request open until `finish()`. */
  function heldUpload(): { stream: ReadableStream<Uint8Array>; pulled: () => number; finish: () => void } {
    let pulled = 0;
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        pulled++;
        if (pulled === 1) return controller.enqueue(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
        await finished;
        controller.close();
      },
    });
    return { stream, pulled: () => pulled, finish };
  }

  it('are received four at a time: the fifth and sixth are 429 UPLOADS_IN_PROGRESS before a byte is read; another actor and a later upload are not held up', async () => {
    const people = createStaticDirectory([
      { id: 'grid-g1', roles: ['grid'], gridAreas: ['D1/G1'] },
      { id: 'grid-g2', roles: ['grid'], gridAreas: ['D1/G2'] },
    ]);
    const { api } = setup({ directory: people, evidence: createMemoryEvidenceStore(), maxEvidenceBytes: 1_048_576, authenticate: async (r) => r.headers.get('x-actor') });
    const upload = (actor: string, body: ReadableStream<Uint8Array>) =>
      api.fetch(new Request('http://x/api/evidence', { method: 'POST', headers: { 'x-actor': actor, 'content-type': 'image/png' }, body, duplex: 'half' } as RequestInit));
    // Before: every upload was read whole at once — 30 uploads of 9 MB by one user of the demo portal grew it from 156 MB to 1 GB.
    const held = Array.from({ length: 6 }, () => heldUpload());
    const settled: boolean[] = held.map(() => false);
    const answers = held.map((h, i) => upload('grid-g1', h.stream).then((r) => ((settled[i] = true), r)));
    await new Promise((resolve) => setImmediate(resolve));
    const refused = held.map((_, i) => i).filter((i) => settled[i]);
    expect(refused).toHaveLength(2);
    for (const i of refused) {
      const r = await answers[i]!;
      const problem = (await r.json()) as { code: string; detail: string };
      expect([r.status, problem.code, r.headers.get('retry-after')]).toEqual([429, 'UPLOADS_IN_PROGRESS', '1']);
      expect(held[i]!.pulled(), 'not read').toBeLessThanOrEqual(1);
    }
    // Another actor uploads meanwhile.
    const other = heldUpload();
    const theirs = upload('grid-g2', other.stream);
    other.finish();
    expect((await theirs).status).toBe(201);
    // The four received finish; then the actor uploads again.
    for (const h of held) h.finish();
    const received = await Promise.all(
      held
        .map((_, i) => i)
        .filter((i) => !refused.includes(i))
        .map((i) => answers[i]!.then((r) => r.status)),
    );
    expect(received).toEqual([201, 201, 201, 201]);
    const again = heldUpload();
    const later = upload('grid-g1', again.stream);
    again.finish();
    expect((await later).status).toBe(201);
  });
});

describe('what the gate answers is in the OpenAPI document, for every operation that can answer it', () => {
  // Every facet on, with options whose handlers never run: each probe is answered by the gate or
  // the router (authentication, query check, body limit, media type, uploads in flight) first.
  const routes = [...ROUTES, ...PERMIT_ROUTES, ...REPORT_ROUTES, ...RELATIONS_ROUTES];
  const { api } = setup({
    maxBodyBytes: 64,
    maxEvidenceBytes: 64,
    evidence: createMemoryEvidenceStore(),
    authenticate: async (r) => r.headers.get('x-actor'),
    permits: {} as never,
    reports: {} as never,
    relations: {} as never,
    documents: { templates: [], override: { override: { jurisdiction: 'D1' } } } as never,
  });

  it('each probe of each route (permits, reports and relations too) gets the gate’s status and code, and the document lists both for that operation — a handler that throws too (500 INTERNAL)', async () => {
    expect(routes.length).toBeGreaterThan(40);
    const undocumented: string[] = [];
    let probed = 0;
    for (const route of routes) {
      for (const probe of gateProbes(api, route, '/api', 'grid-g1', { json: 64, upload: 64 })) {
        const where = `${route.method.toUpperCase()} ${route.path}, ${probe.what}`;
        const r = await probe.send();
        const body = (await r.json()) as { code?: string };
        probed++;
        if (r.status !== probe.status || body.code !== probe.code) {
          undocumented.push(`${where}: answered ${r.status} ${body.code}, expected ${probe.status} ${probe.code}`);
          continue;
        }
        const errors = documentValidator(api.openapi).check(route.method, `/api${route.path}`, r.status, 'application/problem+json', body);
        if (errors) undocumented.push(`${where}: ${r.status} ${body.code} is not in the document (${JSON.stringify(errors).slice(0, 160)})`);
      }
    }
    expect(undocumented).toEqual([]);
    expect(probed).toBeGreaterThan(routes.length * 2);
  });

  it('POST /evidence documents 429 UPLOADS_IN_PROGRESS', () => {
    const doc = api.openapi as {
      paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }> }>>;
      components: { schemas: Record<string, { properties: { code: { enum: string[] } } }> };
    };
    const ref = doc.paths['/api/evidence']?.post?.responses['429']?.content['application/problem+json']?.schema.$ref ?? '';
    expect(doc.components.schemas[ref.replace('#/components/schemas/', '')]?.properties.code.enum).toContain('UPLOADS_IN_PROGRESS');
  });
});

describe('a POST a page of another site sends (docs/security.md T69)', () => {
  const post = (api: ReturnType<typeof setup>['api'], site: string | null) =>
    api.fetch(
      new Request('http://test.local/api/hazards/H1/commands', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'k-1', ...(site === null ? {} : { 'sec-fetch-site': site }) },
        body: JSON.stringify({ type: 'verify' }),
      }),
    );

  it('is refused 403 before authenticate and before its body is read; other sites and non-browsers are not', async () => {
    const { api, authCalls } = setup();
    const refused = await post(api, 'cross-site');
    expect([refused.status, ((await refused.json()) as { code: string }).code, authCalls()]).toEqual([403, 'FORBIDDEN', 0]);
    for (const site of ['same-origin', 'same-site', 'none', null]) expect((await post(api, site)).status, String(site)).not.toBe(403);
  });

  it('goes through when the host allows cross-site requests (its pages elsewhere, a bearer token)', async () => {
    const { api, authCalls } = setup({ allowCrossSiteRequests: true });
    expect((await post(api, 'cross-site')).status).not.toBe(403);
    expect(authCalls()).toBe(1);
  });
});
