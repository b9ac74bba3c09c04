/**
 * Accessibility in Chromium: axe-core (injected through playwright-core) on every page of the
 * portal for every role — login, the role's home, the worklist, a hazard page with evidence,
 * the dashboard — at 1366×900 and at 390×844 (a phone). Serious and critical violations must be
 * 0; the rest are printed. Also: every input has a label, the pages work from the keyboard
 * (tab to the worklist's first hazard, Enter opens it; the photo opens in a dialog Escape closes),
 * and at 390 px the header is one line and nothing is wider than the screen.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTo, startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

beforeAll(async () => {
  portal = await startPortal();
});

afterAll(async () => {
  await portal?.stop();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the page (WCAG 2.1 A/AA and best practices); returns its violations. */
async function axe(page: Page): Promise<Violation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: Violation[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/** Inputs, selects and text areas without an accessible name (label, aria-label, aria-labelledby). */
const unlabelled = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
      .filter((el) => !(el as HTMLInputElement).labels?.length && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
      .map((el) => el.id || el.outerHTML.slice(0, 80)),
  );

const ROLES = [
  { user: 'owner-anping', home: 'enterprise' },
  { user: 'grid-wang', home: 'grid' },
  { user: 'officer-li', home: 'enforcement' },
  { user: 'admin-chen', home: 'dashboard' },
] as const;
const SIZES = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

describe('axe-core on every page for every role', () => {
  const results: string[] = [];
  afterAll(() => console.log(`axe-core results:\n${results.join('\n')}`));

  for (const size of SIZES) {
    it(`${size.name}: 0 serious or critical violations, every input labelled`, async () => {
      // the login page
      const context = await portal.browser.newContext({ locale: 'zh-CN', viewport: size, bypassCSP: true });
      const login = await context.newPage();
      await login.goto(`${portal.base}/#/login`);
      await login.waitForSelector('#app[data-page="login"] #login-form');
      const pages: { label: string; page: Page }[] = [{ label: 'login', page: login }];
      const serious: string[] = [];
      const check = async (label: string, page: Page) => {
        const v = await axe(page);
        const bad = v.filter((x) => x.impact === 'serious' || x.impact === 'critical');
        results.push(`${size.name} ${label}: ${v.length} violations (${bad.length} serious/critical)${v.length ? ` — ${v.map((x) => `${x.id}[${x.impact}]`).join(', ')}` : ''}`);
        for (const x of bad)
          serious.push(
            `${size.name} ${label}: ${x.id} (${x.impact}) ${x.help} at ${x.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join('; ')}`,
          );
        expect(await unlabelled(page), `${label}: inputs without a label`).toEqual([]);
      };
      await check('login', login);
      for (const role of ROLES) {
        const page = await portal.signIn(role.user, role.home, 'zh-CN', { viewport: size, bypassCSP: true });
        pages.push({ label: role.user, page });
        await check(`${role.user} home`, page);
        await goTo(page, 'list?queue=open');
        await check(`${role.user} worklist`, page);
        const first = await page.getAttribute('#worklist tr[data-hazard]', 'data-hazard').catch(() => null);
        if (first) {
          await goTo(page, `hazard/${encodeURIComponent(first)}`);
          await check(`${role.user} hazard`, page);
        }
        await goTo(page, 'dashboard');
        await page.waitForFunction(() => !document.querySelector('.chart[aria-busy]'));
        await check(`${role.user} dashboard`, page);
      }
      // the hazard with photos (the seeded rectification of 安平), as the grid inspector who decides on it
      const grid = pages.find((p) => p.label === 'grid-wang')!.page;
      await goTo(grid, 'list?queue=todo');
      await grid.click('#worklist tr[data-status="submitted"] a');
      await grid.waitForSelector('#app[data-page="hazard"][data-evidence="shown"]');
      await check('grid-wang hazard with evidence', grid);
      for (const p of pages) await p.page.context().close();
      expect(serious).toEqual([]);
    });
  }

  it('keyboard: tab to a hazard of the worklist, Enter opens it; a photo opens in a dialog, Escape closes it', async () => {
    const page = await portal.signIn('grid-wang', 'grid');
    await goTo(page, 'list?queue=todo');
    const target = await page.getAttribute('#worklist tr[data-status="submitted"]', 'data-hazard');
    let focused = '';
    for (let i = 0; i < 60 && !focused.includes(target!); i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href') ?? '');
    }
    expect(decodeURIComponent(focused)).toContain(target);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#app[data-page="hazard"][data-evidence="shown"]');
    await page.focus('#evidence-list .thumb');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#lightbox[open]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#lightbox[open]', { state: 'detached' });
    await page.context().close();
  });

  it('phone: the header is one line, its sign-out and language switch on screen, and no page is wider than the screen', async () => {
    for (const [user, home] of [
      ['officer-li', 'enforcement'],
      ['admin-chen', 'dashboard'],
    ] as const) {
      const page = await portal.signIn(user, home, 'zh-CN', { viewport: { width: 390, height: 844 } });
      for (const name of [home, 'list?queue=open', 'dashboard']) {
        await goTo(page, name);
        const { header, width } = await page.evaluate(() => ({ header: document.querySelector('header')!.getBoundingClientRect().height, width: document.documentElement.scrollWidth }));
        expect(header, `${user} ${name}`).toBeLessThan(70);
        expect(width, `${user} ${name}`).toBeLessThanOrEqual(390);
        // Sign-out and the language switch are on screen, not scrolled out of the header with the links.
        for (const control of ['#logout', '#lang-switch']) {
          const box = (await page.locator(control).boundingBox())!;
          expect(box.x + box.width, `${user} ${name} ${control}`).toBeLessThanOrEqual(390);
        }
      }
      await page.context().close();
    }
  });
});
