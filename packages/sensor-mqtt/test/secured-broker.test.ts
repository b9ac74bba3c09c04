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

/** Writes the ACL and `conf` (with the ACL's and the persistence's paths in `dir`) and starts a private Mosquitto on `port`. */
async function startBroker(conf: string, dir: string, port: number): Promise<ChildProcess> {
  // Started as root, Mosquitto drops to its own user, which must be able to read the files and write its database.
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'anjian.acl'), ACL);
  mkdirSync(join(dir, 'broker'), { mode: 0o777 });
  chmodSync(join(dir, 'broker'), 0o777);
  conf = swap(conf, 'acl_file /etc/mosquitto/anjian.acl', `acl_file ${join(dir, 'anjian.acl')}`);
  conf = swap(conf, 'persistence_location /var/lib/mosquitto/', `persistence_location ${join(dir, 'broker')}/`);
  writeFileSync(join(dir, 'mosquitto.conf'), conf);
  const broker = spawn('mosquitto', ['-c', join(dir, 'mosquitto.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  broker.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  broker.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await until(() => accepts(port), 5000, 25).catch(() => {
    broker.kill();
    throw new Error(`the private Mosquitto did not start: ${output}`);
  });
  return broker;
}

describe('the shipped password configuration (deploy/mosquitto.conf, deploy/anjian.acl)', () => {
  const tmp = tempDir();
  const log = silentLogger();
  const PASSWORDS = { 'anjian-ingest': 'ingest-secret', 'D-listed': 'listed-secret', 'D-plain': 'plain-secret' } as const;
  let broker: ChildProcess;
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
    chmodSync(passwd, 0o644);
    const port = await freePort();
    let conf = swap(CONF, 'password_file /etc/mosquitto/anjian.passwd', `password_file ${passwd}`);
    conf = swap(conf, 'listener 1883 127.0.0.1', `listener ${port} 127.0.0.1`);
    broker = await startBroker(conf, tmp.dir, port);
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

  it('a message over 4 KB (here 1 MB) is refused by the broker: the sender is disconnected, the ingester receives nothing of it', async () => {
    // Without max_packet_size Mosquitto accepts packets up to 256 MB and delivers them to the ingester, which
    // must read each one whole before it can drop it as oversized: 4 messages of 50 MB from one anonymous
    // client of the demo broker grew the running portal by 160 MB.
    const big = await device('D-plain');
    const closed = new Promise<void>((resolve) => big.once('close', () => resolve()));
    big.on('error', () => undefined);
    const before = ingester.stats();
    big.publish(topicOf('D-plain'), Buffer.alloc(1 << 20, 0x20), { qos: 0 });
    await closed;
    const listed = await device('D-listed');
    await listed.publishAsync(topicOf('D-listed'), message('D-listed', 'heartbeat'), { qos: 1 });
    await until(() => ingester.stats().processed === before.processed + 1);
    const after = ingester.stats();
    expect([after.received - before.received, after.dropped.oversized ?? 0]).toEqual([1, before.dropped.oversized ?? 0]);
  });

  it('docs/monitoring.md prints the shipped files verbatim', () => {
    const docs = readFileSync(fileURLToPath(new URL('../../../docs/monitoring.md', import.meta.url)), 'utf8');
    expect(docs).toContain(CONF.trimEnd());
    expect(docs).toContain(ACL.trimEnd());
    expect(docs).toContain(deploy('mosquitto-certs.conf').trimEnd());
  });
});

