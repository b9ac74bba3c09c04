// `pnpm bench:inspection-cutoff`: how the inspection log's `recordedBefore` cutoff reads at a
// county city's scale, through three indexes in the same run:
//   seq       (enterprise_id, seq)              — the index the log had: each row recorded
//                                                 after the cutoff is stepped past with a read
//                                                 of its table row (recorded_at is not in it);
//   seq+time  (enterprise_id, seq, recorded_at) — the same order, the cutoff checked in the index;
//   time      (enterprise_id, recorded_at)      — a record-time index: the rows before the
//                                                 cutoff, then sorted by seq.
// Seeded with `generateCity` (default 35 000 enterprises × 100 inspections: ~3.5 M grid
// visits in a year), written in recording order across the city (the generator yields one
// enterprise at a time; a staging table sorted by recorded_at puts each enterprise's rows
// where a year of real traffic would, one here and one there), into a SQLite file and a
// PostgreSQL schema. Each variant runs the store's own query text (SQLite: `INDEXED BY`;
// PostgreSQL: the other indexes dropped inside a transaction that is rolled back), over the
// same sampled enterprises, alternating the variants' order each round; printed: ms per
// query (median of the rounds) and the ratio to the `seq` index, and PostgreSQL's shared
// buffers per query. --db / --schema keep the seeded data for the next run (reused if there).
// PostgreSQL's times are the server's execution times (EXPLAIN ANALYZE, TIMING OFF) unless
// --pg-timing client (wall time at the client, round trips included).
// Options: --enterprises 35000 --years 1 --sample 400 --rounds 5 --stores sqlite,postgres
//          --db <file> --schema <name> --pg postgres://postgres@127.0.0.1:5432/test
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type Database from 'better-sqlite3';
import pg from 'pg';
import { createPostgresInspectionLog } from '@anjian/store-postgres';
import { openSeededSqlite, sampleEnterpriseIds, seedPostgresIfEmpty, type CitySeed } from './seed-inspection-log.js';

