import type Database from 'better-sqlite3';
import { checkRentalSeed, checkTenancyEnd, RentalDirectoryError, tenancyEndRefused } from '@anjian/core/ports';
import type { GroupRentalPoint, PremisesRecord, RentalDirectory, RentalSeed, TenancyEnd, TenancyRecord } from '@anjian/core/ports';
import { openDatabase } from './open-database.js';

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
  CREATE TABLE IF NOT EXISTS rental_tenancy (
    premises_id          TEXT NOT NULL REFERENCES rental_premises (id),
    tenant_enterprise_id TEXT NOT NULL,
    PRIMARY KEY (premises_id, tenant_enterprise_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS rental_tenancy_tenant ON rental_tenancy (tenant_enterprise_id, premises_id);
  -- Ended tenancies (added later, beside the tenancies: the history stays in rental_tenancy).
  CREATE TABLE IF NOT EXISTS rental_tenancy_end (
    premises_id          TEXT NOT NULL,
    tenant_enterprise_id TEXT NOT NULL,
    ended_at             TEXT NOT NULL,
    PRIMARY KEY (premises_id, tenant_enterprise_id),
    FOREIGN KEY (premises_id, tenant_enterprise_id) REFERENCES rental_tenancy (premises_id, tenant_enterprise_id)
  ) STRICT, WITHOUT ROWID;
`;

const TENANCY_SELECT = `SELECT t.premises_id AS premisesId, p.enterprise_id AS landlordEnterpriseId, t.tenant_enterprise_id AS tenantEnterpriseId, p.area AS area, e.ended_at AS endedAt
  FROM rental_tenancy t JOIN rental_premises p ON p.id = t.premises_id
  LEFT JOIN rental_tenancy_end e ON e.premises_id = t.premises_id AND e.tenant_enterprise_id = t.tenant_enterprise_id
  WHERE (@landlord IS NULL OR p.enterprise_id = @landlord) AND (@tenant IS NULL OR t.tenant_enterprise_id = @tenant) AND (@premises IS NULL OR t.premises_id = @premises)
    AND (@ended = 1 OR e.ended_at IS NULL)
  ORDER BY t.premises_id, t.tenant_enterprise_id`;

type TenancyRow = Omit<TenancyRecord, 'endedAt'> & { endedAt: string | null };
const tenancyOf = ({ endedAt, ...t }: TenancyRow): TenancyRecord => (endedAt === null ? t : { ...t, endedAt });

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
  const db: Database.Database = openDatabase(options.path, options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs });
  db.exec(SCHEMA);
  const st = {
    exists: db.prepare('SELECT 1 FROM rental_premises WHERE id = ?').pluck(),
    insertPremises: db.prepare('INSERT INTO rental_premises (id, enterprise_id, area, group_rental, body) VALUES (?, ?, ?, ?, ?)'),
    insertTenancy: db.prepare('INSERT INTO rental_tenancy (premises_id, tenant_enterprise_id) VALUES (?, ?)'),
    get: db.prepare('SELECT body FROM rental_premises WHERE id = ?').pluck(),
    of: db.prepare('SELECT body FROM rental_premises WHERE enterprise_id = ? ORDER BY id').pluck(),
    groups: db.prepare("SELECT body FROM rental_premises WHERE group_rental = 1 AND (@area IS NULL OR area = @area OR substr(area, 1, length(@area) + 1) = @area || '/') ORDER BY id").pluck(),
    tenants: db
      .prepare(
        'SELECT t.tenant_enterprise_id FROM rental_tenancy t WHERE t.premises_id = ? AND NOT EXISTS (SELECT 1 FROM rental_tenancy_end e WHERE e.premises_id = t.premises_id AND e.tenant_enterprise_id = t.tenant_enterprise_id) ORDER BY t.tenant_enterprise_id',
      )
      .pluck(),
    tenancies: db.prepare(TENANCY_SELECT),
    insertEnd: db.prepare('INSERT INTO rental_tenancy_end (premises_id, tenant_enterprise_id, ended_at) VALUES (?, ?, ?)'),
  };
  const endTenancy = db.transaction((end: TenancyEnd): TenancyRecord => {
    const found = st.tenancies.get({ landlord: null, tenant: end.tenantEnterpriseId, premises: end.premisesId, ended: 1 }) as TenancyRow | undefined;
    if (!found || found.endedAt !== null) throw tenancyEndRefused(end, found !== undefined);
    st.insertEnd.run(end.premisesId, end.tenantEnterpriseId, end.endedAt);
    return tenancyOf({ ...found, endedAt: end.endedAt });
  });
  const parse = (body: unknown) => JSON.parse(body as string) as PremisesRecord;
  const load = db.transaction((seed: RentalSeed) => {
    for (const p of seed.premises) {
      if (st.exists.get(p.id) !== undefined) throw new RentalDirectoryError(`场所 ${p.id} 已登记`, `premises ${p.id} is already registered`);
      const record: PremisesRecord = { ...p, kinds: [...new Set(p.kinds)].sort() };
      st.insertPremises.run(p.id, p.enterpriseId, p.area, p.groupRental ? 1 : 0, JSON.stringify(record));
    }
    for (const t of seed.tenancies) st.insertTenancy.run(t.premisesId, t.tenantEnterpriseId);
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
    async tenancies(query) {
      const rows = st.tenancies.all({ landlord: query.landlordEnterpriseId ?? null, tenant: query.tenantEnterpriseId ?? null, premises: query.premisesId ?? null, ended: query.includeEnded ? 1 : 0 });
      return (rows as TenancyRow[]).map(tenancyOf);
    },
    async groupRentalPoints(area) {
      return st.groups.all({ area: area ?? null }).map((body): GroupRentalPoint => {
        const premises = parse(body);
        return { premises, tenantEnterpriseIds: st.tenants.all(premises.id) as string[] };
      });
    },
    async endTenancy(end) {
      checkTenancyEnd(end);
      return endTenancy(end);
    },
    close() {
      db.close();
    },
  };
}
