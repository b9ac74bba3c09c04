/**
 * The inspection form prefills its 检查时间 at the server's clock (the Date header of the answer
 * that brought the checklist, permissions.js serverTime), never the browser's: the server refuses
 * an inspection time more than a few minutes after its own now (core's INSPECTED_AT_IN_FUTURE at
 * /inspectedAt), so a browser whose clock runs ahead would prefill a time the server refuses.
 * With the browser's clock two hours ahead of the clock of a portal in this process, the form
 * proposes the server's now, which the server accepts; the browser's now is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type PortalHarness } from './portal-harness.js';

/** How far the browser's clock runs ahead: well past the server's five minutes of tolerance, inside a session's life. */
const AHEAD = 2 * 3_600_000;
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
const kitchen = (inspectedAt: string) => ({
  pack: 'demo-kitchen',
  premises: 'restaurant',
  subject: { enterpriseId: 'ent-lvyuan' },
  inspectedAt,
  findings: { gas_type: 'natural_gas', below_ground: false, alarm_installed: true, alarm_working: true, hose_length_m: 1 },
});

describe('the inspection form by the server’s clock, the browser’s ahead', () => {
  it('prefills the inspection time with the server’s now, which the server accepts; the browser’s now it refuses', async () => {
    const owner = await portal.signIn('owner-lvyuan', 'enterprise');
    await owner.clock.setFixedTime(new Date(now + AHEAD));
    await owner.selectOption('#pack-select', 'demo-kitchen');
    await owner.waitForSelector('#facts[data-pack="demo-kitchen"] #f-inspectedAt');
    const prefilled = await owner.inputValue('#f-inspectedAt');
    expect(prefilled).toBe(chinaMinute(now));

    const accepted = await portal.api('owner-lvyuan', 'POST', '/inspections?report=true', kitchen(`${prefilled}:00+08:00`), 'inspection-clock-server');
    expect(accepted.status, JSON.stringify(accepted.body).slice(0, 300)).toBe(200);
    const refused = await portal.api('owner-lvyuan', 'POST', '/inspections?report=true', kitchen(`${chinaMinute(now + AHEAD)}:00+08:00`), 'inspection-clock-browser');
    expect([refused.status, refused.body.issues?.[0]?.code, refused.body.issues?.[0]?.pointer]).toEqual([422, 'INSPECTED_AT_IN_FUTURE', '/inspectedAt']);
    await owner.context().close();
  });
});
