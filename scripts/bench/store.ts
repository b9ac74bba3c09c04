// `pnpm bench:store`: the stores under load, measured against this machine's own limit.
//  1. The near limit: one-row durable transactions on the same database (SQLite: the same
//     file, one connection, BEGIN IMMEDIATE / INSERT / COMMIT; PostgreSQL: 16 connections,
//     one autocommit INSERT each), measured in the same run, just before (2).
//  2. Transitions per second through the real command path (load → decide → hash → append
//     with outbox) with 16 concurrent clients. Each client pipelines its work the way a
//     server's requests arrive: it carries two hazards at once, so a hazard's photos are
//     received after its notice without anyone waiting (no busy-wait; if the clock has not
//     moved on, the client yields for a millisecond). Printed with the load average, the
//     group sizes the store reached, and the ratio to (1). PostgreSQL also prints the CPU
//     time per transition of the bench process and of its server backends (/proc, when the
//     server runs on this machine): a figure the machine's load inflates far less.
//  2b. SQLite only, same run: the transitions again (half the hazards) with a checkpoint every
//     1 000 pages of WAL (SQLite's default, the store's before) against the store's default
//     4 000: four pairs on fresh files, alternating which goes first; each pair's ratio and
//     the median (the load moves between runs; adjacent runs see the most similar load).
//  2c. SQLite only, same run: what schema 16's two indexes cost the writes. On copies of one
//     seeded file (--index-hazards hazards; --index-inspections inspections of a generated
//     city), in --index-pairs pairs of alternating order: the transitions (half the hazards) with
//     hazards_domain_counts and with it dropped; the inspection log's recordInspection (one per
//     transaction, as the route records them; and 500 per transaction, as the bulk loader) with
//     inspection_log_pack_recorded and with it dropped. Each as a rate and as CPU time of this
//     process (SQLite runs in it) per write, which the machine's load inflates far less.
//  3. Dashboard and work-queue query latency with 1 000 000 events (200 000 hazards) in the
//     store, seeded in bulk (pre-built event rows; seeding through the chain would take too
//     long; the queries read only the list rows and their indexes).
//  4. SQLite only, same run: what a savepoint per append costs a group of 16 rows (plain,
//     a savepoint per row with temp_store=MEMORY, a savepoint per row with temp_store=FILE,
//     SQLite's default) — the measurement behind the store's group commit without savepoints.
// Options: --clients 16 --hazards 120 (per client) --events 1000000 (0 skips the queries) --samples 1000 (per query)
//          --index-pairs 4 (0 skips 2c; --index-only runs 2c alone) --index-hazards 200000 --index-inspections 300000 --index-records 400
//          --only sqlite|postgres --limit-seconds 2 --groups-in-flight 2 (PostgreSQL)
//          --spin (the old client: busy-waits until the clock moves after a notice, for an A/B)
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createMemoryEvidenceStore, createStaticDirectory, handleCommand, systemClock, type ChainCommand, type EvidenceRef, type Store } from '@anjian/core';
import type { HazardFilter, InspectionRecord } from '@anjian/core/ports';
import type { EvidenceKind } from '@anjian/core/internal';
import { TEST_ACTORS, TEST_CALENDAR_2026, generateCity, reportCommand } from '@anjian/core/testing';
import { createPostgresStore } from '@anjian/store-postgres';
import { createSqliteBulkLoader, createSqliteInspectionLog, createSqliteStore } from '@anjian/store-sqlite';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '16' },
    hazards: { type: 'string', default: '120' },
    events: { type: 'string', default: '1000000' },
    'limit-seconds': { type: 'string', default: '2' },
    'groups-in-flight': { type: 'string', default: '2' },
    samples: { type: 'string', default: '1000' },
    only: { type: 'string' },
    spin: { type: 'boolean', default: false },
    'index-pairs': { type: 'string', default: '4' },
    'index-only': { type: 'boolean', default: false },
    'index-hazards': { type: 'string', default: '200000' },
    'index-inspections': { type: 'string', default: '300000' },
    'index-records': { type: 'string', default: '400' },
  },
});
const clients = Number(values.clients);
const perClient = Number(values.hazards);
const totalEvents = Number(values.events);
const limitSeconds = Number(values['limit-seconds']);
/** Timed queries per filter: with 100, the "p99" would be the slowest sample alone (one GC pause or checkpoint). */
const querySamples = Number(values.samples);
const pgUrl = process.env.ANJIAN_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Throughput {
  transitions: number;
  seconds: number;
  load: [number, number];
}

