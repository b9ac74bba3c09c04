// `pnpm bench:store`: the stores under load.
//  1. Transitions per second through the real command path (load → decide → hash → append
//     with outbox) with 16 concurrent clients, on SQLite (a WAL file, synchronous=FULL) and
//     on PostgreSQL (127.0.0.1:5432).
//  2. Dashboard and work-queue query latency with 1 000 000 events (200 000 hazards) in the
//     store, seeded in bulk with SQL (seeding through the chain would take too long; the
//     queries read only the list rows and their indexes).
// Options: --clients 16 --hazards 100 (per client) --events 1000000 --only sqlite|postgres
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createMemoryEvidenceStore, createStaticDirectory, handleCommand, systemClock, type ChainCommand, type EvidenceKind, type EvidenceRef, type HazardFilter, type Store } from '@anjian/core';
import { TEST_ACTORS, TEST_CALENDAR_2026, reportCommand } from '@anjian/core/testing';
import { createPostgresStore } from '@anjian/store-postgres';
import { createSqliteStore } from '@anjian/store-sqlite';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '16' },
    hazards: { type: 'string', default: '60' },
    events: { type: 'string', default: '1000000' },
    only: { type: 'string' },
  },
});
const clients = Number(values.clients);
const perClient = Number(values.hazards);
const totalEvents = Number(values.events);
const pgUrl = process.env.ANJIAN_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function transitions(store: Store): Promise<{ transitions: number; seconds: number }> {
  const evidence = createMemoryEvidenceStore();
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
  const client = async (c: number) => {
    for (let n = 0; n < perClient; n++) {
      const hazardId = `B${c}-${n}-${Date.now().toString(36)}`;
      await run(reportCommand(hazardId, { commandId: `${hazardId}:r` }), 'grid-g1');
      await run({ type: 'issue_notice', commandId: `${hazardId}:n`, hazardId }, 'grid-g1');
      // Photos are received after the notice: wait for the clock to move on without yielding,
      // so the 16 clients stay in step and the stores can group their commits.
      const noticeAt = Date.now();
      while (Date.now() <= noticeAt) { /* at most 1 ms */ }
      const photos = [await upload(hazardId, 'photo_before', 1), await upload(hazardId, 'photo_after', 1), await upload(hazardId, 'photo_after', 2)];
      await run({ type: 'submit_rectification', commandId: `${hazardId}:s`, hazardId, evidence: photos }, 'owner-e1');
      await run({ type: 'verify', commandId: `${hazardId}:v`, hazardId }, 'grid-g1');
      await run({ type: 'close', commandId: `${hazardId}:c`, hazardId }, 'grid-g1');
    }
  };
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  return { transitions: count, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
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
  ['enforcement queue: major in district', { area: 'D4', level: 'major', status: ['escalated', 'case_filed', 'submitted'] }],
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
    for (let i = 0; i < 100; i++) {
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
  const insertHazard = db.prepare(`INSERT INTO hazards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
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

function print(name: string, t: { transitions: number; seconds: number }, lat: Array<[string, number, number]>, events: number) {
  console.log(`\n${name}`);
  console.log(`  transitions: ${t.transitions} in ${t.seconds.toFixed(1)} s with ${clients} concurrent clients = ${Math.round(t.transitions / t.seconds)} transitions/s`);
  console.log(`  query latency with ${events.toLocaleString('en-US')} events, page of 50 (p50 / p99 ms):`);
  for (const [q, p50, p99] of lat) console.log(`    ${q.padEnd(42)} ${p50.toFixed(2).padStart(7)} / ${p99.toFixed(2).padStart(7)}`);
}

async function main() {
  const hazards = Math.ceil(totalEvents / 5);
  console.log(`node ${process.version}; ${clients} clients × ${perClient} hazards × 5 transitions; ${hazards} hazards / ${hazards * 5} events for queries`);
  if (values.only !== 'postgres') {
    const dir = mkdtempSync(join(tmpdir(), 'anjian-bench-'));
    try {
      const path = join(dir, 'bench.db');
      const store = createSqliteStore({ path });
      const t = await transitions(store);
      store.close();
      seedSqlite(path, hazards, 5);
      const seeded = createSqliteStore({ path });
      print('SQLite (WAL, synchronous=FULL, one process)', t, await latency(seeded), hazards * 5 + t.transitions);
      seeded.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (values.only !== 'sqlite') {
    const pool = new pg.Pool({ connectionString: pgUrl, max: clients + 4 });
    const schema = `anjian_bench_${process.pid}`;
    try {
      const store = createPostgresStore({ pool, schema });
      await store.migrate();
      const t = await transitions(store);
      await seedPostgres(pool, `${schema}`, hazards, 5);
      print(`PostgreSQL (${pgUrl.replace(/\/\/[^@]*@/, '//')})`, t, await latency(store), hazards * 5 + t.transitions);
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
