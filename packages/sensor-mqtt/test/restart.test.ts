// kill -9 the ingesting process mid-run and start it again: QoS 1 with a persistent session
// plus deduplication → 0 lost, 0 duplicated findings, checked against what was published.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mqtt from 'mqtt';
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

function startIngester(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bundle, db, prefix, clientId], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
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
  await (await mqtt.connectAsync('mqtt://127.0.0.1:1883', { clientId, clean: true })).endAsync();
  tmp.cleanup();
  rmSync(bundleDir, { recursive: true, force: true });
});

describe('restart: kill -9 the ingester mid-run', () => {
  it('0 lost, 0 duplicated: every published message committed once, one hazard per alarm episode', async () => {
    const first = await startIngester();
    const pub = await publisher();
    // 3 devices × 30 messages, alternating alarm / alarm_cleared: 15 alarm episodes each.
    const published: Array<{ device: string; id: string; type: string }> = [];
    for (let i = 0; i < 30; i++) for (const d of DEVICES) published.push({ device: d.id, id: `r-${i}`, type: i % 2 === 0 ? 'alarm' : 'alarm_cleared' });
    const registry = createSqliteDeviceRegistry({ path: db });
    const store = createSqliteStore({ path: db });
    const committed = async () => {
      let n = 0;
      for (const m of published) if (await registry.hasMessage(m.device, m.id)) n++;
      return n;
    };
    const sending = Promise.all(published.map((m) => pub.publishAsync(`${prefix}/${m.device}/messages`, JSON.stringify({ v: 1, device: m.device, id: m.id, type: m.type }), { qos: 1 })));
    await until(async () => (await committed()) >= 20, 20_000);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const atKill = await committed();
    await sending;
    await pub.endAsync();
    expect(atKill).toBeLessThan(published.length); // killed mid-run
    await startIngester();
    await until(async () => (await committed()) === published.length, 30_000, 100);
    const warnings = await registry.listWarnings();
    const hazards = (await store.readLog(1, 10_000)).filter((e) => e.type === 'reported');
    for (const d of DEVICES) {
      const mine = warnings.filter((w) => w.deviceId === d.id).map((w) => w.occurrence);
      expect(mine.sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    }
    expect(hazards.length).toBe(45);
    expect(new Set(hazards.map((e) => e.hazardId)).size).toBe(45);
    expect(new Set(warnings.flatMap((w) => w.hazardIds)).size).toBe(45);
    registry.close();
    store.close();
  }, 60_000);
});
