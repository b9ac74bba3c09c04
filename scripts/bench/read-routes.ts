// `pnpm bench:read-routes`: the API's read routes as each role calls them, over a city seeded
// into SQLite and PostgreSQL — p50 / p95 per route (wall time of `api.fetch`, sequential calls).
// Reads a city kept by `pnpm bench:reports --keep` (its SQLite file with --db, its PostgreSQL
// schema with --schema): the store's hazards and events, the inspection log, the rental
// directory, the report projection. The register is the same city's enterprises (generateCity
// with --seed and --enterprises, as seeded). The bench opens three rounds (a city-wide fire
// self-inspection, a grid patrol of D1, a gas campaign in D2; kept, reused by the next run) and
// asks, as a department admin, a grid inspector (D1/G1), an officer of the whole jurisdiction,
// an enterprise and a landlord: the hazard list with each filter and its second page, /stats,
// the work queues, the rounds, the enterprise file, the rental points, the reports (JSON and
// xlsx) and the register (GET /enterprises, the static directory's listEnterprises: the host's
// directory keeps its methods, { ...inner, resolve }).
// References in the same run, as ratios: GET /enterprises pushed down to listEnterprises against
// the fallback of a directory that does not list (relations.enterprises loaded and filtered per
// request; same page checked); the register a round works on (core's roundUnits, read
// by every work queue, round page and report) against the per-enterprise reading it replaced
// (roundUnitsOneByOne: premisesOf and tenancies per enterprise, premises per tenancy); and, on
// SQLite, a tenant's tenancies through the previous `(@x IS NULL OR col = @x)` statement, and the
// admin's and the officer's GET /stats (the officer's: one store.stats per district and domain)
// as planned over the schema-15 indexes (hazards_domain_counts dropped in a transaction rolled
// back after the timing); on SQLite, the officer's enforcement queue (store.query per district,
// domain and kind) against the flat statement for each of its queries; and each bench round's
// coverage in one read of the inspection log (InspectionLog.firstInspections) against the
// per-enterprise reading (listInspections per enterprise in scope) and against the previous
// firstInspections statement (through (enterprise_id, seq, recorded_at), pack and source parsed
// from each body in the window; on PostgreSQL the same statement with
// inspection_log_pack_recorded dropped in a transaction rolled back after it).
// Printed, not asserted.
// Options: --db <file> --pg postgres://postgres@127.0.0.1:5432/test --schema <name> --enterprises 30000
//          --seed city-2026 --samples 20 --only <substring of a route label>
//          (--only also keeps only the references whose subject contains it: register, coverage,
//          firstInspections, /stats, officer /queues/enforcement, tenancies, /enterprises)
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createStaticDirectory, type ActorProfile, type Directory } from '@anjian/core';
import { readScopes } from '@anjian/core/review';
import { collectRoundCoverage, readRound, roundUnits, withLandlordTenancies } from '@anjian/core/internal';
import { findPackDirs, loadPackFromPath } from '@anjian/core/node';
import { createFixedClock, generateCity, roundUnitsOneByOne, TEST_CALENDAR_2026 } from '@anjian/core/testing';
import type { EnterpriseRecord, HazardStatsQuery, InspectionLog, RentalDirectory, ReportReadModel, RoundStore, Store } from '@anjian/core/ports';
// @anjian/http is not a dependency of the workspace root: its sources, as http-classify-server.ts does.
import { createAnjianApi } from '../../packages/http/src/index.js';
import { scopedStats } from '../../packages/http/src/scoped-stats.js';
import { buildHazardStats, readHazardStats } from '../../packages/store-sqlite/src/hazard-stats.js';
import { buildHazardQuery } from '../../packages/store-sqlite/src/hazard-query.js';
import { firstInspectionsSql } from '../../packages/store-postgres/src/create-postgres-inspection-log.js';
import { collectHazards } from '../../packages/http/src/routes/collect-hazards.js';
import { queueFilters } from '../../packages/http/src/routes/queue-filters.js';
import { hazardStatsFromGroups, type HazardStatsGroup, type HazardStatsPeriodGroup } from '@anjian/core/ports';
import { createPostgresInspectionLog, createPostgresRentalDirectory, createPostgresReportReadModel, createPostgresRoundStore, createPostgresStore } from '@anjian/store-postgres';
import { createSqliteInspectionLog, createSqliteRentalDirectory, createSqliteReportReadModel, createSqliteRoundStore, createSqliteStore } from '@anjian/store-sqlite';
import { reportWorkbook } from '../../examples/portal/src/report-xlsx.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    pg: { type: 'string', default: process.env.ANJIAN_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
    schema: { type: 'string' },
    enterprises: { type: 'string', default: '30000' },
    seed: { type: 'string', default: 'city-2026' },
    samples: { type: 'string', default: '20' },
    only: { type: 'string' },
  },
});
if (!values.db && !values.schema) throw new Error('--db <file> or --schema <name> (a city kept by pnpm bench:reports --keep) / 需要 --db 或 --schema');
const SAMPLES = Math.max(3, Number(values.samples));
const NOW = '2026-11-20T02:00:00.000Z';
const city = generateCity({ seed: values.seed!, enterprises: Number(values.enterprises) });
const enterprises = city.enterprises as unknown as EnterpriseRecord[];
const width = String(enterprises.length).length;
const ent = (i: number) => `ent-${String(i).padStart(width, '0')}`;
const landlord = city.rental.premises.find((p) => p.id === city.rental.tenancies[0]!.premisesId)!.enterpriseId;
const DISTRICTS = [...new Set(enterprises.map((e) => e.area.split('/')[0]!))].sort();
const ACTORS: ActorProfile[] = [
  { id: 'admin', roles: ['department_admin'] },
  { id: 'grid', roles: ['grid'], gridAreas: ['D1/G1'] },
  { id: 'officer', roles: ['enforcement'], departments: [{ id: 'city', domains: ['fire', 'gas', 'chemicals', 'confined_space', 'hazardous_work'], areas: DISTRICTS }] },
  { id: 'enterprise', roles: ['enterprise'], enterpriseIds: [ent(2)] },
  { id: 'landlord', roles: ['enterprise'], enterpriseIds: [landlord] },
];
const ROUNDS = [
  { id: 'BENCH-SELF', kind: 'self_inspection', title: { 'zh-CN': '十一月消防自查', en: 'November fire self-inspection' }, packId: 'fire', scope: {}, startsOn: '2026-11-01', endsOn: '2026-11-30' },
  { id: 'BENCH-PATROL', kind: 'patrol_coverage', title: { 'zh-CN': '网格巡查', en: 'Grid patrol' }, packId: 'fire', scope: { area: 'D1' }, startsOn: '2026-11-01', endsOn: '2026-11-30' },
  { id: 'BENCH-GAS', kind: 'special_campaign', title: { 'zh-CN': '燃气专项', en: 'Gas campaign' }, packId: 'gas', scope: { area: 'D2' }, startsOn: '2026-10-15', endsOn: '2026-11-25' },
];

