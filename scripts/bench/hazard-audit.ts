// `pnpm bench:hazard-audit`: what `GET /hazards/{id}/audit` spends on the document trail, as the
// trail grows — the per-hazard read (`verifyHazardDocuments`: the hazard's entries through the
// store's index, linked up to the next signed head) beside the reference it replaced, in the
// same run (`verifyHazardDocumentsWholeTrail`: every trail entry and every stored checkpoint,
// read and hashed per call). A SQLite file (and, with `pg`, a PostgreSQL schema) seeded with
// `seedAuditTrail` — N hazards, a rectification order numbered and issued with every notice (N
// trail entries) — with a signed checkpoint every `every` entries (the scheduler's `everyMs`),
// then, for sampled hazards, reference and per-hazard checks alternately (ABBA), both with the
// verifier, their findings compared. Printed per size: median ms of each, their ratio, the trail
// entries and checkpoints each read, and the whole route check (`verifyHazardTrail`) with the
// per-hazard read. Sizes grow in the same run on the same file.
// Arguments: [sizes 2000,20000] [calls 20] [every 500] [pg | pg-only]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Store } from '@anjian/core';
import { signStoreCheckpoint, verifyHazardDocuments, verifyHazardDocumentsWholeTrail, verifyHazardTrail } from '@anjian/core/audit';
import { createEd25519Signer, createEd25519Verifier, generateEd25519KeyPair } from '@anjian/core/node';
import { seedAuditTrail } from '@anjian/core/testing';
import { createSqliteStore } from '@anjian/store-sqlite';
import { createPostgresStore } from '@anjian/store-postgres';
import pg from 'pg';

const args = process.argv.slice(2).filter((a) => a !== 'pg' && a !== 'pg-only');
const sizes = (args[0] ?? '2000,20000').split(',').map(Number);
const calls = Number(args[1] ?? 20);
const every = Number(args[2] ?? 500);
const pgOnly = process.argv.includes('pg-only');
const withPg = pgOnly || process.argv.includes('pg');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const keys = generateEd25519KeyPair();
const signer = createEd25519Signer(keys.privateKeyPem);
const verifier = createEd25519Verifier(keys.publicKeyPem);

/** The store, counting the trail entries and checkpoints it hands out. */
function counting(store: Store) {
  const read = { entries: 0, checkpoints: 0 };
  const wrapped: Store = Object.create(store) as Store;
  wrapped.readDocumentTrail = async (from, limit) => {
    const page = await store.readDocumentTrail(from, limit);
    read.entries += page.length;
    return page;
  };
  wrapped.readCheckpoints = async (from, limit) => {
    const page = await store.readCheckpoints(from, limit);
    read.checkpoints += page.length;
    return page;
  };
  return { wrapped, read };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

async function run(label: string, store: Store): Promise<void> {
  let seeded = 0;
  let signedAt = 0;
  for (const size of sizes) {
    const t = performance.now();
    while (seeded < size) {
      const n = Math.min(every - (seeded % every), size - seeded);
      const ids = Array.from({ length: n }, (_, i) => `H-${String(seeded + i).padStart(7, '0')}`);
      await seedAuditTrail(store, { hazardIds: ids, documents: 'D1', denials: 0, start: new Date(Date.parse('2026-01-02T01:00:00.000Z') + seeded * 4 * 60_000).toISOString() });
      seeded += n;
      if (seeded - signedAt >= every) {
        const signed = await signStoreCheckpoint(store, signer, { now: new Date(Date.parse('2026-01-02T01:00:00.000Z') + seeded * 4 * 60_000).toISOString() });
        if (signed.kind !== 'signed') throw new Error(`checkpoint at ${seeded}: ${signed.kind}`);
        signedAt = seeded;
      }
    }
    const entries = (await store.readDocumentTrail(1, 10_000_000)).length;
    const checkpoints = (await store.latestCheckpoint())?.seq ?? 0;
    const old: number[] = [];
    const now: number[] = [];
    const route: number[] = [];
    const readOld = { entries: 0, checkpoints: 0 };
    const readNew = { entries: 0, checkpoints: 0 };
    for (let c = 0; c < calls; c++) {
      const id = `H-${String(Math.floor(((c + 0.5) * size) / calls)).padStart(7, '0')}`;
      const a = counting(store);
      const b = counting(store);
      const reference = async () => (await timed(() => verifyHazardDocumentsWholeTrail(a.wrapped, id, { verifier }))) as { ms: number; value: unknown };
      const perHazard = async () => (await timed(() => verifyHazardDocuments(b.wrapped, id, { verifier }))) as { ms: number; value: unknown };
      // ABBA: the order alternates so that neither always runs on a warmer cache.
      let x: { ms: number; value: unknown };
      let y: { ms: number; value: unknown };
      if (c % 2 === 0) {
        x = await reference();
        y = await perHazard();
      } else {
        y = await perHazard();
        x = await reference();
      }
      if (!isDeepStrictEqual(x.value, y.value)) throw new Error(`${id}: findings differ ${JSON.stringify(x.value)} ≠ ${JSON.stringify(y.value)}`);
      old.push(x.ms);
      now.push(y.ms);
      for (const k of ['entries', 'checkpoints'] as const) {
        readOld[k] += a.read[k];
        readNew[k] += b.read[k];
      }
      const status = await timed(() => verifyHazardTrail(store, id, { now: '2027-01-01T00:00:00.000Z', verifier }));
      if (!status.value?.ok) throw new Error(`${id}: not ok ${JSON.stringify(status.value)}`);
      route.push(status.ms);
    }
    const [o, n, r] = [median(old), median(now), median(route)];
    console.log(
      `${label} ${entries.toLocaleString('en-US')} trail entries, ${checkpoints} checkpoints (seeded in ${((performance.now() - t) / 1000).toFixed(0)} s): ` +
        `whole trail ${o.toFixed(1)} ms → per hazard ${n.toFixed(2)} ms, ratio ${(n / o).toFixed(4)} (${(o / n).toFixed(0)}×); ` +
        `read per call ${(readOld.entries / calls).toFixed(0)} → ${(readNew.entries / calls).toFixed(1)} entries, ${(readOld.checkpoints / calls).toFixed(0)} → ${(readNew.checkpoints / calls).toFixed(1)} checkpoints; ` +
        `GET /hazards/{id}/audit's check ${r.toFixed(1)} ms; load ${loadavg()[0]!.toFixed(1)}`,
    );
  }
}

async function main(): Promise<void> {
  console.log(`bench:hazard-audit — sizes ${sizes.join(', ')}, ${calls} calls each (median), a checkpoint every ${every} entries; load ${loadavg()[0]!.toFixed(1)}`);
  const dir = mkdtempSync(join(tmpdir(), 'anjian-bench-hazard-audit-'));
  try {
    if (!pgOnly) {
      const store = createSqliteStore({ path: join(dir, 'audit.db') });
      await run('sqlite', store);
      store.close();
    }
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
