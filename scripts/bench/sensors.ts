// `pnpm bench:sensors`: monitoring through the real broker. N simulated devices each publish
// one message every `interval` seconds (QoS 1) to Mosquitto at 127.0.0.1:1883 for `minutes`;
// one ingester (@anjian/sensor-mqtt, persistent session) runs them through core into a SQLite
// store and device registry (WAL, synchronous=FULL). About 1 % of messages flip an alarm on
// or off, so findings are opened and reported into the review chain all along.
// Printed: messages/s sustained, p50/p99 from publish to processed and from publish to
// finding (an opened warning with its hazard), how many were lost (published − processed),
// and the ingester's CPU time per message. Two phases in the same run and conditions: the
// reference (one message per transaction, `maxBatch: 1`) and the grouped ingester
// (`--batch`, default 200), then their ratio. Printed, not asserted (docs/monitoring.md).
// Options: --devices 10000 --interval 10 --duration 5m (or 30s, or seconds) --batch 200
//          --reference on|off --publishers 4 --broker own|shared
//          --store sqlite|postgres (--pg postgres://postgres@127.0.0.1:5432/test or ANJIAN_PG_URL: a schema of its own, dropped after)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import mqtt from 'mqtt';
import { compilePack, createStaticDirectory, systemClock } from '@anjian/core';
import { loadPackFromPath } from '@anjian/core/node';
import { TEST_CALENDAR_2026 } from '@anjian/core/testing';
import type { Device } from '@anjian/core/monitoring';
import { createSensorIngester, createDeviceTracker } from '@anjian/sensor-mqtt';
import { createPostgresDeviceRegistry, createPostgresStore } from '@anjian/store-postgres';
import { createSqliteDeviceRegistry, createSqliteStore } from '@anjian/store-sqlite';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '10000' },
    interval: { type: 'string', default: '10' },
    duration: { type: 'string', default: '5m' },
    minutes: { type: 'string' },
    batch: { type: 'string', default: '200' },
    reference: { type: 'string', default: 'on' },
    store: { type: 'string', default: 'sqlite' },
    pg: { type: 'string', default: process.env.ANJIAN_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
    publishers: { type: 'string', default: '4' },
    role: { type: 'string' },
    broker: { type: 'string', default: 'own' },
    url: { type: 'string' },
    prefix: { type: 'string' },
    client: { type: 'string' },
  },
});
const N = Number(values.devices);
const intervalMs = Number(values.interval) * 1000;
function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|min)?$/.exec(text.trim());
  if (!m) throw new Error(`--duration: expected e.g. 30s, 5m or 300, got ${JSON.stringify(text)} / 时长格式应如 30s、5m`);
  const n = Number(m[1]);
  return m[2] === 'ms' ? n : m[2] === 'm' || m[2] === 'min' ? n * 60_000 : n * 1000;
}
const durationMs = values.minutes !== undefined ? Number(values.minutes) * 60_000 : parseDuration(values.duration);
const BATCH = Number(values.batch);
const PUBLISHERS = Number(values.publishers);

