/**
 * The hazard page shows the case number (案号) of a case the server numbered, in Chromium against
 * the real server: the seed's 红星 case was filed without a number (the register gives it the
 * 文号 of its 立案审批表), so `state.caseNo` is null and the page used to show no 案号 at all. It
 * shows the API's `caseNumber` — the same 文号 the documents list gives the 立案审批表 — to the
 * officer and to the enterprise, in both languages.
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

describe('case number on the hazard page', () => {
  it('shows the register’s 文号 of the 立案审批表 for a case filed without a typed number', async () => {
    const list = await portal.api('officer-li', 'GET', '/hazards?enterprise=ent-hongxing');
    const id: string = list.body.items.find((h: { status: string }) => h.status === 'case_filed').hazardId;
    const detail = (await portal.api('officer-li', 'GET', `/hazards/${encodeURIComponent(id)}`)).body;
    const documents = (await portal.api('officer-li', 'GET', `/hazards/${encodeURIComponent(id)}/documents`)).body.items as { kind: string; number: string }[];
    const approval = documents.find((d) => d.kind === 'case_filing_approval')!;
    expect(approval.number).toMatch(/应急立〔\d{4}〕\d+号$/);
    // The number is the register's only: nothing typed, the view derives it.
    expect([detail.state.caseNo, detail.caseNumber]).toEqual([null, approval.number]);

    for (const [user, home, locale, label] of [
      ['officer-li', 'enforcement', 'zh-CN', '案号'],
      ['owner-hongxing', 'enterprise', 'en', 'Case no.'],
    ] as const) {
      const page = await portal.signIn(user, home, locale);
      if (locale === 'en') {
        await page.click('#lang-switch');
        await page.waitForSelector(`#app[data-page="${home}"]`);
      }
      await goTo(page, `hazard/${encodeURIComponent(id)}?at=${Date.now()}`);
      await page.waitForSelector('#hazard-state');
      expect(await page.textContent('#hazard-case-no'), user).toBe(approval.number);
      expect(await page.textContent('#hazard-case-no-label'), user).toBe(label);
      await page.context().close();
    }
  });
});