/** Group sizes seen by a store's onGroupCommit hook. */
class Groups {
  sizes: number[] = [];
  ms: number[] = [];
  readonly hook = (g: { appends: number; ms: number }) => {
    this.sizes.push(g.appends);
    this.ms.push(g.ms);
  };
  summary(): string {
    if (this.sizes.length === 0) return 'no groups';
    const sorted = [...this.sizes].sort((a, b) => a - b);
    const mean = this.sizes.reduce((a, b) => a + b, 0) / this.sizes.length;
    const ms = [...this.ms].sort((a, b) => a - b);
    return `${this.sizes.length} groups, appends per group mean ${mean.toFixed(1)} / p50 ${sorted[Math.floor(sorted.length / 2)]} / p90 ${sorted[Math.floor(sorted.length * 0.9)]} / max ${sorted[sorted.length - 1]}; group write p50 ${ms[Math.floor(ms.length / 2)]!.toFixed(2)} ms`;
  }
}

async function transitions(store: Store, hazardsPerClient = perClient): Promise<Throughput> {
  // Every client's photos are one uploader's (owner-e1), each given with its hazard: far more
  // than the default budget of 20 a day (which refused the bench's 21st photo).
  const evidence = createMemoryEvidenceStore({ unbound: { files: Number.MAX_SAFE_INTEGER, bytes: Number.MAX_SAFE_INTEGER } });
  const deps = { store, clock: systemClock, calendar: TEST_CALENDAR_2026, directory: createStaticDirectory(Object.values(TEST_ACTORS)), evidence };
  const upload = async (hazardId: string, kind: EvidenceKind, n: number): Promise<EvidenceRef> => {
    const record = await evidence.put({ bytes: new TextEncoder().encode(`${hazardId} ${kind} ${n}`), mime: 'image/jpeg', uploaderId: 'owner-e1', hazardId, receivedAt: new Date().toISOString() });
    return { id: record.id, kind };
  };
  let count = 0;
  const run = async (command: ChainCommand, actor: string) => {
    const result = await handleCommand(deps, command, actor);
    if ('rejection' in result) throw new Error(`${command.type}: ${result.rejection.code}`);
    count += result.events.length;
  };
  const open = async (hazardId: string): Promise<number> => {
    await run(reportCommand(hazardId, { commandId: `${hazardId}:r` }), 'grid-g1');
    await run({ type: 'issue_notice', commandId: `${hazardId}:n`, hazardId }, 'grid-g1');
    return Date.now();
  };
  const finish = async (hazardId: string, noticeAt: number) => {
    // Photos count only when received after the notice; by now other work has passed.
    if (values.spin) {
      while (Date.now() <= noticeAt) {
        // the old client, kept for an A/B (--spin): spins the one thread
      }
    } else {
      while (Date.now() <= noticeAt) await sleep(1);
    }
    const photos = [await upload(hazardId, 'photo_before', 1), await upload(hazardId, 'photo_after', 1), await upload(hazardId, 'photo_after', 2)];
    await run({ type: 'submit_rectification', commandId: `${hazardId}:s`, hazardId, evidence: photos }, 'owner-e1');
    await run({ type: 'verify', commandId: `${hazardId}:v`, hazardId }, 'grid-g1');
    await run({ type: 'close', commandId: `${hazardId}:c`, hazardId }, 'grid-g1');
  };
  const stamp = Date.now().toString(36);
  // A client carries two hazards: it opens the next one before it finishes the previous.
  const client = async (c: number) => {
    let previous: [string, number] | null = null;
    for (let n = 0; n <= hazardsPerClient; n++) {
      const hazardId = `B${c}-${n}-${stamp}`;
      const opened: [string, number] | null = n < hazardsPerClient ? [hazardId, await open(hazardId)] : null;
      if (previous) await finish(...previous);
      previous = opened;
    }
  };
  const before = loadavg()[0]!;
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  return { transitions: count, seconds: Number(process.hrtime.bigint() - start) / 1e9, load: [before, loadavg()[0]!] };
}

