// `pnpm bench:events-id`: what SQLite's schema 8 (events without UNIQUE (id)) saves an append,
// and what the migration costs. Pairs on fresh files, alternating which goes first: the
// store's schema against the same schema plus a unique index on events.id (what schema 7
// wrote), each seeded with the same log (hazard ids spread like the chain's derived ids), then
// the same appends in groups of 16 with automatic checkpoints off: CPU µs and WAL KB per
// append, wall ms, and the ratios new ÷ old. Then migration 8 timed on a schema-7 file.
// Arguments: [seed events 200000] [appends 3200] [pairs 4] [events for the migration 400000, 0 skips]
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteStore, MIGRATIONS } from '@anjian/store-sqlite';
import { appendInput } from '../test-utils/store-fixtures.js';

const seedEvents = Number(process.argv[2] ?? 200000);
const appends = Number(process.argv[3] ?? 3200);
const pairs = Number(process.argv[4] ?? 3);
const hid = (n: number) => `hz-${createHash('sha256').update(String(n)).digest('hex').slice(0, 24)}`;
const body = 'x'.repeat(600);

function seed(db: Database.Database, n: number) {
  const ins = db.prepare('INSERT INTO events (hazard_id, version, id, type, command_id, recorded_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const h = hid(Math.floor(i / 5));
      const v = (i % 5) + 1;
      ins.run(h, v, `${h}/${v}`, 'reported', `cmd-${i}`, '2026-01-01T00:00:00.000Z', body);
    }
  })();
}

async function run(withIdIndex: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'anjian-evid-'));
  const path = join(dir, 'a.db');
  const store0 = createSqliteStore({ path });
  store0.close();
  const db = new Database(path);
  if (withIdIndex) db.exec('CREATE UNIQUE INDEX events_id ON events (id)');
  seed(db, seedEvents);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const store = createSqliteStore({ path, walAutocheckpoint: 0 });
  const cpu = process.cpuUsage();
  const t = performance.now();
  for (let i = 0; i < appends; i += 16) {
    await Promise.all(Array.from({ length: 16 }, (_, k) => store.append(appendInput(hid(1e7 + i + k), 0, `n-${i + k}`))));
  }
  const ms = performance.now() - t;
  const u = process.cpuUsage(cpu);
  const wal = statSync(`${path}-wal`).size;
  store.close();
  rmSync(dir, { recursive: true, force: true });
  return { cpuUs: (u.user + u.system) / appends, wallMs: ms, walKB: wal / appends / 1024 };
}

async function migration(n: number) {
  const dir = mkdtempSync(join(tmpdir(), 'anjian-mig-'));
  const path = join(dir, 'a.db');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  for (const [i, sql] of MIGRATIONS.slice(0, 7).entries()) {
    db.exec(sql);
    db.pragma(`user_version = ${i + 1}`);
  }
  seed(db, n);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const size = statSync(path).size;
  const cpu = process.cpuUsage();
  const t = performance.now();
  createSqliteStore({ path }).close();
  const ms = performance.now() - t;
  const u = process.cpuUsage(cpu);
  console.log(
    `migration 8 on ${n} events (${(size / 1e6).toFixed(0)} MB file → ${(statSync(path).size / 1e6).toFixed(0)} MB): ${(ms / 1000).toFixed(2)} s wall, ${((u.user + u.system) / 1e6).toFixed(2)} s CPU`,
  );
  rmSync(dir, { recursive: true, force: true });
}

async function main() {
  const l0 = loadavg()[0]!;
  const ratios: string[] = [];
  for (let p = 0; p < pairs; p++) {
    const order = p % 2 === 0 ? [true, false] : [false, true];
    const r: Record<string, Awaited<ReturnType<typeof run>>> = {};
    for (const w of order) r[w ? 'old' : 'new'] = await run(w);
    console.log(
      `pair ${p + 1}: old (UNIQUE id) ${r.old!.cpuUs.toFixed(0)} µs CPU, ${r.old!.walKB.toFixed(1)} KB WAL per append, ${r.old!.wallMs.toFixed(0)} ms | new ${r.new!.cpuUs.toFixed(0)} µs CPU, ${r.new!.walKB.toFixed(1)} KB WAL, ${r.new!.wallMs.toFixed(0)} ms | new÷old CPU ${(r.new!.cpuUs / r.old!.cpuUs).toFixed(2)} WAL ${(r.new!.walKB / r.old!.walKB).toFixed(2)} wall ${(r.new!.wallMs / r.old!.wallMs).toFixed(2)}`,
    );
    ratios.push((r.new!.cpuUs / r.old!.cpuUs).toFixed(2));
  }
  const sorted = ratios.map(Number).sort((a, b) => a - b);
  console.log(`median CPU ratio new ÷ old: ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)} (pairs: ${ratios.join(', ')})`);
  console.log(`load ${l0.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}`);
  const migrate = Number(process.argv[5] ?? 400000);
  if (migrate > 0) await migration(migrate);
}
void main();
