/**
 * End-to-end (issue 15): an officer's inspection and notice with the second officer chosen on
 * the page number and issue two enforcement documents with the acts themselves; the hazard page
 * offers 预览 / 打印 / 下载 (PDF) at once, to the officer and to the enterprise; nobody reads a
 * document into being (no 出具 for an issued one).
 * One portal, one Chromium for the file.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shots, startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

async function openHazard(page: Page, id: string): Promise<void> {
  await page.evaluate((h) => (location.hash = `#/hazard/${h}`), id);
  await page.waitForSelector(`#app[data-page="hazard"] #hazard-state[data-hazard="${id}"]`);
}

describe('hazard page: enforcement documents (执法文书)', () => {
  it('two officers number and issue the documents with their acts; 预览 / 打印 / 下载 at once for the officer and the enterprise', async () => {
    // An officer's inspection with the second officer present: the 现场检查记录 is numbered with the report.
    const res = await portal.api(
      'officer-li',
      'POST',
      '/inspections?report=true&coOfficerId=officer-zhao',
      {
        pack: 'demo-kitchen',
        premises: 'restaurant',
        findings: { gas_type: 'natural_gas', below_ground: false, alarm_installed: true, alarm_working: false, hose_length_m: 1 },
        subject: { enterpriseId: 'ent-anping' },
      },
      randomUUID(),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const id = res.body.reports[0].hazardId as string;
    // Issued with the report: numbered, composed and registered in the officer's request.
    expect(res.body.reports[0].documents.map((d: { kind: string; issued: boolean }) => [d.kind, d.issued])).toEqual([['inspection_record', true]]);

    const officer = await portal.signIn('officer-li', 'enforcement');
    // The officer's inspection form on the home page takes the second officer's co-sign code too (no password field).
    expect(await officer.$('#check-co-sign-code')).not.toBeNull();
    expect(await officer.$('input[type="password"]')).toBeNull();
    await openHazard(officer, id);
    await officer.waitForSelector('#documents li[data-doc-kind="inspection_record"]');
    // The notice: the second officer (officer-zhao, standing by) gives his co-sign code; the page sends it.
    expect(await officer.$('#co-sign-code')).not.toBeNull();
    await officer.click('#cmd-issue_notice');
    await officer.waitForSelector('#hazard-state[data-status="rectifying"]');
    await officer.waitForSelector('#documents li[data-doc-kind="rectification_order"]');
    const order = officer.locator('#documents li[data-doc-kind="rectification_order"]');
    expect(await order.getAttribute('data-doc-number')).toBe('（D1）应急责改〔2026〕1号');

    // Issued with the notice: its code is shown and 预览 / 打印 / 下载 are there; nothing to issue by hand.
    const row = officer.locator('#documents li[data-doc-kind="rectification_order"]');
    await row.locator('a[id^="doc-preview-"]').waitFor();
    expect(await row.locator('code').textContent()).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(await officer.locator('#documents [data-doc-issue]').count()).toBe(0);
    const preview = await row.locator('a[id^="doc-preview-"]').getAttribute('href');
    const page = await officer.context().request.get(new URL(preview!, portal.base).href);
    const text = await page.text();
    for (const s of ['责令限期整改指令书', '（D1）应急责改〔2026〕1号', '安平火锅店', 'D1区安平街21号', '吴安平', '李强', 'D1-ZF-2026-0101', '赵敏', 'D1-ZF-2026-0102', 'D1区人民政府（演示）'])
      expect(text, s).toContain(s);
    const pdfHref = await row.locator('a[id^="doc-download-"]').getAttribute('href');
    const pdf = await officer.context().request.get(new URL(pdfHref!, portal.base).href);
    if (pdf.status() === 200) {
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } else {
      // No CJK font on this machine: the API says so (the portal renders PDF with the system's Noto CJK).
      expect((await pdf.json()).code).toBe('PDF_NOT_CONFIGURED');
    }
    await row.locator('[data-doc-print]').click();
    await officer.waitForSelector('#doc-print-frame[data-printed="1"]', { state: 'attached' });
    expect(await officer.frameLocator('#doc-print-frame').locator('h1.title').textContent()).toBe('责令限期整改指令书');
    await officer.screenshot({ path: join(shots, 'hazard-documents-officer.png'), fullPage: true });

    // The enterprise reads its documents: previews the issued one, issues none.
    const owner = await portal.signIn('owner-anping', 'enterprise');
    await openHazard(owner, id);
    const ownRow = owner.locator('#documents li[data-doc-kind="rectification_order"]');
    await ownRow.locator('a[id^="doc-preview-"]').waitFor();
    expect(await owner.locator('#documents [data-doc-issue]').count()).toBe(0);
  }, 120_000);
});
