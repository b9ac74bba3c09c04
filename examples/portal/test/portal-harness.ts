/**
 * Shared harness of the portal's end-to-end tests: starts the portal (its sources bundled by
 * esbuild once per test run, see global-setup.ts; no package build) on a free port with a
 * temporary data dir, connects to the run's Chromium (Debian's, through playwright-core; one
 * for the run, see global-setup.ts), signs demo users in (a session from `POST /login`, once per
 * user and file, put into each new browser context as its cookie) and navigates by hash. Each
 * test file starts its own portal and browser connection, so files are
 * independent of each other's data and pages.
 *
 * Needs Chromium (scripts/chromium-path.mjs: CHROMIUM_PATH, Debian's headless shell or chromium); without it `startPortal` throws,
 * so the tests fail rather than skip.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '@anjian/core';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject, vi } from 'vitest';
import { bundleNodePath, bundleTs } from '../../../scripts/bundle-ts.mjs';
import { chromiumPath } from '../../../scripts/chromium-path.mjs';
import { CHROMIUM_ARGS } from './global-setup.js';
import { demoPng } from '../src/demo-png.js';
import { DEMO_PASSWORD } from '../src/demo-users.js';

const portalDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = join(portalDir, '../..');

// A browser, a server child process and scrypt sign-ins: on a shared, busy machine a walk
// through the chain takes far longer than a unit test, so the e2e files get generous limits.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 180_000 });
const BROWSER_TIMEOUT_MS = 90_000;

/** Where screenshots go (examples/portal/test-results/). */
export const shots = join(portalDir, 'test-results');

/** A running portal and browser. */
/** Who stands by as second officer for a demo officer in the browser flows (the other officer of D1). */
export const DEFAULT_CO_SIGNER: Readonly<Record<string, string>> = { 'officer-li': 'officer-zhao', 'officer-zhao': 'officer-li', 'officer-sun': 'officer-li' };

/** What the harness puts in an empty co-sign code field; replaced on the way out by the standing-by officer's code. */
const CO_SIGN_MARK = '0000 0000';

/**
 * The co-sign code `officer` generates in his own session for the act `body` sends to `apiPath`
 * (`/api/hazards/{id}/commands`: its type on the hazard; `/api/inspections`: a report at its
 * enterprise). An officer who may not give one gives none (the act then goes with an empty code).
 */
async function coSignCodeFor(fetchAs: (user: string, path: string, init?: RequestInit) => Promise<Response>, officer: string, apiPath: string, body: unknown): Promise<string> {
  const b = (typeof body === 'object' && body !== null ? body : {}) as { type?: string; enterpriseId?: string; subject?: { enterpriseId?: string; id?: string }; [field: string]: unknown };
  const hazard = /^\/api\/hazards\/([^/]+)\/commands$/.exec(apiPath)?.[1];
  const target =
    hazard !== undefined && b.type !== 'report_observation'
      ? { path: `/api/hazards/${hazard}/co-sign-codes`, act: b.type }
      : { path: `/api/enterprises/${encodeURIComponent(b.enterpriseId ?? b.subject?.enterpriseId ?? b.subject?.id ?? '')}/co-sign-codes`, act: b.type ?? 'report' };
  // He confirms what the act binds (decision 010, update): the body's bound fields, as he is shown them.
  const { coSignContentFields } = await import('@anjian/core/internal');
  const fields = coSignContentFields(target.act ?? '');
  const content = Object.fromEntries(fields.filter((f) => b[f] !== undefined).map((f) => [f, b[f]]));
  const issue = fields.length === 0 ? { act: target.act } : { act: target.act, content };
  const res = await fetchAs(officer, target.path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(issue) });
  return res.status === 201 ? ((await res.json()) as { code: string }).code : '';
}

