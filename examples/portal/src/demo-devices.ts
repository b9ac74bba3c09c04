/**
 * The demo enterprises' monitoring devices (监测预警), derived from {@link DEMO_ENTERPRISES}:
 * a kitchen (restaurant, canteen) gets a combustible-gas detector at its gas room — a place
 * 应急管理部令第10号 lists — and a smoke alarm in the kitchen; a crowded place gets smoke
 * alarms. Each reports as its own principal `device:<id>`, a Directory profile with role
 * `system` ({@link DEMO_DEVICE_PRINCIPALS}).
 */
import type { ActorProfile } from '@anjian/core';
import type { Device } from '@anjian/core/monitoring';
import { DEMO_ENTERPRISES } from './demo-users.js';

type DemoEnterprise = (typeof DEMO_ENTERPRISES)[number];

/**
 * How often the demo devices report, in seconds: `pnpm demo:sensors` sends a heartbeat at this
 * interval by default, and each device is registered with it (`reportIntervalS`), from which core
 * derives the device's allowance of messages (a device sending more is held as flooding).
 */
export const DEMO_REPORT_INTERVAL_S = 10;

function devicesOf(e: DemoEnterprise): Device[] {
  const code = e.id.slice(4).toUpperCase();
  const device = (n: number, d: Omit<Device, 'id' | 'enterpriseId' | 'principalId'>): Device => {
    const id = `${code}-${String(n).padStart(2, '0')}`;
    return { id, enterpriseId: e.id, principalId: `device:${id}`, reportIntervalS: DEMO_REPORT_INTERVAL_S, ...d };
  };
  if (e.premises === 'crowded_place') {
    return [
      device(1, { kind: 'smoke_alarm', location: '一楼大堂', place: { id: `${e.id}/lobby`, name: '大堂', listed: false } }),
      device(2, { kind: 'smoke_alarm', location: '三楼走廊', place: { id: `${e.id}/floor-3`, name: '客房层', listed: false } }),
    ];
  }
  return [
    device(1, { kind: 'combustible_gas_detector', location: '燃气表间', place: { id: `${e.id}/gas-room`, name: '燃气间', listed: true }, evidences: 'gas/GAS-U01' }),
    device(2, { kind: 'smoke_alarm', location: '后厨', place: { id: `${e.id}/kitchen`, name: '后厨', listed: false } }),
  ];
}

/** Every demo device, ordered by enterprise. */
export const DEMO_DEVICES: readonly Device[] = DEMO_ENTERPRISES.flatMap(devicesOf);

/** The devices' principals for the Directory: role `system`, nothing else. */
export const DEMO_DEVICE_PRINCIPALS: readonly ActorProfile[] = DEMO_DEVICES.map((d) => ({ id: d.principalId, roles: ['system'] }));
