/**
 * A basis names a law once: the fire pack's regulation 中华人民共和国消防法 has the short name
 * 消防法 as its number, and the hazard page printed 「中华人民共和国消防法 消防法 第二十八条」.
 * The portal renders every citation through core's citationText (hazard page and the
 * inspection result alike), in 中文 and English.
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

describe('citations on the hazard page', () => {
  it('print the law’s title and the clause, not its short name again', async () => {
    const list = await portal.api('owner-ruyi', 'GET', '/hazards?enterprise=ent-ruyi');
    const ids = (list.body.items as Array<{ hazardId: string }>).map((h) => h.hazardId);
    expect(ids.length).toBeGreaterThan(0);
    for (const locale of ['zh-CN', 'en'] as const) {
      const page = await portal.signIn('owner-ruyi', 'enterprise', locale);
      if (locale === 'en') await page.evaluate(() => localStorage.setItem('anjian-lang', 'en'));
      let fireLaw = 0;
      for (const id of ids) {
        await page.evaluate((h) => (location.hash = `#/hazard/${encodeURIComponent(h)}`), id);
        await page.waitForSelector(`#app[data-page="hazard"] #hazard-state[data-hazard="${id}"]`);
        const text = (await page.textContent('#app')) ?? '';
        expect(text).not.toMatch(/消防法\s*消防法/);
        expect(text).not.toMatch(/China\s+消防法/);
        if (/中华人民共和国消防法 第|Fire Protection Law of the People's Republic of China 第/.test(text)) fireLaw++;
      }
      expect(fireLaw, locale).toBeGreaterThan(0);
      await page.context().close();
    }
  });
});
