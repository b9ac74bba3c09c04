import type { ChainEvent } from '@anjian/core';
import {
  hazardReportFact,
  REPORT_FACT_VERSION,
  type HazardReportFact,
  type ReportAreaGroup,
  type ReportClosedGroup,
  type ReportFacts,
  type ReportFactsQuery,
  type ReportFoundGroup,
  type ReportReadModel,
} from '@anjian/core/ports';
import pg from 'pg';
import { guardPool, checkPostgresOptions, PostgresStoreError } from './postgres-store-error.js';

/** Options of {@link createPostgresReportReadModel}. */
export interface PostgresReportReadModelOptions {
  /** A `pg.Pool` the host owns, or a connection string for a pool the model owns. */
  pool?: pg.Pool;
  connectionString?: string;
  /** The store's schema (the projection tables sit next to the store's). Default `anjian`. */
  schema?: string;
}

/** A {@link ReportReadModel} over PostgreSQL, with `migrate()`, `refresh()` and `close()`. */
export interface PostgresReportReadModel extends ReportReadModel {
  readonly schema: string;
  /** Creates the projection tables if missing. */
  migrate(): Promise<void>;
  /** Brings the projection up to date with the event log and the inspection log. */
  refresh(): Promise<{ hazards: number; inspections: number }>;
  close(): Promise<void>;
}

type Row = Record<string, unknown>;

/**
 * The report read model over PostgreSQL: the same projection as the SQLite one (one row per
 * hazard folded from its events by core's `hazardReportFact` with its overdue spans, one row per inspection), its own
 * tables in the store's schema, refreshed under an advisory lock before each report, and the
 * aggregates as `GROUP BY` queries. Text columns use the "C" collation so that area prefixes
 * and ISO instants compare byte-wise, as in SQLite and in core.
 */
