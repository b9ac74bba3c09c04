import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { toNodeHandler } from './to-node-handler.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
});

async function serve(fetch: (request: Request) => Promise<Response>): Promise<string> {
  const server = createServer(toNodeHandler({ fetch }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('toNodeHandler', () => {
  it('passes method, path, query, headers and body to the API, and status, headers and body back', async () => {
    let seen: { method: string; url: string; key: string | null; body: string } | undefined;
    const base = await serve(async (request) => {
      seen = { method: request.method, url: new URL(request.url).pathname + new URL(request.url).search, key: request.headers.get('idempotency-key'), body: await request.text() };
      return new Response('{"ok":true}', { status: 201, headers: { 'content-type': 'application/json', etag: '"4"', 'idempotent-replayed': 'true' } });
    });
    const response = await fetch(`${base}/api/hazards/H-1/commands?x=1`, { method: 'POST', headers: { 'idempotency-key': 'k-1' }, body: '{"type":"verify","note":{"zh-CN":"合格"}}' });
    expect(seen).toEqual({ method: 'POST', url: '/api/hazards/H-1/commands?x=1', key: 'k-1', body: '{"type":"verify","note":{"zh-CN":"合格"}}' });
    expect(response.status).toBe(201);
    expect(response.headers.get('etag')).toBe('"4"');
    expect(response.headers.get('idempotent-replayed')).toBe('true');
    expect(await response.json()).toEqual({ ok: true });
  });

  it('answers a 500 problem when the API throws', async () => {
    const base = await serve(async () => {
      throw new Error('boom');
    });
    const response = await fetch(`${base}/api/packs`);
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(await response.json()).toMatchObject({ status: 500, code: 'INTERNAL' });
  });
});
