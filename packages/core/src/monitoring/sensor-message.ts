import { validateSensorMessage } from './sensor-message-validator.generated.js';

/** What a device reports (the `type` of a {@link SensorMessage}). */
export type SensorMessageType = 'heartbeat' | 'alarm' | 'alarm_cleared' | 'fault' | 'fault_cleared' | 'battery_low' | 'battery_ok' | 'disabled' | 'enabled' | 'reading';

/** One message a device publishes (schema: `@anjian/core/schema/sensor-message.schema.json`). */
export interface SensorMessage {
  v: 1;
  /** Registered device id. */
  device: string;
  /** Message id, unique per device (duplicates are processed once). */
  id: string;
  /** When the device says it sent it (kept for the record; never used for timing). */
  at?: string;
  type: SensorMessageType;
  /** The reading, for `type: reading`. */
  value?: number;
  note?: string;
  /** The reading's unit, if the device names it: it must be the device's registered `limits.unit`. */
  unit?: string;
  /** HMAC-SHA-256 of the message, for devices registered with `messageAuth` (see `checkMessageSignature`). */
  sig?: string;
}

/** Why a message was dropped. */
export type SensorDropReason = 'oversized' | 'not_json' | 'invalid' | 'topic_mismatch' | 'unknown_device' | 'unauthenticated' | 'duplicate' | 'bad_time' | 'rate_limited';

/** Every {@link SensorDropReason}, in a stable order (counters, dashboards). */
export const SENSOR_DROP_REASONS: readonly SensorDropReason[] = Object.freeze([
  'oversized',
  'not_json',
  'invalid',
  'topic_mismatch',
  'unknown_device',
  'unauthenticated',
  'duplicate',
  'bad_time',
  'rate_limited',
]);

/** Result of {@link parseSensorMessage}. */
export type ParsedSensorMessage = { ok: true; message: SensorMessage } | { ok: false; reason: SensorDropReason; detail: string };

/** Largest message accepted, in bytes (the schema's documented limit). */
export const MAX_SENSOR_MESSAGE_BYTES = 4096;

/**
 * The ajv options `schema/sensor-message.schema.json` is compiled with: strict, no `$data`,
 * the first error only. The validator is precompiled: Ajv's standalone code, committed as
 * `sensor-message-validator.generated.js` (`pnpm generate:pack-validators`; a test fails when
 * it is not current).
 *
 * @internal
 */
export const SENSOR_MESSAGE_AJV_OPTIONS = Object.freeze({ strict: true, $data: false, allErrors: false, validateFormats: false });

/**
 * Parses and validates one raw message against the published schema: size first (before
 * any parsing), then JSON, then the schema. Never throws: a bad message is a reason and a
 * short detail (for the log; no payload echo beyond 80 characters).
 *
 * @example
 * ```ts
 * const r = parseSensorMessage(payload);
 * if (!r.ok) metrics.count(`sensor.dropped.${r.reason}`);
 * ```
 */
export function parseSensorMessage(raw: string | Uint8Array, maxBytes = MAX_SENSOR_MESSAGE_BYTES): ParsedSensorMessage {
  const size = typeof raw === 'string' ? raw.length * 3 : raw.byteLength; // a string's UTF-8 size is at most 3 bytes per UTF-16 unit
  if (size > maxBytes && (typeof raw !== 'string' || new TextEncoder().encode(raw).byteLength > maxBytes)) {
    return { ok: false, reason: 'oversized', detail: `message larger than ${maxBytes} bytes` };
  }
  let value: unknown;
  try {
    value = JSON.parse(typeof raw === 'string' ? raw : new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch (error) {
    return { ok: false, reason: 'not_json', detail: error instanceof Error ? error.message.slice(0, 80) : 'not JSON' };
  }
  if (!validateSensorMessage(value)) {
    const e = validateSensorMessage.errors?.[0];
    return { ok: false, reason: 'invalid', detail: `${e?.instancePath || '/'} ${e?.message ?? 'does not match the schema'}`.slice(0, 120) };
  }
  return { ok: true, message: value as SensorMessage };
}
