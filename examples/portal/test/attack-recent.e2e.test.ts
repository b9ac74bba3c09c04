/**
 * Hostile requests against the real demo portal (a server process on a free port, a
 * temporary data folder, no browser) aimed at the features added last: hazardous-work
 * permits, and the server's own socket limits. Each case is a defect found by attacking the
 * running portal over HTTP; the test replays the attack and checks the answer and that a
 * refusal wrote nothing (docs/security.md T19, T35, T59, T62).
 */
import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedHostNames, clientAddressOf, createPortalServer, hostRefusal, PORTAL_SERVER_LIMITS, portalServerLimits, trustedProxies } from '../src/portal-server.js';
import { demoPng } from '../src/demo-png.js';
import { DEMO_PASSWORD } from '../src/demo-users.js';
import { join } from 'node:path';
import { startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;

beforeAll(async () => {
  portal = await startPortal({ browser: false });
});
afterAll(async () => {
  await portal?.stop();
});

let keys = 0;
const key = () => `attack-recent-${keys++}`;

/** Permit ids the owner of 绿园餐厅 can list: what a refused request must leave as it was. */
async function permitIds(): Promise<string[]> {
  const list = await portal.api('owner-lvyuan', 'GET', '/permits?enterpriseId=ent-lvyuan');
  expect(list.status).toBe(200);
  return (list.body.items as { permitId: string; version: number }[]).map((p) => `${p.permitId}@${p.version}`).sort();
}

describe('permit times are instants, never guessed (T19)', () => {
  const apply = (validFrom: string) => ({
    kind: 'confined_space',
    grade: 'none',
    enterpriseId: 'ent-lvyuan',
    workerIds: ['赵师傅'],
    attendantId: 'attendant-lvyuan',
    validFrom,
  });
  // In ten minutes, written as the server's UTC wall clock without an offset: before the fix the
  // server read it as its own local time (on a UTC host ten minutes from now, in 北京时间 eight
  // hours earlier), so one string named two instants.
  const inTen = () => new Date(Date.now() + 10 * 60_000).toISOString();

  it('validFrom without an offset, or on a day that does not exist: 422 at /validFrom, no permit', async () => {
    const before = await permitIds();
    const noOffset = inTen().slice(0, 19);
    const feb30 = `${new Date().getUTCFullYear() + 1}-02-30T09:00:00Z`;
    for (const validFrom of [noOffset, `${noOffset.slice(0, 16)}`, feb30, `${inTen().slice(0, 10)}`]) {
      const r = await portal.api('owner-lvyuan', 'POST', '/permits', apply(validFrom), key());
      expect([r.status, r.body.code, r.body.issues?.[0]?.pointer], validFrom).toEqual([422, 'INVALID_COMMAND', '/validFrom']);
      expect(r.body.issues[0].message.en).toMatch(/offset/);
      expect(r.body.issues[0].message['zh-CN']).toMatch(/时区/);
    }
    expect(await permitIds()).toEqual(before);
    // With an offset it is a permit, the same instant whichever offset names it.
    const at = new Date(Date.now() + 20 * 60_000);
    at.setUTCSeconds(0, 0);
    const beijing = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00';
    const ok = await portal.api('owner-lvyuan', 'POST', '/permits', apply(beijing), key());
    expect(ok.status, JSON.stringify(ok.body).slice(0, 300)).toBe(201);
    expect(ok.body.permit.validFrom).toBe(at.toISOString());
  });

  it('a gas test sampled at a time without an offset: 422 at /sampledAt, the permit unchanged', async () => {
    const applied = await portal.api('owner-lvyuan', 'POST', '/permits', apply(new Date(Date.now() + 60_000).toISOString()), key());
    expect(applied.status).toBe(201);
    const id: string = applied.body.permit.permitId;
    expect((await portal.api('safety-lvyuan', 'POST', `/permits/${id}/approve`, undefined, key())).status).toBe(200);
    const before = await permitIds();
    const reading = { instrument: '四合一气体检测仪', place: '井口下1米', o2PctVol: 20.9, flammablePctLel: 0 };
    for (const sampledAt of [new Date(Date.now() - 60_000).toISOString().slice(0, 19), `${new Date().getUTCFullYear()}-02-30T00:00:00Z`]) {
      const r = await portal.api('owner-lvyuan', 'POST', `/permits/${id}/gas-tests`, { ...reading, sampledAt }, key());
      expect([r.status, r.body.code, r.body.issues?.[0]?.pointer], sampledAt).toEqual([422, 'INVALID_COMMAND', '/sampledAt']);
    }
    expect(await permitIds()).toEqual(before);
    const ok = await portal.api('owner-lvyuan', 'POST', `/permits/${id}/gas-tests`, { ...reading, sampledAt: new Date(Date.now() - 60_000).toISOString() }, key());
    expect(ok.status, JSON.stringify(ok.body).slice(0, 300)).toBe(200);
  });
});

describe('the inspection time is the server’s unless claimed, and never in the future (T19)', () => {
  // $inspectedAt decides which standard is in force (GB 46768 from 2026-05-01 in the confined-space and
  // chemicals packs) and which deadlines have passed. Before, a report without it was classified with every
  // such condition false, and one dated next year was classified as of next year.
  const kitchen = (extra: Record<string, unknown> = {}) => ({
    pack: 'demo-kitchen',
    premises: 'restaurant',
    subject: { enterpriseId: 'ent-lvyuan' },
    findings: { gas_type: 'natural_gas', below_ground: false, alarm_installed: true, alarm_working: true, hose_length_m: 1 },
    ...extra,
  });
  const file = async () => (await portal.api('owner-lvyuan', 'GET', '/enterprises/ent-lvyuan/file')).body as { inspections: { id: string; inspectedAt: string | null }[]; hazards: unknown };
  /** The enterprise's inspections and hazards (its file without the times of reading). */
  const recorded = async () => {
    const f = await file();
    return JSON.stringify([f.inspections, f.hazards]);
  };

  it('a claimed inspection time in the future: 422 at /inspectedAt, no inspection and no hazard recorded', async () => {
    const before = await recorded();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const r = await portal.api(
      'owner-lvyuan',
      'POST',
      '/inspections?report=true',
      kitchen({ inspectedAt: tomorrow, findings: { gas_type: 'natural_gas', below_ground: false, alarm_installed: false, hose_length_m: 1 } }),
      key(),
    );
    expect([r.status, r.body.code, r.body.issues?.[0]?.code, r.body.issues?.[0]?.pointer]).toEqual([422, 'INVALID_INSPECTION', 'INSPECTED_AT_IN_FUTURE', '/inspectedAt']);
    expect(r.body.issues[0].message['zh-CN']).toMatch(/将来/);
    expect(await recorded()).toBe(before);
  });

  it('no claimed time: classified and recorded as of the server’s clock', async () => {
    const from = Date.now();
    const r = await portal.api('owner-lvyuan', 'POST', '/inspections?report=true', kitchen(), key());
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    const record = (await file()).inspections.find((i) => i.id === r.body.inspectionId);
    expect(record?.inspectedAt).toEqual(expect.any(String));
    expect(Date.parse(record!.inspectedAt!)).toBeGreaterThanOrEqual(from - 1000);
    expect(Date.parse(record!.inspectedAt!)).toBeLessThanOrEqual(Date.now() + 1000);
  });
});

describe('slow clients are cut off (T35)', () => {
  let slow: PortalHarness;
  beforeAll(async () => {
    // The same server with short limits, so the test waits for seconds, not for the defaults.
    slow = await startPortal({ browser: false, env: { PORTAL_HEADERS_TIMEOUT_MS: '800', PORTAL_REQUEST_TIMEOUT_MS: '2000', PORTAL_IDLE_TIMEOUT_MS: '1500' } });
  });
  afterAll(async () => {
    await slow?.stop();
  });

  /**
   * Opens `n` sockets that each write `head`, then `drip` every 100 ms, forever; resolves with
   * what the server sent on each once every socket is closed (the test's timeout is the limit).
   */
  function dribble(n: number, head: string, drip: string): Promise<string[]> {
    const { port } = new URL(slow.base);
    const sockets: Socket[] = [];
    return new Promise((resolve) => {
      const answers: string[] = Array.from({ length: n }, () => '');
      let open = n;
      const timer = setInterval(() => {
        for (const s of sockets) if (!s.destroyed && s.writable) s.write(drip);
      }, 100);
      for (let i = 0; i < n; i++) {
        const s = connect(Number(port), '127.0.0.1');
        sockets.push(s);
        s.on('data', (d) => (answers[i] += d.toString()));
        s.on('error', () => undefined);
        s.on('close', () => {
          if (--open === 0) {
            clearInterval(timer);
            resolve(answers);
          }
        });
        if (head) s.write(head);
      }
    });
  }

  it('headers sent a line at a time: 408 and closed (Node alone kept them 60–90 s)', async () => {
    const answers = await dribble(20, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n', 'X-Slow: 1\r\n');
    expect(answers.map((a) => a.split('\r\n')[0])).toEqual(Array.from({ length: 20 }, () => 'HTTP/1.1 408 Request Timeout'));
  });

  it('a sign-in body sent a byte at a time: 408 and closed (Node alone kept it 300 s)', async () => {
    const answers = await dribble(20, 'POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{', ' ');
    expect(answers.map((a) => a.split('\r\n')[0])).toEqual(Array.from({ length: 20 }, () => 'HTTP/1.1 408 Request Timeout'));
  });

  it('a socket that sends nothing is closed; the server still answers', async () => {
    const answers = await dribble(20, '', '');
    // Closed silently by the idle limit, or answered 408 by the headers limit when Node's periodic
    // check (every 800 ms here, its phase set by the server's start) comes first: either way closed.
    expect(answers.filter((a) => a !== '' && !a.startsWith('HTTP/1.1 408 Request Timeout\r\n'))).toEqual([]);
    const res = await fetch(`${slow.base}/session`);
    expect(res.status).toBe(200);
  });

  it('the defaults are far below Node’s (10 s for headers, 120 s per request, 30 s idle); a bad setting is refused in both languages', () => {
    const server = createPortalServer(() => undefined);
    expect([server.headersTimeout, server.requestTimeout, server.timeout]).toEqual([PORTAL_SERVER_LIMITS.headersTimeoutMs, PORTAL_SERVER_LIMITS.requestTimeoutMs, PORTAL_SERVER_LIMITS.idleTimeoutMs]);
    expect([server.headersTimeout, server.requestTimeout, server.timeout]).toEqual([10_000, 120_000, 30_000]);
    const refused: string[] = [];
    const refuse = (zh: string, en: string): never => {
      refused.push(`${zh} | ${en}`);
      throw new Error(en);
    };
    expect(() => portalServerLimits({ PORTAL_REQUEST_TIMEOUT_MS: '5m' }, refuse)).toThrow(/milliseconds/);
    expect(refused[0]).toMatch(/毫秒/);
    expect(portalServerLimits({ PORTAL_HEADERS_TIMEOUT_MS: '20000', PORTAL_REQUEST_TIMEOUT_MS: '1000' }, refuse)).toMatchObject({ headersTimeoutMs: 20_000, requestTimeoutMs: 20_000 });
  });
});

describe('a page on another domain name reaches the portal by DNS rebinding (T59)', () => {
  /** A raw request with the `Host` header the browser of a rebound name sends: status, Set-Cookie. */
  const withHost = (host: string, method: string, path: string, body?: string): Promise<{ status: number; cookie: string | undefined; text: string }> =>
    new Promise((resolve, reject) => {
      const { port } = new URL(portal.base);
      const headers: Record<string, string> = { host, ...(body === undefined ? {} : { 'content-type': 'application/json', origin: `http://${host}` }) };
      const req = httpRequest({ host: '127.0.0.1', port: Number(port), method, path, headers }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, cookie: res.headers['set-cookie']?.join(), text }));
      });
      req.on('error', reject);
      req.end(body);
    });

  it('a Host that names another domain is refused before any route — no demo logins, no sign-in, no session (403, both languages)', async () => {
    const { port } = new URL(portal.base);
    const rebound = `rebind.attacker.example:${port}`;
    // The attacker's page at that name signs in with the printed demo password (its Origin matches its Host).
    const login = await withHost(rebound, 'POST', '/login', JSON.stringify({ user: 'admin-chen', password: DEMO_PASSWORD }));
    expect([login.status, login.cookie]).toEqual([403, undefined]);
    expect(JSON.parse(login.text)).toMatchObject({ code: 'HOST_NOT_ALLOWED' });
    expect(login.text).toMatch(/PORTAL_ALLOWED_HOSTS/);
    expect(login.text).toMatch(/域名/);
    for (const path of ['/demo/users', '/', '/api/packs']) expect((await withHost(rebound, 'GET', path)).status, path).toBe(403);
    // The names of this machine still answer: an address, localhost.
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`, '127.0.0.1']) expect((await withHost(host, 'GET', '/demo/users')).status, host).toBe(200);
  });

  it('which names are allowed: addresses, localhost and the names in PORTAL_ALLOWED_HOSTS', () => {
    const allowed = allowedHostNames({ PORTAL_ALLOWED_HOSTS: 'Anjian.Example.gov.cn, portal.lan ' });
    const refusal = (host: string | undefined) => hostRefusal(host, allowed);
    for (const host of ['127.0.0.1:3000', '10.0.0.7', '[::1]:3000', '[2001:db8::1]', 'localhost', 'a.localhost:80', 'anjian.example.gov.cn', 'ANJIAN.EXAMPLE.GOV.CN.:443', 'portal.lan:3000'])
      expect(refusal(host), host).toBeNull();
    for (const host of [
      undefined,
      '',
      'rebind.attacker.example',
      'localhost.attacker.example',
      '127.0.0.1.nip.io:3000',
      'example.gov.cn',
      'portal.lan.evil',
      '0x7f000001',
      '2130706433',
      '127.1',
      '[::1',
    ])
      expect(refusal(host), String(host)).not.toBeNull();
    expect(hostRefusal('anything.example', allowedHostNames({ PORTAL_ALLOWED_HOSTS: '*' }))).toBeNull();
  });
});

describe('requests another site can send without a preflight (T30, T57)', () => {
  it('a bodyless approval, a photo as a form upload and a sign-out from another site: 403 CROSS_SITE_REQUEST, the permit still waits, no upload stored', async () => {
    const list = await portal.api('safety-lvyuan', 'GET', '/permits?enterpriseId=ent-lvyuan');
    const waiting = (list.body.items as { permitId: string; status: string }[]).find((p) => p.status === 'applied');
    expect(waiting, 'the seed leaves a confined-space permit awaiting approval').toBeDefined();
    const before = await permitIds();
    const uploads = () => readdirSync(join(portal.dataDir, 'uploads')).length;
    const files = uploads();
    // A multipart form as a page on another site posts it (the photo and its boundary), sent raw: the portal
    // answers before reading it, so a client that insists on writing the whole body sees the socket close.
    const boundary = 'csrfboundary';
    const form = Buffer.concat([
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="photo.png"\r\ncontent-type: image/png\r\n\r\n`),
      Buffer.from(demoPng('csrf')),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const cookie = await portal.cookieOf('owner-lvyuan');
    const postForm = (site: Record<string, string>): Promise<[number, string | undefined]> =>
      new Promise((resolve, reject) => {
        const req = httpRequest(
          `${portal.base}/api/evidence`,
          { method: 'POST', headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': form.length, ...site } },
          (res) => {
            let text = '';
            res.on('data', (d: Buffer) => (text += d.toString()));
            res.on('end', () => resolve([res.statusCode ?? 0, text ? (JSON.parse(text) as { code?: string }).code : undefined]));
          },
        );
        req.on('error', reject);
        req.end(form);
      });
    for (const site of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }, { origin: 'null' }] as Record<string, string>[]) {
      // What a form or fetch(…, { mode: 'no-cors' }) on another site sends: no body, or a multipart form, with the victim's cookie.
      const approve = await portal.fetchAs('safety-lvyuan', `/api/permits/${encodeURIComponent(waiting!.permitId)}/approve`, { method: 'POST', headers: { 'idempotency-key': key(), ...site } });
      const upload = await postForm(site);
      const logout = await portal.fetchAs('owner-lvyuan', '/logout', { method: 'POST', headers: site });
      const codeOf = (text: string) => (text ? (JSON.parse(text) as { code?: string }).code : undefined);
      const answers = [...(await Promise.all([approve, logout].map(async (r) => [r.status, codeOf(await r.text())]))), upload];
      expect(answers, JSON.stringify(site)).toEqual([
        [403, 'CROSS_SITE_REQUEST'],
        [403, 'CROSS_SITE_REQUEST'],
        [403, 'CROSS_SITE_REQUEST'],
      ]);
    }
    expect(await permitIds()).toEqual(before);
    expect(uploads()).toBe(files);
    // From the portal's own page the same approval goes through: the refusal above was the site, not the request.
    const own = await portal.fetchAs('safety-lvyuan', `/api/permits/${encodeURIComponent(waiting!.permitId)}/approve`, {
      method: 'POST',
      headers: { 'idempotency-key': key(), origin: portal.base, 'sec-fetch-site': 'same-origin' },
    });
    expect(own.status).toBe(200);
  });
});