/**
 * One-row durable transactions on the same SQLite file, one connection (SQLite has one
 * writer). `savepoints` wraps each row in its own savepoint (as a group commit with a
 * savepoint per append did), with temp_store FILE (SQLite's default) or MEMORY.
 */
function sqliteLimit(path: string, rowsPerTransaction: number, savepoints?: 'file' | 'memory'): number {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma(`temp_store = ${savepoints === 'file' ? 'FILE' : 'MEMORY'}`);
  db.exec('CREATE TABLE IF NOT EXISTS bench_limit (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO bench_limit (v) VALUES (?)');
  const row = db.transaction(() => insert.run('x'.repeat(200))); // nested: a savepoint
  const tx = db.transaction((n: number) => {
    for (let i = 0; i < n; i++) {
      if (savepoints) row();
      else insert.run('x'.repeat(200));
    }
  });
  let rows = 0;
  const start = performance.now();
  while (performance.now() - start < limitSeconds * 1000) {
    tx.immediate(rowsPerTransaction);
    rows += rowsPerTransaction;
  }
  const perSecond = rows / ((performance.now() - start) / 1000);
  db.exec('DROP TABLE bench_limit');
  db.close();
  return perSecond;
}

/**
 * CPU time in ms of each backend serving the bench's pool (`application_name`), from
 * /proc/<pid>/schedstat: empty when PostgreSQL does not run on this machine.
 */
async function backendCpuMs(pool: pg.Pool, application: string): Promise<Map<number, number>> {
  const { rows } = await pool.query('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [application]);
  const out = new Map<number, number>();
  for (const { pid } of rows as Array<{ pid: number }>) {
    try {
      out.set(pid, Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6);
    } catch {
      // not on this machine
    }
  }
  return out;
}

/** One-row durable transactions (autocommit INSERTs) from `clients` connections on the same database. */
async function postgresLimit(pool: pg.Pool, schema: string): Promise<number> {
  await pool.query(`CREATE TABLE "${schema}".bench_limit (id bigserial PRIMARY KEY, v text NOT NULL)`);
  let rows = 0;
  const start = performance.now();
  const statement = { name: `bench_limit:${schema}`, text: `INSERT INTO "${schema}".bench_limit (v) VALUES ($1)` };
  await Promise.all(
    Array.from({ length: clients }, async () => {
      const client = await pool.connect();
      try {
        while (performance.now() - start < limitSeconds * 1000) {
          await client.query({ ...statement, values: ['x'.repeat(200)] });
          rows++;
        }
      } finally {
        client.release();
      }
    }),
  );
  const perSecond = rows / ((performance.now() - start) / 1000);
  await pool.query(`DROP TABLE "${schema}".bench_limit`);
  return perSecond;
}

const STATUSES = ['reported', 'rectifying', 'submitted', 'verified', 'escalated', 'case_filed', 'accepted', 'closed'];
const LEVELS = ['simple', 'general', 'general', 'general', 'major'];
const DOMAINS = ['gas', 'fire', 'confined_space', 'chemicals', 'hazardous_work'];

function hazardRow(i: number) {
  const day = new Date(Date.UTC(2026, 0, 1) + (i % 330) * 86_400_000);
  const status = i % 3 === 0 ? 'closed' : STATUSES[i % STATUSES.length]!;
  return {
    id: `H${String(i).padStart(7, '0')}`,
    status,
    level: LEVELS[i % LEVELS.length]!,
    provisional: i % 17 === 0,
    domain: DOMAINS[i % DOMAINS.length]!,
    area: `D${i % 20}/G${i % 10}`,
    enterprise: `E${i % 5000}`,
    deadline: status === 'closed' ? null : new Date(day.getTime() + 15 * 86_400_000).toISOString(),
    created: day.toISOString(),
    updated: new Date(day.getTime() + (i % 86_400) * 1000).toISOString(),
  };
}

const QUERIES: Array<[string, HazardFilter]> = [
  ['work queue: grid area, open statuses', { area: 'D2/G2', status: ['reported', 'rectifying', 'submitted'] }],
  ['empty work queue (worst case: no match)', { area: 'D7/G7', status: ['reported', 'rectifying', 'submitted'] }],
  ['empty district queue (no match)', { area: 'D7', status: ['reported', 'rectifying', 'submitted'] }],
  ['enforcement queue: major in district', { area: 'D4', level: 'major', status: ['escalated', 'case_filed', 'submitted'] }],
  ['empty enforcement queue (no match)', { area: 'D7', level: 'major', status: ['escalated', 'case_filed', 'submitted'] }],
  ['district list', { area: 'D3' }],
  ['overdue in district', { area: 'D3', deadlineBefore: '2026-11-28T00:00:00.000Z' }],
  ['enterprise history', { enterpriseId: 'E1234' }],
  ['provisional majors (city)', { level: 'major', provisional: true }],
  ['domain and status (city)', { domain: 'gas', status: 'rectifying' }],
];

async function latency(store: Store): Promise<Array<[string, number, number]>> {
  const out: Array<[string, number, number]> = [];
  for (const [name, filter] of QUERIES) {
    const times: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < querySamples; i++) {
      const start = process.hrtime.bigint();
      const page = await store.query(filter, { limit: 50, after });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      after = i % 10 === 9 ? null : page.next; // walk 10 pages deep, then start over
    }
    times.sort((a, b) => a - b);
    out.push([name, times[Math.floor(times.length / 2)]!, times[Math.floor(times.length * 0.99)]!]);
  }
  return out;
}

