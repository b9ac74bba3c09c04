/**
 * End-to-end: defects found by walking the portal as each role — requests a role may not make
 * (the dashboard's outbox and SMS log, #/file without an enterprise), a double press on a
 * permit action, unsent input lost to the language switch, the observation form's own upload
 * wording. One portal and browser; each test signs in its own user.
 */
import type { Page, Response as PwResponse } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillKitchenForm, goTo, png, startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;

beforeAll(async () => {
  portal = await startPortal();
});

afterAll(async () => {
  await portal?.stop();
});

/** Every answer of 400 or more the page got, as `status path`, from now; and the script errors. */
function trouble(page: Page): { failed: string[]; errors: string[] } {
  const failed: string[] = [];
  const errors: string[] = [];
  page.on('response', (r: PwResponse) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { failed, errors };
}

/** Paths of `page`'s requests from now. */
function requested(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => seen.push(new URL(r.url()).pathname));
  return seen;
}

describe('what a role may not read is not asked for', () => {
  it('the dashboard of an enterprise, a grid inspector and an officer asks neither the outbox nor the SMS log; the admin’s shows both', async () => {
    for (const [user, home] of [
      ['owner-lvyuan', 'enterprise'],
      ['grid-wang', 'grid'],
      ['officer-li', 'enforcement'],
    ] as const) {
      const page = await portal.signIn(user, home);
      const { failed, errors } = trouble(page);
      const asked = requested(page);
      await goTo(page, 'dashboard');
      await page.waitForSelector('#dashboard-stats');
      expect(
        asked.filter((p) => p === '/api/outbox' || p === '/demo/sms'),
        user,
      ).toEqual([]);
      expect(failed, user).toEqual([]);
      expect(errors, user).toEqual([]);
      expect(await page.$('#outbox-status'), user).toBeNull();
      await page.context().close();
    }
    const admin = await portal.signIn('admin-chen', 'dashboard');
    await goTo(admin, 'list?queue=all');
    const asked = requested(admin);
    await goTo(admin, 'dashboard');
    await admin.waitForSelector('#outbox-status');
    await admin.waitForSelector('#sms-list');
    expect(asked).toContain('/api/outbox');
    expect(asked).toContain('/demo/sms');
    await admin.context().close();
  });

  it('#/file for a user of no enterprise says it is not for their role and links home, without asking the API', async () => {
    for (const [user, home] of [
      ['grid-wang', 'grid'],
      ['admin-chen', 'dashboard'],
    ] as const) {
      const page = await portal.signIn(user, home);
      const { failed, errors } = trouble(page);
      const asked = requested(page);
      await goTo(page, 'file');
      expect(await page.textContent('#file-not-for-role'), user).toContain('只对企业用户开放');
      expect(await page.getAttribute('#go-home', 'href'), user).toBe(`#/${home}`);
      expect(
        asked.filter((p) => p.startsWith('/api/enterprises')),
        user,
      ).toEqual([]);
      expect(failed, user).toEqual([]);
      expect(errors, user).toEqual([]);
      await page.context().close();
    }
    // an enterprise user still gets its own file
    const owner = await portal.signIn('owner-lvyuan', 'enterprise');
    await goTo(owner, 'file');
    await owner.waitForSelector('#file-name');
    expect(await owner.$('#file-not-for-role')).toBeNull();
    await owner.context().close();
  });
});

describe('one permit action at a time', () => {
  it('a double press on 气体检测 sends one test, the button disabled while it is under way', async () => {
    const list = await portal.api('owner-lvyuan', 'GET', '/permits?enterpriseId=ent-lvyuan');
    expect(list.status).toBe(200);
    const applied = (list.body.items as { permitId: string; status: string }[]).find((x) => x.status === 'applied');
    expect(applied).toBeDefined();
    const owner = await portal.signIn('owner-lvyuan', 'enterprise');
    const { errors } = trouble(owner);
    await goTo(owner, `permit/${encodeURIComponent(applied!.permitId)}`);
    await owner.fill('#pr-instrument', '四合一气体检测仪 MX4');
    await owner.fill('#pr-place', '隔油池入口');
    for (const m of await owner.$$eval('#reading-form [data-measure]', (els) => els.map((e) => e.id))) await owner.fill(`#${m}`, m.includes('o2') ? '20.8' : '0');
    const sent: string[] = [];
    // the test is held until both presses are in, and until the button has been looked at
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    await owner.route('**/gas-tests', async (route) => {
      sent.push(route.request().url());
      await released;
      await route.continue();
    });
    await owner.$eval('#permit-gas-test', (b) => {
      (b as HTMLButtonElement).click();
      (b as HTMLButtonElement).click();
    });
    await owner.waitForFunction(() => (document.getElementById('permit-gas-test') as HTMLButtonElement | null)?.disabled === true);
    release();
    await owner.waitForSelector('#permit-done[data-action="gas-tests"]');
    expect(sent).toHaveLength(1);
    expect(await owner.isEnabled('#permit-gas-test')).toBe(true);
    expect(errors).toEqual([]);
    await owner.context().close();
  });
});

