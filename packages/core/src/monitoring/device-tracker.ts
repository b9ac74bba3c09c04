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
  /** Open warnings this step touched (a repeated message, a changed level, a return within the flap window), other than those it opened. */
  updated: DeviceWarning[];
  /** Warnings cleared by this step (record them); one reopened later in the same step is in `updated` too. */
  cleared: DeviceWarning[];
  /**
   * Every warning the step changed, once, in its final version (a warning opened and then cleared
   * by kept messages applied in this step is here as cleared): what the caller commits.
   */
  warnings: DeviceWarning[];
  /** The inspection the step classified last (facts = device state at its end). */
  inspection: Inspection;
  /** The inspection each opened warning opened on, by key: report it with these facts (an earlier message of the step may have raised it). */
  openedOn: Record<string, Inspection>;
  classification: Classification;
}

/** A pure device-condition tracker over the `sensors` pack. */
export interface DeviceTracker {
  /**
   * Applies one (validated, not yet seen) message received at `now`. `earlier`: messages of the
   * device that admission refused before it (`rate_limited`, kept by ingestion, oldest first) —
   * each is applied and classified in turn, at `now`, before the message, so a condition one
   * of them raised opens its warning, and one a later one cleared is cleared, in this step.
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

  /** One message's effect on the state, received at `at` (the server's clock). */
  function absorb(device: Device, state: DeviceState, message: SensorMessage, at: string): void {
    applyMessage(state, message);
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

  /** The warnings a step changed, as it goes: each list keeps a key once, in its latest version. */
  function changes() {
    const opened: DeviceWarning[] = [];
    const updated = new Map<string, DeviceWarning>();
    const cleared = new Map<string, DeviceWarning>();
    const final = new Map<string, DeviceWarning>();
    const openedOn: Record<string, Inspection> = {};
    const touch = (list: Map<string, DeviceWarning> | null, w: DeviceWarning) => {
      if (list) {
        list.delete(w.key);
        list.set(w.key, w);
      }
      final.delete(w.key);
      final.set(w.key, w);
    };
    return {
      open(w: DeviceWarning, inspection: Inspection) {
        opened.push(w);
        openedOn[w.key] = inspection;
        touch(null, w);
      },
      update: (w: DeviceWarning) => touch(w.key in openedOn ? null : updated, w),
      clear: (w: DeviceWarning) => touch(cleared, w),
      done: () => ({ opened, updated: [...updated.values()], cleared: [...cleared.values()], warnings: [...final.values()], openedOn }),
    };
  }

  /** Classifies the state at `now` and moves the warnings on; `applied`: messages this evaluation counts on the warnings it finds open. */
  function evaluate(device: Device, state: DeviceState, now: Date, applied: number, out: ReturnType<typeof changes>) {
    const at = now.toISOString();
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
          out.update(current);
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
        out.update(reopened);
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
      out.open(warning, inspection);
    }
    for (const [item, warning] of Object.entries(state.open)) {
      if (firing.has(item)) continue;
      delete state.open[item];
      const done: DeviceWarning = { ...warning, status: 'cleared', clearedAt: at, updatedAt: at };
      (state.recentClears[item] ??= []).push(at);
      if (flapMs > 0) (state.reopenable ??= {})[item] = done;
      out.clear(done);
    }
    return { inspection, classification };
  }

  function step(device: Device, previous: DeviceState, now: Date, message: SensorMessage | null, earlier: readonly HeldSensorMessage[] = []): DeviceStep {
    const state: DeviceState = structuredClone(previous);
    const at = now.toISOString();
    // Silence is measured from the device's latest message in every evaluation of the step; a
    // kept (earlier) message never moves the last-message time back.
    if (message) state.lastMessageAt = at;
    else for (const held of earlier) if (state.lastMessageAt === null || held.receivedAt > state.lastMessageAt) state.lastMessageAt = held.receivedAt;
    const out = changes();
    // Each kept message is evaluated on its own, in order: a condition it raised and a later one
    // cleared is opened (and reported) and cleared, as if the messages had been admitted one by one.
    let last: ReturnType<typeof evaluate> | undefined;
    for (const held of earlier) {
      absorb(device, state, held.message, held.receivedAt);
      last = evaluate(device, state, now, 1, out);
    }
    if (message) absorb(device, state, message, at);
    if (message || last === undefined) last = evaluate(device, state, now, message ? 1 : 0, out);
    return { state, ...out.done(), inspection: last.inspection, classification: last.classification };
  }

  return Object.freeze({
    observe: (device: Device, state: DeviceState, message: SensorMessage, now: Date, earlier?: readonly HeldSensorMessage[]) => step(device, state, now, message, earlier),
    tick: (device: Device, state: DeviceState, now: Date, earlier?: readonly HeldSensorMessage[]) => step(device, state, now, null, earlier),
  });
}