interface Target {
  name: string;
  store: Store;
  inspections: InspectionLog;
  rental: RentalDirectory;
  rounds: RoundStore;
  model: ReportReadModel;
  /** A tenant's tenancies through the previous SQLite statement (SQLite only). */
  oldTenancies?: (tenant: string) => unknown[];
  /** Runs `fn` with `Store.stats` as planned without hazards_domain_counts (schema 15), in a transaction rolled back after (SQLite only). */
  withSchema15Stats?: <T>(fn: (stats: Pick<Store, 'stats'>) => Promise<T>) => Promise<T>;
  /** `InspectionLog.firstInspections` as before inspection_log_pack_recorded. */
  previousFirstInspections?: NonNullable<InspectionLog['firstInspections']>;
  /** `Store.query` as the flat statement alone (no merged area reads; SQLite only). */
  flatQuery?: Pick<Store, 'query'>;
  /** `Store.stats` with the hazards read through the named index (SQLite only). */
  statsIndexedBy?: (index: string) => Pick<Store, 'stats'>;
  close(): Promise<void>;
}

function sqliteTarget(path: string): Target {
  const db = new Database(path, { readonly: true });
  const old = db.prepare(`SELECT r.premises_id AS premisesId, p.enterprise_id AS landlordEnterpriseId, r.tenant_enterprise_id AS tenantEnterpriseId, p.area AS area, r.period AS period,
    r.started_at AS startedAt, r.started_by AS startedBy, r.ended_at AS endedAt, r.ended_by AS endedBy
  FROM rental_tenancy_period r JOIN rental_premises p ON p.id = r.premises_id
  WHERE (@landlord IS NULL OR p.enterprise_id = @landlord) AND (@tenant IS NULL OR r.tenant_enterprise_id = @tenant) AND (@premises IS NULL OR r.premises_id = @premises)
    AND (@ended = 1 OR r.ended_at IS NULL)
  ORDER BY r.premises_id, r.tenant_enterprise_id, r.period`);
  const store = createSqliteStore({ path });
  const inspections = createSqliteInspectionLog({ path });
  const rental = createSqliteRentalDirectory({ path });
  const rounds = createSqliteRoundStore({ path });
  const model = createSqliteReportReadModel({ path });
  // The statement before inspection_log_pack_recorded, on the index it went through.
  const oldFirst = db.prepare(`SELECT enterprise_id AS enterpriseId, id, recorded_at AS recordedAt FROM (
         SELECT enterprise_id, id, recorded_at, ROW_NUMBER() OVER (PARTITION BY enterprise_id ORDER BY recorded_at ASC, seq DESC) AS n
         FROM inspection_log INDEXED BY inspection_log_enterprise_recorded
         WHERE enterprise_id IN (SELECT value FROM json_each(@enterpriseIds)) AND recorded_at >= @recordedSince AND recorded_at < @recordedBefore
           AND json_extract(body, '$.pack.id') = @packId AND json_extract(body, '$.source') IN (SELECT value FROM json_each(@sources))
       ) WHERE n = 1`);
  // DDL is transactional in SQLite: the index dropped here is back after the ROLLBACK, and
  // meanwhile this connection's planner chooses among the schema-15 indexes, as it did before.
  const rw = new Database(path);
  rw.pragma('temp_store = MEMORY'); // as the store opens its file
  return {
    name: 'SQLite',
    store,
    inspections,
    rental,
    rounds,
    model,
    oldTenancies: (tenant) => old.all({ landlord: null, tenant, premises: null, ended: 0 }),
    async withSchema15Stats(fn) {
      rw.exec('BEGIN IMMEDIATE');
      try {
        rw.exec('DROP INDEX hazards_domain_counts');
        return await fn({ stats: async (query: HazardStatsQuery) => readHazardStats(rw, query) });
      } finally {
        rw.exec('ROLLBACK');
      }
    },
    previousFirstInspections: async ({ enterpriseIds, packId, sources, recordedSince, recordedBefore }) =>
      enterpriseIds.length === 0 || sources.length === 0
        ? []
        : (oldFirst.all({ enterpriseIds: JSON.stringify(enterpriseIds), packId, sources: JSON.stringify(sources), recordedSince, recordedBefore }) as Awaited<
            ReturnType<NonNullable<InspectionLog['firstInspections']>>
          >),
    // The flat statement for every filter (what an officer's queue ran for a domain's hazards
    // in a district before those joined the merged area reads); its cursor is the last row's key.
    flatQuery: {
      async query(filter, page) {
        const after = page.after ? (JSON.parse(page.after) as [string, string]) : null;
        const { sql, params } = buildHazardQuery(filter, after, page.limit + 1);
        const rows = db.prepare(sql).all(...params) as Array<{ hazard_id: string; updated_at: string; deadline: string | null }>;
        const items = rows.slice(0, page.limit).map((r) => ({ hazardId: r.hazard_id, updatedAt: r.updated_at, deadline: r.deadline }));
        const last = items[items.length - 1];
        return { items, next: rows.length > page.limit && last ? JSON.stringify([last.updatedAt, last.hazardId]) : null } as unknown as Awaited<ReturnType<Store['query']>>;
      },
    },
    statsIndexedBy: (index) => ({
      async stats(query) {
        const { groups, periods } = buildHazardStats(query);
        const from = (sql: string) => sql.replace('FROM hazards', `FROM hazards INDEXED BY ${index}`);
        return db.transaction(() =>
          hazardStatsFromGroups(
            db.prepare(from(groups.sql)).all(...groups.params) as HazardStatsGroup[],
            periods === null ? undefined : (db.prepare(from(periods.sql)).all(...periods.params) as HazardStatsPeriodGroup[]),
          ),
        )();
      },
    }),
    async close() {
      for (const c of [store, inspections, rental, rounds, model]) (c as { close(): unknown }).close();
      db.close();
      rw.close();
    },
  };
}