describe('sign-ins behind a reverse proxy (T30)', () => {
  let proxied: PortalHarness;
  beforeAll(async () => {
    // The portal behind a TLS proxy on this machine: every request comes from 127.0.0.1, the client in X-Forwarded-For.
    proxied = await startPortal({ browser: false, env: { ANJIAN_SECURE_COOKIE: '1', PORTAL_TRUSTED_PROXIES: '127.0.0.1' } });
  });
  afterAll(async () => {
    await proxied?.stop();
  });

  const signIn = (client: string, user: string, password: string) =>
    fetch(`${proxied.base}/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': client }, body: JSON.stringify({ user, password }) });

  it('one client’s failed guesses lock out that client, not everyone the proxy serves', async () => {
    // 50 wrong passwords from one client over ten user names: that client is refused.
    for (let i = 0; i < 50; i++) expect((await signIn('203.0.113.7', `owner-${i % 10}`, 'wrong')).status).toBe(401);
    expect((await signIn('203.0.113.7', 'officer-li', DEMO_PASSWORD)).status).toBe(429);
    // Another client behind the same proxy still signs in; a client cannot pass itself off as another by adding addresses on the left.
    expect((await signIn('198.51.100.4', 'officer-li', DEMO_PASSWORD)).status).toBe(200);
    expect((await signIn('198.51.100.4, 203.0.113.7', 'grid-wang', DEMO_PASSWORD)).status).toBe(429);
    expect((await signIn('203.0.113.7, 198.51.100.4', 'grid-wang', DEMO_PASSWORD)).status).toBe(200);
  });

  it('which address counts: the proxy’s X-Forwarded-For only from a trusted proxy, its last entry', () => {
    const refuse = (zh: string, en: string): never => {
      throw new Error(`${zh} | ${en}`);
    };
    const trusted = trustedProxies({ PORTAL_TRUSTED_PROXIES: '127.0.0.1, ::1' }, refuse);
    expect(clientAddressOf('127.0.0.1', '203.0.113.7', trusted)).toBe('203.0.113.7');
    expect(clientAddressOf('::ffff:127.0.0.1', '10.0.0.1, 203.0.113.7', trusted)).toBe('203.0.113.7');
    expect(clientAddressOf('::1', undefined, trusted)).toBe('::1');
    expect(clientAddressOf('192.0.2.9', '203.0.113.7', trusted)).toBe('192.0.2.9'); // not a proxy: its header is the client's own
    expect(clientAddressOf('127.0.0.1', 'not-an-address', trusted)).toBe('127.0.0.1');
    expect(clientAddressOf('127.0.0.1', '203.0.113.7', trustedProxies({}, refuse))).toBe('127.0.0.1'); // none trusted by default
    expect(() => trustedProxies({ PORTAL_TRUSTED_PROXIES: 'proxy.lan' }, refuse)).toThrow(/PORTAL_TRUSTED_PROXIES.*IP/);
  });
});

describe('case files kept on the reader’s disk (T62)', () => {
  it('an enforcement document (HTML, PDF when fonts are there) and an evidence photo are answered no-store, like the portal’s own answers', async () => {
    const hazards = (await portal.api('officer-li', 'GET', '/hazards?limit=200')).body.items as { hazardId: string; enterpriseId: string }[];
    let found: { hazardId: string; kind: string } | undefined;
    for (const h of hazards) {
      const items = (await portal.api('officer-li', 'GET', `/hazards/${h.hazardId}/documents`)).body.items as { kind: string }[] | undefined;
      if (items?.[0]) {
        found = { hazardId: h.hazardId, kind: items[0].kind };
        break;
      }
    }
    expect(found, 'the seed issues a document').toBeDefined();
    const html = await portal.fetchAs('officer-li', `/api/hazards/${found!.hazardId}/documents/${found!.kind}`);
    expect([html.status, html.headers.get('cache-control')]).toEqual([200, 'no-store']);
    const pdf = await portal.fetchAs('officer-li', `/api/hazards/${found!.hazardId}/documents/${found!.kind}?format=pdf`);
    if (pdf.status === 200) expect(pdf.headers.get('cache-control')).toBe('no-store');
    else expect((await pdf.json()).code).toBe('PDF_NOT_CONFIGURED');
    const own = hazards.find((h) => h.enterpriseId === 'ent-lvyuan')!;
    const photo = await portal.uploadPhoto('owner-lvyuan', own.hazardId, 'no-store');
    const served = await portal.fetchAs('owner-lvyuan', `/api/evidence/${encodeURIComponent(photo)}`);
    expect([served.status, served.headers.get('content-type'), served.headers.get('cache-control')]).toEqual([200, 'image/png', 'no-store']);
    // The ETag still names the bytes (their SHA-256); with nothing stored there is nothing to revalidate, and If-None-Match gets the file.
    const etag = served.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await portal.fetchAs('owner-lvyuan', `/api/evidence/${encodeURIComponent(photo)}`, { headers: { 'if-none-match': etag } });
    expect([again.status, again.headers.get('cache-control'), (await again.arrayBuffer()).byteLength]).toEqual([200, 'no-store', (await served.arrayBuffer()).byteLength]);
  }, 60_000);
});
