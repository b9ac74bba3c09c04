import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { isChainError } from '@anjian/core';
import { createSensorDropLog, ingestSensorBatch, SENSOR_DROP_REASONS, sensorAllowance, type IngestResult, type MonitoringDeps, type SensorDropReason } from '@anjian/core/monitoring';

/** The topic filter devices publish under: `anjian/v1/devices/<device id>/messages`. */
export const SENSOR_TOPIC_FILTER = 'anjian/v1/devices/+/messages';

/** Counters of an ingester since it started (for a health check or a metrics gauge). */
export interface SensorIngestStats {
  /** Messages handed over by the broker (duplicates included). */
  received: number;
  /** Messages that changed a device's state (committed). */
  processed: number;
  /** Warnings opened. */
  opened: number;
  /** Warnings cleared. */
  cleared: number;
  /**
   * Dropped messages by reason (malformed, oversized, unknown device, replayed id, implausible time,
   * `rate_limited`: beyond the device's allowance — core's admission decides, this only counts).
   */
  dropped: Record<SensorDropReason, number>;
  /** Passes that failed on the registry or the chain (their messages were not acknowledged and come again). */
  errors: number;
  /**
   * While passes fail (until one commits): since when, how many in a row, the last error — its code when core
   * names one (`CALENDAR_NOT_COVERED`: a warning's hazard deadline reaches a year the host's calendar does not cover;
   * load that year's holiday notice) and its text in both languages — and when the broker delivers the messages again.
   * `null` while passes commit.
   */
  failing: { since: string; failures: number; code: string | null; message: { 'zh-CN'?: string; en: string }; retryInMs: number } | null;
  /** Registry transactions (batches) committed, and the largest batch so far. */
  batches: number;
  largestBatch: number;
}

/** Where the ingester writes what it drops and what fails. */
export interface SensorIngestLogger {
  warn(message: string, details: Record<string, unknown>): void;
  error(message: string, details: Record<string, unknown>): void;
}

/** Options of {@link createSensorIngester}. */
export interface SensorIngesterOptions {
  /** Broker URL, e.g. `mqtt://127.0.0.1:1883` or `mqtts://…`. */
  url: string;
  /**
   * A fixed client id: with `clean: false` the broker keeps this session's subscription and
   * the QoS 1 messages not yet acknowledged while the ingester is down.
   */
  clientId: string;
  /** Registry, tracker, review chain and clock. */
  deps: MonitoringDeps;
  /**
   * Topic filter. Default {@link SENSOR_TOPIC_FILTER}. It must have exactly one `+` level — the
   * device id — and no `#` (else the constructor throws): a message is taken only on its own
   * device's topic and its `device` must equal that level; a message on any other topic (one a
   * persistent session kept from an older filter) is dropped as `topic_mismatch`.
   */
  topic?: string;
  /** Largest payload accepted, bytes. Default 4096 (the schema's limit). */
  maxBytes?: number;
  /**
   * Most messages processed as one batch (one registry transaction, then their PUBACKs).
   * The broker's in-flight window (Mosquitto `max_inflight_messages`, default 20) bounds what
   * can arrive together. Default 200; `1` processes one message at a time.
   */
  maxBatch?: number;
  /**
   * After a pass fails, the ingester drops the connection (no PUBACK) and the broker delivers the messages again on
   * reconnect: the wait doubles with each failure in a row from `mqttOptions.reconnectPeriod` (default 1000 ms) up to
   * this, and is back to the first once a pass commits — a failure that lasts (a database down, a year the calendar
   * does not cover) is retried, not spun on. Default 60 000 ms.
   */
  retryMaxMs?: number;
  /** More mqtt.js options (username, password, TLS); `clientId`, `clean` and the protocol are fixed here. */
  mqttOptions?: Omit<IClientOptions, 'clientId' | 'clean'>;
  /** Default: `console.warn` / `console.error` with a `[anjian sensor-mqtt]` prefix. */
  logger?: SensorIngestLogger;
  /**
   * How dropped messages are logged, so junk from the broker cannot flood the log: per interval
   * (of `deps.clock`), the first drop of each device and reason is written in full, the rest are
   * counted and written as one line each when the interval ends or the ingester stops; past
   * `maxKeys` pairs only per reason (core's `createSensorDropLog`). Default 60 000 ms, 64 pairs.
   * Every drop is still counted in {@link SensorIngestStats.dropped}.
   */
  dropLog?: { intervalMs?: number; maxKeys?: number };
  /** Called with every result (after it was committed or dropped). A throw is logged. */
  onResult?: (result: IngestResult, topic: string) => void;
}

