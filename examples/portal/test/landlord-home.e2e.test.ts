/**
 * A landlord's home page counts what it shows: 红星 reads its tenant 如意宾馆's hazards at the
 * premises it rents to it (core's read policy), so the 新上报 count of its queues includes them —
 * and the page says so in words and lists those rows under the tenant, beside its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

describe('landlord home page', () => {
  for (const locale of ['zh-CN', 'en']) {
    it(`every new report the count names is a row of the page, a tenant's under the tenant (${locale})`, async () => {
      const fresh = await portal.fetchAs('owner-hongxing', '/worklist?queue=new&size=100');
      const items = ((await fresh.json()) as { items: unknown[] }).items as Array<{ hazardId: string; enterpriseId: string }>;
      const tenants = items.filter((r) => r.enterpriseId !== 'ent-hongxing');
      expect(tenants.length).toBeGreaterThan(0); // the seed gives 如意宾馆 new reports at 红星's premises
      const page = await portal.signIn('owner-hongxing', 'enterprise', locale);
      if (locale === 'en') {
        await page.click('#lang-switch'); // the portal opens in 中文; the switch redraws the page in English
        await page.waitForSelector('html[lang="en"] #app[data-page="enterprise"]');
      }
      const count = Number(await page.locator('#home-queues a[data-queue="new"] .count').textContent());
      expect(count).toBe(items.length);
      const own = await page.locator('#my-hazards tr[data-status="reported"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-hazard')));
      const theirs = await page.locator('#tenant-hazards tr[data-status="reported"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-hazard')));
      expect([...own, ...theirs].sort()).toEqual(items.map((r) => r.hazardId).sort());
      expect(theirs.sort()).toEqual(tenants.map((r) => r.hazardId).sort());
      const note = await page.locator('#counts-include-tenants').textContent();
      expect(note).toContain(locale === 'en' ? 'Ruyi Hotel' : '如意宾馆');
      expect(note).toContain(locale === 'en' ? 'tenants' : '承租方');
      await page.context().close();
    });
  }

  it('an enterprise without tenants gets no such note', async () => {
    const page = await portal.signIn('owner-ruyi', 'enterprise');
    expect(await page.locator('#counts-include-tenants').count()).toBe(0);
    expect(await page.locator('#tenant-hazards').count()).toBe(0);
    await page.context().close();
  });
});