const { values } = parseArgs({
  options: {
    enterprises: { type: 'string', default: '35000' },
    years: { type: 'string', default: '1' },
    sample: { type: 'string', default: '400' },
    rounds: { type: 'string', default: '5' },
    stores: { type: 'string', default: 'sqlite,postgres' },
    'pg-timing': { type: 'string', default: 'server' },
    db: { type: 'string' },
    schema: { type: 'string' },
    pg: { type: 'string', default: process.env.ANJIAN_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const ENTERPRISES = Number(values.enterprises);
const YEARS = Number(values.years);
const SAMPLE = Number(values.sample);
const ROUNDS = Number(values.rounds);
const LAST_YEAR = 2026;
const CITY: CitySeed = { seed: 'cutoff', enterprises: ENTERPRISES, years: YEARS, lastYear: LAST_YEAR };

const VARIANTS = {
  seq: { name: 'bench_enterprise_seq', columns: '(enterprise_id, seq)' },
  'seq+time': { name: 'bench_enterprise_seq_time', columns: '(enterprise_id, seq, recorded_at)' },
  time: { name: 'bench_enterprise_time', columns: '(enterprise_id, recorded_at)' },
} as const;
type Variant = keyof typeof VARIANTS;

// The reads: a round's coverage (pages of 500 up to the instant after its last day, as
// collectRoundCoverage read before it had a lower bound — round-window.ts measures that) for a
// first-quarter and a November round, read on 1 December;
// a page of 20 before the first quarter's end; a page of 20 with no cutoff.
const cst = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString();
const SCENARIOS = [
  { label: 'Q1 round, pages of 500', limit: 500, before: cst(`${LAST_YEAR}-04-01`) },
  { label: 'November round, pages of 500', limit: 500, before: cst(`${LAST_YEAR}-12-01`) },
  { label: 'page of 20 before Q1 end', limit: 20, before: cst(`${LAST_YEAR}-04-01`) },
  { label: 'page of 20 before 1 July', limit: 20, before: cst(`${LAST_YEAR}-07-01`) },
  { label: 'page of 20, no cutoff', limit: 20, before: null },
] as const;

const n = (x: number) => x.toLocaleString('en-US');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// The stores' list query, word for word (SQLite with the variant's index named).
const sqliteText = (v: Variant) =>
  `SELECT body FROM inspection_log INDEXED BY ${VARIANTS[v].name} WHERE enterprise_id = @enterpriseId AND (@before IS NULL OR seq < (SELECT seq FROM inspection_log WHERE id = @before)) AND (@recordedBefore IS NULL OR recorded_at < @recordedBefore) ORDER BY seq DESC LIMIT @limit`;
/** The query with its parameters as literals (EXPLAIN takes no parameters; ids and instants here hold no quote). */
const literalOf = (text: string, enterpriseId: string, before: string | null, cutoff: string | null, limit: number) =>
  text
    .replaceAll('$1', `'${enterpriseId}'`)
    .replaceAll('$2', before === null ? 'NULL' : `'${before}'`)
    .replaceAll('$3', cutoff === null ? 'NULL' : `'${cutoff}'`)
    .replaceAll('$4', String(limit));
const pgText = (t: string) =>
  `SELECT body FROM ${t} WHERE enterprise_id = $1 AND ($2::text IS NULL OR seq < (SELECT seq FROM ${t} WHERE id = $2)) AND ($3::text IS NULL OR recorded_at < $3) ORDER BY seq DESC LIMIT $4`;

function timeRounds(run: (variant: Variant, scenario: (typeof SCENARIOS)[number]) => Promise<number> | number) {
  return async () => {
    const ms: Record<string, number[]> = {};
    const order = Object.keys(VARIANTS) as Variant[];
    for (let r = 0; r < ROUNDS; r++) {
      const round = r % 2 === 0 ? order : [...order].reverse();
      for (const scenario of SCENARIOS) {
        for (const variant of round) (ms[`${variant}|${scenario.label}`] ??= []).push(await run(variant, scenario));
      }
    }
    for (const scenario of SCENARIOS) {
      const ref = median(ms[`seq|${scenario.label}`]!);
      console.log(
        `  ${scenario.label.padEnd(30)} ${(Object.keys(VARIANTS) as Variant[])
          .map((v) => {
            const m = median(ms[`${v}|${scenario.label}`]!);
            return `${v} ${((m * 1000) / SAMPLE).toFixed(0)} µs (${(m / ref).toFixed(2)})`;
          })
          .join('   ')}`,
      );
    }
  };
}

async function sqlite(): Promise<void> {
  const dir = values.db ? null : mkdtempSync(join(tmpdir(), 'anjian-cutoff-'));
  const path = values.db ?? join(dir!, 'cutoff.db');
  // The log's own schema, as the store creates it (on a file seeded by an earlier release:
  // its upgrade, timed).
  const { db, openMs } = openSeededSqlite(path, CITY);
  console.log(`  the log opened in ${openMs.toFixed(0)} ms`);
  for (const v of Object.values(VARIANTS)) db.exec(`CREATE INDEX IF NOT EXISTS ${v.name} ON inspection_log ${v.columns}`);
  db.exec('ANALYZE');
  const count = db.prepare('SELECT count(*) FROM inspection_log').pluck().get() as number;
  const sizes = db.prepare("SELECT name, sum(pgsize) AS b FROM dbstat WHERE name LIKE 'inspection_log%' OR name LIKE 'bench_%' GROUP BY name").all() as Array<{ name: string; b: number }>;
  console.log(`  ${n(count)} inspections, file ${(statSync(path).size / 2 ** 20).toFixed(0)} MB; ${sizes.map((s) => `${s.name} ${(s.b / 2 ** 20).toFixed(0)} MB`).join(', ')}`);
  const statements = Object.fromEntries((Object.keys(VARIANTS) as Variant[]).map((v) => [v, db.prepare(sqliteText(v)).pluck()])) as Record<Variant, Database.Statement>;
  const ids = sampleEnterpriseIds(ENTERPRISES, SAMPLE);
  await timeRounds((variant, scenario) => {
    const t = performance.now();
    for (const enterpriseId of ids) {
      let before: string | null = null;
      for (;;) {
        const page = statements[variant].all({ enterpriseId, before, recordedBefore: scenario.before, limit: scenario.limit }) as string[];
        const records = page.map((b) => JSON.parse(b) as { id: string });
        if (scenario.limit === 20 || page.length < scenario.limit) break;
        before = records[records.length - 1]!.id;
      }
    }
    return performance.now() - t;
  })();
  db.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}

async function postgres(): Promise<void> {
  const pool = new pg.Pool({ connectionString: values.pg, max: 2 });
  const schema = values.schema ?? `bench_cutoff_${process.pid}`;
  const s = `"${schema}"`;
  const log = createPostgresInspectionLog({ pool, schema });
  const migrated = performance.now();
  await log.migrate();
  console.log(`  the log's migrate() took ${(performance.now() - migrated).toFixed(0)} ms`);
  const t = `${s}.inspection_log`;
  await seedPostgresIfEmpty(pool, schema, CITY);
  for (const v of Object.values(VARIANTS)) await pool.query(`CREATE INDEX IF NOT EXISTS ${v.name} ON ${t} ${v.columns}`);
  await pool.query(`VACUUM ANALYZE ${t}`);
  const sizes = (
    await pool.query(`SELECT c.relname, pg_relation_size(c.oid) AS b FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace WHERE ns.nspname = $1 ORDER BY c.relname`, [schema])
  ).rows.map((r: { relname: string; b: string }) => `${r.relname} ${(Number(r.b) / 2 ** 20).toFixed(0)} MB`);
  console.log(`  ${n(Number((await pool.query(`SELECT count(*) AS c FROM ${t}`)).rows[0].c))} inspections; ${sizes.join(', ')}`);
  // Unnamed statements, as the log sends them: planned for each call's parameters.
  const text = pgText(t);
  const ids = sampleEnterpriseIds(ENTERPRISES, SAMPLE);
  const client = await pool.connect();
  const buffers: Record<string, number> = {};
  await timeRounds(async (variant, scenario) => {
    await client.query('BEGIN');
    // Every index of the table but the variant's and the unique ones (the store's own included).
    const others = await client.query(
      `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE i.indrelid = '${t}'::regclass AND NOT i.indisunique AND c.relname <> '${VARIANTS[variant].name}'`,
    );
    for (const r of others.rows as Array<{ name: string }>) await client.query(`DROP INDEX ${r.name}`);
    const key = `${variant}|${scenario.label}`;
    if (buffers[key] === undefined) {
      const literal = literalOf(text, ids[0]!, null, scenario.before, scenario.limit);
      const explain = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${literal}`);
      const plan = (explain.rows[0] as { 'QUERY PLAN': Array<{ Plan: { 'Shared Hit Blocks': number; 'Shared Read Blocks': number } }> })['QUERY PLAN'][0]!.Plan;
      buffers[key] = plan['Shared Hit Blocks'] + plan['Shared Read Blocks'];
    }
    const t0 = performance.now();
    let server = 0;
    for (const enterpriseId of ids) {
      let before: string | null = null;
      for (;;) {
        let page: Array<{ body: { id: string } }>;
        if (values['pg-timing'] === 'server') {
          // The server's execution time of the same query (no round trip, no client), and its rows.
          const explain = await client.query(`EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${literalOf(text, enterpriseId, before, scenario.before, scenario.limit)}`);
          server += (explain.rows[0] as { 'QUERY PLAN': Array<{ 'Execution Time': number }> })['QUERY PLAN'][0]!['Execution Time'];
          if (scenario.limit === 20 || (explain.rows[0] as { 'QUERY PLAN': Array<{ Plan: { 'Actual Rows': number } }> })['QUERY PLAN'][0]!.Plan['Actual Rows'] < scenario.limit) break;
          page = (await client.query<{ body: { id: string } }>(text, [enterpriseId, before, scenario.before, scenario.limit])).rows;
        } else {
          page = (await client.query<{ body: { id: string } }>(text, [enterpriseId, before, scenario.before, scenario.limit])).rows;
          if (scenario.limit === 20 || page.length < scenario.limit) break;
        }
        before = page[page.length - 1]!.body.id;
      }
    }
    const ms = values['pg-timing'] === 'server' ? server : performance.now() - t0;
    await client.query('ROLLBACK');
    return ms;
  })();
  console.log(
    `  shared buffers for one enterprise's first page (${ids[0]}): ${SCENARIOS.map((sc) => `${sc.label}: ${(Object.keys(VARIANTS) as Variant[]).map((v) => `${v} ${buffers[`${v}|${sc.label}`]}`).join(' / ')}`).join('; ')}`,
  );
  client.release();
  if (!values.schema) await pool.query(`DROP SCHEMA ${s} CASCADE`);
  await pool.end();
}

async function main(): Promise<void> {
  console.log(`bench:inspection-cutoff — ${n(ENTERPRISES)} enterprises × ${YEARS} year(s), ${SAMPLE} sampled, ${ROUNDS} rounds; load ${loadavg()[0]!.toFixed(2)}`);
  console.log('  per enterprise, median of the rounds (ratio to the seq index, same run)');
  const stores = values.stores!.split(',');
  if (stores.includes('sqlite')) {
    console.log('== SQLite');
    await sqlite();
  }
  if (stores.includes('postgres')) {
    console.log('== PostgreSQL');
    await postgres();
  }
  console.log(`load ${loadavg()[0]!.toFixed(2)}`);
}
void main();
