/**
 * The hazard page lists documents under who issues them: a grid inspector's 隐患整改通知书 is
 * not an enforcement document (执法文书) — the server says so per item (issuedBy, from
 * @anjian/documents' trigger table). A document's 预览 / 打印 / 下载 PDF stand apart.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTo, startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

describe('the hazard page’s documents', () => {
  it('puts the grid inspector’s 隐患整改通知书 under its own heading, not 执法文书, with its links spaced', async () => {
    const findings = { gas_type: 'natural_gas', below_ground: false, alarm_installed: true, alarm_working: false, hose_length_m: 1 };
    const reported = await portal.api(
      'owner-anping',
      'POST',
      '/inspections?report=true',
      { pack: 'demo-kitchen', premises: 'restaurant', findings, subject: { enterpriseId: 'ent-anping' } },
      randomUUID(),
    );
    const id = reported.body.reports[0].hazardId as string;
    expect((await portal.api('grid-wang', 'POST', `/hazards/${id}/commands`, { type: 'issue_notice' }, randomUUID())).status).toBe(200);
    const listed = await portal.api('grid-wang', 'GET', `/hazards/${id}/documents`);
    expect(listed.body.items.map((d: { kind: string; issuedBy: string }) => [d.kind, d.issuedBy])).toEqual([['rectification_notice', 'grid']]);

    const grid = await portal.signIn('grid-wang', 'grid');
    await goTo(grid, `hazard/${id}`);
    await grid.waitForSelector('#documents-list li[data-doc-kind="rectification_notice"]');
    const headings = await grid.locator('#documents h2, #documents h3').allTextContents();
    expect(headings).toEqual(['文书', '网格员整改通知']);
    expect(await grid.locator('#documents ul[data-issued-by="grid"] li[data-doc-kind="rectification_notice"]').count()).toBe(1);
    // 预览, 打印 and 下载 PDF do not touch each other.
    const boxes = await Promise.all(['#doc-preview-0', '#doc-print-0', '#doc-download-0'].map((s) => grid.locator(s).boundingBox()));
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.x - (boxes[i - 1]!.x + boxes[i - 1]!.width)).toBeGreaterThanOrEqual(4);
    await grid.context().close();
  });
});
