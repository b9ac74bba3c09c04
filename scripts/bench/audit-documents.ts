// `pnpm bench:audit-documents`: what checking issued documents against the document trail
// (decision 009) adds to `verifyAudit`. Two SQLite files seeded with the same audit trail of
// N hazards — one with a rectification order numbered and issued with every notice (N
// documents, N trail entries), one without — then `verifyAudit` on each, alternating which
// goes first: wall ms and CPU ms, and the ratio with ÷ without (the reference still reads the
// register once per hazard — it finds nothing — so the ratio is the cost of comparing the
// documents: the trail, one content read and one SHA-256 per document). With `pg`, the same on
// two PostgreSQL schemas (127.0.0.1:5432 db test, or ANJIAN_PG_URL).
// Arguments: [hazards 2000] [pairs 3] [pg]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '@anjian/core';
import { verifyAudit } from '@anjian/core/audit';
import { seedAuditTrail } from '@anjian/core/testing';
import { createSqliteStore } from '@anjian/store-sqlite';
import { createPostgresStore } from '@anjian/store-postgres';
import pg from 'pg';

const hazards = Number(process.argv[2] ?? 2000);
const pairs = Number(process.argv[3] ?? 3);
const withPg = process.argv.includes('pg');
const ids = Array.from({ length: hazards }, (_, i) => `H-${String(i).padStart(6, '0')}`);

async function timeAudit(store: Store): Promise<{ wallMs: number; cpuMs: number; documents: number }> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const r = await verifyAudit(store);
  const wallMs = performance.now() - t;
  const u = process.cpuUsage(cpu);
  if (!r.ok) throw new Error(`audit found problems: ${JSON.stringify(r.problems)}`);
  return { wallMs, cpuMs: (u.user + u.system) / 1000, documents: r.checked.documents };
}

async function compare(label: string, open: (documents: boolean) => Promise<{ store: Store; close: () => Promise<void> }>) {
  const stores = { with: await open(true), without: await open(false) };
  await seedAuditTrail(stores.with.store, { hazardIds: ids, documents: 'D1', denials: 0 });
  await seedAuditTrail(stores.without.store, { hazardIds: ids, denials: 0 });
  const ratios: { wall: number; cpu: number }[] = [];
  for (let p = 0; p < pairs; p++) {
    const order: Array<'with' | 'without'> = p % 2 === 0 ? ['with', 'without'] : ['without', 'with'];
    const got: Record<string, Awaited<ReturnType<typeof timeAudit>>> = {};
    for (const side of order) got[side] = await timeAudit(stores[side].store);
    const a = got.with!;
    const b = got.without!;
    ratios.push({ wall: a.wallMs / b.wallMs, cpu: a.cpuMs / b.cpuMs });
    console.log(
      `${label} pair ${p + 1}: with ${a.documents} documents ${a.wallMs.toFixed(0)} ms wall / ${a.cpuMs.toFixed(0)} ms CPU; without ${b.wallMs.toFixed(0)} / ${b.cpuMs.toFixed(0)}; ratio wall ${(a.wallMs / b.wallMs).toFixed(2)}, CPU ${(a.cpuMs / b.cpuMs).toFixed(2)}`,
    );
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;
  console.log(`${label}: median ratio with ÷ without — wall ${median(ratios.map((r) => r.wall)).toFixed(2)}, CPU ${median(ratios.map((r) => r.cpu)).toFixed(2)} (load ${loadavg()[0]?.toFixed(1)})`);
  await stores.with.close();
  await stores.without.close();
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'anjian-bench-audit-docs-'));
  try {
    await compare('sqlite', async (documents) => {
      const store = createSqliteStore({ path: join(dir, `${documents ? 'with' : 'without'}.db`) });
      return { store, close: async () => store.close() };
    });
    if (withPg) {
      const pool = new pg.Pool({ connectionString: process.env.ANJIAN_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test', max: 8 });
      const suffix = `${process.pid}_${Date.now().toString(36)}`;
      try {
        await compare('postgres', async (documents) => {
          const schema = `anjian_bench_docs_${documents ? 'with' : 'without'}_${suffix}`;
          const store = createPostgresStore({ pool, schema });
          await store.migrate();
          return { store, close: async () => void (await pool.query(`DROP SCHEMA "${schema}" CASCADE`)) };
        });
      } finally {
        await pool.end();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
