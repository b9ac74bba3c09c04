// `pnpm bench:pg-events-id`: what PostgreSQL migration 11 (events without UNIQUE (id), a CHECK
// that the id is <hazard_id>/<version> instead) saves an append, and what the migration costs.
// Pairs of fresh schemas at version 10 seeded with the same log (hazard ids spread like the
// chain's derived ids, 5 events each, 600-byte bodies), alternating which goes first: the old
// side stays at version 10, the new side is migrated (timed). Then, after a CHECKPOINT (each
// side pays its own full-page images), the same appends through the store in groups of 16:
// wall, CPU of this process and of the store's server backends (/proc/<pid>/stat), WAL bytes
// of the schema's relations (pg_waldump over the run, so other sessions' WAL is not counted,
// whatever else the server does), and index sizes. Ratios new ÷ old per pair, and medians.
// Needs read access to the server's pg_wal (run as root or postgres on the database host).
// Options: --events 1000000 --appends 3200 --pairs 4 --pg postgres://postgres@127.0.0.1:5432/test
//          --waldump /usr/lib/postgresql/15/bin/pg_waldump
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createPostgresStore, PG_MIGRATIONS } from '@anjian/store-postgres';
import { appendInput } from '../test-utils/store-fixtures.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    appends: { type: 'string', default: '3200' },
    pairs: { type: 'string', default: '4' },
    pg: { type: 'string', default: process.env.ANJIAN_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
    waldump: { type: 'string', default: '/usr/lib/postgresql/15/bin/pg_waldump' },
  },
});
const EVENTS = Number(values.events);
const APPENDS = Number(values.appends);
const PAIRS = Number(values.pairs);
const GROUP = 16;
const BEFORE = 10; // the previous release's schema version

const admin = new pg.Pool({ connectionString: values.pg, max: 2 });
let walDir = '';

