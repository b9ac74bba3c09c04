// `pnpm bench:round-window`: what a round's coverage reads from the inspection log, through the
// store's own `listInspections`, by two readers in the same run over the same sampled enterprises:
//   cutoff  — the previous `collectRoundCoverage` loop: `recordedBefore` (the end of the
//             round's last day) only, pages of 500, stopping at a page whose last record is
//             before the round's first day — so the first page also carries up to 500 records
//             recorded before the round;
//   window  — the current loop: `recordedSince` (the start of its first day) and
//             `recordedBefore`, pages of 500 (the records of its days only).
// Seeded with `generateCity` (default 3 000 enterprises × 100 inspections a year × 2 years),
// written in recording order across the city (a staging table sorted by recorded_at), into a
// SQLite file and a PostgreSQL schema through the logs' own schema. Rounds read on 1 December
// of the last year; the readers alternate their order each round. Printed per enterprise:
// records handed out and ms (median of the rounds, wall time at the caller: query, transfer,
// JSON), and the ratio window / cutoff. --db / --schema keep the seeded data for the next run.
// Options: --enterprises 3000 --years 2 --sample 300 --rounds 5 --stores sqlite,postgres
//          --db <file> --schema <name> --pg postgres://postgres@127.0.0.1:5432/test
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { InspectionLog, InspectionRecord } from '@anjian/core/ports';
import { createPostgresInspectionLog } from '@anjian/store-postgres';
import { createSqliteInspectionLog } from '@anjian/store-sqlite';
import { openSeededSqlite, sampleEnterpriseIds, seedPostgresIfEmpty, type CitySeed } from './seed-inspection-log.js';

const { values } = parseArgs({
  options: {
    enterprises: { type: 'string', default: '3000' },
    years: { type: 'string', default: '2' },
    sample: { type: 'string', default: '300' },
    rounds: { type: 'string', default: '5' },
    stores: { type: 'string', default: 'sqlite,postgres' },
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
const CITY: CitySeed = { seed: 'window', enterprises: ENTERPRISES, years: YEARS, lastYear: LAST_YEAR };

const ROUND_DAYS = [
  { label: 'November round (30 days)', startsOn: `${LAST_YEAR}-11-01`, endsOn: `${LAST_YEAR}-11-30` },
  { label: 'Q1 round (90 days)', startsOn: `${LAST_YEAR}-01-01`, endsOn: `${LAST_YEAR}-03-31` },
  { label: 'year campaign (334 days)', startsOn: `${LAST_YEAR}-01-01`, endsOn: `${LAST_YEAR}-11-30` },
] as const;
type Round = (typeof ROUND_DAYS)[number];

const n = (x: number) => x.toLocaleString('en-US');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const chinaDay = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);
const dayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString();
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`) + 86_400_000).toISOString();

/** The two readers: each returns the records one enterprise's coverage reads. */
const READERS = {
  async cutoff(log: InspectionLog, enterpriseId: string, round: Round): Promise<InspectionRecord[]> {
    const out: InspectionRecord[] = [];
    const recordedBefore = dayAfter(round.endsOn);
    let before: string | undefined;
    for (;;) {
      const page = await log.listInspections({ enterpriseId, limit: 500, recordedBefore, ...(before === undefined ? {} : { before }) });
      out.push(...page);
      const last = page[page.length - 1];
      if (page.length < 500 || !last || chinaDay(last.recordedAt) < round.startsOn) break;
      before = last.id;
    }
    return out;
  },
  async window(log: InspectionLog, enterpriseId: string, round: Round): Promise<InspectionRecord[]> {
    const out: InspectionRecord[] = [];
    const recordedSince = dayStart(round.startsOn);
    const recordedBefore = dayAfter(round.endsOn);
    let before: string | undefined;
    for (;;) {
      const page = await log.listInspections({ enterpriseId, limit: 500, recordedSince, recordedBefore, ...(before === undefined ? {} : { before }) });
      out.push(...page);
      const last = page[page.length - 1];
      if (page.length < 500 || !last) break;
      before = last.id;
    }
    return out;
  },
};
type Reader = keyof typeof READERS;

async function compare(log: InspectionLog): Promise<void> {
  const ids = sampleEnterpriseIds(ENTERPRISES, SAMPLE);
  const ms: Record<string, number[]> = {};
  const rows: Record<string, number> = {};
  const order = Object.keys(READERS) as Reader[];
  for (let r = 0; r < ROUNDS; r++) {
    for (const round of ROUND_DAYS) {
      for (const reader of r % 2 === 0 ? order : [...order].reverse()) {
        const t = performance.now();
        let read = 0;
        const covered = new Set<string>();
        for (const id of ids) {
          for (const rec of await READERS[reader](log, id, round)) {
            read++;
            const day = chinaDay(rec.recordedAt);
            if (day >= round.startsOn && day <= round.endsOn) covered.add(rec.enterpriseId);
          }
        }
        (ms[`${reader}|${round.label}`] ??= []).push(performance.now() - t);
        rows[`${reader}|${round.label}`] = read;
        // Both readers find the same enterprises covered: the window leaves out nothing the round counts.
        const key = `covered|${round.label}`;
        if (rows[key] === undefined) rows[key] = covered.size;
        else if (rows[key] !== covered.size) throw new Error(`${reader} found ${covered.size} covered, the other ${rows[key]} (${round.label})`);
      }
    }
  }
  for (const round of ROUND_DAYS) {
    const [cut, win] = (['cutoff', 'window'] as const).map((reader) => median(ms[`${reader}|${round.label}`]!));
    const per = (reader: Reader) => (rows[`${reader}|${round.label}`]! / SAMPLE).toFixed(1);
    console.log(
      `  ${round.label.padEnd(26)} cutoff ${per('cutoff')} records ${((cut! * 1000) / SAMPLE).toFixed(0)} µs   window ${per('window')} records ${((win! * 1000) / SAMPLE).toFixed(0)} µs   (${(win! / cut!).toFixed(2)}; ${rows[`covered|${round.label}`]}/${SAMPLE} covered by both)`,
    );
  }
}

async function sqlite(): Promise<void> {
  const dir = values.db ? null : mkdtempSync(join(tmpdir(), 'anjian-window-'));
  const path = values.db ?? join(dir!, 'window.db');
  const { db } = openSeededSqlite(path, CITY);
  console.log(`  ${n(db.prepare('SELECT count(*) FROM inspection_log').pluck().get() as number)} inspections`);
  db.close();
  const log = createSqliteInspectionLog({ path });
  await compare(log);
  log.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}

async function postgres(): Promise<void> {
  const pool = new pg.Pool({ connectionString: values.pg, max: 2 });
  const schema = values.schema ?? `bench_window_${process.pid}`;
  const s = `"${schema}"`;
  const log = createPostgresInspectionLog({ pool, schema });
  await log.migrate();
  const t = `${s}.inspection_log`;
  await seedPostgresIfEmpty(pool, schema, CITY);
  await pool.query(`VACUUM ANALYZE ${t}`);
  console.log(`  ${n(Number((await pool.query(`SELECT count(*) AS c FROM ${t}`)).rows[0].c))} inspections`);
  await compare(log);
  if (!values.schema) await pool.query(`DROP SCHEMA ${s} CASCADE`);
  await pool.end();
}

async function main(): Promise<void> {
  console.log(`bench:round-window — ${n(ENTERPRISES)} enterprises × ${YEARS} year(s), ${SAMPLE} sampled, ${ROUNDS} rounds; load ${loadavg()[0]!.toFixed(2)}`);
  console.log('  per enterprise, median of the rounds; (ratio window / cutoff, same run)');
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
