import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createSensorIngester, type MonitoringDeps } from '../src/index.js';

// A host that starts the ingester against a broker that is not there gets start() rejected with
// the URL named — and then nothing more: before, mqtt.js kept reconnecting (and the ingester kept
// logging "MQTT client error") every second after start() had already failed.
describe('createSensorIngester with an unreachable broker', () => {
  it('start() rejects naming the URL and stops reconnecting', async () => {
    // A port that refuses: bind one, then close it.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const errors: string[] = [];
    const url = `mqtt://127.0.0.1:${port}`;
    const ingester = createSensorIngester({
      url,
      clientId: `anjian-unreachable-${process.pid}`,
      deps: {} as MonitoringDeps, // never reached: nothing connects
      logger: { warn: () => undefined, error: (message) => void errors.push(message) },
      mqttOptions: { reconnectPeriod: 20 },
    });
    await expect(ingester.start()).rejects.toThrow(`MQTT broker ${url} unreachable`);
    const after = errors.length;
    // 20 reconnect periods: a client still reconnecting would have logged again many times.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(errors.length).toBe(after);
    await ingester.stop(); // harmless after a failed start
  });
});
