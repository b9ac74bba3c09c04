import type Database from 'better-sqlite3';
import { checkRentalSeed, checkTenancyEnd, checkTenancyStart, RentalDirectoryError, tenancyEndRefused, tenancyFromRow, tenancyStartRefused, type TenancyRow } from '@anjian/core/ports';
import type { GroupRentalPoint, PremisesRecord, RentalDirectory, RentalSeed, TenancyEnd, TenancyRecord, TenancyStart } from '@anjian/core/ports';
import { openDatabase, sqlitePath } from './open-database.js';

/** Options of {@link createSqliteRentalDirectory}. */
export interface SqliteRentalDirectoryOptions {
  /** Database file (may be the store's own file: the tables do not overlap), or `':memory:'` for tests. */
  path: string;
  busyTimeoutMs?: number;
}

/** A {@link RentalDirectory} over SQLite, with `load` and `close()`. */
export interface SqliteRentalDirectory extends RentalDirectory {
  /**
   * Adds a self-contained batch of premises and tenancies in one transaction, after
   * `checkRentalSeed`; a premises id already stored is refused (`RentalDirectoryError`)
   * and nothing of the batch is written.
   */
  load(seed: RentalSeed): void;
  close(): void;
}

// Own tables, created if missing, so the directory can share the store's file without
// touching the store's migrations.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS rental_premises (
    id            TEXT    PRIMARY KEY,
    enterprise_id TEXT    NOT NULL,
    area          TEXT    NOT NULL,
    group_rental  INTEGER NOT NULL,
    body          TEXT    NOT NULL                    -- the PremisesRecord as JSON
  ) STRICT;
  CREATE INDEX IF NOT EXISTS rental_premises_enterprise ON rental_premises (enterprise_id, id);
  -- Which tenant ever rented at which premises (one row per pair); the periods are below.
  CREATE TABLE IF NOT EXISTS rental_tenancy (
    premises_id          TEXT NOT NULL REFERENCES rental_premises (id),
    tenant_enterprise_id TEXT NOT NULL,
    PRIMARY KEY (premises_id, tenant_enterprise_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS rental_tenancy_tenant ON rental_tenancy (tenant_enterprise_id, premises_id);
  -- Every period of a tenancy: 1, 2, … per pair; at most one without an end (the current one).
  CREATE TABLE IF NOT EXISTS rental_tenancy_period (
    premises_id          TEXT    NOT NULL,
    tenant_enterprise_id TEXT    NOT NULL,
    period               INTEGER NOT NULL CHECK (period >= 1),
    started_at           TEXT,
    started_by           TEXT,
    ended_at             TEXT,
    ended_by             TEXT,
    PRIMARY KEY (premises_id, tenant_enterprise_id, period),
    FOREIGN KEY (premises_id, tenant_enterprise_id) REFERENCES rental_tenancy (premises_id, tenant_enterprise_id)
  ) STRICT, WITHOUT ROWID;
  CREATE UNIQUE INDEX IF NOT EXISTS rental_tenancy_current ON rental_tenancy_period (premises_id, tenant_enterprise_id) WHERE ended_at IS NULL;
  CREATE INDEX IF NOT EXISTS rental_tenancy_period_tenant ON rental_tenancy_period (tenant_enterprise_id, premises_id);
`;

// A file written before periods existed: every tenancy becomes its period 1, with the end an
// unreleased build kept in rental_tenancy_end, if that table is there (read at open, never written).
const FIRST_PERIODS = (withEnds: boolean) => `
  INSERT INTO rental_tenancy_period (premises_id, tenant_enterprise_id, period, ended_at)
  SELECT t.premises_id, t.tenant_enterprise_id, 1, ${withEnds ? 'e.ended_at' : 'NULL'}
    FROM rental_tenancy t ${withEnds ? 'LEFT JOIN rental_tenancy_end e ON e.premises_id = t.premises_id AND e.tenant_enterprise_id = t.tenant_enterprise_id' : ''}
   WHERE NOT EXISTS (SELECT 1 FROM rental_tenancy_period x WHERE x.premises_id = t.premises_id AND x.tenant_enterprise_id = t.tenant_enterprise_id)`;

const TENANCY_COLUMNS = `SELECT r.premises_id AS premisesId, p.enterprise_id AS landlordEnterpriseId, r.tenant_enterprise_id AS tenantEnterpriseId, p.area AS area, r.period AS period,
    r.started_at AS startedAt, r.started_by AS startedBy, r.ended_at AS endedAt, r.ended_by AS endedBy
  FROM rental_tenancy_period r JOIN rental_premises p ON p.id = r.premises_id`;

/**
 * The tenancy query for the fields a query names, each a plain equality: `(@x IS NULL OR col =
 * @x)` kept SQLite from using any index (the plan is made once for every value), so a
 * tenant's tenancies scanned every period of the city (1.6 ms a call at 4 000 tenancies).
 */
export function tenancySelect(landlord: boolean, tenant: boolean, premises: boolean, ended: boolean, order = 'r.premises_id, r.tenant_enterprise_id, r.period'): string {
  const where = [landlord && 'p.enterprise_id = @landlord', tenant && 'r.tenant_enterprise_id = @tenant', premises && 'r.premises_id = @premises', !ended && 'r.ended_at IS NULL'].filter(Boolean);
  return `${TENANCY_COLUMNS}${where.length === 0 ? '' : ` WHERE ${where.join(' AND ')}`} ORDER BY ${order}`;
}

/**
 * Premises and rental relations over SQLite (better-sqlite3, WAL, `synchronous=FULL`);
 * passes `runRentalDirectoryConformance`. Landlord and area of a tenancy are read from the
 * premises row (a join), never stored twice.
 *
 * @example
 * ```ts
 * const rental = createSqliteRentalDirectory({ path: '.data/anjian.db' });
 * rental.load({ premises, tenancies });
 * ```
 */
export function createSqliteRentalDirectory(options: SqliteRentalDirectoryOptions): SqliteRentalDirectory {
  const db: Database.Database = openDatabase(sqlitePath(options, 'createSqliteRentalDirectory'), options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs });
  db.exec(SCHEMA);
  // Written only when a tenancy has no period yet, so an open of an up-to-date file takes no write lock.
  const unperiodised = db
    .prepare('SELECT 1 FROM rental_tenancy t WHERE NOT EXISTS (SELECT 1 FROM rental_tenancy_period x WHERE x.premises_id = t.premises_id AND x.tenant_enterprise_id = t.tenant_enterprise_id) LIMIT 1')
    .get();
  if (unperiodised !== undefined) db.exec(FIRST_PERIODS(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'rental_tenancy_end'").get() !== undefined));
  const st = {
    exists: db.prepare('SELECT 1 FROM rental_premises WHERE id = ?').pluck(),
    insertPremises: db.prepare('INSERT INTO rental_premises (id, enterprise_id, area, group_rental, body) VALUES (?, ?, ?, ?, ?)'),
    insertTenancy: db.prepare('INSERT INTO rental_tenancy (premises_id, tenant_enterprise_id) VALUES (?, ?)'),
    insertPair: db.prepare('INSERT OR IGNORE INTO rental_tenancy (premises_id, tenant_enterprise_id) VALUES (?, ?)'),
    insertPeriod: db.prepare(
      'INSERT INTO rental_tenancy_period (premises_id, tenant_enterprise_id, period, started_at, started_by) VALUES (@premisesId, @tenantEnterpriseId, @period, @startedAt, @startedBy)',
    ),
    holder: db.prepare('SELECT enterprise_id FROM rental_premises WHERE id = ?').pluck(),
    latest: db.prepare(tenancySelect(false, true, true, true, 'r.period DESC LIMIT 1')),
    get: db.prepare('SELECT body FROM rental_premises WHERE id = ?').pluck(),
    of: db.prepare('SELECT body FROM rental_premises WHERE enterprise_id = ? ORDER BY id').pluck(),
    all: db.prepare('SELECT body FROM rental_premises ORDER BY id').pluck(),
    groups: db.prepare("SELECT body FROM rental_premises WHERE group_rental = 1 AND (@area IS NULL OR area = @area OR substr(area, 1, length(@area) + 1) = @area || '/') ORDER BY id").pluck(),
    tenants: db.prepare('SELECT tenant_enterprise_id FROM rental_tenancy_period WHERE premises_id = ? AND ended_at IS NULL ORDER BY tenant_enterprise_id').pluck(),
    setEnd: db.prepare(
      'UPDATE rental_tenancy_period SET ended_at = @endedAt, ended_by = @endedBy WHERE premises_id = @premisesId AND tenant_enterprise_id = @tenantEnterpriseId AND period = @period AND ended_at IS NULL',
    ),
  };
  // One prepared statement per combination of the fields a tenancy query names (16 at most).
  const tenancyStatements = new Map<string, Database.Statement>();
  const tenancyStatement = (landlord: boolean, tenant: boolean, premises: boolean, ended: boolean): Database.Statement => {
    const key = `${+landlord}${+tenant}${+premises}${+ended}`;
    let statement = tenancyStatements.get(key);
    if (statement === undefined) tenancyStatements.set(key, (statement = db.prepare(tenancySelect(landlord, tenant, premises, ended))));
    return statement;
  };
  const latest = (premisesId: string, tenantEnterpriseId: string): TenancyRecord | undefined => {
    const row = st.latest.get({ tenant: tenantEnterpriseId, premises: premisesId }) as TenancyRow | undefined;
    return row && tenancyFromRow(row);
  };
  // One write transaction each (BEGIN IMMEDIATE, `.immediate` below): the check and the write see the same state.
  const endTenancy = db.transaction((end: TenancyEnd): TenancyRecord => {
    const current = latest(end.premisesId, end.tenantEnterpriseId);
    const refused = tenancyEndRefused(end, current);
    if (refused) throw refused;
    const t = current as TenancyRecord;
    st.setEnd.run({ premisesId: t.premisesId, tenantEnterpriseId: t.tenantEnterpriseId, period: t.period, endedAt: end.endedAt, endedBy: end.endedBy ?? null });
    return { ...t, endedAt: end.endedAt, ...(end.endedBy === undefined ? {} : { endedBy: end.endedBy }) };
  });
  const startTenancy = db.transaction((start: TenancyStart): TenancyRecord => {
    const holder = st.holder.get(start.premisesId) as string | undefined;
    const before = latest(start.premisesId, start.tenantEnterpriseId);
    const refused = tenancyStartRefused(start, holder, before);
    if (refused) throw refused;
    const period = (before?.period ?? 0) + 1;
    st.insertPair.run(start.premisesId, start.tenantEnterpriseId);
    st.insertPeriod.run({ premisesId: start.premisesId, tenantEnterpriseId: start.tenantEnterpriseId, period, startedAt: start.startedAt, startedBy: start.startedBy ?? null });
    return latest(start.premisesId, start.tenantEnterpriseId) as TenancyRecord;
  });
  const parse = (body: unknown) => JSON.parse(body as string) as PremisesRecord;
  const load = db.transaction((seed: RentalSeed) => {
    for (const p of seed.premises) {
      if (st.exists.get(p.id) !== undefined) throw new RentalDirectoryError(`场所 ${p.id} 已登记`, `premises ${p.id} is already registered`);
      const record: PremisesRecord = { ...p, kinds: [...new Set(p.kinds)].sort() };
      st.insertPremises.run(p.id, p.enterpriseId, p.area, p.groupRental ? 1 : 0, JSON.stringify(record));
    }
    for (const t of seed.tenancies) {
      st.insertTenancy.run(t.premisesId, t.tenantEnterpriseId);
      st.insertPeriod.run({ premisesId: t.premisesId, tenantEnterpriseId: t.tenantEnterpriseId, period: 1, startedAt: null, startedBy: null });
    }
  });
  return {
    load(seed) {
      checkRentalSeed(seed);
      load(seed);
    },
    async premises(premisesId) {
      const body = st.get.get(premisesId);
      return body === undefined ? null : parse(body);
    },
    async premisesOf(enterpriseId) {
      return st.of.all(enterpriseId).map(parse);
    },
    async listPremises() {
      return st.all.all().map(parse);
    },
    async tenancies(query) {
      const { landlordEnterpriseId: landlord, tenantEnterpriseId: tenant, premisesId: premises } = query;
      const statement = tenancyStatement(landlord !== undefined, tenant !== undefined, premises !== undefined, query.includeEnded === true);
      const rows = statement.all({ ...(landlord === undefined ? {} : { landlord }), ...(tenant === undefined ? {} : { tenant }), ...(premises === undefined ? {} : { premises }) });
      return (rows as TenancyRow[]).map(tenancyFromRow);
    },
    async groupRentalPoints(area) {
      return st.groups.all({ area: area ?? null }).map((body): GroupRentalPoint => {
        const premises = parse(body);
        return { premises, tenantEnterpriseIds: st.tenants.all(premises.id) as string[] };
      });
    },
    async endTenancy(end) {
      checkTenancyEnd(end);
      return endTenancy.immediate(end);
    },
    async startTenancy(start) {
      checkTenancyStart(start);
      return startTenancy.immediate(start);
    },
    close() {
      db.close();
    },
  };
}
