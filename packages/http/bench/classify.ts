/**
 * Load test of `POST /inspections` (classification only) through `node:http` and
 * `toNodeHandler`: N concurrent keep-alive clients for a fixed duration, reporting
 * requests/s and latency percentiles. Not a test: numbers depend on the machine.
 *
 *   node scripts/run-ts.mjs packages/http/bench/classify.ts [--seconds 10] [--concurrency 32]
 *
 * Run from the repository root (the pack path is relative to it; override with PACK=…).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryStore, createStaticDirectory } from '@anjian/core';
import { loadPackFromPath } from '@anjian/core/node';
import { TEST_CALENDAR_2026 } from '@anjian/core/testing';
import { createAnjianApi, toNodeHandler } from '../src/index.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('seconds', 10);
const concurrency = arg('concurrency', 32);

async function main(): Promise<void> {
  const loaded = await loadPackFromPath(process.env.PACK ?? 'examples/packs/demo-kitchen');
  if (!loaded.ok) throw new Error('pack failed to load');
  const api = createAnjianApi({
    store: createMemoryStore(),
    directory: createStaticDirectory([{ id: 'owner-e1', roles: ['enterprise'], enterpriseIds: ['E1'] }]),
    calendar: TEST_CALENDAR_2026,
    packs: [loaded.pack],
    authenticate: async () => 'owner-e1',
  });
  const server = createServer(toNodeHandler(api));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/inspections`;
  const body = JSON.stringify({
    pack: 'demo-kitchen',
    premises: 'restaurant',
    inspectedAt: '2026-11-02T09:00:00+08:00',
    findings: { gas_type: 'lpg', below_ground: true, alarm_installed: false, hose_length_m: 3, cylinders_on_site: 4 },
  });

  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await response.arrayBuffer();
        if (response.status !== 200) errors++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  server.close();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(2);
  console.log(
    JSON.stringify({ endpoint: 'POST /inspections', seconds, concurrency, requests: latencies.length, errors, requestsPerSecond: Math.round(latencies.length / seconds), p50ms: pct(50), p99ms: pct(99) }),
  );
}

void main();
