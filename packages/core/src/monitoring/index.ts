/**
 * Monitoring and early warning (监测预警): devices, sensor messages, the device-condition
 * tracker over the `sensors` pack, ingestion into the review chain and the daily early
 * warning. Exported whole through `@anjian/core/internal`; what hosts need is the public
 * entry `@anjian/core/monitoring` (`src/monitoring.ts`), which `@anjian/sensor-mqtt` re-exports.
 *
 * @module
 */
export * from './device.js';
export * from './device-state.js';
export * from './device-facts.js';
export * from './sensor-message.js';
export * from './message-auth.js';
export * from './device-tracker.js';
export * from './message-dedup-window.js';
export * from './sensor-admission.js';
export * from './held-sensor-messages.js';
export * from './sensor-message-facts.js';
export * from './memory-device-registry.js';
export * from './ingest-sensor-message.js';
export * from './daily-warning.js';
export * from './sensor-drop-log.js';
