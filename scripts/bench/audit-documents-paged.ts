// `node scripts/run-ts.mjs scripts/bench/audit-documents-paged.ts` (decision 009, consequence "a paged read of the whole
// register"): is a paged read of the register on the Store port worth adding to the audit?
// Seeds N hazards with an issued document each, then times, alternating which goes first:
//   per-hazard — what auditDocuments does today: readDocuments for 16 hazards at a time, then
//                readDocumentContent of their documents side by side;
//   paged      — a prototype of the paged read, outside the port: the register joined with its
//                contents, keyset-paged by (jurisdiction, kind, year, seq), 5 000 rows a page;
//   audit      — the whole verifyAudit, with the store's readDocumentRegister (paged) and
//                without it (per hazard), alternating.
// Prints each as ms and the ratios paged ÷ per-hazard, per-hazard ÷ audit and audit with ÷
// without readDocumentRegister (same run).
// SQLite file always; with `pg`, a PostgreSQL schema (127.0.0.1:5432 db test, or ANJIAN_PG_URL).
// Arguments: [hazards 2000] [rounds 3] [pg]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '@anjian/core';
import { verifyAudit } from '@anjian/core/audit';
import { seedAuditTrail } from '@anjian/core/testing';
import { createSqliteStore } from '@anjian/store-sqlite';
import { createPostgresStore } from '@anjian/store-postgres';
import pg from 'pg';

const hazards = Number(process.argv[2] ?? 2000);
const rounds = Number(process.argv[3] ?? 3);
const withPg = process.argv.includes('pg');
const ids = Array.from({ length: hazards }, (_, i) => `H-${String(i).padStart(6, '0')}`);
const PAGE = 5_000;

async function perHazard(store: Store): Promise<number> {
  let n = 0;
  for (let i = 0; i < ids.length; i += 16) {
    const records = (await Promise.all(ids.slice(i, i + 16).map((h) => store.readDocuments(h)))).flat();
    const contents = await Promise.all(records.map((r) => (r.contentHash === null ? null : store.readDocumentContent(r))));
    n += contents.filter((c) => c !== null).length;
  }
  return n;
}

type Paged = () => Promise<number>;

async function time(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

async function run(label: string, store: Store, paged: Paged) {
  if ((await perHazard(store)) !== hazards || (await paged()) !== hazards) throw new Error('reads disagree');
  const rows: Array<{ per: number; paged: number; audit: number }> = [];
  const audited: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const out = { per: 0, paged: 0, audit: 0 };
    const order = r % 2 === 0 ? (['per', 'paged'] as const) : (['paged', 'per'] as const);
    for (const k of order) out[k] = await time(k === 'per' ? () => perHazard(store) : paged);
    // The whole audit with the port's paged read and without it (the store without readDocumentRegister), alternating.
    const withoutPages: Store = { ...store, readDocumentRegister: undefined };
    const audits = r % 2 === 0 ? [store, withoutPages] : [withoutPages, store];
    const [first, second] = [await time(() => verifyAudit(audits[0] as Store)), await time(() => verifyAudit(audits[1] as Store))];
    out.audit = r % 2 === 0 ? first : second;
    const auditPerHazard = r % 2 === 0 ? second : first;
    audited.push(out.audit / auditPerHazard);
    rows.push(out);
    console.log(
      `${label} round ${r + 1}: per-hazard ${out.per.toFixed(0)} ms, paged ${out.paged.toFixed(0)} ms, audit ${out.audit.toFixed(0)} ms (per hazard ${auditPerHazard.toFixed(0)} ms); paged ÷ per-hazard ${(out.paged / out.per).toFixed(2)}, per-hazard ÷ audit ${(out.per / out.audit).toFixed(2)}, audit paged ÷ per hazard ${(out.audit / auditPerHazard).toFixed(2)}`,
    );
  }
  console.log(`${label}: median audit with readDocumentRegister ÷ without ${[...audited].sort((x, y) => x - y)[Math.floor(audited.length / 2)]?.toFixed(2)}`);
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;
  console.log(
    `${label}: median paged ÷ per-hazard ${median(rows.map((x) => x.paged / x.per)).toFixed(2)}, per-hazard ÷ audit ${median(rows.map((x) => x.per / x.audit)).toFixed(2)}, saving ≈ ${median(rows.map((x) => (x.per - x.paged) / x.audit)).toFixed(2)} of the audit (${hazards} hazards, load ${loadavg()[0]?.toFixed(1)})`,
  );
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'anjian-bench-audit-paged-'));
  try {
    const path = join(dir, 'bench.db');
    const store = createSqliteStore({ path });
    await seedAuditTrail(store, { hazardIds: ids, documents: 'D1', denials: 0 });
    const db = new Database(path, { readonly: true });
    const page = db.prepare(`SELECT d.*, c.content FROM documents d LEFT JOIN document_contents c USING (jurisdiction, kind, year, seq)
      WHERE (d.jurisdiction, d.kind, d.year, d.seq) > (?, ?, ?, ?) ORDER BY d.jurisdiction, d.kind, d.year, d.seq LIMIT ?`);
    await run('sqlite', store, async () => {
      let n = 0;
      for (let after: unknown[] = ['', '', 0, 0]; ;) {
        const rows = page.all(...after, PAGE) as Array<Record<string, unknown>>;
        n += rows.filter((x) => x.content !== null).length;
        const last = rows[rows.length - 1];
        if (rows.length < PAGE || !last) return n;
        after = [last.jurisdiction, last.kind, last.year, last.seq];
      }
    });
    db.close();
    store.close();
    if (withPg) {
      const pool = new pg.Pool({ connectionString: process.env.ANJIAN_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test', max: 10 });
      const schema = `anjian_bench_paged_${process.pid}_${Date.now().toString(36)}`;
      try {
        const pgStore = createPostgresStore({ pool, schema });
        await pgStore.migrate();
        await seedAuditTrail(pgStore, { hazardIds: ids, documents: 'D1', denials: 0 });
        await run('postgres', pgStore, async () => {
          let n = 0;
          for (let after: unknown[] = ['', '', 0, 0]; ;) {
            const { rows } = await pool.query(
              `SELECT d.*, c.content FROM "${schema}".documents d LEFT JOIN "${schema}".document_contents c USING (jurisdiction, kind, year, seq)
               WHERE (d.jurisdiction, d.kind, d.year, d.seq) > ($1, $2, $3, $4) ORDER BY d.jurisdiction, d.kind, d.year, d.seq LIMIT $5`,
              [...after, PAGE],
            );
            n += rows.filter((x: Record<string, unknown>) => x.content !== null).length;
            const last = rows[rows.length - 1] as Record<string, unknown> | undefined;
            if (rows.length < PAGE || !last) return n;
            after = [last.jurisdiction, last.kind, last.year, last.seq];
          }
        });
      } finally {
        await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await pool.end();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
