// `pnpm bench:permits`: a city-year of hazardous-work permits (40 000 by default, the order of
// the 37 500 jobs the modelled platform managed in a year) recorded through core's
// `handlePermitCommand` into the SQLite and PostgreSQL permit stores, then the supervisors'
// query "open now by area" (a district, sub-areas included, and a grid) asked many times.
// Each permit lives its own day of the year: apply → approve → gas test → attendant present →
// start → monitoring readings (a GB 46768 confined space every 15 min; hot work and height
// fewer) → close; one in ten (hot work and confined spaces) is left open (in progress) so the query has something to find.
// Printed per store: commands/s and permits/s, p50/p99 per command, query p50/p99 and
// queries/s, rows. Reference in the same run: the memory store with the same workload (the
// core's decide/evolve/hash cost), so the store's share is the ratio. Printed, not asserted
// (docs/permits.md). PostgreSQL with autovacuum off (the test server) asks the query again after
// a VACUUM ANALYZE, since every command leaves its permit row's old version behind.
// Options: --permits 40000 --stores sqlite,postgres --lanes 8 --queries 2000
//          --pg postgres://postgres@127.0.0.1:5432/test
//          --keep (leave the SQLite file and the PostgreSQL schema in place, and print where, to
//          look at the query plans on the same data: sqlite3 FILE 'EXPLAIN QUERY PLAN …')
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createMemoryPermitStore, DEFAULT_PERMIT_RULES, handlePermitCommand, type PermitActor, type PermitCommand, type PermitStore } from '@anjian/core/internal';
import { createPostgresPermitStore } from '@anjian/store-postgres';
import { createSqlitePermitStore } from '@anjian/store-sqlite';

