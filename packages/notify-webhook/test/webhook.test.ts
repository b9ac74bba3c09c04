import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runNotifierConformance, type NotifierTestReceiver } from '@anjian/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookNotifier, verifyWebhook, WebhookConfigError, WEBHOOK_HEADERS } from '../src/index.js';

const secret = 'test-secret-0123456789';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let base = '';
const received: Received[] = [];
let behaviour: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end('ok');

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      behaviour(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const message = { id: 'outbox-42', kind: 'hazard.overdue', payload: { hazardId: 'h-1', level: 'general' } };

describe('createWebhookNotifier', () => {
  it('POSTs the message with a signature the receiver can verify and the id as Idempotency-Key', async () => {
    received.length = 0;
    behaviour = (_req, res) => res.writeHead(204).end();
    const result = await createWebhookNotifier({ url: `${base}/hook`, secret }).deliver(message);
    expect(result).toEqual({ ok: true, status: 204 });
    const got = received[0]!;
    expect(got.headers[WEBHOOK_HEADERS.idempotencyKey]).toBe('outbox-42');
    expect(got.headers[WEBHOOK_HEADERS.kind]).toBe('hazard.overdue');
    expect(JSON.parse(got.body)).toEqual(message);
    const ok = await verifyWebhook({
      secret,
      body: got.body,
      timestamp: got.headers[WEBHOOK_HEADERS.timestamp] as string,
      signature: got.headers[WEBHOOK_HEADERS.signature] as string,
    });
    expect(ok).toBe(true);
  });

  it('keeps the same idempotency key on every retry of a message', async () => {
    received.length = 0;
    let calls = 0;
    behaviour = (_req, res) => res.writeHead(++calls < 3 ? 503 : 200).end();
    const notifier = createWebhookNotifier({ url: base, secret });
    const results = [await notifier.deliver(message), await notifier.deliver(message), await notifier.deliver(message)];
    expect(results.map((r) => r.ok)).toEqual([false, false, true]);
    expect(new Set(received.map((r) => r.headers[WEBHOOK_HEADERS.idempotencyKey]))).toEqual(new Set(['outbox-42']));
  });

  it('classifies receiver answers: 5xx, 429 and 408 retryable; other 4xx permanent', async () => {
    const notifier = createWebhookNotifier({ url: base, secret });
    for (const [status, retryable] of [
      [500, true],
      [503, true],
      [429, true],
      [408, true],
      [400, false],
      [401, false],
      [404, false],
      [410, false],
    ] as const) {
      behaviour = (_req, res) => res.writeHead(status).end();
      const result = await notifier.deliver(message);
      expect(result).toMatchObject({ ok: false, status, retryable });
    }
  });

  it('passes Retry-After on to the relay', async () => {
    behaviour = (_req, res) => res.writeHead(429, { 'retry-after': '30' }).end();
    const result = await createWebhookNotifier({ url: base, secret }).deliver(message);
    expect(result).toMatchObject({ ok: false, retryable: true, retryAfter: 30 });
  });

  it('reads no more than a little of what the receiver answers: a receiver streaming 64 MB is cut off, the answer still counts', async () => {
    // Found by attacking the relay: the body was drained with arrayBuffer(), so a receiver that answered 200 with
    // 1.5 GB grew the sending process by 1.6 GB — one such receiver could take the host down with memory.
    const chunk = Buffer.alloc(64 * 1024);
    let written = 0;
    let closed: () => void = () => undefined;
    const cut = new Promise<void>((resolve) => (closed = resolve));
    behaviour = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.on('close', () => closed());
      const pump = () => {
        while (written < 64 * 1024 * 1024 && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    };
    const result = await createWebhookNotifier({ url: base, secret }).deliver(message);
    expect(result).toEqual({ ok: true, status: 200 });
    await cut;
    // What the sockets' buffers held when the sender stopped reading, not the 64 MB.
    expect(written).toBeLessThan(16 * 1024 * 1024);
  });

  it('gives up on a receiver that does not answer within the timeout, as a retryable failure', async () => {
    behaviour = () => undefined; // never answers
    const result = await createWebhookNotifier({ url: base, secret, timeoutMs: 200 }).deliver(message);
    expect(result).toMatchObject({ ok: false, retryable: true });
    expect(result.ok ? '' : result.error).toContain('200 ms');
  });

  it('reports a refused connection as retryable without throwing', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await createWebhookNotifier({ url: `http://127.0.0.1:${port}`, secret }).deliver(message);
    expect(result).toMatchObject({ ok: false, retryable: true });
  });

  it('rejects bad configuration at creation', () => {
    expect(() => createWebhookNotifier({ url: 'not a url', secret })).toThrow(WebhookConfigError);
    expect(() => createWebhookNotifier({ url: 'ftp://x', secret })).toThrow(WebhookConfigError);
    expect(() => createWebhookNotifier({ url: base, secret: 'short' })).toThrow(/16 characters/);
  });

  it('says in both languages what to do with a bad secret or URL, without echoing the secret', () => {
    const messageOf = (f: () => unknown): string => {
      try {
        f();
      } catch (error) {
        expect(error).toBeInstanceOf(WebhookConfigError);
        return (error as Error).message;
      }
      throw new Error('did not throw');
    };
    const missing = messageOf(() => createWebhookNotifier({ url: base, secret: undefined as unknown as string }));
    expect(missing).toMatch(/got undefined — if it comes from an environment variable, is it set\?/);
    expect(missing).toContain('openssl rand -hex 32');
    expect(missing).toContain('至少 16 个字符');
    const short = messageOf(() => createWebhookNotifier({ url: base, secret: 'short-secret' }));
    expect(short).toContain('got 12 characters');
    expect(short).not.toContain('short-secret');
    expect(short).not.toContain('environment variable');
    expect(messageOf(() => createWebhookNotifier({ url: 'not a url', secret }))).toContain('不是有效的 URL');
    expect(messageOf(() => createWebhookNotifier({ url: 'ftp://x', secret }))).toContain('须为 https:');
    expect(messageOf(() => createWebhookNotifier({ url: 'http://portal.example/hook', secret }))).toContain('allowInsecureHttp: true');
  });

  it('sends plain http only to this machine unless allowInsecureHttp says otherwise', () => {
    for (const url of ['http://portal.example/hook', 'http://10.0.0.5:8080/hook', 'http://[2001:db8::1]/hook', 'http://127.example/hook']) {
      expect(() => createWebhookNotifier({ url, secret }), url).toThrow(/must be https for a receiver on another machine/);
      expect(() => createWebhookNotifier({ url, secret, allowInsecureHttp: true }), url).not.toThrow();
    }
    for (const url of ['https://portal.example/hook', 'http://localhost:3000/hook', 'http://127.0.0.1:9/hook', 'http://127.1.2.3/hook', 'http://[::1]:8080/hook']) {
      expect(() => createWebhookNotifier({ url, secret }), url).not.toThrow();
    }
  });
});

describe('verifyWebhook', () => {
  it('rejects a tampered body, a wrong secret, a stale timestamp and missing headers', async () => {
    received.length = 0;
    behaviour = (_req, res) => res.end();
    const now = Date.now();
    await createWebhookNotifier({ url: base, secret, now: () => now }).deliver(message);
    const got = received[0]!;
    const timestamp = got.headers[WEBHOOK_HEADERS.timestamp] as string;
    const signature = got.headers[WEBHOOK_HEADERS.signature] as string;
    const base_ = { secret, body: got.body, timestamp, signature, now: () => now };
    expect(await verifyWebhook(base_)).toBe(true);
    expect(await verifyWebhook({ ...base_, body: got.body.replace('general', 'simple') })).toBe(false);
    expect(await verifyWebhook({ ...base_, secret: 'another-secret-0123456' })).toBe(false);
    expect(await verifyWebhook({ ...base_, now: () => now + 301_000 })).toBe(false);
    expect(await verifyWebhook({ ...base_, signature: undefined })).toBe(false);
    expect(await verifyWebhook({ ...base_, timestamp: 'abc' })).toBe(false);
  });

  it('takes node:http header values as they come (string | string[] | undefined); a header given as a list is refused', async () => {
    received.length = 0;
    behaviour = (_req, res) => res.end();
    const now = Date.now();
    await createWebhookNotifier({ url: base, secret, now: () => now }).deliver(message);
    const got = received[0]!;
    // IncomingHttpHeaders values, without a cast: what a node:http or Express receiver has in hand.
    const headers: IncomingMessage['headers'] = got.headers;
    const options = { secret, body: got.body, timestamp: headers[WEBHOOK_HEADERS.timestamp], signature: headers[WEBHOOK_HEADERS.signature], now: () => now };
    expect(await verifyWebhook(options)).toBe(true);
    const timestamp = String(options.timestamp);
    const signature = String(options.signature);
    expect(await verifyWebhook({ ...options, timestamp: [timestamp] })).toBe(false);
    expect(await verifyWebhook({ ...options, signature: [signature] })).toBe(false);
    expect(await verifyWebhook({ ...options, timestamp: [timestamp, timestamp] })).toBe(false);
  });
});

/** A fetch that asks the conformance receiver how to answer, passing the Idempotency-Key header. */
const conformanceFetch = (receiver: NotifierTestReceiver): typeof fetch =>
  (async (_url: string | URL | Request, init?: RequestInit) => {
    const key = new Headers(init?.headers).get('Idempotency-Key') ?? '';
    const answer = receiver(key);
    if (answer === 'unreachable') throw new TypeError('fetch failed: connect ECONNREFUSED');
    return new Response('', { status: typeof answer === 'object' ? answer.status : answer === 'accept' ? 200 : answer === 'transient' ? 503 : 400 });
  }) as typeof fetch;

runNotifierConformance({
  name: 'notify-webhook',
  describe,
  it,
  expect,
  message: (id) => ({ id, kind: 'hazard.notice_overdue', payload: { hazardId: 'H-1' } }),
  createNotifier: (receiver) => createWebhookNotifier({ url: 'https://receiver.example/hook', secret: 'conformance-secret-0123456789', fetch: conformanceFetch(receiver) }),
});
