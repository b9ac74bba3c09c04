// Load test of the classify endpoint (`POST /inspections`, classification only) over real
// HTTP, server and load generator in separate processes:
//
//   node scripts/run-ts.mjs scripts/bench/http-classify.ts [--seconds 10] [--warmup 3]
//        [--connections 32] [--pipelining 1] [--no-wrk]
//
// Starts scripts/bench/http-classify-server.ts as a child process (node:http +
// toNodeHandler + createAnjianApi, memory store, the packs of checklists/ and
// examples/packs/demo-kitchen), checks every body once (200 from both engines, same fired
// rules), then drives each endpoint with autocannon from this process: a warm-up (discarded)
// and a measured run, the bodies (examples/inspections/*.yaml and a demo-kitchen LPG
// basement kitchen) rotated per request. Endpoints, in order:
//   GET  /healthz           node:http alone — the floor of HTTP on this machine
//   GET  /adapter/healthz   toNodeHandler around a fetch returning "ok" — the adapter's cost
//   GET  /packs             the anjian stack without classification (adapter, Hono, auth-free
//                           route, ~20 KB of JSON for six packs)
//   POST /inspections       anjian: check the answers, classify, explanations
//   POST /jre/inspections   json-rules-engine 7.3.1, the same packs' rules, same adapter
// With `wrk` on the PATH, POST /inspections is measured again by wrk (same bodies, rotated
// by a Lua script) as a cross-check of autocannon. Latency percentiles come from
// autocannon's per-response times (its own histogram has 1 ms resolution).
// Exit code 0; 1 when any request failed (non-2xx, socket error, timeout) or the engines
// disagree; 2 on bad usage or a crash. A benchmark, not a test: the numbers are this
// machine's at this moment (the load average is printed with them).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';
import { parse } from 'yaml';
import { runWrk, type WrkResult } from './run-wrk.js';
import { spawnBenchServer } from './spawn-bench-server.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    pipelining: { type: 'string', default: '1' },
    'no-wrk': { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const warmup = Number(values.warmup);
const connections = Number(values.connections);
const pipelining = Number(values.pipelining);
if (![seconds, connections, pipelining].every((n) => Number.isInteger(n) && n > 0) || !(warmup >= 0)) {
  console.error('usage: http-classify.ts [--seconds N] [--warmup N] [--connections N] [--pipelining N] [--no-wrk]');
  process.exit(2);
}

interface Body {
  name: string;
  json: string;
}

/** The example inspections, and the demo pack's LPG kitchen below ground. */
function loadBodies(): Body[] {
  const dir = 'examples/inspections';
  const bodies = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ name: f.replace(/\.ya?ml$/, ''), json: JSON.stringify(parse(readFileSync(join(dir, f), 'utf8'))) }));
  const kitchen = {
    pack: 'demo-kitchen',
    premises: 'restaurant',
    inspectedAt: '2026-11-02T09:00:00+08:00',
    findings: { gas_type: 'lpg', below_ground: true, alarm_installed: false, hose_length_m: 3, cylinders_on_site: 4 },
  };
  return [...bodies, { name: 'demo-kitchen-lpg-below-ground', json: JSON.stringify(kitchen) }];
}

interface Endpoint {
  label: string;
  requests: AutocannonRequest[];
}

interface Measured {
  endpoint: Endpoint;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  bytes: number;
  result: AutocannonResult;
}

const percentile = (sorted: Float64Array, p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function load(base: string, endpoint: Endpoint, duration: number): Promise<Measured> {
  const times: number[] = [];
  let bytes = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url: base, connections, pipelining, duration, timeout: 10, requests: endpoint.requests }, (error, result) => {
      if (error) return reject(error);
      const sorted = Float64Array.from(times).sort();
      resolve({
        endpoint,
        rps: result.requests.total / result.duration,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        errors: result.non2xx + result.errors + result.timeouts,
        bytes: times.length ? bytes / times.length : 0,
        result,
      });
    });
    instance.on('response', (_client, _status, resBytes, responseTime) => {
      times.push(responseTime);
      bytes += resBytes;
    });
  });
}

/** Every body once to both engines: 200 from each, and the same fired rules. */
async function preflight(base: string, bodies: Body[]): Promise<boolean> {
  let ok = true;
  for (const body of bodies) {
    const post = (path: string) => fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body.json });
    const [ours, reference] = await Promise.all([post('/inspections'), post('/jre/inspections')]);
    const [oursText, referenceText] = await Promise.all([ours.text(), reference.text()]);
    if (ours.status !== 200 || reference.status !== 200) {
      console.error(`  ${body.name}: anjian ${ours.status}, json-rules-engine ${reference.status}`);
      if (ours.status !== 200) console.error(`    anjian: ${oursText.slice(0, 600)}`);
      if (reference.status !== 200) console.error(`    json-rules-engine: ${referenceText.slice(0, 600)}`);
      ok = false;
      continue;
    }
    const fired = (JSON.parse(oursText) as { classification: { hazards: Array<{ rule: string }> } }).classification.hazards.map((h) => h.rule).sort();
    const firedReference = (JSON.parse(referenceText) as { fired: string[] }).fired.sort();
    const agree = fired.join() === firedReference.join();
    if (!agree) ok = false;
    console.log(`  ${body.name.padEnd(44)} ${String(fired.length).padStart(2)} hazards  ${agree ? 'same rules' : `DISAGREE: json-rules-engine fired ${firedReference.join(' ')}`}`);
  }
  return ok;
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
const int = (n: number) => Math.round(n).toLocaleString('en-US');