/** A running MQTT ingester. */
export interface SensorIngester {
  /** Connects and subscribes (QoS 1); resolves once the subscription is granted. */
  start(): Promise<void>;
  /** Finishes the message in hand and disconnects (the session stays on the broker). */
  stop(): Promise<void>;
  stats(): SensorIngestStats;
}

/** A message received and not yet processed. */
interface Pending {
  topic: string;
  payload: Buffer;
  qos: number;
  packetId: number | undefined;
  stream: MqttClient['stream'];
}

/** Handed to mqtt.js's `handleMessage` callback: do not acknowledge (this ingester acknowledges after the commit). */
const DEFERRED = Object.freeze(new Error('acknowledged after the batch is committed'));

const consoleLogger: SensorIngestLogger = {
  warn: (message, details) => console.warn(`[anjian sensor-mqtt] ${message}`, details),
  error: (message, details) => console.error(`[anjian sensor-mqtt] ${message}`, details),
};

/**
 * The topic filter, parsed: its levels and the index of the device level (its single `+`).
 * A filter with no `+`, two of them or a `#` has no one place for the device: refused, so the
 * device a message speaks for always comes from the topic the broker authorised it on, never
 * from the payload alone.
 */
function parseTopicFilter(filter: string): { levels: string[]; device: number } {
  const levels = filter.split('/');
  const plus = levels.flatMap((l, i) => (l === '+' ? [i] : []));
  if (plus.length !== 1 || levels.some((l) => l.includes('#') || (l !== '+' && l.includes('+')))) {
    throw new TypeError(
      `topic ${JSON.stringify(filter)}: the filter must have exactly one '+' level — the device id — and no '#' (e.g. ${SENSOR_TOPIC_FILTER}) / 主题过滤器须恰有一个 '+' 层级（设备编号），且不得含 '#'`,
    );
  }
  return { levels, device: plus[0]! };
}

/** The device level of a topic matching the filter, or undefined for a topic outside it (a subscription the persistent session kept from before). */
function deviceOfTopic(filter: { levels: string[]; device: number }, topic: string): string | undefined {
  const parts = topic.split('/');
  if (parts.length !== filter.levels.length) return undefined;
  for (const [i, level] of filter.levels.entries()) if (i !== filter.device && parts[i] !== level) return undefined;
  return parts[filter.device] || undefined;
}

/**
 * Subscribes to the devices' topic on an MQTT broker with mqtt.js — QoS 1, a persistent
 * session (`clean: false`, fixed client id) — and runs the messages through
 * `ingestSensorBatch` of `@anjian/core`: schema validation, device lookup, deduplication
 * by device + message id, the device-condition tracker and the review chain. Messages that
 * arrive together (up to `maxBatch`, bounded by the broker's in-flight window) are committed
 * in one registry transaction. The broker's acknowledgement (PUBACK) is sent only after the
 * batch was committed, in the order the messages came, so a process killed
 * mid-message gets it again on restart, and deduplication plus derived hazard ids make
 * that second delivery change nothing. The device a message speaks for is the `+` level of
 * its topic — the topic the broker let that device publish to (docs/monitoring.md, 设备认证) —
 * and the payload's `device` must equal it. A malformed, oversized, unknown-device, replayed
 * or other-device message is counted, logged (with the device named; once per device and
 * reason per interval, the rest counted — `dropLog`) and dropped (acknowledged), never a crash; a failing registry
 * or chain is logged, counted in `errors` and the message is not acknowledged (the
 * connection is reset so the broker delivers it again).
 *
 * @example
 * ```ts
 * const ingester = createSensorIngester({ url: 'mqtt://127.0.0.1:1883', clientId: 'anjian-ingest-1', deps });
 * await ingester.start();
 * ```
 */
