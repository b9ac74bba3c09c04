// `pnpm bench:portal`: how the demo portal loads on a phone over a slow network (issue 14's
// targets: login and each role's home page usable — first contentful paint and the main list
// rendered — in < 2 s on Fast 3G from a cold cache; JavaScript on pages other than the
// dashboard ≤ 60 KB compressed). Printed as figures and ratios to those targets, never asserted.
//
//  1. Starts the portal (examples/portal/src/server.ts) on a free port with a fresh data dir.
//  2. Chromium (playwright-core, /usr/bin/chromium or CHROMIUM_PATH) at 390×844, CDP network
//     throttling as DevTools' "Fast 3G" (562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s up), a
//     new context per measurement (cold cache), CPU not throttled.
//  3. For the login page and each role's home page: first contentful paint, "usable" (the page's
//     #app[data-page] set after its list rendered), bytes transferred by type (JavaScript inlined
//     in the page on a first visit counted as JS, brotli-compressed as sent); the API's
//     GET /api/hazards and the portal's GET /worklist timed unthrottled.
// Options: --runs 3 (median of runs) --no-throttle
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { chromiumPath } from '../chromium-path.mjs';

// playwright-core is the portal's dev dependency (examples/portal), loaded from there; the few
// parts used here are typed below.
interface CdpSession {
  send(method: string, params?: object): Promise<unknown>;
  on(event: string, listener: (e: never) => void): void;
}
interface Page {
  goto(url: string, o?: object): Promise<unknown>;
  waitForSelector(s: string, o?: object): Promise<unknown>;
  evaluate<T>(f: () => T): Promise<T>;
  waitForTimeout(ms: number): Promise<void>;
}
interface Context {
  addCookies(c: object[]): Promise<void>;
  newPage(): Promise<Page>;
  newCDPSession(p: Page): Promise<CdpSession>;
  close(): Promise<void>;
}
interface Browser {
  newContext(o?: object): Promise<Context>;
  close(): Promise<void>;
}
const { chromium } = createRequire(join(process.cwd(), 'examples/portal/package.json'))('playwright-core') as { chromium: { launch(o: object): Promise<Browser> } };

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, 'no-throttle': { type: 'boolean', default: false } } });
const RUNS = Math.max(1, Number(values.runs) || 3);
const PASSWORD = process.env.ANJIAN_DEMO_PASSWORD ?? 'anjian-demo';
const TARGET_MS = 2000;
const JS_BUDGET = 60 * 1024;
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.44 * 1024 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer().listen(0, () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

function startPortal(port: number, dataDir: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/run-ts.mjs', 'examples/portal/src/server.ts'], {
      env: { ...process.env, PORT: String(port), ANJIAN_DATA_DIR: dataDir, PORTAL_STOP_ON_STDIN_END: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes(`http://127.0.0.1:${port}/`)) resolve(child);
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => reject(new Error(`portal exited with ${code}:\n${out}`)));
  });
}

interface Sample {
  fcp: number;
  usable: number;
  /** Script bytes: files (as transferred) plus scripts inlined in the page (brotli-compressed here, as the server sends them). */
  js: number;
  css: number;
  total: number;
  requests: number;
}

