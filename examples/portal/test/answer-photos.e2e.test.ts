/**
 * Wave 1's lesson, "approvals were made without seeing the photos", for the photos of an
 * inspection's answers, end to end in Chromium: 如意宾馆 inspects itself with the fire checklist
 * and answers 现场照片 with a photo of the locked exit; the grid inspector opens the hazard it
 * reported and sees that photo in the evidence, above the actions, before any decision is
 * enabled, and follows the link to the inspection record that found it. The photo of an item
 * that passed is bound to the inspection record and shown on its page to whoever reads it.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { demoPng } from '../src/demo-png.js';
import { goTo, startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const hotel = (
  parse(readFileSync(new URL('../../../checklists/fire/tests/compliant.yaml', import.meta.url), 'utf8')) as {
    scenarios: Array<{ premises: string; inspectedAt: string; findings: Record<string, unknown> }>;
  }
).scenarios[0]!;

describe("an inspection's answer photos on the hazard page", () => {
  it('the grid inspector opens a hazard of a self-inspection and sees its site photo and the record, photos before any decision', async () => {
    const upload = await portal.fetchAs('owner-ruyi', '/api/evidence', { method: 'POST', headers: { 'content-type': 'image/png' }, body: demoPng(`ruyi exit ${Math.random()}`) });
    expect(upload.status).toBe(201);
    const photoId = ((await upload.json()) as { id: string }).id;
    const body = {
      pack: 'fire',
      premises: hotel.premises,
      inspectedAt: hotel.inspectedAt,
      subject: { enterpriseId: 'ent-ruyi' },
      findings: { ...hotel.findings, exit_obstruction: 'locked', site_photos: [photoId] },
    };
    const reported = await portal.api('owner-ruyi', 'POST', '/inspections?report=true', body, 'answer-photos-e2e');
    expect(reported.status).toBe(200);
    const inspectionId = reported.body.inspectionId as string;
    const hazardId = (reported.body.reports as Array<{ hazardId: string }>)[0]!.hazardId;

    const grid = await portal.signIn('grid-wang', 'grid');
    await goTo(grid, `hazard/${hazardId}`);
    // The photo the enterprise took while answering is the hazard's evidence, and it loads for the grid inspector.
    const thumb = grid.locator(`#evidence-list li[data-evidence="${photoId}"] img`);
    await thumb.waitFor();
    await grid.waitForSelector('#app[data-evidence="shown"]');
    expect(await thumb.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)).toBe(true);
    expect(await grid.getAttribute(`#evidence-list li[data-evidence="${photoId}"]`, 'data-kind')).toBe('photo_before');
    // The evidence comes before every action on the page.
    expect(await grid.evaluate(() => !!(document.querySelector('#evidence')!.compareDocumentPosition(document.querySelector('#actions')!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
    expect(await grid.locator('[data-on-evidence][disabled]').count()).toBe(0);
    // The hazard links to the inspection record that found it.
    await grid.click('#hazard-inspection');
    await grid.waitForSelector('#app[data-page="inspection"]');
    await grid.waitForSelector(`#inspection-answers [data-photos="1"]`);
    expect(await grid.evaluate(() => location.hash)).toBe(`#/inspection/${encodeURIComponent(inspectionId)}`);
    await grid.context().close();
  });

  it('the grid inspector sees the photo of an item a self-inspection passed on its record page (bound to the record, not expired)', async () => {
    const upload = await portal.fetchAs('owner-ruyi', '/api/evidence', { method: 'POST', headers: { 'content-type': 'image/png' }, body: demoPng(`ruyi compliant ${Math.random()}`) });
    expect(upload.status).toBe(201);
    const photoId = ((await upload.json()) as { id: string }).id;
    const body = { pack: 'fire', premises: hotel.premises, inspectedAt: hotel.inspectedAt, subject: { enterpriseId: 'ent-ruyi' }, findings: { ...hotel.findings, site_photos: [photoId] } };
    const reported = await portal.api('owner-ruyi', 'POST', '/inspections?report=true', body, 'answer-photos-e2e-compliant');
    expect(reported.status).toBe(200);
    expect(reported.body.reports).toEqual([]);
    const inspectionId = reported.body.inspectionId as string;

    const grid = await portal.signIn('grid-wang', 'grid');
    await goTo(grid, `inspection/${inspectionId}`);
    const thumb = grid.locator('#inspection-answers [data-photos="1"] img');
    await thumb.waitFor();
    await expect.poll(() => thumb.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)).toBe(true);
    await grid.context().close();
    // Someone who may not read the record gets the photo as unknown.
    expect((await portal.fetchAs('owner-anping', `/api/evidence/${encodeURIComponent(photoId)}`)).status).toBe(404);
  });
});
