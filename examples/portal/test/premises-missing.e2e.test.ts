/**
 * End-to-end (issue 13, fail closed): a self-inspection sent without a premises kind is not
 * classified. 绿园餐厅 has two places, so the server cannot derive the kind: the browser form
 * marks the place field (aria-invalid, the message linked by aria-describedby) and shows no
 * result; the same inspection over HTTP answers 422 with the pointer /premises.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;
let page: Page;

beforeAll(async () => {
  portal = await startPortal();
  page = await portal.signIn('owner-lvyuan', 'enterprise');
});

afterAll(async () => {
  await portal?.stop();
});

describe('an inspection without a premises kind', () => {
  it('is refused over HTTP with 422 at /premises', async () => {
    const res = await portal.api('owner-lvyuan', 'POST', '/inspections', { pack: 'gas', inspectedAt: '2026-11-21T10:05:00+08:00', findings: { op_licence: 'valid' } });
    expect(res.status).toBe(422);
    const pointers = (res.body.issues ?? []).map((i: { pointer?: string; code?: string }) => `${i.code} ${i.pointer}`);
    expect(pointers).toContain('PREMISES_MISSING /premises');
    // Said once: not once per answer as "not applicable".
    expect(pointers.filter((p: string) => p.startsWith('NOT_APPLICABLE_ANSWER'))).toEqual([]);
  });

  it('is marked on the place field of the form, and nothing is classified', async () => {
    await page.selectOption('#pack-select', '');
    await page.selectOption('#pack-select', 'gas');
    await page.waitForSelector('#facts[data-pack="gas"] #f-place');
    expect(await page.inputValue('#f-place')).toBe('');
    await page.click('#submit-check');
    await page.waitForSelector('[data-field="premisesId"].invalid');
    const message = (await page.textContent('#e-premisesId'))?.trim() ?? '';
    expect(message.length).toBeGreaterThan(0);
    expect(await page.getAttribute('#f-place', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#f-place', 'aria-describedby')).toContain('e-premisesId');
    expect(await page.$('#check-result #found-hazards, #check-result #no-hazards')).toBeNull();
  });
});
