/**
 * The portal holds no directory of its own: what the pages offer and show of the register comes from the API's
 * directory (GET /api/enterprises, the register narrowed by the reader's read policy), so an enterprise registered
 * outside the demo's own (a generated city's, districts C1 …) is offered like them.
 *
 * - The admin's permits page lists the open jobs of every district of the register, the dashboard's area filter
 *   and the reports page's area choice offer every area of it (and the districts above them).
 * - A grid inspector is offered its grids only, as before.
 * - The permit form shows the regime the directory registers for the applicant's enterprise (东方化工仓储 hazchem,
 *   绿园餐厅 general), and the enterprise home inspects the enterprise as registered (name and area) — the demo's
 *   user list (`GET /demo/users`) carries the demo enterprises' names only, no area, no regime.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTo, shots, startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;
beforeAll(async () => {
  // A small generated city beside the demo (districts C1 … C8): enterprises the API's directory registers, none of them the demo's.
  portal = await startPortal({ env: { ANJIAN_DEMO_CITY: '4' } });
});
afterAll(async () => {
  await portal?.stop();
});

/** The register as `user` may read it (one page: the demo's five and the city's four). */
async function register(user: string): Promise<Array<{ id: string; name: string; area: string; regime?: string }>> {
  const r = await portal.api(user, 'GET', '/enterprises?limit=500');
  expect(r.status).toBe(200);
  expect(r.body.next).toBeNull();
  return r.body.items;
}

/** An area and the areas above it (C3/G2 → C3, C3/G2). */
const withParents = (area: string) => area.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'));
const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();
const optionValues = (page: Page, selector: string) => page.locator(`${selector} option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `directory-choices-${name}.png`), fullPage: true });

describe('choices from the API’s directory', () => {
  it('the admin’s permits, dashboard and reports offer the areas of the whole register, a generated city’s too', async () => {
    const items = await register('admin-chen');
    const city = items.filter((e) => e.id.startsWith('city-'));
    expect(city).toHaveLength(4);
    const areas = sorted(items.flatMap((e) => withParents(e.area)));
    const districts = sorted(items.map((e) => e.area.split('/')[0]!));
    expect(districts).toContain('D1');
    expect(districts.some((d) => d.startsWith('C'))).toBe(true);

    const page = await portal.signIn('admin-chen', 'dashboard');
    // the dashboard's area filter: every area of the register and the districts above them
    expect(await optionValues(page, '#filter-area')).toEqual(areas);
    await page.waitForSelector('#chart-level canvas');
    await shot(page, 'dashboard');
    // The listing is asked once per page load: a filter changed, the dashboard redrawn, the permits and reports pages
    // reuse it (before, every redraw asked for all of it again, 500 an answer).
    const listings: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/enterprises') listings.push(r.url());
    });
    for (const level of ['major', 'general']) {
      await page.selectOption('#filter-level', level);
      await page.waitForSelector(`#dashboard-stats[data-query="level=${level}"]`);
    }
    expect(await optionValues(page, '#filter-area')).toEqual(areas);

    // the permits page: the open jobs of each district, the city's among them, each answered by the server
    await goTo(page, 'permits');
    await page.waitForSelector('section[data-area]');
    expect(sorted(await page.locator('section[data-area]').evaluateAll((ss) => ss.map((s) => s.getAttribute('data-area') ?? '')))).toEqual(districts);
    expect(await page.locator('#app .message.error').count()).toBe(0);
    await shot(page, 'permits');

    // the reports page's area choice
    await goTo(page, 'reports');
    await page.waitForSelector('#report-summary, #report-error');
    expect(await optionValues(page, '#report-area')).toEqual(areas);
    // a city district can be chosen: the report is the server's for it
    const district = districts.find((d) => d.startsWith('C'))!;
    await page.selectOption('#report-area', district);
    await page.click('#report-form button[type="submit"]');
    await page.waitForSelector(`#app[data-page="reports"] #report-title`);
    expect(await page.inputValue('#report-area')).toBe(district);
    await shot(page, 'reports');
    expect(listings).toEqual([]);
    await page.context().close();
  });

  it('a grid inspector’s dashboard offers its grids, nothing of the city', async () => {
    const page = await portal.signIn('grid-wang', 'grid');
    await goTo(page, 'dashboard');
    expect(await optionValues(page, '#filter-area')).toEqual(['D1/G1', 'D1/G2']);
    await page.context().close();
  });

  it('the permit form shows the regime the directory registers, the enterprise home the enterprise as registered', async () => {
    for (const [user, id, regime] of [
      ['owner-dongfang', 'ent-dongfang', 'hazchem'],
      ['owner-lvyuan', 'ent-lvyuan', 'general'],
    ] as const) {
      const own = (await register(user)).find((e) => e.id === id)!;
      expect(own.regime).toBe(regime);
      const page = await portal.signIn(user, 'enterprise');
      // the home's self-inspection names the enterprise with its registered area
      expect(await page.locator('#enterprise-select option').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]))).toEqual([[id, `${own.name}（${own.area}）`]]);
      expect(await page.locator('#record-links a').evaluateAll((as) => as.map((a) => a.getAttribute('data-enterprise')))).toEqual([id]);
      await goTo(page, 'permits');
      await page.waitForSelector('#pa-regime');
      expect(await page.getAttribute('#pa-regime', 'data-regime')).toBe(regime);
      if (user === 'owner-dongfang') await shot(page, 'permit-form');
      await page.context().close();
    }
  });
});
