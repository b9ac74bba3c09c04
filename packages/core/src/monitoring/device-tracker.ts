import type { PackEvaluator } from '../classify/compile-pack.js';
import type { Classification, Inspection } from '../classify/types.js';
import { LEVEL_RANK } from '../pack/types.js';
import type { Device } from './device.js';
import { deviceInspection, SENSORS_PACK_ID } from './device-facts.js';
import { RECENT_READINGS, type DeviceReading, type DeviceState, type DeviceWarning } from './device-state.js';
import type { HeldSensorMessage } from './held-sensor-messages.js';
import type { SensorMessage } from './sensor-message.js';

/** Options of {@link createDeviceTracker}. */
export interface DeviceTrackerOptions {
  /** The compiled `sensors` pack (or a local edition of it): it decides conditions, levels and basis. */
  pack: PackEvaluator;
  /** A condition that clears and comes back within this window counts as recurring (the pack escalates). Default 24 h. */
  recurrenceWindowMs?: number;
  /**
   * A condition that clears and comes back within this window is the same episode (a chattering
   * alarm, a reading hovering at its limit): its warning reopens — same key, same hazard, nothing
   * reported again, `flaps` counted — instead of a new warning and a new hazard per crossing.
   * Default 5 minutes; 0: every return is a new episode.
   */
  flapWindowMs?: number;
}

/** What one step of the tracker changed. */
export interface DeviceStep {
  /** The device's new state (the caller stores it). */
  state: DeviceState;
  /** Warnings opened by this step (report them). */
  opened: DeviceWarning[];
  /** Open warnings this step touched (a repeated message, a changed level). */
  updated: DeviceWarning[];
  /** Warnings cleared by this step (record them). */
  cleared: DeviceWarning[];
  /** The inspection the step classified (facts = device state), to report opened warnings with. */
  inspection: Inspection;
  classification: Classification;
}

/** A pure device-condition tracker over the `sensors` pack. */
export interface DeviceTracker {
  /**
   * Applies one (validated, not yet seen) message received at `now`. `earlier`: messages of the
   * device that admission refused before it (`rate_limited`, kept by ingestion, oldest first) —
   * their effects on the state are applied first, at their own receipt times, and the step is
   * classified once, so a condition they raised opens (or updates) its warning in this step.
   */
  observe(device: Device, state: DeviceState, message: SensorMessage, now: Date, earlier?: readonly HeldSensorMessage[]): DeviceStep;
  /** Re-evaluates at `now` without a message: heartbeat silence becomes offline here. `earlier` as for {@link observe}. */
  tick(device: Device, state: DeviceState, now: Date, earlier?: readonly HeldSensorMessage[]): DeviceStep;
}

/** Default recurrence window: 24 hours. */
export const DEFAULT_RECURRENCE_WINDOW_MS = 86_400_000;

/** Default flap window: 5 minutes. */
export const DEFAULT_FLAP_WINDOW_MS = 5 * 60_000;

function applyMessage(state: DeviceState, message: SensorMessage): void {
  switch (message.type) {
    case 'alarm':
      state.alarm = true;
      break;
    case 'alarm_cleared':
      state.alarm = false;
      break;
    case 'fault':
      state.fault = true;
      break;
    case 'fault_cleared':
      state.fault = false;
      break;
    case 'battery_low':
      state.batteryLow = true;
      break;
    case 'battery_ok':
      state.batteryLow = false;
      break;
    case 'disabled':
      state.disabled = true;
      break;
    case 'enabled':
      state.disabled = false;
      break;
    case 'reading':
      if (typeof message.value === 'number') state.reading = message.value;
      break;
    case 'heartbeat':
      break;
  }
}

/**
 * Creates a device-condition tracker. Each step builds the device's facts
 * ({@link deviceInspection}), classifies them with the `sensors` pack and compares the
 * items that fire with the open warnings: an item that starts firing opens one warning
 * (`<device>/<item>/<occurrence>`), one that keeps firing updates it (a storm of 1 000
 * alarm messages is one warning with `messages: 1000`), one that stops firing is cleared
 * and remembered for the recurrence window, so that the next episode within the window
 * is `escalated` and the pack's `recurring` fact can raise its level. No thresholds
 * here: the offline time, the limits and the levels are the pack's. Pure: time is the
 * caller's `now` (the server's clock, never the device's `at`), no I/O, `state` is not
 * mutated.
 *
 * @example
 * ```ts
 * const tracker = createDeviceTracker({ pack: compilePack(sensorsPack), recurrenceWindowMs: 6 * 3_600_000 });
 * const step = tracker.observe(device, state, message, clock.now());
 * ```
 */
