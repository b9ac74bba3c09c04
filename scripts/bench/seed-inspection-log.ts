// Seeding of the inspection log's table for the benches that read it (inspection-cutoff,
// round-window): the records go through a staging table sorted by recorded_at, so each
// enterprise's rows lie where a year of real traffic would put them (one here and one there),
// not in the generator's enterprise-by-enterprise order. The log's own schema must exist
// (`createSqliteInspectionLog` / `migrate()`); the table is expected empty.
import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { InspectionRecord } from '@anjian/core/ports';

type Row = [id: string, enterpriseId: string, recordedAt: string, body: string];
const rowOf = (r: InspectionRecord): Row => [r.id, r.enterpriseId, r.recordedAt, JSON.stringify(r)];

/** Writes `inspections` into the SQLite log's `inspection_log` in recording order. */
export function seedSqliteInspections(db: Database.Database, inspections: Iterable<InspectionRecord>): void {
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
export async function seedPostgresInspections(pool: pg.Pool, schema: string, inspections: Iterable<InspectionRecord>): Promise<void> {
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
