// `pnpm bench:sensors-admission`: ingestion throughput with and without core's per-device admission
// rule, same run, same conditions — core's ingestSensorBatch (batches of 200, what the MQTT ingester
// hands it) into a SQLite store and device registry (one file, WAL, synchronous=FULL), no broker
// (bench:sensors measures the broker path). Two loads, each run with admission off, then on:
//   flood  — `--flood` devices each sending `--messages` readings with unique ids, over the limit, within
//            one minute of the injected clock: what the rule saves (rows written, hazards, time);
//   normal — `--devices` devices reporting at their registered interval, within their allowance: what
//            the rule costs (nothing should be refused).
// Printed: messages/s, processed, rate_limited, message ids kept, warnings, hazards, and the ratio on/off.
// Printed, not asserted (docs/monitoring.md). Options: --flood 5 --messages 4000 --devices 500 --rounds 10
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compilePack, createStaticDirectory, type PackEvaluator } from '@anjian/core';
import { loadPackFromPath } from '@anjian/core/node';
import { createFixedClock, TEST_CALENDAR_2026 } from '@anjian/core/testing';
import { createDeviceTracker, ingestSensorBatch, type Device, type IngestResult, type MonitoringDeps } from '@anjian/core/monitoring';
import { createSqliteDeviceRegistry, createSqliteStore } from '@anjian/store-sqlite';

const { values } = parseArgs({
  options: {
    flood: { type: 'string', default: '5' },
    messages: { type: 'string', default: '4000' },
    devices: { type: 'string', default: '500' },
    rounds: { type: 'string', default: '10' },
  },
});
const FLOOD_DEVICES = Number(values.flood);
const FLOOD_MESSAGES = Number(values.messages);
const NORMAL_DEVICES = Number(values.devices);
const ROUNDS = Number(values.rounds);
const BATCH = 200;

let pack: PackEvaluator;

interface Run {
  seconds: number;
  messages: number;
  processed: number;
  rateLimited: number;
  idsKept: number;
  warnings: number;
  hazards: number;
}