describe('the language switch keeps what was typed but not sent', () => {
  it('the self-check form keeps its checklist and answers', async () => {
    const owner = await portal.signIn('owner-lvyuan', 'enterprise');
    const { errors } = trouble(owner);
    await fillKitchenForm(owner, { premises: 'restaurant', gas_type: 'natural_gas', hose_length_m: '3' });
    await owner.click('#lang-switch');
    await owner.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('#app')?.getAttribute('data-page') === 'enterprise');
    // the questions come back once the checklist has loaded again, with the answers in them
    await owner.waitForFunction(() => (document.getElementById('f-hose_length_m') as HTMLInputElement | null)?.value === '3');
    expect(await owner.inputValue('#pack-select')).toBe('demo-kitchen');
    expect(await owner.inputValue('#f-premises')).toBe('restaurant');
    expect(await owner.inputValue('#f-gas_type')).toBe('natural_gas');
    expect(await owner.textContent('#submit-check')).not.toMatch(/[\u4e00-\u9fff]/);
    expect(errors).toEqual([]);
    await owner.context().close();
  });

  it('the observation form keeps its fields and its photos; the rectification form its note', async () => {
    const grid = await portal.signIn('grid-wang', 'grid');
    const { errors } = trouble(grid);
    await grid.selectOption('#obs-level', 'general');
    await grid.fill('#obs-title', '后厨排烟罩油污积聚');
    await grid.fill('#obs-description', '约两毫米厚');
    await grid.setInputFiles('#obs-photos', [png('obs')]);
    await grid.click('#lang-switch');
    await grid.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('#app')?.getAttribute('data-page') === 'grid');
    expect(await grid.inputValue('#obs-level')).toBe('general');
    expect(await grid.inputValue('#obs-title')).toBe('后厨排烟罩油污积聚');
    expect(await grid.inputValue('#obs-description')).toBe('约两毫米厚');
    expect(await grid.$eval('#obs-photos', (i) => (i as HTMLInputElement).files?.[0]?.name)).toBe('obs.png');
    expect(errors).toEqual([]);
    await grid.context().close();

    const list = await (await portal.fetchAs('owner-lvyuan', '/worklist?queue=all&size=100')).json();
    const id = list.items.find((r: { status: string }) => r.status === 'rectifying').hazardId as string;
    const owner = await portal.signIn('owner-lvyuan', 'enterprise');
    await goTo(owner, `hazard/${encodeURIComponent(id)}`);
    await owner.fill('#rectify-note', '已更换软管');
    await owner.setInputFiles('#photo-after', [png('after')]);
    await owner.click('#lang-switch');
    await owner.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('#app')?.getAttribute('data-page') === 'hazard');
    expect(await owner.inputValue('#rectify-note')).toBe('已更换软管');
    expect(await owner.$eval('#photo-after', (i) => (i as HTMLInputElement).files?.length)).toBe(1);
    await owner.context().close();
  });
});

describe('the observation form’s own words', () => {
  it('a refused photo says the observation was not reported (中文 and English), not the rectification', async () => {
    const grid = await portal.signIn('grid-wang', 'grid');
    await grid.route('**/api/evidence', (route) => route.fulfill({ status: 413, contentType: 'application/problem+json', body: JSON.stringify({ title: '文件过大', detail: '文件过大' }) }));
    await grid.selectOption('#obs-level', 'general');
    await grid.fill('#obs-title', '灭火器过期');
    await grid.setInputFiles('#obs-photos', [png('obs-big')]);
    await grid.click('#submit-observation');
    await grid.waitForSelector('#observation-error');
    const zh = await grid.textContent('#observation-error');
    expect(zh).toContain('现场发现未上报');
    expect(zh).not.toContain('整改');
    await grid.click('#lang-switch');
    await grid.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('#app')?.getAttribute('data-page') === 'grid');
    await grid.click('#submit-observation');
    await grid.waitForSelector('#observation-error');
    const en = await grid.textContent('#observation-error');
    expect(en).toContain('the observation was not reported');
    expect(en).not.toContain('rectification');
    await grid.context().close();
  });
});