function printTable(rows: Measured[], wrk: WrkResult | null): void {
  const head = ['endpoint', 'requests/s', 'p50 ms', 'p99 ms', 'errors', 'bytes/resp'];
  const lines = rows.map((r) => [r.endpoint.label, int(r.rps), ms(r.p50), ms(r.p99), String(r.errors), int(r.bytes)]);
  if (wrk) lines.push([`${rows[3]?.endpoint.label ?? ''} [wrk]`, int(wrk.rps), ms(wrk.p50), ms(wrk.p99), String(wrk.errors), '']);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${fmt(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const l of lines) console.log(fmt(l));
}

async function main(): Promise<number> {
  const bodies = loadBodies();
  const before = loadavg();
  const server = await spawnBenchServer();
  try {
    const base = `http://127.0.0.1:${server.port}`;
    console.log(
      `node ${process.version}, ${availableParallelism()} cores, load average ${before.map((n) => n.toFixed(2)).join(' ')}; ` + `server pid ${server.pid} serving ${server.packs.join(', ')}`,
    );
    console.log(`autocannon: ${connections} connections, pipelining ${pipelining}, ${warmup} s warm-up + ${seconds} s measured per endpoint; ${bodies.length} bodies rotated`);
    console.log('\nbodies (POST /inspections and POST /jre/inspections, once each):');
    const agree = await preflight(base, bodies);
    if (!agree) console.error('\nFAILED: a body is refused or the engines disagree (see above); measuring anyway.');

    const posts = (path: string) => bodies.map((b) => ({ method: 'POST', path, headers: { 'content-type': 'application/json' }, body: b.json }));
    const endpoints: Endpoint[] = [
      { label: 'GET /healthz (node:http only)', requests: [{ method: 'GET', path: '/healthz' }] },
      { label: 'GET /adapter/healthz (toNodeHandler only)', requests: [{ method: 'GET', path: '/adapter/healthz' }] },
      { label: 'GET /packs (anjian)', requests: [{ method: 'GET', path: '/packs' }] },
      { label: 'POST /inspections (anjian)', requests: posts('/inspections') },
      { label: 'POST /jre/inspections (json-rules-engine)', requests: posts('/jre/inspections') },
    ];
    const rows: Measured[] = [];
    for (const endpoint of endpoints) {
      if (warmup > 0) await load(base, endpoint, warmup);
      const measured = await load(base, endpoint, seconds);
      rows.push(measured);
      console.log(`  ${endpoint.label}: ${int(measured.rps)} requests/s, p99 ${ms(measured.p99)} ms`);
    }
    const hasWrk = !values['no-wrk'] && spawnSync('sh', ['-c', 'command -v wrk']).status === 0;
    const wrk = hasWrk ? await runWrk({ base, path: '/inspections', bodies: bodies.map((b) => b.json), connections, seconds }) : null;
    const after = loadavg();

    printTable(rows, wrk);
    const [floor, adapter, packs, ours, reference] = rows as [Measured, Measured, Measured, Measured, Measured];
    console.log(`\nload average before ${before.map((n) => n.toFixed(2)).join(' ')}, after ${after.map((n) => n.toFixed(2)).join(' ')}`);
    console.log(`ratio: anjian POST /inspections ${(ours.rps / reference.rps).toFixed(1)}× json-rules-engine in requests/s; p99 ${(ours.p99 / reference.p99).toFixed(2)}× (lower is better)`);
    const share = (r: Measured) => `${((100 * ours.rps) / r.rps).toFixed(0)}%`;
    console.log(`ratio: anjian POST /inspections at ${share(floor)} of the node:http floor, ${share(adapter)} of the adapter alone, ${share(packs)} of GET /packs`);
    if (wrk) {
      console.log(
        `\nwrk cross-check of POST /inspections (${connections} connection${connections === 1 ? '' : 's'}, ${seconds} s, 1 thread): ${int(wrk.rps)} requests/s, ${(wrk.rps / ours.rps).toFixed(2)}× autocannon`,
      );
      console.log(wrk.distribution);
    } else {
      console.log(`\nwrk: ${values['no-wrk'] ? 'skipped (--no-wrk)' : 'not installed, no cross-check'}`);
    }

    const failed = rows.filter((r) => r.errors > 0);
    for (const r of failed) {
      console.error(
        `\nFAILED: ${r.endpoint.label}: ${r.errors} failed requests — status codes ${JSON.stringify(r.result.statusCodeStats)}, ${r.result.errors} socket errors, ${r.result.timeouts} timeouts`,
      );
    }
    if (wrk && wrk.errors > 0) console.error(`\nFAILED: wrk: ${wrk.errors} failed requests`);
    return failed.length > 0 || (wrk?.errors ?? 0) > 0 || !agree ? 1 : 0;
  } finally {
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
