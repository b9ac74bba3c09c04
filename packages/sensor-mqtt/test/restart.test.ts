// kill -9 the ingesting process mid-run, restart the broker, start the ingester again: QoS 1
// with a persistent session (kept across the broker's restart by its persistence file) plus
// deduplication → 0 lost, 0 duplicated findings, checked against what was published. The
// broker is a Mosquitto of this test's own (a free port, persistence in a temp folder), so
// restarting it disturbs no other test.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDeviceRegistry, createSqliteStore } from '@anjian/store-sqlite';
import { DEVICES, publisher, tempDir, topicPrefix, until } from './harness.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tmp = tempDir();
// Inside node_modules so the bundle resolves better-sqlite3 (external) from the workspace.
const bundleDir = fileURLToPath(new URL(`../node_modules/.cache/restart-${process.pid}/`, import.meta.url));
const bundle = join(bundleDir, 'ingester.mjs');
const db = join(tmp.dir, 'anjian.db');
const prefix = topicPrefix();
const clientId = `anjian-restart-${process.pid}`;
const children: ChildProcess[] = [];
const port = 19_000 + (process.pid % 1000);
const url = `mqtt://127.0.0.1:${port}`;
let broker: ChildProcess | undefined;

const portOpen = () =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
  });

async function startBroker(): Promise<void> {
  const conf = join(tmp.dir, 'mosquitto.conf');
  // Started as root, mosquitto drops to its own user: the persistence folder must be writable to it.
  const store = join(tmp.dir, 'broker');
  chmodSync(tmp.dir, 0o755);
  mkdirSync(store, { recursive: true });
  chmodSync(store, 0o777);
  writeFileSync(conf, `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence true\npersistence_location ${store}/\n`);
  broker = spawn('mosquitto', ['-c', conf], { stdio: 'ignore' });
  children.push(broker);
  await until(portOpen, 10_000, 50);
}

async function restartBroker(): Promise<void> {
  const b = broker!;
  b.kill('SIGTERM'); // mosquitto writes its persistence file on the way out
  await new Promise((r) => b.once('exit', r));
  await startBroker();
}

function startIngester(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bundle, db, prefix, clientId, url], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve(child));
    child.on('exit', (code) => reject(new Error(`ingester exited early (${code})`)));
  });
}

beforeAll(async () => {
  const esbuild = createRequire(createRequire(import.meta.url).resolve('tsup'))('esbuild') as { build(options: Record<string, unknown>): Promise<unknown> };
  const source = fileURLToPath(new URL('./ingester-process.ts', import.meta.url));
  await esbuild.build({
    entryPoints: [source],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    logLevel: 'error',
    conditions: ['@anjian/source'],
    define: { 'import.meta.url': JSON.stringify(new URL('./ingester-process.ts', import.meta.url).href) },
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await new Promise((r) => setTimeout(r, 100));
  tmp.cleanup();
  rmSync(bundleDir, { recursive: true, force: true });
});

describe('restart: kill -9 the ingester and restart the broker mid-run', () => {
  it('0 lost, 0 duplicated: every published message committed once, one hazard per alarm episode', async () => {
    await startBroker();
    const first = await startIngester();
    const pub = await publisher(url);
    // 3 devices × 20 messages, alternating alarm / alarm_cleared: 10 alarm episodes each.
    const published: Array<{ device: string; id: string; type: string }> = [];
    for (let i = 0; i < 20; i++) for (const d of DEVICES) published.push({ device: d.id, id: `r-${i}`, type: i % 2 === 0 ? 'alarm' : 'alarm_cleared' });
    const registry = createSqliteDeviceRegistry({ path: db });
    const store = createSqliteStore({ path: db });
    const committed = async () => {
      let n = 0;
      for (const m of published) if (await registry.hasMessage(m.device, m.id, new Date().toISOString())) n++; // the ingester runs on the real clock
      return n;
    };
    const sending = Promise.all(published.map((m) => pub.publishAsync(`${prefix}/${m.device}/messages`, JSON.stringify({ v: 1, device: m.device, id: m.id, type: m.type }), { qos: 1 })));
    await until(async () => (await committed()) >= 12, 20_000);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const atKill = await committed();
    await sending;
    await pub.endAsync();
    expect(atKill).toBeLessThan(published.length); // killed mid-run
    await restartBroker();
    await startIngester();
    await until(async () => (await committed()) === published.length, 30_000, 100);
    const warnings = await registry.listWarnings();
    const hazards = (await store.readLog(1, 10_000)).filter((e) => e.type === 'reported');
    for (const d of DEVICES) {
      const mine = warnings.filter((w) => w.deviceId === d.id).map((w) => w.occurrence);
      expect(mine.sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    }
    expect(hazards.length).toBe(30);
    expect(new Set(hazards.map((e) => e.hazardId)).size).toBe(30);
    expect(new Set(warnings.flatMap((w) => w.hazardIds)).size).toBe(30);
    registry.close();
    store.close();
  }, 60_000);
});
