/**
 * Hot work from the portal, end to end in Chromium at phone size against the real portal server
 * and its SQLite file: the application asks what the applicant observed — the situations of
 * GB 30871-2022 5.1.2–5.1.3 and the shut-down conditions of 5.1.4 as checkboxes worded by core,
 * open air and the wind force (5.2.15) — and no grade; the server derives the grade and so who
 * approves, and the permit page shows both. Work on a running tank in a fire/explosion hazardous
 * area is 特级: the safety officer (安全管理部门, 一级's approver) is told the principal leader
 * approves, and 东方化工仓储's owner, who holds that role, approves it. The same tank shut down, cleaned,
 * purged, tested and isolated is managed as 二级 after two approvals: the owner (the head of production)
 * approves the downgrade, then the safety officer approves as the unit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HOT_WORK_SHUTDOWN_CONDITIONS, HOT_WORK_SITUATIONS } from '@anjian/core/internal';
import { goTo, shots, startPortal, type PortalHarness } from './portal-harness.js';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

let portal: PortalHarness;
const pageErrors: string[] = [];
async function signIn(user: string, locale = 'zh-CN'): Promise<Page> {
  const page = await portal.signIn(user, 'enterprise', locale, PHONE);
  page.on('pageerror', (e) => pageErrors.push(`${user}: ${e.message}`));
  return page;
}
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

/** The labels of the checkboxes in a group, as `value: text`. */
const checkboxes = (page: Page, name: string) =>
  page.$$eval(`#apply-form input[type=checkbox][name="${name}"]`, (els) =>
    els.map((e) => `${(e as HTMLInputElement).value}: ${(e as HTMLInputElement).labels?.[0]?.textContent?.replace(/\s+/g, ' ').trim()}`),
  );

