/**
 * The dashboard's 统计范围 line says the signed-in user's own scope — the one GET /stats counts
 * over (core's readScopes, the function the server asks) — not a list of every role's: the
 * admin's is everything; a grid inspector's its grids; an enterprise's itself, with its tenants'
 * hazards at premises it rents to them — the tenants named from the server's rental directory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTo, startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const scopeLine = async (user: string, home: string, english = false) => {
  const page = await portal.signIn(user, home);
  if (english) {
    await page.click('#lang-switch');
    await page.waitForSelector(`html[lang="en"] #app[data-page="${home}"]`);
  }
  await goTo(page, 'dashboard');
  const text = (await page.locator('#stats-scope').textContent()) ?? '';
  const scope = await page.getAttribute('#stats-scope', 'data-scope');
  await page.context().close();
  return { text, scope };
};

describe('the dashboard’s scope line', () => {
  it('says the admin counts every hazard, in both languages', async () => {
    const zh = await scopeLine('admin-chen', 'dashboard');
    expect(zh.scope).toBe('all');
    expect(zh.text).toContain('全部');
    expect(zh.text).not.toContain('网格员');
    const en = await scopeLine('admin-chen', 'dashboard', true);
    expect(en.text).toContain('every hazard');
    expect(en.text).not.toContain('grid inspector');
  });

  it('names a grid inspector’s grids and an enterprise with its tenants', async () => {
    const grid = await scopeLine('grid-wang', 'grid');
    expect(grid.text).toContain('D1/G1');
    expect(grid.text).toContain('D1/G2');
    expect(grid.text).not.toContain('本单位');
    const landlord = await scopeLine('owner-hongxing', 'enterprise');
    expect(landlord.text).toContain('红星机械厂食堂');
    expect(landlord.text).toContain('承租方'); // its tenant 如意宾馆's hazards at 3号楼 count too (core's read policy)
    // The tenant is named, from the server's rental directory (the demo's user list has no tenancies).
    expect(landlord.text).toContain('含承租方如意宾馆在其出租场所的隐患');
    expect(landlord.text).not.toContain('如有');
    expect(landlord.text).not.toContain('网格');
    expect((await scopeLine('owner-hongxing', 'enterprise', true)).text).toContain('with the hazards of its tenants Ruyi Hotel at premises it rents to them');
    // An enterprise that rents nothing out is named alone.
    const alone = await scopeLine('owner-ruyi', 'enterprise');
    expect(alone.text).toContain('如意宾馆');
    expect(alone.text).not.toContain('含承租方');
  });
});
