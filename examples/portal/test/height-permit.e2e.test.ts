/**
 * Work at height from the portal, end to end in Chromium at phone size against the real portal
 * server and its SQLite file: the application asks what the applicant observed — the working
 * height, the fall hazards of GB 30871-2022 8.1.2 and the situations of Note 2 of Annex B
 * Table B.1, as checkboxes worded by core — and no grade; the server derives the grade and so
 * who approves, and the permit page shows both. 4 m in the rain is grade Ⅳ: the safety officer
 * (a unit approver) is told that the plant leader approves, and 绿园餐厅's owner, who holds
 * that role, approves it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HEIGHT_FALL_FACTORS, HEIGHT_SITUATIONS } from '@anjian/core/internal';
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

describe('work at height from the portal', () => {
  it('4 m in the rain: the form asks the facts, the server derives grade Ⅳ, a unit approver is told the plant leader approves, the owner approves', async () => {
    const safety = await signIn('safety-lvyuan');
    await goTo(safety, 'permits');
    await safety.selectOption('#pa-kind', 'work_at_height');
    // No grade to declare for height work: the facts instead, worded as core words them.
    expect(await safety.isVisible('#pa-grade')).toBe(false);
    expect(await checkboxes(safety, 'fallFactors')).toEqual(HEIGHT_FALL_FACTORS.map((f) => `${f.id}: ${f.label['zh-CN']} ${f.clause}`));
    expect(await checkboxes(safety, 'situations')).toEqual(HEIGHT_SITUATIONS.map((s) => `${s.id}: ${s.label['zh-CN']} ${s.clause}`));
    // No height given: the server's located words, nothing applied.
    await safety.fill('#pa-workers', '赵师傅');
    await safety.tap('#apply-submit');
    await safety.waitForSelector('#apply-error');
    expect(await safety.textContent('#apply-error')).toContain('/height/heightM');
    // Only the seed's confined-space job is 绿园餐厅's (its hot work is the hazardous-chemical depot's).
    expect(await safety.getAttribute('#my-permits', 'data-count')).toBe('1');
    await safety.fill('#pa-height', '4');
    await safety.check('#apply-form input[name="situations"][value="raining"]');
    await safety.selectOption('#pa-attendant', 'attendant-lvyuan');
    expect(await safety.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await safety.screenshot({ path: `${shots}/permit-height-01-apply.png`, fullPage: true });
    await safety.tap('#apply-submit');
    await safety.waitForSelector('#app[data-page="permit"] #permit-title');
    const permitId = decodeURIComponent((await safety.evaluate(() => location.hash)).split('/')[2]!);

    // The server's answer: grade Ⅳ (raised by the rain) and who must approve.
    expect(await safety.textContent('#permit-title')).toBe('Ⅳ级高处作业');
    expect(await safety.textContent('#permit-grade')).toBe('Ⅳ');
    expect(await safety.textContent('#permit-approver-role')).toBe('主管厂长或总工程师');
    expect(await safety.textContent('#permit-height')).toContain('4 m');
    expect(await safety.textContent('#permit-height')).toContain('降雨时作业');
    // The safety officer approves as the unit, not at this grade: no 审批, and the server's words say who does and why.
    expect(await safety.locator('#permit-approve').count()).toBe(0);
    expect(await safety.getAttribute('#permit-approve-why', 'data-reason')).toBe('APPROVER_ROLE');
    const why = (await safety.textContent('#permit-approve-why'))!;
    expect(why).toContain('须由主管厂长或总工程师审批');
    expect(why).toContain('降雨时作业');
    await safety.screenshot({ path: `${shots}/permit-height-02-who-approves.png`, fullPage: true });

    // The owner holds the plant leader's role at 绿园餐厅 and approves.
    const owner = await signIn('owner-lvyuan');
    await goTo(owner, `permit/${encodeURIComponent(permitId)}`);
    await owner.tap('#permit-approve');
    await owner.waitForSelector('#permit-done[data-action="approve"]');
    expect(await owner.getAttribute('#app [data-status]', 'data-status')).toBe('approved');
    const read = await portal.api('owner-lvyuan', 'GET', `/permits/${encodeURIComponent(permitId)}`);
    expect(read.body.permit).toMatchObject({ approverId: 'owner-lvyuan', height: { heightM: 4, fallFactors: [], situations: ['raining'], grade: 'iv' } });

    // In English: the grade's numeral and the role's name as the server's rules give them, the form in core's English words.
    await safety.tap('#lang-switch');
    await safety.waitForFunction(() => document.documentElement.lang === 'en' && document.getElementById('permit-title')?.textContent === 'Grade IV work at height');
    expect(await safety.textContent('#permit-grade')).toBe('IV');
    expect(await safety.textContent('#permit-approver-role')).toBe('Plant manager in charge or chief engineer');
    expect(await safety.textContent('#permit-height')).toBe('4 m · while it rains');
    await goTo(safety, 'permits');
    await safety.selectOption('#pa-kind', 'work_at_height');
    expect(await checkboxes(safety, 'situations')).toContain(`raining: while it rains ${HEIGHT_SITUATIONS.find((s) => s.id === 'raining')!.clause}`);
    expect(await safety.textContent('#app')).not.toMatch(/\b(permit[A-Z_]\w*|p[segk]_\w+)\b/);
    expect(pageErrors).toEqual([]);
    for (const p of [safety, owner]) await p.context().close();
  });
});
