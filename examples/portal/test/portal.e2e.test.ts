/**
 * End-to-end: the demo portal in Debian's Chromium (playwright-core). Starts the server on
 * a free port with a temporary data dir, then walks the enterprise → grid path of a general
 * hazard, the enforcement path of a major hazard, and the dashboard counts. Screenshots of
 * each role's main page go to examples/portal/test-results/.
 *
 * Server start, sign-in and navigation: ./portal-harness.ts. Needs Chromium at
 * /usr/bin/chromium (or CHROMIUM_PATH); without it the tests fail, they do not skip.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueForUsers } from '@anjian/core/internal';
import { DEMO_PASSWORD } from '../src/portal-auth.js';
import { fillKitchenForm, goTo, pdf, png, shots, startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;
const signIn = (userId: string, home: string): Promise<Page> => portal.signIn(userId, home);

async function dashboardCounts(page: Page): Promise<{ total: number; closed: number }> {
  await goTo(page, 'enterprise').catch(() => undefined);
  await goTo(page, 'dashboard');
  return { total: Number(await page.textContent('#stat-total')), closed: Number(await page.textContent('#stat-closed')) };
}

beforeAll(async () => {
  portal = await startPortal();
});

afterAll(async () => {
  await portal?.stop();
});

describe('signing in and out', () => {
  it('a wrong password is refused on the form; the session cookie is invisible to scripts; sign-out ends the session', async () => {
    const context = await portal.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${portal.base}/#/login`);
    await page.waitForSelector('#app[data-page="login"] #login-form');
    await page.fill('#login-user', 'grid-wang');
    await page.fill('#login-password', 'not-the-password');
    await page.click('#login-submit');
    await page.waitForSelector('#form-error[data-status="401"]');
    expect(await page.textContent('#form-error')).toBe('用户名或密码错误');
    expect(await page.inputValue('#login-password')).toBe('');

    await page.fill('#login-password', DEMO_PASSWORD);
    await page.click('#login-submit');
    await page.waitForSelector('#app[data-page="grid"]');
    expect(await page.evaluate(() => document.cookie)).not.toContain('anjian_session');
    const cookie = (await context.cookies()).find((c) => c.name === 'anjian_session'); // anjian_ui (which UI files are cached) sits beside it
    expect(cookie).toMatchObject({ name: 'anjian_session', httpOnly: true, sameSite: 'Strict', path: '/' });

    await page.click('#logout');
    await page.waitForSelector('#app[data-page="login"]');
    // The old cookie value no longer opens anything.
    expect((await fetch(`${portal.base}/api/stats`, { headers: { cookie: `anjian_session=${cookie!.value}` } })).status).toBe(401);
    await page.goto(`${portal.base}/#/grid`);
    await page.waitForSelector('#app[data-page="login"]');
    await context.close();
  });
});

describe('demo portal', () => {
  it("a self-check form marks out-of-range and missing answers next to their fields, in the server's words without fact ids", async () => {
    const page = await signIn('owner-lvyuan', 'enterprise');
    await fillKitchenForm(page, { premises: 'restaurant', below_ground: 'false', alarm_installed: 'false', hose_length_m: '99' });
    await page.click('#submit-check');
    await page.waitForSelector('#check-errors[data-source="browser"]');
    const browserHose = (await page.textContent('[data-field="hose_length_m"] .error'))!;
    const browserGas = (await page.textContent('[data-field="gas_type"] .error'))!;
    expect(browserHose).toContain('99');
    expect(browserGas).toContain('燃气种类');
    expect(`${browserHose} ${browserGas}`).not.toMatch(/hose_length_m|gas_type|∞|422/);
    // linked to their fields for screen readers
    expect(await page.getAttribute('#f-hose_length_m', 'aria-invalid')).toBe('true');
    expect((await page.getAttribute('#f-hose_length_m', 'aria-describedby'))!.split(' ')).toContain('e-hose_length_m');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');

    // the server refuses the same answers with the same messages (its own, fact ids left out)
    const pack = (await portal.api('owner-lvyuan', 'GET', '/packs/demo-kitchen')).body;
    const server = await portal.api('owner-lvyuan', 'POST', '/inspections', {
      pack: 'demo-kitchen',
      premises: 'restaurant',
      findings: { below_ground: false, alarm_installed: false, hose_length_m: 99 },
    });
    expect(server.status).toBe(422);
    const words = (pointer: string) =>
      issueForUsers(
        pack,
        server.body.issues.find((i: { pointer: string }) => i.pointer === pointer),
      )['zh-CN'];
    expect(browserHose).toBe(words('/findings/hose_length_m'));
    expect(browserGas).toBe(words('/findings/gas_type'));
    await page.context().close();
  });

  it('enterprise self-check → general hazard → rectification → grid verifies and closes; the dashboard counts change', async () => {
    const admin = await signIn('admin-chen', 'dashboard');
    const before = await dashboardCounts(admin);
    // The demo's declared calendar assumption, told to the admin: next year has no official arrangement loaded, counted Mon–Fri.
    const nextYear = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear() + 1;
    expect(await (await admin.waitForSelector('#holidays-assumed')).textContent()).toContain(`${nextYear} 年未载入国务院办公厅节假日安排，本演示按周一至周五计算`);

    const owner = await signIn('owner-lvyuan', 'enterprise');
    await owner.screenshot({ path: join(shots, 'enterprise.png'), fullPage: true });
    await fillKitchenForm(owner, { premises: 'restaurant', gas_type: 'natural_gas', below_ground: 'false', alarm_installed: 'true', alarm_working: 'false', hose_length_m: '1' });
    await owner.click('#submit-check');
    await owner.waitForSelector('#found-hazards');
    const levels = await owner.$$eval('#found-hazards tr.found', (rows) => rows.map((r) => (r as HTMLElement).dataset.level));
    expect(levels).toEqual(['general']);
    expect(await owner.textContent('#found-hazards tr.found')).toContain('疑似');
    await owner.screenshot({ path: join(shots, 'enterprise-result.png'), fullPage: true });

    await owner.click('#found-hazards tr.found a');
    await owner.waitForSelector('#hazard-state[data-status="reported"]');
    const hazardId = owner.url().split('/').pop()!;
    // The grid inspector's rectification notice comes first: a general hazard is closed only
    // after one (core's lifecycle, issue 14); the photos 'after' are taken after it.
    const notice = await portal.api('grid-wang', 'POST', `/hazards/${hazardId}/commands`, { type: 'issue_notice' }, `notice-${hazardId}`);
    expect(notice.status, JSON.stringify(notice.body)).toBe(200);
    await owner.reload();
    await owner.waitForSelector('#hazard-state[data-status="rectifying"]');
    await owner.setInputFiles('#photo-before', [png('before')]);
    await owner.setInputFiles('#photo-after', [png('after-1'), png('after-2')]);
    await owner.click('#submit-rectification');
    await owner.waitForSelector('#hazard-state[data-status="submitted"]');

    const grid = await signIn('grid-wang', 'grid');
    await grid.waitForSelector(`#verify-queue tr[data-hazard="${hazardId}"]`);
    await grid.screenshot({ path: join(shots, 'grid.png'), fullPage: true });
    await grid.click(`#verify-queue tr[data-hazard="${hazardId}"] a`);
    await grid.waitForSelector('#hazard-state[data-status="submitted"]');
    await grid.click('#cmd-verify');
    await grid.waitForSelector('#hazard-state[data-status="verified"]');
    await grid.click('#cmd-close');
    await grid.waitForSelector('#hazard-state[data-status="closed"]');
    await grid.selectOption('#spot-result', 'pass');
    await grid.click('#cmd-spot_check');
    await grid.waitForSelector('#hazard-state[data-status="closed"][data-version="6"]');

    const after = await dashboardCounts(admin);
    expect(after).toEqual({ total: before.total + 1, closed: before.closed + 1 });
    await admin.waitForSelector('#chart-level canvas');
    await admin.screenshot({ path: join(shots, 'dashboard.png'), fullPage: true });
    for (const p of [admin, owner, grid]) await p.context().close();
  });

  it("the grid inspector's patrol inspection reports a hazard in its area; the English switch relabels the UI", async () => {
    const grid = await signIn('grid-wang', 'grid');
    await grid.selectOption('#enterprise-select', 'ent-hongxing');
    await fillKitchenForm(grid, { premises: 'canteen', gas_type: 'natural_gas', below_ground: 'false', alarm_installed: 'true', alarm_working: 'false', hose_length_m: '1' });
    await grid.click('#submit-check');
    await grid.waitForSelector('#found-hazards tr.found[data-level="general"]');
    await grid.click('#found-hazards tr.found a');
    await grid.waitForSelector('#hazard-state[data-status="reported"]');
    expect(await grid.textContent('#hazard-state')).toContain('红星机械厂食堂');
    expect(await grid.textContent('ol')).toContain('网格员 王芳');
    // who acted, for programs; users see the name only (no user ids or role codes on the page, issue 14)
    expect(await grid.getAttribute('#history .actor', 'data-actor')).toBe('grid-wang');
    expect(await grid.getAttribute('#history .actor', 'data-role')).toBe('grid');
    expect(await grid.getAttribute('#history .actor', 'title')).toBeNull();

    await goTo(grid, 'grid');
    expect(await grid.textContent('#app h1')).toContain('网格员');
    await grid.click('#lang-switch');
    await grid.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('#app[data-page="grid"] h1')?.textContent?.startsWith('Grid'));
    expect(await grid.textContent('.demo-banner')).toContain('Not for production');
    await grid.context().close();
  });

  it('a major hazard goes through enforcement to closure', async () => {
    const owner = await signIn('owner-hongxing', 'enterprise');
    await fillKitchenForm(owner, { premises: 'canteen', gas_type: 'lpg', below_ground: 'true', alarm_installed: 'true', alarm_working: 'true', hose_length_m: '1', cylinders_on_site: '2' });
    await owner.click('#submit-check');
    await owner.waitForSelector('#found-hazards tr.found[data-level="major"]');
    await owner.click('#found-hazards tr.found[data-level="major"] a');
    await owner.waitForSelector('#hazard-state[data-status="reported"]');
    const hazardId = owner.url().split('/').pop()!;

    const officer = await signIn('officer-li', 'enforcement');
    await officer.waitForSelector(`#major-queue tr[data-hazard="${hazardId}"]`);
    await officer.screenshot({ path: join(shots, 'enforcement.png'), fullPage: true });
    await officer.click(`#major-queue tr[data-hazard="${hazardId}"] a`);
    await officer.waitForSelector('#hazard-state[data-status="reported"]');
    // The case number is the server's: nothing to type; the case has one number, its 立案审批表's 文号.
    expect(await officer.$('#case-no')).toBeNull();
    await officer.click('#cmd-file_case');
    await officer.waitForSelector('#hazard-state[data-status="case_filed"]');
    const caseNumber = await officer.getAttribute('#documents li[data-doc-kind="case_filing_approval"]', 'data-doc-number');
    expect(caseNumber).toMatch(/^（D1）应急立〔2026〕\d+号$/);
    // The listing authority is the officer's: left empty, nothing is sent (none is made up).
    await officer.click('#cmd-list_for_supervision');
    expect(await officer.textContent('#form-error')).toBe('请填写督办机关');
    await officer.fill('#listing-authority', 'D1 区安全生产委员会办公室');
    await officer.click('#cmd-list_for_supervision');
    await officer.waitForSelector('#cmd-list_for_supervision', { state: 'detached' });

    await owner.reload();
    await owner.waitForSelector('#hazard-state[data-status="case_filed"]');
    for (const name of ['objectives', 'measures', 'funds', 'responsible', 'milestones', 'safety']) await owner.fill(`#plan-form [name="${name}"]`, `${name}（演示）`);
    await owner.fill('#plan-form [name="deadline"]', '2026-12-31');
    await owner.click('#submit-plan');
    await owner.waitForSelector('#hazard-state[data-status="rectifying"]');
    // Where the chain approves plans (the plan's date then becomes the deadline), an officer does.
    await officer.reload();
    await officer.waitForSelector('#hazard-state[data-status="rectifying"]');
    if (await officer.$('#cmd-approve_plan')) {
      await officer.click('#cmd-approve_plan');
      await officer.waitForSelector('#command-done[data-command="approve_plan"]');
      await owner.reload();
      await owner.waitForSelector('#rectify-form');
    }
    await owner.setInputFiles('#photo-before', [png('m-before')]);
    await owner.setInputFiles('#photo-after', [png('m-after-1'), png('m-after-2'), png('m-after-3')]);
    await owner.setInputFiles('#docs', [pdf('evaluation-report')]);
    await owner.click('#submit-rectification');
    await owner.waitForSelector('#hazard-state[data-status="submitted"]');

    // The evidence is on the hazard page as thumbnails: 1 before, 3 after, 1 document.
    await owner.waitForSelector('#evidence-list[data-count="5"]');
    expect(await owner.getAttribute('#hazard-audit', 'data-ok')).toBe('true');
    await owner.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('#evidence-list img')).every((i) => i.complete && i.naturalWidth === 16));
    await owner.screenshot({ path: join(shots, 'hazard-evidence.png'), fullPage: true });

    // 验收 and 销号 of a major hazard: two officers each time, and not the same one closing who accepted.
    await officer.reload();
    await officer.waitForSelector('#hazard-state[data-status="submitted"]');
    expect(await officer.$('#co-sign-code')).not.toBeNull();
    await officer.fill('#accept-note', '验收合格');
    await officer.click('#cmd-accept');
    await officer.waitForSelector('#hazard-state[data-status="accepted"]');
    expect(await officer.textContent('#history li[data-type="accepted"]')).toContain('D1-ZF-2026-0102');
    expect(await officer.$('#cmd-close')).not.toBeNull();
    await officer.click('#cmd-close');
    await officer.waitForSelector('#command-error');
    expect(await officer.textContent('#command-error')).toContain('不同执法人员');

    const second = await signIn('officer-zhao', 'enforcement');
    await second.evaluate((h) => (location.hash = `#/hazard/${h}`), hazardId);
    await second.waitForSelector('#hazard-state[data-status="accepted"]');
    expect(await second.$('#co-sign-code')).not.toBeNull();
    await second.click('#cmd-close');
    await second.waitForSelector('#hazard-state[data-status="closed"]');
    expect(await second.textContent('#history li[data-type="closed"]')).toContain('D1-ZF-2026-0101');
    for (const p of [owner, officer, second]) await p.context().close();
  });
});