describe('the shipped client-certificate configuration (deploy/mosquitto-certs.conf)', () => {
  const tmp = tempDir();
  const log = silentLogger();
  let broker: ChildProcess;
  let url = '';
  let m: Awaited<ReturnType<typeof monitoring>>;
  let ingester: SensorIngester;
  const clients: MqttClient[] = [];
  const file = (name: string) => readFileSync(join(tmp.dir, name));
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: tmp.dir, stdio: 'ignore' });
  /** A P-256 key and a certificate with CN `cn`, issued by the CA `ca` (`ca.crt`/`ca.key` in the temp dir). */
  const issue = (cn: string, ca = 'ca', ext?: string) => {
    openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${cn}.key`, '-out', `${cn}.csr`, '-subj', `/CN=${cn}`);
    openssl('x509', '-req', '-in', `${cn}.csr`, '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-out', `${cn}.crt`, '-days', '2', ...(ext ? ['-extfile', ext] : []));
    chmodSync(join(tmp.dir, `${cn}.key`), 0o644);
  };
  const newCa = (name: string) =>
    openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '2', '-subj', `/CN=${name}`);
  const tls = (cn: string): IClientOptions => ({ ca: file('ca.crt'), key: file(`${cn}.key`), cert: file(`${cn}.crt`), rejectUnauthorized: true });
  const device = async (cn: string) => {
    const c = await mqtt.connectAsync(url, { ...tls(cn), clean: true, reconnectPeriod: 0 });
    clients.push(c);
    return c;
  };
  const topicOf = (id: string) => `anjian/v1/devices/${id}/messages`;

  beforeAll(async () => {
    newCa('ca');
    writeFileSync(join(tmp.dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1\n');
    issue('server', 'ca', 'server.ext');
    for (const cn of ['anjian-ingest', 'D-listed', 'D-plain']) issue(cn);
    // A certificate for D-listed from a CA the broker does not trust.
    newCa('rogue-ca');
    openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'rogue.key', '-out', 'rogue.csr', '-subj', '/CN=D-listed');
    openssl('x509', '-req', '-in', 'rogue.csr', '-CA', 'rogue-ca.crt', '-CAkey', 'rogue-ca.key', '-CAcreateserial', '-out', 'rogue.crt', '-days', '2');
    const port = await freePort();
    let conf = deploy('mosquitto-certs.conf');
    conf = swap(conf, 'listener 8883', `listener ${port} 127.0.0.1`);
    conf = swap(conf, 'cafile /etc/mosquitto/certs/devices-ca.crt', `cafile ${join(tmp.dir, 'ca.crt')}`);
    conf = swap(conf, 'certfile /etc/mosquitto/certs/server.crt', `certfile ${join(tmp.dir, 'server.crt')}`);
    conf = swap(conf, 'keyfile /etc/mosquitto/certs/server.key', `keyfile ${join(tmp.dir, 'server.key')}`);
    broker = await startBroker(conf, tmp.dir, port);
    url = `mqtts://127.0.0.1:${port}`;
    m = await monitoring(join(tmp.dir, 'anjian.db'));
    ingester = createSensorIngester({ url, clientId: 'anjian-ingest', deps: m.deps, logger: log.logger, mqttOptions: tls('anjian-ingest') });
    await ingester.start();
  });
  afterAll(async () => {
    for (const c of clients) await c.endAsync(true).catch(() => undefined);
    await ingester?.stop();
    broker?.kill();
    m?.close();
    tmp.cleanup();
  });

  it('refuses a client without a certificate and one whose certificate another CA issued (though its CN is a device id)', async () => {
    await expect(mqtt.connectAsync(url, { ca: file('ca.crt'), rejectUnauthorized: true, clean: true, reconnectPeriod: 0, connectTimeout: 3000 })).rejects.toThrow();
    const rogue = { ca: file('ca.crt'), key: file('rogue.key'), cert: file('rogue.crt'), rejectUnauthorized: true };
    await expect(mqtt.connectAsync(url, { ...rogue, clean: true, reconnectPeriod: 0, connectTimeout: 3000 })).rejects.toThrow();
  });

  it('the certificate’s CN is the username the ACL checks: a device cannot publish for another; its own messages reach the ingester', async () => {
    await (await device('D-plain')).publishAsync(topicOf('D-listed'), message('D-listed', 'disabled'), { qos: 1 });
    await (await device('D-listed')).publishAsync(topicOf('D-listed'), message('D-listed', 'fault'), { qos: 1 });
    await until(() => ingester.stats().processed >= 1);
    expect([ingester.stats().received, ingester.stats().processed]).toEqual([1, 1]);
    expect((await m.registry.listWarnings({ deviceId: 'D-listed' })).map((w) => w.item)).toEqual(['SEN-03']);
  });
});