/** One cold-cache load of `hash` (signed in as `user` first when given), throttled. */
async function measure(browser: Browser, base: string, user: string | null, hash: string, page: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  if (user) {
    // the session cookie is set outside the measured load (signing in is measured as the login page)
    const res = await fetch(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, password: PASSWORD }) });
    const cookie = /anjian_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    if (!cookie) throw new Error(`sign-in of ${user}: HTTP ${res.status}`);
    await context.addCookies([{ name: 'anjian_session', value: cookie, url: base }]);
  }
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (!values['no-throttle']) await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  const bytes = { js: 0, css: 0, total: 0, requests: 0 };
  const types = new Map<string, string>();
  cdp.on('Network.responseReceived', (e: { requestId: string; type: string }) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    const type = types.get(e.requestId);
    bytes.total += e.encodedDataLength;
    bytes.requests++;
    if (type === 'Script') bytes.js += e.encodedDataLength;
    if (type === 'Stylesheet') bytes.css += e.encodedDataLength;
  });
  const start = Date.now();
  await p.goto(`${base}/${hash}`, { waitUntil: 'commit' });
  await p.waitForSelector(`#app[data-page="${page}"]`, { timeout: 120_000 });
  const usable = Date.now() - start;
  const fcp = await p.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
  // A first visit carries the UI inlined in the page (examples/portal/src/index-page.ts): counted as JavaScript too.
  const inline = await p.evaluate(() =>
    Array.from(document.querySelectorAll('script[type="module"]:not([src])'))
      .map((e) => e.textContent ?? '')
      .join(''),
  );
  const inlineJs = inline ? brotliCompressSync(inline, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }).length : 0;
  await p.waitForTimeout(300); // late responses counted
  await context.close();
  return { fcp, usable, ...bytes, js: bytes.js + inlineJs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'anjian-bench-portal-'));
  const server = await startPortal(port, dataDir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const cases: [string, string | null, string, string][] = [
      ['login page', null, '#/login', 'login'],
      ['enterprise home (owner-lvyuan)', 'owner-lvyuan', '#/enterprise', 'enterprise'],
      ['grid home (grid-wang)', 'grid-wang', '#/grid', 'grid'],
      ['enforcement home (officer-li)', 'officer-li', '#/enforcement', 'enforcement'],
      ['worklist (officer-li)', 'officer-li', '#/list?queue=open', 'list'],
      ['dashboard (admin-chen)', 'admin-chen', '#/dashboard', 'dashboard'],
    ];
    console.log(`bench:portal — Chromium 390×844, ${values['no-throttle'] ? 'no throttling' : 'Fast 3G (562.5 ms, 1.44 Mbit/s)'}, cold cache, median of ${RUNS}`);
    console.log(`targets: usable < ${TARGET_MS} ms; JavaScript ≤ ${kb(JS_BUDGET)} compressed off the dashboard (ratio = figure / target; < 1 meets it)\n`);
    console.log(['page', 'FCP ms', 'usable ms', 'ratio', 'JS', 'JS ratio', 'CSS', 'all bytes', 'requests'].join('\t'));
    for (const [label, user, hash, page] of cases) {
      const samples: Sample[] = [];
      for (let i = 0; i < RUNS; i++) samples.push(await measure(browser, base, user, hash, page));
      const m = (k: keyof Sample) => median(samples.map((s) => s[k]));
      const jsRatio = page === 'dashboard' ? '(dashboard)' : (m('js') / JS_BUDGET).toFixed(2);
      console.log([label, m('fcp').toFixed(0), m('usable').toFixed(0), (m('usable') / TARGET_MS).toFixed(2), kb(m('js')), jsRatio, kb(m('css')), kb(m('total')), m('requests')].join('\t'));
    }
    // The API and the worklist, unthrottled, from Node (server time plus loopback).
    const res = await fetch(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'officer-li', password: PASSWORD }) });
    const cookie = /anjian_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
    const timed = async (path: string) => {
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        await (await fetch(`${base}${path}`, { headers: { cookie } })).arrayBuffer();
        times.push(performance.now() - t0);
      }
      return median(times);
    };
    const reference = await timed('/api/hazards?limit=50');
    console.log(`\nunthrottled, median of 20 (reference: GET /api/hazards?limit=50 = ${reference.toFixed(1)} ms)`);
    for (const path of ['/worklist?queue=open', '/worklist.xlsx?queue=all']) {
      const ms = await timed(path);
      console.log(`${path}: ${ms.toFixed(1)} ms, ratio to the reference ${(ms / reference).toFixed(2)}`);
    }
  } finally {
    await browser.close();
    server.stdin!.end();
    await new Promise((r) => server.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
