/**
 * End-to-end: a hazard whose level is provisional (疑似: its basis is superseded or unverified)
 * waits for an officer to confirm the level before a case is filed (core's
 * `awaitsConfirmedLevel`, the rule decide applies). The officer's hazard page offered 立案 on
 * such a hazard and the click answered 422 with a message naming the command `confirm_level`;
 * the page now offers 确认等级 and says in the "why not" list why 立案 waits, in words, and
 * offers 立案 once the level is confirmed.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shots, startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;

beforeAll(async () => {
  portal = await startPortal();
});

afterAll(async () => {
  await portal?.stop();
});

describe('a provisional level on the officer’s hazard page', () => {
  it('立案 is not offered until the level is confirmed; the why-not line says so in words', async () => {
    // 安平火锅店's broken gas alarm: a general hazard whose basis is unverified, so provisional.
    const reported = await portal.api(
      'owner-anping',
      'POST',
      '/inspections?report=true',
      {
        pack: 'demo-kitchen',
        premises: 'restaurant',
        findings: { gas_type: 'natural_gas', below_ground: false, alarm_installed: true, alarm_working: false, hose_length_m: 1 },
        subject: { enterpriseId: 'ent-anping' },
      },
      randomUUID(),
    );
    expect(reported.status, JSON.stringify(reported.body)).toBe(200);
    const id = reported.body.reports[0].hazardId as string;
    expect((await portal.api('officer-li', 'GET', `/hazards/${id}`)).body.state.provisional).toBe(true);

    const officer = await portal.signIn('officer-li', 'enforcement');
    const errors: string[] = [];
    officer.on('response', (r) => {
      if (r.request().method() === 'POST' && r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
    await officer.evaluate((h) => (location.hash = `#/hazard/${h}`), id);
    await officer.waitForSelector(`#app[data-page="hazard"] #hazard-state[data-hazard="${id}"]`);
    await officer.waitForSelector('#cmd-confirm_level');
    expect(await officer.locator('#cmd-file_case').count()).toBe(0);
    const why = officer.locator('#why-not li[data-command="file_case"]');
    expect(await why.getAttribute('data-reason')).toBe('PROVISIONAL_UNCONFIRMED');
    const words = (await why.textContent()) ?? '';
    expect(words).toContain('确认等级');
    expect(words).not.toMatch(/[a-z]+_[a-z]+/);
    await officer.screenshot({ path: join(shots, 'provisional-file-case-waits.png'), fullPage: true });

    // The officer confirms the level with a reason; then the case may be filed.
    await officer.fill('#confirm-reason', '现场核实报警器失效，按一般事故隐患处理');
    await officer.waitForSelector('#cmd-confirm_level:not([disabled])');
    await officer.click('#cmd-confirm_level');
    await officer.waitForSelector('#command-done[data-command="confirm_level"]');
    await officer.waitForSelector('#cmd-file_case');
    expect(await officer.locator('#why-not li[data-command="file_case"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await officer.context().close();
  });

  it('the refusal the API gives names the step in words, not the command id', async () => {
    const reported = await portal.api(
      'owner-anping',
      'POST',
      '/inspections?report=true',
      {
        pack: 'demo-kitchen',
        premises: 'restaurant',
        findings: { gas_type: 'natural_gas', below_ground: false, alarm_installed: true, alarm_working: false, hose_length_m: 1 },
        subject: { enterpriseId: 'ent-anping' },
      },
      randomUUID(),
    );
    const id = reported.body.reports[0].hazardId as string;
    const refused = await portal.api('officer-li', 'POST', `/hazards/${id}/commands`, { type: 'file_case', coOfficerId: 'officer-zhao' }, randomUUID());
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('PROVISIONAL_UNCONFIRMED');
    expect(refused.body.detail).not.toContain('confirm_level');
  });
});
