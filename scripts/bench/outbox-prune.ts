// `node scripts/run-ts.mjs scripts/bench/outbox-prune.ts`: outbox retention (Store.pruneOutbox)
// at a county city's scale. An outbox of a year of delivered messages (default 300 000, one
// per event, created evenly over 365 days, each acknowledged a minute after it was written)
// plus 200 pending and 50 dead ones, written straight into a SQLite file and a PostgreSQL
// schema the stores migrated; then, in the same run:
//   - the prune itself: calls of `limit` 1000 keeping 90 days, until `more` is false — ms per
//     call (median, max: how long each holds the write lock) and in all;
//   - the daily prune once caught up (nothing old enough): the store's query through its index
//     against the same query without it (SQLite `NOT INDEXED`; PostgreSQL with outbox_done
//     dropped inside a rolled-back transaction), median of the rounds, and the ratio;
//   - outboxStatus (the dashboard's count) before and after the prune, and the ratio.
// Options: --rows 300000 --rounds 7 --stores sqlite,postgres --pg postgres://postgres@127.0.0.1:5432/test
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { OutboxStore, PruneOutboxInput, PruneOutboxResult } from '@anjian/core/ports';
import { createSqliteStore } from '@anjian/store-sqlite';
import { createPostgresStore } from '@anjian/store-postgres';
import { PRUNABLE_DELIVERED } from '../../packages/store-sqlite/src/prune-outbox-sql.js';
import { pruneOutboxStatement } from '../../packages/store-postgres/src/prune-outbox-sql.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '300000' },
    rounds: { type: 'string', default: '7' },
    stores: { type: 'string', default: 'sqlite,postgres' },
    pg: { type: 'string', default: process.env.ANJIAN_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const ROWS = Number(values.rows);
const ROUNDS = Number(values.rounds);
const DAY = 86_400_000;
const NOW = Date.parse('2026-12-01T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const KEEP = { deliveredBefore: iso(NOW - 90 * DAY), limit: 1000 } as const;
const PAYLOAD = JSON.stringify({ type: 'notice_issued', title: { 'zh-CN': '未安装可燃气体报警器'.repeat(4) }, area: 'D1/G3', enterpriseId: 'E-17', pad: 'x'.repeat(400) });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const n = (x: number) => x.toLocaleString('en-US');

/** Row i of the seeded outbox: [id, created_at, status, available_at, done_at]. */
function row(i: number): [string, string, 'done' | 'pending' | 'dead', string, string | null] {
  const created = NOW - 365 * DAY + Math.floor((i * 365 * DAY) / ROWS);
  if (i >= ROWS - 200) return [`h${i}/1`, iso(created), 'pending', iso(created), null];
  if (i % Math.floor(ROWS / 50) === 0) return [`h${i}/1`, iso(created), 'dead', iso(created), null];
  return [`h${i}/1`, iso(created), 'done', iso(created + 60_000), iso(created + 60_000)];
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now();
  const out = await fn();
  return [out, performance.now() - t];
}

async function pruneAll(store: OutboxStore & { pruneOutbox(i: PruneOutboxInput): Promise<PruneOutboxResult> }) {
  const calls: number[] = [];
  let deleted = 0;
  for (;;) {
    const [r, ms] = await timed(() => store.pruneOutbox(KEEP));
    calls.push(ms);
    deleted += r.delivered + r.dead;
    if (!r.more) break;
  }
  const total = calls.reduce((a, b) => a + b, 0);
  console.log(
    `  prune: ${n(deleted)} delivered messages in ${calls.length} calls of ≤ ${KEEP.limit}, ${total.toFixed(0)} ms; per call median ${median(calls).toFixed(1)} ms, max ${Math.max(...calls).toFixed(1)} ms`,
  );
}

async function statusMs(store: OutboxStore): Promise<number> {
  const ms: number[] = [];
  for (let r = 0; r < ROUNDS; r++) ms.push((await timed(() => store.outboxStatus(iso(NOW))))[1]);
  return median(ms);
}

async function sqlite(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'anjian-outbox-prune-'));
  try {
    const path = join(dir, 'outbox.db');
    createSqliteStore({ path }).close();
    const raw = new Database(path);
    const insert = raw.prepare(`INSERT INTO outbox (id, hazard_id, event_id, topic, payload, created_at, status, available_at, done_at) VALUES (?, ?, ?, 'hazard.notice_issued', ?, ?, ?, ?, ?)`);
    raw.transaction(() => {
      for (let i = 0; i < ROWS; i++) {
        const [id, created, status, available, done] = row(i);
        insert.run(id, id.split('/')[0], id, PAYLOAD, created, status, available, done);
      }
    })();
    raw.exec('ANALYZE');
    const store = createSqliteStore({ path });
    const before = await statusMs(store);
    await pruneAll(store);
    const after = await statusMs(store);
    // Once caught up: the daily call finds nothing to delete.
    const withIndex: number[] = [];
    const without: number[] = [];
    const q = raw.prepare(PRUNABLE_DELIVERED);
    const scan = raw.prepare(PRUNABLE_DELIVERED.replace('INDEXED BY outbox_ready', 'NOT INDEXED'));
    for (let r = 0; r < ROUNDS; r++) {
      withIndex.push((await timed(() => q.all(KEEP.deliveredBefore, KEEP.deliveredBefore, KEEP.limit)))[1]);
      without.push((await timed(() => scan.all(KEEP.deliveredBefore, KEEP.deliveredBefore, KEEP.limit)))[1]);
    }
    console.log(`  caught-up prune query: outbox_ready ${median(withIndex).toFixed(3)} ms, table scan ${median(without).toFixed(1)} ms (${(median(withIndex) / median(without)).toFixed(4)})`);
    console.log(`  outboxStatus: ${before.toFixed(1)} ms before, ${after.toFixed(1)} ms after (${(after / before).toFixed(2)})`);
    raw.close();
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgres(): Promise<void> {
  const pool = new pg.Pool({ connectionString: values.pg, max: 4 });
  const schema = `bench_outbox_prune_${process.pid}`;
  const s = `"${schema}"`;
  try {
    const store = createPostgresStore({ pool, schema });
    await store.migrate();
    await pool.query(
      `INSERT INTO ${s}.outbox (id, hazard_id, event_id, topic, payload, created_at, status, available_at, done_at)
       SELECT x.id, split_part(x.id, '/', 1), x.id, 'hazard.notice_issued', $2, x.created, x.status, x.available, x.done
       FROM unnest($1::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(id, created, status, available, done)`,
      (() => {
        const rows = Array.from({ length: ROWS }, (_, i) => row(i));
        return [rows.map((r) => r[0]), PAYLOAD, rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3]), rows.map((r) => r[4])];
      })(),
    );
    await pool.query(`VACUUM ANALYZE ${s}.outbox`);
    const before = await statusMs(store);
    await pruneAll(store);
    await pool.query(`VACUUM ANALYZE ${s}.outbox`);
    const after = await statusMs(store);
    // Once caught up: the statement's plan and time, with outbox_done and without it (dropped in a rolled-back transaction).
    const literal = pruneOutboxStatement(s).replaceAll('$1', `'${KEEP.deliveredBefore}'`).replaceAll('$2', 'NULL').replaceAll('$3', String(KEEP.limit));
    const client = await pool.connect();
    const explain = async (drop: boolean) => {
      await client.query('BEGIN');
      try {
        if (drop) await client.query(`DROP INDEX ${s}.outbox_done`);
        const r = await client.query(`EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) ${literal}`);
        const text = r.rows.map((x: { 'QUERY PLAN': string }) => x['QUERY PLAN']).join('\n');
        return { ms: Number(/Execution Time: ([\d.]+)/.exec(text)?.[1]), buffers: Number(/Buffers: shared hit=(\d+)/.exec(text)?.[1] ?? NaN) };
      } finally {
        await client.query('ROLLBACK');
      }
    };
    const withIndex: Array<{ ms: number; buffers: number }> = [];
    const without: Array<{ ms: number; buffers: number }> = [];
    try {
      for (let r = 0; r < ROUNDS; r++) {
        withIndex.push(await explain(false));
        without.push(await explain(true));
      }
    } finally {
      client.release();
    }
    const w = median(withIndex.map((x) => x.ms));
    const wo = median(without.map((x) => x.ms));
    console.log(
      `  caught-up prune statement (server time): outbox_done ${w.toFixed(3)} ms / ${median(withIndex.map((x) => x.buffers))} buffers, without it ${wo.toFixed(1)} ms / ${median(without.map((x) => x.buffers))} buffers (${(w / wo).toFixed(4)})`,
    );
    console.log(`  outboxStatus: ${before.toFixed(1)} ms before, ${after.toFixed(1)} ms after (${(after / before).toFixed(2)})`);
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await pool.end();
  }
}

console.log(`outbox retention: ${n(ROWS)} messages over a year (200 pending, ${n(Math.ceil(ROWS / Math.floor(ROWS / 50)))} dead), keep 90 days; load ${loadavg()[0]!.toFixed(1)}`);
async function main(): Promise<void> {
  const stores = values.stores.split(',');
  if (stores.includes('sqlite')) {
    console.log('SQLite');
    await sqlite();
  }
  if (stores.includes('postgres')) {
    console.log('PostgreSQL');
    await postgres();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
