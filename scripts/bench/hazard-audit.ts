// `pnpm bench:hazard-audit`: what `GET /hazards/{id}/audit` (`verifyHazardTrail`) spends on the
// document trail, as the trail grows. A SQLite file (and, with `pg`, a PostgreSQL schema)
// seeded with `seedAuditTrail` — N hazards, a rectification order numbered and issued with
// every notice (N trail entries) — then `verifyHazardTrail` for sampled hazards, through a
// store whose `readDocumentTrail` and `readCheckpoints` are timed. Printed per call: wall ms,
// of it the trail read and the checkpoints read, and what is left — the floor of a per-hazard
// trail read through an index (it would still read the hazard's events, list row, register
// rows and the trail's first entry). Sizes grow in the same run on the same file.
// Arguments: [sizes 2000,20000] [calls 20] [pg]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '@anjian/core';
import { verifyHazardTrail } from '@anjian/core/audit';
import { seedAuditTrail } from '@anjian/core/testing';
import { createSqliteStore } from '@anjian/store-sqlite';
import { createPostgresStore } from '@anjian/store-postgres';
import pg from 'pg';

const sizes = (process.argv[2] ?? '2000,20000').split(',').map(Number);
const calls = Number(process.argv[3] ?? 20);
const withPg = process.argv.includes('pg');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The store with two reads timed. */
function timed(store: Store) {
  const spent = { trail: 0, checkpoints: 0 };
  const wrapped: Store = Object.create(store) as Store;
  wrapped.readDocumentTrail = async (from, limit) => {
    const t = performance.now();
    const page = await store.readDocumentTrail(from, limit);
    spent.trail += performance.now() - t;
    return page;
  };
  wrapped.readCheckpoints = async (from, limit) => {
    const t = performance.now();
    const page = await store.readCheckpoints(from, limit);
    spent.checkpoints += performance.now() - t;
    return page;
  };
  return { wrapped, spent };
}

async function run(label: string, store: Store): Promise<void> {
  let seeded = 0;
  for (const size of sizes) {
    const ids = Array.from({ length: size - seeded }, (_, i) => `H-${String(seeded + i).padStart(7, '0')}`);
    const t = performance.now();
    await seedAuditTrail(store, { hazardIds: ids, documents: 'D1', denials: 0, start: new Date(Date.parse('2026-01-02T01:00:00.000Z') + seeded * 4 * 60_000).toISOString() });
    seeded = size;
    const entries = (await store.readDocumentTrail(1, 1_000_000)).length;
    const { wrapped, spent } = timed(store);
    const wall: number[] = [];
    const trail: number[] = [];
    const cps: number[] = [];
    for (let c = 0; c < calls; c++) {
      const id = `H-${String(Math.floor(((c + 0.5) * size) / calls)).padStart(7, '0')}`;
      spent.trail = spent.checkpoints = 0;
      const t0 = performance.now();
      const status = await verifyHazardTrail(wrapped, id, { now: '2027-01-01T00:00:00.000Z' });
      wall.push(performance.now() - t0);
      trail.push(spent.trail);
      cps.push(spent.checkpoints);
      if (!status?.ok) throw new Error(`${id}: not ok ${JSON.stringify(status)}`);
    }
    const [w, tr, cp] = [median(wall), median(trail), median(cps)];
    console.log(
      `${label} ${entries.toLocaleString('en-US')} trail entries (seeded in ${((performance.now() - t) / 1000).toFixed(0)} s): per call ${w.toFixed(1)} ms — trail read ${tr.toFixed(1)} ms (${((100 * tr) / w).toFixed(0)} %), checkpoints ${cp.toFixed(1)} ms, the rest ${(w - tr - cp).toFixed(1)} ms; load ${loadavg()[0]!.toFixed(1)}`,
    );
  }
}

async function main(): Promise<void> {
  console.log(`bench:hazard-audit — sizes ${sizes.join(', ')}, ${calls} calls each (median); load ${loadavg()[0]!.toFixed(1)}`);
  const dir = mkdtempSync(join(tmpdir(), 'anjian-bench-hazard-audit-'));
  try {
    const store = createSqliteStore({ path: join(dir, 'audit.db') });
    await run('sqlite', store);
    store.close();
    if (withPg) {
      const pool = new pg.Pool({ connectionString: process.env.ANJIAN_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test', max: 8 });
      const schema = `anjian_bench_hazard_audit_${process.pid}`;
      try {
        const pgStore = createPostgresStore({ pool, schema });
        await pgStore.migrate();
        await run('postgres', pgStore);
        await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      } finally {
        await pool.end();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
void main();
