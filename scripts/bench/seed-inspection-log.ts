// Seeding of the inspection log's table for the benches that read it (inspection-cutoff,
// round-window): `generateCity`'s inspections of a run of years, written through a staging
// table sorted by recorded_at, so each enterprise's rows lie where a year of real traffic would
// put them (one here and one there), not in the generator's enterprise-by-enterprise order.
// `openSeededSqlite` / `seedPostgresIfEmpty` create the log's own schema first and seed only an
// empty table (a kept --db / --schema is reused); `sampleEnterpriseIds` names enterprises the
// generator made.
import Database from 'better-sqlite3';
import type pg from 'pg';
import type { InspectionRecord } from '@anjian/core/ports';
import { generateCity } from '@anjian/core/testing';
import { createSqliteInspectionLog } from '@anjian/store-sqlite';

/** What the city is: its size, its years (ending with `lastYear`) and the generator's seed prefix (`<seed>-<year>`). */
export interface CitySeed {
  seed: string;
  enterprises: number;
  years: number;
  lastYear: number;
}

/** Every inspection of the city's years, enterprise by enterprise (as the generator yields them). */
function* cityInspections(city: CitySeed): Generator<InspectionRecord> {
  for (let y = city.lastYear - city.years + 1; y <= city.lastYear; y++) {
    for (const chunk of generateCity({ seed: `${city.seed}-${y}`, enterprises: city.enterprises, year: y }).chunks()) yield* chunk.inspections;
  }
}

/**
 * `sample` enterprise ids spread evenly over the city, as `generateCity` names them (`ent-`,
 * numbered from 1, zero-padded to the width of the count).
 */
export function sampleEnterpriseIds(enterprises: number, sample: number): string[] {
  const width = String(enterprises).length;
  return Array.from({ length: sample }, (_, i) => `ent-${String(1 + Math.floor(((i + 0.5) * enterprises) / sample)).padStart(width, '0')}`);
}

const seconds = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(0)} s`;

/**
 * The SQLite file at `path` with the log's own schema (created, or upgraded, by the store) and
 * the city seeded when the table is empty; opened for the bench (WAL, `synchronous = OFF`:
 * seeding only, the reads do not care). `openMs`: how long the store took to open (or upgrade) the log.
 */
export function openSeededSqlite(path: string, city: CitySeed): { db: Database.Database; openMs: number } {
  const opened = performance.now();
  createSqliteInspectionLog({ path }).close();
  const openMs = performance.now() - opened;
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  if ((db.prepare('SELECT count(*) FROM inspection_log').pluck().get() as number) === 0) {
    const t0 = performance.now();
    seedSqliteInspections(db, cityInspections(city));
    db.exec('ANALYZE');
    console.log(`  seeded in ${seconds(t0)}`);
  }
  return { db, openMs };
}

/** Seeds the city into the PostgreSQL log of `schema` (migrated already) when its table is empty. */
export async function seedPostgresIfEmpty(pool: pg.Pool, schema: string, city: CitySeed): Promise<void> {
  if (Number((await pool.query(`SELECT count(*) AS c FROM "${schema}".inspection_log`)).rows[0].c) !== 0) return;
  const t0 = performance.now();
  await seedPostgresInspections(pool, schema, cityInspections(city));
  console.log(`  seeded in ${seconds(t0)}`);
}

type Row = [id: string, enterpriseId: string, recordedAt: string, body: string];
const rowOf = (r: InspectionRecord): Row => [r.id, r.enterpriseId, r.recordedAt, JSON.stringify(r)];

/** Writes `inspections` into the SQLite log's `inspection_log` in recording order. */
function seedSqliteInspections(db: Database.Database, inspections: Iterable<InspectionRecord>): void {
  db.exec('CREATE TABLE staging (id TEXT, enterprise_id TEXT, recorded_at TEXT, body TEXT)');
  const ins = db.prepare('INSERT INTO staging VALUES (?, ?, ?, ?)');
  const batch = db.transaction((rows: Row[]) => rows.forEach((r) => ins.run(...r)));
  let rows: Row[] = [];
  for (const r of inspections) {
    rows.push(rowOf(r));
    if (rows.length === 50_000) {
      batch(rows);
      rows = [];
    }
  }
  batch(rows);
  db.exec('INSERT INTO inspection_log (id, enterprise_id, recorded_at, body) SELECT id, enterprise_id, recorded_at, body FROM staging ORDER BY recorded_at, id ON CONFLICT (id) DO NOTHING');
  db.exec('DROP TABLE staging');
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** Writes `inspections` into the PostgreSQL log's `inspection_log` of `schema` in recording order. */
async function seedPostgresInspections(pool: pg.Pool, schema: string, inspections: Iterable<InspectionRecord>): Promise<void> {
  const s = `"${schema}"`;
  await pool.query(`CREATE UNLOGGED TABLE ${s}.staging (id text, enterprise_id text, recorded_at text, body jsonb)`);
  let rows: Row[] = [];
  const flush = async () => {
    if (rows.length === 0) return;
    const column = (i: number) => rows.map((r) => r[i]);
    await pool.query(`INSERT INTO ${s}.staging SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[])`, [column(0), column(1), column(2), column(3)]);
    rows = [];
  };
  for (const r of inspections) {
    rows.push(rowOf(r));
    if (rows.length === 10_000) await flush();
  }
  await flush();
  await pool.query(
    `INSERT INTO ${s}.inspection_log (id, enterprise_id, recorded_at, body) SELECT id, enterprise_id, recorded_at, body FROM ${s}.staging ORDER BY recorded_at, id ON CONFLICT (id) DO NOTHING`,
  );
  await pool.query(`DROP TABLE ${s}.staging`);
}
