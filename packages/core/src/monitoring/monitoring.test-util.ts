// Test-only fixture shared by the monitoring tests (not exported from the package).
import { fileURLToPath } from 'node:url';
import { compilePack, type PackEvaluator } from '../classify/compile-pack.js';
import { createMemoryStore } from '../chain/memory-store.js';
import { createStaticDirectory } from '../chain/static-directory.js';
import type { ChainDeps } from '../chain/handle-command.js';
import { loadPackFromPath } from '../node/load-pack-from-path.js';
import { createFixedClock } from '../testing/fixed-clock.js';
import { TEST_ACTORS, TEST_CALENDAR_2026, TEST_ENTERPRISES } from '../testing/chain-fixtures.js';
import { testDevice } from '../testing/device-registry-conformance.js';
import { createDeviceTracker } from './device-tracker.js';
import { createMemoryDeviceRegistry } from './memory-device-registry.js';
import type { MonitoringDeps } from './ingest-sensor-message.js';

let sensors: PackEvaluator | undefined;

/** The compiled `checklists/sensors` pack. */
export async function sensorsPack(): Promise<PackEvaluator> {
  if (sensors) return sensors;
  const r = await loadPackFromPath(fileURLToPath(new URL('../../../../checklists/sensors', import.meta.url)));
  if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join('; '));
  return (sensors = compilePack(r.pack));
}

/** Memory registry and store, fixed clock, two devices of E1 (D-listed at a listed place, D-plain not) with their principals. */
export async function monitoringFixture(start = '2026-12-06T01:00:00.000Z', recurrenceWindowMs = 3_600_000) {
  const pack = await sensorsPack();
  const clock = createFixedClock(start);
  const store = createMemoryStore();
  const registry = createMemoryDeviceRegistry();
  const devices = [
    testDevice('D-listed'),
    testDevice('D-plain', { place: { id: 'P2', name: '大堂', listed: false }, kind: 'smoke_alarm' }),
    testDevice('D-chem', { place: { id: 'P3', name: '罐区', listed: false }, hazchem: true }),
  ];
  for (const d of devices) await registry.putDevice(d);
  const directory = createStaticDirectory([...devices.map((d) => ({ id: d.principalId, roles: ['system' as const] })), ...Object.values(TEST_ACTORS)], TEST_ENTERPRISES);
  const chain: ChainDeps = { store, clock, directory, calendar: TEST_CALENDAR_2026, packs: new Map([['sensors', pack]]) };
  const tracker = createDeviceTracker({ pack, recurrenceWindowMs });
  const deps: MonitoringDeps = { registry, tracker, chain, clock };
  let n = 0;
  const msg = (device: string, type: string, extra: Record<string, unknown> = {}) => JSON.stringify({ v: 1, device, id: `m-${++n}`, type, ...extra });
  return { pack, clock, store, registry, directory, chain, tracker, deps, devices, msg };
}