async function postgresTarget(url: string, schema: string): Promise<Target> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const rounds = createPostgresRoundStore({ pool, schema });
  await rounds.migrate();
  // A city kept before inspection_log_pack_recorded gets it here (once), with the statistics of
  // its expressions (autovacuum is off on the test server; a production server's ANALYZE).
  const inspections = createPostgresInspectionLog({ pool, schema });
  const packIndex = async () => (await pool.query("SELECT 1 FROM pg_indexes WHERE schemaname = $1 AND indexname = 'inspection_log_pack_recorded'", [schema])).rowCount === 1;
  if (!(await packIndex())) {
    await inspections.migrate();
    await pool.query(`ANALYZE "${schema}".inspection_log`);
  }
  return {
    name: 'PostgreSQL',
    store: createPostgresStore({ pool, schema }),
    inspections,
    // The statement as planned without inspection_log_pack_recorded (the index dropped in a
    // transaction rolled back after the query): pack and source read from each body in the window.
    previousFirstInspections: async ({ enterpriseIds, packId, sources, recordedSince, recordedBefore }) => {
      if (enterpriseIds.length === 0 || sources.length === 0) return [];
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`DROP INDEX "${schema}".inspection_log_pack_recorded`);
        return (await client.query(firstInspectionsSql(`"${schema}".inspection_log`), [[...enterpriseIds], recordedSince, recordedBefore, packId, [...sources]])).rows;
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    },
    rental: createPostgresRentalDirectory({ pool, schema }),
    rounds,
    model: createPostgresReportReadModel({ pool, schema }),
    close: () => pool.end(),
  };
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

