/**
 * End-to-end: hostile text through the portal in Chromium. Every XSS payload of
 * ./xss-payloads.ts is rendered by html`…` in text, attribute and URL holes of a real page;
 * then stored through the API in free-text fields (spot-check notes, a rectification note,
 * a notice number, a rejection reason) and in hazard ids of the URL, and the pages that show
 * them are opened as the users who read them. Counted: payloads that ran (`__xss`), CSP
 * violations (an escape that only the CSP stopped), and whether each text shows verbatim.
 * Also the real server's answers to odd requests (TRACE, %00, a trailing slash).
 */
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type PortalHarness } from './portal-harness.js';
import { XSS_PAYLOADS } from './xss-payloads.js';

let portal: PortalHarness;

beforeAll(async () => {
  portal = await startPortal();
});

afterAll(async () => {
  await portal?.stop();
});

/** Counts payload executions and CSP violations on a page (from before its scripts run). */
async function watch(page: Page): Promise<{ ran: () => Promise<number[]>; violations: () => Promise<string[]> }> {
  await page.addInitScript(() => {
    const w = window as unknown as { __ran: number[]; __violations: string[]; __xss: (n: number) => void };
    w.__ran = [];
    w.__violations = [];
    w.__xss = (n) => w.__ran.push(n);
    window.alert = () => w.__ran.push(-1);
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const read = <T>(key: '__ran' | '__violations') => page.evaluate((k) => (window as unknown as Record<string, T>)[k] ?? ([] as unknown as T), key);
  return { ran: () => read<number[]>('__ran'), violations: () => read<string[]>('__violations') };
}

async function command(user: string, hazardId: string, body: Record<string, unknown>): Promise<number> {
  return (await portal.api(user, 'POST', `/hazards/${encodeURIComponent(hazardId)}/commands`, body, randomUUID())).status;
}

describe('escaping in Chromium', () => {
  it(`html\`…\` renders all ${XSS_PAYLOADS.length} payloads in text, attributes and links as inert text`, async () => {
    const page = await portal.signIn('grid-wang', 'grid');
    const seen = await watch(page);
    await page.reload();
    await page.waitForSelector('#app[data-page="grid"]');
    // The page's own module, imported in the page (a string, so the test runner leaves the import alone).
    await page.evaluate("import('/html.js').then((m) => { window.__htmlModule = m; })");
    const results = await page.evaluate(async (payloads) => {
      const { html, setHtml } = (window as unknown as { __htmlModule: { html: (s: TemplateStringsArray, ...v: unknown[]) => unknown; setHtml: (el: Element, m: unknown) => void } }).__htmlModule;
      const box = document.createElement('div');
      document.body.append(box);
      return payloads.map((p) => {
        setHtml(box, html`<p class="t">${p}</p><span class="a" title="${p}" data-x='${p}'></span><a class="l" href="${p}">x</a><img class="i" src="${p}" alt="">`);
        // HTML itself drops NUL from text and turns it into U+FFFD in attributes (not our escaping).
        const inText = p.replaceAll('\u0000', '');
        const inAttr = p.replaceAll('\u0000', '\ufffd');
        return {
          elements: box.querySelectorAll('*').length,
          text: box.querySelector('.t')?.textContent === inText,
          title: box.querySelector('.a')?.getAttribute('title') === inAttr,
          data: box.querySelector('.a')?.getAttribute('data-x') === inAttr,
          href: box.querySelector('a')!.protocol,
          src: box.querySelector('img')!.getAttribute('src'),
        };
      });
    }, XSS_PAYLOADS as string[]);
    await page.waitForTimeout(500); // let any onerror/onload fire
    for (const [i, r] of results.entries()) {
      expect(r, `payload ${i}: ${XSS_PAYLOADS[i]}`).toMatchObject({ elements: 4, text: true, title: true, data: true });
      expect(['http:', 'https:', 'about:', 'mailto:', 'tel:', ':' /* unparsable: a lone surrogate */], `payload ${i} href`).toContain(r.href);
      expect(r.src!.toLowerCase(), `payload ${i} src`).not.toMatch(/^\s*(javascript|vbscript|data:text)/);
    }
    expect(await seen.ran()).toEqual([]);
    expect(await seen.violations()).toEqual([]);
    await page.context().close();
  });
});

describe('stored payloads', () => {
  it('free texts with hostile content show verbatim in the history, and none runs', async () => {
    const report = await portal.api(
      'owner-anping',
      'POST',
      '/inspections?report=true',
      {
        pack: 'demo-kitchen',
        premises: 'restaurant',
        subject: { enterpriseId: 'ent-anping' },
        findings: { gas_type: 'natural_gas', below_ground: false, alarm_installed: true, alarm_working: false, hose_length_m: 1 },
      },
      randomUUID(),
    );
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    const id: string = report.body.reports[0].hazardId;
    const [first, second, third, fourth] = XSS_PAYLOADS;
    const photo = (name: string) => portal.uploadPhoto('owner-anping', id, name);
    const accepted: string[] = [];
    const store = async (user: string, text: string, body: Record<string, unknown>) => {
      const status = await command(user, id, body);
      expect([200, 422], `${JSON.stringify(body).slice(0, 120)} → ${status}`).toContain(status);
      if (status === 200) accepted.push(text);
    };
    await store('grid-wang', first!, { type: 'issue_notice', note: { 'zh-CN': first! } });
    await store('owner-anping', second!, {
      type: 'submit_rectification',
      note: { 'zh-CN': second! },
      evidence: [
        { id: await photo('b'), kind: 'photo_before' },
        { id: await photo('a1'), kind: 'photo_after' },
        { id: await photo('a2'), kind: 'photo_after' },
      ],
    });
    await store('grid-wang', third!, { type: 'reject', reason: { 'zh-CN': third!, en: third! } });
    await store('owner-anping', fourth!, {
      type: 'submit_rectification',
      note: { 'zh-CN': fourth! },
      evidence: [
        { id: await photo('b2'), kind: 'photo_before' },
        { id: await photo('a3'), kind: 'photo_after' },
        { id: await photo('a4'), kind: 'photo_after' },
      ],
    });
    expect(await command('grid-wang', id, { type: 'verify' })).toBe(200);
    expect(await command('grid-wang', id, { type: 'close' })).toBe(200);
    // A closed hazard takes any number of spot-checks: one per payload, each with the payload as its note.
    for (const p of XSS_PAYLOADS) await store('grid-wang', p, { type: 'spot_check', result: 'pass', note: { 'zh-CN': p, en: p } });
    // Core refuses some (bidi controls, lone surrogates, blank after invisible characters); the rest are stored.
    expect(accepted.length).toBeGreaterThanOrEqual(60);

    for (const [user, home] of [
      ['grid-wang', 'grid'],
      ['owner-anping', 'enterprise'],
    ] as const) {
      const page = await portal.signIn(user, home);
      const seen = await watch(page);
      await page.reload();
      await page.waitForSelector(`#app[data-page="${home}"]`);
      await page.evaluate((h) => (location.hash = `#/hazard/${encodeURIComponent(h)}`), id);
      await page.waitForSelector(`#hazard-state[data-hazard="${id}"]`);
      const history = (await page.textContent('#history'))!;
      const missing = accepted.filter((p) => !history.includes(p.trim()));
      expect(missing.map((p) => XSS_PAYLOADS.indexOf(p))).toEqual([]);
      expect(await page.$$eval('#history img, #history script, #history iframe, #history svg, #history [onerror], #history [onload]', (els) => els.length)).toBe(0);
      await page.waitForTimeout(300);
      expect(await seen.ran()).toEqual([]);
      expect(await seen.violations()).toEqual([]);
      await page.context().close();
    }
  });

  it('hostile hazard ids in the URL end as a 404 message, and none runs', async () => {
    const page = await portal.signIn('officer-li', 'enforcement');
    const seen = await watch(page);
    await page.reload();
    await page.waitForSelector('#app[data-page="enforcement"]');
    for (const p of XSS_PAYLOADS) {
      await page.evaluate(() => (document.getElementById('app')!.dataset.page = ''));
      // A lone surrogate cannot be percent-encoded; the browser would send U+FFFD in its place.
      await page.evaluate((h) => (location.hash = `#/hazard/${encodeURIComponent((h as unknown as { toWellFormed(): string }).toWellFormed())}`), p);
      await page.waitForSelector('#app[data-page="hazard"]');
      expect(await page.$('#hazard-error'), p).not.toBeNull();
      await page.evaluate(() => (location.hash = '#/enforcement'));
      await page.waitForSelector('#app[data-page="enforcement"]');
    }
    await page.waitForTimeout(300);
    expect(await seen.ran()).toEqual([]);
    expect(await seen.violations()).toEqual([]);
    await page.context().close();
  });
});

describe('the real server', () => {
  const raw = (method: string, path: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const url = new URL(portal.base);
      const req = httpRequest({ host: url.hostname, port: url.port, method, path }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });

  it.each([
    ['TRACE', '/', 405],
    ['PROPFIND', '/', 405],
    ['DELETE', '/index.html', 405],
    ['GET', '/app.js%00.html', 400],
    ['GET', '/index.html/', 404],
    ['GET', '/%E0%A4%A', 400],
    ['GET', '/../../package.json', 404],
    ['GET', '/api/hazards/%00', 400],
    ['TRACE', '/api/packs', 405],
  ])('%s %s → %i', async (method, path, status) => {
    expect(await raw(method, path)).toBe(status);
  });

  it('TRACK (not even parsed by Node) → 400, never 500', async () => {
    expect(await raw('TRACK', '/')).toBe(400);
  });

  it('sends the CSP and trusts no identity header', async () => {
    const res = await fetch(`${portal.base}/`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${portal.base}/api/stats`, { headers: { 'x-demo-user': 'admin-chen' } })).status).toBe(401);
  });
});
