// Test harness: the sensors pack, a SQLite store and device registry in one temp file, three devices of E1, a publisher.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mqtt, { type MqttClient } from 'mqtt';
import { compilePack, createStaticDirectory, systemClock, type PackEvaluator } from '@anjian/core';
import { loadPackFromPath } from '@anjian/core/node';
import { createFixedClock, TEST_CALENDAR_2026, TEST_ENTERPRISES, testDevice } from '@anjian/core/testing';
import { createSqliteDeviceRegistry, createSqliteStore } from '@anjian/store-sqlite';
import { createDeviceTracker, type MonitoringDeps } from '../src/index.js';

export const BROKER = process.env.ANJIAN_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

let pack: PackEvaluator | undefined;
export async function sensorsPack(): Promise<PackEvaluator> {
  if (pack) return pack;
  const r = await loadPackFromPath(fileURLToPath(new URL('../../../checklists/sensors', import.meta.url)));
  if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join('; '));
  return (pack = compilePack(r.pack));
}

export const DEVICES = [
  testDevice('D-listed'),
  testDevice('D-plain', { kind: 'smoke_alarm', place: { id: 'P2', name: '车间', listed: false } }),
  testDevice('D-chem', { place: { id: 'P3', name: '罐区', listed: false }, hazchem: true }),
];

/** Everything a test needs, on a database file `path` (shared across a restart). */
export async function monitoring(path: string, options: { systemClock?: boolean; flapWindowMs?: number } = {}) {
  const sensors = await sensorsPack();
  const clock = options.systemClock ? systemClock : createFixedClock('2026-12-06T01:00:00.000Z');
  const store = createSqliteStore({ path });
  const registry = createSqliteDeviceRegistry({ path });
  for (const d of DEVICES) await registry.putDevice(d);
  const directory = createStaticDirectory(
    DEVICES.map((d) => ({ id: d.principalId, roles: ['system' as const] })),
    TEST_ENTERPRISES,
  );
  const deps: MonitoringDeps = {
    registry,
    clock,
    tracker: createDeviceTracker({ pack: sensors, recurrenceWindowMs: 3_600_000, ...(options.flapWindowMs === undefined ? {} : { flapWindowMs: options.flapWindowMs }) }),
    chain: { store, clock, directory, calendar: TEST_CALENDAR_2026, packs: new Map([['sensors', sensors]]) },
  };
  return { deps, store, registry, clock, directory, close: () => (registry.close(), store.close()) };
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'anjian-sensor-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A unique topic prefix per run, so parallel runs and demos never cross. */
export function topicPrefix(): string {
  return `test-${process.pid}-${Math.random().toString(36).slice(2, 8)}/anjian/v1/devices`;
}

export async function publisher(url = BROKER): Promise<MqttClient> {
  return mqtt.connectAsync(url, { clientId: `pub-${process.pid}-${Math.random().toString(36).slice(2, 8)}`, clean: true });
}

let n = 0;
export const message = (device: string, type: string, extra: Record<string, unknown> = {}) => JSON.stringify({ v: 1, device, id: `m-${process.pid}-${++n}`, type, ...extra });

/** Resolves when `predicate` holds, polling every 20 ms; rejects after `ms`. */
export async function until(predicate: () => boolean | Promise<boolean>, ms = 8000, everyMs = 20): Promise<void> {
  const end = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export const silentLogger = () => {
  const lines: Array<{ level: string; message: string; details: Record<string, unknown> }> = [];
  return {
    lines,
    logger: {
      warn: (message: string, details: Record<string, unknown>) => lines.push({ level: 'warn', message, details }),
      error: (message: string, details: Record<string, unknown>) => lines.push({ level: 'error', message, details }),
    },
  };
};
