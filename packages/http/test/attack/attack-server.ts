// The server the attack suite and the fuzzer shoot at, run as its own process (bundled by
// attack-harness.ts, started with plain `node`): createAnjianApi over the SQLite store on a
// file, the file evidence store, a static directory of test actors and enterprises with a
// rental directory and rounds (relations),
// (officers with 执法证号, one without), the demo-kitchen pack, mounted with toNodeHandler
// on 127.0.0.1:0 — what a host deploys, with a self-asserted `x-actor` header standing in
// for the host's session (test only).
//
// Prints one JSON line `{"port","pid"}` on stdout once listening, then one `log {…}` line
// per API log record (every 5xx is an `error` record). Test-only routes, outside the API:
//   GET  /__test/loop         event-loop delay since the last reset (monitorEventLoopDelay),
//                             and stalls > 100 ms during which this process was busy on CPU
//   POST /__test/loop/reset   start a new measurement
//   GET  /__test/cpu          CPU time this process has used (ms)
//   GET  /__test/calendar     calendar days the API has asked about so far (a counting
//                             wrapper around the test calendar: deadline work, counted)
// Exits when its stdin closes (the test ended, however it ended) or on SIGTERM.
//
//   node attack-server.cjs <dataDir> <packDir>
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createStaticDirectory } from '@anjian/core';
import { createMemoryRentalDirectory, createMemoryRoundStore, withLandlordTenancies } from '@anjian/core/internal';
import { createFileEvidenceStore, loadPackFromPath } from '@anjian/core/node';
import { TEST_CALENDAR_2026 } from '@anjian/core/testing';
import { createSqliteStore } from '@anjian/store-sqlite';
import { createAnjianApi, toNodeHandler } from '../../src/index.js';
import { ACTORS, ENTERPRISES, RENTAL } from './attack-directory.js';

const STALL_MS = 100;

async function main(): Promise<void> {
  const [dataDir, packDir] = process.argv.slice(2);
  if (!dataDir || !packDir) throw new Error('usage: attack-server <dataDir> <packDir>');
  const loaded = await loadPackFromPath(packDir);
  if (!loaded.ok) throw new Error(`pack: ${JSON.stringify(loaded.issues.slice(0, 3))}`);
  const store = createSqliteStore({ path: join(dataDir, 'anjian.db') });
  // One run of the attack pass sets up most of its hazards as owner-e1, uploading more than the default budget of 20
  // files a day (each upload to a hazard counts for 24 h): a larger budget here, so a new case does not make a later
  // one's set-up answer 429. The budget itself is tested where it is the subject (the evidence stores' and the API's tests).
  const evidence = await createFileEvidenceStore(join(dataDir, 'evidence'), { unbound: { files: 200 } });
  let daysAsked = 0;
  const calendar = { utcOffsetMinutes: TEST_CALENDAR_2026.utcOffsetMinutes, isWorkingDay: (day: string) => (daysAsked++, TEST_CALENDAR_2026.isWorkingDay(day)) };
  // The rental directory and rounds (directory relations); the host's directory adds a
  // landlord's tenancies to its profile, as RelationsApiOptions asks.
  const rental = createMemoryRentalDirectory(RENTAL);
  const inner = createStaticDirectory(ACTORS, ENTERPRISES);
  const directory = { resolve: async (id: string) => ((p) => p && withLandlordTenancies(p, rental))(await inner.resolve(id)), enterprise: inner.enterprise };
  const api = createAnjianApi({
    store,
    evidence,
    directory,
    relations: { rental, rounds: createMemoryRoundStore(), enterprises: () => ENTERPRISES, roundSeedKey: new Uint8Array(32).fill(7) },
    calendar,
    packs: [loaded.pack],
    basePath: '/api',
    logger: (entry) => process.stdout.write(`log ${JSON.stringify(entry)}\n`),
    authenticate: async (request) => request.headers.get('x-actor'),
  });
  const handler = toNodeHandler(api, { logger: (entry) => process.stdout.write(`log ${JSON.stringify(entry)}\n`) });

  // Two views of the event loop: Node's delay histogram (what the issue asks for), and a
  // sampler that tells a stall of this process (CPU busy while the timer was late) from
  // the OS not scheduling it (another process on the 2 shared cores).
  let histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let stalls: { atMs: number; wallMs: number; cpuMs: number }[] = [];
  let cpuAtReset = process.cpuUsage().user + process.cpuUsage().system;
  let lateTimers = 0;
  let last = { wall: performance.now(), cpu: process.cpuUsage() };
  const sampler = setInterval(() => {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    const wallMs = wall - last.wall;
    const cpuMs = (cpu.user - last.cpu.user + cpu.system - last.cpu.system) / 1000;
    if (wallMs > STALL_MS + 10) {
      lateTimers++;
      if (cpuMs > STALL_MS) stalls.push({ atMs: Math.round(wall), wallMs: Math.round(wallMs), cpuMs: Math.round(cpuMs) });
    }
    last = { wall, cpu };
  }, 10);

  const server = createServer((req, res) => {
    if (req.url === '/__test/loop' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          maxMs: histogram.max / 1e6,
          p99Ms: histogram.percentile(99) / 1e6,
          meanMs: histogram.mean / 1e6,
          count: histogram.count,
          lateTimers,
          stalls,
          cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system - cpuAtReset) / 1000),
        }),
      );
    } else if (req.url === '/__test/cpu' && req.method === 'GET') {
      const { user, system } = process.cpuUsage();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ cpuMs: (user + system) / 1000 }));
    } else if (req.url === '/__test/calendar' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ daysAsked }));
    } else if (req.url === '/__test/loop/reset' && req.method === 'POST') {
      histogram.disable();
      histogram = monitorEventLoopDelay({ resolution: 10 });
      histogram.enable();
      stalls = [];
      lateTimers = 0;
      cpuAtReset = process.cpuUsage().user + process.cpuUsage().system;
      last = { wall: performance.now(), cpu: process.cpuUsage() };
      res.writeHead(204).end();
    } else {
      void handler(req, res);
    }
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.stdout.write(`${JSON.stringify({ port, pid: process.pid })}\n`);
  });

  const stop = () => {
    clearInterval(sampler);
    server.close();
    server.closeAllConnections();
    store.close();
    process.exit(0);
  };
  process.stdin.on('end', stop).on('error', stop).resume();
  process.on('SIGTERM', stop).on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
