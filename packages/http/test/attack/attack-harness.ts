/**
 * Starts attack-server.ts as a real server process and talks to it over HTTP: `call` as a
 * test actor (fetch), `raw` for what fetch will not send (TRACE, `%zz`, chunked bodies),
 * `upload` through `POST /api/evidence`. `digest` reads the server's SQLite file with its
 * own read-only connection — the event log, the hazards projection, the outbox and the
 * command ids — so a test can tell that a refused request changed nothing. `vmRssKb`
 * reads the server's resident set from /proc.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { bundleHarness } from '../../../../scripts/test-utils/bundle-harness.js';
import type { ApiLogEntry } from '../../src/index.js';
import { coSigned } from '../co-signed.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = join(here, '../../../..');
const PACK_DIR = join(repoRoot, 'examples/packs/demo-kitchen');

/** A reply: status, headers, the body as text and (when JSON) parsed, and the time it took. */
export interface AttackReply {
  status: number;
  headers: Headers;
  text: string;
  body: any;
  ms: number;
}

/** See {@link AttackServer.snapshot}. */
export interface StoreSnapshot {
  hazards: Map<string, string>;
  commands: Map<string, string>;
}

/** Hazards whose digest differs between two snapshots, and command ids added or removed (with their hazard). */
export function diffSnapshots(before: StoreSnapshot, after: StoreSnapshot): { hazards: string[]; commands: { id: string; hazardId: string; added: boolean }[] } {
  const hazards = new Set<string>();
  for (const [id, hash] of after.hazards) if (before.hazards.get(id) !== hash) hazards.add(id);
  for (const id of before.hazards.keys()) if (!after.hazards.has(id)) hazards.add(id);
  const commands: { id: string; hazardId: string; added: boolean }[] = [];
  for (const [id, row] of after.commands) if (before.commands.get(id) !== row) commands.push({ id, hazardId: JSON.parse(row).hazard_id as string, added: true });
  for (const [id, row] of before.commands) if (!after.commands.has(id)) commands.push({ id, hazardId: JSON.parse(row).hazard_id as string, added: false });
  return { hazards: [...hazards], commands };
}

/**
 * What the server's sampler saw between two of its ticks (10 ms apart when nothing holds the
 * loop), in ms: `activeMs` the event loop's active time (performance.eventLoopUtilization —
 * not waiting for I/O, in wall time), `ranMs` / `waitedMs` the main thread on a CPU / waiting
 * for one (Linux schedstat; null elsewhere), `busyMs` what the stall check counts: `ranMs`
 * capped by `activeMs` (`activeMs` without schedstat). `processCpuMs`: every thread's CPU.
 */
export interface LoopStretch {
  atMs: number;
  wallMs: number;
  activeMs: number;
  ranMs: number | null;
  waitedMs: number | null;
  busyMs: number;
  processCpuMs: number;
}

/** Event-loop figures of the server since the last reset. */
export interface LoopReport {
  /** monitorEventLoopDelay: how late a 10 ms timer ran, whatever the cause. */
  /** The histogram's figures; `null` when it holds no sample yet (a report read right after a reset: its mean is NaN, which JSON sends as null). */
  maxMs: number | null;
  p99Ms: number | null;
  meanMs: number | null;
  count: number;
  /** Stretches over 110 ms of wall time (a tick that late), whatever the cause — the OS not running the server counts (the first 1 000). */
  late: LoopStretch[];
  /** Stretches with the main thread working > 100 ms without yielding: its event loop was blocked. */
  stalls: LoopStretch[];
  /** The busiest stretch. */
  worst: LoopStretch | null;
  /** The stretch with the most active time (what the loop's utilization alone would count). */
  longest: LoopStretch | null;
  /** CPU time the server used since the reset (every thread). */
  cpuMs: number;
}

