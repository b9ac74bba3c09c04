/**
 * A rectification refused for too few photos, retried on the hazard page in Chromium: the
 * photos the refused attempt uploaded are given again with the same hazard, and the server
 * answers the same uploads (core's sameGivenUpload) — no second file, no budget spent — so
 * retries never run into the upload budget (20 files a day, uploads given with their hazard
 * counted). Before, each retry stored every photo again and a few retries hit 429.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPng } from '../src/demo-png.js';
import { startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const photo = (name: string) => ({ name: `${name}.png`, mimeType: 'image/png', buffer: Buffer.from(demoPng(`retry ${name}`)) });

describe('a refused rectification retried', () => {
  it('re-sends the same photos as the same uploads; retries do not exhaust the upload budget', async () => {
    const findings = { gas_type: 'natural_gas', below_ground: false, alarm_installed: true, alarm_working: false, hose_length_m: 1 };
    const reported = await portal.api(
      'owner-anping',
      'POST',
      '/inspections?report=true',
      { pack: 'demo-kitchen', premises: 'restaurant', findings, subject: { enterpriseId: 'ent-anping' } },
      randomUUID(),
    );
    expect(reported.status).toBe(200);
    const id = reported.body.reports[0].hazardId as string;
    expect((await portal.api('grid-wang', 'POST', `/hazards/${id}/commands`, { type: 'issue_notice' }, randomUUID())).status).toBe(200);

    const owner = await portal.signIn('owner-anping', 'enterprise');
    const uploaded: string[] = [];
    owner.on('response', async (r) => {
      if (r.request().method() === 'POST' && /\/hazards\/[^/]+\/evidence/.test(r.url()) && r.ok()) uploaded.push(((await r.json()) as { id: string }).id);
    });
    await owner.evaluate((h) => (location.hash = `#/hazard/${encodeURIComponent(h)}`), id);
    await owner.waitForSelector('#rectify-form');
    // Too few: a general hazard needs two photos after. Eight attempts (16 uploads) and one more photo.
    for (let attempt = 0; attempt < 8; attempt++) {
      await owner.setInputFiles('#photo-before', [photo('before')]);
      await owner.setInputFiles('#photo-after', [photo('after-1')]);
      await owner.click('#submit-rectification');
      // Refused by the rule (too few photos after), never by the upload budget (#upload-error, 429).
      const refusal = await owner.waitForSelector('#command-error, #upload-error');
      expect(await refusal.getAttribute('id'), `attempt ${attempt + 1}: ${await refusal.textContent()}`).toBe('command-error');
      await refusal.evaluate((e) => e.remove());
    }
    await owner.setInputFiles('#photo-before', [photo('before')]);
    await owner.setInputFiles('#photo-after', [photo('after-1'), photo('after-2')]);
    await owner.click('#submit-rectification');
    await owner.waitForSelector('#hazard-state[data-status="submitted"]');
    expect(uploaded).toHaveLength(19);
    expect(new Set(uploaded).size).toBe(3);
    // Of the day's twenty files the retries spent three (the seed's rectification of 安平 three more): fourteen more distinct uploads are taken
    // (for a report to come: the submitted hazard takes no more evidence from its owner, T54; the budget is the same).
    expect((await portal.fetchAs('owner-anping', `/api/hazards/${id}/evidence`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: demoPng('submitted') })).status).toBe(403);
    const more = (i: number) => portal.fetchAs('owner-anping', '/api/evidence', { method: 'POST', headers: { 'content-type': 'image/png' }, body: demoPng(`more ${i}`) });
    for (let i = 0; i < 14; i++) expect((await more(i)).status).toBe(201);
    expect((await more(14)).status).toBe(429);
    await owner.context().close();
  });
});
