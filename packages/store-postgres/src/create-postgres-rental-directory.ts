import { checkRentalSeed, checkTenancyEnd, RentalDirectoryError, tenancyEndRefused } from '@anjian/core/ports';
import type { GroupRentalPoint, PremisesRecord, RentalDirectory, RentalSeed, TenancyRecord } from '@anjian/core/ports';
import pg from 'pg';
import { PostgresStoreError } from './postgres-store-error.js';

/** Options of {@link createPostgresRentalDirectory}. */
export interface PostgresRentalDirectoryOptions {
  /** A `pg.Pool` the host owns, or a connection string for a pool the directory owns. */
  pool?: pg.Pool;
  connectionString?: string;
  /** Schema of the tables (the store's schema is fine: the tables do not overlap). Default `anjian`. */
  schema?: string;
}

/** A {@link RentalDirectory} over PostgreSQL, with `migrate()`, `load` and `close()`. */
export interface PostgresRentalDirectory extends RentalDirectory {
  readonly schema: string;
  /** Creates the tables if missing. */
  migrate(): Promise<void>;
  /**
   * Adds a self-contained batch of premises and tenancies in one transaction, after
   * `checkRentalSeed`; a premises id already stored is refused (`RentalDirectoryError`)
   * and nothing of the batch is written.
   */
  load(seed: RentalSeed): Promise<void>;
  /** Closes the pool if the directory created it. */
  close(): Promise<void>;
}

/**
 * Premises and rental relations over PostgreSQL; passes `runRentalDirectoryConformance`.
 * Landlord and area of a tenancy are read from the premises row (a join), never stored
 * twice; ids sort bytewise (`COLLATE "C"`), as in every other implementation.
 *
 * @example
 * ```ts
 * const rental = createPostgresRentalDirectory({ pool, schema: 'anjian' });
 * await rental.migrate();
 * await rental.load({ premises, tenancies });
 * ```
 */
