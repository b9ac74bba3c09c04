import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { createSensorIngester, type SensorIngester } from '../src/index.js';
import { BROKER, monitoring, publisher, silentLogger, tempDir, topicPrefix, until } from './harness.js';

// Whoever can publish to the broker can send junk. One warning line per dropped message let them
// fill the host's logs (and memory, with a new device id per message): 500 junk messages were 500
// lines. Drops are now written once per device and reason per interval and counted otherwise.
describe('sensor-mqtt: junk from the broker cannot flood the log', () => {
  const tmp = tempDir();
  const prefix = topicPrefix();
  const clientId = `anjian-droplog-${process.pid}`;
  const log = silentLogger();
  let m: Awaited<ReturnType<typeof monitoring>>;
  let ingester: SensorIngester | undefined;
  let pub: MqttClient;

  beforeAll(async () => {
    m = await monitoring(join(tmp.dir, 'anjian.db'));
    ingester = createSensorIngester({ url: BROKER, clientId, topic: `${prefix}/+/messages`, deps: m.deps, logger: log.logger });
    await ingester.start();
    pub = await publisher();
  });
  afterAll(async () => {
    await pub?.endAsync();
    await ingester?.stop();
    await (await mqtt.connectAsync(BROKER, { clientId, clean: true })).endAsync();
    m?.close();
    tmp.cleanup();
  });

  it('500 junk messages (200 not JSON from one device, 300 unknown device ids): at most 66 lines, every drop counted once the ingester stops', async () => {
    const junk: Array<[string, string]> = [];
    for (let i = 0; i < 200; i++) junk.push(['D-chem', `not json ${i}`]);
    for (let i = 0; i < 300; i++) junk.push([`JUNK-${i}`, JSON.stringify({ v: 1, device: `JUNK-${i}`, id: `j${i}`, type: 'alarm' })]);
    for (const [device, payload] of junk) await pub.publishAsync(`${prefix}/${device}/messages`, payload, { qos: 1 });
    const dropped = () => Object.values(ingester!.stats().dropped).reduce((a, b) => a + b, 0);
    await until(() => dropped() >= junk.length, 15_000);
    const warn = () => log.lines.filter((l) => l.level === 'warn');
    expect(warn().length).toBeLessThanOrEqual(66);
    expect(warn()[0]?.details).toMatchObject({ reason: 'not_json', device: 'D-chem' });
    await ingester!.stop();
    ingester = undefined;
    const lines = warn();
    expect(lines.length).toBeLessThanOrEqual(66 + 2);
    const counted = lines.reduce((n, l) => n + (l.details.overflow === true ? 0 : typeof l.details.count === 'number' ? l.details.count : 1), 0);
    expect(counted).toBe(junk.length);
    expect(lines.find((l) => l.details.device === 'D-chem' && l.details.count !== undefined)?.details.count).toBe(199);
  });
});