/** One load on a fresh database: `plan` yields the batches (raw payloads) and how far the clock moves after each. */
async function run(admission: boolean, devices: Device[], plan: () => Iterable<{ batch: string[]; advanceMs: number }>): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'anjian-bench-admission-'));
  const path = join(dir, 'anjian.db');
  const store = createSqliteStore({ path });
  const registry = createSqliteDeviceRegistry({ path });
  try {
    for (const d of devices) await registry.putDevice(d);
    const clock = createFixedClock('2026-12-06T01:00:00.000Z');
    const directory = createStaticDirectory(
      devices.map((d) => ({ id: d.principalId, roles: ['system' as const] })),
      [{ id: 'E1', name: '企业1', area: 'D1/G1' }],
    );
    const deps: MonitoringDeps = {
      registry,
      clock,
      tracker: createDeviceTracker({ pack }),
      chain: { store, clock, directory, calendar: TEST_CALENDAR_2026, packs: new Map([['sensors', pack]]) },
      ...(admission ? {} : { admission: false }),
    };
    const results: IngestResult[] = [];
    const started = process.hrtime.bigint();
    for (const { batch, advanceMs } of plan()) {
      results.push(
        ...(await ingestSensorBatch(
          deps,
          batch.map((raw) => ({ raw, topicDevice: (JSON.parse(raw) as { device: string }).device })),
        )),
      );
      clock.advance(advanceMs);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const now = clock.now().toISOString();
    let idsKept = 0;
    for (const r of results) if (r.kind === 'processed' && (await registry.hasMessage(r.deviceId, r.messageId, now))) idsKept++;
    return {
      seconds,
      messages: results.length,
      processed: results.filter((r) => r.kind === 'processed').length,
      rateLimited: results.filter((r) => r.kind === 'dropped' && r.reason === 'rate_limited').length,
      idsKept,
      warnings: (await registry.listWarnings()).length,
      hazards: (await store.readLog(1, 1_000_000)).filter((e) => e.type === 'reported').length,
    };
  } finally {
    registry.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const transmitter = (id: string): Device => ({
  id,
  enterpriseId: 'E1',
  kind: 'transmitter',
  location: '罐区',
  place: { id: `P-${id}`, name: '罐区', listed: false },
  limits: { high: 1.6, unit: 'MPa' },
  principalId: `device:${id}`,
  reportIntervalS: 60,
});

let n = 0;
const reading = (device: string, value: number) => JSON.stringify({ v: 1, device, id: `m-${++n}`, type: 'reading', value });

const floodDevices = Array.from({ length: FLOOD_DEVICES }, (_, i) => transmitter(`F-${i}`));
function* floodPlan() {
  const total = FLOOD_DEVICES * FLOOD_MESSAGES;
  const batches = Math.ceil(total / BATCH);
  for (let b = 0; b < batches; b++) {
    const batch: string[] = [];
    for (let k = b * BATCH; k < Math.min(total, (b + 1) * BATCH); k++) batch.push(reading(`F-${k % FLOOD_DEVICES}`, k % 2 === 0 ? 1.9 : 1.0));
    yield { batch, advanceMs: Math.floor(60_000 / batches) };
  }
}

const normalDevices = Array.from({ length: NORMAL_DEVICES }, (_, i) => transmitter(`N-${i}`));
function* normalPlan() {
  // Each round every device sends one reading, then the clock moves one reporting interval.
  for (let round = 0; round < ROUNDS; round++) {
    for (let start = 0; start < NORMAL_DEVICES; start += BATCH) {
      const batch: string[] = [];
      for (let i = start; i < Math.min(NORMAL_DEVICES, start + BATCH); i++) batch.push(reading(`N-${i}`, 1.0 + (round % 3) * 0.1));
      yield { batch, advanceMs: start + BATCH >= NORMAL_DEVICES ? 60_000 : 0 };
    }
  }
}

const rate = (r: Run) => r.messages / r.seconds;
const line = (label: string, r: Run) =>
  `  ${label.padEnd(14)} ${rate(r).toFixed(0).padStart(7)} msg/s  ${String(r.messages).padStart(6)} messages, processed ${r.processed}, rate_limited ${r.rateLimited}, ids kept ${r.idsKept}, warnings ${r.warnings}, hazards ${r.hazards} (${r.seconds.toFixed(2)} s)`;

async function main(): Promise<void> {
  const loaded = await loadPackFromPath(fileURLToPath(new URL('../../checklists/sensors', import.meta.url)));
  if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message.en).join('; '));
  pack = compilePack(loaded.pack);
  console.log(`flood: ${FLOOD_DEVICES} devices × ${FLOOD_MESSAGES} readings with unique ids within one minute, alternating over / under the limit`);
  const floodOff = await run(false, floodDevices, floodPlan);
  const floodOn = await run(true, floodDevices, floodPlan);
  console.log(line('admission off', floodOff));
  console.log(line('admission on', floodOn));
  console.log(`  ratio on/off: ${(rate(floodOn) / rate(floodOff)).toFixed(1)}× messages/s; ids kept ${floodOn.idsKept} vs ${floodOff.idsKept}; hazards ${floodOn.hazards} vs ${floodOff.hazards}`);

  console.log(`normal: ${NORMAL_DEVICES} devices × ${ROUNDS} readings, one per registered interval (60 s)`);
  const normalOff = await run(false, normalDevices, normalPlan);
  const normalOn = await run(true, normalDevices, normalPlan);
  console.log(line('admission off', normalOff));
  console.log(line('admission on', normalOn));
  console.log(`  ratio on/off: ${(rate(normalOn) / rate(normalOff)).toFixed(2)}× messages/s (the rule's cost on traffic it admits); refused ${normalOn.rateLimited}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