async function seed(schema: string): Promise<void> {
  const s = `"${schema}"`;
  await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await admin.query(`CREATE SCHEMA ${s}`);
  await admin.query(`CREATE TABLE ${s}.schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  for (const [i, sql] of PG_MIGRATIONS.slice(0, BEFORE).entries()) {
    await admin.query(sql.replaceAll('{schema}', s));
    await admin.query(`INSERT INTO ${s}.schema_migrations (version) VALUES ($1)`, [i + 1]);
  }
  await admin.query(
    `INSERT INTO ${s}.events (seq, hazard_id, version, id, type, command_id, recorded_at, body)
     SELECT i + 1, h, v, h || '/' || v, 'reported', 'cmd-' || i, '2026-01-01T00:00:00.000Z', repeat('x', 600)
     FROM (SELECT i, 'hz-' || substr(md5((i / 5)::text), 1, 24) AS h, (i % 5) + 1 AS v FROM generate_series(0, $1::int - 1) i) g`,
    [EVENTS],
  );
  await admin.query(`UPDATE ${s}.log_head SET seq = $1`, [EVENTS]);
  await admin.query(`VACUUM ANALYZE ${s}.events`);
}

const indexSizes = async (schema: string) =>
  Object.fromEntries(
    (
      await admin.query(
        `SELECT c.relname, pg_relation_size(c.oid)::bigint AS b FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = $1 AND t.relname = 'events'`,
        [schema],
      )
    ).rows.map((r: { relname: string; b: string }) => [r.relname, Number(r.b)]),
  ) as Record<string, number>;

/** CPU seconds (user + system) of the server backends with this application name. */
async function backendCpu(app: string): Promise<number> {
  const tick = 100; // USER_HZ on Linux
  const pids = (await admin.query('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [app])).rows.map((r: { pid: number }) => r.pid);
  let total = 0;
  for (const pid of pids) {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    total += (Number(fields[11]) + Number(fields[12])) / tick;
  }
  return total;
}

/** WAL bytes between two LSNs whose first block is one of `relfilenodes`, in all and per relation. */
async function walBytes(from: string, to: string, relfilenodes: Map<number, string>): Promise<{ total: number; byRel: Record<string, number> }> {
  const child = spawn(values.waldump!, ['-p', walDir, '-s', from, '-e', to], { stdio: ['ignore', 'pipe', 'ignore'] });
  const byRel: Record<string, number> = {};
  let total = 0;
  for await (const line of createInterface({ input: child.stdout })) {
    const len = /len \(rec\/tot\):\s*\d+\/\s*(\d+)/.exec(line);
    const rel = /blkref #\d+: rel \d+\/\d+\/(\d+)/.exec(line);
    if (!len || !rel) continue;
    const name = relfilenodes.get(Number(rel[1]));
    if (name === undefined) continue;
    total += Number(len[1]);
    byRel[name] = (byRel[name] ?? 0) + Number(len[1]);
  }
  return { total, byRel };
}

// Random ids like the chain's derived ones (hz- and 24 hex digits of a hash), so each append lands on another leaf.
const hid = (n: number) => `hz-${createHash('sha256').update(String(n)).digest('hex').slice(0, 24)}`;

async function run(side: 'old' | 'new', pair: number) {
  const schema = `bench_evid_${process.pid}_${pair}_${side}`;
  await seed(schema);
  let migrateMs = 0;
  const app = `bench-evid-${process.pid}-${pair}-${side}`;
  const pool = new pg.Pool({ connectionString: values.pg, max: 6, application_name: app });
  const store = createPostgresStore({ pool, schema });
  if (side === 'new') {
    const t = performance.now();
    await store.migrate();
    migrateMs = performance.now() - t;
  }
  const before = await indexSizes(schema);
  // Warm up: connections opened, statements prepared, on hazards of their own.
  await Promise.all(Array.from({ length: GROUP * 2 }, (_, k) => store.append(appendInput(hid(9e8 + k), 0, `warm-${k}`))));
  const relfilenodes = new Map<number, string>(
    (await admin.query(`SELECT pg_relation_filenode(c.oid) AS f, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1`, [schema])).rows
      .filter((r: { f: number | null }) => r.f !== null)
      .map((r: { f: number; relname: string }) => [Number(r.f), r.relname]),
  );
  await admin.query('CHECKPOINT');
  const lsn0 = String((await admin.query('SELECT pg_current_wal_insert_lsn() AS l')).rows[0].l);
  const server0 = await backendCpu(app);
  const cpu = process.cpuUsage();
  const t = performance.now();
  for (let i = 0; i < APPENDS; i += GROUP) {
    await Promise.all(Array.from({ length: GROUP }, (_, k) => store.append(appendInput(hid(1e6 * (pair + 1) + i + k), 0, `n-${i + k}`))));
  }
  const wallMs = performance.now() - t;
  const u = process.cpuUsage(cpu);
  const serverS = (await backendCpu(app)) - server0;
  const lsn1 = String((await admin.query('SELECT pg_current_wal_insert_lsn() AS l')).rows[0].l);
  const wal = await walBytes(lsn0, lsn1, relfilenodes);
  const after = await indexSizes(schema);
  await pool.end();
  await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
  return {
    wallMs,
    migrateMs,
    nodeUs: (u.user + u.system) / APPENDS,
    serverUs: (serverS * 1e6) / APPENDS,
    walKB: wal.total / APPENDS / 1024,
    idWalKB: (wal.byRel.events_id_key ?? 0) / APPENDS / 1024,
    before,
    after,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (b: number | undefined) => (b === undefined ? '—' : `${(b / 2 ** 20).toFixed(1)} MB`);

async function main(): Promise<void> {
  walDir = join(String((await admin.query('SHOW data_directory')).rows[0].data_directory), 'pg_wal');
  console.log(`bench:pg-events-id — ${EVENTS} events seeded, ${APPENDS} appends in groups of ${GROUP}, ${PAIRS} pairs; load ${loadavg()[0]!.toFixed(2)}`);
  const ratios = { wall: [] as number[], node: [] as number[], server: [] as number[], wal: [] as number[] };
  for (let p = 0; p < PAIRS; p++) {
    const order: Array<'old' | 'new'> = p % 2 === 0 ? ['old', 'new'] : ['new', 'old'];
    const r = {} as Record<'old' | 'new', Awaited<ReturnType<typeof run>>>;
    for (const side of order) r[side] = await run(side, p);
    const line = (k: 'old' | 'new') =>
      `${k} ${r[k].wallMs.toFixed(0)} ms, ${(APPENDS / (r[k].wallMs / 1000)).toFixed(0)} appends/s, CPU node ${r[k].nodeUs.toFixed(0)} µs server ${r[k].serverUs.toFixed(0)} µs, WAL ${r[k].walKB.toFixed(2)} KB (id index ${r[k].idWalKB.toFixed(2)}) per append`;
    ratios.wall.push(r.new.wallMs / r.old.wallMs);
    ratios.node.push(r.new.nodeUs / r.old.nodeUs);
    ratios.server.push(r.new.serverUs / r.old.serverUs);
    ratios.wal.push(r.new.walKB / r.old.walKB);
    console.log(`pair ${p + 1} (${order.join(' first, ')} second):\n  ${line('old')}\n  ${line('new')}`);
    console.log(
      `  new ÷ old: wall ${ratios.wall.at(-1)!.toFixed(2)}, CPU node ${ratios.node.at(-1)!.toFixed(2)} server ${ratios.server.at(-1)!.toFixed(2)}, WAL ${ratios.wal.at(-1)!.toFixed(2)}; migration 11 on ${EVENTS} events ${r.new.migrateMs.toFixed(0)} ms`,
    );
    if (p === 0) {
      console.log(
        `  events indexes at ${EVENTS} events (old side): ${Object.entries(r.old.before)
          .map(([k, v]) => `${k} ${mb(v)}`)
          .join(', ')}; after the run: ${Object.entries(r.old.after)
          .map(([k, v]) => `${k} ${mb(v)}`)
          .join(', ')}`,
      );
      console.log(
        `  new side after migration: ${Object.entries(r.new.before)
          .map(([k, v]) => `${k} ${mb(v)}`)
          .join(', ')}`,
      );
    }
  }
  const f = (xs: number[]) => `${median(xs).toFixed(2)} (${xs.map((x) => x.toFixed(2)).join(', ')})`;
  console.log(`median new ÷ old: wall ${f(ratios.wall)}; CPU node ${f(ratios.node)}; CPU server ${f(ratios.server)}; WAL ${f(ratios.wal)}`);
  console.log(`load ${loadavg()[0]!.toFixed(2)}`);
  await admin.end();
}
void main();
