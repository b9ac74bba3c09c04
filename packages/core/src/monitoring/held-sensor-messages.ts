/**
 * The latest refused state of each flooding device (限流期间的最新状态): a message that
 * admission refuses (`rate_limited`) is not evaluated, but it is not forgotten either. Its
 * device's refused messages of each kind are kept as a bounded summary (`keptOfChannel`:
 * for an on/off kind the latest message of each of its last three runs, for readings the
 * latest, the highest and the lowest) and applied with the device's next admitted message, or
 * by `tickDevices` once the device's bucket holds a token again — one evaluation per kept
 * message, in order of arrival, so a raise, a clear and a return the device reported during the
 * flood are each evaluated, and its final state is what its last message said
 * (docs/monitoring.md, "Admission"). A flood still costs one commit per admitted message, not
 * one per message sent.
 *
 * Kept in the process's memory, one store per `DeviceRegistry` object (every ingestion and tick
 * sharing the registry shares it): nothing is written per refused message, and a restart
 * forgets them (documented limit).
 *
 * @module
 */
import type { DeviceRegistry } from '../ports/device-registry.js';
import type { SensorMessage, SensorMessageType } from './sensor-message.js';

/** What a message sets in its device's state; a later message of the same channel sets it again. Heartbeats set nothing. */
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

/** Per device, a bounded summary of its refused messages of each channel (`keptOfChannel`). */
export interface HeldSensorMessages {
  /** Keeps `message` (refused at `receivedAt`) in its device's summary of its channel; a heartbeat, or a message already kept, is not kept. */
  hold(deviceId: string, message: SensorMessage, receivedAt: Date): void;
  /** The device's kept messages, oldest first (not removed: {@link release} them once their step is committed). */
  peek(deviceId: string): HeldSensorMessage[];
  /** Removes these entries; entries kept since (newer messages) stay. */
  release(deviceId: string, entries: readonly HeldSensorMessage[]): void;
  /** Forgets the device (deregistered or disabled). */
  forget(deviceId: string): void;
  /** Devices with something kept (for tests and metrics). */
  devices(): number;
}

/** How many runs of an on/off channel are kept: enough for a raise, a clear and a return (or a clear, a return and a clear). */
const KEPT_RUNS = 3;

/**
 * What a channel's messages, in order of arrival, must still say once evaluated in order — the
 * rest is dropped unevaluated, so a flood keeps at most 3 messages per channel:
 *
 * - an on/off channel (alarm, fault, battery, switched off): the latest message of each of the
 *   last three runs of the same type — the final value, and before it a clear and a return (or a
 *   return and a clear) — so raised, cleared and reopened are each evaluated whatever the device's
 *   state before them; more back and forth than that between two evaluations counts once;
 * - readings: the latest, the highest and the lowest (ties: the later) — a limit crossed by any
 *   reading is crossed by the highest or the lowest, whatever limits the pack applies.
 */
function keptOfChannel(entries: readonly HeldSensorMessage[]): HeldSensorMessage[] {
  if (entries.length === 0) return [];
  if (entries[0]!.message.type === 'reading') {
    let high: HeldSensorMessage | undefined;
    let low: HeldSensorMessage | undefined;
    for (const e of entries) {
      const v = e.message.value;
      if (typeof v !== 'number') continue;
      if (high === undefined || v >= high.message.value!) high = e;
      if (low === undefined || v <= low.message.value!) low = e;
    }
    const keep = new Set([high, low, entries.at(-1)]);
    return entries.filter((e) => keep.has(e));
  }
  const runs: HeldSensorMessage[] = [];
  for (const e of entries) {
    if (runs.length > 0 && runs.at(-1)!.message.type === e.message.type) runs[runs.length - 1] = e;
    else runs.push(e);
  }
  return runs.slice(-KEPT_RUNS);
}

/**
 * The kept messages (`held`, oldest first) a step processing `message` applies before it, in
 * order: those of other channels all, those of its own channel as far as they are still kept
 * with `message` as their latest (`keptOfChannel`: a clear before an admitted alarm is
 * evaluated, an older alarm of the same run is superseded). A tick (`message` null) applies all.
 */
export function heldToApply(held: readonly HeldSensorMessage[], message: SensorMessage | null): HeldSensorMessage[] {
  const channel = message ? sensorMessageChannel(message.type) : null;
  if (message === null || channel === null) return [...held];
  const self: HeldSensorMessage = { message, receivedAt: '' };
  const kept = new Set(keptOfChannel([...held.filter((h) => sensorMessageChannel(h.message.type) === channel), self]));
  return held.filter((h) => sensorMessageChannel(h.message.type) !== channel || kept.has(h));
}

/** A fresh, empty {@link HeldSensorMessages}. */
export function createHeldSensorMessages(): HeldSensorMessages {
  const byDevice = new Map<string, Map<SensorMessageChannel, HeldSensorMessage[]>>();
  /** Order of arrival across channels. */
  const order = new WeakMap<HeldSensorMessage, number>();
  let next = 0;
  return {
    hold(deviceId, message, receivedAt) {
      const channel = sensorMessageChannel(message.type);
      if (channel === null) return;
      let kept = byDevice.get(deviceId);
      if (!kept) byDevice.set(deviceId, (kept = new Map()));
      const entries = kept.get(channel) ?? [];
      // The same message refused again (a batch processed again after a conflict) keeps its place.
      if (entries.some((e) => e.message.id === message.id)) return;
      const entry: HeldSensorMessage = { message, receivedAt: receivedAt.toISOString() };
      order.set(entry, next++);
      kept.set(channel, keptOfChannel([...entries, entry]));
    },
    peek(deviceId) {
      const kept = byDevice.get(deviceId);
      if (!kept) return [];
      return [...kept.values()].flat().sort((a, b) => order.get(a)! - order.get(b)!);
    },
    release(deviceId, entries) {
      const kept = byDevice.get(deviceId);
      if (!kept) return;
      const done = new Set(entries);
      for (const [channel, list] of kept) {
        const left = list.filter((e) => !done.has(e));
        if (left.length > 0) kept.set(channel, left);
        else kept.delete(channel);
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
