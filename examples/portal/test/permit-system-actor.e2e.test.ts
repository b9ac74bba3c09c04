/**
 * A permit's history names the clock's own events in words: core records what the clock
 * decided (an expiry, a missed reading) as its permit system actor (PERMIT_SYSTEM_ACTOR,
 * "system"), and the history showed the raw id "system" — the portal only translated the
 * chain's scheduler (system-scheduler). The portal reads the id from core, bundled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type PortalHarness } from './portal-harness.js';

let now = Date.now();
const clock = { now: () => new Date(now) };
let portal: PortalHarness;
beforeAll(async () => {
  portal = await startPortal({ clock });
});
afterAll(async () => {
  await portal?.stop();
});

describe('a permit’s history', () => {
  it('names the system’s events in 中文 and English, never the raw id', async () => {
    const open = await portal.api('owner-dongfang', 'GET', '/permits?enterpriseId=ent-dongfang');
    const hot = (open.body.items as Array<{ permitId: string; rule: { kind: string } }>).find((p) => p.rule.kind === 'hot_work');
    expect(hot, JSON.stringify(open.body).slice(0, 400)).toBeDefined();
    if (!hot) return;
    // Three days on, the clock has ended the job (and missed its readings): the next command records that first.
    now += 3 * 24 * 3_600_000;
    portal.forgetSessions(); // the sessions of three days ago have ended
    await portal.api('owner-dongfang', 'POST', `/permits/${encodeURIComponent(hot.permitId)}/close`, {}, `close-${now}`);
    const detail = await portal.api('owner-dongfang', 'GET', `/permits/${encodeURIComponent(hot.permitId)}`);
    expect(detail.status, JSON.stringify(detail.body).slice(0, 300)).toBe(200);
    expect((detail.body.events as Array<{ actorId: string }>).some((e) => e.actorId === 'system')).toBe(true);

    const owner = await portal.signIn('owner-dongfang', 'enterprise');
    await owner.evaluate((id) => (location.hash = `#/permit/${encodeURIComponent(id)}`), hot.permitId);
    await owner.waitForSelector('#permit-history li');
    const history = (await owner.textContent('#permit-history')) ?? '';
    expect(history).toContain('系统（作业许可到期与读数监测）');
    expect(history).not.toMatch(/· system\b/);
    await owner.evaluate(() => localStorage.setItem('anjian-lang', 'en'));
    await owner.reload();
    await owner.waitForSelector('#permit-history li');
    expect(await owner.textContent('#permit-history')).toContain('System (permit expiry and reading checks)');
    await owner.context().close();
  });
});