/** A running attack server. */
export interface AttackServer {
  base: string;
  pid: number;
  dataDir: string;
  /** The bundled server file it runs (in packages/http/.tmp/anjian-harness-*; removed when the file's last server stops). */
  bundle: string;
  /** What the API logged (every 5xx is an `error` record). */
  logs: ApiLogEntry[];
  call(actor: string | null, method: string, path: string, options?: { body?: unknown; headers?: Record<string, string> }): Promise<AttackReply>;
  raw(method: string, path: string, options?: { headers?: Record<string, string>; body?: string | Buffer }): Promise<{ status: number; headers: Record<string, unknown>; text: string }>;
  /** Uploads a small PNG (or `bytes` of `mime`) as `actor`; for `hazardId`, to that hazard. */
  upload(actor: string, options?: { hazardId?: string; bytes?: Buffer; mime?: string; takenAt?: string }): Promise<AttackReply>;
  /** SHA-256 over events, hazards, outbox and commands, read from the SQLite file. */
  digest(): string;
  /**
   * Per-hazard digests (its events, projection row and outbox rows) and the command ids
   * with their hazard, read from the SQLite file: what {@link diffSnapshots} compares.
   */
  snapshot(): StoreSnapshot;
  /** Row counts of the store's tables. */
  counts(): Record<'events' | 'hazards' | 'outbox' | 'commands' | 'denials', number>;
  vmRssKb(): number;
  loop(): Promise<LoopReport>;
  /** CPU time the server process has used so far, in ms. */
  cpuMs(): Promise<number>;
  /** Calendar days the server's API has asked about so far (its calendar counts them). */
  calendarDaysAsked(): Promise<number>;
  resetLoop(): Promise<void>;
  /** Test of the stall check: the server's main thread works `ms` (its own CPU time) without yielding. */
  block(ms: number): Promise<void>;
  /**
   * Test of the stall check: `threads` worker threads in the server burn CPU for `ms` while
   * its main thread waits under SCHED_IDLE (util-linux `chrt`, from this process; the policy
   * is per thread, and the workers, started before, keep theirs), so the OS runs it only when
   * no other thread wants a CPU: ticks late, the process busy, the loop not — a loaded
   * machine, for sure. Resolves when the workers are done. The main thread stays under
   * SCHED_IDLE (a process may not raise itself back): the last thing to do with this server.
   */
  load(ms: number, threads: number): Promise<void>;
  stop(): Promise<void>;
}

/** A tiny valid-looking PNG: the signature, then random bytes (the server sniffs the signature). */
export function pngBytes(): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);
}

let bundled: Promise<string> | undefined;
/** Servers started and not yet stopped: the bundle goes when the last one stops. */
let running = 0;

/**
 * Removes the bundle once no server of this file runs. Vitest's forked workers end without
 * running process 'exit' handlers, so the removal happens here, from `stop()` (or a failed start).
 */
async function releaseBundle(): Promise<void> {
  if (--running > 0 || !bundled) return;
  const pending = bundled;
  bundled = undefined;
  const file = await pending.catch(() => undefined);
  if (file) rmSync(dirname(file), { recursive: true, force: true });
}

/**
 * Bundles (once while any server of the test file runs) and starts the attack server on a
 * fresh data dir. The bundle is removed when the last server stops: stop every server (afterAll).
 */
export async function startAttackServer(): Promise<AttackServer> {
  running++;
  try {
    return await start();
  } catch (error) {
    await releaseBundle();
    throw error;
  }
}

