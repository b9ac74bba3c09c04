import type { Device } from './device.js';
import type { SensorDropReason, SensorMessage } from './sensor-message.js';

/** How far a device's claimed time may be ahead of the server's clock, or before its registration. 5 minutes. */
export const DEVICE_CLOCK_TOLERANCE_MS = 5 * 60_000;

/** Why {@link checkSensorMessageFacts} refuses a message: the reason and a detail naming the field. */
export interface SensorFactRefusal {
  reason: Extract<SensorDropReason, 'invalid' | 'bad_time'>;
  /** Starts with the field's JSON pointer (`/value`, `/unit`, `/at`); English, then 中文. */
  detail: string;
}

/**
 * What the schema cannot check about a well-formed message, against the device's
 * registration and the server's clock — fail closed, never a quieter reading:
 *
 * - `/value` must be a finite number (`1e400` parses as `Infinity`, which JSON then stores as `null`);
 * - a `reading` needs registered limits (`Device.limits.low` or `high`): without them nothing can
 *   judge it, and it would pass as normal;
 * - `/unit`, when the message names one, must be the device's registered `limits.unit`
 *   (a reading in kPa for a device registered in MPa, or in a unit the device has none of);
 * - `/at`, when the message has one, must be an instant, at most {@link DEVICE_CLOCK_TOLERANCE_MS}
 *   ahead of `now`, within `maxAgeMs` before it (older than the de-duplication window, its id
 *   would no longer be recognised) and not before the device's `registeredAt` (less the same
 *   tolerance).
 *
 * A registration these checks cannot use — a `reportIntervalS` that is not a positive number, a
 * `registeredAt` that is not an instant — refuses the device's messages (`invalid`, the detail
 * naming the registration's field) rather than skipping the check or failing the whole batch.
 *
 * Returns the first refusal, or `null`.
 */
export function checkSensorMessageFacts(device: Device, message: SensorMessage, now: Date, maxAgeMs: number): SensorFactRefusal | null {
  if (device.reportIntervalS !== undefined && !(Number.isFinite(device.reportIntervalS) && device.reportIntervalS > 0)) {
    return { reason: 'invalid', detail: `registration /reportIntervalS ${String(device.reportIntervalS).slice(0, 20)} is not a positive number of seconds / 设备登记的上报周期无效` };
  }
  const registered = device.registeredAt === undefined ? undefined : Date.parse(device.registeredAt);
  if (registered !== undefined && !Number.isFinite(registered)) {
    return { reason: 'invalid', detail: `registration /registeredAt ${String(device.registeredAt).slice(0, 40)} is not an instant / 设备登记时间无效` };
  }
  if (message.value !== undefined && !Number.isFinite(message.value)) return { reason: 'invalid', detail: '/value is not a finite number / 读数不是有限数' };
  if (message.type === 'reading' && device.limits?.low === undefined && device.limits?.high === undefined) {
    return { reason: 'invalid', detail: '/value: the device has no registered limits to judge a reading against / 设备未登记读数限值，无法判断读数' };
  }
  if (message.unit !== undefined && message.unit !== device.limits?.unit) {
    const registered = device.limits?.unit;
    return {
      reason: 'invalid',
      detail:
        registered === undefined
          ? `/unit ${JSON.stringify(message.unit)}: the device has no registered unit / 设备未登记计量单位`
          : `/unit ${JSON.stringify(message.unit)} is not the device's registered unit ${JSON.stringify(registered)} / 计量单位与登记不符`,
    };
  }
  if (message.at !== undefined) {
    const at = Date.parse(message.at);
    const claimed = message.at.slice(0, 40);
    if (!Number.isFinite(at)) return { reason: 'invalid', detail: `/at ${claimed} is not a valid instant / 时间无效` };
    const nowMs = now.getTime();
    if (at > nowMs + DEVICE_CLOCK_TOLERANCE_MS) return { reason: 'bad_time', detail: `/at ${claimed} is ahead of the server's clock by more than 5 min / 设备时间超前服务器 5 分钟以上` };
    if (at < nowMs - maxAgeMs) return { reason: 'bad_time', detail: `/at ${claimed} is older than the de-duplication window (${Math.round(maxAgeMs / 3_600_000)} h) / 消息早于去重时间窗` };
    if (registered !== undefined && at < registered - DEVICE_CLOCK_TOLERANCE_MS) {
      return { reason: 'bad_time', detail: `/at ${claimed} is before the device was registered (${device.registeredAt}) / 消息早于设备登记时间` };
    }
  }
  return null;
}