function seedSqlite(path: string, hazards: number, eventsPerHazard: number) {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // Seeding is not the measurement: one transaction, no fsync, a large page cache.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const insertHazard = db.prepare(
    `INSERT INTO hazards (hazard_id, version, status, level, provisional, domain, area, enterprise_id, deadline, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare(`INSERT INTO events (hazard_id, version, id, type, command_id, recorded_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < hazards; i++) {
      const h = hazardRow(i);
      insertHazard.run(h.id, eventsPerHazard, h.status, h.level, h.provisional ? 1 : 0, h.domain, h.area, h.enterprise, h.deadline, h.created, h.updated);
      for (let v = 1; v <= eventsPerHazard; v++) {
        insertEvent.run(h.id, v, `${h.id}/${v}`, 'seeded', `${h.id}:${v}`, h.created, `{"id":"${h.id}/${v}","hazardId":"${h.id}","version":${v},"type":"seeded"}`);
      }
    }
  })();
  db.close();
}

async function seedPostgres(pool: pg.Pool, schema: string, hazards: number, eventsPerHazard: number) {
  const batch = 5000;
  for (let start = 0; start < hazards; start += batch) {
    const rows = Array.from({ length: Math.min(batch, hazards - start) }, (_, k) => hazardRow(start + k));
    await pool.query(
      `INSERT INTO "${schema}".hazards SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::bool[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])`,
      [
        rows.map((r) => r.id),
        rows.map(() => eventsPerHazard),
        rows.map((r) => r.status),
        rows.map((r) => r.level),
        rows.map((r) => r.provisional),
        rows.map((r) => r.domain),
        rows.map((r) => r.area),
        rows.map((r) => r.enterprise),
        rows.map((r) => r.deadline),
        rows.map((r) => r.created),
        rows.map((r) => r.updated),
      ],
    );
  }
  await pool.query(
    `INSERT INTO "${schema}".events (seq, hazard_id, version, id, type, command_id, recorded_at, body)
     SELECT (SELECT seq FROM "${schema}".log_head) + row_number() OVER (ORDER BY h.hazard_id, v), h.hazard_id, v, h.hazard_id || '/' || v, 'seeded', h.hazard_id || ':' || v, h.created_at,
            json_build_object('id', h.hazard_id || '/' || v, 'hazardId', h.hazard_id, 'version', v, 'type', 'seeded')::text
     FROM "${schema}".hazards h CROSS JOIN generate_series(1, $1) AS v WHERE h.hazard_id LIKE 'H%'`,
    [eventsPerHazard],
  );
  await pool.query(`UPDATE "${schema}".log_head SET seq = (SELECT max(seq) FROM "${schema}".events)`);
  await pool.query(`ANALYZE "${schema}".hazards`);
}

