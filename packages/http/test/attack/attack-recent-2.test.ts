// Attacker pass 2026-12 (2): the recent changes replayed over real HTTP against a real server
// process (attack-server.ts) — the idempotency key as a command id the server derives itself, and
// the Node adapter's lingering close for a request whose body nothing reads. What was tried and
// found to hold (GET /enterprises scope tricks, evidence reuse) is in the report of this pass, not
// here: attack.test.ts and relations.test.ts already assert it.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINGER_BYTES, LINGER_MS } from '../../src/to-node-handler.js';
import { type AttackServer, startAttackServer } from './attack-harness.js';
import { Attacker, Figures, reason } from './attack-flows.js';

let server: AttackServer;
let a: Attacker;
const figures = new Figures();

beforeAll(async () => {
  server = await startAttackServer();
  a = new Attacker(server, figures);
});
afterAll(async () => {
  console.log(figures.table('Attacker pass 2026-12 (2), real server process over HTTP'));
  await server?.stop();
});

describe('an idempotency key that is a command id the server derives', () => {
  // The scheduler records a hazard's due-soon warning, overdue notice and escalation under
  // tick:<stage>:<hazard>:<deadline>, and a report under <hazard>:report — ids in the one namespace
  // the Idempotency-Key of POST /hazards/{id}/commands becomes. The enterprise can read its hazard's
  // id and deadline: an extension request sent under the overdue notice's id was accepted, and the
  // scheduler's notice was then a reused key on every run (core's test: no overdue notice, no
  // escalation, 13 days past the deadline).
  it('an enterprise’s command under the scheduler’s or a report’s id: 422 INVALID_COMMAND naming the key, nothing stored', async () => {
    const id = await a.rectifyingGeneral();
    const deadline = (await server.call('owner-e1', 'GET', `/api/hazards/${id}`)).body?.state?.deadline as string;
    expect(deadline).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const extension = { type: 'request_extension', extension: { days: 3 }, reason: reason('等待配件', 'waiting for parts') };
    for (const key of [`tick:overdue:${id}:${deadline}`, `tick:escalate:${id}:${deadline}`, `tick:due_soon:${id}:${deadline}`, `${id}:report`, 'tick:x']) {
      const reply = await a.unchanged(() => a.command('idempotency key of the server', 'owner-e1', id, extension, { 'idempotency-key': key }));
      expect(reply.status, `${key}: ${reply.text}`).toBe(422);
      expect(reply.body.code).toBe('INVALID_COMMAND');
      expect(reply.body.detail).toContain(key.slice(0, 20));
    }
    const english = await a.command('idempotency key of the server', 'owner-e1', id, extension, { 'idempotency-key': `tick:overdue:${id}:${deadline}`, 'accept-language': 'en' });
    expect(english.body.detail).toMatch(/the server derives for its own commands/);
    // The same request under a key of its own is the enterprise's to send.
    expect((await a.command('idempotency key of the server', 'owner-e1', id, extension)).status).toBe(200);
  });
});

describe('a manual observation under the hazard id the server derives for a report', () => {
  // A sensor's or a permit's report has a hazard id anyone who knows the device or permit can compute
  // (hz- and 24 hex digits); an observation created under it first made that report HAZARD_EXISTS.
  it('a grid inspector’s observation under hz-<24 hex>: 422 INVALID_COMMAND naming the id, nothing stored; obs-<key> is created', async () => {
    const observation = { type: 'report_observation', title: reason('燃气泄漏', 'gas leak'), enterpriseId: 'E1', domain: 'gas', level: 'general', evidence: [] };
    const derived = `hz-${'0123456789abcdef01234567'}`;
    const refused = await a.unchanged(() => a.command('observation under a report’s hazard id', 'grid-g1', derived, observation));
    expect(refused.status, refused.text).toBe(422);
    expect(refused.body.code).toBe('INVALID_COMMAND');
    expect(refused.body.detail).toContain(derived);
    expect((await server.call('grid-g1', 'GET', `/api/hazards/${derived}`)).status).toBe(404);
    expect((await a.command('observation under a report’s hazard id', 'grid-g1', `obs-${derived}`, observation)).status).toBe(200);
  });
});

