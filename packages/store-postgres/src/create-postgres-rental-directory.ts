import { checkRentalSeed, checkTenancyEnd, checkTenancyStart, RentalDirectoryError, tenancyEndRefused, tenancyFromRow, tenancyStartRefused, type TenancyRow } from '@anjian/core/ports';
import type { GroupRentalPoint, PremisesRecord, RentalDirectory, RentalSeed, TenancyRecord } from '@anjian/core/ports';
import pg from 'pg';
import { guardPool, checkPostgresOptions, PostgresStoreError } from './postgres-store-error.js';

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

/** Rows per statement when `load` writes a seed. */
const LOAD_ROWS = 1000;

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
  checkPostgresOptions(options, 'createPostgresRentalDirectory');
  const schema = options.schema ?? 'anjian';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new PostgresStoreError('CONFIG_INVALID', `schema must be a lower-case SQL identifier, got ${JSON.stringify(schema)}`);
  const ownsPool = !options.pool;
  const pool = guardPool(options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: 5 }), schema);
  const p = `"${schema}".rental_premises`;
  const t = `"${schema}".rental_tenancy`;
  const e = `"${schema}".rental_tenancy_end`;
  const r = `"${schema}".rental_tenancy_period`;
  const select = (where: string, order = 'r.premises_id, r.tenant_enterprise_id, r.period') =>
    `SELECT r.premises_id AS "premisesId", p.enterprise_id AS "landlordEnterpriseId", r.tenant_enterprise_id AS "tenantEnterpriseId", p.area AS "area", r.period AS "period",
            r.started_at AS "startedAt", r.started_by AS "startedBy", r.ended_at AS "endedAt", r.ended_by AS "endedBy"
       FROM ${r} r JOIN ${p} p ON p.id = r.premises_id
      WHERE ${where}
      ORDER BY ${order}`;
  /** The latest period of a tenant at a premises, on `client` (inside the caller's transaction). */
  const latest = async (client: pg.PoolClient, premisesId: string, tenantEnterpriseId: string): Promise<TenancyRecord | undefined> => {
    const row = (await client.query<TenancyRow>(select('r.premises_id = $1 AND r.tenant_enterprise_id = $2', 'r.period DESC LIMIT 1'), [premisesId, tenantEnterpriseId])).rows[0];
    return row && tenancyFromRow(row);
  };
  /** Runs `fn` in a transaction on one connection. */
  const inTransaction = async <T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };
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
      // Every period of a tenancy: 1, 2, … per pair; at most one without an end (the current one).
      await pool.query(`CREATE TABLE IF NOT EXISTS ${r} (
        premises_id          TEXT COLLATE "C" NOT NULL,
        tenant_enterprise_id TEXT COLLATE "C" NOT NULL,
        period               INTEGER NOT NULL CHECK (period >= 1),
        started_at           TEXT,
        started_by           TEXT,
        ended_at             TEXT,
        ended_by             TEXT,
        PRIMARY KEY (premises_id, tenant_enterprise_id, period),
        FOREIGN KEY (premises_id, tenant_enterprise_id) REFERENCES ${t} (premises_id, tenant_enterprise_id)
      )`);
      await pool.query(`CREATE UNIQUE INDEX IF NOT EXISTS rental_tenancy_current ON ${r} (premises_id, tenant_enterprise_id) WHERE ended_at IS NULL`);
      await pool.query(`CREATE INDEX IF NOT EXISTS rental_tenancy_period_tenant ON ${r} (tenant_enterprise_id, premises_id)`);
      // Tenancies stored before periods existed become period 1, with the end an unreleased
      // build kept in rental_tenancy_end if that table is there (read here, never written).
      const legacy = (await pool.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [e])).rows[0]?.found === true;
      await pool.query(`INSERT INTO ${r} (premises_id, tenant_enterprise_id, period, ended_at)
        SELECT t.premises_id, t.tenant_enterprise_id, 1, ${legacy ? 'e.ended_at' : 'NULL'}
          FROM ${t} t ${legacy ? `LEFT JOIN ${e} e ON e.premises_id = t.premises_id AND e.tenant_enterprise_id = t.tenant_enterprise_id` : ''}
         WHERE NOT EXISTS (SELECT 1 FROM ${r} x WHERE x.premises_id = t.premises_id AND x.tenant_enterprise_id = t.tenant_enterprise_id)
        ON CONFLICT DO NOTHING`);
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
        // LOAD_ROWS rows per statement (parameter arrays through unnest), not one round trip per
        // row: a city's 31 500 premises and 7 000 tenancies are 46 statements, not 45 500.
        for (let i = 0; i < seed.premises.length; i += LOAD_ROWS) {
          const part = seed.premises.slice(i, i + LOAD_ROWS);
          const body = part.map((x) => JSON.stringify({ ...x, kinds: [...new Set(x.kinds)].sort() } satisfies PremisesRecord));
          await client.query(
            `INSERT INTO ${p} (id, enterprise_id, area, group_rental, body)
             SELECT id, enterprise_id, area, group_rental, body::jsonb FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::text[]) AS u (id, enterprise_id, area, group_rental, body)`,
            [part.map((x) => x.id), part.map((x) => x.enterpriseId), part.map((x) => x.area), part.map((x) => x.groupRental), body],
          );
        }
        for (let i = 0; i < seed.tenancies.length; i += LOAD_ROWS) {
          const part = seed.tenancies.slice(i, i + LOAD_ROWS);
          const pairs = [part.map((x) => x.premisesId), part.map((x) => x.tenantEnterpriseId)];
          await client.query(`INSERT INTO ${t} (premises_id, tenant_enterprise_id) SELECT * FROM unnest($1::text[], $2::text[])`, pairs);
          await client.query(
            `INSERT INTO ${r} (premises_id, tenant_enterprise_id, period) SELECT premises_id, tenant_enterprise_id, 1 FROM unnest($1::text[], $2::text[]) AS u (premises_id, tenant_enterprise_id)`,
            pairs,
          );
        }
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
    async listPremises() {
      const result = await pool.query<{ body: PremisesRecord }>(`SELECT body FROM ${p} ORDER BY id`);
      return result.rows.map((r) => r.body);
    },
    async tenancies(query) {
      const result = await pool.query<TenancyRow>(
        select('($1::text IS NULL OR p.enterprise_id = $1) AND ($2::text IS NULL OR r.tenant_enterprise_id = $2) AND ($3::text IS NULL OR r.premises_id = $3) AND ($4 OR r.ended_at IS NULL)'),
        [query.landlordEnterpriseId ?? null, query.tenantEnterpriseId ?? null, query.premisesId ?? null, query.includeEnded === true],
      );
      return result.rows.map(tenancyFromRow);
    },
    async endTenancy(end) {
      checkTenancyEnd(end);
      return inTransaction(async (client) => {
        // The pair's row is locked, so two changes of one tenancy cannot both pass the check.
        await client.query(`SELECT 1 FROM ${t} WHERE premises_id = $1 AND tenant_enterprise_id = $2 FOR UPDATE`, [end.premisesId, end.tenantEnterpriseId]);
        const current = await latest(client, end.premisesId, end.tenantEnterpriseId);
        const refused = tenancyEndRefused(end, current);
        if (refused) throw refused;
        const x = current as TenancyRecord;
        await client.query(`UPDATE ${r} SET ended_at = $4, ended_by = $5 WHERE premises_id = $1 AND tenant_enterprise_id = $2 AND period = $3 AND ended_at IS NULL`, [
          x.premisesId,
          x.tenantEnterpriseId,
          x.period,
          end.endedAt,
          end.endedBy ?? null,
        ]);
        return { ...x, endedAt: end.endedAt, ...(end.endedBy === undefined ? {} : { endedBy: end.endedBy }) };
      });
    },
    async startTenancy(start) {
      checkTenancyStart(start);
      return inTransaction(async (client) => {
        // The premises row is locked (shared) so it cannot go away; the pair's row is created
        // if new and locked, so two starts of one tenancy cannot both pass the check.
        const holder = (await client.query<{ enterprise_id: string }>(`SELECT enterprise_id FROM ${p} WHERE id = $1 FOR SHARE`, [start.premisesId])).rows[0]?.enterprise_id;
        const early = tenancyStartRefused(start, holder, undefined);
        if (early) throw early;
        await client.query(`INSERT INTO ${t} (premises_id, tenant_enterprise_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [start.premisesId, start.tenantEnterpriseId]);
        await client.query(`SELECT 1 FROM ${t} WHERE premises_id = $1 AND tenant_enterprise_id = $2 FOR UPDATE`, [start.premisesId, start.tenantEnterpriseId]);
        const before = await latest(client, start.premisesId, start.tenantEnterpriseId);
        const refused = tenancyStartRefused(start, holder, before);
        if (refused) throw refused;
        await client.query(`INSERT INTO ${r} (premises_id, tenant_enterprise_id, period, started_at, started_by) VALUES ($1, $2, $3, $4, $5)`, [
          start.premisesId,
          start.tenantEnterpriseId,
          (before?.period ?? 0) + 1,
          start.startedAt,
          start.startedBy ?? null,
        ]);
        return (await latest(client, start.premisesId, start.tenantEnterpriseId)) as TenancyRecord;
      });
    },
    async groupRentalPoints(area) {
      const result = await pool.query<{ body: PremisesRecord; tenants: string[] }>(
        `SELECT p.body, COALESCE((SELECT array_agg(r.tenant_enterprise_id ORDER BY r.tenant_enterprise_id) FROM ${r} r
                   WHERE r.premises_id = p.id AND r.ended_at IS NULL), '{}') AS tenants
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