export interface PortalHarness {
  /** `http://127.0.0.1:<port>` */
  base: string;
  browser: Browser;
  dataDir: string;
  /**
   * A new browser context signed in as `userId`, waiting for its home page `home` to render: the user's session
   * (the one {@link cookieOf} keeps: `POST /login` once per user and file) is the context's session cookie, and the
   * page opens at `#/<home>`. Through the login form only when the server no longer knows that session (the page
   * shows the login form then); the files that test the login form (portal, client-walk, a11y) type into it themselves;
   * `context` adds browser context options (a phone viewport, `bypassCSP` to inject axe-core). `coSigner`: the
   * officer who stands by as second officer and tells his co-sign code when an act needs one (default: the other
   * demo officer, see {@link DEFAULT_CO_SIGNER}; `null`: nobody — the test types codes itself).
   */
  signIn(userId: string, home: string, locale?: string, context?: BrowserContextOptions & { coSigner?: string | null }): Promise<Page>;
  /** Calls the portal's API as a demo user (a session from POST /login); `key` becomes the Idempotency-Key. */
  api(user: string, method: string, path: string, body?: unknown, key?: string): Promise<{ status: number; body: any }>;
  /** Fetches any portal path as a demo user (its session cookie added). */
  fetchAs(user: string, path: string, init?: RequestInit): Promise<Response>;
  /** The session cookie (`anjian_session=…`) of a demo user, signing in once through POST /login (also {@link signIn}'s). */
  cookieOf(user: string): Promise<string>;
  /** Uploads a unique PNG as evidence of a hazard (as `user`); returns the evidence id. */
  uploadPhoto(user: string, hazardId: string, name: string): Promise<string>;
  /**
   * Forgets the sessions {@link cookieOf} keeps, so the next API call signs in again (after a
   * test moved the clock of an in-process portal past the sessions' lifetime).
   */
  forgetSessions(): void;
  /** Closes the browser, stops the portal, removes the data dir. */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

const SERVER = 'examples/portal/src/server.ts';

/**
 * The server bundle this test run shares (global-setup.ts gives the folder): the first file to
 * start a portal bundles it, files starting meanwhile wait for it. `undefined` without the
 * global setup or when bundling failed: then each start bundles on its own (scripts/run-ts.mjs),
 * which shows the error.
 */
async function sharedServerBundle(): Promise<string | undefined> {
  const dir = inject('portalBundleDir');
  if (!dir) return undefined;
  const bundle = join(dir, 'server.cjs');
  const failed = join(dir, 'failed');
  if (existsSync(bundle)) return bundle;
  try {
    mkdirSync(dir, { recursive: true });
    mkdirSync(join(dir, 'building'));
  } catch {
    // another file is bundling it
    for (const until = Date.now() + 120_000; !existsSync(bundle) && !existsSync(failed) && Date.now() < until;) await new Promise((r) => setTimeout(r, 100));
    return existsSync(bundle) ? bundle : undefined;
  }
  try {
    const partial = join(dir, `server-${process.pid}.cjs`);
    await bundleTs(SERVER, partial);
    renameSync(partial, bundle);
    return bundle;
  } catch (error) {
    writeFileSync(failed, String(error));
    return undefined;
  }
}

async function startServer(port: number, dataDir: string, env: Record<string, string>): Promise<ChildProcess> {
  const bundle = await sharedServerBundle();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, bundle ? [bundle] : ['scripts/run-ts.mjs', SERVER], {
      cwd: repoRoot,
      env: { ...process.env, ...(bundle ? { NODE_PATH: bundleNodePath } : {}), PORT: String(port), ANJIAN_DATA_DIR: dataDir, PORTAL_STOP_ON_STDIN_END: '1', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(`http://127.0.0.1:${port}/`)) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => reject(new Error(`portal exited with ${code} before listening:\n${out}`)));
    child.on('error', reject);
  });
}

/** A portal of this process on `port` (createPortal + the server of server.ts), answering by `clock`; resolves its stop. */
async function startInProcess(port: number, dataDir: string, clock: Clock, strictCalendar = false): Promise<() => Promise<void>> {
  // Imported here, not at the top: the portal's whole module graph (the server, the API, core,
  // the stores) is what the files that start no in-process portal would otherwise each import.
  const [{ createPortal }, { createPortalServer }, { toNodeHandler }] = await Promise.all([import('../src/create-portal.js'), import('../src/portal-server.js'), import('@anjian/http')]);
  const portal = await createPortal({ dataDir, clock, tickMs: 0, strictCalendar });
  const server = createPortalServer((req, res) => void toNodeHandler({ fetch: (request: Request) => portal.fetch(request, { clientAddress: req.socket.remoteAddress ?? 'unknown' }) })(req, res));
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await portal.close();
  };
}

/**
 * A connection of its own to the run's Chromium (global-setup.ts launches it on the first
 * request); closing it closes the contexts it made. Without the global setup (a file run by
 * another config) or when the shared launch failed, a Chromium of its own, whose launch shows
 * the error.
 */
