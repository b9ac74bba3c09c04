/**
 * The city-scale demo (`ANJIAN_DEMO_CITY`, here a city of 300 enterprises) on a real SQLite file:
 * its enterprises are in the portal's directory and its premises and tenancies in the rental
 * directory, so every landlord's view the administrator opens is the one core computes from the
 * same city (`cityLandlordViews`: tenants, their hazards at the landlord's premises, totals).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityLandlordViews, generateCity } from '@anjian/core/testing';
import { createPortal, type Portal } from '../src/create-portal.js';

const NOW = '2026-11-30T01:00:00.000Z';
let dataDir: string;
let portal: Portal;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'anjian-portal-city-'));
  portal = await createPortal({ dataDir, clock: { now: () => new Date(NOW) }, tickMs: 0, seed: false, trustIdentityHeader: true, cityEnterprises: 300 });
}, 60_000);

afterAll(async () => {
  await portal?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * The view without its overdue counts: the portal's scheduler runs over the city at start and
 * escalates the hazards the generated year left past their deadline (an escalated hazard has no
 * running deadline), which core's reference — the city as of its end — has not done.
 */
const withoutOverdue = (view: unknown): unknown => JSON.parse(JSON.stringify(view), (key, value: unknown) => (key === 'overdue' ? undefined : value));

const asAdmin = { headers: { 'x-demo-user': 'admin-chen' } };
const get = async (path: string) => {
  const res = await portal.fetch(new Request(`http://portal.test/api${path}`, asAdmin));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('the city demo', () => {
  it('every landlord of the city: the view core computes from the same city (tenants, their hazards at its premises, open counts)', async () => {
    const city = generateCity({ seed: 'anjian-demo-city', enterprises: 300, districtPrefix: 'C', idPrefix: 'city-', until: NOW, year: 2026 });
    const expected = await cityLandlordViews(city);
    expect(expected.length).toBeGreaterThan(0);
    // Not an empty city: landlords with tenants, and open hazards of tenants at their premises.
    expect(expected.some((v) => v.totals.tenants > 0)).toBe(true);
    expect(expected.reduce((n, v) => n + v.totals.open, 0)).toBeGreaterThan(0);
    // The API names each tenant line as the directory registers it (tenantName; the generated city registers no address).
    const nameOf = new Map(city.enterprises.map((e) => [e.id, e.name]));
    const named = (tenant: { tenantEnterpriseId: string }) => ({ ...tenant, tenantName: nameOf.get(tenant.tenantEnterpriseId) });
    for (const view of expected) {
      const { status, body } = await get(`/landlords/${view.landlordEnterpriseId}/rental-points`);
      expect(status).toBe(200);
      const { landlordEnterpriseId, asOf, premises, totals } = body;
      const namedView = { ...view, premises: view.premises.map((p) => ({ ...p, tenants: p.tenants.map(named), pastTenancies: p.pastTenancies.map(named) })) };
      expect(withoutOverdue({ landlordEnterpriseId, asOf, premises, totals })).toEqual(withoutOverdue(namedView));
    }
  });

  it('texts nothing for the city (no numbers in the demo; D1’s desk is not its bureau): no SMS, no dead letters', async () => {
    // The scheduler did act on the city at start (the landlord views above show it), and the relay ran.
    await portal.notifications.runOnce();
    const outbox = (await get('/outbox')).body as { status: { dead: number; pending: number } };
    expect(outbox.status).toMatchObject({ dead: 0, pending: 0 });
    expect(portal.notifications.sent(500).filter((m) => m.kind.startsWith('hazard.'))).toEqual([]);
  });

  it('the city’s enterprises are in the directory (their files open), beside the demo’s own', async () => {
    expect((await get('/enterprises/city-001/file')).status).toBe(200);
    expect((await get('/enterprises/ent-lvyuan/file')).status).toBe(200);
  });
});