async function run(t: Target): Promise<void> {
  console.log(`\n== ${t.name}`);
  const packs = await Promise.all((await findPackDirs(['checklists'])).map((d) => loadPackFromPath(d)));
  const inner = createStaticDirectory(ACTORS, enterprises);
  // The host's directory keeps the static directory's methods (enterprise, listEnterprises: GET /enterprises pushed down)
  // and adds a landlord's tenancies to its profile; relations.enterprises (the rounds) reads the same list.
  const directory = { ...inner, resolve: async (id: string) => (await inner.resolve(id).then((p) => p && withLandlordTenancies(p, t.rental))) ?? null };
  const apiOver = (directory: Directory) =>
    createAnjianApi({
      store: t.store,
      directory,
      calendar: TEST_CALENDAR_2026,
      clock: createFixedClock(NOW),
      packs: packs.flatMap((r) => (r.ok ? [r.pack] : [])),
      inspections: t.inspections,
      relations: { rental: t.rental, rounds: t.rounds, enterprises: () => enterprises, roundSeedKey: new Uint8Array(32).fill(7) },
      reports: { model: t.model, xlsx: (sheets) => reportWorkbook(sheets, new Date(NOW)) },
      logger: false,
      authenticate: async (request) => request.headers.get('x-actor'),
    });
  const api = apiOver(directory);
  // The reference of GET /enterprises: the same host with a directory that does not list (`{ resolve, enterprise }`),
  // so relations.enterprises is loaded and filtered in memory on each request (the fallback).
  const fallbackApi = apiOver({ resolve: directory.resolve, enterprise: directory.enterprise });
  const call = async (actor: string, path: string, method = 'GET', body?: unknown) => {
    const res = await api.fetch(
      new Request(`http://bench${path}`, {
        method,
        headers: { 'x-actor': actor, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    const bytes = (await res.arrayBuffer()).byteLength;
    return { status: res.status, bytes, res };
  };
  for (const r of ROUNDS) {
    const opened = await call('admin', '/rounds', 'POST', r);
    if (opened.status !== 201 && opened.status !== 409) console.log(`  round ${r.id}: ${opened.status}`);
  }
  // The second page of the admin's list (its first page's cursor).
  const first = (await (await api.fetch(new Request('http://bench/hazards?limit=50', { headers: { 'x-actor': 'admin' } }))).json()) as { next: string };
  // GET /enterprises as each reader asks it (the directory's listEnterprises, pushed down), also the reference below.
  const ENTERPRISE_LISTS: Array<[role: string, path: string]> = [
    ['admin', '/enterprises'],
    ['admin', `/enterprises?after=${ent(Math.floor(enterprises.length / 2))}`],
    ['admin', '/enterprises?area=D2'],
    ['grid', '/enterprises'],
    ['officer', '/enterprises?area=D1'],
    ['enterprise', '/enterprises'],
    ['landlord', '/enterprises'],
  ];
  const routes: Array<[role: string, path: string]> = [
    ['admin', '/hazards'],
    ['admin', `/hazards?after=${encodeURIComponent(first.next)}`],
    ['admin', '/hazards?level=major'],
    ['admin', '/hazards?status=rectifying'],
    ['admin', '/hazards?domain=gas'],
    ['admin', '/hazards?area=D1'],
    ['admin', '/hazards?overdue=true'],
    ['admin', '/hazards?provisional=true'],
    ['admin', '/hazards?limit=200'],
    ['admin', '/stats'],
    ['admin', '/stats?groupBy=month'],
    ['admin', '/outbox'],
    ['admin', '/rounds'],
    ['admin', '/rounds/BENCH-SELF'],
    ['admin', '/reports/monthly?period=2026-11'],
    ['admin', '/reports/monthly?period=2026-11&format=xlsx'],
    ['grid', '/hazards'],
    ['grid', '/hazards?status=submitted'],
    ['grid', '/stats'],
    ['grid', '/queues/grid'],
    ['grid', '/rounds'],
    ['grid', '/rounds/BENCH-PATROL'],
    ['officer', '/hazards'],
    ['officer', '/hazards?overdue=true'],
    ['officer', '/stats'],
    ['officer', '/queues/enforcement'],
    ['officer', '/rounds'],
    ['officer', '/rounds/BENCH-GAS'],
    ['officer', '/reports/monthly?period=2026-11&area=D1&domain=gas'], // an officer of several domains names one (else 400)
    ['enterprise', '/hazards'],
    ['enterprise', '/stats'],
    ['enterprise', '/queues/enterprise'],
    ['enterprise', `/enterprises/${ent(2)}/file`],
    ['landlord', '/hazards'],
    ['landlord', '/stats'],
    ['landlord', '/queues/enterprise'],
    ['landlord', `/enterprises/${landlord}/file`],
    ['landlord', `/landlords/${landlord}/rental-points`],
    ...ENTERPRISE_LISTS,
  ];
  console.log(`  ${'role'.padEnd(10)} ${'route'.padEnd(52)} status      p50       p95  bytes`);
  for (const [role, path] of routes) {
    const label = `${role} ${path}`;
    if (values.only && !label.includes(values.only)) continue;
    const times: number[] = [];
    let last = { status: 0, bytes: 0 };
    for (let i = 0; i < SAMPLES; i++) {
      const t0 = performance.now();
      last = await call(role, path);
      times.push(performance.now() - t0);
      if (i === 2 && pct(times, 0.5) > 3000) break; // a route slower than 3 s is timed 3 times
    }
    const shown = path.length > 52 ? `${path.slice(0, 49)}...` : path;
    console.log(
      `  ${role.padEnd(10)} ${shown.padEnd(52)} ${String(last.status).padEnd(6)} ${fmt(pct(times, 0.5)).padStart(9)} ${fmt(pct(times, 0.95)).padStart(9)}  ${last.bytes}${times.length < SAMPLES ? ` (${times.length} calls)` : ''}`,
    );
  }
  // References, same run: the register a round works on, and the previous tenancy statement.
  const wanted = (subject: string) => !values.only || subject.includes(values.only);
  if (wanted('register')) {
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < 3; i++) {
      let t0 = performance.now();
      const fast = await roundUnits(enterprises, t.rental);
      a.push(performance.now() - t0);
      t0 = performance.now();
      const slow = await roundUnitsOneByOne(enterprises, t.rental);
      b.push(performance.now() - t0);
      if (i === 0 && JSON.stringify(fast) !== JSON.stringify(slow)) throw new Error('roundUnits differs from the per-enterprise reading / 结果不一致');
    }
    console.log(
      `  reference: the register of ${enterprises.length} enterprises (roundUnits) ${fmt(pct(a, 0.5))} vs the per-enterprise reading ${fmt(pct(b, 0.5))} (same units) — ${(pct(b, 0.5) / pct(a, 0.5)).toFixed(0)}× faster`,
    );
  }
  // GET /enterprises pushed down to the directory's listEnterprises against the fallback (the register loaded and
  // filtered per request, as a host wrapping its directory as { resolve, enterprise } got before): same pages.
  if (wanted('/enterprises')) {
    for (const [role, path] of ENTERPRISE_LISTS) {
      const page = async (over: typeof api) => {
        const res = await over.fetch(new Request(`http://bench${path}`, { headers: { 'x-actor': role } }));
        return `${res.status} ${await res.text()}`;
      };
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        let t0 = performance.now();
        const pushed = await page(api);
        a.push(performance.now() - t0);
        t0 = performance.now();
        const loaded = await page(fallbackApi);
        b.push(performance.now() - t0);
        if (i === 0 && pushed !== loaded) throw new Error(`${role} ${path}: the pushed-down page differs from the fallback's / 下推与回退的结果不一致`);
      }
      console.log(
        `  reference: ${role} GET ${path} pushed down (listEnterprises) ${fmt(pct(a, 0.5))} vs the register loaded and filtered ${fmt(pct(b, 0.5))} (same page) — ${(pct(b, 0.5) / pct(a, 0.5)).toFixed(1)}× faster`,
      );
    }
  }
  // Each bench round's coverage in one read of the log (firstInspections) against the
  // per-enterprise reading it replaced (the same log without the optional method).
  const units = await roundUnits(enterprises, t.rental);
  const perEnterprise: InspectionLog = {
    recordInspection: (r) => t.inspections.recordInspection(r),
    readInspection: (id) => t.inspections.readInspection(id),
    listInspections: (q) => t.inspections.listInspections(q),
  };
  for (const r of ROUNDS) {
    const round = wanted('coverage') ? (await readRound(t.rounds, r.id))?.round : undefined;
    if (!round) continue;
    const c: number[] = [];
    const d: number[] = [];
    for (let i = 0; i < 3; i++) {
      let t0 = performance.now();
      const one = await collectRoundCoverage(t.inspections, round, units, new Date(NOW));
      c.push(performance.now() - t0);
      t0 = performance.now();
      const each = await collectRoundCoverage(perEnterprise, round, units, new Date(NOW));
      d.push(performance.now() - t0);
      if (i === 0 && JSON.stringify(one) !== JSON.stringify(each)) throw new Error(`${r.id}: the coverage differs from the per-enterprise reading / 覆盖结果不一致`);
    }
    console.log(
      `  reference: ${r.id} coverage (firstInspections, one read) ${fmt(pct(c, 0.5))} vs the per-enterprise reading ${fmt(pct(d, 0.5))} (same coverage) — ${(pct(d, 0.5) / pct(c, 0.5)).toFixed(1)}× faster`,
    );
  }
  if (t.previousFirstInspections && wanted('firstInspections')) {
    const previous: InspectionLog = { ...perEnterprise, firstInspections: t.previousFirstInspections };
    for (const r of ROUNDS) {
      const round = (await readRound(t.rounds, r.id))?.round;
      if (!round) continue;
      const c: number[] = [];
      const d: number[] = [];
      for (let i = 0; i < 3; i++) {
        let t0 = performance.now();
        const now = await collectRoundCoverage(t.inspections, round, units, new Date(NOW));
        c.push(performance.now() - t0);
        t0 = performance.now();
        const before = await collectRoundCoverage(previous, round, units, new Date(NOW));
        d.push(performance.now() - t0);
        if (i === 0 && JSON.stringify(now) !== JSON.stringify(before)) throw new Error(`${r.id}: the coverage differs from the previous statement's / 覆盖结果不一致`);
      }
      console.log(
        `  reference: ${r.id} coverage (firstInspections through inspection_log_pack_recorded) ${fmt(pct(c, 0.5))} vs the previous statement (through inspection_log_enterprise_recorded, pack and source from each body) ${fmt(pct(d, 0.5))} (same coverage) — ${(pct(d, 0.5) / pct(c, 0.5)).toFixed(1)}× faster`,
      );
    }
  }
  if (t.withSchema15Stats && wanted('/stats')) {
    // GET /stats of the admin (the whole city: one store.stats) and of the officer of the whole
    // jurisdiction (one per district and domain), as the route asks them (scopedStats).
    for (const actor of ACTORS.filter((a) => a.id === 'admin' || a.id === 'officer')) {
      const scopes = readScopes(actor);
      for (const groupBy of [undefined, 'month'] as const) {
        const query: HazardStatsQuery = { filter: {}, now: NOW, ...(groupBy ? { groupBy } : {}) };
        const e: number[] = [];
        let after: unknown;
        for (let i = 0; i < 3; i++) {
          const t0 = performance.now();
          after = await scopedStats(t.store, query, scopes);
          e.push(performance.now() - t0);
        }
        const f: number[] = [];
        const before = await t.withSchema15Stats(async (store) => {
          let r: unknown;
          for (let i = 0; i < 3; i++) {
            const t0 = performance.now();
            r = await scopedStats(store, query, scopes);
            f.push(performance.now() - t0);
          }
          return r;
        });
        if (JSON.stringify(before) !== JSON.stringify(after)) throw new Error(`${actor.id} /stats differs from the schema-15 plan / 统计结果不一致`);
        const calls = scopes === 'all' ? 1 : scopes.length;
        const route = `${actor.id} /stats${groupBy ? `?groupBy=${groupBy}` : ''} (${calls} store.stats)`;
        console.log(
          `  reference: ${route} ${fmt(pct(e, 0.5))} vs the schema-15 plan (without hazards_domain_counts, this file's statistics) ${fmt(pct(f, 0.5))} (same counts) — ${(pct(f, 0.5) / pct(e, 0.5)).toFixed(1)}× faster`,
        );
        // The plan depends on the statistics: with those of a freshly seeded city (analysed while
        // it was filled) the planner read an officer's scopes through hazards_domain, row by row.
        if (scopes !== 'all' && t.statsIndexedBy) {
          const g: number[] = [];
          for (let i = 0; i < 3; i++) {
            const t0 = performance.now();
            const r = await scopedStats(t.statsIndexedBy('hazards_domain'), query, scopes);
            g.push(performance.now() - t0);
            if (i === 0 && JSON.stringify(r) !== JSON.stringify(after)) throw new Error(`${actor.id} /stats through hazards_domain differs / 统计结果不一致`);
          }
          console.log(`  reference: ${route} ${fmt(pct(e, 0.5))} vs its scopes read through hazards_domain ${fmt(pct(g, 0.5))} (same counts) — ${(pct(g, 0.5) / pct(e, 0.5)).toFixed(1)}× faster`);
        }
      }
    }
  }
  if (t.flatQuery && wanted('officer /queues/enforcement')) {
    // The officer's enforcement queue (3 queries per district and domain, as the route asks
    // them): the store's reads against the flat statement for every query.
    const officer = ACTORS.find((a) => a.id === 'officer')!;
    const filters = queueFilters('enforcement', officer);
    const flat = t.flatQuery as Store;
    const e: number[] = [];
    const f: number[] = [];
    for (let i = 0; i < 3; i++) {
      let t0 = performance.now();
      const now = await collectHazards(t.store, filters, 500);
      e.push(performance.now() - t0);
      t0 = performance.now();
      const before = await collectHazards(flat, filters, 500);
      f.push(performance.now() - t0);
      const ids = (xs: Array<{ hazardId: string }>) => JSON.stringify(xs.map((x) => x.hazardId));
      if (i === 0 && ids(now) !== ids(before)) throw new Error('the enforcement queue differs from the flat statement / 执法待办结果不一致');
    }
    console.log(
      `  reference: officer enforcement queue (${filters.length} queries, store.query) ${fmt(pct(e, 0.5))} vs the flat statement for each ${fmt(pct(f, 0.5))} (same hazards) — ${(pct(f, 0.5) / pct(e, 0.5)).toFixed(1)}× faster`,
    );
  }
  if (t.oldTenancies && wanted('tenancies')) {
    const tenants = city.rental.tenancies.slice(0, 200).map((x) => x.tenantEnterpriseId);
    let t0 = performance.now();
    for (const x of tenants) t.oldTenancies(x);
    const oldMs = (performance.now() - t0) / tenants.length;
    t0 = performance.now();
    for (const x of tenants) await t.rental.tenancies({ tenantEnterpriseId: x });
    const newMs = (performance.now() - t0) / tenants.length;
    console.log(`  reference: a tenant's tenancies ${newMs.toFixed(3)} ms vs the previous (@x IS NULL OR col = @x) statement ${oldMs.toFixed(3)} ms — ${(oldMs / newMs).toFixed(0)}× faster`);
  }
}

async function main(): Promise<void> {
  const targets: Array<() => Promise<Target> | Target> = [];
  if (values.db) targets.push(() => sqliteTarget(values.db!));
  if (values.schema) targets.push(() => postgresTarget(values.pg!, values.schema!));
  for (const make of targets) {
    const t = await make();
    try {
      await run(t);
    } finally {
      await t.close();
    }
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
