/**
 * Periodic reports in the portal, end to end in Chromium: the admin opens the monthly bulletin
 * of the current month (the demo seed's hazards), sees the key figures and the server's HTML
 * report with its SVG charts in a frame, and downloads the .xlsx; a grid inspector gets the
 * report of its own grid only; an enterprise user has no reports link and gets 403.
 */
import { readFileSync } from 'node:fs';
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
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#report-xlsx')]);
    expect(download.suggestedFilename()).toMatch(/^monthly-\d{4}-\d{2}\.xlsx$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    // A bad period: the server's message, in the page.
    await page.fill('#report-form input[name=period]', '2026-13');
    await page.click('#report-form button[type=submit]');
    await page.waitForSelector('#report-error');
    expect(await page.textContent('#report-error')).toContain('2026-13');
    await page.context().close();

    // The grid inspector: its grid only; the enterprise user: none.
    const grid = await portal.fetchAs('grid-wang', '/api/reports/monthly?area=D1/G1');
    expect([grid.status, ((await grid.json()) as { area: string }).area]).toEqual([200, 'D1/G1']);
    expect((await portal.fetchAs('grid-wang', '/api/reports/monthly?area=D2')).status).toBe(403);
    expect((await portal.fetchAs('owner-anping', '/api/reports/monthly')).status).toBe(403);
  }, 120_000);
});
