/**
 * The Fastify recipe of docs/http.md that keeps Fastify's hooks and logging (issue 22, item
 * 13): the API is called through `api.fetch` with a web Request built from Fastify's, and its
 * Response is sent with `reply` — no `reply.hijack()`, so `onRequest`/`onResponse` hooks and
 * the request log see every `/api/*` request, with the API's status.
 */
import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountAnjian } from './fastify-recipe.js';
import { createHarness, noAlarmInspection, type Harness } from './harness.js';

describe('docs/http.md Fastify recipe without reply.hijack()', () => {
  let h: Harness;
  let fastify: FastifyInstance;
  let base = '';
  const hooks: string[] = [];
  const logs: { msg?: string; res?: { statusCode?: number }; req?: { url?: string } }[] = [];

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') logs.push(JSON.parse(line) as (typeof logs)[number]);
        done();
      },
    });
    h = await createHarness(undefined, undefined, '/api', () => async (request) => {
      const url = new URL(request.url);
      const body = request.method === 'GET' ? undefined : new Uint8Array(await request.arrayBuffer());
      return fetch(`${base}${url.pathname}${url.search}`, { method: request.method, headers: request.headers, ...(body === undefined ? {} : { body }) });
    });
    fastify = Fastify({ logger: { level: 'info', stream } });
    fastify.addHook('onRequest', async (request) => void hooks.push(`onRequest ${request.method} ${request.url}`));
    fastify.addHook('onResponse', async (request, reply) => void hooks.push(`onResponse ${request.url} ${reply.statusCode}`));
    mountAnjian(fastify, h.api);
    fastify.post('/other', async (request) => ({ host: 'fastify', body: request.body }));
    base = await fastify.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => fastify.close());

  it('the API answers with its status, headers and body; the host hooks and request log see it', async () => {
    const packs = await h.call(null, 'GET', '/packs');
    expect(packs.status).toBe(200);
    expect(packs.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(packs.body.items.map((p: { id: string }) => p.id)).toEqual(['demo-kitchen']);

    const inspection = await h.call('owner-e1', 'POST', '/inspections', { body: noAlarmInspection() });
    expect(inspection.status).toBe(200);
    expect(inspection.body.classification.hazards.map((x: { rule: string }) => x.rule)).toEqual(['DEMO-002-H1']);
    const anonymous = await h.call(null, 'POST', '/inspections', { body: noAlarmInspection() });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="anjian"');

    expect(hooks).toEqual([
      'onRequest GET /api/packs',
      'onResponse /api/packs 200',
      'onRequest POST /api/inspections',
      'onResponse /api/inspections 200',
      'onRequest POST /api/inspections',
      'onResponse /api/inspections 401',
    ]);
    const completed = logs.filter((l) => l.msg === 'request completed').map((l) => l.res?.statusCode);
    expect(completed).toEqual([200, 200, 401]);
  });

  it('a body over the API limit is refused by Fastify (413) before it is read; the host’s JSON route still parses JSON', async () => {
    const big = await fetch(`${base}/api/inspections`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-actor': 'owner-e1' }, body: 'x'.repeat(h.api.maxBodyBytes + 1) });
    expect(big.status).toBe(413);
    const other = await fetch(`${base}/other`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"hello":"世界"}' });
    expect(await other.json()).toEqual({ host: 'fastify', body: { hello: '世界' } });
  });
});