export function createDeviceTracker(options: DeviceTrackerOptions): DeviceTracker {
  if (options.pack.pack.id !== SENSORS_PACK_ID) throw new TypeError(`the device tracker needs the "${SENSORS_PACK_ID}" pack, got "${options.pack.pack.id}"`);
  const windowMs = options.recurrenceWindowMs ?? DEFAULT_RECURRENCE_WINDOW_MS;
  if (!Number.isFinite(windowMs) || windowMs < 0) throw new RangeError('recurrenceWindowMs must be a finite number ≥ 0');
  const flapMs = options.flapWindowMs ?? DEFAULT_FLAP_WINDOW_MS;
  if (!Number.isFinite(flapMs) || flapMs < 0) throw new RangeError('flapWindowMs must be a finite number ≥ 0 / flapWindowMs 须为不小于 0 的有限数');

  /** One message's effect on the state, received at `at` (the server's clock); a held (earlier) one never moves the last-message time back. */
  function absorb(device: Device, state: DeviceState, message: SensorMessage, at: string, held: boolean): void {
    applyMessage(state, message);
    if (!held || state.lastMessageAt === null || at > state.lastMessageAt) state.lastMessageAt = at;
    if (message.type === 'heartbeat') return;
    // The registered unit only: a message's unit was checked against it, its note is free text.
    const unit = device.limits?.unit;
    const reading: DeviceReading = {
      receivedAt: at,
      messageId: message.id,
      type: message.type,
      ...(message.value === undefined ? {} : { value: message.value }),
      ...(unit === undefined ? {} : { unit }),
      ...(message.at === undefined ? {} : { deviceAt: message.at }),
    };
    state.recent = [...(state.recent ?? []), reading].slice(-RECENT_READINGS);
  }

  function step(device: Device, previous: DeviceState, now: Date, message: SensorMessage | null, earlier: readonly HeldSensorMessage[] = []): DeviceStep {
    const state: DeviceState = structuredClone(previous);
    const at = now.toISOString();
    for (const held of earlier) absorb(device, state, held.message, held.receivedAt, true);
    if (message) absorb(device, state, message, at, false);
    /** Messages this step applied: each counts on the warnings it finds open. */
    const applied = earlier.length + (message ? 1 : 0);
    const horizon = now.getTime() - windowMs;
    for (const [item, times] of Object.entries(state.recentClears)) {
      const kept = times.filter((t) => Date.parse(t) > horizon);
      if (kept.length > 0) state.recentClears[item] = kept;
      else delete state.recentClears[item];
    }
    if (state.reopenable) {
      for (const [item, w] of Object.entries(state.reopenable)) if (!(Date.parse(w.clearedAt ?? '') > now.getTime() - flapMs)) delete state.reopenable[item];
      if (Object.keys(state.reopenable).length === 0) delete state.reopenable;
    }
    const inspection = deviceInspection(device, state, now);
    const classification = options.pack.evaluate(inspection);
    const opened: DeviceWarning[] = [];
    const updated: DeviceWarning[] = [];
    const cleared: DeviceWarning[] = [];
    const firing = new Set<string>();
    for (const result of classification.items) {
      if (result.outcome !== 'hazard' || !result.level) continue;
      const rule = result.hazards[0]!;
      const finding = classification.hazards.find((h) => h.rule === rule);
      firing.add(result.item);
      const current = state.open[result.item];
      if (current) {
        let touched = false;
        if (applied > 0) {
          current.messages += applied;
          touched = true;
        }
        // A level only rises while the condition lasts (a window running out does not lower it).
        if (current.rule !== rule && LEVEL_RANK[result.level] >= LEVEL_RANK[current.level]) {
          current.rule = rule;
          current.level = result.level;
          if (finding) current.title = finding.title;
          touched = true;
        }
        if (touched) {
          current.updatedAt = at;
          updated.push(current);
        }
        continue;
      }
      const flapped = state.reopenable?.[result.item];
      if (flapped) {
        // Back within the flap window: the same episode. Its clear is undone (so it does not count as a recurrence).
        delete state.reopenable![result.item];
        if (Object.keys(state.reopenable!).length === 0) delete state.reopenable;
        const clears = state.recentClears[result.item]?.filter((t) => t !== flapped.clearedAt) ?? [];
        if (clears.length > 0) state.recentClears[result.item] = clears;
        else delete state.recentClears[result.item];
        const reopened: DeviceWarning = { ...flapped, status: 'open', clearedAt: null, updatedAt: at, messages: flapped.messages + applied, flaps: (flapped.flaps ?? 0) + 1 };
        state.open[result.item] = reopened;
        updated.push(reopened);
        continue;
      }
      const occurrence = (state.occurrences[result.item] ?? 0) + 1;
      state.occurrences[result.item] = occurrence;
      const warning: DeviceWarning = {
        key: `${device.id}/${result.item}/${occurrence}`,
        deviceId: device.id,
        enterpriseId: device.enterpriseId,
        item: result.item,
        rule,
        level: result.level,
        title: finding?.title ?? { 'zh-CN': rule },
        status: 'open',
        openedAt: at,
        updatedAt: at,
        clearedAt: null,
        messages: applied,
        occurrence,
        escalated: (state.recentClears[result.item]?.length ?? 0) > 0,
        hazardIds: [],
      };
      state.open[result.item] = warning;
      opened.push(warning);
    }
    for (const [item, warning] of Object.entries(state.open)) {
      if (firing.has(item)) continue;
      delete state.open[item];
      const done: DeviceWarning = { ...warning, status: 'cleared', clearedAt: at, updatedAt: at };
      (state.recentClears[item] ??= []).push(at);
      if (flapMs > 0) (state.reopenable ??= {})[item] = done;
      cleared.push(done);
    }
    return { state, opened, updated, cleared, inspection, classification };
  }

  return Object.freeze({
    observe: (device: Device, state: DeviceState, message: SensorMessage, now: Date, earlier?: readonly HeldSensorMessage[]) => step(device, state, now, message, earlier),
    tick: (device: Device, state: DeviceState, now: Date, earlier?: readonly HeldSensorMessage[]) => step(device, state, now, null, earlier),
  });
}