describe('hot work from the portal', () => {
  it('a running tank in a fire/explosion area: the form asks the facts, the server derives 特级, the safety officer is told the principal leader approves, the owner approves', async () => {
    const safety = await signIn('safety-dongfang');
    await goTo(safety, 'permits');
    const before = await safety.getAttribute('#my-permits', 'data-count');
    await safety.selectOption('#pa-kind', 'hot_work');
    // No grade to declare for hot work: the facts instead, worded as core words them.
    expect(await safety.isVisible('#pa-grade')).toBe(false);
    expect(await safety.isVisible('#pa-hot-fields')).toBe(true);
    expect(await checkboxes(safety, 'hotSituations')).toEqual(HOT_WORK_SITUATIONS.map((s) => `${s.id}: ${s.label['zh-CN']} ${s.clause}`));
    expect(await checkboxes(safety, 'shutDown')).toEqual(HOT_WORK_SHUTDOWN_CONDITIONS.map((s) => `${s.id}: ${s.label['zh-CN']} ${s.clause}`));
    // Nor a regime: the directory states 东方化工仓储 is a hazardous-chemical enterprise, and the form shows the standard that follows.
    expect(await safety.$('#pa-premises')).toBeNull();
    expect([await safety.getAttribute('#pa-regime', 'data-regime'), await safety.textContent('#pa-regime')]).toEqual([
      'hazchem',
      '适用标准（名录登记，由服务器确定）：危险化学品企业（GB 30871-2022）',
    ]);
    await safety.fill('#pa-workers', '张焊工');
    await safety.selectOption('#pa-attendant', 'attendant-dongfang');
    await safety.fill('#pa-lel', '5');
    await safety.check('#apply-form input[name="hotSituations"][value="in_service_equipment"]');
    // Open air not answered: the server's located words, nothing applied (never a default grade).
    await safety.tap('#apply-submit');
    await safety.waitForSelector('#apply-error');
    expect(await safety.textContent('#apply-error')).toContain('/hotWork/openAir');
    expect(await safety.getAttribute('#my-permits', 'data-count')).toBe(before);
    // Indoors: no wind force asked.
    await safety.selectOption('#pa-open-air', 'no');
    expect(await safety.isVisible('#pa-wind')).toBe(false);
    expect(await safety.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await safety.screenshot({ path: `${shots}/permit-hot-01-apply.png`, fullPage: true });
    await safety.tap('#apply-submit');
    await safety.waitForSelector('#app[data-page="permit"] #permit-title');
    const permitId = decodeURIComponent((await safety.evaluate(() => location.hash)).split('/')[2]!);

    // The server's answer: 特级 and who must approve.
    expect(await safety.textContent('#permit-title')).toBe('特级动火作业');
    expect(await safety.getAttribute('#permit-grade', 'data-grade')).toBe('special');
    expect(await safety.textContent('#permit-grade')).toBe('特级');
    expect(await safety.textContent('#permit-approver-role')).toBe('主管领导');
    expect(await safety.textContent('#permit-hot-work')).toContain('运行状态下的生产装置');
    expect(await safety.textContent('#permit-hot-work')).toContain('非露天');
    // The safety officer approves 一级, not 特级: no 审批, and the server's words say who does and why.
    expect(await safety.locator('#permit-approve').count()).toBe(0);
    expect(await safety.getAttribute('#permit-approve-why', 'data-reason')).toBe('APPROVER_ROLE');
    const why = (await safety.textContent('#permit-approve-why'))!;
    expect(why).toContain('须由主管领导审批');
    expect(why).toContain('运行状态下');
    await safety.screenshot({ path: `${shots}/permit-hot-02-who-approves.png`, fullPage: true });

    // The owner holds the principal leader's role at 东方化工仓储 and approves.
    const owner = await signIn('owner-dongfang');
    await goTo(owner, `permit/${encodeURIComponent(permitId)}`);
    await owner.tap('#permit-approve');
    await owner.waitForSelector('#permit-done[data-action="approve"]');
    expect(await owner.getAttribute('#app [data-status]', 'data-status')).toBe('approved');
    const read = await portal.api('owner-dongfang', 'GET', `/permits/${encodeURIComponent(permitId)}`);
    expect(read.body.permit).toMatchObject({
      approverId: 'owner-dongfang',
      rule: { grade: 'special', validityHours: 8 },
      hotWork: { situations: ['in_service_equipment'], openAir: false, shutDown: [], grade: 'special' },
    });

    // In English: the grade and the role's name as the server's rules give them, the facts in core's English words.
    await safety.tap('#lang-switch');
    await safety.waitForFunction(() => document.documentElement.lang === 'en' && document.getElementById('permit-title')?.textContent === 'Special-grade hot work');
    expect(await safety.textContent('#permit-grade')).toBe('special grade');
    expect(await safety.textContent('#permit-approver-role')).toBe('Principal leader in charge');
    expect(await safety.textContent('#permit-hot-work')).toContain('in service in a fire/explosion hazardous area');
    await goTo(safety, 'permits');
    await safety.selectOption('#pa-kind', 'hot_work');
    await safety.selectOption('#pa-open-air', 'yes');
    expect(await safety.isVisible('#pa-wind')).toBe(true);
    expect(await checkboxes(safety, 'hotSituations')).toContain(`pipe_rack: on a pipe rack 5.1.3`);
    expect(await safety.textContent('#app')).not.toMatch(/\b(permit[A-Z_]\w*|p[segk]_\w+)\b/);
    expect(pageErrors).toEqual([]);
    for (const p of [safety, owner]) await p.context().close();
  });

  it('the tank shut down, cleaned, purged, tested and isolated: 二级 after the owner approves the downgrade, then the safety officer as the unit', async () => {
    const safety = await signIn('safety-dongfang');
    await goTo(safety, 'permits');
    await safety.selectOption('#pa-kind', 'hot_work');
    await safety.fill('#pa-workers', '张焊工');
    await safety.selectOption('#pa-attendant', 'attendant-dongfang');
    await safety.fill('#pa-lel', '5');
    await safety.check('#apply-form input[name="hotSituations"][value="in_service_equipment"]');
    await safety.selectOption('#pa-open-air', 'no');
    for (const c of HOT_WORK_SHUTDOWN_CONDITIONS) await safety.check(`#apply-form input[name="shutDown"][value="${c.id}"]`);
    await safety.tap('#apply-submit');
    await safety.waitForSelector('#app[data-page="permit"] #permit-title');
    const permitId = decodeURIComponent((await safety.evaluate(() => location.hash)).split('/')[2]!);
    expect(await safety.textContent('#permit-title')).toBe('二级动火作业');
    expect(await safety.textContent('#permit-hot-work')).toContain('按二级管理');
    // The downgrade is approved first, by the head of production or safety: the unit is not offered 审批 yet.
    expect(await safety.textContent('#permit-approver-role')).toBe('企业生产负责人或安全管理负责人');
    expect(await safety.locator('#permit-approve').count()).toBe(0);
    expect(await safety.textContent('#permit-approve-why')).toContain('批准降级');
    const owner = await signIn('owner-dongfang');
    await goTo(owner, `permit/${encodeURIComponent(permitId)}`);
    await owner.tap('#permit-approve');
    await owner.waitForSelector('#permit-done[data-action="approve"]');
    expect(await owner.getAttribute('#app [data-status]', 'data-status')).toBe('applied');
    expect(await owner.textContent('#permit-downgrade-approver')).toContain('东方化工仓储');
    expect(await owner.locator('#permit-history [data-event="downgrade_approved"]').count()).toBe(1);
    // Then the permit, by the unit — another person than who approved the downgrade.
    expect(await owner.textContent('#permit-approver-role')).toBe('所在基层单位');
    // The safety officer's page was drawn before the downgrade: open it again (a hash already shown does not redraw).
    await goTo(safety, 'permits');
    await goTo(safety, `permit/${encodeURIComponent(permitId)}`);
    await safety.tap('#permit-approve');
    await safety.waitForSelector('#permit-done[data-action="approve"]');
    expect(await safety.getAttribute('#app [data-status]', 'data-status')).toBe('approved');
    const read = await portal.api('owner-dongfang', 'GET', `/permits/${encodeURIComponent(permitId)}`);
    expect(read.body.permit).toMatchObject({
      rule: { grade: 'second', validityHours: 72 },
      downgradeApproverId: 'owner-dongfang',
      approverId: 'safety-dongfang',
      hotWork: { siteGrade: 'special', downgraded: true },
    });
    await safety.screenshot({ path: `${shots}/permit-hot-03-downgraded.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
    for (const p of [safety, owner]) await p.context().close();
  });
});
