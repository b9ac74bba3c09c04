/**
 * The device model of monitoring and early warning (监测预警): what the device registry holds
 * about one monitoring or alarm device. JSON Schema: `@anjian/core/schema/device.schema.json`.
 *
 * @module
 */

/** Kinds of device (the `device_kind` fact of the `sensors` pack). */
export type DeviceKind = 'smoke_alarm' | 'combustible_gas_detector' | 'toxic_gas_detector' | 'transmitter' | 'video_analytics';

/** All device kinds, in a stable order. */
export const DEVICE_KINDS: readonly DeviceKind[] = Object.freeze(['smoke_alarm', 'combustible_gas_detector', 'toxic_gas_detector', 'transmitter', 'video_analytics']);

/** A registered monitoring or alarm device. */
export interface Device {
  id: string;
  /** The enterprise it belongs to; its warnings and hazards are this enterprise's. */
  enterpriseId: string;
  kind: DeviceKind;
  /** Where it is mounted (free text). */
  location: string;
  /** The place it protects; `listed` when 应急管理部令第10号 lists the place as needing monitoring or alarm devices. */
  place: { id: string; name: string; listed: boolean };
  /** The enterprise produces, stores or uses hazardous chemicals (危险化学品安全法). */
  hazchem?: boolean;
  /** The pack item it evidences, `pack/item` (e.g. `gas/GAS-U01`). */
  evidences?: string;
  /** Registered limits of its readings (transmitters). */
  limits?: { low?: number; high?: number; unit?: string };
  /** The actor id it reports as: a Directory profile with role `system` (a device principal). */
  principalId: string;
  /**
   * Per-message authentication, opt-in, for a broker that cannot restrict each device to its
   * own topic: every message must carry `at` and `sig`, an HMAC-SHA-256 with the key the host's
   * `DeviceKeyResolver` (`MonitoringDeps.deviceKeys`) finds by `keyId` (the secret itself is never in the registry).
   * Messages without it, with a bad one, outside the time window or without a key are
   * dropped as `unauthenticated`.
   */
  messageAuth?: { scheme: 'hmac-sha256'; keyId: string };
  /**
   * How often the device reports, in seconds (its heartbeat or reading period); default 60.
   * Admission derives the device's allowance from it (`sensorAllowance`): messages beyond it
   * are dropped as `rate_limited`.
   */
  reportIntervalS?: number;
  /** Registered at (ISO): a message claiming a time (`at`) before it is refused (`bad_time`). */
  registeredAt?: string;
  /** Deregistered at (ISO): its messages are dropped as unknown. */
  disabledAt?: string | null;
}
