// Issue #11 item 6: a 100 MB chunked POST with no login used to be buffered whole before
// anything looked at it. Through a real node:http server on 127.0.0.1 it is now refused at
// the limit, before authentication, and the process barely grows.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore, createStaticDirectory } from '@anjian/core';
import { TEST_CALENDAR_2026 } from '@anjian/core/testing';
import { createAnjianApi, toNodeHandler } from '../src/index.js';

let server: Server;
let port = 0;
let authCalls = 0;

beforeAll(async () => {
  const api = createAnjianApi({
    store: createMemoryStore(),
    directory: createStaticDirectory([]),
    calendar: TEST_CALENDAR_2026,
    packs: [],
    basePath: '/api',
    logger: false,
    authenticate: async () => (authCalls++, null),
  });
  server = createServer(toNodeHandler(api, { logger: false }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

/**
 * Streams `total` bytes chunked (64 KiB writes, honouring backpressure) and resolves with
 * the status as soon as the response arrives, and the bytes the client managed to send.
 */
function postChunked(path: string, total: number): Promise<{ status: number; sent: number; body: string }> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 0x7b);
    let sent = 0;
    let answered = false;
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } });
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, sent, body }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, sent, body }));
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('body limit through a real server', () => {
  it('100 MB chunked to POST /api/packs without a login: 413, no authenticate, RSS growth < 20 MB', async () => {
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const result = await postChunked('/api/packs', 100 * 1024 * 1024);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(authCalls).toBe(0);
    expect(result.sent).toBeLessThan(20 * 1024 * 1024); // the server stopped reading long before the end
    expect((peak - before) / 1024 / 1024).toBeLessThan(20);
  });

  it('the same with a declared Content-Length of 100 MB: 413 before a byte of the body is read', async () => {
    const answer = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/api/inspections', method: 'POST', headers: { 'content-length': String(100 * 1024 * 1024) } });
      req.on('response', (res) => (res.resume(), resolve(res.statusCode ?? 0)));
      req.on('error', reject);
      req.write('{');
    });
    expect(answer).toBe(413);
    expect(authCalls).toBe(0);
  });
});
