/**
 * The observation form's note says who confirms the level: core's permission table lets only
 * enforcement officers confirm one (confirm_level), where the note said 「须由上报人以外的人员确认」
 * (anyone but the reporter). The roles come from the bundled PERMISSION_TABLE, not a copy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

describe('the observation form’s note', () => {
  it('names enforcement officers as those who confirm the level, in 中文 and English', async () => {
    const grid = await portal.signIn('grid-wang', 'grid');
    await grid.waitForSelector('#observation-form p.hint');
    expect(await grid.textContent('#observation-form p.hint')).toBe('不在检查表内的隐患：等级为疑似，须由执法人员确认（不能是上报人本人）。');
    await grid.click('#lang-switch');
    // the page is drawn again in English after the lang attribute changes: wait for the note itself
    await grid.waitForFunction(() => document.documentElement.lang === 'en' && /^A /.test(document.querySelector('#observation-form p.hint')?.textContent ?? ''));
    expect(await grid.textContent('#observation-form p.hint')).toBe('A hazard outside the checklists: its level stays provisional until confirmed by: Enforcement officer (not the reporter).');
    await grid.context().close();
  });
});
