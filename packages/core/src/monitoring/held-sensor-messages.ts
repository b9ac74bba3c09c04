/**
 * The latest refused state of each flooding device (限流期间的最新状态): a message that
 * admission refuses (`rate_limited`) is not evaluated, but it is not forgotten either. Its
 * device's latest refused message of each kind is kept — last value wins, at most one per
 * {@link SensorMessageChannel} per device — and applied with the device's next admitted
 * message, or by `tickDevices` once the device's bucket holds a token again. So an alarm sent
 * during a flood is raised within a bounded time (docs/monitoring.md, "Admission"), while a
 * flood still costs one evaluation per admitted message, not one per message sent.
 *
 * Kept in the process's memory, one store per `DeviceRegistry` object (every ingestion and tick
 * sharing the registry shares it): nothing is written per refused message.
 *
 * @module
 */
import type { DeviceRegistry } from '../ports/device-registry.js';
import type { SensorMessage, SensorMessageType } from './sensor-message.js';

/** What a message sets in its device's state; a later message of the same channel supersedes an earlier one. Heartbeats set nothing. */
export type SensorMessageChannel = 'alarm' | 'fault' | 'battery' | 'disabled' | 'reading';

const CHANNELS: Readonly<Record<SensorMessageType, SensorMessageChannel | null>> = Object.freeze({
  heartbeat: null,
  alarm: 'alarm',
  alarm_cleared: 'alarm',
  fault: 'fault',
  fault_cleared: 'fault',
  battery_low: 'battery',
  battery_ok: 'battery',
  disabled: 'disabled',
  enabled: 'disabled',
  reading: 'reading',
});

/** The channel of a message type, `null` for a heartbeat (it changes no state but the last-message time). */
export function sensorMessageChannel(type: SensorMessageType): SensorMessageChannel | null {
  return CHANNELS[type];
}

/** A refused message kept for later, with the server's clock when it arrived. */
export interface HeldSensorMessage {
  message: SensorMessage;
  /** When the server received it (ISO, its clock). */
  receivedAt: string;
}

/** Per device, the latest refused message of each channel. */
export interface HeldSensorMessages {
  /** Keeps `message` (refused at `receivedAt`) as its device's latest of its channel; a heartbeat is not kept. */
  hold(deviceId: string, message: SensorMessage, receivedAt: Date): void;
  /** The device's kept messages, oldest first (not removed: {@link release} them once their step is committed). */
  peek(deviceId: string): HeldSensorMessage[];
  /** Removes these entries — unless a newer message of their channel replaced them meanwhile. */
  release(deviceId: string, entries: readonly HeldSensorMessage[]): void;
  /** Forgets the device (deregistered or disabled). */
  forget(deviceId: string): void;
  /** Devices with something kept (for tests and metrics). */
  devices(): number;
}

/** A fresh, empty {@link HeldSensorMessages}. */
export function createHeldSensorMessages(): HeldSensorMessages {
  const byDevice = new Map<string, Map<SensorMessageChannel, HeldSensorMessage>>();
  return {
    hold(deviceId, message, receivedAt) {
      const channel = sensorMessageChannel(message.type);
      if (channel === null) return;
      let kept = byDevice.get(deviceId);
      if (!kept) byDevice.set(deviceId, (kept = new Map()));
      // Delete first so that the map's order stays the order of arrival.
      kept.delete(channel);
      kept.set(channel, { message, receivedAt: receivedAt.toISOString() });
    },
    peek(deviceId) {
      return [...(byDevice.get(deviceId)?.values() ?? [])];
    },
    release(deviceId, entries) {
      const kept = byDevice.get(deviceId);
      if (!kept) return;
      for (const entry of entries) {
        const channel = sensorMessageChannel(entry.message.type);
        if (channel !== null && kept.get(channel) === entry) kept.delete(channel);
      }
      if (kept.size === 0) byDevice.delete(deviceId);
    },
    forget(deviceId) {
      byDevice.delete(deviceId);
    },
    devices: () => byDevice.size,
  };
}

const perRegistry = new WeakMap<DeviceRegistry, HeldSensorMessages>();

/** The held messages of the devices of `registry` (created on first use, dropped with the registry object). */
export function heldSensorMessages(registry: DeviceRegistry): HeldSensorMessages {
  let held = perRegistry.get(registry);
  if (!held) perRegistry.set(registry, (held = createHeldSensorMessages()));
  return held;
}