export function createPostgresRentalDirectory(options: PostgresRentalDirectoryOptions): PostgresRentalDirectory {
  const schema = options.schema ?? 'anjian';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new PostgresStoreError('CONFIG_INVALID', `schema must be a lower-case SQL identifier, got ${JSON.stringify(schema)}`);
  if (!options.pool && !options.connectionString) throw new PostgresStoreError('CONFIG_INVALID', 'give a pool or a connectionString');
  const ownsPool = !options.pool;
  const pool = options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: 5 });
  const p = `"${schema}".rental_premises`;
  const t = `"${schema}".rental_tenancy`;
  const e = `"${schema}".rental_tenancy_end`;
  type TenancyRow = Omit<TenancyRecord, 'endedAt'> & { endedAt: string | null };
  const tenancyOf = ({ endedAt, ...x }: TenancyRow): TenancyRecord => (endedAt === null ? x : { ...x, endedAt });
  const select = (where: string, lock = '') =>
    `SELECT t.premises_id AS "premisesId", p.enterprise_id AS "landlordEnterpriseId", t.tenant_enterprise_id AS "tenantEnterpriseId", p.area AS "area", e.ended_at AS "endedAt"
       FROM ${t} t JOIN ${p} p ON p.id = t.premises_id
       LEFT JOIN ${e} e ON e.premises_id = t.premises_id AND e.tenant_enterprise_id = t.tenant_enterprise_id
      WHERE ${where}
      ORDER BY t.premises_id, t.tenant_enterprise_id${lock}`;
  return {
    schema,
    async migrate() {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await pool.query(`CREATE TABLE IF NOT EXISTS ${p} (
        id            TEXT COLLATE "C" PRIMARY KEY,
        enterprise_id TEXT COLLATE "C" NOT NULL,
        area          TEXT    NOT NULL,
        group_rental  BOOLEAN NOT NULL,
        body          JSONB   NOT NULL
      )`);
      await pool.query(`CREATE INDEX IF NOT EXISTS rental_premises_enterprise ON ${p} (enterprise_id, id)`);
      await pool.query(`CREATE TABLE IF NOT EXISTS ${t} (
        premises_id          TEXT COLLATE "C" NOT NULL REFERENCES ${p} (id),
        tenant_enterprise_id TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (premises_id, tenant_enterprise_id)
      )`);
      await pool.query(`CREATE INDEX IF NOT EXISTS rental_tenancy_tenant ON ${t} (tenant_enterprise_id, premises_id)`);
      // Ended tenancies (added later, beside the tenancies: the history stays in rental_tenancy).
      await pool.query(`CREATE TABLE IF NOT EXISTS ${e} (
        premises_id          TEXT COLLATE "C" NOT NULL,
        tenant_enterprise_id TEXT COLLATE "C" NOT NULL,
        ended_at             TEXT NOT NULL,
        PRIMARY KEY (premises_id, tenant_enterprise_id),
        FOREIGN KEY (premises_id, tenant_enterprise_id) REFERENCES ${t} (premises_id, tenant_enterprise_id)
      )`);
    },
    async load(seed) {
      checkRentalSeed(seed);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const ids = seed.premises.map((x) => x.id);
        const taken = await client.query<{ id: string }>(`SELECT id FROM ${p} WHERE id = ANY($1::text[]) ORDER BY id LIMIT 1`, [ids]);
        const first = taken.rows[0]?.id;
        if (first !== undefined) throw new RentalDirectoryError(`场所 ${first} 已登记`, `premises ${first} is already registered`);
        for (const x of seed.premises) {
          const record: PremisesRecord = { ...x, kinds: [...new Set(x.kinds)].sort() };
          await client.query(`INSERT INTO ${p} (id, enterprise_id, area, group_rental, body) VALUES ($1, $2, $3, $4, $5)`, [x.id, x.enterpriseId, x.area, x.groupRental, JSON.stringify(record)]);
        }
        for (const x of seed.tenancies) await client.query(`INSERT INTO ${t} (premises_id, tenant_enterprise_id) VALUES ($1, $2)`, [x.premisesId, x.tenantEnterpriseId]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    async premises(premisesId) {
      const result = await pool.query<{ body: PremisesRecord }>(`SELECT body FROM ${p} WHERE id = $1`, [premisesId]);
      return result.rows[0]?.body ?? null;
    },
    async premisesOf(enterpriseId) {
      const result = await pool.query<{ body: PremisesRecord }>(`SELECT body FROM ${p} WHERE enterprise_id = $1 ORDER BY id`, [enterpriseId]);
      return result.rows.map((r) => r.body);
    },
    async tenancies(query) {
      const result = await pool.query<TenancyRow>(
        select('($1::text IS NULL OR p.enterprise_id = $1) AND ($2::text IS NULL OR t.tenant_enterprise_id = $2) AND ($3::text IS NULL OR t.premises_id = $3) AND ($4 OR e.ended_at IS NULL)'),
        [query.landlordEnterpriseId ?? null, query.tenantEnterpriseId ?? null, query.premisesId ?? null, query.includeEnded === true],
      );
      return result.rows.map(tenancyOf);
    },
    async endTenancy(end) {
      checkTenancyEnd(end);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // The tenancy row is locked, so two ends of one tenancy cannot both pass the check.
        const found = (await client.query<TenancyRow>(select('t.premises_id = $1 AND t.tenant_enterprise_id = $2', ' FOR UPDATE OF t'), [end.premisesId, end.tenantEnterpriseId])).rows[0];
        if (!found || found.endedAt !== null) throw tenancyEndRefused(end, found !== undefined);
        await client.query(`INSERT INTO ${e} (premises_id, tenant_enterprise_id, ended_at) VALUES ($1, $2, $3)`, [end.premisesId, end.tenantEnterpriseId, end.endedAt]);
        await client.query('COMMIT');
        return tenancyOf({ ...found, endedAt: end.endedAt });
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    async groupRentalPoints(area) {
      const result = await pool.query<{ body: PremisesRecord; tenants: string[] }>(
        `SELECT p.body, COALESCE((SELECT array_agg(t.tenant_enterprise_id ORDER BY t.tenant_enterprise_id) FROM ${t} t
                   WHERE t.premises_id = p.id AND NOT EXISTS (SELECT 1 FROM ${e} e WHERE e.premises_id = t.premises_id AND e.tenant_enterprise_id = t.tenant_enterprise_id)), '{}') AS tenants
           FROM ${p} p
          WHERE p.group_rental AND ($1::text IS NULL OR p.area = $1 OR left(p.area, length($1) + 1) = $1 || '/')
          ORDER BY p.id`,
        [area ?? null],
      );
      return result.rows.map((r): GroupRentalPoint => ({ premises: r.body, tenantEnterpriseIds: r.tenants }));
    },
    async close() {
      if (ownsPool) await pool.end();
    },
  };
}
