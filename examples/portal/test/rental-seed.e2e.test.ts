/**
 * The rentals view (出租点与承租方隐患) counts a tenant's hazards at its landlord's premises
 * although no form declares the premises: 安平火锅店 rents one premises only (p-lvyuan-2), so
 * the server derives it from the directory (core's onlyPremisesOf) — for the seed's report
 * and for a self-inspection sent from the form, which names only the enterprise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillKitchenForm, goTo, startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const openAt = async (user: string) => {
  const page = await portal.signIn(user, 'enterprise');
  await goTo(page, 'landlord/ent-lvyuan');
  const totals = Number(await page.getAttribute('#landlord-totals', 'data-open'));
  const row = (await page.locator('tr[data-tenant="ent-anping"] td.num').first().textContent())?.trim();
  await page.context().close();
  return { totals, row: Number(row) };
};

describe('rentals view of a tenant with one premises', () => {
  it('counts the seed’s open hazard of 安平火锅店 and one found through the self-inspection form', async () => {
    const before = await openAt('owner-lvyuan');
    expect(before.row).toBe(1);
    expect(before.totals).toBe(1);

    const tenant = await portal.signIn('owner-anping', 'enterprise');
    await fillKitchenForm(tenant, { premises: 'restaurant', gas_type: 'natural_gas', below_ground: 'false', alarm_installed: 'false', hose_length_m: '1' });
    await tenant.click('#submit-check');
    await tenant.waitForSelector('#found-hazards');
    await tenant.context().close();
    const hazards = await portal.api('owner-anping', 'GET', '/hazards?enterprise=ent-anping');
    const atPremises = (hazards.body.items as Array<{ premisesId?: string }>).filter((h) => h.premisesId === 'p-lvyuan-2');
    expect(atPremises.length).toBeGreaterThan(1);
    const after = await openAt('owner-lvyuan');
    expect(after.row).toBeGreaterThan(1);
  });
});
