/**
 * `@anjian/sensor-mqtt`: monitoring and early warning (监测预警) over MQTT. The ingester
 * subscribes with mqtt.js (QoS 1, persistent session) and hands each message to core;
 * the domain — schema, tracker, the `sensors` pack, the review chain, the daily warning — is
 * `@anjian/core`'s public `@anjian/core/monitoring` entry, re-exported here for hosts.
 *
 * @packageDocumentation
 */
export { createSensorIngester, SENSOR_TOPIC_FILTER } from './create-sensor-ingester.js';
export type { SensorIngester, SensorIngesterOptions, SensorIngestStats, SensorIngestLogger } from './create-sensor-ingester.js';
export {
  createDeviceTracker,
  createMemoryDeviceRegistry,
  ingestSensorMessage,
  ingestSensorBatch,
  tickDevices,
  runDailyWarning,
  dailyWarningDevices,
  deviceWords,
  sensorReadingsDocument,
  SENSOR_READINGS_MIME,
  parseSensorMessage,
  DAILY_WARNING_TOPIC,
  AREA_DIGEST_TOPIC,
  DEVICE_KINDS,
  MAX_SENSOR_MESSAGE_BYTES,
  SENSORS_PACK_ID,
  signSensorMessage,
  sensorMessageSigningInput,
  checkMessageSignature,
  DEFAULT_SIGNATURE_WINDOW_MS,
  SENSOR_DROP_REASONS,
  sensorAllowance,
  DEFAULT_REPORT_INTERVAL_S,
  DEFAULT_ADMISSION_BURST,
  DEFAULT_ADMISSION_PER_INTERVAL,
  FLOOD_ITEM,
} from '@anjian/core/monitoring';
export type {
  Device,
  DeviceKind,
  DeviceState,
  DeviceWarning,
  DeviceTracker,
  DeviceTrackerOptions,
  SensorMessage,
  SensorMessageType,
  SensorDropReason,
  IngestResult,
  SensorBatchItem,
  MonitoringDeps,
  DailyWarningRun,
  DailyWarningPayload,
  AreaDigestPayload,
  DailyWarningCounts,
  DailyWarningDevice,
  DeviceReading,
  DeviceTickResult,
  DeviceKeyResolver,
  SensorAdmissionOptions,
  SensorAllowance,
} from '@anjian/core/monitoring';
export type { DeviceRegistry, DeviceNotification } from '@anjian/core/monitoring';