const { values } = parseArgs({
  options: {
    permits: { type: 'string', default: '40000' },
    stores: { type: 'string', default: 'sqlite,postgres' },
    lanes: { type: 'string', default: '8' },
    queries: { type: 'string', default: '2000' },
    pg: { type: 'string', default: process.env.ANJIAN_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
    keep: { type: 'boolean', default: false },
  },
});
const N = Number(values.permits);
if (!(Number.isInteger(N) && N >= 10)) throw new Error(`--permits must be an integer ≥ 10, got ${values.permits} / --permits 应为不小于 10 的整数`);
const LANES = Math.max(1, Number(values.lanes));
const QUERIES = Math.max(10, Number(values.queries));
const DISTRICTS = 12;
const GRIDS = 20;
const YEAR_START = Date.parse('2026-05-01T00:00:00.000Z'); // GB 46768 in force
const MIN = 60_000;

const applicant: PermitActor = { id: 'foreman', roles: [] };
const approvers: Record<string, PermitActor> = { first: { id: 'safety', roles: ['safety_department'] }, none: { id: 'unit', roles: ['unit'] } };
const attendant: PermitActor = { id: 'attendant', roles: [] };

type Step = { command: PermitCommand; actor: PermitActor; minute: number };

/** The steps of permit `i`: its kind, its area and its day are derived from `i` (the same in every store). */
function planOf(i: number): { id: string; steps: Step[] } {
  const id = `pm-${String(i).padStart(7, '0')}`;
  const t0 = YEAR_START + Math.floor((i * 365 * 24 * 60) / N) * MIN;
  const area = `C1/D${String(i % DISTRICTS).padStart(2, '0')}/G${String(Math.floor(i / DISTRICTS) % GRIDS).padStart(2, '0')}`;
  const kind = i % 10 < 5 ? 'hot' : i % 10 < 8 ? 'confined' : 'height';
  const iso = (m: number) => new Date(t0 + m * MIN).toISOString();
  const apply: PermitCommand =
    kind === 'hot'
      ? {
          type: 'apply',
          permitId: id,
          kind: 'hot_work',
          hotWork: { situations: ['hazardous_area'], openAir: false, shutDown: [] },
          enterpriseId: `E${i % 3000}`,
          area,
          workerIds: ['w1', 'w2'],
          attendantId: 'attendant',
          validFrom: iso(0),
          flammableLelPctVol: 5,
        }
      : kind === 'confined'
        ? {
            type: 'apply',
            permitId: id,
            kind: 'confined_space',
            grade: 'none',
            enterpriseId: `E${i % 3000}`,
            area,
            workerIds: ['w1'],
            attendantId: 'attendant',
            validFrom: iso(0),
          }
        : {
            type: 'apply',
            permitId: id,
            kind: 'work_at_height',
            // grade Ⅰ (4 m, nothing raising it), derived by the server: approved by the unit
            height: { heightM: 4, fallFactors: [], situations: [] },
            enterpriseId: `E${i % 3000}`,
            area,
            workerIds: ['w1'],
            attendantId: 'attendant',
            validFrom: iso(0),
          };
  const approver = kind === 'hot' ? approvers.first! : approvers.none!;
  const gas = (m: number) =>
    kind === 'hot' ? { sampledAt: iso(m), instrument: 'PID-7', place: 'P1', flammablePctVol: 0.1 } : { sampledAt: iso(m), instrument: 'PUMP-4', place: 'manhole', o2PctVol: 20.8, flammablePctLel: 1 };
  const steps: Step[] = [
    { command: apply, actor: applicant, minute: -30 },
    { command: { type: 'approve' }, actor: approver, minute: -20 },
  ];
  if (kind !== 'height') steps.push({ command: { type: 'record_gas_test', reading: gas(-10) }, actor: applicant, minute: -9 });
  steps.push({ command: { type: 'attendant_present' }, actor: attendant, minute: -5 });
  steps.push({ command: { type: 'start', ...(kind === 'confined' ? { attachments: [{ kind: 'signed_briefing', source: 'paper', recordNo: `JD-${i}` }] } : {}) }, actor: applicant, minute: 0 });
  const readings = kind === 'confined' ? 8 : kind === 'hot' ? 2 : 0;
  for (let r = 1; r <= readings; r++) steps.push({ command: { type: 'record_reading', reading: gas(r * 14) }, actor: attendant, minute: r * 14 });
  if (i % 20 !== 4 && i % 20 !== 7) steps.push({ command: { type: 'close' }, actor: applicant, minute: readings * 14 + 5 });
  return { id, steps };
}

function pct(sorted: Float64Array, p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface RunResult {
  name: string;
  commands: number;
  ms: number;
  p50: number;
  p99: number;
  refused: number;
  queryP50: number;
  queryP99: number;
  queryPerS: number;
  openFound: number;
  extra: string;
}

async function run(name: string, store: PermitStore, extra: () => string): Promise<RunResult> {
  // The attendant is a person of every enterprise in the directory; the workers are not in it (stored as declared).
  const attendantProfile = { id: 'attendant', roles: ['enterprise' as const], enterpriseIds: Array.from({ length: 3000 }, (_, i) => `E${i}`) };
  // Enterprise E<k> does the kind i % 10 picks (3000 is a multiple of 10): hot work at a hazardous-chemical enterprise, the rest at general ones.
  const regime = (id: string): 'hazchem' | 'general' => (Number(id.slice(1)) % 10 < 5 ? 'hazchem' : 'general');
  const directory = {
    resolve: async (id: string) => (id === 'attendant' ? attendantProfile : null),
    enterprise: async (id: string) => ({ id, name: id, area: '', regime: regime(id) }),
  };
  const deps = { store, rules: DEFAULT_PERMIT_RULES, directory };
  const lat: number[] = [];
  let refused = 0;
  let next = 0;
  const t0 = performance.now();
  let lastPrint = t0;
  async function lane(): Promise<void> {
    for (;;) {
      const i = next++;
      if (i >= N) return;
      const plan = planOf(i);
      const start = Date.parse((plan.steps[0]!.command as { validFrom: string }).validFrom);
      for (const s of plan.steps) {
        const c0 = performance.now();
        const r = await handlePermitCommand(deps, { permitId: plan.id, command: s.command, actor: s.actor, now: new Date(start + s.minute * MIN), commandId: `${plan.id}/${lat.length}` });
        lat.push(performance.now() - c0);
        if (!r.ok) refused++;
      }
      if (performance.now() - lastPrint > 10_000) {
        lastPrint = performance.now();
        process.stdout.write(`  ${name}: ${i + 1}/${N} permits, ${Math.round(lat.length / ((lastPrint - t0) / 1000))} commands/s\n`);
      }
    }
  }
  await Promise.all(Array.from({ length: LANES }, lane));
  const ms = performance.now() - t0;
  const sorted = Float64Array.from(lat).sort();
  const query = await askOpenByArea(store);
  return {
    name,
    commands: lat.length,
    ms,
    p50: pct(sorted, 50),
    p99: pct(sorted, 99),
    refused,
    ...query,
    extra: extra(),
  };
}

/** The supervisors' question, many times: open now in a district (its grids included) or a grid; a third with a kind. */
async function askOpenByArea(store: PermitStore): Promise<Pick<RunResult, 'queryP50' | 'queryP99' | 'queryPerS' | 'openFound'>> {
  const q: number[] = [];
  let openFound = 0;
  const q0 = performance.now();
  for (let k = 0; k < QUERIES; k++) {
    const d = `C1/D${String(Math.floor(k / 2) % DISTRICTS).padStart(2, '0')}`;
    const area = k % 2 === 0 ? d : `${d}/G${String(Math.floor(k / 2) % GRIDS).padStart(2, '0')}`;
    const c0 = performance.now();
    const items = await store.listOpen({ area, ...(k % 3 === 0 ? { kind: 'confined_space' } : {}), limit: 500 });
    q.push(performance.now() - c0);
    openFound += items.length;
  }
  const qms = performance.now() - q0;
  const qs = Float64Array.from(q).sort();
  return { queryP50: pct(qs, 50), queryP99: pct(qs, 99), queryPerS: QUERIES / (qms / 1000), openFound };
}

function printQuery(label: string, r: Pick<RunResult, 'queryP50' | 'queryP99' | 'queryPerS' | 'openFound'>, extra = ''): void {
  console.log(
    `${''.padEnd(10)} ${label}: ${QUERIES} queries, p50 ${r.queryP50.toFixed(2)} ms, p99 ${r.queryP99.toFixed(2)} ms, ${Math.round(r.queryPerS)} queries/s (${(r.openFound / QUERIES).toFixed(1)} permits per answer)${extra}`,
  );
}

function print(r: RunResult, ref: RunResult | null): void {
  const perS = r.commands / (r.ms / 1000);
  console.log(
    `${r.name.padEnd(10)} ${N} permits, ${r.commands} commands in ${(r.ms / 1000).toFixed(1)} s: ${Math.round(perS)} commands/s, ${Math.round(N / (r.ms / 1000))} permits/s; ` +
      `p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms per command; refused ${r.refused}` +
      (ref ? `; ${(ref.commands / (ref.ms / 1000) / perS).toFixed(1)}× slower than the memory reference` : ''),
  );
  printQuery('open now by area', r, r.extra);
}

async function main(): Promise<void> {
  console.log(
    `bench:permits — ${N} permits, ${LANES} lanes, Node ${process.version}, ${cpus().length} CPUs, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const ref = await run('memory', createMemoryPermitStore(), () => '');
  print(ref, null);
  const stores = values.stores.split(',').filter(Boolean);
  if (stores.includes('sqlite')) {
    const dir = mkdtempSync(join(tmpdir(), 'anjian-bench-permits-'));
    const path = join(dir, 'permits.db');
    const s = createSqlitePermitStore({ path });
    try {
      print(await run('sqlite', s, () => `; file ${(statSync(path).size / 1e6).toFixed(0)} MB`), ref);
    } finally {
      s.close();
      if (values.keep) console.log(`${''.padEnd(10)} kept ${path}`);
      else rmSync(dir, { recursive: true, force: true });
    }
  }
  if (stores.includes('postgres')) {
    const pool = new pg.Pool({ connectionString: values.pg, max: LANES + 2 });
    const schema = `bench_permits_${process.pid}`;
    const s = createPostgresPermitStore({ pool, schema });
    try {
      await s.migrate();
      print(await run('postgres', s, () => ''), ref);
      // Right after the load the permit rows' old versions are still there (each command
      // rewrites its permit's row); autovacuum would remove them. Where it is off (as on the
      // test server), the query is asked again after a VACUUM ANALYZE.
      const autovacuum = (await pool.query<{ autovacuum: string }>('SHOW autovacuum')).rows[0]?.autovacuum;
      if (autovacuum === 'off') {
        await pool.query(`VACUUM ANALYZE "${schema}".permit`);
        printQuery('after VACUUM ANALYZE (autovacuum is off here)', await askOpenByArea(s));
      }
    } finally {
      if (values.keep) console.log(`${''.padEnd(10)} kept schema ${schema}`);
      else await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    }
  }
  console.log(
    `load at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
