/**
 * The enterprise file (一企一档) in words: no raw ids (ent-anping, p-lvyuan-2) where a reader
 * expects a name or an address, and the recurrence heading says what it counts and, when
 * nothing recurred, says so instead of standing over an empty list.
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

describe('the enterprise file', () => {
  it('names the enterprise and premises in words and says when nothing recurred', async () => {
    const tenant = await portal.signIn('owner-anping', 'enterprise');
    await goTo(tenant, 'file');
    await tenant.waitForSelector('#file-rented');
    const text = (await tenant.textContent('#app')) ?? '';
    expect(text).not.toMatch(/ent-[a-z]|p-lvyuan|p-hongxing/);
    expect(await tenant.textContent('#file-rented tr[data-premises="p-lvyuan-2"]')).toContain('D1区和平里北街20号（出租门面）');
    expect(await tenant.locator('#file-recurrences').evaluate((e) => e.previousElementSibling?.textContent)).toBe('重复发生（90 天内）');
    expect(await tenant.textContent('#file-recurrences')).toBe('90 天内没有重复发生的隐患');
    await tenant.context().close();
  });
});
