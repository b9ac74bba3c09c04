import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { createSensorIngester, type SensorIngester } from '../src/index.js';
import { message, monitoring, silentLogger, tempDir, until } from './harness.js';

// T32 (docs/security.md), the deployment's half: the mosquitto.conf and ACL this package ships (deploy/) and
// docs/monitoring.md prints, run for real on a second, private Mosquitto. Anonymous clients are refused, a device
// cannot publish for another, and the ingester still gets each device's own messages.
const deploy = (name: string) => readFileSync(fileURLToPath(new URL(`../deploy/${name}`, import.meta.url)), 'utf8');
const CONF = deploy('mosquitto.conf');
const ACL = deploy('anjian.acl');

/** Replaces `from` (which must be there) in the shipped config: the test changes paths and the port, nothing else. */
function swap(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`deploy/mosquitto.conf no longer has ${JSON.stringify(from)}: update this test`);
  return text.replace(from, to);
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect(port, '127.0.0.1', () => (s.destroy(), resolve(true)));
    s.on('error', () => resolve(false));
  });

describe('the shipped Mosquitto configuration (deploy/mosquitto.conf, deploy/anjian.acl)', () => {
  const tmp = tempDir();
  const log = silentLogger();
  const PASSWORDS = { 'anjian-ingest': 'ingest-secret', 'D-listed': 'listed-secret', 'D-plain': 'plain-secret' } as const;
  let broker: ChildProcess;
  let brokerOutput = '';
  let url = '';
  let m: Awaited<ReturnType<typeof monitoring>>;
  let ingester: SensorIngester;
  const clients: MqttClient[] = [];
  const device = async (name: keyof typeof PASSWORDS, extra: IClientOptions = {}) => {
    const c = await mqtt.connectAsync(url, { username: name, password: PASSWORDS[name], clean: true, reconnectPeriod: 0, ...extra });
    clients.push(c);
    return c;
  };
  const topicOf = (id: string) => `anjian/v1/devices/${id}/messages`;

  beforeAll(async () => {
    const passwd = join(tmp.dir, 'anjian.passwd');
    for (const [i, [user, password]] of Object.entries(PASSWORDS).entries()) {
      execFileSync('mosquitto_passwd', [...(i === 0 ? ['-c'] : []), '-b', passwd, user, password], { stdio: 'ignore' });
    }
    writeFileSync(join(tmp.dir, 'anjian.acl'), ACL);
    // Started as root, Mosquitto drops to its own user, which must be able to read the files.
    chmodSync(tmp.dir, 0o755);
    chmodSync(passwd, 0o644);
    const port = await freePort();
    let conf = swap(CONF, 'password_file /etc/mosquitto/anjian.passwd', `password_file ${passwd}`);
    conf = swap(conf, 'acl_file /etc/mosquitto/anjian.acl', `acl_file ${join(tmp.dir, 'anjian.acl')}`);
    conf = swap(conf, 'listener 1883 127.0.0.1', `listener ${port} 127.0.0.1`);
    mkdirSync(join(tmp.dir, 'broker'), { mode: 0o777 });
    chmodSync(join(tmp.dir, 'broker'), 0o777);
    conf = swap(conf, 'persistence_location /var/lib/mosquitto/', `persistence_location ${join(tmp.dir, 'broker')}/`);
    writeFileSync(join(tmp.dir, 'mosquitto.conf'), conf);
    broker = spawn('mosquitto', ['-c', join(tmp.dir, 'mosquitto.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    broker.stdout!.on('data', (d: Buffer) => (brokerOutput += d.toString()));
    broker.stderr!.on('data', (d: Buffer) => (brokerOutput += d.toString()));
    await until(() => accepts(port), 5000, 25).catch(() => {
      throw new Error(`the private Mosquitto did not start: ${brokerOutput}`);
    });
    url = `mqtt://127.0.0.1:${port}`;
    m = await monitoring(join(tmp.dir, 'anjian.db'));
    ingester = createSensorIngester({
      url,
      clientId: 'anjian-ingest',
      deps: m.deps,
      logger: log.logger,
      mqttOptions: { username: 'anjian-ingest', password: PASSWORDS['anjian-ingest'] },
    });
    await ingester.start();
  });
  afterAll(async () => {
    for (const c of clients) await c.endAsync(true).catch(() => undefined);
    await ingester?.stop();
    broker?.kill();
    m?.close();
    tmp.cleanup();
  });

  it('refuses an anonymous client and a wrong password (CONNACK: not authorised)', async () => {
    await expect(mqtt.connectAsync(url, { clean: true, reconnectPeriod: 0 })).rejects.toThrow(/not authori[sz]ed/i);
    await expect(mqtt.connectAsync(url, { username: 'D-listed', password: 'guess', clean: true, reconnectPeriod: 0 })).rejects.toThrow(/not authori[sz]ed|bad user name or password/i);
  });

  it('a device publishing on another device’s topic reaches nobody; its own messages reach the ingester', async () => {
    // The forgery of T32: D-plain (authenticated) raises a switched-off-detector alarm for D-listed. Mosquitto
    // 2.0 answers the PUBACK, routes the message nowhere and closes the forger's connection.
    await (await device('D-plain')).publishAsync(topicOf('D-listed'), message('D-listed', 'disabled'), { qos: 1 });
    const plain = await device('D-plain');
    const listed = await device('D-listed');
    // D-plain on its own topic, naming D-listed in the payload: the broker lets it through, the ingester refuses it.
    await plain.publishAsync(topicOf('D-plain'), message('D-listed', 'disabled'), { qos: 1 });
    // Each device's own messages.
    await plain.publishAsync(topicOf('D-plain'), message('D-plain', 'alarm'), { qos: 1 });
    await listed.publishAsync(topicOf('D-listed'), message('D-listed', 'fault'), { qos: 1 });
    await until(() => ingester.stats().processed >= 2);
    await until(() => ingester.stats().received >= 3);
    const s = ingester.stats();
    // The broker dropped the forgery: three messages arrived, not four.
    expect([s.received, s.processed, s.dropped.topic_mismatch]).toEqual([3, 2, 1]);
    expect((await m.registry.listWarnings({ deviceId: 'D-listed' })).map((w) => w.item)).toEqual(['SEN-03']);
    expect((await m.registry.listWarnings({ deviceId: 'D-plain' })).map((w) => w.item)).toEqual(['SEN-01']);
  });

  it('a device cannot read the other devices’ messages', async () => {
    const spy = await device('D-plain');
    const seen: string[] = [];
    spy.on('message', (topic) => seen.push(topic));
    await spy.subscribeAsync('anjian/v1/devices/+/messages', { qos: 1 });
    const listed = await device('D-listed');
    const before = ingester.stats().processed;
    await listed.publishAsync(topicOf('D-listed'), message('D-listed', 'heartbeat'), { qos: 1 });
    await until(() => ingester.stats().processed === before + 1);
    expect(seen).toEqual([]);
  });

  it('docs/monitoring.md prints the shipped files verbatim', () => {
    const docs = readFileSync(fileURLToPath(new URL('../../../docs/monitoring.md', import.meta.url)), 'utf8');
    expect(docs).toContain(CONF.trimEnd());
    expect(docs).toContain(ACL.trimEnd());
  });
});
