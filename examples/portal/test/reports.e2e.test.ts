/**
 * Periodic reports in the portal, end to end in Chromium: the admin opens the monthly bulletin
 * of the current month (the demo seed's hazards), sees the key figures and the server's HTML
 * report with its SVG charts in a frame, and downloads the .xlsx; a grid inspector gets the
 * report of its own grid only; an enterprise user has no reports link and gets 403.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTo, startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

describe('reports page', () => {
  it('shows the monthly bulletin with charts and downloads it as .xlsx; scopes follow the read policy', async () => {
    const page = await portal.signIn('admin-chen', 'dashboard');
    await goTo(page, 'reports?kind=monthly');
    await page.waitForSelector('#report-summary');
    const found = Number(await page.textContent('#report-summary [data-found]'));
    expect(found).toBeGreaterThan(0);
    expect(await page.textContent('#report-title')).toMatch(/^安全生产隐患月通报（\d{4}-\d{2}）$/);
    const frame = page.frameLocator('#report-frame');
    await frame.locator('svg.chart').first().waitFor();
    expect(await frame.locator('h1').textContent()).toMatch(/^安全生产隐患月通报/);
    // The key figures are named and formatted as the report names them (core's words, one table).
    const heads = await page.$$eval('#report-summary th', (ths) => ths.map((th) => th.textContent));
    expect(heads).toEqual(['发现隐患', '整改率', '本期整改销号', '按期整改率', '逾期未整改', '重复发生', '检查次数']);
    const printed = (await frame.locator('body').textContent())!;
    for (const h of heads) expect(printed).toContain(h);
    expect(await page.textContent('#report-summary td[data-figure="closureRate"]')).toMatch(/^\d+\.\d%$/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#report-xlsx')]);
    expect(download.suggestedFilename()).toMatch(/^monthly-\d{4}-\d{2}\.xlsx$/);
    // The run's Chromium is shared (global-setup.ts), so the file is fetched through the connection.
    const saved = join(portal.dataDir, download.suggestedFilename());
    await download.saveAs(saved);
    const bytes = readFileSync(saved);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    // A bad period: the server's message, in the page.
    await page.fill('#report-form input[name=period]', '2026-13');
    await page.click('#report-form button[type=submit]');
    await page.waitForSelector('#report-error');
    expect(await page.textContent('#report-error')).toContain('2026-13');
    // An area the server does not know (a stale link): the server's 422 naming the parameter, in the words of /hazards, in the page.
    await goTo(page, 'reports?kind=monthly&area=D9');
    await page.waitForSelector('#report-error[data-code="UNKNOWN_QUERY_VALUE"]');
    expect(await page.textContent('#report-error')).toMatch(/^查询参数 area：服务器不知道区域 "D9"/);
    await page.context().close();

    // The grid inspector: its grid only; the enterprise user: none.
    const grid = await portal.fetchAs('grid-wang', '/api/reports/monthly?area=D1/G1');
    expect([grid.status, ((await grid.json()) as { area: string }).area]).toEqual([200, 'D1/G1']);
    expect((await portal.fetchAs('grid-wang', '/api/reports/monthly?area=D2')).status).toBe(403);
    expect((await portal.fetchAs('owner-anping', '/api/reports/monthly')).status).toBe(403);
  }, 120_000);

  it("opens on the first of the scopes core's reportScopeFor gives (the server's rule, bundled) and offers only those — no deliberate 400 to learn them", async () => {
    const page = await portal.signIn('grid-wang', 'grid');
    const asked: string[] = [];
    await page.route('**/api/reports/**', async (route) => {
      const url = new URL(route.request().url());
      if (url.searchParams.get('format') === 'json') asked.push(url.search);
      return route.continue();
    });
    await goTo(page, 'reports?kind=monthly');
    await page.waitForSelector('#report-summary');
    expect(await page.$$eval('#report-area option', (os) => os.map((o) => [(o as HTMLOptionElement).value, (o as HTMLOptionElement).selected]))).toEqual([
      ['D1/G1', true],
      ['D1/G2', false],
    ]);
    expect(asked).toEqual(['?area=D1%2FG1&format=json']);
    // The server agrees: without a scope it would have listed the same choices.
    const probe = (await portal.api('grid-wang', 'GET', '/reports/monthly')).body as { code: string; choices: { area: string }[] };
    expect(probe.choices.map((c) => c.area)).toEqual(['D1/G1', 'D1/G2']);
    await goTo(page, 'reports?kind=weekly');
    await page.waitForSelector('#report-summary');
    expect(asked.slice(1)).toEqual(['?area=D1%2FG1&format=json']);
    // An officer: area and domain pairs; the domain select offers the choices' domains, no "all".
    const officer = await portal.signIn('officer-li', 'enforcement');
    await goTo(officer, 'reports?kind=monthly');
    await officer.waitForSelector('#report-summary');
    const real = (await portal.api('officer-li', 'GET', '/reports/monthly')).body as { code: string; choices: { area: string; domain: string }[] };
    expect(real.code).toBe('REPORT_SCOPE_REQUIRED');
    expect(await officer.$$eval('#report-domain option', (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(real.choices.map((c) => c.domain));
    expect(await officer.inputValue('#report-domain')).toBe(real.choices[0]!.domain);
    await page.context().close();
    await officer.context().close();
  }, 120_000);
});
