/**
 * Monitoring in the portal, end to end on the real Mosquitto (127.0.0.1:1883) and Chromium: the
 * portal runs the sensor ingester (ANJIAN_MQTT_URL); an alarm published for a demo device
 * becomes an open warning on the monitoring page of the grid inspector, with the device's
 * state and last message time. An enterprise sees only its own devices; a device location
 * that is an XSS payload is shown as text; axe finds no serious or critical violation.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mqtt from 'mqtt';
import { createSqliteDeviceRegistry } from '@anjian/store-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTo, shots, startPortal, type PortalHarness } from './portal-harness.js';
import { XSS_PAYLOADS } from './xss-payloads.js';

const BROKER = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883';
const clientId = `anjian-portal-e2e-${randomUUID().slice(0, 8)}`;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let portal: PortalHarness;

beforeAll(async () => {
  portal = await startPortal({ env: { ANJIAN_MQTT_URL: BROKER, ANJIAN_MQTT_CLIENT_ID: clientId } });
  // An attacker-named device of ent-anping, registered beside the portal's (display only: it never reports).
  const registry = createSqliteDeviceRegistry({ path: join(portal.dataDir, 'anjian.db') });
  await registry.putDevice({
    id: 'XSS-01',
    enterpriseId: 'ent-anping',
    kind: 'smoke_alarm',
    location: XSS_PAYLOADS.slice(0, 8).join(' '),
    place: { id: 'x', name: XSS_PAYLOADS[1]!, listed: false },
    principalId: 'device:XSS-01',
  });
  // A device of 东方化工仓储, an enterprise of the API's directory that is not among the demo's four with devices (never reports).
  await registry.putDevice({
    id: 'DONGFANG-01',
    enterpriseId: 'ent-dongfang',
    kind: 'smoke_alarm',
    location: '仓库',
    place: { id: 'ent-dongfang/store', name: '仓库', listed: false },
    principalId: 'device:DONGFANG-01',
  });
  registry.close();
});

afterAll(async () => {
  await portal?.stop();
  // Remove the ingester's persistent session from the shared broker.
  const c = await mqtt.connectAsync(BROKER, { clientId, clean: true, reconnectPeriod: 0 }).catch(() => null);
  await c?.endAsync();
});

async function publish(device: string, type: string): Promise<void> {
  const c = await mqtt.connectAsync(BROKER, { clientId: `anjian-e2e-pub-${randomUUID().slice(0, 8)}`, reconnectPeriod: 0 });
  await c.publishAsync(`anjian/v1/devices/${device}/messages`, JSON.stringify({ v: 1, device, id: `${device}-${randomUUID()}`, type }), { qos: 1 });
  await c.endAsync();
}

describe('monitoring page', () => {
  it('an alarm over MQTT shows as an open warning; enterprises see only their own; device text is escaped; axe passes', async () => {
    // Read policy: the enterprise sees its own devices only; another's answers like missing.
    const own = (await (await portal.fetchAs('owner-anping', '/monitoring')).json()) as { enterprises: { id: string; devices: { id: string }[] }[] };
    expect(own.enterprises.map((e) => e.id)).toEqual(['ent-anping']);
    expect(own.enterprises[0]!.devices.map((d) => d.id)).toEqual(['ANPING-01', 'ANPING-02', 'XSS-01']);
    expect((await portal.fetchAs('owner-anping', '/monitoring?enterprise=ent-lvyuan')).status).toBe(404);
    // Every enterprise with devices, named and placed as the API's directory registers it (its area decides who reads it).
    type Answer = { enterprises: { id: string; name: unknown; area: string; devices: { id: string }[] }[] };
    const officer = (await (await portal.fetchAs('officer-li', '/monitoring')).json()) as Answer;
    const dongfang = officer.enterprises.find((e) => e.id === 'ent-dongfang');
    expect(dongfang && { name: dongfang.name, area: dongfang.area, devices: dongfang.devices.map((d) => d.id) }).toEqual({ name: '东方化工仓储', area: 'D1/G1', devices: ['DONGFANG-01'] });
    expect((await portal.fetchAs('owner-anping', '/monitoring?enterprise=ent-dongfang')).status).toBe(404);
    expect(((await (await portal.fetchAs('grid-wang', '/monitoring?enterprise=ent-dongfang')).json()) as Answer).enterprises.map((e) => e.id)).toEqual(['ent-dongfang']);

    await publish('ANPING-01', 'alarm');
    let warnings: { key: string; status: string; hazardIds: string[] }[] = [];
    for (let i = 0; i < 100 && warnings.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      warnings = ((await (await portal.fetchAs('grid-wang', '/monitoring')).json()) as { warnings: typeof warnings }).warnings;
    }
    expect(warnings.map((w) => w.key)).toEqual(['ANPING-01/SEN-01/1']);
    expect(warnings[0]!.hazardIds).toHaveLength(1); // reported into the review chain as the device
    // The enforcement officers' department covers monitoring: they see the warning, the hazard and its readings (evidence).
    const seen = (await (await portal.fetchAs('officer-li', '/monitoring')).json()) as { warnings: { key: string }[] };
    expect(seen.warnings.map((w) => w.key)).toEqual(['ANPING-01/SEN-01/1']);
    const hazard = (await (await portal.fetchAs('officer-li', `/api/hazards/${warnings[0]!.hazardIds[0]}`)).json()) as { state: { source: string; reportEvidence: { id: string; kind: string }[] } };
    expect([hazard.state.source, hazard.state.reportEvidence.map((e) => e.kind)]).toEqual(['sensor', ['document']]);
    const readings = (await (await portal.fetchAs('officer-li', `/api/evidence/${hazard.state.reportEvidence[0]!.id}`)).json()) as { device: { id: string }; readings: { type: string }[] };
    expect([readings.device.id, readings.readings.map((r) => r.type)]).toEqual(['ANPING-01', ['alarm']]);

    const page = await portal.signIn('grid-wang', 'grid', 'zh-CN', { bypassCSP: true });
    await page.addInitScript(() => ((window as unknown as { __xss: () => void }).__xss = () => ((window as unknown as { __ran: number }).__ran = 1)));
    await page.evaluate(() => ((window as unknown as { __xss: () => void }).__xss = () => ((window as unknown as { __ran: number }).__ran = 1)));
    await goTo(page, 'monitoring');
    await page.waitForSelector('#warnings tr[data-warning="ANPING-01/SEN-01/1"]');
    const row = page.locator('table[data-enterprise="ent-anping"] tr[data-device="ANPING-01"]');
    await expect(row.locator('[data-state="alarm"]').count()).resolves.toBe(1);
    expect(await row.locator('[data-last]').textContent()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    // Every enterprise with devices in the inspector's areas (the demo's four and 东方化工仓储), each with its devices.
    expect(await page.locator('table.devices').count()).toBe(5);
    expect(await page.locator('h2:has(+ .table-wrap table[data-enterprise="ent-dongfang"]) a').textContent()).toBe('东方化工仓储');
    // The payloads are text: nothing ran, nothing was injected.
    const xss = page.locator('tr[data-device="XSS-01"]');
    expect(await xss.locator('td').nth(2).textContent()).toContain(XSS_PAYLOADS[0]!.slice(0, 10));
    expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran ?? 0)).toBe(0);
    expect(await page.locator('#app img, #app script, #app iframe, #app svg').count()).toBe(0);

    // The page as docs/portal-story.md shows it (docs/screenshots/ with ANJIAN_DOCS_SCREENSHOTS=1, as story.e2e does).
    const shot = await page.screenshot({ fullPage: true });
    writeFileSync(join(shots, '22-monitoring.png'), shot);
    if (process.env.ANJIAN_DOCS_SCREENSHOTS === '1') writeFileSync(fileURLToPath(new URL('../../../docs/screenshots/22-monitoring.png', import.meta.url)), shot);

    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    // On a phone the tables become cards: nothing is wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.context().close();
  }, 60_000);
});