/** A rate and this process's CPU time per write (ms). */
interface WriteCost {
  perSecond: number;
  cpuMs: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * 2c: schema 16's two indexes, each with it and with it dropped, on copies of one seeded file,
 * in pairs of alternating order. The store opens a file at user_version 16 without re-creating
 * hazards_domain_counts; the inspection log builds inspection_log_pack_recorded when it is
 * missing, so it is dropped after the log opened (its insert is prepared again, without it).
 */
async function indexWriteCost(dir: string): Promise<void> {
  const pairs = Number(values['index-pairs']);
  if (!(pairs > 0)) return;
  const template = join(dir, 'index-template.db');
  const seeding = performance.now();
  createSqliteStore({ path: template }).close();
  seedSqlite(template, Number(values['index-hazards']), 1);
  // A generated city's inspections (pack, source and body as recorded), the last ones held back to be recorded.
  const wanted = Number(values['index-inspections']);
  const held = Number(values['index-records']);
  const city = generateCity({ seed: 'bench-store', enterprises: Math.max(10, Math.ceil((wanted + held) / 100)) });
  const records: InspectionRecord[] = [];
  for (const chunk of city.chunks()) records.push(...chunk.inspections);
  const fresh = records.splice(Math.max(0, records.length - held));
  const loader = createSqliteBulkLoader({ path: template });
  for (let i = 0; i < records.length; i += 10_000) loader.writeInspections(records.slice(i, i + 10_000));
  loader.close();
  createSqliteInspectionLog({ path: template }).close(); // its indexes, as a file of this release has them
  console.log(
    `
(2c: template file with ${Number(values['index-hazards']).toLocaleString('en-US')} hazards and ${records.length.toLocaleString('en-US')} inspections in ${((performance.now() - seeding) / 1000).toFixed(1)} s)`,
  );
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let copy = 0;
  const hasIndex = (path: string, index: string) => {
    const db = new Database(path, { readonly: true });
    const found = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?").get(index) !== undefined;
    db.close();
    return found;
  };
  const onCopy = async <T>(fn: (path: string) => Promise<T>): Promise<T> => {
    const path = join(dir, `index-${copy++}.db`);
    copyFileSync(template, path);
    try {
      return await fn(path);
    } finally {
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    }
  };
  const dropIndex = (path: string, index: string) => {
    const db = new Database(path);
    db.exec(`DROP INDEX ${index}`);
    db.close();
  };
  const appends = (withIndex: boolean) =>
    onCopy(async (path): Promise<WriteCost> => {
      if (!withIndex) dropIndex(path, 'hazards_domain_counts');
      const store = createSqliteStore({ path });
      const c0 = cpu();
      const t = await transitions(store, Math.ceil(perClient / 2));
      const cpuMs = cpu() - c0;
      store.close();
      if (hasIndex(path, 'hazards_domain_counts') !== withIndex) throw new Error('hazards_domain_counts: not as asked');
      return { perSecond: t.transitions / t.seconds, cpuMs: cpuMs / t.transitions };
    });
  const inspections = (withIndex: boolean, perTransaction: number) =>
    onCopy(async (path): Promise<WriteCost> => {
      // Both open first: each builds the index when it is missing.
      const log = createSqliteInspectionLog({ path });
      const bulk = createSqliteBulkLoader({ path });
      if (!withIndex) dropIndex(path, 'inspection_log_pack_recorded');
      const c0 = cpu();
      const start = performance.now();
      if (perTransaction === 1) {
        for (const r of fresh) if (!(await log.recordInspection(r))) throw new Error(`${r.id} was already recorded`);
      } else {
        for (let i = 0; i < fresh.length; i += perTransaction) bulk.writeInspections(fresh.slice(i, i + perTransaction));
      }
      const seconds = (performance.now() - start) / 1000;
      const cpuMs = cpu() - c0;
      bulk.close();
      log.close();
      if (hasIndex(path, 'inspection_log_pack_recorded') !== withIndex) throw new Error('inspection_log_pack_recorded: not as asked');
      return { perSecond: fresh.length / seconds, cpuMs: cpuMs / fresh.length };
    });
  const ab = async (name: string, fn: (withIndex: boolean) => Promise<WriteCost>) => {
    const runs: Array<{ with: WriteCost; without: WriteCost }> = [];
    for (let pair = 0; pair < pairs; pair++) {
      const got = new Map<boolean, WriteCost>();
      for (const withIndex of pair % 2 === 0 ? [true, false] : [false, true]) got.set(withIndex, await fn(withIndex));
      runs.push({ with: got.get(true)!, without: got.get(false)! });
    }
    const rate = median(runs.map((r) => r.with.perSecond / r.without.perSecond));
    const cpuRatio = median(runs.map((r) => r.with.cpuMs / r.without.cpuMs));
    console.log(
      `  ${name} (${pairs} pairs; load ${loadavg()[0]!.toFixed(2)}): with vs without ${runs.map((r) => `${Math.round(r.with.perSecond)} vs ${Math.round(r.without.perSecond)}/s`).join(', ')}; rate with ÷ without median ${rate.toFixed(2)}; CPU per write ${median(runs.map((r) => r.with.cpuMs)).toFixed(3)} vs ${median(runs.map((r) => r.without.cpuMs)).toFixed(3)} ms, with ÷ without median ${cpuRatio.toFixed(2)}`,
    );
  };
  console.log('  schema 16 indexes, write cost (same run, copies of one seeded file):');
  await ab(`transitions with hazards_domain_counts (${clients} × ${Math.ceil(perClient / 2)} hazards × 5)`, appends);
  await ab(`recordInspection, one per transaction, with inspection_log_pack_recorded (${fresh.length} records)`, (w) => inspections(w, 1));
  await ab(`inspections 500 per transaction (bulk loader) with inspection_log_pack_recorded (${fresh.length} records)`, (w) => inspections(w, 500));
  rmSync(template, { force: true });
}

function print(name: string, t: Throughput, groups: Groups, limit: number, limitNote: string, lat: Array<[string, number, number]>, events: number) {
  const rate = t.transitions / t.seconds;
  console.log(`\n${name}`);
  console.log(`  near limit: ${Math.round(limit)} one-row durable transactions/s (${limitNote})`);
  console.log(
    `  transitions: ${t.transitions} in ${t.seconds.toFixed(1)} s with ${clients} concurrent clients = ${Math.round(rate)} transitions/s; load average ${t.load[0].toFixed(2)} → ${t.load[1].toFixed(2)}`,
  );
  console.log(`  ratio store ÷ near limit: ${(rate / limit).toFixed(2)}`);
  console.log(`  group commit: ${groups.summary()}`);
  if (lat.length === 0) return;
  console.log(`  query latency with ${events.toLocaleString('en-US')} events, page of 50, ${querySamples} samples per query (p50 / p99 ms):`);
  for (const [q, p50, p99] of lat) console.log(`    ${q.padEnd(42)} ${p50.toFixed(2).padStart(7)} / ${p99.toFixed(2).padStart(7)}`);
}

async function main() {
  const hazards = Math.ceil(totalEvents / 5);
  console.log(
    `node ${process.version}; ${clients} clients × ${perClient} hazards × 5 transitions; ${hazards} hazards / ${hazards * 5} events for queries; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (values['index-only']) {
    const dir = mkdtempSync(join(tmpdir(), 'anjian-bench-'));
    try {
      console.log('\nSQLite (WAL, synchronous=FULL, one process)');
      await indexWriteCost(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  if (values.only !== 'postgres') {
    const dir = mkdtempSync(join(tmpdir(), 'anjian-bench-'));
    try {
      const path = join(dir, 'bench.db');
      const groups = new Groups();
      const store = createSqliteStore({ path, onGroupCommit: groups.hook });
      const limit = sqliteLimit(path, 1);
      const limit16 = sqliteLimit(path, 16);
      const t = await transitions(store);
      store.close();
      // Same run, fresh files: checkpoint every 1 000 pages (SQLite's default) vs the store's
      // default, in pairs of alternating order; each pair's ratio, and their median.
      const checkpointPairs: Array<[number, number]> = [];
      for (let pair = 0; pair < 4; pair++) {
        const rates = new Map<number, number>();
        for (const every of pair % 2 === 0 ? [1000, 4000] : [4000, 1000]) {
          const abPath = join(dir, `ab-${pair}-${every}.db`);
          const abStore = createSqliteStore({ path: abPath, walAutocheckpoint: every });
          const r = await transitions(abStore, Math.ceil(perClient / 2));
          abStore.close();
          for (const suffix of ['', '-wal', '-shm']) rmSync(abPath + suffix, { force: true });
          rates.set(every, r.transitions / r.seconds);
        }
        checkpointPairs.push([rates.get(1000)!, rates.get(4000)!]);
      }
      await indexWriteCost(dir);
      const savepointFile = sqliteLimit(path, 16, 'file');
      const savepointMemory = sqliteLimit(path, 16, 'memory');
      const plain16 = sqliteLimit(path, 16);
      if (hazards > 0) {
        const seeding = performance.now();
        seedSqlite(path, hazards, 5);
        console.log(`\n(SQLite seeded with ${hazards * 5} events in ${((performance.now() - seeding) / 1000).toFixed(1)} s)`);
      }
      const seeded = createSqliteStore({ path });
      print(
        'SQLite (WAL, synchronous=FULL, one process)',
        t,
        groups,
        limit,
        `same file, one connection; ${Math.round(limit16)} rows/s at 16 rows per transaction`,
        hazards > 0 ? await latency(seeded) : [],
        hazards * 5 + t.transitions,
      );
      const pairRatios = checkpointPairs.map(([a, b]) => b / a).sort((x, y) => x - y);
      console.log(
        `  checkpoint every 1 000 vs 4 000 WAL pages (4 pairs, alternating order, fresh files, ${clients} × ${Math.ceil(perClient / 2)} hazards; load ${loadavg()[0]!.toFixed(2)}): ${checkpointPairs.map(([a, b]) => `${Math.round(a)} vs ${Math.round(b)}/s`).join(', ')}; ratio 4 000 ÷ 1 000 median ${((pairRatios[1]! + pairRatios[2]!) / 2).toFixed(2)} (${pairRatios.map((r) => r.toFixed(2)).join(' ')})`,
      );
      console.log(
        `  16 rows per transaction (200-byte rows, after the transitions; load ${loadavg()[0]!.toFixed(2)}): plain ${Math.round(plain16)} rows/s; a savepoint per row ${Math.round(savepointMemory)} rows/s with temp_store=MEMORY, ${Math.round(savepointFile)} with temp_store=FILE`,
      );
      seeded.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (values.only !== 'sqlite') {
    const schema = `anjian_bench_${process.pid}`;
    const pool = new pg.Pool({ connectionString: pgUrl, max: clients + 4, application_name: schema });
    try {
      const groups = new Groups();
      const store = createPostgresStore({ pool, schema, onGroupCommit: groups.hook, groupsInFlight: Number(values['groups-in-flight']) });
      await store.migrate();
      const limit = await postgresLimit(pool, schema);
      const [node0, backends0] = [process.cpuUsage(), await backendCpuMs(pool, schema)];
      const t = await transitions(store);
      const [node, backends] = [process.cpuUsage(node0), await backendCpuMs(pool, schema)];
      if (hazards > 0) {
        const seeding = performance.now();
        await seedPostgres(pool, `${schema}`, hazards, 5);
        console.log(`\n(PostgreSQL seeded with ${hazards * 5} events in ${((performance.now() - seeding) / 1000).toFixed(1)} s)`);
      }
      const lat = hazards > 0 ? await latency(store) : [];
      print(`PostgreSQL (${pgUrl.replace(/\/\/[^@]*@/, '//')})`, t, groups, limit, `same database, ${clients} connections, autocommit INSERT`, lat, hazards * 5 + t.transitions);
      const backendMs = [...backends].reduce((sum, [pid, ms]) => sum + ms - (backends0.get(pid) ?? 0), 0);
      console.log(
        `  CPU per transition (the load does not inflate it much): bench process ${((node.user + node.system) / 1e3 / t.transitions).toFixed(3)} ms, PostgreSQL backends ${backends.size > 0 ? `${(backendMs / t.transitions).toFixed(3)} ms` : 'n/a (server not on this machine)'}`,
      );
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
