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
import type { ChainEvent } from '@anjian/core';
import type Database from 'better-sqlite3';
import { openDatabase, sqlitePath } from './open-database.js';

/** Options of {@link createSqliteReportReadModel}. */
export interface SqliteReportReadModelOptions {
  /** The store's database file (the projection tables sit next to the store's; the inspection log is read when present). */
  path: string;
  busyTimeoutMs?: number;
}

/** A {@link ReportReadModel} over SQLite, with `refresh()` and `close()`. */
export interface SqliteReportReadModel extends ReportReadModel {
  /** Brings the projection up to date with the event log and the inspection log; answers how many hazards and inspections it took in. */
  refresh(): { hazards: number; inspections: number };
  close(): void;
}

// Its own tables, created if missing: the store's migrations and user_version stay the store's.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS report_hazards (
    hazard_id     TEXT PRIMARY KEY,
    version       INTEGER NOT NULL,
    enterprise_id TEXT NOT NULL,
    area          TEXT NOT NULL,
    domain        TEXT NOT NULL,
    level         TEXT NOT NULL,
    source        TEXT NOT NULL,
    item          TEXT,
    created_at    TEXT NOT NULL,
    deadline      TEXT,
    closed_at     TEXT,
    on_time       INTEGER
  ) STRICT;
  CREATE INDEX IF NOT EXISTS report_hazards_created      ON report_hazards (created_at, area);
  CREATE INDEX IF NOT EXISTS report_hazards_area_created ON report_hazards (area, created_at);
  CREATE INDEX IF NOT EXISTS report_hazards_closed       ON report_hazards (closed_at, area) WHERE closed_at IS NOT NULL;
  CREATE INDEX IF NOT EXISTS report_hazards_item         ON report_hazards (enterprise_id, item, created_at) WHERE item IS NOT NULL;
  DROP INDEX IF EXISTS report_hazards_open;             -- overdue is read from report_overdue (as of an instant)
  -- When each hazard was overdue (core's HazardReportFact.overdue): open, past the running
  -- deadline in force, from just after since to until inclusive (null while it lasts). The
  -- hazard's scope and list columns are repeated so that overdue-as-of is one range scan.
  CREATE TABLE IF NOT EXISTS report_overdue (
    hazard_id     TEXT NOT NULL,
    since         TEXT NOT NULL,
    until         TEXT,
    deadline      TEXT NOT NULL,
    enterprise_id TEXT NOT NULL,
    area          TEXT NOT NULL,
    domain        TEXT NOT NULL,
    level         TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    PRIMARY KEY (hazard_id, since)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS report_overdue_since ON report_overdue (since, area);
  CREATE TABLE IF NOT EXISTS report_inspections (
    seq         INTEGER PRIMARY KEY,             -- the inspection log's seq
    recorded_at TEXT NOT NULL,
    area        TEXT NOT NULL,
    domain      TEXT NOT NULL,
    source      TEXT NOT NULL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS report_inspections_recorded ON report_inspections (recorded_at, area, source);
  CREATE TABLE IF NOT EXISTS report_areas (area TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS report_cursor (name TEXT PRIMARY KEY, seq INTEGER NOT NULL) STRICT;
`;

/** A report_overdue span in force at the instant bound twice (core's `overdueAt`: since < t <= until). */
const OVERDUE_AT = 'since < ? AND (until IS NULL OR until >= ?)';

/** `strftime` of an instant shifted to a UTC+8 day. */
const DAY = (col: string) => `strftime('%Y-%m-%d', ${col}, '+8 hours')`;

/**
 * The report read model over SQLite. A projection of one row per hazard, derived from the
 * event log by core's `hazardReportFact` (so it agrees with the chain) with its overdue spans
 * (`report_overdue`, so a past period counts what was overdue at its end), and one row per
 * inspection from the inspection log; `reportFacts` brings both up to date in one write
 * transaction, then answers with `GROUP BY` queries over covering indexes — never loading
 * the hazards of a city-year into memory.
 *
 * @example
 * ```ts
 * const reports = createSqliteReportReadModel({ path: '.data/anjian.db' });
 * const report = await buildPeriodicReport(reports, { kind: 'monthly', period: '2026-11', now: new Date().toISOString() });
 * ```
 */
export function createSqliteReportReadModel(options: SqliteReportReadModelOptions): SqliteReportReadModel {
  const db: Database.Database = openDatabase(sqlitePath(options, 'createSqliteReportReadModel'), options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs });
  db.exec(SCHEMA);
  const upsert = db.prepare(`INSERT INTO report_hazards (hazard_id, version, enterprise_id, area, domain, level, source, item, created_at, deadline, closed_at, on_time)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (hazard_id) DO UPDATE SET version = excluded.version, enterprise_id = excluded.enterprise_id, area = excluded.area, domain = excluded.domain,
      level = excluded.level, source = excluded.source, item = excluded.item, created_at = excluded.created_at, deadline = excluded.deadline,
      closed_at = excluded.closed_at, on_time = excluded.on_time`);
  const cursor = db.prepare('SELECT seq FROM report_cursor WHERE name = ?').pluck();
  const setCursor = db.prepare('INSERT INTO report_cursor (name, seq) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET seq = excluded.seq');
  const hasInspectionLog = () => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'inspection_log'").get() !== undefined;

  const clearOverdue = db.prepare('DELETE FROM report_overdue WHERE hazard_id = ?');
  const insertOverdue = db.prepare('INSERT INTO report_overdue (hazard_id, since, until, deadline, enterprise_id, area, domain, level, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const write = (f: HazardReportFact, fresh: boolean) => {
    upsert.run(f.hazardId, f.version, f.enterpriseId, f.area, f.domain, f.level, f.source, f.item, f.createdAt, f.deadline, f.closedAt, f.onTime === null ? null : f.onTime ? 1 : 0);
    if (!fresh) clearOverdue.run(f.hazardId);
    for (const o of f.overdue) insertOverdue.run(f.hazardId, o.since, o.until, o.deadline, f.enterpriseId, f.area, f.domain, f.level, f.createdAt);
  };

  const refresh = db.transaction(() => {
    // A changed definition of the facts: rebuild the hazards' projection from the log.
    if ((cursor.get('fact-version') as number | undefined) !== REPORT_FACT_VERSION) {
      db.exec('DELETE FROM report_hazards; DELETE FROM report_overdue');
      setCursor.run('events', 0);
      setCursor.run('fact-version', REPORT_FACT_VERSION);
    }
    const from = (cursor.get('events') as number | undefined) ?? 0;
    // From an empty projection (first catch-up, rebuild) no hazard has spans to clear.
    const fresh = from === 0;
    const head = (db.prepare('SELECT coalesce(max(seq), 0) FROM events').pluck().get() as number) ?? 0;
    let hazards = 0;
    if (head > from) {
      // Hazards with new events, then each one's whole history (folded by core), in batches.
      const ids = db.prepare('SELECT DISTINCT hazard_id FROM events WHERE seq > ? AND seq <= ?').pluck().all(from, head) as string[];
      const BATCH = 500;
      for (let i = 0; i < ids.length; i += BATCH) {
        const batch = ids.slice(i, i + BATCH);
        const rows = db.prepare(`SELECT hazard_id, body FROM events WHERE hazard_id IN (${batch.map(() => '?').join(',')}) AND seq <= ? ORDER BY hazard_id, version`).all(...batch, head) as Array<{
          hazard_id: string;
          body: string;
        }>;
        let current: ChainEvent[] = [];
        for (const row of rows) {
          if (current.length > 0 && current[0]!.hazardId !== row.hazard_id) {
            write(hazardReportFact(current), fresh);
            current = [];
          }
          current.push(JSON.parse(row.body) as ChainEvent);
        }
        if (current.length > 0) write(hazardReportFact(current), fresh);
      }
      hazards = ids.length;
      db.prepare('INSERT OR IGNORE INTO report_areas (area) SELECT DISTINCT area FROM report_hazards WHERE hazard_id IN (SELECT hazard_id FROM events WHERE seq > ? AND seq <= ?)').run(from, head);
      setCursor.run('events', head);
    }
    let inspections = 0;
    if (hasInspectionLog()) {
      const last = (cursor.get('inspections') as number | undefined) ?? 0;
      inspections = db
        .prepare(
          `INSERT INTO report_inspections (seq, recorded_at, area, domain, source)
           SELECT seq, recorded_at, json_extract(body, '$.area'), json_extract(body, '$.domain'), json_extract(body, '$.source') FROM inspection_log WHERE seq > ? ORDER BY seq`,
        )
        .run(last).changes;
      if (inspections > 0) {
        db.prepare('INSERT OR IGNORE INTO report_areas (area) SELECT DISTINCT area FROM report_inspections WHERE seq > ?').run(last);
        setCursor.run('inspections', db.prepare('SELECT max(seq) FROM report_inspections').pluck().get() as number);
      }
    }
    return { hazards, inspections };
  });

  // The scope: the area and its sub-areas, and the domain when given.
  const areaClause = (q: ReportFactsQuery, prefix = ''): { sql: string; params: string[] } => {
    const col = `${prefix}area`;
    const sql = (q.area === undefined ? '' : ` AND (${col} = ? OR (${col} >= ? AND ${col} < ?))`) + (q.domain === undefined ? '' : ` AND ${prefix}domain = ?`);
    return { sql, params: [...(q.area === undefined ? [] : [q.area, `${q.area}/`, `${q.area}0`]), ...(q.domain === undefined ? [] : [q.domain])] };
  };

  const facts = db.transaction((q: ReportFactsQuery): ReportFacts => {
    const a = areaClause(q);
    const ah = areaClause(q, 'h.');
    const recurs = `h.item IS NOT NULL AND EXISTS (SELECT 1 FROM report_hazards p WHERE p.enterprise_id = h.enterprise_id AND p.item = h.item
      AND p.created_at < h.created_at AND p.created_at >= strftime('%Y-%m-%dT%H:%M:%fZ', h.created_at, '-${Math.floor(q.recurrenceDays)} days'))`;
    const found = db
      .prepare(
        `SELECT level, domain, source, count(*) AS found,
          coalesce(sum(closed_at IS NOT NULL AND closed_at < ?), 0) AS closed,
          coalesce(sum(closed_at IS NOT NULL AND closed_at < ? AND on_time = 1), 0) AS onTime
         FROM report_hazards WHERE created_at >= ? AND created_at < ?${a.sql} GROUP BY level, domain, source`,
      )
      .all(q.to, q.to, q.from, q.to, ...a.params) as ReportFoundGroup[];
    const closed = db
      .prepare(
        `SELECT level, domain, source, count(*) AS closed, coalesce(sum(on_time = 1), 0) AS onTime
         FROM report_hazards WHERE closed_at >= ? AND closed_at < ?${a.sql} GROUP BY level, domain, source`,
      )
      .all(q.from, q.to, ...a.params) as ReportClosedGroup[];
    const areas = new Map<string, ReportAreaGroup>();
    const area = (code: string) => {
      let g = areas.get(code);
      if (g === undefined) areas.set(code, (g = { area: code, found: 0, closed: 0, onTime: 0, overdue: 0, recurrent: 0, inspections: 0 }));
      return g;
    };
    for (const r of db.prepare(`SELECT area, count(*) AS n FROM report_hazards WHERE created_at >= ? AND created_at < ?${a.sql} GROUP BY area`).all(q.from, q.to, ...a.params) as Array<{
      area: string;
      n: number;
    }>)
      area(r.area).found = r.n;
    for (const r of db
      .prepare(`SELECT area, count(*) AS n, coalesce(sum(on_time = 1), 0) AS t FROM report_hazards WHERE closed_at >= ? AND closed_at < ?${a.sql} GROUP BY area`)
      .all(q.from, q.to, ...a.params) as Array<{ area: string; n: number; t: number }>) {
      area(r.area).closed = r.n;
      area(r.area).onTime = r.t;
    }
    for (const r of db.prepare(`SELECT area, count(*) AS n FROM report_overdue WHERE ${OVERDUE_AT}${a.sql} GROUP BY area`).all(q.asOf, q.asOf, ...a.params) as Array<{ area: string; n: number }>)
      area(r.area).overdue = r.n;
    let recurrentHazards = 0;
    const recurrentEnterprises = new Set<string>();
    for (const r of db
      .prepare(
        `SELECT h.area AS area, h.enterprise_id AS enterprise, count(*) AS n FROM report_hazards h WHERE h.created_at >= ? AND h.created_at < ?${ah.sql} AND ${recurs} GROUP BY h.area, h.enterprise_id`,
      )
      .all(q.from, q.to, ...ah.params) as Array<{ area: string; enterprise: string; n: number }>) {
      area(r.area).recurrent += r.n;
      recurrentHazards += r.n;
      recurrentEnterprises.add(r.enterprise);
    }
    const bySource: Record<string, number> = {};
    let inspections = 0;
    for (const r of db
      .prepare(`SELECT area, source, count(*) AS n FROM report_inspections WHERE recorded_at >= ? AND recorded_at < ?${a.sql} GROUP BY area, source`)
      .all(q.from, q.to, ...a.params) as Array<{ area: string; source: string; n: number }>) {
      area(r.area).inspections += r.n;
      bySource[r.source] = (bySource[r.source] ?? 0) + r.n;
      inspections += r.n;
    }
    const enterprises = (
      db
        .prepare(
          `SELECT h.enterprise_id AS enterpriseId, max(h.area) AS area, count(*) AS found, coalesce(sum(${recurs}), 0) AS recurrent
           FROM report_hazards h WHERE h.created_at >= ? AND h.created_at < ?${ah.sql}
           GROUP BY h.enterprise_id ORDER BY found DESC, h.enterprise_id LIMIT ?`,
        )
        .all(q.from, q.to, ...ah.params, q.limit) as Array<{ enterpriseId: string; area: string; found: number; recurrent: number }>
    ).map((e) => ({ ...e, overdue: 0 }));
    if (enterprises.length > 0) {
      const overdueOf = new Map(
        (
          db
            .prepare(
              `SELECT enterprise_id AS e, count(*) AS n FROM report_overdue WHERE ${OVERDUE_AT}${a.sql}
               AND enterprise_id IN (${enterprises.map(() => '?').join(',')}) GROUP BY enterprise_id`,
            )
            .all(q.asOf, q.asOf, ...a.params, ...enterprises.map((e) => e.enterpriseId)) as Array<{ e: string; n: number }>
        ).map((r) => [r.e, r.n]),
      );
      for (const e of enterprises) e.overdue = overdueOf.get(e.enterpriseId) ?? 0;
    }
    const items = db
      .prepare(
        `SELECT hazard_id AS hazardId, enterprise_id AS enterpriseId, area, domain, level, deadline, created_at AS createdAt
         FROM report_overdue WHERE ${OVERDUE_AT}${a.sql} ORDER BY deadline, hazard_id LIMIT ?`,
      )
      .all(q.asOf, q.asOf, ...a.params, q.limit) as ReportFacts['overdue']['items'];
    const days = new Map<string, { found: number; closed: number }>();
    for (const r of db
      .prepare(`SELECT ${DAY('created_at')} AS d, count(*) AS n FROM report_hazards WHERE created_at >= ? AND created_at < ?${a.sql} GROUP BY d`)
      .all(q.from, q.to, ...a.params) as Array<{
      d: string;
      n: number;
    }>)
      days.set(r.d, { found: r.n, closed: 0 });
    for (const r of db.prepare(`SELECT ${DAY('closed_at')} AS d, count(*) AS n FROM report_hazards WHERE closed_at >= ? AND closed_at < ?${a.sql} GROUP BY d`).all(q.from, q.to, ...a.params) as Array<{
      d: string;
      n: number;
    }>)
      days.set(r.d, { found: days.get(r.d)?.found ?? 0, closed: r.n });
    const sorted = [...areas.values()].sort((x, y) => (x.area < y.area ? -1 : 1));
    return {
      found: found.sort(groupOrder),
      closed: closed.sort(groupOrder),
      areas: sorted,
      enterprises,
      overdue: { total: sorted.reduce((n, g) => n + g.overdue, 0), items },
      recurrence: { hazards: recurrentHazards, enterprises: recurrentEnterprises.size },
      inspections: { total: inspections, bySource },
      days: [...days.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).map(([day, v]) => ({ day, ...v })),
    };
  });

  return {
    refresh: () => refresh.immediate(),
    async reportFacts(query) {
      refresh.immediate();
      return facts(query);
    },
    async areas() {
      refresh.immediate();
      return db.prepare('SELECT area FROM report_areas ORDER BY area').pluck().all() as string[];
    },
    close() {
      db.close();
    },
  };
}

function groupOrder(a: { level: string; domain: string; source: string }, b: { level: string; domain: string; source: string }): number {
  const ka = `${a.level}\n${a.domain}\n${a.source}`;
  const kb = `${b.level}\n${b.domain}\n${b.source}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
