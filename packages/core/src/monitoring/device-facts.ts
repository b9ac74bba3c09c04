import type { FindingValue, Inspection } from '../classify/types.js';
import type { Device } from './device.js';
import type { DeviceState } from './device-state.js';

/** The id of the pack whose facts are device states (`checklists/sensors`). */
export const SENSORS_PACK_ID = 'sensors';

/**
 * A device's state as an inspection of the `sensors` pack: the facts are the device's
 * registration (kind, listed place, hazchem unit, limits) and its state at `now`
 * (alarm, minutes since its last message, fault, battery, switched off, reading, and the
 * conditions that cleared within the recurrence window). The pack decides what is a
 * hazard; this only reports what is. `inspectedAt` is `now`, the server's clock.
 */
export function deviceInspection(device: Device, state: DeviceState, now: Date): Inspection {
  const since = Date.parse(state.lastMessageAt ?? state.since);
  const findings: Record<string, FindingValue> = {
    device_kind: device.kind,
    listed_place: device.place.listed,
    hazchem_unit: device.hazchem === true,
    alarm_active: state.alarm,
    silent_minutes: Math.max(0, (now.getTime() - since) / 60_000),
    fault: state.fault,
    battery_low: state.batteryLow,
    disabled: state.disabled,
    recurring: Object.keys(state.recentClears)
      .filter((item) => (state.recentClears[item]?.length ?? 0) > 0)
      .sort(),
  };
  if (state.reading !== null) findings.reading = state.reading;
  if (device.limits?.high !== undefined) findings.reading_high = device.limits.high;
  if (device.limits?.low !== undefined) findings.reading_low = device.limits.low;
  return { pack: SENSORS_PACK_ID, premises: 'monitored_device', inspectedAt: now.toISOString(), findings };
}
