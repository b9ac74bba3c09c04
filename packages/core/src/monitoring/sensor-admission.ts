/**
 * Per-device admission of sensor messages (监测消息准入): a token bucket per device, sized from
 * the device's registered reporting interval, on the caller's clock. The rule lives here once;
 * ingestion applies it, the MQTT adapter and the registries only carry its result (a
 * `rate_limited` drop, the bucket inside the device's state, one `FLOOD` warning per episode).
 *
 * @module
 */
import type { Device } from './device.js';
import type { DeviceAdmission, DeviceState, DeviceWarning } from './device-state.js';

/** A device registered without `reportIntervalS` is taken to report once a minute. */
export const DEFAULT_REPORT_INTERVAL_S = 60;
/** Messages a device may send per registered reporting interval, sustained (its report, heartbeats and events). */
export const DEFAULT_ADMISSION_PER_INTERVAL = 6;
/** Messages a device may send at once above the sustained rate (a burst of events: alarm, fault, clear …). */
export const DEFAULT_ADMISSION_BURST = 30;
/** The `item` (and `rule`) of the warning a flooding device opens: not a `sensors` pack item, never a hazard. */
export const FLOOD_ITEM = 'FLOOD';

/** A host's admission settings (`MonitoringDeps.admission`); omitted fields take the defaults above. */
export interface SensorAdmissionOptions {
  /** Sustained messages per registered reporting interval. Default {@link DEFAULT_ADMISSION_PER_INTERVAL}. */
  perInterval?: number;
  /** Bucket size: messages admitted at once. Default {@link DEFAULT_ADMISSION_BURST}. */
  burst?: number;
}

/** One device's allowance, derived from its registration and the host's settings. */
export interface SensorAllowance {
  /** Bucket size (messages). */
  burst: number;
  /** Refill, messages per millisecond of the caller's clock. */
  perMs: number;
  /** The registered (or default) reporting interval, seconds. */
  reportIntervalS: number;
}

/** The decision for one message: admitted or not, and the device's admission state after it. */
export interface AdmissionDecision {
  admitted: boolean;
  /** The bucket after this message (store it with the state when the step is committed). */
  admission: DeviceAdmission;
  /** A `FLOOD` warning this decision opens (the first refusal of an episode): commit it once. */
  opened?: DeviceWarning;
  /** The `FLOOD` warning this decision clears (an admitted message with the bucket full again). */
  cleared?: DeviceWarning;
  /** Why it was refused (for the drop log), bilingual. */
  detail?: string;
}

const positive = (n: number, name: string): number => {
  if (!(Number.isFinite(n) && n > 0)) throw new RangeError(`admission ${name} must be a positive number / 准入参数 ${name} 须为正数, got ${String(n)}`);
  return n;
};

/**
 * A device's allowance: `burst` messages at once, then `perInterval` per registered reporting
 * interval (`Device.reportIntervalS`, default {@link DEFAULT_REPORT_INTERVAL_S}). A smoke alarm
 * reporting every 60 s may send 30 messages at once and 6 a minute after that; a transmitter
 * reporting every 5 s, 30 and 72 a minute. Throws a bilingual `RangeError` for a setting that is
 * not a positive number.
 */
export function sensorAllowance(device: Pick<Device, 'reportIntervalS'>, options: SensorAdmissionOptions = {}): SensorAllowance {
  const reportIntervalS = positive(device.reportIntervalS ?? DEFAULT_REPORT_INTERVAL_S, 'reportIntervalS');
  const perInterval = positive(options.perInterval ?? DEFAULT_ADMISSION_PER_INTERVAL, 'perInterval');
  const burst = positive(options.burst ?? DEFAULT_ADMISSION_BURST, 'burst');
  return { burst, perMs: perInterval / (reportIntervalS * 1000), reportIntervalS };
}

/**
 * Decides whether one message of `device` is admitted at `now` (the server's clock, never the
 * device's `at`): the bucket refills at the allowance's rate since its last message and
 * each admitted message takes one token. Pure; `state` is not changed.
 *
 * - Admitted: the bucket minus one. If a `FLOOD` episode was open and the bucket had filled up
 *   again (the device kept within its allowance for `burst / rate`), the episode's warning is cleared.
 * - Refused (bucket empty): the caller drops the message as `rate_limited`, writing nothing — except
 *   for the first refusal of an episode, which opens ONE `FLOOD` warning
 *   (`<device>/FLOOD/<n>`, level `general`, no hazard) to be committed with the bucket; later
 *   refusals of the episode write nothing at all, so a flood adds neither message ids, readings,
 *   warnings nor notifications at its own rate.
 */
export function admitSensorMessage(device: Device, state: DeviceState, now: Date, allowance: SensorAllowance): AdmissionDecision {
  const nowMs = now.getTime();
  const at = now.toISOString();
  const previous = state.admission;
  const lastMs = previous ? Date.parse(previous.at) : Number.NaN;
  const elapsed = Number.isFinite(lastMs) ? Math.max(0, nowMs - lastMs) : Number.POSITIVE_INFINITY;
  const tokens = previous ? Math.min(allowance.burst, previous.tokens + elapsed * allowance.perMs) : allowance.burst;
  const flood = previous?.flood ?? null;
  if (tokens >= 1) {
    const admission: DeviceAdmission = { tokens: tokens - 1, at, flood, floods: previous?.floods ?? 0 };
    if (flood && tokens >= allowance.burst) {
      admission.flood = null;
      return { admitted: true, admission, cleared: { ...flood, status: 'cleared', clearedAt: at, updatedAt: at } };
    }
    return { admitted: true, admission };
  }
  const detail = `more than ${allowance.burst} messages at once or ${round(allowance.perMs * allowance.reportIntervalS * 1000)} per ${allowance.reportIntervalS} s (the device's registered reporting interval) / 超过设备登记上报频率允许的消息数`;
  const admission: DeviceAdmission = { tokens, at, flood, floods: previous?.floods ?? 0 };
  if (flood) return { admitted: false, admission, detail };
  const occurrence = admission.floods + 1;
  const warning: DeviceWarning = {
    key: `${device.id}/${FLOOD_ITEM}/${occurrence}`,
    deviceId: device.id,
    enterpriseId: device.enterpriseId,
    item: FLOOD_ITEM,
    rule: FLOOD_ITEM,
    level: 'general',
    title: { 'zh-CN': '设备消息过于频繁，超出部分未处理', en: 'Device sends more messages than its reporting interval allows; the excess is not processed' },
    status: 'open',
    openedAt: at,
    updatedAt: at,
    clearedAt: null,
    messages: 0,
    occurrence,
    escalated: false,
    hazardIds: [],
  };
  return { admitted: false, admission: { ...admission, flood: warning, floods: occurrence }, opened: warning, detail };
}

const round = (n: number) => Math.round(n * 100) / 100;
