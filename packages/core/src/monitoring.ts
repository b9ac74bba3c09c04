/**
 * `@anjian/core/monitoring`: monitoring and early warning (监测预警) for hosts — devices and
 * their conditions, sensor messages (schema, size limit, HMAC-SHA-256 signatures, per-device admission), the device
 * tracker over the `sensors` pack, ingestion into the review chain (`ingestSensorMessage`,
 * `ingestSensorBatch`), the offline check (`tickDevices`) and the daily early warning
 * (`runDailyWarning`) a host runs on its own timer (core has no timers), and the in-memory
 * device registry that defines the contract. The store adapters implement `DeviceRegistry`
 * (`createSqliteDeviceRegistry`, `createPostgresDeviceRegistry`); `@anjian/sensor-mqtt`
 * subscribes over MQTT and re-exports what it needs from here. See docs/monitoring.md.
 *
 * @example
 * ```ts
 * import { runDailyWarning, tickDevices } from '@anjian/core/monitoring';
 * await tickDevices(deps, clock.now());
 * await runDailyWarning({ registry, store, directory }, { enterpriseIds: ['E1'], now: clock.now() });
 * ```
 *
 * @packageDocumentation
 */
export { DEVICE_KINDS } from './monitoring/device.js';
export type { Device, DeviceKind } from './monitoring/device.js';
export type { DeviceAdmission, DeviceReading, DeviceState, DeviceWarning } from './monitoring/device-state.js';
export { SENSORS_PACK_ID } from './monitoring/device-facts.js';
export { MAX_SENSOR_MESSAGE_BYTES, parseSensorMessage, SENSOR_DROP_REASONS } from './monitoring/sensor-message.js';
export { checkSensorMessageFacts, DEVICE_CLOCK_TOLERANCE_MS } from './monitoring/sensor-message-facts.js';
export type { SensorFactRefusal } from './monitoring/sensor-message-facts.js';
export type { ParsedSensorMessage, SensorDropReason, SensorMessage, SensorMessageType } from './monitoring/sensor-message.js';
export { checkMessageSignature, DEFAULT_SIGNATURE_WINDOW_MS, sensorMessageSigningInput, signSensorMessage } from './monitoring/message-auth.js';
export type { DeviceKeyResolver } from './monitoring/message-auth.js';
export { createDeviceTracker, DEFAULT_FLAP_WINDOW_MS, DEFAULT_RECURRENCE_WINDOW_MS } from './monitoring/device-tracker.js';
export { admitSensorMessage, DEFAULT_ADMISSION_BURST, DEFAULT_ADMISSION_PER_INTERVAL, DEFAULT_REPORT_INTERVAL_S, FLOOD_ITEM, sensorAllowance } from './monitoring/sensor-admission.js';
export type { AdmissionDecision, SensorAdmissionOptions, SensorAllowance } from './monitoring/sensor-admission.js';
export type { HeldSensorMessage } from './monitoring/held-sensor-messages.js';
export type { DeviceStep, DeviceTracker, DeviceTrackerOptions } from './monitoring/device-tracker.js';
export { createMemoryDeviceRegistry } from './monitoring/memory-device-registry.js';
export type { MemoryDeviceRegistryOptions } from './monitoring/memory-device-registry.js';
export { DEFAULT_MESSAGE_DEDUP_WINDOW_MS, messageDedupWindow } from './monitoring/message-dedup-window.js';
export { ingestSensorBatch, ingestSensorMessage, sensorReadingsDocument, SENSOR_READINGS_MIME, tickDevices } from './monitoring/ingest-sensor-message.js';
export type { DeviceTickResult, IngestOptions, IngestResult, MonitoringDeps, SensorBatchItem, WarningReport } from './monitoring/ingest-sensor-message.js';
export { createSensorDropLog } from './monitoring/sensor-drop-log.js';
export type { SensorDrop, SensorDropLog, SensorDropLogOptions } from './monitoring/sensor-drop-log.js';
export { AREA_DIGEST_TOPIC, DAILY_WARNING_TOPIC, dailyWarningDevices, deviceWords, runDailyWarning } from './monitoring/daily-warning.js';
export type { AreaDigestPayload, DailyWarningCounts, DailyWarningDevice, DailyWarningOptions, DailyWarningPayload, DailyWarningRun } from './monitoring/daily-warning.js';
export type { DeviceCommit, DeviceCommitResult, DeviceNotification, DeviceRegistry, WarningFilter } from './ports/device-registry.js';
export type { RoundWorkSource } from './rounds/round-work.js';
