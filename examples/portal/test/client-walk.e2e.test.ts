/**
 * End-to-end: what a user of each role runs into beyond the happy paths the other files walk —
 * switching checklists, a double press on 提交整改材料, the network failing under a form or a
 * page, the reports page of a grid inspector and an officer, domains named in words. One
 * portal and browser; the enterprise's page is shared by the first tests in order.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/portal-auth.js';
import { choosePlaceOfKind, fillKitchenForm, goTo, png, startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;
let owner: Page;
const errors: string[] = [];

beforeAll(async () => {
  portal = await startPortal();
  owner = await portal.signIn('owner-lvyuan', 'enterprise');
  owner.on('pageerror', (e) => errors.push(e.message));
});

afterAll(async () => {
  await portal?.stop();
});

/** POST requests of `page` whose path ends with `suffix`, counted from now. */
function posts(page: Page, suffix: RegExp): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && suffix.test(new URL(r.url()).pathname)) seen.push(r.url());
  });
  return seen;
}

describe('the enterprise', () => {
  it('switching checklists leaves nothing of the form before: a photo is uploaded once, no script error', async () => {
    errors.length = 0;
    // Pressed before a checklist is chosen: the page says to choose one (the button did nothing before) and marks the choice.
    await owner.click('#submit-check');
    expect(await owner.textContent('#check-result #form-error')).toBe('请先选择检查表');
    expect(await owner.getAttribute('#pack-select', 'aria-invalid')).toBe('true');
    expect(await owner.evaluate(() => document.activeElement?.id)).toBe('pack-select');
    await owner.selectOption('#pack-select', 'demo-kitchen');
    expect(await owner.locator('#check-result #form-error').count()).toBe(0);
    expect(await owner.getAttribute('#pack-select', 'aria-invalid')).toBeNull();
    await owner.waitForSelector('#facts[data-pack="demo-kitchen"] #f-gas_type');
    await owner.selectOption('#pack-select', 'fire');
    await owner.waitForSelector('#facts[data-pack="fire"] #f-site_photos');
    await choosePlaceOfKind(owner, 'small_premises');
    const uploads = posts(owner, /^\/api\/evidence$/);
    await owner.setInputFiles('#f-site_photos', [png('site')]);
    await owner.waitForFunction(() => /已上传 1/.test(document.getElementById('h-site_photos')?.textContent ?? ''));
    expect(uploads).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('a network failure under the self-check says so, keeps every answer, and the next press goes through', async () => {
    await fillKitchenForm(owner, { premises: 'restaurant', gas_type: 'natural_gas', below_ground: 'false', alarm_installed: 'true', alarm_working: 'false', hose_length_m: '1' });
    await owner.route('**/api/inspections?report=true*', (route) => route.abort('internetdisconnected'), { times: 1 });
    await owner.click('#submit-check');
    await owner.waitForSelector('#check-result .message.error');
    expect(await owner.textContent('#check-result')).toContain('无法连接服务器');
    expect(await owner.inputValue('#f-gas_type')).toBe('natural_gas');
    expect(await owner.inputValue('#f-hose_length_m')).toBe('1');
    expect(await owner.isEnabled('#submit-check')).toBe(true);
    await owner.click('#submit-check');
    await owner.waitForSelector('#found-hazards tr.found[data-level="general"]');
    expect(errors).toEqual([]);
  });

  it('a page whose data the network never brings says so instead of loading for ever', async () => {
    await owner.route('**/worklist?*', (route) => route.abort('internetdisconnected'), { times: 1 });
    await owner.evaluate(() => (location.hash = '#/list?queue=all'));
    await owner.waitForSelector('#app[data-page="list"] #list-error');
    expect(await owner.textContent('#list-error')).toContain('无法连接服务器');
    await goTo(owner, 'enterprise');
  });

  it('a double press on 提交整改材料 uploads each photo once, asks once and sends one command', async () => {
    const list = await (await portal.fetchAs('owner-lvyuan', '/worklist?queue=all&size=100')).json();
    const id = list.items.find((r: { status: string }) => r.status === 'rectifying').hazardId as string;
    await owner.evaluate((h) => (location.hash = `#/hazard/${encodeURIComponent(h)}`), id);
    await owner.waitForSelector(`#app[data-page="hazard"] #hazard-state[data-hazard="${id}"]`);
    await owner.waitForSelector('#rectify-form');
    await owner.setInputFiles('#photo-before', [png('before')]);
    await owner.setInputFiles('#photo-after', [png('after-1'), png('after-2')]); // a general hazard needs two
    const uploads = posts(owner, /\/evidence$/);
    const commands = posts(owner, /\/commands$/);
    // two presses in one go, as a double tap on a phone
    await owner.$eval('#submit-rectification', (b) => {
      (b as HTMLButtonElement).click();
      (b as HTMLButtonElement).click();
    });
    await owner.waitForSelector('#hazard-state[data-status="submitted"]');
    await owner.waitForSelector('#command-done[data-command="submit_rectification"]');
    expect(uploads).toHaveLength(3);
    expect(commands).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});

describe('supervisors', () => {
  it('leaving a hazard page while its confirmation is open cancels it: nothing is sent', async () => {
    const list = await (await portal.fetchAs('grid-wang', '/worklist?queue=all&size=100')).json();
    const id = list.items.find((r: { status: string }) => r.status === 'reported').hazardId as string;
    // signed in by cookie: this context has no harness auto-confirming dialogs
    const context = await portal.browser.newContext({ locale: 'zh-CN' });
    const [name, value] = (await portal.cookieOf('grid-wang')).split('=') as [string, string];
    await context.addCookies([{ name, value, url: portal.base }]);
    const page = await context.newPage();
    await page.goto(`${portal.base}/#/hazard/${encodeURIComponent(id)}`);
    await page.waitForSelector('#app[data-page="hazard"] #cmd-issue_notice');
    const sent = posts(page, /\/commands$/);
    await page.click('#cmd-issue_notice');
    await page.waitForSelector('#confirm-dialog[open]');
    // the browser's back button, or a link: the page changes under the open dialog
    await page.evaluate(() => (location.hash = '#/list?queue=all'));
    await page.waitForSelector('#app[data-page="list"]');
    await page.waitForSelector('#confirm-dialog', { state: 'detached' });
    expect(sent).toEqual([]);
    expect((await portal.api('grid-wang', 'GET', `/hazards/${encodeURIComponent(id)}`)).body.state.status).toBe('reported');
    await context.close();
  });

  it('a session that ends under the user brings them back to the same page once signed in again', async () => {
    const grid = await portal.signIn('grid-wang', 'grid');
    await goTo(grid, 'monitoring');
    await grid.context().clearCookies(); // the session is gone (expired, or ended elsewhere)
    await grid.evaluate(() => (location.hash = '#/list?queue=overdue'));
    await grid.waitForSelector('#app[data-page="login"] #login-form');
    await grid.fill('#login-user', 'grid-wang');
    await grid.fill('#login-password', DEMO_PASSWORD);
    await grid.click('#login-submit');
    await grid.waitForSelector('#app[data-page="list"] #list-summary[data-queue="overdue"]');
    expect(new URL(grid.url()).hash).toBe('#/list?queue=overdue');
    await grid.context().close();
  });

  it('the grid inspector and the officer open 报表 on a report of their own scope, chosen from lists', async () => {
    const grid = await portal.signIn('grid-wang', 'grid');
    await goTo(grid, 'reports');
    await grid.waitForSelector('#report-summary');
    expect(await grid.$('#report-error')).toBeNull();
    expect(await grid.$$eval('#report-area option', (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['D1/G1', 'D1/G2']);
    await grid.selectOption('#report-area', 'D1/G2');
    await grid.click('#report-form button[type=submit]');
    await grid.waitForFunction(() => location.hash.includes('area=D1%2FG2') && !!document.querySelector('#report-summary'));
    expect(await grid.inputValue('#report-area')).toBe('D1/G2');
    await grid.context().close();

    const officer = await portal.signIn('officer-li', 'enforcement', 'en');
    await officer.click('#lang-switch');
    await officer.waitForSelector('#app[data-page="enforcement"]');
    await goTo(officer, 'reports');
    await officer.waitForSelector('#report-summary');
    expect(await officer.$('#report-error')).toBeNull();
    const domains = await officer.$$eval('#report-domain option', (os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    // the server's REPORT_SCOPE_REQUIRED choices, one per domain of his department (D1), each named in words
    expect(domains.map(([v]) => v).sort()).toEqual(['chemicals', 'confined_space', 'dust_explosion', 'fire', 'gas', 'hazardous_work', 'monitoring']);
    expect(domains).toContainEqual(['gas', 'Gas']);
    expect(domains.filter(([v, label]) => v === label)).toEqual([]);
    await officer.context().close();
  });

  it('in English, enterprises are named in English on the round work list and in the enterprise file', async () => {
    const grid = await portal.signIn('grid-wang', 'grid', 'en');
    await grid.click('#lang-switch');
    await grid.waitForSelector('#app[data-page="grid"]');
    await goTo(grid, 'list?queue=all');
    const names = await grid.$$eval('#worklist-rounds tr[data-enterprise] td:nth-child(2) a', (as) => as.map((a) => a.textContent ?? ''));
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => /[\u4e00-\u9fff]/.test(n))).toEqual([]);
    await goTo(grid, 'dossier/ent-lvyuan');
    expect(await grid.textContent('#file-name')).toBe('Lvyuan Restaurant');
    await grid.context().close();
  });

  it('in English, the words a page puts together are punctuated in English, not with 中文 （）：、', async () => {
    const officer = await portal.signIn('officer-li', 'enforcement', 'en');
    await officer.click('#lang-switch');
    await officer.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('#app')?.getAttribute('data-page') === 'enforcement');
    const options = await officer.$$eval('#enterprise-select option', (os) => os.map((o) => o.textContent ?? ''));
    expect(options).toContain('Lvyuan Restaurant (D1/G1)');
    const major = (await portal.api('officer-li', 'GET', '/hazards?status=case_filed')).body.items[0].hazardId as string;
    await goTo(officer, `hazard/${encodeURIComponent(major)}`);
    await officer.waitForSelector('#why-not li[data-command]', { state: 'attached' });
    expect(await officer.textContent('#deadline-source')).toMatch(/^\(the checklist's time limit from the report .*\)$/);
    expect(await officer.textContent('#history li[data-type="case_filed"]')).toContain('Li Qiang (certificate D1-ZF-2026-0101), Zhao Min (certificate D1-ZF-2026-0102)');
    expect(await officer.textContent('#why-not li[data-command="file_case"]')).toBe('File case: it is "Case filed"; this is done when "Escalated, Reported"');
    const page = (await officer.textContent('#app')) ?? '';
    expect(page).toContain('Basis: ');
    expect(page).toContain('How to fix: ');
    expect(page).not.toMatch(/(Basis|How to fix)：/);
    const why = await officer.$$eval('#why-not li[data-command]', (lis) => lis.map((li) => li.textContent ?? ''));
    expect(why.filter((line) => /[（）：、]/.test(line))).toEqual([]);
    // the open permits: the enterprise with its area, the attendant with whether present
    await goTo(officer, 'permits');
    const lvyuan = officer.locator('tr[data-permit]', { hasText: 'Lvyuan Restaurant' }).first();
    await lvyuan.waitFor();
    expect(await lvyuan.locator('td[data-label="Enterprise"]').textContent()).toBe('Lvyuan Restaurant (D1/G1)');
    expect(await lvyuan.locator('td[data-label="Attendant"]').textContent()).toMatch(/^Lvyuan Restaurant attendant Ma Jun \((Not present|Present)\)$/);
    await officer.context().close();
  });

  it('every domain is named in words in the dashboard’s and the worklist’s filters (监测预警 too)', async () => {
    const grid = await portal.signIn('grid-wang', 'grid');
    await goTo(grid, 'dashboard');
    const dashboard = await grid.$$eval('#filter-domain option', (os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    expect(dashboard).toContainEqual(['monitoring', '监测预警']);
    expect(dashboard.filter(([v, label]) => v && v === label)).toEqual([]);
    await goTo(grid, 'list?queue=all');
    expect(await grid.$$eval('#list-domain option', (os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]))).toContainEqual(['monitoring', '监测预警']);
    await grid.context().close();
  });
});