/** The publishing side, in a process of its own (`--role publisher`) so it does not share the ingester's event loop. */
async function publishLoad(prefix: string, clientId: string): Promise<void> {
  const pubs = await Promise.all(Array.from({ length: PUBLISHERS }, (_, i) => mqtt.connectAsync(values.url!, { clientId: `${clientId}-pub-${i}`, clean: true })));
  const alarm = new Uint8Array(N);
  let published = 0;
  let failed = 0;
  const started = Date.now();
  const slotMs = 50;
  let cursor = 0;
  while (Date.now() - started < durationMs) {
    const slotStart = Date.now();
    // On schedule by the clock, not by slots: by time t, N·t/interval messages are due.
    const due = Math.floor((N * (slotStart - started + slotMs)) / intervalMs) - cursor;
    for (let k = 0; k < due; k++) {
      const i = cursor++ % N;
      let type = 'heartbeat';
      if (Math.random() < 0.01) {
        alarm[i] = alarm[i] ? 0 : 1;
        type = alarm[i] ? 'alarm' : 'alarm_cleared';
      }
      const id = `B-${i}`;
      const body = JSON.stringify({ v: 1, device: id, id: `${id}-${cursor}-${Date.now()}`, type });
      published++;
      pubs[k % PUBLISHERS]!.publish(`${prefix}/${id}/messages`, body, { qos: 1 }, (error) => {
        if (error) failed++;
      });
    }
    const wait = slotMs - (Date.now() - slotStart);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  await Promise.all(pubs.map((p) => p.endAsync()));
  console.log(JSON.stringify({ published, failed }));
}

interface PhaseResult {
  maxBatch: number;
  published: number;
  processed: number;
  lost: number;
  sustained: number;
  p50: number;
  p99: number;
  findingP50: number;
  findingP99: number;
  cpuMsPerMessage: number;
}

let phases = 0;

async function runPhase(maxBatch: number): Promise<PhaseResult> {
  const phase = phases++;
  const loaded = await loadPackFromPath(fileURLToPath(new URL('../../checklists/sensors', import.meta.url)));
  if (!loaded.ok) throw new Error('the sensors pack does not load');
  const pack = compilePack(loaded.pack);
  const dir = mkdtempSync(join(tmpdir(), 'anjian-bench-sensors-'));
  const path = join(dir, 'anjian.db');
  // SQLite: store and registry on one file (WAL, synchronous=FULL). PostgreSQL: one pool, a schema of this phase.
  const schema = `bench_sensors_${process.pid}_${phase}`;
  const pool = values.store === 'postgres' ? new pg.Pool({ connectionString: values.pg, max: 8 }) : null;
  let store: ReturnType<typeof createSqliteStore> | ReturnType<typeof createPostgresStore>;
  let registry: ReturnType<typeof createSqliteDeviceRegistry> | ReturnType<typeof createPostgresDeviceRegistry>;
  if (pool) {
    const s = createPostgresStore({ pool, schema });
    const r = createPostgresDeviceRegistry({ pool, schema });
    await s.migrate();
    await r.migrate();
    store = s;
    registry = r;
  } else {
    store = createSqliteStore({ path });
    registry = createSqliteDeviceRegistry({ path });
  }
  const enterprises = Array.from({ length: Math.max(1, Math.ceil(N / 50)) }, (_, i) => ({ id: `E${i}`, name: `企业${i}`, area: `D1/G${i % 20}` }));
  const devices: Device[] = Array.from({ length: N }, (_, i) => ({
    id: `B-${i}`,
    enterpriseId: `E${Math.floor(i / 50)}`,
    kind: 'combustible_gas_detector',
    location: '后厨',
    place: { id: `P${i}`, name: '燃气间', listed: i % 10 === 0 },
    principalId: `device:B-${i}`,
    // Registered at the rate they publish: admission allows them that (and bursts), so nothing is rate_limited here.
    reportIntervalS: Math.max(1, Math.round(intervalMs / 1000)),
  }));
  for (const d of devices) await registry.putDevice(d);
  const directory = createStaticDirectory(
    devices.map((d) => ({ id: d.principalId, roles: ['system' as const] })),
    enterprises,
  );
  const deps = {
    registry,
    clock: systemClock,
    tracker: createDeviceTracker({ pack }),
    chain: { store, clock: systemClock, directory, calendar: TEST_CALENDAR_2026, packs: new Map([['sensors', pack]]) },
  };

  // --broker own (default): a Mosquitto of its own on a free port with no queue limit
  // (max_queued_messages 0), so a lagging ingester is measured as lag, not as loss; --broker
  // shared: the one on 127.0.0.1:1883 with its configuration (default limit: 1 000 queued).
  let broker: ReturnType<typeof spawn> | undefined;
  let url = 'mqtt://127.0.0.1:1883';
  if (values.broker === 'own') {
    const port = 18_000 + ((process.pid * 2 + phase) % 2000);
    const conf = join(dir, 'mosquitto.conf');
    writeFileSync(conf, `listener ${port} 127.0.0.1\nallow_anonymous true\nmax_queued_messages 0\nmax_inflight_messages 100\npersistence false\n`);
    broker = spawn('mosquitto', ['-c', conf], { stdio: 'ignore' });
    process.on('exit', () => broker?.kill());
    url = `mqtt://127.0.0.1:${port}`;
    await new Promise((r) => setTimeout(r, 500));
  }
  const prefix = `bench-${process.pid}-${phase}/anjian/v1/devices`;
  const clientId = `anjian-bench-${process.pid}-${phase}`;
  const processedLatency: number[] = [];
  const findingLatency: number[] = [];
  let received = 0;
  let lastReceivedAt = 0;
  const ingester = createSensorIngester({
    url,
    clientId,
    topic: `${prefix}/+/messages`,
    deps,
    maxBatch,
    logger: { warn: () => {}, error: (m, d) => console.error(m, d) },
    onResult: (result) => {
      received++;
      lastReceivedAt = Date.now();
      if (result.kind !== 'processed') return;
      // The publish time travels in the message id: <device>-<sequence>-<ms>.
      const sent = Number(result.messageId.split('-').at(-1));
      const latency = Date.now() - sent;
      processedLatency.push(latency);
      if (result.opened.length > 0) findingLatency.push(latency);
    },
  });
  await ingester.start();

  console.log(`— ${maxBatch === 1 ? 'reference: one message per transaction (maxBatch 1)' : `grouped: up to ${maxBatch} messages per transaction`}; load ${loadavg()[0]!.toFixed(1)}`);
  const cpu0 = process.cpuUsage();
  const started = Date.now();
  const child = spawn(process.execPath, [process.argv[1]!, ...process.argv.slice(2), '--role', 'publisher', '--prefix', prefix, '--client', clientId, '--url', url], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise((r) => child.on('exit', r));
  const { published, failed } = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { published: number; failed: number };
  const publishEnded = Date.now();
  // Drain: wait until every published message was received, or 30 s without progress (the broker dropped the rest).
  let last = -1;
  let idleSince = Date.now();
  while (ingester.stats().processed < published && Date.now() - idleSince < 30_000) {
    if (received !== last) {
      last = received;
      idleSince = Date.now();
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const ended = Math.max(lastReceivedAt, publishEnded);
  const pct = (xs: number[], p: number) => (xs.length === 0 ? NaN : [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!);
  const stats = ingester.stats();
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `published ${published} (${failed} publish errors) in ${((publishEnded - started) / 1000).toFixed(1)} s; received ${received} (redelivered duplicates dropped: ${ingester.stats().dropped.duplicate}); lost ${published - ingester.stats().processed}`,
  );
  console.log(
    `sustained ${(received / ((ended - started) / 1000)).toFixed(0)} msg/s (offered ${(published / ((publishEnded - started) / 1000)).toFixed(0)} msg/s); drain after publishing ended ${((ended - publishEnded) / 1000).toFixed(1)} s`,
  );
  console.log(`publish → processed: p50 ${pct(processedLatency, 50)} ms, p99 ${pct(processedLatency, 99)} ms (${processedLatency.length} messages)`);
  console.log(`publish → finding (warning opened, hazard reported): p50 ${pct(findingLatency, 50)} ms, p99 ${pct(findingLatency, 99)} ms (${findingLatency.length} findings)`);
  console.log(
    `ingester: processed ${stats.processed}, opened ${stats.opened}, cleared ${stats.cleared}, dropped ${JSON.stringify(stats.dropped)}, errors ${stats.errors}; ${stats.batches} transactions (largest ${stats.largestBatch}); CPU ${((cpu.user + cpu.system) / 1000 / Math.max(1, stats.processed)).toFixed(2)} ms per message; load ${loadavg()[0]!.toFixed(1)}`,
  );
  await ingester.stop();
  await (await mqtt.connectAsync(url, { clientId, clean: true })).endAsync();
  broker?.kill();
  await registry.close();
  await store.close();
  if (pool) {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  }
  rmSync(dir, { recursive: true, force: true });
  return {
    maxBatch,
    published,
    processed: stats.processed,
    lost: published - stats.processed,
    sustained: received / ((ended - started) / 1000),
    p50: pct(processedLatency, 50),
    p99: pct(processedLatency, 99),
    findingP50: pct(findingLatency, 50),
    findingP99: pct(findingLatency, 99),
    cpuMsPerMessage: (cpu.user + cpu.system) / 1000 / Math.max(1, stats.processed),
  };
}

async function main(): Promise<void> {
  if (values.role === 'publisher') return publishLoad(values.prefix!, values.client!);
  console.log(
    `bench:sensors (${values.store === 'postgres' ? `PostgreSQL ${values.pg}` : 'SQLite'}) — ${N} devices, one message each per ${intervalMs / 1000} s (${Math.round((N * 1000) / intervalMs)} msg/s offered) for ${durationMs / 1000} s per phase, ${cpus().length} CPUs, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const results: PhaseResult[] = [];
  if (values.reference !== 'off') results.push(await runPhase(1));
  results.push(await runPhase(BATCH));
  console.log('\nphase                    | msg/s sustained | p50 / p99 publish → processed | p50 / p99 publish → finding | lost | CPU ms/msg');
  for (const p of results) {
    console.log(
      `${(p.maxBatch === 1 ? 'reference (1 per tx)' : `grouped (≤ ${p.maxBatch} per tx)`).padEnd(24)} | ${p.sustained.toFixed(0).padStart(15)} | ${`${p.p50} / ${p.p99} ms`.padStart(29)} | ${`${p.findingP50} / ${p.findingP99} ms`.padStart(27)} | ${String(p.lost).padStart(4)} | ${p.cpuMsPerMessage.toFixed(2)}`,
    );
  }
  if (results.length === 2) {
    const [a, b] = results as [PhaseResult, PhaseResult];
    console.log(
      `grouped / reference: ${(b.sustained / a.sustained).toFixed(2)}× msg/s, ${(b.p99 / a.p99).toFixed(2)}× p99 latency, ${(b.cpuMsPerMessage / a.cpuMsPerMessage).toFixed(2)}× CPU per message; load ${loadavg()[0]!.toFixed(1)}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