export function createSensorIngester(options: SensorIngesterOptions): SensorIngester {
  if (!options.clientId) throw new TypeError('clientId is required: a persistent session needs a fixed client id / 持久会话需要固定的 clientId');
  const log = options.logger ?? consoleLogger;
  const topic = options.topic ?? SENSOR_TOPIC_FILTER;
  const filter = parseTopicFilter(topic);
  const maxBatch = options.maxBatch ?? 200;
  if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new RangeError('maxBatch must be an integer ≥ 1 / maxBatch 须为不小于 1 的整数');
  // A bad admission setting is the host's mistake: refused here (core's RangeError), not by every batch, which would
  // then never be acknowledged.
  if (options.deps.admission !== false) sensorAllowance({}, options.deps.admission);
  const stats: SensorIngestStats = {
    received: 0,
    processed: 0,
    opened: 0,
    cleared: 0,
    dropped: Object.fromEntries(SENSOR_DROP_REASONS.map((r) => [r, 0])) as Record<SensorDropReason, number>,
    errors: 0,
    failing: null,
    batches: 0,
    largestBatch: 0,
  };
  const firstRetryMs = options.mqttOptions?.reconnectPeriod ?? 1000;
  if (options.retryMaxMs !== undefined && !(Number.isFinite(options.retryMaxMs) && options.retryMaxMs >= 0)) {
    throw new RangeError('retryMaxMs must be a number of milliseconds ≥ 0 / retryMaxMs 须为不小于 0 的毫秒数');
  }
  const retryMaxMs = Math.max(options.retryMaxMs ?? 60_000, firstRetryMs);
  let client: MqttClient | null = null;
  /** Received, not yet processed: each with the connection it came on (a PUBACK goes only there). */
  const queue: Pending[] = [];
  /** mqtt.js callbacks held back while the queue is full (backpressure: mqtt.js reads no further). */
  const held: Array<() => void> = [];
  let draining: Promise<void> | null = null;
  let stopping = false;

  const drops = createSensorDropLog({ warn: (message, details) => log.warn(message, details), now: () => options.deps.clock.now().getTime(), ...options.dropLog });

  function record(result: IngestResult, packetTopic: string, bytes: number): void {
    if (result.kind === 'dropped') {
      stats.dropped[result.reason]++;
      // Named by its topic's device level when the payload named none (not JSON, oversized, invalid).
      const deviceId = result.deviceId ?? deviceOfTopic(filter, packetTopic);
      drops.record({ topic: packetTopic, bytes, reason: result.reason, detail: result.detail, ...(deviceId === undefined ? {} : { deviceId }) });
    } else {
      stats.processed++;
      stats.opened += result.opened.length;
      stats.cleared += result.cleared.length;
      for (const r of result.reports) if (r.issues) log.error('the review chain refused a sensor report / 审查链拒绝了设备上报', { warning: r.warning, issues: r.issues.map((i) => i.code) });
    }
    try {
      options.onResult?.(result, packetTopic);
    } catch (error) {
      log.error('onResult threw', { error: String(error) });
    }
  }

  /** PUBACK (MQTT 3.1.1 §3.4: 0x40, length 2, packet id), on the connection the message came on, only if it is still open. */
  function acknowledge(p: Pending): void {
    if (p.qos === 0 || p.packetId === undefined) return;
    const c = client;
    if (!c || c.stream !== p.stream || p.stream.destroyed || !c.connected) return; // the broker re-delivers it on the next connection
    p.stream.write(Buffer.from([0x40, 0x02, p.packetId >> 8, p.packetId & 0xff]));
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      try {
        // Only messages on a device's own topic go to core, always with that device: core then refuses a payload
        // naming another device (topic_mismatch) or an unregistered one (unknown_device).
        const devices = batch.map((p) => deviceOfTopic(filter, p.topic));
        const inTopic = batch.flatMap((p, i) => (devices[i] === undefined ? [] : [{ raw: p.payload, topicDevice: devices[i]! }]));
        const checked = inTopic.length === 0 ? [] : await ingestSensorBatch(options.deps, inTopic, options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes });
        let k = 0;
        const results = devices.map((d): IngestResult =>
          d === undefined ? { kind: 'dropped', reason: 'topic_mismatch', detail: `topic outside ${topic.slice(0, 120)}: no device level` } : checked[k++]!,
        );
        stats.batches++;
        if (stats.failing && client) client.options.reconnectPeriod = firstRetryMs;
        stats.failing = null;
        stats.largestBatch = Math.max(stats.largestBatch, batch.length);
        for (const [i, p] of batch.entries()) record(results[i]!, p.topic, p.payload.byteLength);
        // Committed: now, and only now, the PUBACKs, in the order the messages came (MQTT 3.1.1 §4.6).
        for (const p of batch) acknowledge(p);
      } catch (error) {
        stats.errors++;
        // Redelivered on reconnect: each failure in a row doubles the wait (up to retryMaxMs), so a lasting one — a year
        // the calendar does not cover stays so until the host loads its notice — is retried, not spun on every second.
        const failures = (stats.failing?.failures ?? 0) + 1;
        const retryInMs = Math.min(firstRetryMs * 2 ** Math.min(failures - 1, 30), retryMaxMs);
        if (client) client.options.reconnectPeriod = retryInMs;
        const text = error instanceof Error ? error.message : String(error);
        const code = isChainError(error) ? error.code : null;
        stats.failing = {
          since: stats.failing?.since ?? options.deps.clock.now().toISOString(),
          failures,
          code,
          message: isChainError(error) ? { 'zh-CN': error.localized['zh-CN'], en: error.localized.en } : { en: text },
          retryInMs,
        };
        log.error('processing failed; the messages will come again / 处理失败，消息将重新投递', {
          messages: batch.length,
          topic: batch[0]!.topic.slice(0, 200),
          error: text,
          ...(code === null ? {} : { code, 'zh-CN': stats.failing.message['zh-CN'] }),
          failures,
          retryInMs,
        });
        // No PUBACK was sent: drop the connection, so the broker re-delivers what is unacknowledged on reconnect;
        // what is still queued from it would not be acknowledged either.
        const streams = new Set(batch.map((p) => p.stream));
        for (const stream of streams) stream.destroy();
        for (let i = queue.length - 1; i >= 0; i--) if (streams.has(queue[i]!.stream)) queue.splice(i, 1);
      }
      while (held.length > 0 && queue.length < maxBatch * 2) held.shift()!();
    }
    draining = null;
  }

  return {
    start() {
      stopping = false;
      return new Promise<void>((resolve, reject) => {
        // keepalive 300 s: while the queue is full mqtt.js reads no further (backpressure), so under a long
        // backlog the broker's PINGRESP waits behind the messages; a short keepalive would drop the connection
        // (harmless — redelivery and deduplication — but wasted work), as bench:sensors showed at 60 s.
        const c = mqtt.connect(options.url, { reconnectPeriod: 1000, connectTimeout: 10_000, keepalive: 300, ...options.mqttOptions, clientId: options.clientId, clean: false, protocolVersion: 4 });
        client = c;
        c.handleMessage = (packet, callback) => {
          // Stopping: not taken, not acknowledged — the broker keeps it for the session's next connection.
          if (stopping) return void callback(DEFERRED);
          stats.received++;
          queue.push({
            topic: packet.topic,
            payload: Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload),
            qos: packet.qos,
            packetId: packet.messageId,
            stream: c.stream,
          });
          draining ??= new Promise<void>((resolve) => setImmediate(resolve)).then(drain);
          // An error to mqtt.js's callback means "send no PUBACK" (mqtt.js 5, handlers/publish): it reads on, so
          // the messages arriving together queue up and are committed as one batch; acknowledge() sends the
          // PUBACKs after the commit. While the queue is full the callback waits: mqtt.js reads no further.
          const next = () => callback(DEFERRED);
          if (queue.length < maxBatch * 2) next();
          else held.push(next);
        };
        let started = false;
        c.on('connect', (connack) => {
          // A resumed session keeps the subscription; subscribing again is harmless and covers a new one.
          c.subscribe(topic, { qos: 1 }, (error, granted) => {
            if (started) return;
            started = true;
            if (error || !granted || granted.some((g) => g.qos !== 1)) reject(error ?? new Error(`subscription to ${topic} not granted at QoS 1`));
            else resolve();
          });
          void connack;
        });
        c.on('error', (error) => {
          log.error('MQTT client error / MQTT 客户端错误', { error: error.message });
          if (!started) {
            started = true;
            // The first connection failed: stop here (no reconnecting in the background after start() rejected).
            client = null;
            c.end(true);
            reject(new Error(`MQTT broker ${options.url} unreachable / 无法连接 MQTT 服务器: ${error.message}`, { cause: error }));
          }
        });
      });
    },
    async stop() {
      const c = client;
      if (!c) return;
      // Take nothing new; finish what is queued and acknowledge it (the client is still this one), then disconnect.
      stopping = true;
      while (draining) await draining;
      drops.flush();
      client = null;
      await c.endAsync();
    },
    stats: () => structuredClone(stats),
  };
}
