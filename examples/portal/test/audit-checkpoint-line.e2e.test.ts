/**
 * The hazard page's audit line for a hazard reported after the latest signed checkpoint: it
 * said 「签名检查点…覆盖到第 0 版」; now it says plainly that the hazard is not yet covered and
 * the next checkpoint will cover it.
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

describe('the audit line of a hazard newer than the checkpoint', () => {
  it('says it is not yet covered, not 「覆盖到第 0 版」', async () => {
    const findings = { gas_type: 'natural_gas', below_ground: false, alarm_installed: true, alarm_working: false, hose_length_m: 1 };
    const reported = await portal.api(
      'owner-anping',
      'POST',
      '/inspections?report=true',
      { pack: 'demo-kitchen', premises: 'restaurant', findings, subject: { enterpriseId: 'ent-anping' } },
      randomUUID(),
    );
    const id = reported.body.reports[0].hazardId as string;
    const audit = await portal.api('owner-anping', 'GET', `/hazards/${id}/audit`);
    expect(audit.body.checkpoint?.coversVersion).toBe(0);
    const owner = await portal.signIn('owner-anping', 'enterprise');
    await goTo(owner, `hazard/${id}`);
    const line = (await (await owner.waitForSelector('#hazard-audit')).textContent()) ?? '';
    expect(line).not.toContain('第 0 版');
    expect(line).toContain('之后上报，尚未纳入签名检查点，下一个检查点会纳入');
    await owner.context().close();
  });
});
