/**
 * End-to-end: overlapping navigations (public/app.js `route()`). Each navigation has its own
 * AbortController: the GETs of a page the user already left are aborted, and what still
 * arrives for it draws nothing, sets no `data-page` and shows no error. The races are made
 * deterministic by holding one response with `page.route` until the next page is drawn, and
 * by waiting in the page until the held request has settled (its body read, or the fetch
 * rejected) plus one task — by then a superseded page that still drew would have drawn.
 */
import type { Page, Request, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTo, startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  portal = await startPortal();
  page = await portal.signIn('grid-wang', 'grid');
  page.on('pageerror', (e) => problems.push(`pageerror ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console ${m.text()}`);
  });
});

afterAll(async () => {
  await portal?.stop();
});

/**
 * Records in the page when a request whose URL ends with `suffix` has settled: its fetch
 * rejected, or its body was read; one task later, so every promise continuation of the app
 * that waited for it has run. `settled()` waits for that.
 */
async function watchSettled(p: Page, suffix: string): Promise<{ settled: () => Promise<void> }> {
  await p.evaluate((end) => {
    const w = window as unknown as { __settled: string[]; __watching?: boolean };
    w.__settled = [];
    if (w.__watching) return;
    w.__watching = true;
    const mark = (url: string) => setTimeout(() => w.__settled.push(url));
    const fetch = window.fetch;
    window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
      const url = input instanceof Request ? input.url : String(input);
      const answer = fetch.call(this, input, init);
      answer.catch(() => mark(new URL(url, location.href).href));
      return answer;
    };
    for (const read of ['text', 'json'] as const) {
      const original = Response.prototype[read];
      Response.prototype[read] = function (this: Response) {
        const body = original.call(this);
        const done = () => mark(this.url);
        body.then(done, done);
        return body;
      } as never;
    }
    void end;
  }, suffix);
  return {
    settled: () => p.waitForFunction((end) => (window as unknown as { __settled: string[] }).__settled.some((u) => u.endsWith(end)), suffix).then(() => undefined),
  };
}

/** Holds the next request matching `pattern` until `release()`; `request` is the held request. */
async function hold(p: Page, pattern: string): Promise<{ held: Promise<Route>; release: () => Promise<void> }> {
  let resolve!: (r: Route) => void;
  const held = new Promise<Route>((r) => (resolve = r));
  await p.route(pattern, (route) => resolve(route), { times: 1 });
  return {
    held,
    // The page may have aborted it meanwhile: then there is nothing to answer.
    release: async () => {
      await (await held).continue().catch(() => undefined);
    },
  };
}

/** Failed requests whose URL ends with `suffix` (an aborted fetch shows as net::ERR_ABORTED). */
function failures(p: Page, suffix: string): string[] {
  const seen: string[] = [];
  p.on('requestfailed', (r: Request) => {
    if (r.url().endsWith(suffix)) seen.push(r.failure()?.errorText ?? '');
  });
  return seen;
}

describe('a page the user already left draws nothing', () => {
  it('the monitoring page’s late answer does not draw over the worklist (its GET is aborted, no error shown)', async () => {
    problems.length = 0;
    const watch = await watchSettled(page, '/monitoring');
    const failed = failures(page, '/monitoring');
    const slow = await hold(page, '**/monitoring');
    await page.evaluate(() => (location.hash = '#/monitoring'));
    await slow.held; // the monitoring page waits for its data
    await goTo(page, 'list?queue=all');
    const list = await page.innerHTML('#app');
    await slow.release();
    await watch.settled();
    expect(await page.getAttribute('#app', 'data-page')).toBe('list');
    expect(await page.$('#monitoring-refresh')).toBeNull();
    expect(await page.innerHTML('#app')).toBe(list);
    expect(await page.$('#app .message.error')).toBeNull();
    expect(failed).toEqual(['net::ERR_ABORTED']);
    expect(problems).toEqual([]);
  });

  it('hazard A’s late answer does not replace hazard B, and A’s photos do not gate B’s buttons', async () => {
    problems.length = 0;
    const queue = await portal.api('grid-wang', 'GET', '/queues/grid');
    expect(queue.status).toBe(200);
    // A: the seeded rectification with photos (its deciding buttons wait for them); B: any other.
    const list = await (await portal.fetchAs('grid-wang', '/worklist?queue=all&size=100')).json();
    const a = list.items.find((r: { status: string }) => r.status === 'submitted').hazardId as string;
    const b = list.items.find((r: { hazardId: string; status: string }) => r.hazardId !== a && r.status !== 'closed').hazardId as string;
    const enc = encodeURIComponent;
    // First, A's history is held: A must not draw over B.
    const watch = await watchSettled(page, `/api/hazards/${enc(a)}`);
    const slow = await hold(page, `**/api/hazards/${enc(a)}`);
    await page.evaluate((id) => (location.hash = `#/hazard/${encodeURIComponent(id)}`), a);
    await slow.held;
    await page.evaluate((id) => (location.hash = `#/hazard/${encodeURIComponent(id)}`), b);
    await page.waitForSelector(`#app[data-page="hazard"] #hazard-state[data-hazard="${b}"]`);
    await slow.release();
    await watch.settled();
    expect(await page.getAttribute('#hazard-state', 'data-hazard')).toBe(b);
    expect(await page.$$eval('#hazard-state', (els) => els.length)).toBe(1);

    // Then A is drawn with its thumbnails still loading; the user moves on to B; A's photos
    // fail to load after B is shown: B's evidence state and buttons stay B's.
    const thumbs: Route[] = [];
    await page.route('**/api/evidence/**', (route) => (route.request().url().includes('thumb=1') ? thumbs.push(route) : route.continue()));
    await page.evaluate((id) => (location.hash = `#/hazard/${encodeURIComponent(id)}`), a);
    await page.waitForSelector(`#app[data-page="hazard"][data-evidence="loading"] #hazard-state[data-hazard="${a}"]`);
    const count = Number(await page.getAttribute('#evidence-list', 'data-count'));
    expect(count).toBeGreaterThan(0);
    while (thumbs.length < count) await new Promise((r) => setTimeout(r, 20)); // every thumbnail of A is held
    // A's images, kept: a listener added after the page's own runs after it
    await page.evaluate(() => {
      const w = window as unknown as { __aImgs: HTMLImageElement[]; __aFailed: number };
      w.__aFailed = 0;
      w.__aImgs = Array.from(document.querySelectorAll<HTMLImageElement>('#evidence-list img'));
      for (const img of w.__aImgs) img.addEventListener('error', () => setTimeout(() => w.__aFailed++));
    });
    await page.evaluate((id) => (location.hash = `#/hazard/${encodeURIComponent(id)}`), b);
    await page.waitForSelector(`#app[data-page="hazard"] #hazard-state[data-hazard="${b}"]`);
    const state = () =>
      page.evaluate(() => ({
        evidence: document.getElementById('app')!.dataset.evidence,
        status: document.getElementById('evidence-status')?.textContent,
        disabled: Array.from(document.querySelectorAll<HTMLButtonElement>('[data-on-evidence]')).map((x) => x.disabled),
      }));
    const before = await state();
    expect(before.evidence).toBe('shown');
    for (const t of thumbs) await t.abort('failed');
    await page.waitForFunction((n) => (window as unknown as { __aFailed: number }).__aFailed === n, count);
    await page.unroute('**/api/evidence/**');
    expect(await state()).toEqual(before);
    expect(problems.filter((p) => !p.includes('thumb=1') && !p.includes('Failed to load resource'))).toEqual([]);
  });
});
