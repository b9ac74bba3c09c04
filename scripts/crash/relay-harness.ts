// Outbox harness (docs/security.md T16): a receiver that fails 30 % of calls, relays killed
// at random and restarted. Every message must arrive at least once; the receiver,
// deduplicating by Idempotency-Key, must process each exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStaticDirectory, handleCommand, systemClock } from '@anjian/core';
import { TEST_ACTORS, TEST_CALENDAR_2026, reportCommand } from '@anjian/core/testing';
import { bundleHarness } from '../test-utils/bundle-harness.js';
import { openStore, type StoreKind } from './open-store.js';

export interface RelayHarnessOptions {
  store: StoreKind;
  workDir: string;
  /** The relay, bundled before by {@link bundleRelay} (a test file's runs share one); bundled into `workDir` when absent. */
  relayBundle?: string;
  messages: number;
  relays: number;
  /** Share of receiver calls answered 503. */
  failureRate: number;
  pgUrl?: string;
  seed?: number;
  /** Give up after this long (the harness, not a test assertion). */
  timeoutMs?: number;
}

export interface RelayReport {
  messages: number;
  kills: number;
  rawDeliveries: number;
  failedCalls: number;
  /** Messages the deduplicating receiver processed (each exactly once). */
  processed: number;
  /** Successful deliveries beyond the first per message: what a receiver without dedup would see twice. */
  duplicateDeliveries: number;
  missing: number;
  unknown: number;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const NODE_PATH = [join(root, 'packages/store-sqlite/node_modules'), join(root, 'packages/store-postgres/node_modules')].join(':');

/** Bundles the relay process (relay.ts) under `outDir`; returns the file `node` runs. */
export function bundleRelay(outDir: string): Promise<string> {
  return bundleHarness(fileURLToPath(new URL('./relay.ts', import.meta.url)), { external: ['better-sqlite3', 'pg', 'pg-native'], outDir });
}

export async function runRelayHarness(options: RelayHarnessOptions): Promise<RelayReport> {
  let seed = (options.seed ?? 11) >>> 0;
  const random = () => {
    seed = (Math.imul(seed ^ (seed >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    return seed / 4294967296;
  };
  const pgUrl = options.pgUrl ?? process.env.ANJIAN_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  mkdirSync(options.workDir, { recursive: true });
  const target = options.store === 'sqlite' ? join(options.workDir, 'relay.db') : `anjian_relay_${process.pid}_${Date.now().toString(36)}`;

  // The messages: one report each, written with its outbox row.
  const opened = await openStore(options.store, target, pgUrl);
  const deps = { store: opened.store, clock: systemClock, calendar: TEST_CALENDAR_2026, directory: createStaticDirectory(Object.values(TEST_ACTORS)) };
  const expected = new Set<string>();
  for (let i = 0; i < options.messages; i++) {
    const result = await handleCommand(deps, reportCommand(`RH-${i}`), 'grid-g1');
    if ('rejection' in result) throw new Error(result.rejection.message.en);
    for (const e of result.events) expected.add(e.id);
  }

  // The receiver: fails at random, deduplicates by Idempotency-Key.
  const processed = new Map<string, number>();
  let raw = 0;
  let failed = 0;
  let unknown = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      raw++;
      const key = String(req.headers['idempotency-key'] ?? '');
      if (random() < options.failureRate) {
        failed++;
        res.writeHead(503).end();
        return;
      }
      if (!expected.has(key)) unknown++;
      // Deduplicate by Idempotency-Key: a redelivery is acknowledged, not processed again.
      processed.set(key, (processed.get(key) ?? 0) + 1);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const receiver = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;

  const relay = options.relayBundle ?? (await bundleRelay(join(options.workDir, 'bundle')));
  const children = new Map<number, ChildProcess>();
  let generation = 0;
  const start = (slot: number) => {
    const child = spawn(process.execPath, [relay, options.store, target, pgUrl, receiver, `relay-${slot}-${generation++}`], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_PATH },
    });
    children.set(slot, child);
  };
  for (let slot = 0; slot < options.relays; slot++) start(slot);
  let kills = 0;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (processed.size < expected.size && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200 + random() * 400));
    const slot = Math.floor(random() * options.relays);
    const child = children.get(slot)!;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    kills++;
    start(slot);
  }
  await Promise.all(
    [...children.values()].map((child) => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      return exited;
    }),
  );
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await opened.close();
  if (options.store === 'postgres') {
    const pg = await import('pg');
    const pool = new pg.default.Pool({ connectionString: pgUrl });
    await pool.query(`DROP SCHEMA IF EXISTS "${target}" CASCADE`);
    await pool.end();
  }
  const missing = [...expected].filter((id) => !processed.has(id)).length;
  return {
    messages: expected.size,
    kills,
    rawDeliveries: raw,
    failedCalls: failed,
    processed: processed.size,
    duplicateDeliveries: [...processed.values()].reduce((n, k) => n + k - 1, 0),
    missing,
    unknown,
  };
}
