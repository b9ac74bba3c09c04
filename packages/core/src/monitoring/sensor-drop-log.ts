import type { SensorDropReason } from './sensor-message.js';

/** One dropped sensor message, as {@link SensorDropLog.record} takes it. */
export interface SensorDrop {
  reason: SensorDropReason;
  /** The device the message spoke for (its topic level or payload), when known: attacker-chosen, cut to 64 characters. */
  deviceId?: string;
  detail: string;
  /** The topic it came on (cut to 200 characters). */
  topic?: string;
  bytes?: number;
}

/** Options of {@link createSensorDropLog}. */
export interface SensorDropLogOptions {
  /** Where a line goes (the ingester's logger). */
  warn: (message: string, details: Record<string, unknown>) => void;
  /** Length of one interval, ms. Default 60 000. */
  intervalMs?: number;
  /**
   * Distinct device + reason pairs written and counted one by one per interval; drops beyond
   * them are counted per reason only. Bounds both the lines and the memory. Default 64.
   */
  maxKeys?: number;
  /** Milliseconds since the epoch (the server's clock). Default `Date.now`. */
  now?: () => number;
}

/** Logs dropped sensor messages in bounded lines and memory: see {@link createSensorDropLog}. */
export interface SensorDropLog {
  /** Counts one dropped message; writes it in full when it is the first of its device and reason in this interval. */
  record(drop: SensorDrop): void;
  /** Writes the counts held back and starts a new interval (call it when the ingester stops). Writes nothing when none are held. */
  flush(): void;
}

const MAX_DEVICE = 64;

/**
 * A log of dropped sensor messages that whoever can publish to the broker cannot flood. Per
 * interval, the first drop of each device and reason is written in full (the operator sees a
 * misbehaving device at once); further drops of that pair are only counted, and written as one
 * line with their `count` when the interval ends (at the next drop after it, or at `flush()`).
 * Past `maxKeys` pairs, drops are counted per reason (`device` absent) after one line saying
 * so. So an interval writes at most `2 × maxKeys + 1 +` one line per reason, and memory holds at
 * most `maxKeys` pairs, whatever the broker sends. Every drop is counted in exactly one line.
 *
 * @example
 * ```ts
 * const drops = createSensorDropLog({ warn: (m, d) => console.warn(m, d) });
 * drops.record({ reason: 'not_json', deviceId: 'D-1', detail: 'not JSON' });
 * ```
 */
export function createSensorDropLog(options: SensorDropLogOptions): SensorDropLog {
  const intervalMs = options.intervalMs ?? 60_000;
  const maxKeys = options.maxKeys ?? 64;
  if (!(Number.isFinite(intervalMs) && intervalMs > 0)) throw new RangeError('intervalMs must be a positive number / intervalMs 须为正数');
  if (!(Number.isInteger(maxKeys) && maxKeys >= 1)) throw new RangeError('maxKeys must be an integer ≥ 1 / maxKeys 须为不小于 1 的整数');
  const now = options.now ?? Date.now;
  /** Drops held back per device + reason (after the first, which was written). */
  const held = new Map<string, { reason: SensorDropReason; device: string | undefined; count: number }>();
  /** Drops past the key budget, per reason. */
  const overflow = new Map<SensorDropReason, number>();
  let started: number | null = null;

  function flush(): void {
    for (const { reason, device, count } of held.values()) {
      if (count > 0) options.warn(`dropped ${count} more messages: ${reason} / 又丢弃 ${count} 条消息`, { reason, ...(device === undefined ? {} : { device }), count, intervalMs });
    }
    for (const [reason, count] of overflow) {
      options.warn(`dropped ${count} messages of other devices: ${reason} / 另有 ${count} 条其他设备的消息被丢弃`, { reason, count, intervalMs });
    }
    held.clear();
    overflow.clear();
    started = null;
  }

  return {
    record(drop) {
      const at = now();
      if (started !== null && at - started >= intervalMs) flush();
      started ??= at;
      const device = drop.deviceId?.slice(0, MAX_DEVICE);
      const key = `${drop.reason}\u0000${device ?? ''}`;
      const known = held.get(key);
      if (known) {
        known.count++;
        return;
      }
      if (held.size >= maxKeys) {
        if (overflow.size === 0) {
          options.warn(`dropped messages from more than ${maxKeys} devices and reasons; counting the rest / 丢弃消息的设备过多，其余只计数`, { overflow: true, maxKeys, intervalMs });
        }
        overflow.set(drop.reason, (overflow.get(drop.reason) ?? 0) + 1);
        return;
      }
      held.set(key, { reason: drop.reason, device, count: 0 });
      options.warn(`dropped a message: ${drop.reason} / 丢弃消息`, {
        ...(drop.topic === undefined ? {} : { topic: drop.topic.slice(0, 200) }),
        ...(drop.bytes === undefined ? {} : { bytes: drop.bytes }),
        reason: drop.reason,
        detail: drop.detail.slice(0, 200),
        ...(device === undefined ? {} : { device }),
      });
    },
    flush,
  };
}