export function createPostgresReportReadModel(options: PostgresReportReadModelOptions): PostgresReportReadModel {
  checkPostgresOptions(options, 'createPostgresReportReadModel');
  const schema = options.schema ?? 'anjian';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new PostgresStoreError('CONFIG_INVALID', `schema must be a lower-case SQL identifier, got ${JSON.stringify(schema)}`);
  const ownsPool = !options.pool;
  const pool = guardPool(options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: 4 }), schema);
  const s = `"${schema}"`;
  let migrated = false;

  const migrate = async () => {
    if (migrated) return;
    const c = `COLLATE "C"`;
    await pool.query(`CREATE TABLE IF NOT EXISTS ${s}.report_hazards (
      hazard_id     text ${c} PRIMARY KEY,
      version       integer NOT NULL,
      enterprise_id text ${c} NOT NULL,
      area          text ${c} NOT NULL,
      domain        text ${c} NOT NULL,
      level         text ${c} NOT NULL,
      source        text ${c} NOT NULL,
      item          text ${c},
      created_at    text ${c} NOT NULL,
      deadline      text ${c},
      closed_at     text ${c},
      on_time       boolean
    )`);
    await pool.query(`CREATE INDEX IF NOT EXISTS report_hazards_created ON ${s}.report_hazards (created_at, area)`);
    await pool.query(`CREATE INDEX IF NOT EXISTS report_hazards_area_created ON ${s}.report_hazards (area, created_at)`);
    await pool.query(`CREATE INDEX IF NOT EXISTS report_hazards_closed ON ${s}.report_hazards (closed_at, area) WHERE closed_at IS NOT NULL`);
    await pool.query(`CREATE INDEX IF NOT EXISTS report_hazards_item ON ${s}.report_hazards (enterprise_id, item, created_at) WHERE item IS NOT NULL`);
    // Overdue is read from report_overdue (as of an instant): core's HazardReportFact.overdue,
    // open and past the running deadline in force from just after since to until inclusive
    // (null while it lasts), with the hazard's scope and list columns repeated.
    await pool.query(`DROP INDEX IF EXISTS ${s}.report_hazards_open`);
    await pool.query(`CREATE TABLE IF NOT EXISTS ${s}.report_overdue (
      hazard_id     text ${c} NOT NULL,
      since         text ${c} NOT NULL,
      until         text ${c},
      deadline      text ${c} NOT NULL,
      enterprise_id text ${c} NOT NULL,
      area          text ${c} NOT NULL,
      domain        text ${c} NOT NULL,
      level         text ${c} NOT NULL,
      created_at    text ${c} NOT NULL,
      PRIMARY KEY (hazard_id, since)
    )`);
    await pool.query(`CREATE INDEX IF NOT EXISTS report_overdue_since ON ${s}.report_overdue (since, area)`);
    await pool.query(
      `CREATE TABLE IF NOT EXISTS ${s}.report_inspections (seq bigint PRIMARY KEY, recorded_at text ${c} NOT NULL, area text ${c} NOT NULL, domain text ${c} NOT NULL, source text ${c} NOT NULL)`,
    );
    await pool.query(`CREATE INDEX IF NOT EXISTS report_inspections_recorded ON ${s}.report_inspections (recorded_at, area, source)`);
    await pool.query(`CREATE TABLE IF NOT EXISTS ${s}.report_areas (area text ${c} PRIMARY KEY)`);
    await pool.query(`CREATE TABLE IF NOT EXISTS ${s}.report_cursor (name text PRIMARY KEY, seq bigint NOT NULL)`);
    migrated = true;
  };

  const refresh = async (): Promise<{ hazards: number; inspections: number }> => {
    await migrate();
    const client = await pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`anjian-report:${schema}`]);
      const cursorOf = async (name: string) => Number((await client.query(`SELECT seq FROM ${s}.report_cursor WHERE name = $1`, [name])).rows[0]?.seq ?? 0);
      const setCursor = (name: string, seq: number) => client.query(`INSERT INTO ${s}.report_cursor (name, seq) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET seq = excluded.seq`, [name, seq]);
      // A changed definition of the facts: rebuild the hazards' projection from the log.
      if ((await cursorOf('fact-version')) !== REPORT_FACT_VERSION) {
        await client.query(`DELETE FROM ${s}.report_hazards`);
        await client.query(`DELETE FROM ${s}.report_overdue`);
        await setCursor('events', 0);
        await setCursor('fact-version', REPORT_FACT_VERSION);
      }
      const from = await cursorOf('events');
      const head = Number((await client.query(`SELECT coalesce(max(seq), 0) AS seq FROM ${s}.events`)).rows[0].seq);
      let hazards = 0;
      if (head > from) {
        const ids = (await client.query(`SELECT DISTINCT hazard_id FROM ${s}.events WHERE seq > $1 AND seq <= $2`, [from, head])).rows.map((r: Row) => r.hazard_id as string);
        const BATCH = 2000;
        for (let i = 0; i < ids.length; i += BATCH) {
          const rows = (await client.query(`SELECT hazard_id, body FROM ${s}.events WHERE hazard_id = ANY($1) AND seq <= $2 ORDER BY hazard_id, version`, [ids.slice(i, i + BATCH), head]))
            .rows as Array<{
            hazard_id: string;
            body: string;
          }>;
          const facts: HazardReportFact[] = [];
          let current: ChainEvent[] = [];
          for (const row of rows) {
            if (current.length > 0 && current[0]!.hazardId !== row.hazard_id) {
              facts.push(hazardReportFact(current));
              current = [];
            }
            current.push(JSON.parse(row.body) as ChainEvent);
          }
          if (current.length > 0) facts.push(hazardReportFact(current));
          await client.query(
            `INSERT INTO ${s}.report_hazards (hazard_id, version, enterprise_id, area, domain, level, source, item, created_at, deadline, closed_at, on_time)
             SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::boolean[])
             ON CONFLICT (hazard_id) DO UPDATE SET version = excluded.version, enterprise_id = excluded.enterprise_id, area = excluded.area, domain = excluded.domain,
               level = excluded.level, source = excluded.source, item = excluded.item, created_at = excluded.created_at, deadline = excluded.deadline,
               closed_at = excluded.closed_at, on_time = excluded.on_time`,
            [
              facts.map((f) => f.hazardId),
              facts.map((f) => f.version),
              facts.map((f) => f.enterpriseId),
              facts.map((f) => f.area),
              facts.map((f) => f.domain),
              facts.map((f) => f.level),
              facts.map((f) => f.source),
              facts.map((f) => f.item),
              facts.map((f) => f.createdAt),
              facts.map((f) => f.deadline),
              facts.map((f) => f.closedAt),
              facts.map((f) => f.onTime),
            ],
          );
          // The hazards' overdue spans, replaced whole (none to clear from an empty projection).
          if (from > 0) await client.query(`DELETE FROM ${s}.report_overdue WHERE hazard_id = ANY($1)`, [facts.map((f) => f.hazardId)]);
          const spans = facts.flatMap((f) => f.overdue.map((o) => ({ f, o })));
          if (spans.length > 0)
            await client.query(
              `INSERT INTO ${s}.report_overdue (hazard_id, since, until, deadline, enterprise_id, area, domain, level, created_at)
               SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])`,
              [
                spans.map((x) => x.f.hazardId),
                spans.map((x) => x.o.since),
                spans.map((x) => x.o.until),
                spans.map((x) => x.o.deadline),
                spans.map((x) => x.f.enterpriseId),
                spans.map((x) => x.f.area),
                spans.map((x) => x.f.domain),
                spans.map((x) => x.f.level),
                spans.map((x) => x.f.createdAt),
              ],
            );
          await client.query(`INSERT INTO ${s}.report_areas (area) SELECT DISTINCT unnest($1::text[]) ON CONFLICT DO NOTHING`, [[...new Set(facts.map((f) => f.area))]]);
        }
        hazards = ids.length;
        await setCursor('events', head);
      }
      let inspections = 0;
      const hasLog = (await client.query(`SELECT to_regclass($1) AS t`, [`${s}.inspection_log`])).rows[0].t !== null;
      if (hasLog) {
        // The log's seq is a sequence, so a lower seq can commit after a higher one: re-read a
        // margin below the cursor (the primary key drops what was taken in already).
        const last = await cursorOf('inspections');
        const r = await client.query(
          `INSERT INTO ${s}.report_inspections (seq, recorded_at, area, domain, source)
           SELECT seq, recorded_at, body->>'area', body->>'domain', body->>'source' FROM ${s}.inspection_log WHERE seq > $1 ON CONFLICT (seq) DO NOTHING`,
          [Math.max(0, last - 10_000)],
        );
        inspections = r.rowCount ?? 0;
        if (inspections > 0) {
          await client.query(`INSERT INTO ${s}.report_areas (area) SELECT DISTINCT area FROM ${s}.report_inspections WHERE seq > $1 ON CONFLICT DO NOTHING`, [Math.max(0, last - 10_000)]);
          await setCursor('inspections', Number((await client.query(`SELECT max(seq) AS m FROM ${s}.report_inspections`)).rows[0].m));
        }
      }
      await client.query('COMMIT');
      return { hazards, inspections };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  const facts = async (q: ReportFactsQuery): Promise<ReportFacts> => {
    const client = await pool.connect();
    try {
      // One snapshot for every aggregate of the report.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const values: Record<string, unknown> = {
        from: q.from,
        to: q.to,
        asOf: q.asOf,
        days: Math.floor(q.recurrenceDays),
        limit: q.limit,
        ...(q.area === undefined ? {} : { area: q.area, areaLo: `${q.area}/`, areaHi: `${q.area}0` }),
        ...(q.domain === undefined ? {} : { domain: q.domain }),
      };
      // Named parameters (@name) become $1, $2 … of the names each statement uses.
      const q_ = async <T>(sql: string): Promise<T[]> => {
        const names: string[] = [];
        const text = sql.replace(/@([a-zA-Z]+)/g, (_, name: string) => {
          if (!(name in values)) throw new TypeError(`report query: no parameter @${name}`);
          let i = names.indexOf(name);
          if (i < 0) i = names.push(name) - 1;
          return `$${i + 1}`;
        });
        return (
          await client.query(
            text,
            names.map((n) => values[n]),
          )
        ).rows as T[];
      };
      const from = '@from';
      const to = '@to';
      // A report_overdue span in force at asOf (core's overdueAt: since < asOf <= until).
      const overdueAt = `since < @asOf AND (until IS NULL OR until >= @asOf)`;
      // The scope: the area and its sub-areas, and the domain when given.
      const areaSql = (prefix: string) =>
        (q.area === undefined ? '' : ` AND (${prefix}area = @area OR (${prefix}area >= @areaLo AND ${prefix}area < @areaHi))`) + (q.domain === undefined ? '' : ` AND ${prefix}domain = @domain`);
      const a = areaSql('');
      const ah = areaSql('h.');
      const recurs = `(h.item IS NOT NULL AND EXISTS (SELECT 1 FROM ${s}.report_hazards p WHERE p.enterprise_id = h.enterprise_id AND p.item = h.item
        AND p.created_at < h.created_at
        AND p.created_at >= to_char((h.created_at::timestamptz - make_interval(days => @days::int)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))`;
      const day = (col: string) => `to_char((${col}::timestamptz AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD')`;
      const found = await q_<ReportFoundGroup>(
        `SELECT level, domain, source, count(*)::int AS found,
           count(*) FILTER (WHERE closed_at IS NOT NULL AND closed_at < ${to})::int AS closed,
           count(*) FILTER (WHERE closed_at IS NOT NULL AND closed_at < ${to} AND on_time)::int AS "onTime"
         FROM ${s}.report_hazards WHERE created_at >= ${from} AND created_at < ${to}${a} GROUP BY level, domain, source`,
      );
      const closed = await q_<ReportClosedGroup>(
        `SELECT level, domain, source, count(*)::int AS closed, count(*) FILTER (WHERE on_time)::int AS "onTime"
         FROM ${s}.report_hazards WHERE closed_at >= ${from} AND closed_at < ${to}${a} GROUP BY level, domain, source`,
      );
      const areas = new Map<string, ReportAreaGroup>();
      const area = (code: string) => {
        let g = areas.get(code);
        if (g === undefined) areas.set(code, (g = { area: code, found: 0, closed: 0, onTime: 0, overdue: 0, recurrent: 0, inspections: 0 }));
        return g;
      };
      for (const r of await q_<{ area: string; n: number }>(`SELECT area, count(*)::int AS n FROM ${s}.report_hazards WHERE created_at >= ${from} AND created_at < ${to}${a} GROUP BY area`))
        area(r.area).found = r.n;
      for (const r of await q_<{ area: string; n: number; t: number }>(
        `SELECT area, count(*)::int AS n, count(*) FILTER (WHERE on_time)::int AS t FROM ${s}.report_hazards WHERE closed_at >= ${from} AND closed_at < ${to}${a} GROUP BY area`,
      )) {
        area(r.area).closed = r.n;
        area(r.area).onTime = r.t;
      }
      for (const r of await q_<{ area: string; n: number }>(`SELECT area, count(*)::int AS n FROM ${s}.report_overdue WHERE ${overdueAt}${a} GROUP BY area`)) area(r.area).overdue = r.n;
      let recurrentHazards = 0;
      const recurrentEnterprises = new Set<string>();
      for (const r of await q_<{ area: string; enterprise: string; n: number }>(
        `SELECT h.area, h.enterprise_id AS enterprise, count(*)::int AS n FROM ${s}.report_hazards h
         WHERE h.created_at >= ${from} AND h.created_at < ${to}${ah} AND ${recurs} GROUP BY h.area, h.enterprise_id`,
      )) {
        area(r.area).recurrent += r.n;
        recurrentHazards += r.n;
        recurrentEnterprises.add(r.enterprise);
      }
      const bySource: Record<string, number> = {};
      let inspections = 0;
      for (const r of await q_<{ area: string; source: string; n: number }>(
        `SELECT area, source, count(*)::int AS n FROM ${s}.report_inspections WHERE recorded_at >= ${from} AND recorded_at < ${to}${a} GROUP BY area, source`,
      )) {
        area(r.area).inspections += r.n;
        bySource[r.source] = (bySource[r.source] ?? 0) + r.n;
        inspections += r.n;
      }
      const enterprises = (
        await q_<{ enterpriseId: string; area: string; found: number; recurrent: number }>(
          `SELECT h.enterprise_id AS "enterpriseId", max(h.area) AS area, count(*)::int AS found, count(*) FILTER (WHERE ${recurs})::int AS recurrent
           FROM ${s}.report_hazards h WHERE h.created_at >= ${from} AND h.created_at < ${to}${ah}
           GROUP BY h.enterprise_id ORDER BY found DESC, h.enterprise_id LIMIT @limit::int`,
        )
      ).map((e) => ({ ...e, overdue: 0 }));
      if (enterprises.length > 0) {
        values.ids = enterprises.map((e) => e.enterpriseId);
        const overdueOf = new Map(
          (
            await q_<{ e: string; n: number }>(
              `SELECT enterprise_id AS e, count(*)::int AS n FROM ${s}.report_overdue WHERE ${overdueAt}${a}
               AND enterprise_id = ANY(@ids::text[]) GROUP BY enterprise_id`,
            )
          ).map((r) => [r.e, r.n]),
        );
        for (const e of enterprises) e.overdue = overdueOf.get(e.enterpriseId) ?? 0;
      }
      const items = await q_<ReportFacts['overdue']['items'][number]>(
        `SELECT hazard_id AS "hazardId", enterprise_id AS "enterpriseId", area, domain, level, deadline, created_at AS "createdAt"
         FROM ${s}.report_overdue WHERE ${overdueAt}${a} ORDER BY deadline, hazard_id LIMIT @limit::int`,
      );
      const byDay = new Map<string, { found: number; closed: number }>();
      for (const r of await q_<{ d: string; n: number }>(
        `SELECT ${day('created_at')} AS d, count(*)::int AS n FROM ${s}.report_hazards WHERE created_at >= ${from} AND created_at < ${to}${a} GROUP BY 1`,
      ))
        byDay.set(r.d, { found: r.n, closed: 0 });
      for (const r of await q_<{ d: string; n: number }>(
        `SELECT ${day('closed_at')} AS d, count(*)::int AS n FROM ${s}.report_hazards WHERE closed_at >= ${from} AND closed_at < ${to}${a} GROUP BY 1`,
      ))
        byDay.set(r.d, { found: byDay.get(r.d)?.found ?? 0, closed: r.n });
      await client.query('COMMIT');
      const sorted = [...areas.values()].sort((x, y) => (x.area < y.area ? -1 : 1));
      return {
        found: found.sort(groupOrder),
        closed: closed.sort(groupOrder),
        areas: sorted,
        enterprises,
        overdue: { total: sorted.reduce((n, g) => n + g.overdue, 0), items },
        recurrence: { hazards: recurrentHazards, enterprises: recurrentEnterprises.size },
        inspections: { total: inspections, bySource },
        days: [...byDay.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).map(([d, v]) => ({ day: d, ...v })),
      };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  return {
    schema,
    migrate,
    refresh,
    async reportFacts(query) {
      await refresh();
      return facts(query);
    },
    async areas() {
      await refresh();
      return (await pool.query(`SELECT area FROM ${s}.report_areas ORDER BY area`)).rows.map((r: Row) => r.area as string);
    },
    async close() {
      if (ownsPool) await pool.end();
    },
  };
}

function groupOrder(a: { level: string; domain: string; source: string }, b: { level: string; domain: string; source: string }): number {
  const ka = `${a.level}\n${a.domain}\n${a.source}`;
  const kb = `${b.level}\n${b.domain}\n${b.source}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
