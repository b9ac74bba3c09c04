import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LINGER_BYTES, toNodeHandler } from './to-node-handler.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
});

async function serve(fetch: (request: Request) => Promise<Response>): Promise<string> {
  const server = createServer(toNodeHandler({ fetch }, { logger: false }));
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

/** Sends a raw HTTP/1.1 request and returns the raw answer (up to the connection close or 2 s). */
async function raw(base: string, text: string): Promise<string> {
  const { port } = new URL(base);
  const { connect } = await import('node:net');
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
    setTimeout(() => (socket.destroy(), resolve(answer)), 2000).unref();
  });
}

describe('toNodeHandler limits and odd requests', () => {
  async function serveCounting(maxBodyBytes: number) {
    const seen = { calls: 0, bytes: 0 };
    const server = createServer(
      toNodeHandler(
        {
          maxBodyBytes,
          fetch: async (request) => {
            seen.calls++;
            seen.bytes = (await request.arrayBuffer().catch(() => new ArrayBuffer(0))).byteLength;
            return new Response('{}', { headers: { 'content-type': 'application/json' } });
          },
        },
        { logger: false },
      ),
    );
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
  }

  it('TRACE is a 405 problem with the security headers (the fetch standard cannot even build it), never 500', async () => {
    const { base, seen } = await serveCounting(1024);
    const answer = await raw(base, `TRACE /api/packs HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 405 /);
    expect(answer.toLowerCase()).toContain('x-content-type-options: nosniff');
    expect(answer).toContain('"code":"METHOD_NOT_ALLOWED"');
    // Methods Node's parser does not know never reach the adapter: Node answers 400.
    for (const method of ['TRACK', 'BREW']) expect(await raw(base, `${method} / HTTP/1.1\r\nHost: x\r\n\r\n`), method).toMatch(/^HTTP\/1\.1 400 /);
    // CONNECT goes to the server's 'connect' event, not to the request listener.
    expect(await raw(base, `CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n`)).not.toMatch(/ 500 /);
    expect(seen.calls).toBe(0);
  });

  it('a Host that makes no URL is a 400', async () => {
    const { base, seen } = await serveCounting(1024);
    const answer = await raw(base, `GET /api/packs HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(seen.calls).toBe(0);
  });

  it('a declared Content-Length over the limit is 413 before the handler runs, and the connection closes', async () => {
    const { base, seen } = await serveCounting(1024);
    const answer = await raw(base, `POST /api/packs HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n${'x'.repeat(2000)}`);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(answer).toContain('"code":"PAYLOAD_TOO_LARGE"');
    expect(seen.calls).toBe(0);
  });

  it('a chunked body over the limit: the handler sees at most the limit, the client gets 413', async () => {
    const { base, seen } = await serveCounting(1024);
    const chunk = 'x'.repeat(600);
    const body = Array.from({ length: 10 }, () => `${(600).toString(16)}\r\n${chunk}\r\n`).join('') + '0\r\n\r\n';
    const answer = await raw(base, `POST /api/packs HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n${body}`);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(seen.bytes).toBe(0); // the handler's read failed at the limit
  });

  it('a body within the limit arrives whole', async () => {
    const { base, seen } = await serveCounting(1024);
    const r = await fetch(`${base}/x`, { method: 'POST', body: 'y'.repeat(1000) });
    expect(r.status).toBe(200);
    expect(seen.bytes).toBe(1000);
  });
});

/**
 * A client that sends a large body without reading anything for `readAfterMs` (as one still
 * uploading does), then reads: what it got (latin1) and how the connection ended.
 */
async function uploadThenRead(
  base: string,
  head: string,
  body: { chunked: boolean; bytes: number; endless?: boolean },
  readAfterMs: number,
): Promise<{ answer: string; error: string | undefined; written: number }> {
  const { port } = new URL(base);
  const { connect } = await import('node:net');
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    socket.pause();
    let answer = '';
    let error: string | undefined;
    let written = 0;
    const piece = Buffer.alloc(64 * 1024, 0x78);
    const framed = body.chunked ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]) : piece;
    socket.on('connect', () => {
      socket.write(head);
      const pump = () => {
        while (!socket.destroyed && (body.endless || written < body.bytes)) {
          written += piece.length;
          if (!socket.write(framed)) return void socket.once('drain', pump);
        }
      };
      pump();
      setTimeout(() => socket.resume(), readAfterMs);
    });
    socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
    socket.on('close', () => resolve({ answer, error, written }));
  });
}

describe('toNodeHandler refuses a body and the client still reads the answer (lingering close)', () => {
  /** A server with a 1 KiB body limit whose handler reads the body. */
  async function limited(): Promise<string> {
    const server = createServer(toNodeHandler({ maxBodyBytes: 1024, fetch: async (r) => (await r.arrayBuffer().catch(() => undefined), new Response('{}')) }, { logger: false }));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('a chunked upload of 8 MiB over a 1 KiB limit, read 200 ms after the refusal: the whole 413 arrives and the connection ends without a reset', async () => {
    const base = await limited();
    // Before, the socket closed with the upload unread: the kernel reset it and the client lost the answer (19 of 20 tries).
    for (let i = 0; i < 5; i++) {
      const { answer, error } = await uploadThenRead(base, 'POST /api/packs HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n', { chunked: true, bytes: 8 * 1_048_576 }, 200);
      expect(answer, `try ${i + 1}`).toMatch(/^HTTP\/1\.1 413 /);
      expect(answer).toContain('"code":"PAYLOAD_TOO_LARGE"');
      expect(answer.toLowerCase()).toContain('connection: close');
      expect(error, `try ${i + 1}`).toBeUndefined();
    }
  });

  it('a declared Content-Length of 8 MiB over the limit, read 200 ms after the refusal: the whole 413 arrives, no reset', async () => {
    const base = await limited();
    for (let i = 0; i < 5; i++) {
      const { answer, error } = await uploadThenRead(base, `POST /api/packs HTTP/1.1\r\nHost: x\r\nContent-Length: ${8 * 1_048_576}\r\n\r\n`, { chunked: false, bytes: 8 * 1_048_576 }, 200);
      expect(answer, `try ${i + 1}`).toMatch(/^HTTP\/1\.1 413 /);
      expect(answer).toContain('"code":"PAYLOAD_TOO_LARGE"');
      expect(error, `try ${i + 1}`).toBeUndefined();
    }
  });

  it('a client that never stops sending after the refusal is cut off: the server drops a bounded amount, then closes', async () => {
    const base = await limited();
    const { answer, written } = await uploadThenRead(base, 'POST /api/packs HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n', { chunked: true, bytes: 0, endless: true }, 0);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    // What the client managed to write: the dropped bytes plus what the two sockets' buffers hold.
    expect(written).toBeLessThan(LINGER_BYTES + 64 * 1_048_576);
  });
});

describe('toNodeHandler and a client that goes away', () => {
  it('a body cut off by the client ends the handler’s read with an error instead of hanging', async () => {
    let outcome: Promise<string> | undefined;
    const base = await serve(async (request) => {
      outcome = request.arrayBuffer().then(
        () => 'read',
        () => 'failed',
      );
      await outcome;
      return new Response(null, { status: 204 });
    });
    const { port } = new URL(base);
    const { connect } = await import('node:net');
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write('POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n' + 'y'.repeat(100));
        setTimeout(() => (socket.destroy(), resolve()), 50);
      });
    });
    await expect.poll(() => outcome, { timeout: 2000 }).toBeDefined();
    expect(await outcome).toBe('failed');
  });
});