async function connectBrowser(): Promise<Browser> {
  const broker = inject('browserBroker');
  const res = broker ? await fetch(broker).catch(() => undefined) : undefined;
  if (res?.ok) return chromium.connect(await res.text());
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/**
 * Starts a portal with a fresh data dir and a headless Chromium; `env` adds to the server's
 * environment (e.g. `ANJIAN_MQTT_URL`); `browser: false` starts no Chromium (HTTP-only
 * tests: `browser` and `signIn` must not be used then). With `clock`, the portal runs in this
 * process on that clock instead of as a child process (`env` then does not apply): the only way
 * a test can let a deadline pass — move the clock, and the server answers as of then;
 * `strictCalendar` (with `clock`) then runs it without the demo's Mon–Fri assumption for later years.
 */
export async function startPortal(options: { env?: Record<string, string>; browser?: boolean; clock?: Clock; strictCalendar?: boolean } = {}): Promise<PortalHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'anjian-portal-'));
  mkdirSync(shots, { recursive: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;
  let stopInProcess: (() => Promise<void>) | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    await stopInProcess?.();
    // Closing stdin stops the server (inside scripts/run-ts.mjs, when used, which then removes its bundle and exits).
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.stdin!.end();
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  // Both start at once; whichever started is stopped again when the other fails.
  const [started, launched] = await Promise.allSettled([
    options.clock ? startInProcess(port, dataDir, options.clock, options.strictCalendar) : startServer(port, dataDir, options.env ?? {}),
    options.browser === false ? Promise.resolve(undefined) : connectBrowser(),
  ]);
  if (started.status === 'fulfilled') {
    if (typeof started.value === 'function') stopInProcess = started.value;
    else server = started.value;
  }
  if (launched.status === 'fulfilled') browser = launched.value;
  if (started.status === 'rejected' || launched.status === 'rejected') {
    await stop().catch(() => undefined);
    throw started.status === 'rejected' ? started.reason : (launched as PromiseRejectedResult).reason;
  }
  const b = browser!;
  const cookies = new Map<string, Promise<string>>();
  const cookieOf = (user: string): Promise<string> => {
    let c = cookies.get(user);
    if (!c) {
      c = fetch(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, password: DEMO_PASSWORD }) }).then((res) => {
        const cookie = /anjian_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
        if (res.status !== 200 || !cookie) throw new Error(`sign-in of ${user}: HTTP ${res.status}`);
        return cookie;
      });
      cookies.set(user, c);
    }
    return c;
  };
  const fetchAs = async (user: string, path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', await cookieOf(user));
    return fetch(`${base}${path}`, { ...init, headers });
  };
  return {
    base,
    browser: b,
    dataDir,
    async signIn(userId, home, locale = 'zh-CN', { coSigner = DEFAULT_CO_SIGNER[userId] ?? null, ...options } = {}) {
      const context = await b.newContext({ locale, viewport: { width: 1200, height: 900 }, ...options });
      context.setDefaultTimeout(BROWSER_TIMEOUT_MS);
      // Every irreversible command asks for confirmation in an in-page dialog (public/confirm-dialog.js);
      // these flows confirm it as soon as it opens. bootstrap-and-records.e2e.test.ts tests the dialog itself.
      await context.addInitScript(() => {
        new MutationObserver(() => {
          const dialog = document.getElementById('confirm-dialog') as HTMLDialogElement | null;
          if (dialog?.open) (dialog.querySelector('#confirm-yes') as HTMLButtonElement).click();
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['open'] });
      });
      // The second officer of a two-officer act stands by: the code field is marked, and when the page sends the act
      // with it, he generates his code for that act in his own session (co-sign.e2e.test.ts does it through his page).
      if (coSigner) {
        await context.addInitScript((mark) => {
          new MutationObserver(() => {
            document.querySelectorAll<HTMLInputElement>('#co-sign-code, #check-co-sign-code').forEach((input) => {
              if (input.value === '') input.value = mark;
            });
          }).observe(document, { subtree: true, childList: true });
        }, CO_SIGN_MARK);
        await context.route(
          (url) => url.pathname.startsWith('/api/'),
          async (route) => {
            const request = route.request();
            const headers = request.headers();
            if (headers['co-sign-code'] !== CO_SIGN_MARK) return route.continue();
            const code = await coSignCodeFor(fetchAs, coSigner, new URL(request.url()).pathname, request.postDataJSON());
            return route.continue({ headers: { ...headers, 'co-sign-code': code } });
          },
        );
      }
      // The session the API calls use: a sign-in through the form cost the server a scrypt check (N = 2^15) and the
      // browser the login page, some 170 times per test run; the form itself is tested where it is the subject.
      const cookie = await cookieOf(userId);
      const eq = cookie.indexOf('=');
      await context.addCookies([{ name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: base, httpOnly: true, sameSite: 'Strict' }]);
      const page = await context.newPage();
      await page.goto(`${base}/#/${home}`);
      const shown = await page.waitForSelector(`#app[data-page="${home}"], #app[data-page="login"] #login-form`);
      if ((await shown.getAttribute('id')) === 'login-form') {
        // The session ended (signed out, or the in-process clock moved past its lifetime): sign in through the form.
        cookies.delete(userId);
        await page.fill('#login-user', userId);
        await page.fill('#login-password', DEMO_PASSWORD);
        await page.click('#login-submit');
        await page.waitForSelector(`#app[data-page="${home}"]`);
      }
      return page;
    },
    async api(user, method, path, body, key) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (key) headers['idempotency-key'] = key;
      // The second officer a test names (`coOfficerId`, not sent) gives his co-sign code from his own session.
      const query = new URLSearchParams(path.split('?')[1] ?? '');
      const named = (typeof body === 'object' && body !== null ? (body as { coOfficerId?: unknown }).coOfficerId : undefined) ?? query.get('coOfficerId');
      if (typeof named === 'string') {
        if (typeof body === 'object' && body !== null) {
          const { coOfficerId: _named, ...rest } = body as Record<string, unknown>;
          body = rest;
        }
        query.delete('coOfficerId');
        path = `${path.split('?')[0]}${query.size ? `?${query}` : ''}`;
        headers['co-sign-code'] = await coSignCodeFor(fetchAs, named, `/api${path.split('?')[0]}`, body);
      }
      const res = await fetchAs(user, `/api${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    fetchAs,
    cookieOf,
    forgetSessions: () => cookies.clear(),
    async uploadPhoto(user, hazardId, name) {
      const res = await fetchAs(user, `/api/hazards/${encodeURIComponent(hazardId)}/evidence`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: demoPng(`${name} ${Math.random()}`) });
      const body = (await res.json()) as { id: string };
      if (res.status !== 201) throw new Error(`upload ${name}: HTTP ${res.status} ${JSON.stringify(body)}`);
      return body.id;
    },
    stop,
  };
}

/** Navigates by hash and waits for the page to have rendered. */
export async function goTo(page: Page, name: string): Promise<void> {
  await page.evaluate((n) => (location.hash = `#/${n}`), name);
  await page.waitForSelector(`#app[data-page="${name.split(/[/?]/)[0]}"]`);
}

/** A small unique photo (a real PNG) for setInputFiles. */
export const png = (name: string) => ({ name: `${name}.png`, mimeType: 'image/png', buffer: Buffer.from(demoPng(`${name} ${Math.random()}`)) });

/** A small unique PDF for setInputFiles (the server checks the bytes against the type). */
export const pdf = (name: string) => ({ name: `${name}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${name} ${Math.random()}\n%%EOF\n`) });

