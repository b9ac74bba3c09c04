// `pnpm bench:reports`: a city-year seeded into SQLite and PostgreSQL through the stores' bulk
// loaders, then the periodic reports generated from each store's report read model.
// Full size by default (--scale 1): 30 000 enterprises and small premises, ~3 million
// inspections, ~150 000 hazards with their whole review-chain history. --scale 0.05 for a
// short run. Printed per store: seeding time (and rows/s), the projection catch-up, the
// monthly / weekly / quarterly / per-area report times, and the process's peak RSS per phase.
// Ratios against references measured in the same run (absolute numbers on a loaded machine
// mean little): bulk seeding vs the store's ordinary append (one command per transaction, on a
// sample of the same hazards), and the SQL report vs the naive one (read every hazard's
// projection row into memory and aggregate there). PostgreSQL's own memory is not in the RSS.
// Printed, not asserted (docs/reports.md).
// The monthly report's found / closed / inspection counts are checked against the generated
// city's own (counted while seeding, not read back from the store); --out <dir> keeps each
// store's monthly report as HTML (monthly-2026-11-<store>.html) to open in a browser.
// Options: --scale 1 --stores sqlite,postgres --seed city-2026 --pg postgres://postgres@127.0.0.1:5432/test --sample 300 --out <dir>
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { ChainEvent } from '@anjian/core';
import { aggregateReportFacts, buildPeriodicReport, domainLabels, renderReportHtml, reportPeriod, type PeriodicReport } from '@anjian/core/internal';
import { findPackDirs, loadPackFromPath } from '@anjian/core/node';
import { appendCityHazard, generateCity, type CityHazard } from '@anjian/core/testing';
import type { HazardReportFact, ReportReadModel, Store } from '@anjian/core/ports';
import { createPostgresBulkLoader, createPostgresRentalDirectory, createPostgresReportReadModel, createPostgresStore } from '@anjian/store-postgres';
import { createSqliteBulkLoader, createSqliteRentalDirectory, createSqliteReportReadModel, createSqliteStore } from '@anjian/store-sqlite';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    stores: { type: 'string', default: 'sqlite,postgres' },
    seed: { type: 'string', default: 'city-2026' },
    pg: { type: 'string', default: process.env.ANJIAN_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
    sample: { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
const scale = Number(values.scale);
if (!(scale > 0 && scale <= 10)) throw new Error(`--scale must be in (0, 10], got ${values.scale} / --scale 应在 (0, 10] 之间`);
const ENTERPRISES = Math.max(20, Math.round(30_000 * scale));
const SAMPLE = Number(values.sample);
const NOW = '2026-12-01T00:00:00.000Z';
const BATCH = 100; // enterprises per transaction
const MONTH = reportPeriod('monthly', '2026-11');
const QUARTER = reportPeriod('quarterly', '2026-Q3');
// The domains named as the repository's packs name them (燃气 for gas), as the CLI and HTTP do.
const DOMAINS = (async () => {
  const dirs = await findPackDirs([fileURLToPath(new URL('../../checklists', import.meta.url))]);
  return domainLabels((await Promise.all(dirs.map((dir) => loadPackFromPath(dir)))).flatMap((r) => (r.ok ? [r.pack] : [])));
})();

// Peak RSS of the current phase, sampled every 50 ms (and at each phase's end).
let phasePeak = 0;
const sampler = setInterval(() => (phasePeak = Math.max(phasePeak, process.memoryUsage().rss)), 50);
sampler.unref();
async function phase<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number; peakMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  phasePeak = process.memoryUsage().rss;
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  phasePeak = Math.max(phasePeak, process.memoryUsage().rss);
  return { value, ms, peakMb: phasePeak / 2 ** 20 };
}
const fmt = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
const n = (x: number) => x.toLocaleString('en-US');

console.log(
  `bench:reports — scale ${scale}: ${n(ENTERPRISES)} enterprises; ${cpus().length} CPUs, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

interface Target {
  name: string;
  writeHazards(h: readonly CityHazard[]): Promise<void> | void;
  writeInspections(r: Parameters<ReturnType<typeof createSqliteBulkLoader>['writeInspections']>[0]): Promise<void> | void;
  loadRental(seed: ReturnType<typeof generateCity>['rental']): Promise<void> | void;
  model: ReportReadModel & { refresh(): unknown };
  /** Every hazard's projection row, read into memory (the naive reference). */
  allFacts(): Promise<HazardReportFact[]>;
  /** A fresh empty store for the append reference. */
  appendStore(): Promise<{ store: Store; close(): Promise<void> }>;
  size(): Promise<string>;
  close(): Promise<void>;
}

const dir = mkdtempSync(join(tmpdir(), 'anjian-bench-reports-'));

async function sqliteTarget(): Promise<Target> {
  const path = join(dir, 'city.db');
  const loader = createSqliteBulkLoader({ path });
  const model = createSqliteReportReadModel({ path });
  const rental = createSqliteRentalDirectory({ path });
  const Database = (await import('better-sqlite3')).default;
  return {
    name: 'SQLite',
    writeHazards: (h) => loader.writeHazards(h),
    writeInspections: (r) => loader.writeInspections(r),
    loadRental: (seed) => rental.load(seed),
    model,
    async allFacts() {
      const db = new Database(path, { readonly: true });
      try {
        return withSpans(db.prepare('SELECT * FROM report_hazards').all() as Array<Record<string, unknown>>, db.prepare('SELECT * FROM report_overdue').all() as Array<Record<string, unknown>>);
      } finally {
        db.close();
      }
    },
    async appendStore() {
      const store = createSqliteStore({ path: join(dir, 'append.db') });
      return { store, close: async () => store.close() };
    },
    async size() {
      const bytes = ['city.db', 'city.db-wal'].map((f) => statSync(join(dir, f), { throwIfNoEntry: false })?.size ?? 0).reduce((a, b) => a + b, 0);
      return `${(bytes / 2 ** 20).toFixed(0)} MB file`;
    },
    async close() {
      loader.close();
      model.close();
      rental.close();
    },
  };
}

async function postgresTarget(): Promise<Target> {
  const pool = new pg.Pool({ connectionString: values.pg, max: 4 });
  const schema = `bench_reports_${process.pid}`;
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  const loader = createPostgresBulkLoader({ pool, schema });
  await loader.migrate();
  const model = createPostgresReportReadModel({ pool, schema });
  const rental = createPostgresRentalDirectory({ pool, schema });
  await rental.migrate();
  return {
    name: 'PostgreSQL',
    writeHazards: (h) => loader.writeHazards(h),
    writeInspections: (r) => loader.writeInspections(r),
    loadRental: (seed) => rental.load(seed),
    model,
    async allFacts() {
      return withSpans((await pool.query(`SELECT * FROM ${schema}.report_hazards`)).rows, (await pool.query(`SELECT * FROM ${schema}.report_overdue`)).rows);
    },
    async appendStore() {
      const store = createPostgresStore({ pool, schema: `${schema}_append` });
      await store.migrate();
      return { store, close: async () => void (await pool.query(`DROP SCHEMA IF EXISTS ${schema}_append CASCADE`)) };
    },
    async size() {
      const r = await pool.query(`SELECT sum(pg_total_relation_size(c.oid))::bigint AS b FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = $1 AND c.relkind = 'r'`, [
        schema,
      ]);
      return `${(Number(r.rows[0].b) / 2 ** 20).toFixed(0)} MB in the schema`;
    },
    async close() {
      if (!values.keep) await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    },
  };
}

/** The projection's rows as facts, each with its overdue spans. */
function withSpans(rows: Array<Record<string, unknown>>, spans: Array<Record<string, unknown>>): HazardReportFact[] {
  const byHazard = new Map<string, HazardReportFact['overdue']>();
  for (const o of spans) {
    const list = byHazard.get(o.hazard_id as string) ?? [];
    list.push({ since: o.since as string, until: (o.until as string | null) ?? null, deadline: o.deadline as string });
    byHazard.set(o.hazard_id as string, list);
  }
  return rows.map((r) => ({ ...rowToFact(r), overdue: (byHazard.get(r.hazard_id as string) ?? []).sort((a, b) => (a.since < b.since ? -1 : 1)) }));
}

function rowToFact(r: Record<string, unknown>): Omit<HazardReportFact, 'overdue'> {
  return {
    hazardId: r.hazard_id as string,
    version: Number(r.version),
    enterpriseId: r.enterprise_id as string,
    area: r.area as string,
    domain: r.domain as string,
    level: r.level as string,
    source: r.source as HazardReportFact['source'],
    item: (r.item as string | null) ?? null,
    createdAt: r.created_at as string,
    deadline: (r.deadline as string | null) ?? null,
    closedAt: (r.closed_at as string | null) ?? null,
    onTime: r.on_time === null || r.on_time === undefined ? null : r.on_time === true || r.on_time === 1,
  };
}

async function run(target: Target): Promise<void> {
  console.log(`\n== ${target.name}`);
  const city = generateCity({ seed: values.seed!, enterprises: ENTERPRISES });
  let inspections = 0;
  let hazards = 0;
  let events = 0;
  // The generated city's own counts for the month, to check the report against.
  // Overdue at the month's end, from the generator's one path (notice with a deadline, then
  // rectification, verification, closure; no extension): open at the end, deadline before it.
  const known = { found: 0, closed: 0, inspections: 0, overdue: 0, overdueQ3: 0 };
  const inMonth = (iso: string) => iso >= MONTH.from && iso < MONTH.to;
  const sampled: CityHazard[] = [];
  let hazardMs = 0;
  let inspectionMs = 0;
  const flush = async (hz: CityHazard[], ins: Parameters<Target['writeInspections']>[0]) => {
    const t0 = performance.now();
    await target.writeHazards(hz);
    const t1 = performance.now();
    await target.writeInspections(ins);
    hazardMs += t1 - t0;
    inspectionMs += performance.now() - t1;
  };
  const seeding = await phase(async () => {
    await target.loadRental(city.rental);
    let hz: CityHazard[] = [];
    let ins: Parameters<Target['writeInspections']>[0] extends readonly (infer R)[] ? R[] : never = [];
    let k = 0;
    for (const chunk of city.chunks()) {
      hz.push(...chunk.hazards);
      ins.push(...chunk.inspections);
      if (sampled.length < SAMPLE) sampled.push(...chunk.hazards.slice(0, SAMPLE - sampled.length));
      for (const h of chunk.hazards) {
        if (inMonth(h.summary.createdAt)) known.found++;
        if (h.summary.status === 'closed' && inMonth(h.events[h.events.length - 1]!.recordedAt)) known.closed++;
        const notice = h.events.find((e) => e.type === 'notice_issued') as ChainEvent<'notice_issued'> | undefined;
        // The city's one path: overdue from the notice's deadline until the rectification is submitted (then it waits for the officers).
        const submittedAt = h.events.find((e) => e.type === 'rectification_submitted')?.recordedAt;
        const overdueAt = (t: string) => notice !== undefined && notice.recordedAt < t && notice.data.deadline < t && (submittedAt === undefined || submittedAt >= t);
        if (overdueAt(MONTH.to)) known.overdue++;
        if (overdueAt(QUARTER.to)) known.overdueQ3++;
      }
      for (const r of chunk.inspections) if (inMonth(r.recordedAt)) known.inspections++;
      if (++k % BATCH === 0) {
        await flush(hz, ins);
        hazards += hz.length;
        events += hz.reduce((s, h) => s + h.events.length, 0);
        inspections += ins.length;
        hz = [];
        ins = [];
      }
    }
    await flush(hz, ins);
    hazards += hz.length;
    events += hz.reduce((s, h) => s + h.events.length, 0);
    inspections += ins.length;
  });
  const rows = inspections + events * 2 + hazards;
  console.log(
    `seed        ${fmt(seeding.ms)} — ${n(city.enterprises.length)} enterprises, ${n(city.rental.premises.length)} premises, ${n(city.rental.tenancies.length)} tenancies, ${n(inspections)} inspections, ${n(hazards)} hazards, ${n(events)} events (+ as many outbox rows); ${n(Math.round(rows / (seeding.ms / 1000)))} rows/s; peak RSS ${seeding.peakMb.toFixed(0)} MB; ${await target.size()}\n            of which writing hazard histories ${fmt(hazardMs)}, inspections ${fmt(inspectionMs)}, generating the rest`,
  );
  // Reference: the same hazards through the ordinary append, one command per transaction.
  const appended = await target.appendStore();
  const reference = await phase(async () => {
    let n = 0;
    for (const h of sampled) {
      await appendCityHazard(appended.store, h, { fingerprint: 'bench' });
      n += h.events.length;
    }
    return n;
  });
  await appended.close();
  const bulkPerHazard = hazardMs / hazards;
  const appendPerHazard = reference.ms / sampled.length;
  console.log(
    `  reference: ${n(sampled.length)} of the hazards (${n(reference.value)} events) through append, one command per transaction: ${fmt(reference.ms)} — writing histories through the bulk loader takes ${(bulkPerHazard / appendPerHazard).toFixed(3)}× the append time per hazard`,
  );
  const catchUp = await phase(() => target.model.refresh());
  console.log(`projection  ${fmt(catchUp.ms)} — folded ${n(hazards)} hazards' events with core's evolve, took in ${n(inspections)} inspections; peak RSS ${catchUp.peakMb.toFixed(0)} MB`);
  const reports: Array<[string, () => Promise<PeriodicReport>]> = [
    ['monthly 2026-11', () => buildPeriodicReport(target.model, { kind: 'monthly', period: '2026-11', now: NOW })],
    ['monthly 2026-11, area D1', () => buildPeriodicReport(target.model, { kind: 'monthly', period: '2026-11', area: 'D1', now: NOW })],
    ['weekly 2026-W47', () => buildPeriodicReport(target.model, { kind: 'weekly', period: '2026-W47', now: NOW })],
    ['quarterly 2026-Q3', () => buildPeriodicReport(target.model, { kind: 'quarterly', period: '2026-Q3', now: NOW })],
  ];
  let monthly: PeriodicReport | null = null;
  let monthlyMs = 0;
  let overdueQ3 = 0;
  for (const [label, make] of reports) {
    const r = await phase(make);
    const html = renderReportHtml(r.value, { domains: await DOMAINS });
    monthly ??= r.value;
    if (label === 'quarterly 2026-Q3') overdueQ3 = r.value.summary.overdue;
    if (label === 'monthly 2026-11') monthlyMs = r.ms;
    const s = r.value.summary;
    console.log(
      `report      ${label.padEnd(26)} ${fmt(r.ms).padStart(8)} — found ${n(s.found)}, closed ${n(s.closed)} (on time ${(s.onTimeRate * 100).toFixed(1)}%), overdue ${n(s.overdue)}, recurrent ${n(s.recurrent)}, inspections ${n(s.inspections)}; HTML ${(html.length / 1024).toFixed(0)} KB; peak RSS ${r.peakMb.toFixed(0)} MB`,
    );
    if (label === 'monthly 2026-11' && values.out) {
      mkdirSync(values.out, { recursive: true });
      const file = resolve(values.out, `monthly-2026-11-${target.name.toLowerCase()}.html`);
      writeFileSync(file, html);
      console.log(`            written to ${file}`);
    }
  }
  const got = { found: monthly!.summary.found, closed: monthly!.summary.closed, inspections: monthly!.summary.inspections, overdue: monthly!.summary.overdue };
  const same = got.found === known.found && got.closed === known.closed && got.inspections === known.inspections && got.overdue === known.overdue;
  console.log(
    `  check: the monthly report's found ${n(got.found)}, closed ${n(got.closed)}, inspections ${n(got.inspections)}, overdue at its end ${n(got.overdue)} vs the generated city's for 2026-11: ${n(known.found)}, ${n(known.closed)}, ${n(known.inspections)}, ${n(known.overdue)} — ${same ? 'the same' : 'DIFFERENT'}`,
  );
  console.log(
    `  check: the quarterly report's overdue at the end of 2026-Q3 ${n(overdueQ3)} vs the generated city's ${n(known.overdueQ3)} — ${overdueQ3 === known.overdueQ3 ? 'the same' : 'DIFFERENT'}`,
  );
  if (!same || overdueQ3 !== known.overdueQ3) process.exitCode = 1;
  // Reference: the naive report — every hazard's row into memory, aggregated there.
  const naive = await phase(async () => {
    const facts = await target.allFacts();
    return aggregateReportFacts(facts, [], { from: monthly!.period.from, to: monthly!.period.to, asOf: monthly!.asOf, recurrenceDays: 30, limit: 20 });
  });
  if (naive.value.found.reduce((s, g) => s + g.found, 0) !== monthly!.summary.found || naive.value.overdue.total !== monthly!.summary.overdue)
    throw new Error('the naive reference disagrees with the SQL report / 朴素参考与 SQL 报表不一致');
  console.log(
    `  reference: the monthly report's hazard aggregates computed in memory over all ${n(hazards)} rows read from the store (no inspections): ${fmt(naive.ms)}, peak RSS ${naive.peakMb.toFixed(0)} MB — the SQL report takes ${(monthlyMs / naive.ms).toFixed(2)}× its time`,
  );
}

async function main(): Promise<void> {
  const targets: Array<() => Promise<Target>> = [];
  for (const s of values.stores!.split(',')) {
    if (s === 'sqlite') targets.push(sqliteTarget);
    else if (s === 'postgres') targets.push(postgresTarget);
    else throw new Error(`--stores: unknown store ${s} (sqlite, postgres) / 未知存储 ${s}`);
  }
  try {
    for (const make of targets) {
      const t = await make();
      try {
        await run(t);
      } finally {
        await t.close();
      }
    }
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
    clearInterval(sampler);
  }
  console.log(`\npeak RSS of the whole run ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