describe('the lingering close of a request whose body nothing reads', () => {
  /**
   * Opens a raw connection, sends `head`, then 64 KiB every 50 ms for up to `forMs`; resolves with
   * the status line the server answered, when the server closed the connection (ms after the
   * headers; null: still open after `forMs`) and how many body bytes were written.
   */
  function endlessBody(head: string, chunk: (n: number) => Buffer, forMs: number): Promise<{ status: string; closedAfterMs: number | null; sent: number }> {
    return new Promise((resolve) => {
      // Half-open: the server's FIN after its answer ends only its side; the client keeps writing until the server
      // closes the connection (a reset, or the close), which is when it stopped reading.
      const socket = connect({ port: Number(new URL(server.base).port), host: '127.0.0.1', allowHalfOpen: true });
      const started = Date.now();
      let reply = '';
      let sent = 0;
      let done = false;
      const finish = (closedAfterMs: number | null) => {
        if (done) return;
        done = true;
        clearInterval(pump);
        clearTimeout(stop);
        socket.destroy();
        resolve({ status: reply.split('\r\n')[0] ?? '', closedAfterMs, sent });
      };
      socket.setEncoding('latin1');
      socket.on('data', (d: string) => (reply += d));
      socket.on('error', () => finish(Date.now() - started));
      socket.on('close', () => finish(Date.now() - started));
      socket.write(head);
      let n = 0;
      const pump = setInterval(() => {
        if (!socket.writable) return;
        const c = chunk(n++);
        sent += c.length;
        socket.write(c);
      }, 50);
      const stop = setTimeout(() => finish(null), forMs);
    });
  }

  const bytes = Buffer.alloc(64 * 1024, 0x61);
  const chunked = Buffer.concat([Buffer.from(`${(64 * 1024).toString(16)}\r\n`), bytes, Buffer.from('\r\n')]);

  // A POST answered before its body was read lingers at most LINGER_MS / LINGER_BYTES; a GET or HEAD
  // with a body kept the connection open (keep-alive) and Node read and dropped the body for as long
  // as the client sent it: 10 MB over 8 s, still open — an anonymous client held a socket and the
  // server's reading for the host's requestTimeout (Node's default 300 s), past the adapter's limits.
  it('an anonymous GET or HEAD with a body that never ends: answered, then closed within the linger’s limits', async () => {
    const cases = [
      ['GET, Content-Length 100 GB', 'GET /api/hazards HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000000\r\n\r\n', () => bytes],
      ['HEAD, Content-Length 100 GB', 'HEAD /api/hazards HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000000\r\n\r\n', () => bytes],
      ['GET, chunked without end', 'GET /api/hazards HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n', () => chunked],
      ['GET of an actor, Content-Length 100 GB', 'GET /api/enterprises HTTP/1.1\r\nHost: x\r\nx-actor: owner-e1\r\nContent-Length: 100000000000\r\n\r\n', () => bytes],
    ] as const;
    const results = await Promise.all(cases.map(([, head, chunk]) => endlessBody(head, chunk, LINGER_MS + 6_000)));
    for (const [i, [name]] of cases.entries()) {
      const r = results[i]!;
      figures.record('endless body of a GET or HEAD', { status: Number(r.status.split(' ')[1] ?? 0) });
      expect(r.status, name).toMatch(/^HTTP\/1\.1 (200|401) /);
      expect(r.closedAfterMs, `${name}: ${JSON.stringify(r)}`).not.toBeNull();
      expect(r.closedAfterMs!, name).toBeLessThan(LINGER_MS + 3_000);
      expect(r.sent, name).toBeLessThan(LINGER_BYTES);
    }
  });

  /** Sends `requests` on one connection at once; resolves with the status lines answered before the server closed it (or 1 s passed). */
  function pipelined(requests: string): Promise<string[]> {
    return new Promise((resolve) => {
      const socket = connect(Number(new URL(server.base).port), '127.0.0.1');
      let buffer = '';
      const done = () => (clearTimeout(timer), socket.destroy(), resolve(buffer.match(/HTTP\/1\.1 \d{3}/g) ?? []));
      const timer = setTimeout(done, 1_000);
      socket.setEncoding('latin1');
      socket.on('data', (d: string) => (buffer += d));
      socket.on('error', done);
      socket.on('end', done);
      socket.write(requests);
    });
  }

  it('a GET without a body keeps its connection; one with a small body is answered, then its connection closes', async () => {
    const get = (extra = '') => `GET /api/enterprises HTTP/1.1\r\nHost: x\r\nx-actor: owner-e1\r\n${extra}`;
    expect(await pipelined(`${get()}\r\n${get()}\r\n`)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 200']);
    expect(await pipelined(`${get('Content-Length: 5\r\n')}\r\nhello${get()}\r\n`)).toEqual(['HTTP/1.1 200']);
  });
});

describe('every reply of this file', () => {
  it('0 answers 5xx, 0 errors logged by the server', () => {
    expect(figures.fiveXX).toBe(0);
    expect(server.logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});
