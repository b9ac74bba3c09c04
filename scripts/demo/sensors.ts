// `pnpm demo:sensors`: realistic monitoring traffic for the demo portal's devices, so that
// `pnpm demo` (which starts its MQTT ingester when a broker answers on 127.0.0.1:1883) shows
// live device states and alarms on its enterprises' monitoring page (监测预警).
// The devices are the ones the portal registered in its database (examples/portal/.data, or
// ANJIAN_DATA_DIR, or --db): each sends a heartbeat every --interval seconds (default: the
// interval the portal registers its devices with, DEMO_REPORT_INTERVAL_S); at the start one
// gas detector alarms, and now and then a device alarms and clears 20–60 s later, faults,
// reports a low battery or is switched off and on again; a transmitter sends readings, some
// beyond its registered limits. Each line printed names the device by enterprise, place and kind.
//
//   pnpm demo:sensors [--url mqtt://127.0.0.1:1883] [--db examples/portal/.data/anjian.db]
//        [--interval 10] [--minutes 0 (= until Ctrl-C)]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import mqtt from 'mqtt';
import { deviceWords, type Device } from '@anjian/core/monitoring';
import { createSqliteDeviceRegistry } from '@anjian/store-sqlite';
import { DEMO_REPORT_INTERVAL_S } from '../../examples/portal/src/demo-devices.js';

const portalData = process.env.ANJIAN_DATA_DIR ?? fileURLToPath(new URL('../../examples/portal/.data', import.meta.url));
const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'mqtt://127.0.0.1:1883' },
    db: { type: 'string', default: join(portalData, 'anjian.db') },
    interval: { type: 'string', default: String(DEMO_REPORT_INTERVAL_S) },
    minutes: { type: 'string', default: '0' },
  },
});

function fail(zh: string, en: string): never {
  console.error(`✗ ${zh}\n  ${en}`);
  process.exit(2);
}

async function registeredDevices(path: string): Promise<Device[]> {
  if (!existsSync(path)) fail(`没有找到门户的数据库 ${path}：请先运行 pnpm demo（或用 --db 指定）。`, `No portal database at ${path}: run pnpm demo first (or give --db).`);
  const registry = createSqliteDeviceRegistry({ path });
  try {
    return (await registry.listDevices()).filter((d) => (d.disabledAt ?? null) === null);
  } finally {
    registry.close();
  }
}

async function main(): Promise<void> {
  const intervalMs = Number(values.interval) * 1000;
  if (!(intervalMs >= 1000)) fail('--interval 应为不小于 1 的秒数。', '--interval must be a number of seconds ≥ 1.');
  const devices = await registeredDevices(values.db!);
  if (devices.length === 0) fail(`数据库 ${values.db} 中没有登记的设备：请先运行 pnpm demo。`, `No registered devices in ${values.db}: run pnpm demo first.`);
  const client = await mqtt
    .connectAsync(values.url!, { clientId: `anjian-demo-sensors-${process.pid}`, clean: true, reconnectPeriod: 1000, connectTimeout: 5000 })
    .catch((error: unknown) => fail(`无法连接 MQTT 服务器 ${values.url}：${String(error)}`, `Cannot connect to the MQTT broker ${values.url}: ${String(error)}`));
  const seq = new Map<string, number>();
  const label = (d: Device) => `${d.enterpriseId} ${deviceWords(d)}（${d.id}，${d.location}）`;
  const send = (d: Device, type: string, extra: Record<string, unknown> = {}) => {
    const n = (seq.get(d.id) ?? 0) + 1;
    seq.set(d.id, n);
    const body = { v: 1, device: d.id, id: `${d.id}-${Date.now().toString(36)}-${n}`, at: new Date().toISOString(), type, ...extra };
    const beyond = type === 'reading' && (Number(extra.value) > (d.limits?.high ?? Infinity) || Number(extra.value) < (d.limits?.low ?? -Infinity));
    if (type !== 'heartbeat' && (type !== 'reading' || beyond))
      console.log(`${new Date().toLocaleTimeString('zh-CN', { hour12: false })} ${label(d)} ${type}${'value' in extra ? ` ${String(extra.value)}${d.limits?.unit ?? ''}` : ''}`);
    return client.publishAsync(`anjian/v1/devices/${d.id}/messages`, JSON.stringify(body), { qos: 1 });
  };
  const pending = new Set<ReturnType<typeof setTimeout>>();
  const alarm = async (d: Device) => {
    await send(d, 'alarm');
    const timer = setTimeout(() => (pending.delete(timer), void send(d, 'alarm_cleared')), 20_000 + Math.random() * 40_000);
    pending.add(timer);
  };
  const endAt = Number(values.minutes) > 0 ? Date.now() + Number(values.minutes) * 60_000 : Infinity;
  let stopping = false;
  process.on('SIGINT', () => (stopping = true));
  console.log(`向 ${values.url} 发布 ${devices.length} 台设备的消息，每 ${values.interval} 秒一轮（Ctrl-C 停止）/ publishing for ${devices.length} devices every ${values.interval} s (Ctrl-C stops)`);
  for (const d of devices) console.log(`  ${label(d)}`);
  // Something to see at once: the first gas detector alarms.
  const first = devices.find((d) => d.kind === 'combustible_gas_detector') ?? devices[0]!;
  await alarm(first);
  while (!stopping && Date.now() < endAt) {
    const started = Date.now();
    for (const d of devices) {
      const r = Math.random();
      if (d.kind === 'transmitter') {
        const { low = 0, high = 1 } = d.limits ?? {};
        const span = high - low;
        await send(d, 'reading', { value: Math.round((r < 0.03 ? high + Math.random() * 0.2 * span : low + (0.3 + Math.random() * 0.4) * span) * 100) / 100 });
      } else if (r < 0.02) await alarm(d);
      else if (r < 0.025) await send(d, 'fault');
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
