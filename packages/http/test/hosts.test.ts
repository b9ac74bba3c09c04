/**
 * The Express, Fastify and Koa snippets of docs/http.md, built as written and served on a
 * real port: what a host developer relies on (body intact, headers both ways, the API's
 * problems, the host's own routes after the mount) holds through each host.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import Fastify from 'fastify';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNodeHandler, type AnjianApi } from '../src/index.js';
import { mountAnjian } from './fastify-recipe.js';
import { createHarness, noAlarmInspection, type Harness } from './harness.js';

/** A host listening on 127.0.0.1, with the API under `/api` and its own `POST /other`. */
interface Host {
  base: string;
  close(): Promise<void>;
}

async function readText(stream: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

// Each starter is the snippet of docs/http.md, then a host route registered after it.
const HOSTS: [string, (api: AnjianApi) => Promise<Host>][] = [
  [
    'Express 5',
    async (api) => {
      const app = express();
      const anjian = toNodeHandler(api); // api created with basePath: '/api'
      app.use('/api', (req, res) => {
        req.url = req.originalUrl;
        void anjian(req, res);
      });
      app.use(express.json()); // your other routes after
      app.post('/other', (req, res) => void res.json({ host: 'express', body: req.body }));
      const server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((done) => server.close(() => done())) };
    },
  ],
  [
    'Fastify 5',
    async (api) => {
      const fastify = Fastify();
      mountAnjian(fastify, api); // the recipe of docs/http.md (fastify-recipe.ts), no reply.hijack()
      fastify.post('/other', async (request) => ({ host: 'fastify', body: request.body }));
      const base = await fastify.listen({ port: 0, host: '127.0.0.1' });
      return { base, close: () => fastify.close() };
    },
  ],
  [
    'Koa 3',
    async (api) => {
      const app = new Koa();
      const anjian = toNodeHandler(api); // basePath: '/api'
      app.use(async (ctx, next) => {
        if (!ctx.path.startsWith('/api/')) return next();
        ctx.respond = false;
        await anjian(ctx.req, ctx.res);
      });
      // Where koa-bodyparser would go (not a dependency here): a JSON body reader, after the API.
      app.use(async (ctx, next) => {
        if (ctx.is('application/json')) (ctx.request as { body?: unknown }).body = JSON.parse(await readText(ctx.req));
        await next();
      });
      app.use(async (ctx) => {
        if (ctx.method === 'POST' && ctx.path === '/other') ctx.body = { host: 'koa', body: (ctx.request as { body?: unknown }).body };
      });
      const server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((done) => server.close(() => done())) };
    },
  ],
];

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

describe.each(HOSTS)('docs/http.md snippet — %s', (name, start) => {
  let h: Harness;
  let host: Host;
  beforeAll(async () => {
    // The harness sends every call through the host's real port.
    h = await createHarness(undefined, undefined, '/api', () => async (request) => {
      const url = new URL(request.url);
      const body = request.method === 'GET' ? undefined : new Uint8Array(await request.arrayBuffer());
      return fetch(`${host.base}${url.pathname}${url.search}`, { method: request.method, headers: request.headers, ...(body === undefined ? {} : { body }) });
    });
    host = await start(h.api);
  });
  afterAll(() => host.close());

  it('GET /api/packs is the API’s 200 JSON', async () => {
    const r = await h.call(null, 'GET', '/packs');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(r.body.items.map((p: { id: string }) => p.id)).toEqual(['demo-kitchen']);
  });

  it('POST /api/inspections reaches the API with its JSON body intact and classifies; a 401 keeps its challenge', async () => {
    const r = await h.call('owner-e1', 'POST', '/inspections', { body: noAlarmInspection() });
    expect(r.status).toBe(200);
    expect(r.body.classification.hazards.map((x: { rule: string; level: string }) => [x.rule, x.level])).toEqual([['DEMO-002-H1', 'general']]);
    const anonymous = await h.call(null, 'POST', '/inspections', { body: noAlarmInspection() });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="anjian"');
  });

  it('Idempotency-Key replays the same response; a stale If-Match is a 412 problem', async () => {
    await h.seed('H-1');
    const notice = () => h.call('grid-g1', 'POST', '/hazards/H-1/commands', { body: { type: 'issue_notice' }, headers: { 'idempotency-key': 'notice-1', 'if-match': '"1"' } });
    const first = await notice();
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"2"');
    const again = await notice();
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const stale = await h.call('grid-g1', 'POST', '/hazards/H-1/commands', { body: { type: 'verify' }, headers: { 'idempotency-key': 'verify-1', 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toBe(PROBLEM_TYPE);
    expect(stale.body.code).toBe('CONFLICT');
  });

  it('an unknown path under /api is the API’s 404 problem; the host’s own JSON route after the mount still works', async () => {
    const missing = await h.call(null, 'GET', '/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe(PROBLEM_TYPE);
    expect(missing.body.code).toBe('NOT_FOUND');
    const other = await fetch(`${host.base}/other`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"hello":"世界"}' });
    expect(other.status).toBe(200);
    expect(await other.json()).toEqual({ host: name.split(' ')[0]!.toLowerCase(), body: { hello: '世界' } });
  });
});
