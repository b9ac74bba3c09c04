// `pnpm demo:sensors`: realistic monitoring traffic for a local broker, so a host that runs
// the ingester (a portal, `createSensorIngester`) shows live device states and alarms.
// Devices SIM-001… (smoke alarms, gas detectors, H2S detectors, pressure transmitters) of
// enterprises E1 and E2 send a heartbeat every --interval seconds; now and then one alarms
// and clears 20–60 s later, faults, reports a low battery, is switched off, or a transmitter
// reads beyond its limits. With --register FILE the devices are first registered in the
// SQLite device registry FILE (the host's database), with principals device:<id>.
//
//   node scripts/run-ts.mjs scripts/demo/sensors.ts [--url mqtt://127.0.0.1:1883] [--devices 20]
//        [--interval 10] [--minutes 0 (= until Ctrl-C)] [--register .data/demo/anjian.db]
import { parseArgs } from 'node:util';
import mqtt from 'mqtt';
import type { Device, DeviceKind } from '@anjian/core/internal';
import { createSqliteDeviceRegistry } from '@anjian/store-sqlite';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'mqtt://127.0.0.1:1883' },
    devices: { type: 'string', default: '20' },
    interval: { type: 'string', default: '10' },
    minutes: { type: 'string', default: '0' },
    register: { type: 'string' },
  },
});
const KINDS: readonly DeviceKind[] = ['smoke_alarm', 'combustible_gas_detector', 'toxic_gas_detector', 'transmitter'];
const devices: Device[] = Array.from({ length: Number(values.devices) }, (_, i) => {
  const kind = KINDS[i % KINDS.length]!;
  const id = `SIM-${String(i + 1).padStart(3, '0')}`;
  return {
    id,
    enterpriseId: i % 2 === 0 ? 'E1' : 'E2',
    kind,
    location: ['后厨', '燃气间', '罐区', '锅炉房'][i % 4]!,
    place: { id: `P-${id}`, name: ['后厨', '燃气间', '罐区', '锅炉房'][i % 4]!, listed: i % 4 === 1 || i % 4 === 3 },
    hazchem: i % 4 === 2,
    ...(kind === 'transmitter' ? { limits: { low: 0.2, high: 1.6, unit: 'MPa' } } : {}),
    principalId: `device:${id}`,
  };
});

async function main(): Promise<void> {
  if (values.register) {
    const registry = createSqliteDeviceRegistry({ path: values.register });
    for (const d of devices) await registry.putDevice(d);
    registry.close();
    console.log(`registered ${devices.length} devices in ${values.register} (principals device:<id>, role system, must be in the host's directory)`);
  }
  const client = await mqtt.connectAsync(values.url!, { clientId: `anjian-demo-sensors-${process.pid}`, clean: true });
  const seq = new Map<string, number>();
  const send = (d: Device, type: string, extra: Record<string, unknown> = {}) => {
    const n = (seq.get(d.id) ?? 0) + 1;
    seq.set(d.id, n);
    const body = { v: 1, device: d.id, id: `${d.id}-${Date.now().toString(36)}-${n}`, at: new Date().toISOString(), type, ...extra };
    if (type !== 'heartbeat' && (type !== 'reading' || Number(extra.value) > 1.6))
      console.log(`${new Date().toLocaleTimeString('zh-CN', { hour12: false })} ${d.id} ${type}${'value' in extra ? ` ${String(extra.value)}` : ''}`);
    return client.publishAsync(`anjian/v1/devices/${d.id}/messages`, JSON.stringify(body), { qos: 1 });
  };
  const intervalMs = Number(values.interval) * 1000;
  const endAt = Number(values.minutes) > 0 ? Date.now() + Number(values.minutes) * 60_000 : Infinity;
  let stopping = false;
  const pending = new Set<ReturnType<typeof setTimeout>>();
  process.on('SIGINT', () => (stopping = true));
  console.log(`publishing to ${values.url} for ${devices.length} devices every ${values.interval} s (Ctrl-C stops)`);
  while (!stopping && Date.now() < endAt) {
    const started = Date.now();
    for (const d of devices) {
      const r = Math.random();
      if (d.kind === 'transmitter') await send(d, 'reading', { value: Math.round((r < 0.03 ? 1.7 + Math.random() * 0.3 : 0.6 + Math.random() * 0.6) * 100) / 100 });
      else if (r < 0.02) {
        await send(d, 'alarm');
        const timer = setTimeout(() => (pending.delete(timer), void send(d, 'alarm_cleared')), 20_000 + Math.random() * 40_000);
        pending.add(timer);
      } else if (r < 0.025) await send(d, 'fault');
      else if (r < 0.03) await send(d, 'fault_cleared');
      else if (r < 0.033) await send(d, 'battery_low');
      else if (r < 0.035) await send(d, 'disabled');
      else if (r < 0.045) await send(d, 'enabled');
      else await send(d, 'heartbeat');
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, intervalMs - (Date.now() - started))));
  }
  for (const timer of pending) clearTimeout(timer);
  await client.endAsync();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
