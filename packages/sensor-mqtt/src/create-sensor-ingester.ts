import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { ingestSensorMessage, type IngestResult, type MonitoringDeps, type SensorDropReason } from '@anjian/core/internal';

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
  /** Dropped messages by reason (malformed, oversized, unknown device, replayed id …). */
  dropped: Record<SensorDropReason, number>;
  /** Passes that failed on the registry or the chain (the message was not acknowledged and comes again). */
  errors: number;
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
  /** Topic filter. Default {@link SENSOR_TOPIC_FILTER}; the device id is the segment after `devices/`. */
  topic?: string;
  /** Largest payload accepted, bytes. Default 4096 (the schema's limit). */
  maxBytes?: number;
  /** More mqtt.js options (username, password, TLS); `clientId`, `clean` and the protocol are fixed here. */
  mqttOptions?: Omit<IClientOptions, 'clientId' | 'clean'>;
  /** Default: `console.warn` / `console.error` with a `[anjian sensor-mqtt]` prefix. */
  logger?: SensorIngestLogger;
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

const REASONS: readonly SensorDropReason[] = ['oversized', 'not_json', 'invalid', 'topic_mismatch', 'unknown_device', 'duplicate'];

const consoleLogger: SensorIngestLogger = {
  warn: (message, details) => console.warn(`[anjian sensor-mqtt] ${message}`, details),
  error: (message, details) => console.error(`[anjian sensor-mqtt] ${message}`, details),
};

/** The device segment of a topic under `…/devices/<id>/…`, or undefined. */
function topicDevice(topic: string): string | undefined {
  const parts = topic.split('/');
  const i = parts.indexOf('devices');
  return i >= 0 && i + 1 < parts.length ? parts[i + 1] : undefined;
}

/**
 * Subscribes to the devices' topic on an MQTT broker with mqtt.js — QoS 1, a persistent
 * session (`clean: false`, fixed client id) — and runs each message through
 * `ingestSensorMessage` of `@anjian/core`: schema validation, device lookup, deduplication
 * by device + message id, the device-condition tracker and the review chain. The broker's
 * acknowledgement (PUBACK) is sent only after the step was committed, so a process killed
 * mid-message gets it again on restart, and deduplication plus derived hazard ids make
 * that second delivery change nothing. A malformed, oversized, unknown-device or replayed
 * message is counted, logged and dropped (acknowledged), never a crash; a failing registry
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
  const stats: SensorIngestStats = { received: 0, processed: 0, opened: 0, cleared: 0, dropped: Object.fromEntries(REASONS.map((r) => [r, 0])) as Record<SensorDropReason, number>, errors: 0 };
  let client: MqttClient | null = null;
  let inFlight: Promise<void> = Promise.resolve();

  async function handle(packetTopic: string, payload: Buffer): Promise<void> {
    stats.received++;
    const device = topicDevice(packetTopic);
    const result = await ingestSensorMessage(options.deps, payload, {
      ...(device === undefined ? {} : { topicDevice: device }),
      ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    });
    if (result.kind === 'dropped') {
      stats.dropped[result.reason]++;
      log.warn(`dropped a message: ${result.reason} / 丢弃消息`, { topic: packetTopic.slice(0, 200), bytes: payload.byteLength, reason: result.reason, detail: result.detail });
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

  return {
    start() {
      return new Promise<void>((resolve, reject) => {
        // keepalive 300 s: messages are handled one at a time, so under a backlog the broker's PINGRESP
        // waits behind them; a short keepalive would drop the connection (harmless — redelivery and
        // deduplication — but wasted work), as bench:sensors showed at 60 s.
        const c = mqtt.connect(options.url, { reconnectPeriod: 1000, connectTimeout: 10_000, keepalive: 300, ...options.mqttOptions, clientId: options.clientId, clean: false, protocolVersion: 4 });
        client = c;
        c.handleMessage = (packet, callback) => {
          const work = handle(packet.topic, Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload)).then(
            () => callback(),
            (error: unknown) => {
              stats.errors++;
              log.error('processing failed; the message will come again / 处理失败，消息将重新投递', {
                topic: packet.topic.slice(0, 200),
                error: error instanceof Error ? error.message : String(error),
              });
              callback(error instanceof Error ? error : new Error(String(error)));
              // No PUBACK was sent: drop the connection so the broker re-delivers on reconnect.
              c.stream?.destroy();
            },
          );
          inFlight = work;
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
            reject(error);
          }
        });
      });
    },
    async stop() {
      const c = client;
      client = null;
      if (!c) return;
      await inFlight.catch(() => undefined);
      await c.endAsync();
    },
    stats: () => structuredClone(stats),
  };
}
