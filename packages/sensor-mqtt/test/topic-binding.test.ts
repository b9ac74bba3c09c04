import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { testDevice } from '@anjian/core/testing';
import { createSensorIngester, signSensorMessage, type MonitoringDeps, type SensorIngester } from '../src/index.js';
import { BROKER, message, monitoring, publisher, silentLogger, tempDir, until } from './harness.js';

// T32 (docs/security.md), the adapter's half: the device a message speaks for comes from the topic the broker let
// it publish to, never from the payload alone.
describe('the device of a message is its topic’s device level', () => {
  it('a topic filter without exactly one + level (the device), or with #, is refused when the ingester is made', () => {
    const make = (topic: string) => () => createSensorIngester({ url: BROKER, clientId: 'never-connects', deps: {} as MonitoringDeps, topic });
    for (const topic of ['anjian/v1/devices/#', 'anjian/v1/devices/D-1/messages', 'anjian/+/devices/+/messages', 'anjian/v1/devices/+x/messages', '#']) {
      expect(make(topic), topic).toThrow(/exactly one '\+' level/);
    }
    expect(make('site-a/anjian/v1/devices/+/messages')).not.toThrow();
  });

  describe('against Mosquitto: a subscription the persistent session kept from an older filter', () => {
    const tmp = tempDir();
    const run = `bind-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    const clientId = `anjian-${run}`;
    const log = silentLogger();
    let m: Awaited<ReturnType<typeof monitoring>>;
    let ingester: SensorIngester;

    beforeAll(async () => {
      m = await monitoring(join(tmp.dir, 'anjian.db'));
      // An earlier deployment subscribed this session to everything under the run's prefix; the broker keeps that.
      const old = await mqtt.connectAsync(BROKER, { clientId, clean: false });
      await old.subscribeAsync(`${run}/#`, { qos: 1 });
      await old.endAsync();
      ingester = createSensorIngester({ url: BROKER, clientId, topic: `${run}/anjian/v1/devices/+/messages`, deps: m.deps, logger: log.logger });
      await ingester.start();
    });
    afterAll(async () => {
      await ingester?.stop();
      await (await mqtt.connectAsync(BROKER, { clientId, clean: true })).endAsync();
      m?.close();
      tmp.cleanup();
    });

    it('a message on a topic outside the filter is dropped as topic_mismatch and logged, though its payload names a registered device', async () => {
      const pub = await publisher();
      try {
        // No device level at all: before, the device came from the payload alone and this raised a major hazard.
        await pub.publishAsync(`${run}/spoof`, message('D-listed', 'disabled'), { qos: 1 });
        // Not the filter's shape (one level more): before, the level after `devices` was taken as the device.
        await pub.publishAsync(`${run}/anjian/v1/devices/D-listed/x/messages`, message('D-listed', 'disabled'), { qos: 1 });
        // The device's own topic: processed.
        await pub.publishAsync(`${run}/anjian/v1/devices/D-plain/messages`, message('D-plain', 'alarm'), { qos: 1 });
        await until(() => {
          const s = ingester.stats();
          return s.processed + s.dropped.topic_mismatch >= 3;
        });
      } finally {
        await pub.endAsync();
      }
      const s = ingester.stats();
      expect([s.processed, s.dropped.topic_mismatch]).toEqual([1, 2]);
      expect(await m.registry.listWarnings({ deviceId: 'D-listed' })).toEqual([]);
      expect((await m.registry.listWarnings({ deviceId: 'D-plain', status: 'open' })).map((w) => w.item)).toEqual(['SEN-01']);
      // Logged once (no device level to name): the second drop of the same reason is counted, written when the interval ends (dropLog).
      expect(log.lines.filter((l) => l.details.reason === 'topic_mismatch').map((l) => l.details.topic)).toEqual([`${run}/spoof`]);
    });

    it('a device registered with messageAuth: an unsigned message is refused as unauthenticated (counted, logged), a signed one processed', async () => {
      const key = new TextEncoder().encode('device-key-of-D-signed-0123456789');
      await m.registry.putDevice(testDevice('D-signed', { messageAuth: { scheme: 'hmac-sha256', keyId: 'D-signed/1' } }));
      m.deps.deviceKeys = (keyId) => (keyId === 'D-signed/1' ? key : null);
      const body = (id: string) => ({ v: 1 as const, device: 'D-signed', id, at: m.clock.now().toISOString(), type: 'heartbeat' as const });
      const s0 = ingester.stats();
      const pub = await publisher();
      try {
        await pub.publishAsync(`${run}/anjian/v1/devices/D-signed/messages`, JSON.stringify(body('u1')), { qos: 1 });
        await pub.publishAsync(`${run}/anjian/v1/devices/D-signed/messages`, JSON.stringify({ ...body('s1'), sig: signSensorMessage(body('s1'), key) }), { qos: 1 });
        await until(() => ingester.stats().processed === s0.processed + 1);
      } finally {
        await pub.endAsync();
      }
      expect(ingester.stats().dropped.unauthenticated - s0.dropped.unauthenticated).toBe(1);
      expect(log.lines.some((l) => l.details.reason === 'unauthenticated' && l.details.device === 'D-signed')).toBe(true);
    });

    it('an unknown device on its own topic is refused, counted and logged with its id', async () => {
      const pub = await publisher();
      const before = ingester.stats().dropped.unknown_device;
      try {
        await pub.publishAsync(`${run}/anjian/v1/devices/GHOST-9/messages`, message('GHOST-9', 'alarm'), { qos: 1 });
        await until(() => ingester.stats().dropped.unknown_device === before + 1);
      } finally {
        await pub.endAsync();
      }
      expect(log.lines.some((l) => l.level === 'warn' && l.details.reason === 'unknown_device' && l.details.device === 'GHOST-9')).toBe(true);
    });
  });
});