async function start(): Promise<AttackServer> {
  bundled ??= bundleHarness(join(here, 'attack-server.ts'), { external: ['better-sqlite3'], outDir: join(repoRoot, 'packages/http/.tmp') });
  const entry = await bundled;
  const dataDir = mkdtempSync(join(tmpdir(), 'anjian-attack-'));
  const child: ChildProcess = spawn(process.execPath, [entry, dataDir, PACK_DIR], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_PATH: join(repoRoot, 'packages/store-sqlite/node_modules') },
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const logs: ApiLogEntry[] = [];
  const lines = createInterface({ input: child.stdout! });
  const info = await new Promise<{ port: number; pid: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`attack server did not listen within 30 s: ${stderr}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`attack server exited (${code}) before listening: ${stderr}`)));
    lines.on('line', (line) => {
      if (line.startsWith('log ')) logs.push(JSON.parse(line.slice(4)) as ApiLogEntry);
      else if (line.startsWith('{')) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as { port: number; pid: number });
      }
    });
  }).catch((error: unknown) => {
    // A start that failed leaves no process and no data dir behind either.
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const base = `http://127.0.0.1:${info.port}`;
  let stopped = false;
  const db = new Database(join(dataDir, 'anjian.db'), { readonly: true, fileMustExist: true });
  const statements = {
    events: db.prepare('SELECT seq, hazard_id, version, body FROM events ORDER BY seq'),
    hazards: db.prepare('SELECT * FROM hazards ORDER BY hazard_id'),
    outbox: db.prepare('SELECT id, hazard_id, event_id, topic, payload FROM outbox ORDER BY seq'),
    commands: db.prepare('SELECT command_id, fingerprint, hazard_id FROM commands ORDER BY command_id'),
  };

  const call: AttackServer['call'] = async (actor, method, path, options = {}) => {
    const headers = new Headers(options.headers);
    if (actor !== null) headers.set('x-actor', actor);
    // The second officer an attack names gives his co-sign code from his own session (co-signed.ts),
    // unless the attack sets Co-Sign-Code itself (an empty value: no code).
    const signed = await coSigned(path, options.body, headers, async (officer, p, b) => call(officer, 'POST', p, { body: b }));
    path = signed.path;
    options = { ...options, body: signed.body };
    let body: string | Uint8Array | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' || options.body instanceof Uint8Array ? options.body : JSON.stringify(options.body);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    const started = performance.now();
    const response = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body: body as BodyInit }) });
    const text = await response.text();
    const ms = performance.now() - started;
    let parsed: unknown;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      parsed = null;
    }
    return { status: response.status, headers: response.headers, text, body: parsed, ms };
  };

  return {
    base,
    pid: info.pid,
    dataDir,
    bundle: entry,
    logs,
    call,
    raw(method, path, options = {}) {
      return new Promise((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port: info.port, method, path, headers: options.headers ?? {} }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        });
        req.on('error', reject);
        req.end(options.body);
      });
    },
    upload(actor, options = {}) {
      const query = options.takenAt ? `?takenAt=${encodeURIComponent(options.takenAt)}` : '';
      const path = options.hazardId ? `/api/hazards/${encodeURIComponent(options.hazardId)}/evidence${query}` : `/api/evidence${query}`;
      return call(actor, 'POST', path, { body: options.bytes ?? pngBytes(), headers: { 'content-type': options.mime ?? 'image/png' } });
    },
    digest() {
      const hash = createHash('sha256');
      for (const [name, statement] of Object.entries(statements)) {
        hash.update(`\n#${name}\n`);
        for (const row of statement.iterate()) hash.update(JSON.stringify(row)).update('\n');
      }
      return hash.digest('hex');
    },
    snapshot() {
      const parts = new Map<string, ReturnType<typeof createHash>>();
      const part = (id: string) => {
        let h = parts.get(id);
        if (!h) parts.set(id, (h = createHash('sha256')));
        return h;
      };
      for (const [name, statement] of Object.entries(statements)) {
        if (name === 'commands') continue;
        for (const row of statement.iterate() as Iterable<{ hazard_id: string }>) part(row.hazard_id).update(`${name}\n${JSON.stringify(row)}\n`);
      }
      const commands = new Map<string, string>();
      for (const row of statements.commands.iterate() as Iterable<{ command_id: string }>) commands.set(row.command_id, JSON.stringify(row));
      return { hazards: new Map([...parts].map(([id, h]) => [id, h.digest('hex')])), commands };
    },
    counts() {
      const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      return { events: count('events'), hazards: count('hazards'), outbox: count('outbox'), commands: count('commands'), denials: count('denials') };
    },
    vmRssKb() {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${info.pid}/status`, 'utf8'));
      return match ? Number(match[1]) : NaN;
    },
    async loop() {
      return (await (await fetch(`${base}/__test/loop`)).json()) as LoopReport;
    },
    async cpuMs() {
      return ((await (await fetch(`${base}/__test/cpu`)).json()) as { cpuMs: number }).cpuMs;
    },
    async calendarDaysAsked() {
      return ((await (await fetch(`${base}/__test/calendar`)).json()) as { daysAsked: number }).daysAsked;
    },
    async resetLoop() {
      await (await fetch(`${base}/__test/loop/reset`, { method: 'POST' })).arrayBuffer();
    },
    async block(ms) {
      await (await fetch(`${base}/__test/block?ms=${ms}`, { method: 'POST' })).arrayBuffer();
    },
    async load(ms, threads) {
      await (await fetch(`${base}/__test/load?ms=${ms}&threads=${threads}`, { method: 'POST' })).arrayBuffer();
      await promisify(execFile)('chrt', ['--idle', '--pid', '0', String(info.pid)]);
      await (await fetch(`${base}/__test/load`)).arrayBuffer();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      db.close();
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.stdin!.end();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
      await releaseBundle();
    },
  };
}