/** Picks the demo-kitchen pack and answers the form (numbers typed, the rest selected). */
export async function fillKitchenForm(page: Page, answers: Record<string, string>): Promise<void> {
  await page.selectOption('#pack-select', 'demo-kitchen');
  await page.waitForSelector('#f-gas_type');
  const { premises, ...rest } = answers;
  if (premises !== undefined) await choosePlaceOfKind(page, premises);
  for (const [field, value] of Object.entries(rest)) {
    const selector = `#f-${field}`;
    if (field === 'hose_length_m' || field === 'cylinders_on_site') await page.fill(selector, value);
    else await page.selectOption(selector, value);
    await page.dispatchEvent(selector, 'change');
  }
}

/**
 * Chooses, in the inspection form, the enterprise's first place whose kinds in the directory
 * include `kind` (the form offers the directory's places; the kind is derived from the place),
 * and waits until the form shows that kind. Throws when the enterprise has no such place.
 */
export async function choosePlaceOfKind(page: Page, kind: string): Promise<string> {
  await page.waitForSelector('#f-place');
  const placeId = await page.$$eval(
    '#f-place option[data-kinds]',
    (options, k) => options.find((o) => (o as HTMLOptionElement).dataset.kinds!.split(' ').includes(k))?.getAttribute('value') ?? null,
    kind,
  );
  if (!placeId) throw new Error(`the form offers no place of kind ${kind}`);
  await page.selectOption('#f-place', placeId);
  await page.waitForFunction((k) => (document.querySelector('#f-premises') as HTMLSelectElement | null)?.value === k, kind);
  return placeId;
}
