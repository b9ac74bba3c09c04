/**
 * End-to-end in Chromium (decision 010, update): a co-sign code binds what the second officer
 * co-signs. On his own page officer 赵 confirms a penalty notice of a ¥20 000 fine under Art. 102
 * and generates the code; his page shows what the code binds as the server answered it (the fine,
 * the article, the hazard). Officer 李, on his own page, sends the notice with ¥50 000 and the
 * code: refused with the server's words, the fine field marked, nothing recorded. With ¥20 000
 * the same code notifies the penalty, both officers on the record.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

/** A fresh major hazard of 如意 with a case two officers filed (through the API). */
async function caseFiled(): Promise<string> {
  const reported = await portal.api(
    'owner-ruyi',
    'POST',
    '/inspections?report=true',
    {
      pack: 'demo-kitchen',
      premises: 'restaurant',
      findings: { gas_type: 'lpg', below_ground: true, alarm_installed: true, alarm_working: true, hose_length_m: 1, cylinders_on_site: 2 },
      subject: { enterpriseId: 'ent-ruyi' },
    },
    randomUUID(),
  );
  expect(reported.status, JSON.stringify(reported.body)).toBe(200);
  const id = reported.body.reports[0].hazardId as string;
  const filed = await portal.api('officer-li', 'POST', `/hazards/${id}/commands`, { type: 'file_case', coOfficerId: 'officer-zhao' }, randomUUID());
  expect(filed.status, JSON.stringify(filed.body)).toBe(200);
  return id;
}

async function openHazard(page: Page, id: string): Promise<void> {
  if (new URL(page.url()).hash === `#/hazard/${id}`) await page.reload();
  else await page.evaluate((h) => (location.hash = `#/hazard/${h}`), id);
  await page.waitForSelector(`#app[data-page="hazard"] #hazard-state[data-hazard="${id}"]`);
}

describe('a co-sign code binds the content the second officer co-signs', () => {
  it('赵 co-signs a ¥20 000 fine and sees it from the server; 李’s ¥50 000 notice with his code is refused, the ¥20 000 one is recorded', async () => {
    const id = await caseFiled();
    const li = await portal.signIn('officer-li', 'enforcement', 'zh-CN', { coSigner: null });
    const zhao = await portal.signIn('officer-zhao', 'enforcement', 'zh-CN', { coSigner: null });
    await openHazard(li, id);
    await openHazard(zhao, id);

    // 赵 chooses the act; his page asks what the code binds, and he confirms ¥20 000 under Art. 102.
    await zhao.selectOption('#co-sign-act', 'notify_penalty');
    await zhao.waitForSelector('#co-sign-fine');
    await zhao.selectOption('#co-sign-article', 'work-safety-law-2021/102');
    await zhao.selectOption('#co-sign-kind', 'fine');
    await zhao.fill('#co-sign-fine', '20000');
    // What the page shows comes from the server's answer: a page that showed its own fields would show 99 999.
    // (The field changes after the request left and before its answer arrives.)
    await zhao.route('**/co-sign-codes', async (route) => {
      const response = await route.fetch();
      await zhao.evaluate(() => ((document.querySelector('#co-sign-fine') as HTMLInputElement).value = '99999'));
      await route.fulfill({ response });
    });
    await zhao.click('#co-sign-give-button');
    const shown = await zhao.waitForSelector('#co-sign-issued-code');
    const code = (await shown.getAttribute('data-code')) ?? '';
    expect(code).toMatch(/^\d{8}$/);
    expect(await zhao.getAttribute('#co-sign-bound [data-field="fineAmount"]', 'data-value')).toBe('20000');
    expect(await zhao.textContent('#co-sign-bound [data-field="article"]')).toContain('第一百零二条');
    expect(await zhao.textContent('#co-sign-bound [data-field="facts"]')).toContain('重大事故隐患');

    // 李 sends the notice with ¥50 000 and 赵's code: refused, located at the fine, nothing recorded.
    const before = (await portal.api('officer-li', 'GET', `/hazards/${id}`)).body.state.version;
    await li.waitForSelector('#notify-article');
    await li.selectOption('#notify-article', 'work-safety-law-2021/102');
    await li.fill('#notify-fine', '50000');
    await li.fill('#co-sign-code', code);
    await li.click('#cmd-notify_penalty');
    const error = await li.waitForSelector('#command-error');
    expect(await error.getAttribute('data-status')).toBe('422');
    expect(await error.textContent()).toContain('与第二名执法人员确认的不同');
    expect(await li.getAttribute('#notify-fine', 'aria-invalid')).toBe('true');
    expect((await portal.api('officer-li', 'GET', `/hazards/${id}`)).body.state.version).toBe(before);

    // With the fine 赵 co-signed, the same code notifies the penalty; both officers are recorded.
    await li.fill('#notify-fine', '20000');
    await li.fill('#co-sign-code', code);
    await li.click('#cmd-notify_penalty');
    await li.waitForSelector('#command-done[data-command="notify_penalty"]', { timeout: 30_000 });
    const notified = (await portal.api('officer-li', 'GET', `/hazards/${id}`)).body.history.find((e: { type: string }) => e.type === 'penalty_notified');
    expect([notified.data.penalty.fineAmount, notified.data.officers.map((o: { id: string }) => o.id)]).toEqual([20_000, ['officer-li', 'officer-zhao']]);
    for (const page of [li, zhao]) await page.context().close();
  });
});
