/**
 * The permit pages prefill their times at the server's clock (the Date header of the answer that
 * brought the page, permissions.js serverTime), never the browser's: the server judges them — a
 * gas test is valid only if sampled within the rule's window before its now (core's decidePermit).
 * With the browser's clock more than a year behind the clock of a portal in this process, the
 * application's 有效期起 and the reading's 采样时间 (to the second) are the server's now, and the gas test
 * sent with that default is accepted, sampled at that second.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTo, startPortal, type PortalHarness } from './portal-harness.js';

const DAY = 86_400_000;
const now = Date.now();
const clock = { now: () => new Date(now) }; // the server's clock stands still: the expected minute is known
let portal: PortalHarness;
beforeAll(async () => {
  portal = await startPortal({ clock });
});
afterAll(async () => {
  await portal?.stop();
});

/** A datetime-local value (China time) of an instant. */
const chinaMinute = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16);
const chinaSecond = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19);

describe('permit pages by the server’s clock, the browser’s far off', () => {
  it('prefills the validity start and the sampling time with the server’s now; the gas test so sent is accepted', async () => {
    const owner = await portal.signIn('owner-lvyuan', 'enterprise');
    await owner.clock.setFixedTime(new Date(now - 400 * DAY));
    await goTo(owner, 'permits');
    expect(await owner.inputValue('#pa-from')).toBe(chinaMinute(now));

    const applied = await portal.api(
      'owner-lvyuan',
      'POST',
      '/permits',
      { kind: 'confined_space', grade: 'none', enterpriseId: 'ent-lvyuan', workerIds: ['王师傅'], attendantId: 'attendant-lvyuan', validFrom: new Date(now).toISOString() },
      'clock-apply',
    );
    expect(applied.status).toBe(201);
    const id = applied.body.permit.permitId as string;
    expect((await portal.api('safety-lvyuan', 'POST', `/permits/${encodeURIComponent(id)}/approve`, {}, 'clock-approve')).status).toBe(200);

    await goTo(owner, `permit/${encodeURIComponent(id)}`);
    // the sampling time is to the second (a retest in the same minute as a failed test is later than it)
    expect(await owner.inputValue('#pr-at')).toBe(chinaSecond(now));
    await owner.fill('#pr-instrument', '四合一气体检测仪 MX4');
    await owner.fill('#pr-place', '隔油池入口');
    await owner.fill('#pr-o2_pct_vol', '20.8');
    await owner.fill('#pr-flammable_pct_lel', '0');
    await owner.click('#permit-gas-test');
    await owner.waitForSelector('#permit-done[data-action="gas-tests"], #permit-refused, .message.error');
    expect(await owner.locator('#permit-done[data-action="gas-tests"]').count()).toBe(1);
    expect(await owner.textContent('#last-test')).toContain('合格');
    const permit = (await portal.api('owner-lvyuan', 'GET', `/permits/${encodeURIComponent(id)}`)).body.permit as { lastTest: { sampledAt: string } };
    expect(permit.lastTest.sampledAt).toBe(new Date(Math.floor(now / 1000) * 1000).toISOString());
    await owner.context().close();
  });
});
